//! Writes one test per fixture folder (`tests/fixtures/<lang>/<case>/` with an `expected.json`)
//! for `tests/fixtures.rs`, so that a new folder is a new test without a list to keep by hand.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=tests/fixtures");
    let mut cases = Vec::new();
    if let Ok(langs) = std::fs::read_dir("tests/fixtures") {
        for lang in langs.flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
            for case in std::fs::read_dir(&lang).into_iter().flatten().flatten() {
                let case = case.path();
                if case.join("expected.json").is_file() {
                    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().to_string());
                    if let (Some(l), Some(c)) = (name(&lang), name(&case)) {
                        cases.push(format!("{l}/{c}"));
                    }
                }
            }
        }
    }
    cases.sort();
    let mut out = String::new();
    for case in &cases {
        let test = case.replace(['/', '-'], "_");
        let _ = writeln!(
            out,
            "#[test]\nfn {test}() {{\n    run_fixture({case:?});\n}}\n"
        );
    }
    let _ = writeln!(
        out,
        "/// Every fixture folder, `<lang>/<case>`.\nconst LISTED: &[&str] = &{cases:?};"
    );
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("fixture_tests.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=could not write {}: {e}", dest.display());
    }
}
