//! Input repairs before parsing, each for a page shape that would otherwise lose the article
//! or the parser's time:
//!
//! - `<script .../>` (XHTML style, as lxml writes it): HTML parsers read everything up to the
//!   next `</script>` as script, so the article would vanish. It becomes `<script ...></script>`.
//! - Container nesting far deeper than any real page: html5ever scans its stack of open
//!   elements at each block start tag, so time grows with the square of the depth. The input is
//!   cut where the nesting passes [`MAX_NESTING`]; what came before is still extracted.

use std::borrow::Cow;

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

/// Raw-text elements that an XHTML-style `/>` does not close in HTML.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "iframe", "noscript", "xmp",
];

/// The input with self-closed raw-text elements closed and over-deep nesting cut.
pub(crate) fn prepare(html: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0; // Bytes of `html` already in `out`.
    let mut depth = 0usize;
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = bytes.get(i..).and_then(|rest| memchr::memchr(b'<', rest)) {
        let start = i + offset;
        let tag_end = match bytes.get(start..).and_then(|r| memchr::memchr(b'>', r)) {
            Some(e) => start + e,
            None => break,
        };
        let Some(tag) = html.get(start + 1..tag_end) else {
            i = start + 1;
            continue;
        };
        let closing = tag.starts_with('/');
        let name_bytes = tag.trim_start_matches('/').as_bytes();
        let name_len = name_bytes
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = name_bytes.get(..name_len).unwrap_or(&[]);
        let is = |list: &[&str]| list.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(name));
        if is(CONTAINERS) && !tag.ends_with('/') {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                if depth > MAX_NESTING {
                    let kept = html.get(copied..start).unwrap_or("");
                    let mut s = out.take().unwrap_or_default();
                    s.push_str(kept);
                    return Cow::Owned(s);
                }
            }
        }
        if !closing && tag.ends_with('/') && is(RAW_TEXT) {
            let s = out.get_or_insert_with(|| String::with_capacity(html.len() + 64));
            // Everything up to the "/>" (without the slash), then a proper end tag.
            s.push_str(html.get(copied..tag_end - 1).unwrap_or(""));
            s.push_str("></");
            s.push_str(std::str::from_utf8(name).unwrap_or("script"));
            s.push('>');
            copied = tag_end + 1;
        }
        i = tag_end + 1;
    }
    match out {
        Some(mut s) => {
            s.push_str(html.get(copied..).unwrap_or(""));
            Cow::Owned(s)
        }
        None => Cow::Borrowed(html),
    }
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
}
