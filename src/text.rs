//! Text helpers every stage shares: whitespace collapsing, word-boundary truncation and the
//! byte-level substring tests used on class names, tags and lines.

/// Appends `s` to `out`, collapsing whitespace runs (including across the boundary) to one space.
pub(crate) fn push_collapsed(out: &mut String, s: &str) {
    let mut last_space = out.is_empty() || out.ends_with(' ');
    for ch in s.chars() {
        if ch.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(ch);
            last_space = false;
        }
    }
}

/// Cuts a text at a word boundary to at most `max` characters, adding "…" when cut.
pub(crate) fn truncate_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut.get(..i).unwrap_or(&cut).to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end())
}

/// A 64-bit summary of which bytes a string holds (each byte sets bit `byte % 64`): a string
/// can only contain another if it holds all of that one's bits.
pub(crate) fn byte_set(s: &[u8]) -> u64 {
    s.iter().fold(0u64, |set, &b| set | 1u64 << (b % 64))
}

/// Substring test for class names against hint fragments: both are short, so candidates are
/// found by their first byte (memchr) and compared, without building a searcher per call.
pub(crate) fn contains_short(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    memchr::memchr_iter(first, hay).any(|i| {
        hay.get(i + 1..i + 1 + rest.len())
            .is_some_and(|candidate| candidate == rest)
    })
}

/// ASCII case-insensitive substring test, for short haystacks (a tag, a style attribute, a line).
pub(crate) fn contains_ignore_ascii_case(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::contains_short;

    #[test]
    fn short_substring_search() {
        assert!(contains_short(b"-post-tags-", b"tags"));
        assert!(contains_short(b"-ad-", b"-ad-"));
        assert!(!contains_short(b"-ad", b"-ad-"));
        assert!(!contains_short(b"-header-", b"-ad-"));
        assert!(contains_short(b"x", b""));
    }
}
