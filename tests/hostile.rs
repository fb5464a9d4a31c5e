//! Hostile page shapes (see `tests/shapes/mod.rs`), each built at 1×: every one must give an
//! article or a clear error, and each shape's time is printed (measured, never asserted; the
//! `hostile` benchmark group runs them at 1×, 4× and 16× to show the growth).
//!
//! `cargo test --features cli --test hostile -- --nocapture` shows the times.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod shapes;

use std::time::Instant;

use naqi::{extract, extract_bytes, extract_tree, Article, Error, Options};

/// The first words of the shapes' paragraph.
const OPENING: &str = "أعلنت الهيئة العامة للأرصاد";

/// Options for the tests that need an article: no time budget (a debug build on a loaded
/// machine may be slow; these tests are about results, not time).
fn unhurried() -> Options {
    Options::default().with_time_budget(None)
}

fn article(name: &str, result: Result<Article, Error>) -> Article {
    match result {
        Ok(a) => a,
        Err(e) => panic!("{name}: {} ({e})", e.code()),
    }
}

#[test]
fn every_shape_gives_an_article_or_a_clear_error() {
    for (name, shape) in shapes::SHAPES {
        let html = shape(1);
        let start = Instant::now();
        let result = extract(&html, &Options::default());
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let outcome = match &result {
            Ok(a) => format!("article, {} words", a.word_count),
            Err(e) => e.code().to_string(),
        };
        println!(
            "hostile {name:16} {:>9} bytes {ms:>9.1} ms  {outcome}",
            html.len()
        );
        match result {
            Ok(a) => assert!(a.text.contains(OPENING), "{name}: the paragraph is lost"),
            Err(e) => assert!(
                matches!(e, Error::InputTooLarge { .. } | Error::Timeout { .. }),
                "{name}: unexpected {}",
                e.code()
            ),
        }
    }
}

#[test]
fn deep_unclosed_formatting_keeps_the_paragraphs() {
    for (name, html) in [
        ("b", shapes::deep_formatting(1)),
        ("span", shapes::deep_inline(1)),
    ] {
        let a = article(name, extract(&html, &unhurried()));
        assert!(
            a.text.matches(OPENING).count() >= 200,
            "{name}: paragraphs lost"
        );
    }
}

#[test]
fn a_nul_byte_in_the_title_is_replaced_not_refused() {
    let a = article("nul", extract(&shapes::nul_byte(1), &unhurried()));
    assert_eq!(a.title, "عنوان\u{FFFD}الخبر");
    let bytes = extract_bytes(shapes::nul_byte(1).as_bytes(), &unhurried());
    assert!(bytes.is_ok(), "{bytes:?}");
}

