//! Input changes before parsing, each for a page shape that would otherwise lose the article
//! or the parser's time. One forward scan over the markup finds tags the way the HTML
//! tokenizer does (comments, quoted attribute values and raw-text bodies are skipped, so a
//! `<script>` written inside them is not taken for a tag):
//!
//! - Script and style bodies are left out, and so are comments. Nothing reads them (JSON-LD
//!   scripts, which the metadata stage reads, are kept), yet they are about half of a typical
//!   page's bytes and the tokenizer walks them character by character. The script and style
//!   elements themselves stay, empty.
//! - Inline SVG bodies are left out too (path data, mostly), when they hold only SVG elements.
//! - Attributes no stage reads (event handlers, tracking `data-*`, `title`, `aria-*`, sizes)
//!   are left out: the tokenizer copies attribute values character by character, and they are
//!   a good part of what remains. The working tree keeps a fixed list
//!   (`dom::is_kept_attribute`) and the metadata stage reads [`metadata::read_attribute`]; both
//!   see the same attributes as before.
//! - `<script .../>` (XHTML style, as lxml writes it): HTML parsers read everything up to the
//!   next `</script>` as script, so the article would vanish. It becomes `<script ...></script>`.
//! - Container nesting far deeper than any real page: html5ever scans its stack of open
//!   elements at each block start tag, so time grows with the square of the depth. The input is
//!   cut where the nesting passes [`MAX_NESTING`]; what came before is still extracted.

use std::borrow::Cow;

use crate::dom::{contains_ignore_ascii_case, is_kept_attribute, OPAQUE_TAGS};
use crate::metadata;

mod tag;

use tag::{find, find_end_tag, scan_tag, starts_tag_name};

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

/// The input with script, style and inline SVG bodies, comments and unread attributes left
/// out, self-closed raw-text elements closed and over-deep nesting cut. Borrowed when nothing
/// changed.
pub(crate) fn prepare(html: &str) -> Cow<'_, str> {
    let mut out = Output {
        html,
        out: None,
        copied: 0,
    };
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    let mut depth = 0usize;
    // Open <svg> and <math> elements whose bodies stay: tags inside them are foreign.
    let mut foreign = 0usize;
    // How far a failed look for a body to leave out has read: elements inside are not tried
    // again (that would take time growing with the square of the nesting).
    let mut tried_to = 0usize;
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
        let Some(tag) = scan_tag(bytes, name_start, &mut attrs) else {
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
        let foreign_root = name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math");
        if closing {
            if foreign_root {
                foreign = foreign.saturating_sub(1);
            }
            continue;
        }
        for attr in attrs.iter().filter(|a| !read(html, a.name)) {
            out.copy_to(attr.gap);
            out.skip_to(attr.end);
        }
        if name.eq_ignore_ascii_case(b"plaintext") {
            break; // Everything after it is text.
        }
        if foreign_root && !tag.self_closing {
            let tried = name.eq_ignore_ascii_case(b"svg") && i >= tried_to;
            match tried
                .then(|| svg_body_end(bytes, i, &mut attrs, &mut tried_to))
                .flatten()
            {
                Some(body_end) => {
                    out.copy_to(i);
                    out.skip_to(body_end);
                    i = body_end;
                }
                None => foreign += 1,
            }
            continue;
        }
        if is(OPAQUE_TAGS) {
            if foreign > 0 || i < tried_to {
                continue;
            }
            if let Some(body_end) = opaque_body_end(bytes, i, name, &mut attrs, &mut tried_to) {
                out.copy_to(i);
                out.skip_to(body_end);
                i = body_end;
            }
            continue;
        }
        if !is(RAW_TEXT) {
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

/// Whether some stage reads the attribute named by the byte range `name` of `html`: the working
/// tree keeps it or the metadata stage looks it up.
fn read(html: &str, (from, to): (usize, usize)) -> bool {
    let Some(name) = html.get(from..to) else {
        return true;
    };
    let lower;
    let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = name.to_ascii_lowercase();
        lower.as_str()
    } else {
        name
    };
    is_kept_attribute(name) || metadata::read_attribute(name).is_some()
}

/// SVG elements, lowercase. Inside `<svg>` nothing else may appear for its body to be left out:
/// an HTML tag such as `<p>` or `<div>` there ends the SVG in the tree builder, and
/// `<foreignObject>` holds HTML.
const SVG_ELEMENTS: &[&str] = &[
    "a",
    "animate",
    "animatemotion",
    "animatetransform",
    "circle",
    "clippath",
    "defs",
    "desc",
    "ellipse",
    "filter",
    "g",
    "image",
    "line",
    "lineargradient",
    "marker",
    "mask",
    "metadata",
    "mpath",
    "path",
    "pattern",
    "polygon",
    "polyline",
    "radialgradient",
    "rect",
    "set",
    "stop",
    "style",
    "switch",
    "symbol",
    "text",
    "textpath",
    "title",
    "tspan",
    "use",
    "view",
];

/// Where the body of an `<svg>` element starting at `from` ends (the matching `</svg>`), when
/// it holds only SVG elements (filter primitives `<fe...>` included) and comments. Its content
/// never reaches the working tree, and its path data is often a good part of a page's markup.
/// `reached` is set as in [`opaque_body_end`].
fn svg_body_end(
    bytes: &[u8],
    from: usize,
    attrs: &mut Vec<tag::Attr>,
    reached: &mut usize,
) -> Option<usize> {
    let mut depth = 1usize;
    let mut i = from;
    loop {
        *reached = i;
        let start = i + memchr::memchr(b'<', bytes.get(i..)?)?;
        let rest = bytes.get(start..)?;
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 2, b"-->")? + 3;
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if !starts_tag_name(bytes.get(name_start..)) {
            if matches!(rest.get(1), Some(b'!' | b'?' | b'/')) {
                return None; // CDATA and other markup: left to the parser.
            }
            i = start + 1;
            continue;
        }
        let tag = scan_tag(bytes, name_start, attrs)?;
        let name = bytes.get(name_start..tag.name_end)?;
        let svg_element = |n: &[u8]| {
            SVG_ELEMENTS
                .iter()
                .any(|e| e.as_bytes().eq_ignore_ascii_case(n))
                || (n.len() > 2 && n.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(b"fe")))
        };
        if name.eq_ignore_ascii_case(b"svg") {
            if closing {
                depth -= 1;
                if depth == 0 {
                    return Some(start);
                }
            } else if !tag.self_closing {
                depth += 1;
            }
        } else if !svg_element(name) {
            return None;
        }
        i = tag.end + 1;
    }
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

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Elements an end tag (or an enclosing end tag) closes without complaint when left open.
const IMPLIED_END: &[&str] = &[
    "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc",
];

