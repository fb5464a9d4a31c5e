//! Runs the built `naqi` binary on pages written to a temporary folder: formats, standard
//! input, batch runs with a broken file and a gzip file, ids, order and exit codes.
//!
//! Every expectation about content is taken from the library itself (`naqi::extract_bytes`), so
//! these tests check the command line, not the extractor's quality.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_naqi");

/// An Arabic news page written for these tests.
const ARABIC_PAGE: &str = r#"<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>افتتاح مكتبة عامة جديدة في وسط المدينة | جريدة المثال</title></head><body>
<nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
<article><h1>افتتاح مكتبة عامة جديدة في وسط المدينة</h1>
<p>افتتحت البلدية صباح اليوم مكتبة عامة جديدة في وسط المدينة، تضم أكثر من عشرين ألف كتاب في الأدب والعلوم والتاريخ، وقاعة للقراءة تتسع لمئتي قارئ.</p>
<p>وقالت مديرة المكتبة إن الدخول مجاني للجميع، وإن المكتبة ستفتح أبوابها كل يوم من التاسعة صباحاً حتى التاسعة مساءً، مع برامج أسبوعية للأطفال.</p>
<p>اقرأ أيضاً: <a href="/other">خبر آخر عن مهرجان الكتاب في العام الماضي</a></p>
<p>وأضافت أن المكتبة تعمل على رقمنة مجموعتها من المخطوطات القديمة، لتكون متاحة للباحثين عبر الإنترنت خلال العام المقبل.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"#;

/// An English page written for these tests.
const ENGLISH_PAGE: &str = r#"<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>River cleanup draws hundreds of volunteers - The Example Times</title></head><body>
<article><h1>River cleanup draws hundreds of volunteers</h1>
<p>Hundreds of volunteers gathered along the river on Saturday morning to pull plastic, tyres and old fishing nets from the banks, in the largest cleanup the town has seen.</p>
<p>Organisers said the haul filled eleven skips by noon, and that a second day of work is planned for next month on the stretch below the old mill.</p>
</article></body></html>"#;

/// A fresh, empty folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("naqi-cli-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn naqi(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn naqi_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn library(bytes: &[u8]) -> Result<naqi::Article, naqi::Error> {
    naqi::extract_bytes(bytes, &naqi::Options::default())
}

