//! `naqi warc`: WARC files in (plain or gzipped, record by record), one JSON line per HTML
//! response out, in the order of the records, with a summary of what was read, extracted,
//! skipped and failed. Corrupt and truncated records are counted and skipped, never fatal.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Mutex};
use std::thread;

use clap::Args;
use flate2::read::MultiGzDecoder;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use warc::{WarcHeader, WarcReader};

use crate::http::{self, HtmlPayload};
use crate::input;
use crate::{OptionArgs, EXIT_OK, EXIT_USAGE};

#[derive(Args)]
pub struct WarcArgs {
    /// WARC files, plain or gzipped (`.warc`, `.warc.gz`); gzip is told by its magic bytes.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The JSON Lines file to write (`-` for standard output).
    #[arg(short, long, value_name = "OUT.jsonl")]
    output: PathBuf,
    /// Pages extracted at the same time (default: the number of CPUs).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    #[command(flatten)]
    options: OptionArgs,
}

/// The WARC fields an output line carries beside the article.
struct RecordMeta {
    record_id: String,
    target_uri: Option<String>,
    date: Option<String>,
    file: String,
}

/// One HTML response on its way to a worker.
struct Job {
    index: usize,
    meta: RecordMeta,
    payload: HtmlPayload,
}

/// One output line: the record's WARC fields, then the article's fields or an `error`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Line<'a> {
    warc_record_id: &'a str,
    url: Option<&'a str>,
    warc_date: Option<&'a str>,
    warc_file: &'a str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    article: Option<&'a naqi::Article>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<LineError>,
}

#[derive(Serialize)]
struct LineError {
    /// A library error code (`NO_ARTICLE`, ...) or `PANIC`.
    code: String,
    message: String,
}

/// What the run saw, printed at the end as `naqi: summary {json}`.
#[derive(Default, Serialize)]
struct Summary {
    files: usize,
    /// Files that could not be opened at all.
    unreadable_files: usize,
    /// Every record met, corrupt and truncated ones included.
    records: usize,
    /// HTML responses handed to the extractor.
    html_responses: usize,
    extracted: usize,
    /// Records not extracted, by reason (`not-response`, `not-html`, `corrupt-record`, ...).
    skipped: BTreeMap<&'static str, usize>,
    /// Extractions that failed, by error code.
    failed: BTreeMap<String, usize>,
}

/// What reading the next record gave.
enum Next {
    Record(warc::RawRecordHeader, Vec<u8>),
    /// A record that does not parse; reading resumes at the next `WARC/` line.
    Corrupt,
    /// The file ended inside a record (or its gzip stream broke): nothing more to read.
    Truncated,
    End,
}

pub fn run(args: &WarcArgs) -> u8 {
    let options = args.options.to_options(None);
    if let Err(err) = options.validate() {
        eprintln!("naqi: {}: {err}", err.code());
        return EXIT_USAGE;
    }
    let Some(mut out) = input::open_output(&args.output) else {
        return EXIT_USAGE;
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let progress = progress_bar(&args.paths);
    let mut summary = Summary::default();
    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(jobs * 4);
    let job_rx = Mutex::new(job_rx);
    let (line_tx, line_rx) = mpsc::channel::<(usize, String, Result<(), String>)>();
    let written = thread::scope(|scope| {
        for _ in 0..jobs {
            let line_tx = line_tx.clone();
            let (job_rx, options) = (&job_rx, &options);
            scope.spawn(move || loop {
                let job = match job_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => break,
                };
                let Ok(job) = job else { break };
                let (json, status) = process(&job, options);
                if line_tx.send((job.index, json, status)).is_err() {
                    break;
                }
            });
        }
        drop(line_tx);
        let writer = scope.spawn(move || write_in_order(line_rx, &mut out));
        for path in &args.paths {
            summary.files += 1;
            if let Err(err) = read_file(path, &progress, &job_tx, &mut summary) {
                eprintln!("naqi: cannot read {}: {err}", path.display());
                summary.unreadable_files += 1;
            }
        }
        drop(job_tx);
        writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer panicked")))
    });
    progress.finish_and_clear();
    let failed = match written {
        Ok(failed) => failed,
        Err(err) => {
            eprintln!("naqi: cannot write {}: {err}", args.output.display());
            return EXIT_USAGE;
        }
    };
    summary.extracted = summary.html_responses - failed.values().sum::<usize>();
    summary.failed = failed;
    eprintln!(
        "naqi: summary {}",
        serde_json::to_string(&summary).unwrap_or_default()
    );
    if summary.unreadable_files > 0 {
        EXIT_USAGE
    } else {
        EXIT_OK
    }
}

