//! Bodies the prepare scan can leave out whole, when doing so cannot change the tree around
//! them: inline SVG, and menus, buttons and embedded objects. Each look reads the body once and
//! says how far it got, so that a failed look is not repeated for the elements inside it.

use super::tag::{self, find_end_tag, next_markup, Markup};
use super::{MAX_NESTING, RAW_TEXT};
use crate::dom::is_heading;

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
/// it holds only SVG elements (filter primitives `<fe...>` included) and comments, every end
/// tag closing the element opened last. Its content never reaches the working tree, and its
/// path data is often a good part of a page's markup. `reached` is set as in
/// [`opaque_body_end`].
pub(super) fn svg_body_end(
    bytes: &[u8],
    from: usize,
    attrs: &mut Vec<tag::Attr>,
    reached: &mut usize,
) -> Option<usize> {
    // The elements the body has opened.
    let mut open: Vec<&[u8]> = Vec::new();
    // Inside <title> and <desc> the tree builder reads HTML (they are integration points): only
    // text may come before their end tag.
    let mut text_only: Option<&[u8]> = None;
    let mut i = from;
    loop {
        *reached = i;
        let Markup::Tag {
            start,
            closing,
            name,
            tag,
        } = next_markup(bytes, &mut i, attrs)?
        else {
            if text_only.is_some() {
                return None;
            }
            continue;
        };
        if let Some(element) = text_only.take() {
            if !(closing && name.eq_ignore_ascii_case(element)) {
                return None;
            }
            open.pop();
            continue;
        }
        let svg_element = |n: &[u8]| {
            SVG_ELEMENTS
                .iter()
                .any(|e| e.as_bytes().eq_ignore_ascii_case(n))
                || (n.len() > 2 && n.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(b"fe")))
        };
        let is_svg = name.eq_ignore_ascii_case(b"svg");
        if !is_svg && !svg_element(name) {
            return None;
        }
        if closing {
            // An end tag must close the element opened last (another one would act outside).
            match open.pop() {
                Some(top) if top.eq_ignore_ascii_case(name) => {}
                None if is_svg => return Some(start),
                _ => return None,
            }
        } else if !tag.self_closing {
            if open.len() >= MAX_NESTING {
                return None;
            }
            open.push(name);
            if name.eq_ignore_ascii_case(b"title") || name.eq_ignore_ascii_case(b"desc") {
                text_only = Some(name);
            }
        }
    }
}

/// The opaque elements (see [`crate::dom::is_opaque`]) whose bodies may be left out. Each is
/// "special" to the tree builder, so the searches a `<li>`, `<dd>` or `<dt>` start tag makes
/// stop at it, and each ends an open paragraph or bounds its scope, so a `<p>` inside cannot
/// close one opened before it. (`<dialog>`, `<map>` and `<canvas>` are not special; what a
/// `<select>` may hold is changing in the HTML standard, and html5ever with it.)
pub(super) const LEFT_OUT_BODIES: &[&str] = &["applet", "button", "nav", "object"];

