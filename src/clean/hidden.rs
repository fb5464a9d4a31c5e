//! Hidden elements: what the page's markup and framework classes hide from the reader, and
//! the hidden parts that are content all the same (collapsed panels, tab panels, streamed
//! parts, a veil that scripts lift).

use crate::dom::{Dom, Measures, NodeId};
use crate::text::contains_ignore_ascii_case;

/// Classes that common CSS frameworks define as hidden or screen-reader-only text.
const HIDDEN_CLASSES: &[&str] = &[
    "d-none",
    "sr-only",
    "visually-hidden",
    "screen-reader-text",
    "ipsHide",
];

/// What the page hides, read once per page: the panels its controls open and its `<h1>`s.
pub(super) struct Visibility {
    disclosed: Vec<String>,
    h1s: usize,
}

impl Visibility {
    pub(super) fn of(dom: &Dom) -> Visibility {
        Visibility {
            disclosed: disclosed_ids(dom),
            h1s: count_h1(dom, 0, dom.len()),
        }
    }

    /// Whether an element is hidden from the reader and is not content all the same.
    pub(super) fn hides(&self, dom: &Dom, m: &Measures, id: NodeId) -> bool {
        is_hidden(dom, m, id, self.h1s) && !is_collapsed_panel(dom, &self.disclosed, id)
    }
}

/// `hidden`, `aria-hidden="true"`, or an inline style that hides the element (unless it veils
/// most of the page, see [`is_page_veil`]).
fn is_hidden(dom: &Dom, m: &Measures, id: NodeId, h1s: usize) -> bool {
    if dom.attr(id, "hidden").is_some() {
        return !is_streamed_boundary(dom, id) && !is_inactive_tab_panel(dom, id);
    }
    if dom
        .attr(id, "class")
        .is_some_and(|c| c.split_whitespace().any(|c| HIDDEN_CLASSES.contains(&c)))
    {
        return true;
    }
    if dom.attr(id, "class").is_some_and(is_closed_modal) && !is_page_veil(m, id) {
        return true;
    }
    if is_hover_card(dom, m, id) {
        return true;
    }
    if dom
        .attr(id, "aria-hidden")
        .is_some_and(|v| v.trim() == "true")
    {
        // Icons and decorative wrappers; an image there may still be the lead image, but it is
        // not article text. `aria-hidden` hides nothing from the eye: on the page's main region
        // or most of its text, it is the focus trap of a dialog left open (a consent prompt).
        return !matches!(dom.tag(id), "img" | "figure" | "picture" | "main")
            && !is_page_veil(m, id);
    }
    if let Some(style) = dom.attr(id, "style") {
        // Most styles say neither word: only those are normalized and read.
        let says = |word: &[u8]| contains_ignore_ascii_case(style.as_bytes(), word);
        if !says(b"none") && !says(b"hidden") {
            return false;
        }
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        return (s.contains("display:none") || s.contains("visibility:hidden"))
            && !is_page_veil(m, id)
            && !veils_headline(dom, m, id, h1s);
    }
    false
}

