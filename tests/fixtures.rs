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

// One test per fixture folder, and `LISTED`, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/fixture_tests.rs"));

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
