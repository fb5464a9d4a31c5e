//! Extracts every page under a folder many times (for profilers).
use std::io::Read;
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_default();
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let mut pages = Vec::new();
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let raw = std::fs::read(e.path()).unwrap_or_default();
        let mut out = Vec::new();
        if e.path().extension().is_some_and(|x| x == "gz") {
            let _ = flate2::read::GzDecoder::new(raw.as_slice()).read_to_end(&mut out);
        } else {
            out = raw;
        }
        pages.push(out);
    }
    let parse_only = std::env::var("PARSE_ONLY").is_ok();
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for p in &pages {
            if parse_only {
                let s = naqi::decode_html(p).unwrap_or_default();
                std::hint::black_box(scraper::Html::parse_document(&s));
            } else {
                let _ = std::hint::black_box(naqi::extract_bytes(p, &naqi::Options::default()));
            }
        }
    }
    eprintln!("{} pages x {rounds}: {:?}", pages.len(), t.elapsed());
}
