//! The acceptance page: an Arabic news page whose "إقرأ أيضاً:" box holds a complete other
//! article, longer than the real one. Checked against `../shared/acceptance/*.expected.json`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    title: String,
    site_name: String,
    published: String,
    lang: String,
    dir: String,
    lead_image: String,
    paragraphs: Vec<String>,
    must_not_contain: Vec<String>,
    removed_block_labels: Vec<String>,
}

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/acceptance")
}

fn fold_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seed_page_gives_the_page_own_article() {
    let dir = shared();
    let Ok(html) = std::fs::read_to_string(dir.join("seed-page.html")) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared/acceptance is missing under CI: the acceptance test cannot pass without it"
        );
        eprintln!("\n!!! ../shared/acceptance is missing: the acceptance test did NOT run !!!\n");
        return;
    };
    let expected: Expected = serde_json::from_str(
        &std::fs::read_to_string(dir.join("seed-page.expected.json")).unwrap(),
    )
    .unwrap();
    let a = naqi::extract(&html, &naqi::Options::default()).unwrap();

    assert_eq!(a.title, expected.title);
    assert_eq!(a.site_name.as_deref(), Some(expected.site_name.as_str()));
    assert_eq!(a.published.as_deref(), Some(expected.published.as_str()));
    assert_eq!(a.lang.as_deref(), Some(expected.lang.as_str()));
    assert_eq!(a.dir.as_str(), expected.dir);
    assert_eq!(a.lead_image.as_deref(), Some(expected.lead_image.as_str()));

    // The paragraphs, in order, and nothing else.
    let paragraphs: Vec<String> = a.text.split("\n\n").map(fold_spaces).collect();
    let want: Vec<String> = expected.paragraphs.iter().map(|p| fold_spaces(p)).collect();
    assert_eq!(paragraphs, want);

    for s in &expected.must_not_contain {
        assert!(!a.text.contains(s.as_str()), "text contains {s:?}");
        assert!(
            !a.content_html.contains(s.as_str()),
            "content_html contains {s:?}"
        );
        assert!(!a.markdown.contains(s.as_str()), "markdown contains {s:?}");
    }
    for label in &expected.removed_block_labels {
        assert!(
            a.removed.iter().any(|r| r
                .label
                .as_deref()
                .is_some_and(|l| l.trim_end_matches([':', ' ']) == label)),
            "no removal labelled {label:?}: {:#?}",
            a.removed
        );
    }
    assert!(a.content_html.contains("dir=\"auto\""));
    assert!(
        a.reading_time.min_minutes >= 1 && a.reading_time.min_minutes <= a.reading_time.max_minutes
    );
}