fn progress_bar(paths: &[PathBuf]) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let bar = ProgressBar::new(total);
    let template = "{bar:40} {bytes}/{total_bytes}  {elapsed}  {msg}";
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Reads one WARC file and hands its HTML responses to the workers.
fn read_file(
    path: &Path,
    progress: &ProgressBar,
    jobs: &mpsc::SyncSender<Job>,
    summary: &mut Summary,
) -> io::Result<()> {
    let file = progress.wrap_read(File::open(path)?);
    let mut raw = BufReader::new(file);
    let gzipped = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead> = if gzipped {
        Box::new(BufReader::new(MultiGzDecoder::new(raw)))
    } else {
        Box::new(raw)
    };
    let name = path.display().to_string();
    progress.set_message(name.clone());
    loop {
        let (header, block) = match next_record(&mut reader) {
            Next::End => return Ok(()),
            Next::Truncated => {
                summary.records += 1;
                *summary.skipped.entry("truncated-record").or_default() += 1;
                return Ok(());
            }
            Next::Corrupt => {
                summary.records += 1;
                *summary.skipped.entry("corrupt-record").or_default() += 1;
                continue;
            }
            Next::Record(header, block) => (header, block),
        };
        summary.records += 1;
        let field = |h: WarcHeader| {
            header
                .headers
                .get(&h)
                .map(|v| String::from_utf8_lossy(v).trim().to_string())
        };
        if field(WarcHeader::WarcType).as_deref() != Some("response") {
            *summary.skipped.entry("not-response").or_default() += 1;
            continue;
        }
        let payload = match http::html_payload(&block) {
            Ok(payload) => payload,
            Err(skip) => {
                *summary.skipped.entry(skip.as_str()).or_default() += 1;
                continue;
            }
        };
        let meta = RecordMeta {
            record_id: field(WarcHeader::RecordID).unwrap_or_default(),
            target_uri: field(WarcHeader::TargetURI),
            date: field(WarcHeader::Date),
            file: name.clone(),
        };
        let index = summary.html_responses;
        summary.html_responses += 1;
        if jobs
            .send(Job {
                index,
                meta,
                payload,
            })
            .is_err()
        {
            return Err(io::Error::other("the extraction workers stopped"));
        }
    }
}

/// Reads the next record with the `warc` crate. After a record that does not parse, skips to
/// the next line that starts a WARC header, so one bad record costs only itself.
fn next_record(reader: &mut Box<dyn BufRead>) -> Next {
    // The crate's iterator is made afresh for each record over a borrow of the reader, which
    // keeps the reader in our hands to resynchronize after an error. Its arithmetic on a
    // hostile Content-Length can panic in debug builds: that is a corrupt record too.
    let read = panic::catch_unwind(AssertUnwindSafe(|| {
        WarcReader::new(&mut *reader).iter_raw_records().next()
    }));
    match read {
        Ok(None) => Next::End,
        Ok(Some(Ok((header, block)))) => Next::Record(header, block),
        Ok(Some(Err(warc::Error::UnexpectedEOB))) => Next::Truncated,
        // An I/O error here is a broken gzip member or an unreadable file: stop this file.
        Ok(Some(Err(warc::Error::ReadData(_)))) => Next::Truncated,
        Ok(Some(Err(_))) | Err(_) => match skip_to_next_record(reader) {
            Ok(true) => Next::Corrupt,
            Ok(false) | Err(_) => Next::Truncated,
        },
    }
}

/// Consumes lines until the next one starts with `WARC/`; false at the end of the input.
fn skip_to_next_record(reader: &mut Box<dyn BufRead>) -> io::Result<bool> {
    let mut line = Vec::new();
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        if buf.starts_with(b"WARC/") {
            return Ok(true);
        }
        line.clear();
        reader.read_until(b'\n', &mut line)?;
    }
}