/// The ids that a control opens and closes (`aria-controls` on a button, a link or an element
/// that says whether it is `aria-expanded`): the panels of accordions and "show more"
/// disclosures.
fn disclosed_ids(dom: &Dom) -> Vec<String> {
    let mut ids: Vec<String> = (0..dom.len())
        .filter(|&id| {
            dom.is_element(id)
                && (matches!(dom.tag(id), "button" | "a" | "summary")
                    || dom.attr(id, "aria-expanded").is_some()
                    || dom.attr(id, "role") == Some("button"))
        })
        .filter_map(|id| dom.attr(id, "aria-controls"))
        .flat_map(str::split_whitespace)
        .map(str::to_string)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A collapsed panel of an accordion or disclosure: named by its control's `aria-controls`
/// (`disclosed`, see [`disclosed_ids`]), or a `role="region"` labelled by its toggle as the ARIA
/// accordion pattern builds it. Hidden until the reader opens it, it is as much the page's
/// text as the panel shown open (how-to steps, answers, a product's specifications). Menus
/// that open the same way are links, and later stages take them out as such; a modal dialog
/// opened by a button stays hidden.
fn is_collapsed_panel(dom: &Dom, disclosed: &[String], id: NodeId) -> bool {
    let named = dom
        .attr(id, "id")
        .is_some_and(|i| disclosed.binary_search_by(|d| d.as_str().cmp(i)).is_ok());
    let region = dom
        .attr(id, "role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("region"))
        && dom.attr(id, "aria-labelledby").is_some();
    (named || region) && !dom.attr(id, "class").is_some_and(is_closed_modal)
}

/// A card that a link in a paragraph shows while the pointer is over it: an inline element
/// right after the link, inside the paragraph, holding a picture or a popup's class and more
/// links than text (a person's photo and their latest headlines). Style sheets hide it until
/// then; read as text it breaks the sentence with a list of headlines.
fn is_hover_card(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    if !matches!(dom.tag(id), "span" | "div") {
        return false;
    }
    let c = m.at(id);
    if c.links < HOVER_CARD_LINKS || m.link_density(id) <= 0.5 {
        return false;
    }
    if !dom.ancestors(id).take(4).any(|a| dom.tag(a) == "p")
        || !(c.images > 0 || POPUP_HINTS.iter().any(|h| dom.hints_contain(id, h)))
    {
        return false;
    }
    let Some(parent) = dom.parent(id) else {
        return false;
    };
    // Paragraphs are short: only their first children are looked through, which bounds the
    // work on a hostile page that puts many such elements under one parent.
    let siblings = dom.children(parent);
    let Some(at) = siblings
        .iter()
        .take(HOVER_CARD_SIBLINGS)
        .position(|&s| s == id)
    else {
        return false;
    };
    siblings
        .get(..at)
        .unwrap_or_default()
        .iter()
        .rev()
        .find(|&&s| dom.is_element(s))
        .is_some_and(|&s| dom.tag(s) == "a")
}

/// Most children of a paragraph looked through for a hover card's link.
const HOVER_CARD_SIBLINGS: usize = 256;

/// A hover card holds at least this many links.
const HOVER_CARD_LINKS: u32 = 2;

/// Class/id fragments of cards shown on hover.
const POPUP_HINTS: &[&str] = &["tooltip", "popover", "hovercard", "rollover"];

/// Whether a class list names a modal dialog that is not open: Bootstrap's and Bulma's `modal`
/// is `display: none` until a script adds `show` (`in` in Bootstrap 3, `is-active` in Bulma).
/// Sign-up forms, trial offers and video players wait there, never the page's own text.
fn is_closed_modal(class: &str) -> bool {
    let mut modal = false;
    for token in class.split_whitespace() {
        match token {
            "modal" => modal = true,
            "show" | "in" | "is-active" | "open" | "is-open" => return false,
            _ => {}
        }
    }
    modal
}

/// Whether an element hidden by its inline style holds more than two thirds of the page's
/// text: a page is not written to hide most of itself, so this is a veil that scripts lift
/// once they have run (storefront lockdown apps, anti-flicker snippets), not a hidden block.
fn is_page_veil(m: &Measures, id: NodeId) -> bool {
    u64::from(m.chars(id)) * 3 > u64::from(m.chars(0)) * 2
}

/// Whether an element hidden by its inline style holds every `<h1>` of the page (`h1s` of
/// them, at least one) and at least a quarter of its text: a page does not hide its own
/// headline, so this is a deferred block that scripts show once they have run, not a hidden
/// one. (The menus and drawers a shop also hides keep it under the page veil's share.)
fn veils_headline(dom: &Dom, m: &Measures, id: NodeId, h1s: usize) -> bool {
    h1s > 0
        && u64::from(m.chars(id)) * 4 >= u64::from(m.chars(0))
        && count_h1(dom, id, dom.subtree_end(id)) == h1s
}

/// The `<h1>` elements among the nodes `start..end`.
fn count_h1(dom: &Dom, start: NodeId, end: NodeId) -> usize {
    (start..end)
        .filter(|&d| dom.is_element(d) && dom.tag(d) == "h1")
        .count()
}

/// A tab panel (`role="tabpanel"`) that the `hidden` attribute hides until its tab is chosen,
/// as the ARIA tabs pattern has it: documentation shows one code sample or setup per
/// language this way, each as much the page's content as the one shown first. (Carousels and
/// galleries that reuse the role hide their slides by style or `aria-hidden` alone.)
fn is_inactive_tab_panel(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("tabpanel"))
}

/// React's streamed server rendering sends each late part of the page as a hidden
/// `<div id="S:n">` (`n` in hexadecimal) that a script then moves into its place: content, not
/// a hidden element.
fn is_streamed_boundary(dom: &Dom, id: NodeId) -> bool {
    dom.tag(id) == "div"
        && dom
            .attr(id, "id")
            .and_then(|v| v.strip_prefix("S:"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()))
}
