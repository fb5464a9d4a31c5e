//! What a teaser looks like, shared by the related stage (which removes teasers) and the select
//! stage (which must not grow the article into one): a block that opens with another article's
//! headline link after the page's own text.

use crate::dom::{is_heading, Dom, Measures, NodeId};

/// A headline link is a teaser's only when at least this much text precedes it.
pub(crate) const TEXT_BEFORE_TEASER: usize = 100;
/// How deep below a block its own headline may sit.
const HEADLINE_DEPTH: usize = 2;

/// True when the first text of `id` is a heading (or, unless `headings_only`, a line) made of
/// one link.
pub(crate) fn opens_with_headline_link(
    dom: &Dom,
    m: &Measures,
    id: NodeId,
    headings_only: bool,
) -> bool {
    let first_text_block = std::iter::once(id)
        .chain(dom.live_descendants(id))
        .find(|&d| {
            dom.is_element(d) && (is_heading(dom.tag(d)) || dom.tag(d) == "p") && m.chars(d) > 0
        });
    // A teaser's headline sits at its top, not deep inside a media caption.
    let near_top = |b: NodeId| b == id || dom.ancestors(b).take(HEADLINE_DEPTH).any(|a| a == id);
    first_text_block.is_some_and(|b| {
        near_top(b) && (!headings_only || is_heading(dom.tag(b))) && is_headline_link(dom, m, b)
    })
}

/// A heading, or a short line, whose text is (nearly) all one link.
pub(crate) fn is_headline_link(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let tag = dom.tag(id);
    let linked = m.link_density(id) >= 0.8 && m.at(id).links >= 1;
    linked
        && (is_heading(tag) || m.chars(id) <= 200 && m.at(id).links == 1)
        && links_elsewhere(dom, id)
}

/// Whether the first link of `id` leads to another page (not an anchor in this one, nor a
/// permalink to the block holding it: a forum post's heading links to `…#p1234`, the post's own
/// id).
fn links_elsewhere(dom: &Dom, id: NodeId) -> bool {
    let Some((link, href)) = dom.live_descendants(id).find_map(|d| {
        Some(d)
            .filter(|&d| dom.tag(d) == "a")
            .zip(dom.attr(d, "href"))
    }) else {
        return false;
    };
    let permalink = href
        .split_once('#')
        .map(|(_, fragment)| fragment.trim())
        .filter(|f| !f.is_empty())
        .is_some_and(|f| dom.ancestors(link).any(|a| dom.attr(a, "id") == Some(f)));
    leads_elsewhere(href) && !permalink
}

/// Whether a link's `href` leads to another page: not empty, not an anchor in this one, not a
/// script.
pub(crate) fn leads_elsewhere(href: &str) -> bool {
    let h = href.trim();
    !h.is_empty() && !h.starts_with('#') && !h.to_ascii_lowercase().starts_with("javascript:")
}
