//! Input changes before parsing, each for a page shape that would otherwise lose the article
//! or the parser's time. One forward scan over the markup finds tags the way the HTML
//! tokenizer does (comments, quoted attribute values and raw-text bodies are skipped, so a
//! `<script>` written inside them is not taken for a tag):
//!
//! - Script and style bodies are left out, and so are comments. Nothing reads them (JSON-LD
//!   scripts, which the metadata stage reads, are kept), yet they are about half of a typical
//!   page's bytes and the tokenizer walks them character by character. The script and style
//!   elements themselves stay, empty.
//! - `<script .../>` (XHTML style, as lxml writes it): HTML parsers read everything up to the
//!   next `</script>` as script, so the article would vanish. It becomes `<script ...></script>`.
//! - Container nesting far deeper than any real page: html5ever scans its stack of open
//!   elements at each block start tag, so time grows with the square of the depth. The input is
//!   cut where the nesting passes [`MAX_NESTING`]; what came before is still extracted.

use std::borrow::Cow;

use crate::dom::contains_ignore_ascii_case;

/// Deepest nesting of container elements kept. Real pages stay below a few hundred.
pub(crate) const MAX_NESTING: usize = 2_000;

/// Containers whose start tags make html5ever scan its open elements; counted for depth.
const CONTAINERS: &[&str] = &[
    "div",
    "section",
    "article",
    "aside",
    "main",
    "nav",
    "header",
    "footer",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "fieldset",
    "figure",
    "details",
    "center",
    "form",
];

/// Elements whose body the tokenizer reads as text up to the matching end tag (html5ever parses
/// with scripting on, so `<noscript>` is one of them). An XHTML-style `/>` does not close them.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "iframe", "noscript", "xmp", "noembed", "noframes",
];

/// The input with script and style bodies left out, self-closed raw-text elements closed and
/// over-deep nesting cut. Borrowed when nothing changed.
pub(crate) fn prepare(html: &str) -> Cow<'_, str> {
    let mut out = Output {
        html,
        out: None,
        copied: 0,
    };
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = bytes.get(i..).and_then(|rest| memchr::memchr(b'<', rest)) {
        let start = i + offset;
        let rest = bytes.get(start..).unwrap_or(&[]);
        if rest.starts_with(b"<!--") {
            // A comment ends at the first "-->" (also "<!-->" and "<!--->"). Nothing reads
            // comments: they are left out like script bodies.
            match find(bytes, start + 2, b"-->") {
                Some(end) => {
                    out.copy_to(start);
                    out.skip_to(end + 3);
                    i = end + 3;
                }
                None => break,
            }
            continue;
        }
        let after = rest.get(1).copied().unwrap_or(b' ');
        if after == b'!' || after == b'?' || (after == b'/' && !starts_tag_name(rest.get(2..))) {
            // Doctype, CDATA, processing instruction or bogus comment: up to the next '>'.
            match bytes.get(start..).and_then(|r| memchr::memchr(b'>', r)) {
                Some(end) => i = start + end + 1,
                None => break,
            }
            continue;
        }
        let closing = after == b'/';
        let name_start = start + 1 + usize::from(closing);
        if !starts_tag_name(bytes.get(name_start..)) {
            i = start + 1; // A lone '<' is text.
            continue;
        }
        let Some(tag) = scan_tag(bytes, name_start) else {
            break;
        };
        let name = bytes.get(name_start..tag.name_end).unwrap_or(&[]);
        let is = |list: &[&str]| list.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name));
        i = tag.end + 1;
        if is(CONTAINERS) && !tag.self_closing {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                if depth > MAX_NESTING {
                    return Cow::Owned(out.finish_at(start));
                }
            }
        }
        if !closing && name.eq_ignore_ascii_case(b"plaintext") {
            break; // Everything after it is text.
        }
        if closing || !is(RAW_TEXT) {
            continue;
        }
        if tag.self_closing {
            // Everything up to the "/>" (without the slash), then a proper end tag.
            out.copy_to(tag.end - 1);
            out.push("></");
            out.push(std::str::from_utf8(name).unwrap_or("script"));
            out.push(">");
            out.skip_to(tag.end + 1);
            continue;
        }
        let body = tag.end + 1;
        let Some(body_end) = find_end_tag(bytes, body, name) else {
            break; // Raw text up to the end of the input.
        };
        if elided(
            name,
            bytes.get(start..body).unwrap_or(&[]),
            bytes.get(body..body_end),
        ) {
            out.copy_to(body);
            out.skip_to(body_end);
        }
        i = body_end;
    }
    out.finish()
}

/// Whether a raw-text body can be left out: script and style bodies, except JSON-LD scripts
/// and scripts holding `<!--`, where the tokenizer's escape rules can move the real end tag.
fn elided(name: &[u8], start_tag: &[u8], body: Option<&[u8]>) -> bool {
    let Some(body) = body.filter(|b| !b.is_empty()) else {
        return false;
    };
    if name.eq_ignore_ascii_case(b"style") {
        return true;
    }
    name.eq_ignore_ascii_case(b"script")
        && !contains_ignore_ascii_case(start_tag, b"ld+json")
        && memchr::memmem::find(body, b"<!--").is_none()
}

/// The output being built: `html` with some ranges left out.
struct Output<'a> {
    html: &'a str,
    out: Option<String>,
    /// Bytes of `html` already copied to `out` or skipped.
    copied: usize,
}

