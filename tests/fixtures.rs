//! Per-failure-mode fixtures: one test per folder under `tests/fixtures/<lang>/<case>/`.
//!
//! Each folder holds `source.html` (passed to `naqi::extract`) or `source.bin` (raw bytes,
//! passed to `naqi::extract_bytes`), and `expected.json` with any of these keys:
//!
//! | key | checked against |
//! |---|---|
//! | `title`, `lang`, `lead_image`, `published`, `site_name`, `byline` | equal to the article's field |
//! | `dir` | `"rtl"` or `"ltr"` |
//! | `must_contain` | each is in `text` |
//! | `must_not_contain` | each is absent from `text` and `content_html` |
//! | `text_not_contains` | each is absent from `text` (it may stay in `content_html`) |
//! | `content_html_contains`, `content_html_not_contains` | `content_html` |
//! | `removed_labels` | each equals a removal's label (trailing `:` and spaces trimmed) or is part of it |
//! | `removed_kinds` | each is the kind of some removal (`"read-also"`, `"related"`, ...) |
//! | `removed_rules` | each is the rule of some removal (`"label-box"`, `"hidden-element"`, ...); every [`naqi::RemovalRule`] is listed by some fixture |
//! | `url` | passed as `Options::url` |
//! | `error` | the extraction fails with this `Error::code()` |
//!
//! Whitespace runs are collapsed to one space on both sides before a substring check, so a
//! line break inside a source paragraph does not matter; for the `content_html` checks the
//! spaces next to tags are dropped too (`<p>\n text</p>` reads as `<p>text</p>`). Every failed
//! check of a fixture is reported at once, followed by what the extractor returned.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One `expected.json`. Unknown keys are refused so a typo cannot silently skip a check.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    title: Option<String>,
    lang: Option<String>,
    dir: Option<String>,
    #[serde(default)]
    must_contain: Vec<String>,
    #[serde(default)]
    must_not_contain: Vec<String>,
    #[serde(default)]
    text_not_contains: Vec<String>,
    #[serde(default)]
    removed_labels: Vec<String>,
    #[serde(default)]
    removed_kinds: Vec<String>,
    #[serde(default)]
    removed_rules: Vec<String>,
    lead_image: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
    byline: Option<String>,
    url: Option<String>,
    #[serde(default)]
    content_html_contains: Vec<String>,
    #[serde(default)]
    content_html_not_contains: Vec<String>,
    error: Option<String>,
}

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// Collapses every whitespace run (including NBSP and line breaks) into one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `squash`, then drops the spaces next to tags, so `<p dir="auto">\n text\n</p>` reads as
/// `<p dir="auto">text</p>`: whitespace at block boundaries does not change what is shown.
fn squash_markup(s: &str) -> String {
    squash(s).replace("> ", ">").replace(" <", "<")
}

/// A removal label as compared: trailing colons, spaces and NBSPs trimmed.
fn trim_label(s: &str) -> &str {
    s.trim()
        .trim_end_matches(|c: char| c == ':' || c.is_whitespace())
}

fn check_field(failures: &mut Vec<String>, name: &str, want: Option<&String>, got: Option<&str>) {
    if let Some(want) = want {
        if got != Some(want.as_str()) {
            failures.push(format!("{name}: expected \"{want}\", got {}", show(got)));
        }
    }
}

/// Quotes an optional field for a failure message (`Debug` would escape Arabic marks).
fn show(value: Option<&str>) -> String {
    value.map_or_else(|| "none".to_owned(), |v| format!("\"{v}\""))
}

fn describe(article: &naqi::Article) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "--- what the extractor returned ---");
    let _ = writeln!(out, "title: \"{}\"", article.title);
    let _ = writeln!(
        out,
        "lang: {}  dir: {}  byline: {}  published: {}",
        show(article.lang.as_deref()),
        article.dir.as_str(),
        show(article.byline.as_deref()),
        show(article.published.as_deref())
    );
    let _ = writeln!(
        out,
        "site_name: {}  lead_image: {}",
        show(article.site_name.as_deref()),
        show(article.lead_image.as_deref())
    );
    let _ = writeln!(out, "removed ({}):", article.removed.len());
    for r in &article.removed {
        let _ = writeln!(
            out,
            "  - {} / {} / {} / label {} / \"{}\"",
            r.stage.as_str(),
            r.kind.as_str(),
            r.rule.as_str(),
            show(r.label.as_deref()),
            r.preview
        );
    }
    let text: String = article.text.chars().take(2000).collect();
    let _ = writeln!(out, "text:\n{text}");
    let html: String = article.content_html.chars().take(2000).collect();
    let _ = writeln!(out, "content_html:\n{html}");
    out
}