/// Start tags whose effect can reach outside the element they sit in (the form pointer, table
/// fostering, the document's own elements, attribute merging): an opaque body holding one is
/// left to the parser.
const REACHES_OUT: &[&str] = &[
    "body",
    "caption",
    "col",
    "colgroup",
    "form",
    "frame",
    "frameset",
    "head",
    "html",
    "math",
    "plaintext",
    "table",
    "tbody",
    "td",
    "template",
    "tfoot",
    "th",
    "thead",
    "tr",
];

/// Elements the tree builder does not nest in themselves (a second start closes the first).
const NOT_NESTED: [&str; 3] = ["a", "button", "nobr"];

/// The elements an opaque body has opened, with counts of those the checks ask about, so that
/// no check walks the stack.
#[derive(Default)]
struct Open<'a> {
    names: Vec<&'a [u8]>,
    /// Open `<svg>` elements.
    svg: usize,
    /// Open elements of each of [`NOT_NESTED`].
    not_nested: [usize; 3],
}

impl<'a> Open<'a> {
    /// The counter `name` belongs to, if any.
    fn counter(&mut self, name: &[u8]) -> Option<&mut usize> {
        if name.eq_ignore_ascii_case(b"svg") {
            return Some(&mut self.svg);
        }
        let k = NOT_NESTED
            .iter()
            .position(|t| t.as_bytes().eq_ignore_ascii_case(name))?;
        self.not_nested.get_mut(k)
    }

    fn push(&mut self, name: &'a [u8]) {
        if let Some(count) = self.counter(name) {
            *count += 1;
        }
        self.names.push(name);
    }

    fn pop(&mut self) {
        if let Some(name) = self.names.pop() {
            if let Some(count) = self.counter(name) {
                *count = count.saturating_sub(1);
            }
        }
    }

    fn is_open(&mut self, name: &[u8]) -> bool {
        self.counter(name).is_some_and(|count| *count > 0)
    }
}

