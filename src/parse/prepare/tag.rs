//! Finding tags and their attributes in markup the way the HTML tokenizer does (the "tag
//! open" to "after attribute value" states of the HTML standard), without building anything.

/// A start or end tag found by [`scan_tag`].
pub(super) struct Tag {
    /// One past the tag name.
    pub name_end: usize,
    /// The closing '>'.
    pub end: usize,
    /// Written `<name ... />` (a '/' right before the '>', outside any attribute value).
    pub self_closing: bool,
}

/// An attribute found by [`scan_tag`], as byte positions in the markup.
pub(super) struct Attr {
    /// Where the gap before the attribute (whitespace, stray '/') starts.
    pub gap: usize,
    /// The name's first byte and one past its last.
    pub name: (usize, usize),
    /// One past the attribute's last byte (its value's closing quote, if any).
    pub end: usize,
}

/// Whether a tag name starts at the front of `rest` (an ASCII letter).
pub(super) fn starts_tag_name(rest: Option<&[u8]>) -> bool {
    rest.and_then(|r| r.first())
        .is_some_and(|b| b.is_ascii_alphabetic())
}

fn is_space(b: u8) -> bool {
    // The tokenizer's whitespace: tab, line feed, form feed, carriage return, space.
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Reads a tag from its name at `name_start` to its closing '>', putting its attributes in
/// `attrs` (cleared first). `None` when the input ends inside the tag.
pub(super) fn scan_tag(bytes: &[u8], name_start: usize, attrs: &mut Vec<Attr>) -> Option<Tag> {
    attrs.clear();
    let at = |i: usize| bytes.get(i).copied();
    let name_end = name_start
        + bytes
            .get(name_start..)?
            .iter()
            .position(|&b| is_space(b) || b == b'/' || b == b'>')?;
    let mut i = name_end;
    loop {
        // Before an attribute name: whitespace and stray slashes are skipped.
        let gap = i;
        loop {
            match at(i)? {
                b'>' => {
                    return Some(Tag {
                        name_end,
                        end: i,
                        self_closing: false,
                    })
                }
                b'/' if at(i + 1) == Some(b'>') => {
                    return Some(Tag {
                        name_end,
                        end: i + 1,
                        self_closing: true,
                    })
                }
                b if is_space(b) || b == b'/' => i += 1,
                _ => break,
            }
        }
        // The name; its first character may be '='.
        let name_from = i;
        i += 1;
        while let Some(b) = at(i) {
            if is_space(b) || b == b'/' || b == b'>' || b == b'=' {
                break;
            }
            i += 1;
        }
        let name = (name_from, i);
        let mut end = i;
        while at(i).is_some_and(is_space) {
            i += 1;
        }
        if at(i) == Some(b'=') {
            i += 1;
            while at(i).is_some_and(is_space) {
                i += 1;
            }
            match at(i)? {
                quote @ (b'"' | b'\'') => {
                    i += 2 + memchr::memchr(quote, bytes.get(i + 1..)?)?;
                }
                // A missing value: the '>' ends the tag.
                b'>' => {}
                _ => {
                    while at(i).is_some_and(|b| !is_space(b) && b != b'>') {
                        i += 1;
                    }
                }
            }
            end = i;
        } else {
            // No value: whatever follows the spaces starts the next attribute.
            i = end;
        }
        attrs.push(Attr { gap, name, end });
    }
}

/// What a body scan meets next (see [`next_markup`]).
pub(super) enum Markup<'a> {
    /// A comment.
    Comment,
    /// A start or end tag starting at byte `start`, named `name`.
    Tag {
        start: usize,
        closing: bool,
        name: &'a [u8],
        tag: Tag,
    },
}

/// The next comment or tag from byte `*i` (a lone `<` is text), moving `*i` past it. `None` at
/// the end of the input, inside an unfinished comment or tag, and at other markup (`<!`, `<?`,
/// `</` without a name: doctypes, CDATA, bogus comments), which the body scans leave to the
/// parser.
pub(super) fn next_markup<'a>(
    bytes: &'a [u8],
    i: &mut usize,
    attrs: &mut Vec<Attr>,
) -> Option<Markup<'a>> {
    loop {
        let start = *i + memchr::memchr(b'<', bytes.get(*i..)?)?;
        let rest = bytes.get(start..)?;
        if rest.starts_with(b"<!--") {
            *i = find(bytes, start + 2, b"-->")? + 3;
            return Some(Markup::Comment);
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if !starts_tag_name(bytes.get(name_start..)) {
            if matches!(rest.get(1), Some(b'!' | b'?' | b'/')) {
                return None;
            }
            *i = start + 1;
            continue;
        }
        let tag = scan_tag(bytes, name_start, attrs)?;
        let name = bytes.get(name_start..tag.name_end)?;
        *i = tag.end + 1;
        return Some(Markup::Tag {
            start,
            closing,
            name,
            tag,
        });
    }
}

/// Where the end tag `</name` (any case, followed by whitespace, '/' or '>') starts, searching
/// from `from`.
pub(super) fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let at = i + memchr::memmem::find(bytes.get(i..)?, b"</")?;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        let next = bytes.get(at + 2 + name.len()).copied().unwrap_or(b'>');
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name))
            && (is_space(next) || next == b'/' || next == b'>')
        {
            return Some(at);
        }
        i = at + 2;
    }
}

/// Byte position of `needle` in `bytes` at or after `from`.
pub(super) fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    Some(from + memchr::memmem::find(bytes.get(from..)?, needle)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tag at the front of `html` as (name, [(attribute name, attribute text)], self-closing).
    fn scan(html: &str) -> (String, Vec<(String, String)>, bool) {
        let mut attrs = Vec::new();
        let Some(tag) = scan_tag(html.as_bytes(), 1, &mut attrs) else {
            return (String::new(), Vec::new(), false);
        };
        let text = |from: usize, to: usize| html.get(from..to).unwrap_or("?").to_string();
        let attrs = attrs
            .iter()
            .map(|a| (text(a.name.0, a.name.1), text(a.name.0, a.end)))
            .collect();
        (text(1, tag.name_end), attrs, tag.self_closing)
    }

    #[test]
    fn reads_attributes_like_the_tokenizer() {
        let (name, attrs, closed) =
            scan(r#"<img src = "a>b" alt='x' hidden data-x=1/2 =odd a="1"b="2"/>"#);
        assert_eq!(name, "img");
        assert!(closed);
        let names: Vec<&str> = attrs.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["src", "alt", "hidden", "data-x", "=odd", "a", "b"]);
        let text = |i: usize| attrs.get(i).map(|(_, t)| t.as_str());
        assert_eq!(text(0), Some(r#"src = "a>b""#));
        assert_eq!(text(3), Some("data-x=1/2"));
    }

    #[test]
    fn a_slash_ending_an_unquoted_value_does_not_close_the_tag() {
        assert!(!scan("<a href=x/>").2);
        assert!(scan("<br/>").2);
        assert!(scan("<a href=x />").2);
    }

    #[test]
    fn unterminated_tags_are_none() {
        for html in ["<a", "<a href", "<a href='x", "<a href=x"] {
            assert!(
                scan_tag(html.as_bytes(), 1, &mut Vec::new()).is_none(),
                "{html}"
            );
        }
    }
}