#[test]
fn binary_input_is_still_refused() {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let bytes: Vec<u8> = (0..8_192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let html = String::from_utf8_lossy(&bytes);
    let err = extract(&html, &Options::default()).unwrap_err();
    assert_eq!(err.code(), "NOT_HTML");
    let err = extract_bytes(&bytes, &Options::default()).unwrap_err();
    assert_eq!(err.code(), "NOT_HTML");
}

#[test]
fn metadata_strings_are_capped() {
    let a = article("long", extract(&shapes::long_title(1), &unhurried()));
    let fields = [
        ("title", Some(a.title.as_str()), naqi::MAX_TITLE_CHARS),
        ("byline", a.byline.as_deref(), naqi::MAX_BYLINE_CHARS),
        (
            "site_name",
            a.site_name.as_deref(),
            naqi::MAX_SITE_NAME_CHARS,
        ),
        ("excerpt", a.excerpt.as_deref(), naqi::MAX_EXCERPT_CHARS),
    ];
    for (field, value, cap) in fields {
        let value = value.unwrap_or_else(|| panic!("{field} missing"));
        let chars = value.chars().count();
        assert!(chars <= cap, "{field}: {chars} characters, cap {cap}");
        assert!(value.ends_with('…'), "{field} not marked as cut: {value}");
        assert!(chars > cap / 2, "{field} cut far too short: {chars}");
    }
    // A `lang` attribute far longer than any language tag is ignored (the text decides).
    let long_lang = shapes::page("خبر", "").replace(
        "lang=\"ar\"",
        &format!("lang=\"{}\"", "ar-".repeat(100_000)),
    );
    let a = article("lang", extract(&long_lang, &unhurried()));
    assert_eq!(a.lang.as_deref(), Some("ar"));
}

#[test]
fn no_output_field_carries_a_refused_address() {
    let a = article("urls", extract(&shapes::url_payloads(1), &unhurried()));
    for bad in ["javascript", "livescript", "vbscript", "file:", "data:"] {
        assert!(!a.content_html.contains(bad), "{bad} in content_html");
        assert!(
            !a.markdown.contains(bad),
            "{bad} in markdown: {}",
            a.markdown
        );
    }
    assert_eq!(a.canonical_url, None);
    assert_eq!(a.lead_image, None);
}

#[test]
fn a_spent_time_budget_is_a_timeout_error() {
    // A budget too short for any page: the first check between stages ends the run.
    let options = Options::default().with_time_budget(Some(std::time::Duration::from_nanos(1)));
    let err = extract(&shapes::entity_dense(1), &options).unwrap_err();
    assert_eq!(err.code(), "TIMEOUT");
    // A browser's DOM in the tree format: `<name`, `#text`, `>` tokens.
    let paragraph = format!("<p\0#{}\0>\0", shapes::PARAGRAPH);
    let tree = format!(
        "naqi-tree/1\0<html\0<body\0<article\0{}>\0>\0>",
        paragraph.repeat(5_000)
    );
    assert_eq!(extract_tree(&tree, &options).unwrap_err().code(), "TIMEOUT");
    // No budget: the same pages give their article.
    let options = Options::default().with_time_budget(None);
    assert!(extract_tree(&tree, &options).is_ok());
    assert!(extract(&shapes::entity_dense(1), &options).is_ok());
}

#[test]
fn a_gzip_bomb_is_refused_before_it_is_inflated() {
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;
    let limit = naqi::DEFAULT_MAX_INPUT_BYTES;
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    let block = vec![b' '; 1 << 20];
    for _ in 0..(2 * limit / block.len()) {
        gz.write_all(&block).unwrap();
    }
    let dir = std::env::temp_dir().join(format!("naqi-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bomb.html.gz");
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let start = Instant::now();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_naqi"))
        .arg("extract")
        .arg(&path)
        .output()
        .unwrap();
    println!(
        "hostile gzip-bomb (CLI) {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    // Inflating stopped one byte past the limit: the page was never inflated whole.
    let expected = format!("INPUT_TOO_LARGE: the input is {} bytes", limit + 1);
    assert!(stderr.contains(&expected), "{stderr}");
}

/// Peak resident memory of the CLI extracting `html`, in KiB (Linux only).
fn cli_peak_kib(html: &str) -> Option<u64> {
    let path = std::env::temp_dir().join(format!("naqi-hostile-{}.html", std::process::id()));
    std::fs::write(&path, html).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_naqi"))
        .args(["extract", path.to_str().unwrap(), "--format", "text"])
        .env("NAQI_REPORT_PEAK_MEMORY", "1")
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("naqi: peak memory"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// Every shape at 4× through the CLI: its peak memory is printed per MB of input, and must stay
/// within a bounded multiple of the input: the program's own base, plus 4 MiB, plus at most 48
/// bytes of memory per byte of input (wide sibling lists, a node per ~100 bytes, are the
/// costliest shape at about 35).
#[test]
fn memory_stays_a_small_multiple_of_the_input() {
    if !std::path::Path::new("/proc/self/status").exists() {
        eprintln!("no /proc: the memory figures are measured on Linux only");
        return;
    }
    let base = cli_peak_kib("<p>x</p>").expect("the CLI reports its peak memory");
    println!("hostile memory: the CLI on a tiny page peaks at {base} KiB");
    for (name, shape) in shapes::SHAPES {
        let html = shape(4);
        let kib = cli_peak_kib(&html).unwrap();
        let input_kib = (html.len() as u64).div_ceil(1024).max(1);
        let per_mb = (kib.saturating_sub(base) as f64) / (input_kib as f64 / 1024.0);
        println!(
            "hostile memory {name:16} {:>9} bytes {kib:>8} KiB peak, {per_mb:>8.1} KiB per MB of input above the base",
            html.len()
        );
        assert!(
            kib <= base + 4 * 1024 + 48 * input_kib,
            "{name}: {kib} KiB for {input_kib} KiB of input"
        );
    }
}

/// Writes every shape at 1× and 4× into `NAQI_SHAPES_DIR`, to measure other builds with the
/// same pages (`cargo test --features cli --test hostile -- --ignored write_shapes`).
#[test]
#[ignore = "a tool for measuring, not a check"]
fn write_shapes() {
    let dir = std::env::var("NAQI_SHAPES_DIR").unwrap_or_else(|_| "target/hostile-shapes".into());
    std::fs::create_dir_all(&dir).unwrap();
    for (name, shape) in shapes::SHAPES {
        for times in [1, 4] {
            std::fs::write(format!("{dir}/{name}-{times}x.html"), shape(times)).unwrap();
        }
    }
}