fn check_article(expected: &Expected, article: &naqi::Article) -> Vec<String> {
    let mut failures = Vec::new();
    let text = squash(&article.text);
    let html = squash_markup(&article.content_html);
    let html_text = squash(&naqi::testing::decode_references(&article.content_html));

    if let Some(want) = &expected.title {
        if article.title.trim() != want.trim() {
            failures.push(format!(
                "title: expected \"{want}\", got \"{}\"",
                article.title
            ));
        }
    }
    check_field(
        &mut failures,
        "lang",
        expected.lang.as_ref(),
        article.lang.as_deref(),
    );
    check_field(
        &mut failures,
        "dir",
        expected.dir.as_ref(),
        Some(article.dir.as_str()),
    );
    check_field(
        &mut failures,
        "lead_image",
        expected.lead_image.as_ref(),
        article.lead_image.as_deref(),
    );
    check_field(
        &mut failures,
        "published",
        expected.published.as_ref(),
        article.published.as_deref(),
    );
    check_field(
        &mut failures,
        "site_name",
        expected.site_name.as_ref(),
        article.site_name.as_deref(),
    );
    check_field(
        &mut failures,
        "byline",
        expected.byline.as_ref(),
        article.byline.as_deref(),
    );

    for s in &expected.must_contain {
        if !text.contains(&squash(s)) {
            failures.push(format!("must_contain: text lacks \"{s}\""));
        }
    }
    for s in &expected.must_not_contain {
        let s2 = squash(s);
        if text.contains(&s2) {
            failures.push(format!("must_not_contain: text has \"{s}\""));
        }
        if html_text.contains(&s2) {
            failures.push(format!("must_not_contain: content_html has \"{s}\""));
        }
    }
    for s in &expected.text_not_contains {
        if text.contains(&squash(s)) {
            failures.push(format!("text_not_contains: text has \"{s}\""));
        }
    }
    for s in &expected.content_html_contains {
        if !html.contains(&squash_markup(s)) {
            failures.push(format!("content_html_contains: content_html lacks \"{s}\""));
        }
    }
    for s in &expected.content_html_not_contains {
        if html.contains(&squash_markup(s)) {
            failures.push(format!(
                "content_html_not_contains: content_html has \"{s}\""
            ));
        }
    }
    for want in &expected.removed_labels {
        let want = trim_label(want);
        let found = article.removed.iter().any(|r| {
            r.label.as_deref().is_some_and(|label| {
                let label = trim_label(label);
                label == want || label.contains(want)
            })
        });
        if !found {
            failures.push(format!("removed_labels: no removal is labelled \"{want}\""));
        }
    }
    for want in &expected.removed_kinds {
        if !article.removed.iter().any(|r| r.kind.as_str() == want) {
            failures.push(format!("removed_kinds: no removal of kind \"{want}\""));
        }
    }
    for want in &expected.removed_rules {
        if !article.removed.iter().any(|r| r.rule.as_str() == want) {
            failures.push(format!("removed_rules: rule \"{want}\" removed nothing"));
        }
    }
    // The content is inserted into live pages: no fixture may ever get a script through.
    if article
        .content_html
        .to_ascii_lowercase()
        .contains("<script")
    {
        failures.push("content_html holds a <script> element".to_owned());
    }
    failures
}

/// Runs the fixture in `tests/fixtures/<case>` and fails with every broken expectation.
fn run_fixture(case: &str) {
    let dir = fixtures_root().join(case);
    let expected_path = dir.join("expected.json");
    let expected_json = std::fs::read_to_string(&expected_path)
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
    let expected: Expected = serde_json::from_str(&expected_json)
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));

    let mut options = naqi::Options::default();
    if let Some(url) = &expected.url {
        options = options.with_url(url.clone());
    }

    let html_path = dir.join("source.html");
    let bin_path = dir.join("source.bin");
    let result = if html_path.exists() {
        let html = std::fs::read_to_string(&html_path)
            .unwrap_or_else(|e| panic!("{}: {e}", html_path.display()));
        naqi::extract(&html, &options)
    } else if bin_path.exists() {
        let bytes =
            std::fs::read(&bin_path).unwrap_or_else(|e| panic!("{}: {e}", bin_path.display()));
        naqi::extract_bytes(&bytes, &options)
    } else {
        panic!("{case}: neither source.html nor source.bin");
    };

    match (result, &expected.error) {
        (Err(err), Some(code)) => {
            assert_eq!(err.code(), code, "fixture {case}: wrong error ({err})");
        }
        (Ok(article), Some(code)) => {
            panic!(
                "fixture {case}: expected error {code}, got an article\n{}",
                describe(&article)
            );
        }
        (Err(err), None) => {
            panic!(
                "fixture {case}: expected an article, got error {} ({err})",
                err.code()
            );
        }
        (Ok(article), None) => {
            let failures = check_article(&expected, &article);
            if !failures.is_empty() {
                panic!(
                    "fixture {case}: {} failed check(s):\n  * {}\n{}",
                    failures.len(),
                    failures.join("\n  * "),
                    describe(&article)
                );
            }
        }
    }
}

