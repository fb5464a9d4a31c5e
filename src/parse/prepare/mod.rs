//! Input changes before parsing, each for a page shape that would otherwise lose the article
//! or the parser's time. One forward scan over the markup finds tags the way the HTML
//! tokenizer does (comments, quoted attribute values and raw-text bodies are skipped, so a
//! `<script>` written inside them is not taken for a tag):
//!
//! - Script and style bodies are left out, and so are comments. Nothing reads them (JSON-LD
//!   scripts, which the metadata stage reads, are kept), yet they are about half of a typical
//!   page's bytes and the tokenizer walks them character by character. The script and style
//!   elements themselves stay, empty.
//! - Inline SVG bodies are left out too (path data, mostly), and so are the bodies of menus,
//!   buttons and embedded objects (see `bodies.rs`), when leaving them out cannot change the
//!   tree around them. The working tree keeps nothing inside these elements anyway.
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
//! - Unclosed inline elements (`<b>`, `<span>`, ...) far deeper than any real page: past
//!   `inline::MAX_OPEN_INLINE` open at once, their start tags are left out (see `inline.rs`).
//!
//! After an `<svg>` or `<select>` whose body the scan cannot follow, it no longer knows which
//! bodies are raw text, so it only makes the changes that are the same either way. The test
//! `random_markup_reads_the_same_from_a_tree` (tests/tree.rs) checks all of this against
//! html5ever's parse of the unchanged markup, on thousands of generated pages.

use std::borrow::Cow;

use crate::dom::is_kept_attribute;
use crate::metadata;
use crate::text::contains_ignore_ascii_case;

mod bodies;
mod inline;
mod tag;

use bodies::{opaque_body_end, select_body_end, svg_body_end, Guarded, LEFT_OUT_BODIES};
use inline::OpenInline;
use tag::{find, find_end_tag, scan_tag, starts_tag_name};

pub(crate) use crate::dom::MAX_NESTING;

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