/// Extracts one response; the JSON line, and the error code when it failed.
fn process(job: &Job, options: &naqi::Options) -> (String, Result<(), String>) {
    let mut options = options.clone();
    if let Some(uri) = job.meta.target_uri.as_deref() {
        if url::Url::parse(uri).is_ok() {
            options = options.with_url(uri);
        }
    }
    let caught = panic::catch_unwind(AssertUnwindSafe(|| extract(&job.payload, &options)));
    let result = match caught {
        Ok(result) => result.map_err(|err| LineError {
            code: err.code().into(),
            message: err.to_string(),
        }),
        Err(_) => Err(LineError {
            code: "PANIC".into(),
            message: "the extractor panicked".into(),
        }),
    };
    let status = result.as_ref().map(|_| ()).map_err(|e| e.code.clone());
    let (article, error) = match result {
        Ok(article) => (Some(article), None),
        Err(error) => (None, Some(error)),
    };
    let line = Line {
        warc_record_id: &job.meta.record_id,
        url: job.meta.target_uri.as_deref(),
        warc_date: job.meta.date.as_deref(),
        warc_file: &job.meta.file,
        article: article.as_ref(),
        error,
    };
    let json = serde_json::to_string(&line).unwrap_or_else(|err| {
        format!(
            r#"{{"warcRecordId":{:?},"error":{{"code":"SERIALIZE","message":{:?}}}}}"#,
            job.meta.record_id,
            err.to_string()
        )
    });
    (json, status)
}

/// Decodes the body in the charset the HTTP header names (a byte-order mark still wins), or,
/// without one, as `naqi::extract_bytes` does from the page itself.
fn extract(payload: &HtmlPayload, options: &naqi::Options) -> Result<naqi::Article, naqi::Error> {
    let declared = payload
        .charset
        .as_deref()
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    match declared {
        Some(encoding) if payload.body.len() <= options.max_input_bytes => {
            let (text, _, _) = encoding.decode(&payload.body);
            naqi::extract(&text, options)
        }
        _ => naqi::extract_bytes(&payload.body, options),
    }
}

/// Writes the lines in record order as they arrive; returns the failures by code.
fn write_in_order(
    lines: mpsc::Receiver<(usize, String, Result<(), String>)>,
    out: &mut dyn Write,
) -> io::Result<BTreeMap<String, usize>> {
    let mut pending = BTreeMap::new();
    let mut next = 0;
    let mut failed: BTreeMap<String, usize> = BTreeMap::new();
    for (index, json, status) in lines {
        pending.insert(index, (json, status));
        while let Some((json, status)) = pending.remove(&next) {
            writeln!(out, "{json}")?;
            if let Err(code) = status {
                *failed.entry(code).or_default() += 1;
            }
            next += 1;
        }
    }
    out.flush()?;
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn reader(bytes: Vec<u8>) -> Box<dyn BufRead> {
        Box::new(io::Cursor::new(bytes))
    }

    #[test]
    fn a_corrupt_record_costs_only_itself() {
        let mut bytes = record("warcinfo", b"a: b\r\n");
        bytes.extend_from_slice(b"WARC/1.0\r\nContent-Length: nope\r\n\r\nbody\r\n\r\n");
        bytes.extend(record("response", b"HTTP/1.1 200 OK\r\n\r\n"));
        let mut r = reader(bytes);
        assert!(matches!(next_record(&mut r), Next::Record(..)));
        assert!(matches!(next_record(&mut r), Next::Corrupt));
        assert!(matches!(next_record(&mut r), Next::Record(..)));
        assert!(matches!(next_record(&mut r), Next::End));
    }

    #[test]
    fn a_cut_record_is_truncated() {
        let mut bytes = record("response", b"HTTP/1.1 200 OK\r\n\r\n<p>x</p>");
        bytes.truncate(bytes.len() - 8);
        let mut r = reader(bytes);
        assert!(matches!(next_record(&mut r), Next::Truncated));
        assert!(matches!(next_record(&mut r), Next::End));
    }
}
