//! `naqi batch`: many pages in, one JSON line per page out, in input order.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Instant;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::input;
use crate::{OptionArgs, EXIT_FAILED, EXIT_OK, EXIT_USAGE};

#[derive(Args)]
pub struct BatchArgs {
    /// Files and folders; folders are walked recursively for .html, .htm and .html.gz files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The JSON Lines file to write (`-` for standard output).
    #[arg(short, long, value_name = "OUT.jsonl")]
    output: PathBuf,
    /// Pages extracted at the same time (default: the number of CPUs).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Where a page's id comes from: its file name, or the folder holding it.
    #[arg(long, value_enum, default_value_t = IdFrom::File)]
    id_from: IdFrom,
    #[command(flatten)]
    options: OptionArgs,
    /// Measurement only: decode and parse each page with html5ever, without extracting.
    #[arg(long, hide = true)]
    parse_only: bool,
    /// Measurement only: run each page this many times and report the median time.
    #[arg(long, hide = true, default_value_t = 1, value_name = "N")]
    repeat: usize,
}

/// How a page's id is formed.
#[derive(Clone, Copy, ValueEnum)]
enum IdFrom {
    /// The file name without `.html`, `.htm` and `.gz`.
    File,
    /// The name of the folder holding the file (for `NAME/source.html` layouts).
    Dir,
}

/// One output line. The article's fields follow `id`, `path` and `ms`; a failed page has
/// `error` instead.
#[derive(Serialize)]
struct Line<'a> {
    id: String,
    path: String,
    /// Wall time of the extraction (decoding included, file reading excluded), milliseconds.
    ms: f64,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    article: Option<&'a naqi::Article>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<LineError>,
}

#[derive(Serialize)]
struct LineError {
    /// A library error code (`NO_ARTICLE`, ...), `IO_ERROR` or `PANIC`.
    code: String,
    message: String,
}

/// What one page produced: its JSON line and whether it failed.
struct Outcome {
    json: String,
    failed: bool,
    ms: f64,
}

/// Work shared by the worker threads.
struct Job<'a> {
    pages: &'a [PathBuf],
    id_from: IdFrom,
    options: naqi::Options,
    parse_only: bool,
    repeat: usize,
}

pub fn run(args: &BatchArgs) -> u8 {
    let options = args.options.to_options(None);
    if let Err(err) = options.validate() {
        eprintln!("naqi: {}: {err}", err.code());
        return EXIT_USAGE;
    }
    let pages = match input::collect_pages(&args.paths) {
        Ok(pages) => pages,
        Err(err) => {
            eprintln!("naqi: {err}");
            return EXIT_USAGE;
        }
    };
    let Some(mut out) = input::open_output(&args.output) else {
        return EXIT_USAGE;
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, pages.len().max(1));
    let job = Job {
        pages: &pages,
        id_from: args.id_from,
        options,
        parse_only: args.parse_only,
        repeat: args.repeat.max(1),
    };
    let progress = progress_bar(pages.len());
    let written = run_pool(&job, jobs, &mut out, &progress);
    progress.finish_and_clear();
    let (failed, mut times) = match written.and_then(|r| out.flush().map(|()| r)) {
        Ok(result) => result,
        Err(err) => {
            eprintln!("naqi: cannot write {}: {err}", args.output.display());
            return EXIT_USAGE;
        }
    };
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    eprintln!(
        "naqi: {} pages, {} failed, median {median:.2} ms/page",
        pages.len(),
        failed
    );
    if failed > 0 {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

fn progress_bar(len: usize) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pages  {elapsed} {msg}") {
        bar.set_style(style);
    }
    bar
}

/// Runs the pages on `jobs` threads and writes their lines in input order as they complete.
/// Returns the number of failed pages and the per-page times.
fn run_pool(
    job: &Job<'_>,
    jobs: usize,
    out: &mut dyn Write,
    progress: &ProgressBar,
) -> io::Result<(usize, Vec<f64>)> {
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = job.pages.get(index) else {
                    break;
                };
                if tx.send((index, process(job, path))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // Lines that finished before an earlier one wait here until their turn.
        let mut pending = BTreeMap::new();
        let mut next_to_write = 0;
        let mut failed = 0;
        let mut times = Vec::with_capacity(job.pages.len());
        for (index, outcome) in rx {
            progress.inc(1);
            pending.insert(index, outcome);
            while let Some(outcome) = pending.remove(&next_to_write) {
                writeln!(out, "{}", outcome.json)?;
                failed += usize::from(outcome.failed);
                times.push(outcome.ms);
                next_to_write += 1;
            }
        }
        Ok((failed, times))
    })
}

fn process(job: &Job<'_>, path: &Path) -> Outcome {
    let id = match job.id_from {
        IdFrom::File => input::id_from_file_name(path),
        IdFrom::Dir => input::id_from_parent(path),
    };
    let (article, error, ms) = match input::read_page(path, job.options.max_input_bytes) {
        Err(err) => {
            let error = LineError {
                code: "IO_ERROR".into(),
                message: err.to_string(),
            };
            (None, Some(error), 0.0)
        }
        Ok(bytes) => match timed(job.repeat, || run_one(job, &bytes)) {
            (Ok(article), ms) => (article, None, ms),
            (Err(error), ms) => (None, Some(error), ms),
        },
    };
    let failed = error.is_some();
    let line = Line {
        id,
        path: path.display().to_string(),
        ms,
        article: article.as_ref(),
        error,
    };
    let json = serde_json::to_string(&line).unwrap_or_else(|err| {
        format!(
            r#"{{"id":{:?},"error":{{"code":"SERIALIZE","message":{:?}}}}}"#,
            line.id,
            err.to_string()
        )
    });
    Outcome { json, failed, ms }
}

/// Extracts (or, in parse-only mode, decodes and parses) one page. A panic in the library is
/// caught and reported as that page's error so the batch goes on.
fn run_one(job: &Job<'_>, bytes: &[u8]) -> Result<Option<naqi::Article>, LineError> {
    let caught = panic::catch_unwind(AssertUnwindSafe(|| {
        if job.parse_only {
            return naqi::decode_html(bytes).map(|html| {
                let doc = scraper::Html::parse_document(&html);
                std::hint::black_box(doc);
                None
            });
        }
        naqi::extract_bytes(bytes, &job.options).map(Some)
    }));
    match caught {
        Ok(Ok(article)) => Ok(article),
        Ok(Err(err)) => Err(LineError {
            code: err.code().into(),
            message: err.to_string(),
        }),
        Err(payload) => Err(LineError {
            code: "PANIC".into(),
            message: payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the extractor panicked".into()),
        }),
    }
}

/// Runs `f` `repeat` times (at least once); returns the last result and the median wall time in
/// milliseconds, rounded to microseconds.
fn timed<T>(repeat: usize, mut f: impl FnMut() -> T) -> (T, f64) {
    let mut run = || {
        let start = Instant::now();
        let result = f();
        (result, start.elapsed().as_secs_f64() * 1000.0)
    };
    let (mut result, first) = run();
    let mut times = vec![first];
    for _ in 1..repeat {
        let (again, ms) = run();
        result = again;
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(first);
    (result, (median * 1000.0).round() / 1000.0)
}
