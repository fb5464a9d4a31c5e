//! End-to-end extraction over real pages, next to the HTML parse alone as the floor.
//!
//! Pages come from `../shared/corpora` beside the checkout, read at bench time (gzip-compressed
//! pages are inflated first):
//! - `arabic-real/pages`: every page, one bench per page, so a slow page stands out;
//! - `scrapinghub/html`: a fixed sample of English pages, one bench over the whole sample.
//!
//! Each group has a `parse` bench (`scraper::Html::parse_document`, the cost no extractor on
//! this parser can go below) and an `extract` bench (`naqi::extract`, everything), so the ratio
//! between them is the extractor's own cost. When the corpora are absent, the bench says so
//! and measures the project's fixture pages instead.
//!
//! The `*-stages` groups stop the pipeline after each stage in turn (`naqi::bench`), so the
//! difference between two consecutive stops is one stage's cost.
//!
//! The `hostile` group runs each hostile page shape of `tests/shapes/` at 1×, 4× and 16×: time
//! that grows 4× per step is linear, 16× per step quadratic.
//!
//! Run with `cargo bench --bench extract`; `cargo bench --bench extract -- arabic` runs one group.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use flate2::read::GzDecoder;
use std::io::Read;

/// Every `SCRAPINGHUB_STEP`-th ScrapingHub page (sorted by name) is benched: 31 of 181.
const SCRAPINGHUB_STEP: usize = 6;

struct Page {
    id: String,
    html: String,
}

fn corpora_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join("corpora")
}

/// Reads `dir`'s `.html` and `.html.gz` files, sorted by name, decoded like the CLI does.
fn load_pages(dir: &Path) -> Vec<Page> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".html") || name.ends_with(".html.gz")
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let raw = std::fs::read(&path).ok()?;
            let bytes = if path.extension().is_some_and(|e| e == "gz") {
                let mut out = Vec::new();
                GzDecoder::new(raw.as_slice()).read_to_end(&mut out).ok()?;
                out
            } else {
                raw
            };
            let html = naqi::decode_html(&bytes).ok()?;
            let name = path.file_name()?.to_str()?;
            let id = name
                .trim_end_matches(".gz")
                .trim_end_matches(".html")
                .to_owned();
            Some(Page { id, html })
        })
        .collect()
}

/// The project's own fixture pages, for a machine without the corpora.
fn fixture_pages() -> Vec<Page> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pages = Vec::new();
    for lang in ["ar", "fa", "ur", "en", "fr"] {
        let Ok(entries) = std::fs::read_dir(root.join(lang)) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        dirs.sort();
        for dir in dirs {
            if let Ok(html) = std::fs::read_to_string(dir.join("source.html")) {
                let id = format!(
                    "{lang}/{}",
                    dir.file_name().and_then(|n| n.to_str()).unwrap_or("?")
                );
                pages.push(Page { id, html });
            }
        }
    }
    pages
}

fn total_bytes(pages: &[Page]) -> u64 {
    pages.iter().map(|p| p.html.len() as u64).sum()
}

/// One `parse` and one `extract` bench per page.
fn bench_each_page(c: &mut Criterion, group_name: &str, pages: &[Page]) {
    let mut group = c.benchmark_group(group_name);
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(3));
    let options = naqi::Options::default();
    for page in pages {
        group.throughput(Throughput::Bytes(page.html.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("parse", &page.id),
            &page.html,
            |b, html| {
                b.iter(|| scraper::Html::parse_document(black_box(html)));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("extract", &page.id),
            &page.html,
            |b, html| {
                b.iter(|| naqi::extract(black_box(html), &options));
            },
        );
    }
    group.finish();
}

/// `parse`, `extract` and `is_probably_readable` over the whole set, one iteration = all pages.
fn bench_whole_set(c: &mut Criterion, group_name: &str, pages: &[Page]) {
    let mut group = c.benchmark_group(group_name);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(total_bytes(pages)));
    let options = naqi::Options::default();
    let label = format!("{} pages", pages.len());
    group.bench_function(BenchmarkId::new("parse", &label), |b| {
        b.iter(|| {
            for page in pages {
                black_box(scraper::Html::parse_document(black_box(&page.html)));
            }
        });
    });
    group.bench_function(BenchmarkId::new("extract", &label), |b| {
        b.iter(|| {
            for page in pages {
                let _ = black_box(naqi::extract(black_box(&page.html), &options));
            }
        });
    });
    group.bench_function(BenchmarkId::new("is_probably_readable", &label), |b| {
        b.iter(|| {
            for page in pages {
                black_box(naqi::is_probably_readable(black_box(&page.html)));
            }
        });
    });
    group.finish();
}

/// The pipeline stopped after each stage in turn over the whole set: the difference between
/// two consecutive stops is that stage's cost.
fn bench_stages(c: &mut Criterion, group_name: &str, pages: &[Page]) {
    use naqi::bench::{run_until, Stage};
    let mut group = c.benchmark_group(group_name);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(total_bytes(pages)));
    for (name, stop) in [
        ("1-parse-tree-and-metadata", Stage::Parse),
        ("2-clean", Stage::Clean),
        ("3-related", Stage::Related),
        ("4-article", Stage::Article),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                for page in pages {
                    let _ = black_box(run_until(black_box(&page.html), stop));
                }
            });
        });
    }
    group.finish();
}

#[path = "../tests/shapes/mod.rs"]
mod shapes;

/// Each hostile shape at 1×, 4× and 16×, with no input-size limit or time budget in the way.
fn bench_hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(200));
    group.measurement_time(Duration::from_secs(2));
    let options = naqi::Options::default()
        .with_max_input_bytes(usize::MAX)
        .with_time_budget(None);
    for (name, shape) in shapes::SHAPES {
        for scale in [1, 4, 16] {
            let html = shape(scale);
            group.throughput(Throughput::Bytes(html.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(*name, format!("{scale}x")),
                &html,
                |b, html| b.iter(|| naqi::extract(black_box(html), &options)),
            );
        }
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_hostile(c);
    let corpora = corpora_dir();
    let arabic = load_pages(&corpora.join("arabic-real").join("pages"));
    let english: Vec<Page> = load_pages(&corpora.join("scrapinghub").join("html"))
        .into_iter()
        .step_by(SCRAPINGHUB_STEP)
        .collect();

    if arabic.is_empty() && english.is_empty() {
        eprintln!(
            "naqi bench: no corpus pages under {} — benching the fixture pages instead",
            corpora.display()
        );
        bench_whole_set(c, "fixtures", &fixture_pages());
        return;
    }
    if arabic.is_empty() {
        eprintln!("naqi bench: arabic-real pages not found, skipping that group");
    } else {
        bench_each_page(c, "arabic-real", &arabic);
        bench_whole_set(c, "arabic-real-all", &arabic);
        bench_stages(c, "arabic-real-stages", &arabic);
    }
    if english.is_empty() {
        eprintln!("naqi bench: scrapinghub pages not found, skipping that group");
    } else {
        bench_whole_set(c, "scrapinghub-sample", &english);
        bench_stages(c, "scrapinghub-sample-stages", &english);
    }
}

criterion_group!(extract_benches, benches);
criterion_main!(extract_benches);
