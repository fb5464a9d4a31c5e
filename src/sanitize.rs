//! Stage 6: the allowlist sanitizer, the last step before HTML leaves the library.
//!
//! The output tree already holds only allowlisted tags, but the HTML goes into live pages, so
//! it passes through ammonia as well: no scripts, styles, event handlers, iframes, forms or
//! `javascript:` URLs can survive either step.

use std::sync::OnceLock;

/// Tags the article may contain.
const TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "dl",
    "dt",
    "dd",
    "hr",
    "br",
    "a",
    "img",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "sub",
    "sup",
    "mark",
    "small",
    "code",
    "kbd",
    "q",
    "cite",
    "abbr",
    "time",
];

/// Sanitizes article HTML.
pub(crate) fn clean(html: &str) -> String {
    sanitizer().clean(html).to_string()
}

/// The allowlist, built once (it is a handful of hash sets).
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::empty();
        builder
            .tags(TAGS.iter().copied().collect())
            .generic_attributes(["dir", "lang"].into_iter().collect())
            .tag_attributes(
                [
                    ("a", ["href"].into_iter().collect()),
                    ("img", ["src", "alt"].into_iter().collect()),
                    ("td", ["colspan", "rowspan"].into_iter().collect()),
                    ("th", ["colspan", "rowspan"].into_iter().collect()),
                    ("time", ["datetime"].into_iter().collect()),
                ]
                .into_iter()
                .collect(),
            )
            .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
            .link_rel(Some("noopener noreferrer nofollow"))
            .strip_comments(true);
        builder
    })
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn strips_active_content() {
        let dirty = r#"<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">l</a><iframe srcdoc="<script>"></iframe><img src=x onerror=alert(1)><svg onload=alert(1)></svg></p>"#;
        let c = clean(dirty);
        for bad in [
            "<script",
            "onclick",
            "javascript:",
            "<iframe",
            "onerror",
            "<svg",
            "onload",
        ] {
            assert!(!c.contains(bad), "{bad} in {c}");
        }
        assert!(c.contains("<p>a"));
    }
}
