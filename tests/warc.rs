//! Runs `naqi warc` on WARC files written here from fixture pages: plain and gzipped files,
//! a corrupt and a truncated record, non-HTML and non-response records, a windows-1256 page
//! whose charset only the HTTP header names. Every article is compared with what the library
//! gives for the same page, so these tests check the WARC path, not the extractor.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_naqi");

fn fixture(case: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case);
    fs::read_to_string(path.join("source.html")).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("naqi-warc-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// One WARC record, headers and block, with its closing blank lines.
fn record(kind: &str, id: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Date: 2024-07-11T11:08:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// `page` in windows-1256 with its `<meta charset>` claiming UTF-8: only a reader that
/// takes the HTTP header's charset first decodes it right.
fn windows_1256_with_wrong_meta(page: &str) -> Vec<u8> {
    assert!(page.contains("<meta charset=\"utf-8\">"));
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(page);
    assert!(!unmappable);
    bytes.into_owned()
}

/// `page` in windows-1256 with no charset anywhere but the HTTP header.
fn windows_1256_header_only(page: &str) -> Vec<u8> {
    let page = page.replacen("<meta charset=\"utf-8\">", "", 1);
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&page);
    assert!(!unmappable);
    bytes.into_owned()
}

struct Run {
    lines: Vec<Value>,
    summary: Value,
    output: Output,
}

fn run_warc(files: &[&Path], out: &Path) -> Run {
    let mut args: Vec<&str> = vec!["warc"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.extend(["-o", out.to_str().unwrap(), "--jobs", "2"]);
    let output = Command::new(BIN).args(&args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let summary = stderr
        .lines()
        .find_map(|l| l.strip_prefix("naqi: summary "))
        .unwrap_or_else(|| panic!("no summary in {stderr}"));
    let lines = fs::read_to_string(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    Run {
        lines,
        summary: serde_json::from_str(summary).unwrap(),
        output,
    }
}

/// The library's article for a page, as JSON, with the URL the record gives.
fn library(html: &str, url: &str) -> Value {
    let options = naqi::Options::default().with_url(url);
    serde_json::to_value(naqi::extract(html, &options).unwrap()).unwrap()
}

/// The line's article fields alone.
fn article_of(line: &Value) -> Value {
    let mut v = line.clone();
    let map = v.as_object_mut().unwrap();
    for key in ["warcRecordId", "url", "warcDate", "warcFile"] {
        map.remove(key);
    }
    v
}

fn archive() -> (Vec<u8>, Vec<(String, String)>) {
    let cases = [
        "ar/label-box",
        "ar/read-also-inline",
        "fa/related",
        "en/related",
    ];
    let mut warc = record("warcinfo", "0", "", b"software: naqi tests\r\n");
    let mut pages = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let html = fixture(case);
        let uri = format!("https://news.example/{i}");
        warc.extend(record(
            "request",
            &format!("r{i}"),
            &uri,
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            &format!("p{i}"),
            &uri,
            &http("text/html; charset=utf-8", html.as_bytes()),
        ));
        pages.push((uri, html));
    }
    (warc, pages)
}

#[test]
fn every_html_response_is_extracted_as_the_library_does() {
    let dir = temp_dir("plain");
    let (mut warc, pages) = archive();
    warc.extend(record(
        "response",
        "img",
        "https://news.example/a.png",
        &http("image/png", b"\x89PNG\r\n"),
    ));
    warc.extend(record(
        "metadata",
        "m",
        "https://news.example/0",
        b"fetchTimeMs: 3\r\n",
    ));
    let file = dir.join("a.warc");
    fs::write(&file, &warc).unwrap();
    let run = run_warc(&[&file], &dir.join("out.jsonl"));
    assert!(run.output.status.success(), "{:?}", run.output);
    assert_eq!(run.lines.len(), pages.len());
    for (i, (line, (uri, html))) in run.lines.iter().zip(&pages).enumerate() {
        assert_eq!(line["warcRecordId"], format!("<urn:uuid:p{i}>"));
        assert_eq!(line["url"], uri.as_str());
        assert_eq!(line["warcDate"], "2024-07-11T11:08:00Z");
        assert_eq!(article_of(line), library(html, uri), "record {i}");
    }
    let s = &run.summary;
    assert_eq!(s["records"], 1 + 2 * pages.len() + 2);
    assert_eq!(s["extracted"], pages.len());
    assert_eq!(s["skipped"]["not-response"], 1 + pages.len() + 1);
    assert_eq!(s["skipped"]["not-html"], 1);
}

#[test]
fn corrupt_and_truncated_records_are_counted_and_skipped() {
    let dir = temp_dir("broken");
    let (warc, pages) = archive();
    let mut bytes = warc.clone();
    // A record whose Content-Length does not parse, between good ones.
    bytes.extend(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n");
    let last = record(
        "response",
        "cut",
        "https://news.example/cut",
        &http("text/html", fixture("ar/label-box").as_bytes()),
    );
    bytes.extend(&warc[..]);
    bytes.extend(&last[..last.len() / 2]);
    let file = dir.join("broken.warc");
    fs::write(&file, &bytes).unwrap();
    let run = run_warc(&[&file], &dir.join("out.jsonl"));
    assert!(run.output.status.success(), "{:?}", run.output);
    assert_eq!(run.lines.len(), 2 * pages.len());
    assert_eq!(run.summary["skipped"]["corrupt-record"], 1);
    assert_eq!(run.summary["skipped"]["truncated-record"], 1);
    assert_eq!(run.summary["extracted"], 2 * pages.len());
    for (line, (uri, html)) in run.lines.iter().skip(pages.len()).zip(&pages) {
        assert_eq!(article_of(line), library(html, uri));
    }
}

#[test]
fn gzipped_records_and_a_broken_gzip_member() {
    let dir = temp_dir("gzip");
    let (_, pages) = archive();
    let mut gz = Vec::new();
    for (i, (uri, html)) in pages.iter().enumerate() {
        gz.extend(gzip(&record(
            "response",
            &format!("g{i}"),
            uri,
            &http("text/html", html.as_bytes()),
        )));
    }
    let good = dir.join("good.warc.gz");
    fs::write(&good, &gz).unwrap();
    // The same members, the last one cut in half.
    let cut = gzip(&record(
        "response",
        "gcut",
        "https://news.example/x",
        &http("text/html", fixture("ar/label-box").as_bytes()),
    ));
    let mut broken = gz.clone();
    broken.extend(&cut[..cut.len() / 2]);
    let bad = dir.join("bad.warc.gz");
    fs::write(&bad, &broken).unwrap();
    let run = run_warc(&[&good, &bad], &dir.join("out.jsonl"));
    assert!(run.output.status.success(), "{:?}", run.output);
    assert_eq!(run.lines.len(), 2 * pages.len());
    assert_eq!(run.summary["files"], 2);
    assert_eq!(run.summary["skipped"]["truncated-record"], 1);
    for (line, (uri, html)) in run.lines.iter().zip(pages.iter().chain(&pages)) {
        assert_eq!(article_of(line), library(html, uri));
    }
    assert!(run.lines[pages.len()]["warcFile"]
        .as_str()
        .unwrap()
        .ends_with("bad.warc.gz"));
}

#[test]
fn the_http_charset_wins_over_the_page() {
    let dir = temp_dir("charset");
    let html = fixture("ar/label-box");
    let uri = "https://news.example/1256";
    let mut warc = record(
        "response",
        "a",
        uri,
        &http(
            "text/html; charset=windows-1256",
            &windows_1256_header_only(&html),
        ),
    );
    warc.extend(record(
        "response",
        "b",
        uri,
        &http(
            "text/html;charset=\"Windows-1256\"",
            &windows_1256_with_wrong_meta(&html),
        ),
    ));
    let file = dir.join("c.warc");
    fs::write(&file, &warc).unwrap();
    let run = run_warc(&[&file], &dir.join("out.jsonl"));
    let want = library(&html, uri);
    assert_eq!(run.lines.len(), 2);
    for line in &run.lines {
        assert_eq!(article_of(line)["title"], want["title"]);
        assert_eq!(article_of(line)["text"], want["text"]);
    }
}

#[test]
fn failures_are_lines_with_codes_and_a_missing_file_is_a_usage_error() {
    let dir = temp_dir("fail");
    let warc = record(
        "response",
        "e",
        "https://news.example/e",
        &http("text/html", b"<html><body></body></html>"),
    );
    let file = dir.join("e.warc");
    fs::write(&file, &warc).unwrap();
    let missing = dir.join("missing.warc");
    let run = run_warc(&[&file, &missing], &dir.join("out.jsonl"));
    assert_eq!(run.output.status.code(), Some(2));
    assert_eq!(run.lines.len(), 1);
    assert_eq!(run.lines[0]["error"]["code"], "NO_ARTICLE");
    assert_eq!(run.summary["failed"]["NO_ARTICLE"], 1);
    assert_eq!(run.summary["unreadable_files"], 1);
    assert_eq!(run.summary["extracted"], 0);
}