/// Where the body of an opaque element (see [`OPAQUE_TAGS`]) named `name` starting at `from`
/// ends (its end tag), when leaving that body out cannot change the tree around the element:
/// the body's tags nest properly (elements with implied end tags may stay open), every end tag
/// closes an element the body opened, and nothing in it reaches outside (see [`REACHES_OUT`];
/// formatting elements left open would be reopened after the element). JSON-LD scripts inside
/// also keep the body, since the metadata stage reads them. `reached` is set to how far the
/// scan read, so that a failed scan is not repeated for the elements inside.
fn opaque_body_end(
    bytes: &[u8],
    from: usize,
    name: &[u8],
    attrs: &mut Vec<tag::Attr>,
    reached: &mut usize,
) -> Option<usize> {
    let is = |list: &[&str], n: &[u8]| list.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(n));
    let mut open = Open::default();
    let mut i = from;
    loop {
        *reached = i;
        let start = i + memchr::memchr(b'<', bytes.get(i..)?)?;
        let rest = bytes.get(start..)?;
        if rest.starts_with(b"<!--") {
            i = find(bytes, start + 2, b"-->")? + 3;
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if !starts_tag_name(bytes.get(name_start..)) {
            if matches!(rest.get(1), Some(b'!' | b'?' | b'/')) {
                return None;
            }
            i = start + 1;
            continue;
        }
        let tag = scan_tag(bytes, name_start, attrs)?;
        let tag_name = bytes.get(name_start..tag.name_end)?;
        i = tag.end + 1;
        if closing {
            while open
                .names
                .last()
                .is_some_and(|top| !top.eq_ignore_ascii_case(tag_name) && is(IMPLIED_END, top))
            {
                open.pop();
            }
            match open.names.last() {
                Some(top) if top.eq_ignore_ascii_case(tag_name) => open.pop(),
                None if tag_name.eq_ignore_ascii_case(name) => return Some(start),
                _ => return None,
            }
            continue;
        }
        let svg = tag_name.eq_ignore_ascii_case(b"svg");
        if is(REACHES_OUT, tag_name) || (!svg && open.is_open(tag_name)) {
            return None;
        }
        if open.names.len() >= MAX_NESTING {
            return None;
        }
        if is(RAW_TEXT, tag_name) {
            let start_tag = bytes.get(start..i)?;
            if tag.self_closing || contains_ignore_ascii_case(start_tag, b"ld+json") {
                return None;
            }
            open.push(tag_name);
            i = find_end_tag(bytes, i, tag_name)?;
            continue;
        }
        // A self-closing slash counts in SVG (`<path/>`, `<svg/>`) and nowhere else.
        let in_svg = svg || open.svg > 0;
        let closes_itself = is(VOID, tag_name) || (tag.self_closing && in_svg);
        if !closes_itself {
            open.push(tag_name);
        }
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
    fn unread_attributes_are_left_out() {
        let html = r#"<a title="t" onclick="go()" HREF="/p" data-track=1 class=c/><img data-src=x.jpg loading=lazy>"#;
        assert_eq!(
            prepare(html),
            r#"<a HREF="/p" class=c/><img data-src=x.jpg>"#
        );
        let read = r#"<html lang="ar" dir="rtl" xml:lang="ar"><head><meta property="og:title" content="t"><meta name="author" itemprop="author" content="a"><link rel="canonical" href="/c"><script type="application/ld+json">{}</script></head><body><time datetime="2024-01-01" class="d" id="i" style="x" role="r" aria-hidden="true" hidden>t</time><td colspan=2 rowspan=2><img src=a srcset=b alt=c><span lang=en>"#;
        assert_eq!(prepare(read), read);
    }

    #[test]
    fn svg_bodies_are_left_out() {
        let html = r#"<p>a<svg viewBox="0 0 1 1"><!-- icon --><g><path d="M0 0"/><title>x</title></g><svg><feBlend/></svg></svg>b</p>"#;
        assert_eq!(prepare(html), "<p>a<svg></svg>b</p>");
        // An HTML tag inside ends the SVG in the tree builder: the body stays for the parser.
        for kept in [
            "<svg><g><p>text</p></g></svg>",
            "<svg><foreignObject><div>x</div></foreignObject></svg>",
            "<svg><![CDATA[x]]></svg>",
        ] {
            assert_eq!(prepare(kept), kept);
        }
    }

    #[test]
    fn self_contained_menus_are_left_out() {
        let html = "<nav class=m><ul><li><a href=/a>A</a><li><a href=/b><svg><path/></svg>B</a>\
                    </ul><button><b>Menu</b></button><nav>x</nav></nav><p>after</p>";
        assert_eq!(prepare(html), "<nav class=m></nav><p>after</p>");
        assert_eq!(
            prepare("<select><option>a<option>b</select><p>after</p>"),
            "<select></select><p>after</p>"
        );
    }

    #[test]
    fn menus_reaching_outside_are_kept() {
        for kept in [
            // A link left open is reopened after the menu, around what follows.
            "<nav><a href=/a>open link</nav><p>after</p>",
            // The end tag closes an element opened before the menu.
            "<div><nav><ul></div></nav><p>after</p>",
            "<nav><form><input></form></nav>",
            "<nav><script type=\"application/ld+json\">{}</script></nav>",
            "<nav><a href=/a><a href=/b>b</a></a></nav>",
            // Inside SVG, <nav> is a foreign element and <p> breaks out of it.
            "<svg><nav><p>after</p></nav></svg>",
        ] {
            assert_eq!(prepare(kept), kept);
        }
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
