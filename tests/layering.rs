//! The crate's layout follows its data flow: a stage module uses the shared modules and the
//! stages before it, never one after it, and no two modules use each other. The stage order is
//! read from the one list in `src/pipeline.rs` (its bold names); this test also keeps every
//! source file short enough to read in one sitting.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Modules every stage may use: data types, helpers and language data, below all stages.
const SHARED: &[&str] = &[
    "address",
    "article",
    "deadline",
    "decode",
    "dom",
    "error",
    "lang",
    "options",
    "out",
    "removal",
    "text",
    "url_policy",
];
/// Modules above the stages: the orchestrator and the entry points.
const ENTRY: &[&str] = &["pipeline", "lib", "wasm", "facts"];
/// Longest source file, in lines.
const MAX_LINES: usize = 500;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`src/related/labels.rs` → `related`).
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).unwrap_or(path);
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string());
    first
        .unwrap_or_default()
        .trim_end_matches(".rs")
        .to_string()
}

/// The top-level modules a file's code (not its comments or its unit tests) names as
/// `crate::module`.
fn uses(source: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let code: String = code
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            group
                .split(',')
                .map(|n| n.trim().split("::").next().unwrap_or_default())
                .collect()
        } else {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            vec![&rest[..end]]
        };
        found.extend(
            names
                .into_iter()
                .filter(|n| modules.contains(*n))
                .map(String::from),
        );
    }
    found
}

/// The stages in order: the bold names of `src/pipeline.rs`'s numbered list, each item one
/// rank (modules of the same item may use each other's items, never in a loop).
fn stage_ranks() -> BTreeMap<String, usize> {
    let doc = fs::read_to_string(src().join("pipeline.rs")).unwrap_or_default();
    let mut ranks = BTreeMap::new();
    let mut rank = 0;
    for line in doc.lines().take_while(|l| l.starts_with("//!")) {
        let line = line.trim_start_matches("//!").trim();
        if line
            .split_once(". ")
            .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
        {
            rank += 1;
        }
        for (k, part) in line.split("**").enumerate() {
            if k % 2 == 1 && rank > 0 {
                ranks.entry(part.to_string()).or_insert(rank);
            }
        }
    }
    ranks
}

fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(f))
        .filter(|m| m != "bin")
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file);
        if module == "bin" {
            continue;
        }
        let source = fs::read_to_string(file).unwrap_or_default();
        let mut used = uses(&source, &modules);
        used.remove(&module);
        edges.entry(module).or_default().extend(used);
    }
    edges
}

#[test]
fn every_module_has_a_place_in_the_order() {
    let ranks = stage_ranks();
    assert!(
        ranks.len() >= 8,
        "pipeline.rs lists too few stages: {ranks:?}"
    );
    for module in edges().keys() {
        assert!(
            ranks.contains_key(module) || SHARED.contains(&module.as_str()) || ENTRY.contains(&module.as_str()),
            "src/{module} is neither a stage named in pipeline.rs's list nor a shared or entry module"
        );
    }
}

#[test]
fn modules_use_only_what_comes_before_them() {
    let ranks = stage_ranks();
    let rank = |m: &str| -> usize {
        if SHARED.contains(&m) {
            0
        } else if ENTRY.contains(&m) {
            usize::MAX
        } else {
            ranks.get(m).copied().unwrap_or(usize::MAX)
        }
    };
    let mut wrong = Vec::new();
    for (from, tos) in edges() {
        for to in tos {
            let (a, b) = (rank(&from), rank(&to));
            if b > a {
                wrong.push(format!("{from} (rank {a}) uses {to} (rank {b})"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "uses against the stage order:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_modules_use_each_other() {
    let edges = edges();
    // Depth-first search for a cycle, reporting the first one found.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == m) {
            let mut cycle = path.get(start..).unwrap_or_default().to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in edges.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        let cycle = visit(m, &edges, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "modules use each other in a loop: {}",
            cycle.unwrap_or_default().join(" → ")
        );
    }
}

#[test]
fn source_files_stay_short() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    rust_files(&root.join("tests"), &mut files);
    for dir in [
        "npm",
        "reader/src",
        "extension",
        "www",
        "tests/browser",
        "tests/node",
        "python",
    ] {
        if let Ok(entries) = fs::read_dir(root.join(dir)) {
            for e in entries.flatten() {
                let p = e.path();
                if p.extension()
                    .is_some_and(|x| x == "js" || x == "mjs" || x == "py")
                {
                    files.push(p);
                }
            }
        }
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = fs::read_to_string(f).ok()?.lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}
