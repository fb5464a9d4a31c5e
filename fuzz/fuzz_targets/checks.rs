//! What every fuzz target asserts about one input, shared by the cargo-fuzz targets (nightly)
//! and the bounded randomized loop that runs them on stable (`tests/fuzz.rs`,
//! `fuzz_targets_on_stable`). Reaching the end of a check without a panic is the assertion that
//! nothing panicked; the article is then checked for what must never leave naqi.

#![allow(dead_code)]

use naqi::{Article, Options};

#[path = "../../tests/oracle/mod.rs"]
mod oracle;

/// `naqi::extract` (and the readability check) on text.
pub fn extract(data: &[u8]) {
    let html = String::from_utf8_lossy(data);
    let options = Options::default().with_url("https://example.com/news/");
    let _ = naqi::is_probably_readable(&html);
    if let Ok(article) = naqi::extract(&html, &options) {
        article_is_safe(&article);
    }
}

/// `naqi::extract_bytes` on raw bytes (charset detection first).
pub fn extract_bytes(data: &[u8]) {
    if let Ok(article) = naqi::extract_bytes(data, &Options::default()) {
        article_is_safe(&article);
    }
}

/// `naqi::extract_tree` on a document in the tree format: the header is added when the input
/// lacks it, so the mutations reach the tree reader.
pub fn extract_tree(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let tree = if text.starts_with("naqi-tree/1\0") {
        text.into_owned()
    } else {
        format!("naqi-tree/1\0{text}")
    };
    let _ = naqi::is_probably_readable_tree(&tree);
    if let Ok(article) = naqi::extract_tree(&tree, &Options::default()) {
        article_is_safe(&article);
    }
}

/// An address naqi may output: http(s) or mailto, or relative (no scheme: a scheme is a
/// letter, then letters, digits, `+`, `-` or `.`, then `:`).
fn allowed_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s).filter(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    matches!(scheme, None | Some("http" | "https" | "mailto"))
}

/// The attributes naqi writes.
const ATTRIBUTES: &[&str] = &[
    "href", "src", "alt", "dir", "lang", "colspan", "rowspan", "datetime", "rel",
];

/// Checks every tag of naqi's HTML: a known element, known attributes, allowed addresses.
/// naqi escapes `<` in text and `"` in values, so every `<` starts a tag and every value ends
/// at the next `"`. Then ammonia, with naqi's allowlist, must leave the HTML unchanged.
fn html_is_safe(html: &str) {
    let mut failures = Vec::new();
    oracle::check("a fuzzed input", html, &oracle::oracle(), &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let (name, mut rest) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(
            !matches!(
                name,
                "script" | "style" | "iframe" | "svg" | "object" | "embed"
            ),
            "<{name}> in content_html"
        );
        while let Some((attr, after)) = rest.trim_start().split_once("=\"") {
            let (value, after) = after.split_once('"').unwrap_or((after, ""));
            assert!(
                ATTRIBUTES.contains(&attr),
                "attribute {attr:?} in content_html"
            );
            if matches!(attr, "href" | "src") {
                assert!(
                    allowed_address(value),
                    "refused address in content_html: {value}"
                );
            }
            rest = after;
        }
    }
}

/// Nothing active in the HTML or Markdown, no refused address in any field, metadata capped.
pub fn article_is_safe(article: &Article) {
    html_is_safe(&article.content_html);
    let markdown = article.markdown.to_ascii_lowercase();
    for bad in ["](javascript:", "](data:", "](file:", "](vbscript:"] {
        // Only as text, where the bracket is escaped: "\\](".
        for (at, _) in markdown.match_indices(bad) {
            let escaped = markdown.get(..at).is_some_and(|b| b.ends_with('\\'));
            assert!(escaped, "{bad} in markdown: {markdown}");
        }
    }
    for url in [&article.canonical_url, &article.lead_image]
        .into_iter()
        .flatten()
    {
        assert!(allowed_address(url), "refused address in output: {url}");
    }
    assert!(article.title.chars().count() <= naqi::MAX_TITLE_CHARS);
    for (value, cap) in [
        (&article.byline, naqi::MAX_BYLINE_CHARS),
        (&article.site_name, naqi::MAX_SITE_NAME_CHARS),
        (&article.excerpt, naqi::MAX_EXCERPT_CHARS),
    ] {
        assert!(value.as_ref().is_none_or(|v| v.chars().count() <= cap));
    }
}
