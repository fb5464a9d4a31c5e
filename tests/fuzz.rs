//! The fuzz targets of `fuzz/` on stable Rust (cargo-fuzz needs nightly): each target's check
//! (`fuzz/fuzz_targets/checks.rs`) on its seeds (`fuzz/seeds/`) mutated with its dictionary.
//!
//! `NAQI_FUZZ_RUNS=40000 cargo test --release --features cli --test fuzz -- --nocapture`
//! prints the executions per target; `NAQI_FUZZ_SEED` picks another sequence.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

/// A small xorshift generator, so a run can be repeated from its seed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

#[path = "../fuzz/fuzz_targets/checks.rs"]
mod fuzz_checks;

/// The tokens of a libFuzzer dictionary (`"..."` lines with `\xNN`, `\\` and `\"` escapes).
fn dictionary(name: &str) -> Vec<Vec<u8>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut tokens = Vec::new();
    for line in text.lines() {
        let Some(body) = line
            .trim()
            .strip_prefix('"')
            .and_then(|l| l.strip_suffix('"'))
        else {
            continue;
        };
        let (mut token, bytes) = (Vec::new(), body.as_bytes());
        let mut i = 0;
        while i < bytes.len() {
            match (bytes[i], bytes.get(i + 1)) {
                (b'\\', Some(b'x')) => {
                    let hex = std::str::from_utf8(&bytes[i + 2..i + 4]).unwrap();
                    token.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 4;
                }
                (b'\\', Some(&c)) => {
                    token.push(c);
                    i += 2;
                }
                (c, _) => {
                    token.push(c);
                    i += 1;
                }
            }
        }
        tokens.push(token);
    }
    assert!(tokens.len() > 10, "{} has too few tokens", path.display());
    tokens
}

/// The seed inputs of one target (`fuzz/seeds/<dir>`).
fn seeds(dir: &str) -> Vec<Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// Longest mutated input, in bytes (libFuzzer's default `-max_len` is far smaller).
const MAX_FUZZ_INPUT: usize = 64 * 1024;

/// One mutation of the kinds libFuzzer makes: flip a byte, insert a dictionary token, delete
/// or duplicate a range (duplication grows nesting quickly), or splice in another seed.
fn mutate(rng: &mut XorShift, input: &mut Vec<u8>, dict: &[Vec<u8>], seeds: &[Vec<u8>]) {
    let at = (rng.next() as usize) % (input.len() + 1);
    match rng.next() % 5 {
        0 if !input.is_empty() => {
            let i = at.min(input.len() - 1);
            input[i] ^= 1 << (rng.next() % 8);
        }
        1 | 0 => {
            let token = &dict[(rng.next() as usize) % dict.len()];
            input.splice(at..at, token.iter().copied());
        }
        2 => {
            let end = (at + (rng.next() as usize) % 64).min(input.len());
            input.drain(at..end);
        }
        3 => {
            let end = (at + 1 + (rng.next() as usize) % 32).min(input.len());
            let copy: Vec<u8> = input[at.min(end)..end].to_vec();
            for _ in 0..(1 + rng.next() % 64) {
                input.splice(at..at, copy.iter().copied());
            }
        }
        _ => {
            let other = &seeds[(rng.next() as usize) % seeds.len()];
            let from = (rng.next() as usize) % other.len().max(1);
            input.splice(at..at, other[from.min(other.len())..].iter().copied());
        }
    }
    input.truncate(MAX_FUZZ_INPUT);
}

/// A fuzz target: its name, its check, its seed folder and its dictionary.
type Target = (&'static str, fn(&[u8]), &'static str, &'static str);

/// Every target on its seeds, then on `NAQI_FUZZ_RUNS` mutated inputs (default 300).
#[test]
fn fuzz_targets_on_stable() {
    let runs: usize = std::env::var("NAQI_FUZZ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("NAQI_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_F00D);
    let targets: [Target; 3] = [
        ("extract", fuzz_checks::extract, "html", "extract.dict"),
        (
            "extract_bytes",
            fuzz_checks::extract_bytes,
            "html",
            "extract.dict",
        ),
        (
            "extract_tree",
            fuzz_checks::extract_tree,
            "tree",
            "tree.dict",
        ),
    ];
    for (name, check, seed_dir, dict_name) in targets {
        let (seeds, dict) = (seeds(seed_dir), dictionary(dict_name));
        let mut rng = XorShift(seed | 1);
        let start = std::time::Instant::now();
        for seed_input in &seeds {
            check(seed_input);
        }
        for run in 0..runs {
            let mut input = seeds[run % seeds.len()].clone();
            for _ in 0..(1 + rng.next() % 8) {
                mutate(&mut rng, &mut input, &dict, &seeds);
            }
            check(&input);
        }
        println!(
            "fuzz {name}: {} executions in {:.1} s",
            runs + seeds.len(),
            start.elapsed().as_secs_f64()
        );
    }
}