impl<'a> Output<'a> {
    /// Copies `html` up to byte `to`.
    fn copy_to(&mut self, to: usize) {
        let part = self.html.get(self.copied..to).unwrap_or("");
        let capacity = self.html.len();
        self.out
            .get_or_insert_with(|| String::with_capacity(capacity))
            .push_str(part);
        self.copied = to.max(self.copied);
    }

    fn push(&mut self, s: &str) {
        if let Some(out) = self.out.as_mut() {
            out.push_str(s);
        }
    }

    /// Leaves out `html` up to byte `to` (after [`Output::copy_to`]).
    fn skip_to(&mut self, to: usize) {
        self.copied = to.max(self.copied);
    }

    /// The output with the input cut at byte `at`.
    fn finish_at(mut self, at: usize) -> String {
        self.copy_to(at);
        self.out.unwrap_or_default()
    }

    /// The output: borrowed when nothing was changed.
    fn finish(mut self) -> Cow<'a, str> {
        if self.out.is_none() {
            return Cow::Borrowed(self.html);
        }
        self.copy_to(self.html.len());
        Cow::Owned(self.out.unwrap_or_default())
    }
}

/// A start or end tag found by [`scan_tag`].
struct Tag {
    /// One past the tag name.
    name_end: usize,
    /// The closing '>'.
    end: usize,
    /// Written `<name ... />`.
    self_closing: bool,
}

/// Whether a tag name starts at the front of `rest` (an ASCII letter).
fn starts_tag_name(rest: Option<&[u8]>) -> bool {
    rest.and_then(|r| r.first())
        .is_some_and(|b| b.is_ascii_alphabetic())
}

/// Reads a tag from its name at `name_start` to its closing '>', skipping quoted attribute
/// values as the tokenizer does. `None` when the input ends inside the tag.
fn scan_tag(bytes: &[u8], name_start: usize) -> Option<Tag> {
    let is_end_of_name = |b: &u8| b.is_ascii_whitespace() || *b == b'/' || *b == b'>';
    let name_end = name_start + bytes.get(name_start..)?.iter().position(is_end_of_name)?;
    let mut i = name_end;
    let mut after_equals = false;
    loop {
        let b = *bytes.get(i)?;
        match b {
            b'>' => {
                let self_closing = i > name_end && bytes.get(i - 1) == Some(&b'/');
                return Some(Tag {
                    name_end,
                    end: i,
                    self_closing,
                });
            }
            b'"' | b'\'' if after_equals => {
                let close = memchr::memchr(b, bytes.get(i + 1..)?)?;
                i += close + 2;
                after_equals = false;
                continue;
            }
            b'=' => after_equals = true,
            _ if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
}

/// Where the end tag `</name` (any case, followed by whitespace, '/' or '>') starts, searching
/// from `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let at = i + memchr::memmem::find(bytes.get(i..)?, b"</")?;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        let next = bytes.get(at + 2 + name.len()).copied().unwrap_or(b'>');
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name))
            && (next.is_ascii_whitespace() || next == b'/' || next == b'>')
        {
            return Some(at);
        }
        i = at + 2;
    }
}

/// Byte position of `needle` in `bytes` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    Some(from + memchr::memmem::find(bytes.get(from..)?, needle)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closes_self_closed_scripts() {
        let html = r#"<head><script src="a.js"/><title>t</title></head><body><p>x</p>"#;
        assert_eq!(
            prepare(html),
            r#"<head><script src="a.js"></script><title>t</title></head><body><p>x</p>"#
        );
        assert!(matches!(prepare("<p>plain</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn cuts_absurd_nesting() {
        let html = format!("<p>before</p>{}", "<div>".repeat(MAX_NESTING + 10));
        let cut = prepare(&html);
        assert_eq!(cut.matches("<div>").count(), MAX_NESTING);
        assert!(cut.starts_with("<p>before</p>"));
    }

    #[test]
    fn leaves_out_script_and_style_bodies() {
        let html = "<style>p{x:1}</style><SCRIPT>if (a<b) go('</div>')</script ><p>kept</p>\
                    <script type=\"application/ld+json\">{\"a\":1}</script>";
        assert_eq!(
            prepare(html),
            "<style></style><SCRIPT></script ><p>kept</p>\
             <script type=\"application/ld+json\">{\"a\":1}</script>"
        );
    }

    #[test]
    fn comments_are_left_out() {
        assert_eq!(prepare("a<!-- x -->b<!---->c<!-->d"), "abcd");
    }

    #[test]
    fn script_written_inside_markup_is_not_a_tag() {
        // In a comment, a quoted attribute value and a title, "<script>" is text, not a tag:
        // eliding from there would eat the paragraphs up to the real script's end.
        for html in [
            "<!-- <script> --><p>one</p><script>x</script>",
            "<a title='a>b <script>'>l</a><p>one</p><script>x</script>",
            "<title>a <script> b</title><p>one</p><script>x</script>",
        ] {
            let out = prepare(html);
            assert!(out.contains("<p>one</p>"), "{out}");
            assert!(out.ends_with("<script></script>"), "{out}");
        }
    }

    #[test]
    fn escaped_script_bodies_are_kept() {
        let html = "<script><!-- document.write('<script></script>') --></script><p>one</p>";
        assert!(matches!(prepare(html), Cow::Borrowed(_)));
    }

    #[test]
    fn unterminated_input_is_kept() {
        for html in [
            "<p>x</p><script>never ends",
            "<p>x</p><!-- open",
            "<p a='open",
        ] {
            assert_eq!(prepare(html), html);
        }
    }
}