/// Formatting elements other than `<a>`: the tree builder tells open ones apart by their
/// attributes too (no more than three alike are reopened), so theirs are all kept. (A second
/// `<a>` always closes the first.)
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
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
    let mut open_inline = OpenInline::default();
    // Set at an <svg> or <math> whose body stays: from there on, where foreign content ends is
    // not known (an HTML tag inside ends it early), nor so whether a <script> or <style> body is
    // raw text. Only changes that are the same either way are made after it (see `passive_ok`).
    // Also set at a <select> holding more than options, whose end is not known either.
    let mut passive = false;
    // How far a failed look for a body to leave out has read, for SVG and for opaque elements:
    // elements of the kind inside are not tried again (that would take time growing with the
    // square of the nesting).
    let (mut svg_tried_to, mut tried_to) = (0usize, 0usize);
    // Elements whose start tags act on an open one of the same name, open outside left-out bodies.
    let mut guarded = Guarded::default();
    let mut i = 0;
    while let Some(offset) = bytes.get(i..).and_then(|rest| memchr::memchr(b'<', rest)) {
        let start = i + offset;
        let rest = bytes.get(start..).unwrap_or(&[]);
        if rest.starts_with(b"<!--") {
            // A comment ends at the first "-->" (also "<!-->" and "<!--->"). Nothing reads
            // comments: they are left out like script bodies.
            match find(bytes, start + 2, b"-->") {
                Some(end) => {
                    if !passive {
                        out.copy_to(start);
                        out.skip_to(end + 3);
                    }
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
                open_inline.close_container();
            } else {
                depth += 1;
                if depth > MAX_NESTING {
                    return Cow::Owned(out.finish_at(start));
                }
                open_inline.open_container();
            }
        }
        if is(inline::BOUNDED) {
            if closing {
                open_inline.end();
            } else if !open_inline.start() {
                out.copy_to(start);
                out.skip_to(i);
                continue;
            }
        }
        let outside = guarded;
        guarded.count(name, !closing);
        if closing {
            continue;
        }
        if name.eq_ignore_ascii_case(b"plaintext") {
            break; // Everything after it is text.
        }
        if !passive && !is(FORMATTING) {
            for attr in attrs.iter().filter(|a| !read(html, a.name)) {
                out.copy_to(attr.gap);
                out.skip_to(attr.end);
            }
        }
        if !passive
            && name.eq_ignore_ascii_case(b"select")
            && select_body_end(bytes, i, &mut attrs).is_none()
        {
            passive = true;
        }
        let foreign_root = name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math");
        if foreign_root && !tag.self_closing {
            let tried = !passive && name.eq_ignore_ascii_case(b"svg") && i >= svg_tried_to;
            match tried
                .then(|| svg_body_end(bytes, i, &mut attrs, &mut svg_tried_to))
                .flatten()
            {
                Some(body_end) => {
                    out.copy_to(i);
                    out.skip_to(body_end);
                    i = body_end;
                }
                None => passive = true,
            }
            continue;
        }
        if is(LEFT_OUT_BODIES) {
            if passive || i < tried_to {
                continue;
            }
            let end = opaque_body_end(bytes, i, name, outside, &mut attrs, &mut tried_to);
            if let Some(body_end) = end {
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
        let body_text = bytes.get(body..body_end);
        let passive_ok = body_text.is_some_and(|b| memchr::memchr(b'<', b).is_none());
        if (!passive || passive_ok)
            && elided(name, bytes.get(start..body).unwrap_or(&[]), body_text)
        {
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
        && !may_be_json_ld(start_tag)
        && memchr::memmem::find(body, b"<!--").is_none()
}

/// Whether a script's start tag may declare JSON-LD: it says `ld+json`, or holds a character
/// reference, which can spell it (`type="application/ld&#x2B;json"`, seen on real pages; the
/// parser decodes it and the metadata stage reads the script).
pub(super) fn may_be_json_ld(start_tag: &[u8]) -> bool {
    contains_ignore_ascii_case(start_tag, b"ld+json") || memchr::memchr(b'&', start_tag).is_some()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_ld_type_spelled_with_a_reference_keeps_its_body() {
        let page =
            r#"<script type="application/ld&#x2B;json">{"a":1}</script><script>x()</script>"#;
        assert_eq!(
            prepare(page),
            r#"<script type="application/ld&#x2B;json">{"a":1}</script><script></script>"#
        );
    }

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
        let html = concat!(
            r#"<a title="t" onclick="go()" HREF="/p" data-track=1 class=c/>"#,
            r#"<img data-src=x.jpg loading=lazy>"#
        );
        assert_eq!(
            prepare(html),
            r#"<a HREF="/p" class=c/><img data-src=x.jpg>"#
        );
        let read = concat!(
            r#"<html lang="ar" dir="rtl" xml:lang="ar"><head><meta property="og:title" "#,
            r#"content="t"><meta name="author" itemprop="author" content="a">"#,
            r#"<link rel="canonical" href="/c"><script type="application/ld+json">{}</script>"#,
            r#"</head><body><time datetime="2024-01-01" class="d" id="i" style="x" role="r" "#,
            r#"aria-hidden="true" hidden>t</time><td colspan=2 rowspan=2>"#,
            r#"<img src=a srcset=b alt=c><span lang=en>"#
        );
        assert_eq!(prepare(read), read);
    }

    #[test]
    fn svg_bodies_are_left_out() {
        let html = concat!(
            r#"<p>a<svg viewBox="0 0 1 1"><!-- icon --><g><path d="M0 0"/><title>x</title></g>"#,
            r#"<svg><feBlend/></svg></svg>b</p>"#
        );
        assert_eq!(prepare(html), "<p>a<svg></svg>b</p>");
        // An HTML tag inside ends the SVG in the tree builder: the body stays for the parser.
        for kept in [
            "<svg><g><p>text</p></g></svg>",
            "<svg><foreignObject><div>x</div></foreignObject></svg>",
            "<svg><![CDATA[x]]></svg>",
            // <title> in SVG holds HTML: a second <title> there reads the rest as its text.
            "<svg><title><title></svg><p>after</p>",
            // The end tag closes the link around the SVG.
            "<a href=/a><svg></a></svg><p>after</p>",
        ] {
            assert_eq!(prepare(kept), kept);
        }
    }

    #[test]
    fn self_contained_menus_are_left_out() {
        let html = "<nav class=m><ul><li><a href=/a>A</a><li><a href=/b><svg><path/></svg>B</a>\
                    </ul><button><b>Menu</b></button><nav>x</nav></nav><p>after</p>";
        assert_eq!(prepare(html), "<nav class=m></nav><p>after</p>");
        for kept in [
            "<select><option>a<option>b</select><p>after</p>",
            // <p> inside <map> closes a paragraph opened before it.
            "<p>before<map><p>in</p></map>after</p>",
            // A heading start closes an open heading; </h1> closes any heading.
            "<h2><button><h1><h1></h1></h1></button>",
        ] {
            assert_eq!(prepare(kept), kept);
        }
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