/// Declares one `#[test]` per fixture folder, and the list of folders that
/// `every_fixture_folder_is_listed` compares with the disk.
macro_rules! fixtures {
    ($($name:ident => $case:literal,)*) => {
        $(
            #[test]
            fn $name() {
                run_fixture($case);
            }
        )*
        const LISTED: &[&str] = &[$($case),*];
    };
}

fixtures! {
    ar_alert_role_in_body => "ar/alert-role-in-body",
    ar_bare_label_line => "ar/bare-label-line",
    ar_br_body => "ar/br-body",
    ar_byline_in_body => "ar/byline-in-body",
    ar_byline_visible => "ar/byline-visible",
    ar_class_hints => "ar/class-hints",
    ar_false_positives => "ar/false-positives",
    ar_figure_and_duplicate_title => "ar/figure-and-duplicate-title",
    ar_flat_teaser => "ar/flat-teaser",
    ar_furniture_in_body => "ar/furniture-in-body",
    ar_flat_two_teasers => "ar/flat-two-teasers",
    ar_teaser_line_then_body => "ar/teaser-line-then-body",
    ar_next_article_block => "ar/next-article-block",
    fa_flat_teaser => "fa/flat-teaser",
    ar_boilerplate_lines => "ar/boilerplate-lines",
    fa_boilerplate_lines => "fa/boilerplate-lines",
    en_boilerplate_disclaimer => "en/boilerplate-disclaimer",
    ar_lead_in_hinted_wrapper => "ar/lead-in-hinted-wrapper",
    ar_flat_teaser_link_paragraphs => "ar/flat-teaser-link-paragraphs",
    ar_flat_teaser_inline_continues => "ar/flat-teaser-inline-continues",
    ar_flat_teaser_br_lines => "ar/flat-teaser-br-lines",
    ar_flat_teaser_br_inline_continues => "ar/flat-teaser-br-inline-continues",
    ar_flat_teaser_divs_tatweel => "ar/flat-teaser-divs-tatweel",
    ar_flat_teaser_divs_inline_continues => "ar/flat-teaser-divs-inline-continues",
    ar_flat_teaser_label_ends_paragraph => "ar/flat-teaser-label-ends-paragraph",
    ar_flat_teaser_plain_headline => "ar/flat-teaser-plain-headline",
    ar_infinite_scroll_articles => "ar/infinite-scroll-articles",
    ar_infinite_scroll_divs => "ar/infinite-scroll-divs",
    en_next_article_block => "en/next-article-block",
    en_doc_sections_kept => "en/doc-sections-kept",
    ar_hidden_blocks => "ar/hidden-blocks",
    ar_iso_8859_6 => "ar/iso-8859-6",
    ar_label_box => "ar/label-box",
    ar_label_teaser_list_longer => "ar/label-teaser-list-longer",
    ar_label_variants => "ar/label-variants",
    ar_lazy_images => "ar/lazy-images",
    ar_metadata => "ar/metadata",
    ar_metadata_indic_digits => "ar/metadata-indic-digits",
    ar_most_read_and_tags_and_comments => "ar/most-read-and-tags-and-comments",
    ar_multiple_articles => "ar/multiple-articles",
    ar_picks_latest_ads => "ar/picks-latest-ads",
    ar_read_also_end_of_paragraph => "ar/read-also-end-of-paragraph",
    ar_read_also_inline => "ar/read-also-inline",
    ar_read_also_inline_strong => "ar/read-also-inline-strong",
    ar_relative_urls => "ar/relative-urls",
    ar_relative_urls_canonical => "ar/relative-urls-canonical",
    ar_relative_urls_option => "ar/relative-urls-option",
    ar_rtl_css_only => "ar/rtl-css-only",
    ar_self_closing_script => "ar/self-closing-script",
    ar_share_follow_newsletter => "ar/share-follow-newsletter",
    ar_short_article => "ar/short-article",
    ar_table_layout => "ar/table-layout",
    ar_teaser_before_article => "ar/teaser-before-article",
    ar_teaser_box_longer => "ar/teaser-box-longer",
    ar_title_from_h1 => "ar/title-from-h1",
    ar_undeclared_charset => "ar/undeclared-charset",
    ar_unlabelled_cards => "ar/unlabelled-cards",
    ar_unlabelled_inline_teasers => "ar/unlabelled-inline-teasers",
    ar_utf8_with_stale_charset => "ar/utf8-with-stale-charset",
    ar_windows_1256 => "ar/windows-1256",
    ar_windows_1256_http_equiv => "ar/windows-1256-http-equiv",
    ar_comments_notice => "ar/comments-notice",
    ar_dateline_and_repeated_title => "ar/dateline-and-repeated-title",
    fa_label_variants => "fa/label-variants",
    fa_related => "fa/related",
    fa_lead_paragraph => "fa/lead-paragraph",
    ur_related => "ur/related",
    en_related => "en/related",
    en_xss => "en/xss",
    en_xss_urls => "en/xss-urls",
    en_video_caption_heading => "en/video-caption-heading",
    en_newsletter_form_in_body => "en/newsletter-form-in-body",
    en_breadcrumbs_and_rights => "en/breadcrumbs-and-rights",
    en_captions_out_of_text => "en/captions-out-of-text",
    en_hidden_classes => "en/hidden-classes",
    en_digest_linked_titles => "en/digest-linked-titles",
    en_json_ld_description_headline => "en/json-ld-description-headline",
    en_in_page_anchor_headings => "en/in-page-anchor-headings",
    en_logo_heading_in_menu => "en/logo-heading-in-menu",
    en_json_ld_in_menu => "en/json-ld-in-menu",
    en_icon_title_without_page_title => "en/icon-title-without-page-title",
    en_page_builder_sections => "en/page-builder-sections",
    en_noscript_crawler_view => "en/noscript-crawler-view",
    en_noscript_copy => "en/noscript-copy",
    en_forum_posts_with_author_links => "en/forum-posts-with-author-links",
    en_short_lines_only => "en/short-lines-only",
    en_streamed_boundary => "en/streamed-boundary",
    en_sections_and_site_blurb => "en/sections-and-site-blurb",
    en_widget_wrapped_paragraphs => "en/widget-wrapped-paragraphs",
    en_numbered_comments_after_post => "en/numbered-comments-after-post",
    en_photo_story_div_lines => "en/photo-story-div-lines",
    en_listing_cards_in_main => "en/listing-cards-in-main",
    en_listing_cards_without_main => "en/listing-cards-without-main",
    en_roundup_linked_item_headings => "en/roundup-linked-item-headings",
    fr_related => "fr/related",
    common_errors_empty => "common/errors-empty",
    common_errors_navigation_only => "common/errors-navigation-only",
    common_errors_whitespace => "common/errors-whitespace",
}

