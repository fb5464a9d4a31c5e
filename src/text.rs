//! Text helpers every stage shares: whitespace collapsing, word-boundary truncation and the
//! byte-level substring tests used on class names, tags and lines, and the one decoder of
//! character references.

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

/// Decodes the common named character references (`&quot;`, `&amp;`, `&apos;`, `&lt;`,
/// `&gt;`, `&nbsp;` as a space) and all numeric ones (`&#1588;`, `&#x41;`); anything else,
/// such as `&bogus;` or a bare `&`, is kept as written. The metadata stage uses it on values a
/// double-escaping CMS left encoded; the fixture tests use it (through `naqi::testing`) to read
/// through references in `content_html`.
pub fn decode_references(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        // A reference name is short: look for its ';' in the next bytes only (searching the
        // whole rest for each '&' made '&'-dense text quadratic).
        let window = after.as_bytes().get(..11).unwrap_or(after.as_bytes());
        let decoded = memchr::memchr(b';', window).and_then(|e| {
            let name = after.get(..e)?;
            let c = match name {
                "quot" => '"',
                "amp" => '&',
                "apos" => '\'',
                "lt" => '<',
                "gt" => '>',
                "nbsp" => ' ',
                n if n.starts_with("#x") || n.starts_with("#X") => {
                    char::from_u32(u32::from_str_radix(n.get(2..)?, 16).ok()?)?
                }
                n if n.starts_with('#') => char::from_u32(n.get(1..)?.parse().ok()?)?,
                _ => return None,
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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
