//! Time per page of each pipeline stop over every page under a folder, against html5ever's
//! parse of the same pages (the floor). Each figure is the best of several rounds, which keeps
//! other load on the machine out of it.
//!
//! `cargo run --release --example stages -- ../shared/corpora/scrapinghub/html [rounds]`
use std::io::Read;
use std::time::Instant;

use naqi::bench::{run_until, Stage};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_default();
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let raw = std::fs::read(entry.path()).unwrap_or_default();
        let mut bytes = Vec::new();
        if entry.path().extension().is_some_and(|x| x == "gz") {
            let _ = flate2::read::GzDecoder::new(raw.as_slice()).read_to_end(&mut bytes);
        } else {
            bytes = raw;
        }
        pages.push(naqi::decode_html(&bytes).unwrap_or_default());
    }
    let per_page = |f: &dyn Fn(&str)| {
        (0..rounds)
            .map(|_| {
                let start = Instant::now();
                for page in &pages {
                    f(page);
                }
                start.elapsed().as_secs_f64() * 1000.0 / pages.len().max(1) as f64
            })
            .fold(f64::INFINITY, f64::min)
    };
    let floor = per_page(&|p| drop(std::hint::black_box(scraper::Html::parse_document(p))));
    println!("{} pages, best of {rounds} rounds", pages.len());
    println!("{:>22}: {floor:.3} ms/page", "html5ever parse alone");
    for (name, stage) in [
        ("parse", Stage::Parse),
        ("clean", Stage::Clean),
        ("related", Stage::Related),
        ("article", Stage::Article),
    ] {
        let ms = per_page(&|p| drop(std::hint::black_box(run_until(p, stage))));
        println!("{name:>22}: {ms:.3} ms/page ({:.2}x the floor)", ms / floor);
    }
}