/// Every rule of the removal report is proved by a fixture: some `expected.json` lists it in
/// `removed_rules` (and that fixture's test checks the rule fired). A new `RemovalRule` fails
/// here until a fixture shows what it removes; a misspelled rule fails too.
#[test]
fn every_removal_rule_has_a_fixture() {
    let mut listed = std::collections::BTreeSet::new();
    for case in LISTED {
        let path = fixtures_root().join(case).join("expected.json");
        let text = std::fs::read_to_string(&path).expect("readable expected.json");
        let expected: Expected = serde_json::from_str(&text).expect("valid expected.json");
        for rule in expected.removed_rules {
            assert!(
                naqi::RemovalRule::ALL.iter().any(|r| r.as_str() == rule),
                "{case}: \"{rule}\" is not a RemovalRule"
            );
            listed.insert(rule);
        }
    }
    let missing: Vec<&str> = naqi::RemovalRule::ALL
        .iter()
        .map(|r| r.as_str())
        .filter(|r| !listed.contains(*r))
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture lists these rules in removed_rules: {missing:?}"
    );
}

/// A folder with an `expected.json` that is missing from the list above would never run.
#[test]
fn every_fixture_folder_is_listed() {
    let root = fixtures_root();
    let mut on_disk = Vec::new();
    for lang in std::fs::read_dir(&root).expect("tests/fixtures exists") {
        let lang = lang.expect("readable entry").path();
        if !lang.is_dir() {
            continue;
        }
        for case in std::fs::read_dir(&lang).expect("readable language folder") {
            let case = case.expect("readable entry").path();
            if case.join("expected.json").exists() {
                let rel = case.strip_prefix(&root).expect("under the root");
                on_disk.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    on_disk.sort();
    let mut listed: Vec<String> = LISTED.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "tests/fixtures and the fixtures! list in tests/fixtures.rs differ"
    );
}
