//! Runs dom_smoothie over pages listed in a JSON Lines manifest (`{"id", "path"}` per line) and
//! prints one `{"id", "text", "ms"}` line per page (`error` instead of `text` on failure).
//!
//! Usage: `naqi-eval-dom-smoothie MANIFEST.jsonl [--repeat N]`. The time covers parsing and
//! extraction of an already decoded page; with `--repeat N` it is the median of N runs.

use std::io::{self, BufRead, Read, Write};
use std::time::Instant;

use dom_smoothie::{Config, Readability, TextMode};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Page {
    id: String,
    path: String,
}

#[derive(Serialize)]
struct Line {
    id: String,
    ms: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn read_page(path: &str) -> io::Result<String> {
    let raw = std::fs::read(path)?;
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice()).read_to_end(&mut plain)?;
        plain
    } else {
        raw
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn extract(html: &str) -> Result<String, String> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = Readability::new(html, None, Some(config)).map_err(|e| e.to_string())?;
    let article = readability.parse().map_err(|e| e.to_string())?;
    Ok(article.text_content.to_string())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let manifest = args
        .get(1)
        .ok_or("usage: naqi-eval-dom-smoothie MANIFEST.jsonl [--repeat N]")?;
    let repeat: usize = match args.get(2).map(String::as_str) {
        Some("--repeat") => args.get(3).ok_or("--repeat needs a number")?.parse()?,
        _ => 1,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in io::BufReader::new(std::fs::File::open(manifest)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let page: Page = serde_json::from_str(&line)?;
        let html = read_page(&page.path)?;
        let mut times = Vec::new();
        let mut result = Err(String::new());
        for _ in 0..repeat.max(1) {
            let start = Instant::now();
            result = extract(&html);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let ms = times[times.len() / 2];
        let (text, error) = match result {
            Ok(text) => (Some(text), None),
            Err(err) => (None, Some(err)),
        };
        let line = Line {
            id: page.id,
            ms: (ms * 1000.0).round() / 1000.0,
            text,
            error,
        };
        writeln!(out, "{}", serde_json::to_string(&line)?)?;
    }
    out.flush()?;
    Ok(())
}
