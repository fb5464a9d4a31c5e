//! Reading pages from files and standard input, and naming them.

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;

/// The first two bytes of every gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// File names that a folder walk picks up.
const PAGE_SUFFIXES: [&str; 4] = [".html", ".htm", ".html.gz", ".htm.gz"];

/// Reads a page's bytes from a file, or from standard input for `-`, un-gzipping gzip data.
///
/// Inflating stops one byte past `limit` (the extraction's `max_input_bytes`), so a gzip bomb
/// costs no more than that: the page then comes back `limit + 1` bytes long, which the
/// library refuses with `INPUT_TOO_LARGE`.
pub fn read_page(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let mut raw = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin().lock().read_to_end(&mut raw)?;
    } else {
        raw = fs::read(path)?;
    }
    if raw.starts_with(&GZIP_MAGIC) {
        return inflate(&raw, limit);
    }
    Ok(raw)
}

/// Inflates gzip data, stopping one byte past `limit`.
fn inflate(gzip: &[u8], limit: usize) -> io::Result<Vec<u8>> {
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut plain = Vec::with_capacity(gzip.len().saturating_mul(4).min(limit));
    GzDecoder::new(gzip).take(cap).read_to_end(&mut plain)?;
    Ok(plain)
}

/// Whether a file name is one a folder walk should pick up.
pub fn is_page_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    PAGE_SUFFIXES.iter().any(|suffix| lower.ends_with(suffix))
}

/// The page id of a file: its name without `.gz` and then `.html` / `.htm`.
pub fn id_from_file_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = strip_suffix_ignore_case(&name, ".gz");
    let name = strip_suffix_ignore_case(name, ".html");
    let name = strip_suffix_ignore_case(name, ".htm");
    name.to_string()
}

/// The page id taken from the folder that holds the file (for `NAME/source.html` layouts).
pub fn id_from_parent(path: &Path) -> String {
    path.parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| id_from_file_name(path))
}

fn strip_suffix_ignore_case<'a>(name: &'a str, suffix: &str) -> &'a str {
    let cut = name.len().saturating_sub(suffix.len());
    match (name.get(..cut), name.get(cut..)) {
        (Some(stem), Some(tail)) if tail.eq_ignore_ascii_case(suffix) => stem,
        _ => name,
    }
}

/// Expands files and folders into the list of pages, in a deterministic order: arguments in the
/// order given, each folder walked recursively in byte order of its entry names.
///
/// A file given by name is taken whatever its extension; inside folders only page names
/// ([`is_page_name`]) are taken.
pub fn collect_pages(paths: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut pages = Vec::new();
    for path in paths {
        let meta = fs::metadata(path)
            .map_err(|err| io::Error::new(err.kind(), format!("{}: {err}", path.display())))?;
        if !meta.is_dir() {
            pages.push(path.clone());
            continue;
        }
        // Iterative walk; a stack of folders, children pushed in reverse so they pop in order.
        let mut stack = vec![path.clone()];
        while let Some(dir) = stack.pop() {
            let mut entries = fs::read_dir(&dir)
                .and_then(|it| it.collect::<io::Result<Vec<_>>>())
                .map_err(|err| io::Error::new(err.kind(), format!("{}: {err}", dir.display())))?;
            entries.sort_by_key(|e| e.file_name());
            let mut subdirs = Vec::new();
            for entry in entries {
                let entry_path = entry.path();
                if entry_path.is_dir() {
                    subdirs.push(entry_path);
                } else if is_page_name(&entry.file_name().to_string_lossy()) {
                    pages.push(entry_path);
                }
            }
            stack.extend(subdirs.into_iter().rev());
        }
    }
    Ok(pages)
}

/// The JSON Lines output of `batch` and `warc`: standard output for `-`, else a new file.
/// Reports a file that cannot be created and returns `None`.
pub fn open_output(path: &Path) -> Option<Box<dyn Write + Send>> {
    if path.as_os_str() == "-" {
        return Some(Box::new(BufWriter::new(io::stdout())));
    }
    match fs::File::create(path) {
        Ok(file) => Some(Box::new(BufWriter::new(file))),
        Err(err) => {
            eprintln!("naqi: cannot create {}: {err}", path.display());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_drop_page_extensions() {
        assert_eq!(id_from_file_name(Path::new("a/b/cnn-1.html.gz")), "cnn-1");
        assert_eq!(id_from_file_name(Path::new("x.HTM")), "x");
        assert_eq!(id_from_file_name(Path::new("x.txt")), "x.txt");
        assert_eq!(id_from_parent(Path::new("pages/001/source.html")), "001");
    }

    #[test]
    fn inflating_stops_past_the_limit() -> io::Result<()> {
        use flate2::{write::GzEncoder, Compression};
        use std::io::Write;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        for _ in 0..64 {
            gz.write_all(&[b' '; 1 << 20])?;
        }
        let bomb = gz.finish()?;
        assert!(bomb.len() < 200_000);
        assert_eq!(inflate(&bomb, 1_000)?.len(), 1_001);
        assert_eq!(inflate(&bomb, 100 << 20)?.len(), 64 << 20);
        Ok(())
    }

    #[test]
    fn page_names() {
        assert!(is_page_name("a.html"));
        assert!(is_page_name("a.Html.gz"));
        assert!(!is_page_name("truth.jsonl"));
        assert!(!is_page_name("a.gz"));
    }
}
