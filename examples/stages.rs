//! Times each pipeline stage over every page under a folder (cumulative, per page average).
use naqi::bench::{run_until, Stage};
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
        pages.push(naqi::decode_html(&out).unwrap_or_default());
    }
    for (name, stage) in [
        ("parse", Stage::Parse),
        ("clean", Stage::Clean),
        ("related", Stage::Related),
        ("article", Stage::Article),
    ] {
        let t = std::time::Instant::now();
        for _ in 0..rounds {
            for p in &pages {
                let _ = std::hint::black_box(run_until(p, stage));
            }
        }
        let per = t.elapsed().as_secs_f64() * 1000.0 / (rounds * pages.len()) as f64;
        eprintln!("{name:>14}: {per:.3} ms/page");
    }
}