/// Where the body of a `<select>` starting at `from` ends (its end tag), when it holds only
/// options, option groups, rules, text and comments. Anything else may keep the select open
/// past its end tag, or close it early, by the select's own parsing rules (which the HTML
/// standard is changing): the prepare scan then leaves the rest of the page as it is.
pub(super) fn select_body_end(
    bytes: &[u8],
    from: usize,
    attrs: &mut Vec<tag::Attr>,
) -> Option<usize> {
    let mut i = from;
    loop {
        let Markup::Tag {
            start,
            closing,
            name,
            ..
        } = next_markup(bytes, &mut i, attrs)?
        else {
            continue;
        };
        if closing && name.eq_ignore_ascii_case(b"select") {
            return Some(start);
        }
        let known = ["option", "optgroup", "hr"]
            .iter()
            .any(|t| t.as_bytes().eq_ignore_ascii_case(name));
        if !known {
            return None;
        }
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

/// Elements whose start tag acts on an open element of the same name wherever that is (a second
/// `<a>`, `<button>` or `<nobr>` closes the first).
const GUARDED: [&str; 3] = ["a", "button", "nobr"];

/// How many of each of [`GUARDED`] are open. The prepare scan keeps one for the page outside the
/// bodies it leaves out (counting start and end tags: it may count an element as open for
/// longer than the tree builder, which only makes it leave out less).
#[derive(Default, Clone, Copy)]
pub(super) struct Guarded([usize; 3]);

impl Guarded {
    fn slot(&mut self, name: &[u8]) -> Option<&mut usize> {
        let k = GUARDED
            .iter()
            .position(|g| g.as_bytes().eq_ignore_ascii_case(name))?;
        self.0.get_mut(k)
    }

    /// Counts a start tag (`opened`) or an end tag named `name`.
    pub(super) fn count(&mut self, name: &[u8], opened: bool) {
        if let Some(n) = self.slot(name) {
            *n = if opened { *n + 1 } else { n.saturating_sub(1) };
        }
    }

    /// Whether `name` is one of [`GUARDED`] and one is open.
    fn is_open(&mut self, name: &[u8]) -> bool {
        self.slot(name).is_some_and(|n| *n > 0)
    }
}

/// The elements an opaque body has opened, with counts of those the checks ask about, so that
/// no check walks the stack.
#[derive(Default)]
struct Open<'a> {
    names: Vec<&'a [u8]>,
    /// Open `<svg>` elements.
    svg: usize,
    guarded: Guarded,
}

impl<'a> Open<'a> {
    fn push(&mut self, name: &'a [u8]) {
        if name.eq_ignore_ascii_case(b"svg") {
            self.svg += 1;
        }
        self.guarded.count(name, true);
        self.names.push(name);
    }

    fn pop(&mut self) {
        if let Some(name) = self.names.pop() {
            if name.eq_ignore_ascii_case(b"svg") {
                self.svg = self.svg.saturating_sub(1);
            }
            self.guarded.count(name, false);
        }
    }
}

/// Whether a tag name, as written, is a heading's (see [`crate::dom::is_heading`]).
fn is_heading_name(name: &[u8]) -> bool {
    let [h, digit] = name else {
        return false;
    };
    let lower = [h.to_ascii_lowercase(), *digit];
    std::str::from_utf8(&lower).is_ok_and(is_heading)
}

/// Where the body of an opaque element (see [`crate::dom::is_opaque`]) named `name` starting
/// at `from` ends (its end tag), when leaving that body out cannot change the tree around the
/// element: the body's tags nest properly (elements with implied end tags may stay open), every
/// end tag closes an element the body opened, and nothing in it reaches outside (see
/// [`REACHES_OUT`]; formatting elements left open would be reopened after the element).
/// JSON-LD scripts inside also keep the body, since the metadata stage reads them. `outside`
/// counts the [`GUARDED`] elements open around the element. `reached` is set to how far the
/// scan read, so that a failed scan is not repeated for the elements inside.
pub(super) fn opaque_body_end(
    bytes: &[u8],
    from: usize,
    name: &[u8],
    mut outside: Guarded,
    attrs: &mut Vec<tag::Attr>,
    reached: &mut usize,
) -> Option<usize> {
    let is = |list: &[&str], n: &[u8]| list.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(n));
    *reached = from;
    outside.count(name, true);
    let mut open = Open::default();
    let mut i = from;
    loop {
        *reached = i;
        let Markup::Tag {
            start,
            closing,
            name: tag_name,
            tag,
        } = next_markup(bytes, &mut i, attrs)?
        else {
            continue;
        };
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
        // A heading start tag closes a heading left open just before it.
        let closes_heading =
            is_heading_name(tag_name) && open.names.last().is_some_and(|t| is_heading_name(t));
        if is(REACHES_OUT, tag_name)
            || closes_heading
            || outside.is_open(tag_name)
            || open.guarded.is_open(tag_name)
        {
            return None;
        }
        if open.names.len() >= MAX_NESTING {
            return None;
        }
        // A select and inline SVG nest as expected only when they hold what they should.
        if tag_name.eq_ignore_ascii_case(b"select") {
            open.push(tag_name);
            i = select_body_end(bytes, i, attrs)?;
            continue;
        }
        if tag_name.eq_ignore_ascii_case(b"svg") && !tag.self_closing {
            open.push(tag_name);
            let mut svg_reached = i;
            i = svg_body_end(bytes, i, attrs, &mut svg_reached)?;
            continue;
        }
        if is(RAW_TEXT, tag_name) {
            let start_tag = bytes.get(start..i)?;
            if tag.self_closing || super::may_be_json_ld(start_tag) {
                return None;
            }
            open.push(tag_name);
            i = find_end_tag(bytes, i, tag_name)?;
            continue;
        }
        // A self-closing slash counts in SVG (`<path/>`, `<svg/>`) and nowhere else.
        let in_svg = open.svg > 0 || tag_name.eq_ignore_ascii_case(b"svg");
        let closes_itself = is(VOID, tag_name) || (tag.self_closing && in_svg);
        if !closes_itself {
            open.push(tag_name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LEFT_OUT_BODIES;
    use crate::dom::is_opaque;

    #[test]
    fn bodies_left_out_are_opaque() {
        assert!(LEFT_OUT_BODIES.iter().all(|t| is_opaque(t)));
    }
}
