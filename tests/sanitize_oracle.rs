//! ammonia as an oracle for naqi's own sanitizing serializer: cleaning `content_html` again
//! with an ammonia allowlist as strict as naqi's must leave it byte for byte unchanged, on
//! every fixture page and on the generated hostile pages.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod oracle;
mod shapes;

use oracle::{check, oracle};

use std::path::{Path, PathBuf};

use naqi::{extract, extract_bytes, Options};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .file_name()
            .is_some_and(|n| n == "source.html" || n == "source.bin")
        {
            out.push(path);
        }
    }
}

#[test]
fn ammonia_leaves_every_fixture_output_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths = Vec::new();
    sources(&root, &mut paths);
    assert!(
        paths.len() > 20,
        "fixtures not found under {}",
        root.display()
    );
    let oracle = oracle();
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let options = Options::default().with_url("https://news.example/section/page.html");
        let result = if path.extension().is_some_and(|e| e == "bin") {
            extract_bytes(&bytes, &options)
        } else {
            extract(&String::from_utf8_lossy(&bytes), &options)
        };
        if let Ok(article) = result {
            checked += 1;
            check(
                &path.display().to_string(),
                &article.content_html,
                &oracle,
                &mut failures,
            );
        }
    }
    assert!(checked > 20, "only {checked} fixtures gave an article");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn ammonia_leaves_hostile_outputs_unchanged() {
    let oracle = oracle();
    let mut failures = Vec::new();
    // ammonia's serializer takes time growing with the square of an entity-dense text (the
    // reason naqi no longer uses it), so that shape is checked at a tenth of its 1× size.
    let small_entities = shapes::entity_run(1_000);
    let pages = shapes::SHAPES
        .iter()
        .filter(|(name, _)| *name != "entity-dense")
        .map(|(name, shape)| (*name, shape(1)))
        .chain([("entity-dense/10", small_entities)]);
    let options = Options::default().with_time_budget(None);
    let mut checked = 0;
    for (name, html) in pages {
        if let Ok(article) = extract(&html, &options) {
            checked += 1;
            check(name, &article.content_html, &oracle, &mut failures);
        }
    }
    assert_eq!(checked, shapes::SHAPES.len(), "a shape gave no article");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