fn jsonl(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn extract_prints_each_format_as_the_library_returns_it() {
    let dir = temp_dir("formats");
    let page = dir.join("page.html");
    write(&page, ARABIC_PAGE.as_bytes());
    let article = library(ARABIC_PAGE.as_bytes()).unwrap();
    let page = page.to_str().unwrap();

    let out = naqi(&["extract", page]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json, serde_json::to_value(&article).unwrap());
    for key in [
        "title",
        "dir",
        "contentHtml",
        "text",
        "markdown",
        "wordCount",
        "readingTime",
        "removed",
    ] {
        assert!(json.get(key).is_some(), "JSON output lacks {key}");
    }
    // Each removal names its stage and rule as the kebab-case strings of the Rust enums.
    let removed = json["removed"].as_array().unwrap();
    assert!(!removed.is_empty(), "the page has a read-also line");
    for r in removed {
        let rule = r["rule"].as_str().unwrap();
        assert!(
            naqi::RemovalRule::ALL.iter().any(|x| x.as_str() == rule),
            "{rule}"
        );
        assert!(r["stage"].is_string() && r["kind"].is_string(), "{r}");
    }

    for (format, expected) in [
        ("json", serde_json::to_string_pretty(&article).unwrap()),
        ("html", article.content_html.clone()),
        ("text", article.text.clone()),
        ("markdown", article.markdown.clone()),
    ] {
        let out = naqi(&["extract", page, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {out:?}");
        assert_eq!(
            stdout(&out).trim_end(),
            expected.trim_end(),
            "format {format}"
        );
    }
}

#[test]
fn extract_reads_standard_input_and_gzip() {
    let dir = temp_dir("stdin");
    let page = dir.join("p.html");
    write(&page, ENGLISH_PAGE.as_bytes());
    let from_file = naqi(&["extract", "--format", "text", page.to_str().unwrap()]);
    let from_stdin = naqi_stdin(
        &["extract", "-", "--format", "text"],
        ENGLISH_PAGE.as_bytes(),
    );
    let from_gzip = naqi_stdin(
        &["extract", "-", "--format", "text"],
        &gzip(ENGLISH_PAGE.as_bytes()),
    );
    assert_eq!(from_stdin.status.code(), Some(0), "{from_stdin:?}");
    assert_eq!(from_gzip.status.code(), Some(0), "{from_gzip:?}");
    assert!(!stdout(&from_stdin).trim().is_empty());
    assert_eq!(stdout(&from_file), stdout(&from_stdin));
    assert_eq!(stdout(&from_stdin), stdout(&from_gzip));
}

#[test]
fn extract_decodes_legacy_bytes_like_the_library() {
    // The Arabic page in windows-1256, declared in a meta tag.
    let html = ARABIC_PAGE.replace("utf-8", "windows-1256");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&html);
    assert!(!unmappable);
    let out = naqi_stdin(&["extract", "-"], &bytes);
    match library(&bytes) {
        Ok(article) => {
            assert_eq!(out.status.code(), Some(0), "{out:?}");
            let json: Value = serde_json::from_str(&stdout(&out)).unwrap();
            assert_eq!(json, serde_json::to_value(&article).unwrap());
        }
        Err(err) => {
            assert_eq!(out.status.code(), Some(1), "{out:?}");
            assert!(String::from_utf8_lossy(&out.stderr).contains(err.code()));
        }
    }
}

#[test]
fn extract_exit_codes() {
    let dir = temp_dir("exit");
    let empty = dir.join("empty.html");
    write(&empty, b"   \n");
    let out = naqi(&["extract", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("EMPTY_INPUT"));
    assert!(out.stdout.is_empty());

    let missing = dir.join("missing.html");
    assert_eq!(
        naqi(&["extract", missing.to_str().unwrap()]).status.code(),
        Some(2)
    );

    let page = dir.join("page.html");
    write(&page, ENGLISH_PAGE.as_bytes());
    let page = page.to_str().unwrap();
    let bad_url = naqi(&["extract", page, "--url", "not a url"]);
    assert_eq!(bad_url.status.code(), Some(2), "{bad_url:?}");
    assert!(String::from_utf8_lossy(&bad_url.stderr).contains("INVALID_OPTIONS"));
    assert_eq!(
        naqi(&["extract", page, "--format", "pdf"]).status.code(),
        Some(2)
    );
    assert_eq!(naqi(&["extract"]).status.code(), Some(2));
    assert_eq!(naqi(&["frobnicate"]).status.code(), Some(2));
}

/// A folder of pages: two good ones (one gzipped, one in a subfolder), an empty one and a
/// file that is not a page.
fn batch_folder(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    write(&dir.join("pages/a-arabic.html"), ARABIC_PAGE.as_bytes());
    write(&dir.join("pages/b-broken.htm"), b"");
    write(
        &dir.join("pages/c-english.html.gz"),
        &gzip(ENGLISH_PAGE.as_bytes()),
    );
    write(
        &dir.join("pages/nested/d-again.html"),
        ENGLISH_PAGE.as_bytes(),
    );
    write(&dir.join("pages/notes.txt"), b"not a page");
    dir
}

#[test]
fn batch_reports_a_broken_file_in_its_line_and_goes_on() {
    let dir = batch_folder("batch");
    let out_path = dir.join("out.jsonl");
    let out = naqi(&[
        "batch",
        dir.join("pages").to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
        "--jobs",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(1), "one file failed: {out:?}");
    let lines = jsonl(&out_path);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a-arabic", "b-broken", "c-english", "d-again"]);

    let broken = &lines[1];
    assert_eq!(broken["error"]["code"], "EMPTY_INPUT");
    assert!(broken["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    assert!(broken.get("text").is_none());

    for (line, page) in [
        (&lines[0], ARABIC_PAGE),
        (&lines[2], ENGLISH_PAGE),
        (&lines[3], ENGLISH_PAGE),
    ] {
        let article = library(page.as_bytes()).unwrap();
        assert!(line.get("error").is_none(), "{line}");
        assert_eq!(line["title"], article.title.as_str());
        assert_eq!(line["text"], article.text.as_str());
        assert_eq!(line["markdown"], article.markdown.as_str());
        assert!(line["ms"].as_f64().is_some_and(|ms| ms >= 0.0));
        assert!(line["path"].as_str().is_some_and(|p| Path::new(p).exists()));
    }
}

#[test]
fn batch_order_does_not_depend_on_jobs() {
    let dir = batch_folder("order");
    let strip_times = |path: &Path| -> Vec<Value> {
        jsonl(path)
            .into_iter()
            .map(|mut l| {
                l.as_object_mut().unwrap().remove("ms");
                l
            })
            .collect()
    };
    let one = dir.join("one.jsonl");
    let four = dir.join("four.jsonl");
    let pages = dir.join("pages");
    naqi(&[
        "batch",
        pages.to_str().unwrap(),
        "-o",
        one.to_str().unwrap(),
        "-j",
        "1",
    ]);
    naqi(&[
        "batch",
        pages.to_str().unwrap(),
        "-o",
        four.to_str().unwrap(),
        "-j",
        "4",
    ]);
    assert_eq!(strip_times(&one).len(), 4);
    assert_eq!(strip_times(&one), strip_times(&four));
}

#[test]
fn batch_exit_codes_and_ids_from_folders() {
    let dir = temp_dir("batch-ok");
    write(&dir.join("001/source.html"), ENGLISH_PAGE.as_bytes());
    write(&dir.join("002/source.html"), ARABIC_PAGE.as_bytes());
    let out_path = dir.join("out.jsonl");
    let out = naqi(&[
        "batch",
        dir.join("001/source.html").to_str().unwrap(),
        dir.join("002/source.html").to_str().unwrap(),
        "--id-from",
        "dir",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let ids: Vec<String> = jsonl(&out_path)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["001", "002"]);

    // Standard output as the target.
    let out = naqi(&["batch", dir.join("001").to_str().unwrap(), "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let line: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(line["id"], "source");

    // A path that does not exist, a missing -o, an unwritable output: usage / I/O errors.
    let missing = dir.join("nope");
    assert_eq!(
        naqi(&[
            "batch",
            missing.to_str().unwrap(),
            "-o",
            out_path.to_str().unwrap()
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        naqi(&["batch", dir.to_str().unwrap()]).status.code(),
        Some(2)
    );
    let unwritable = dir.join("no-such-folder/out.jsonl");
    assert_eq!(
        naqi(&[
            "batch",
            dir.to_str().unwrap(),
            "-o",
            unwritable.to_str().unwrap()
        ])
        .status
        .code(),
        Some(2)
    );
}
