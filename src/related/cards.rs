//! Unlabelled related cards and link lists inside the chosen article.

use super::removal;
use super::teaser::{opens_with_headline_link, TEXT_BEFORE_TEASER};
use crate::dom::{is_heading, Dom, Measures, NodeId};
use crate::{Removal, RemovalKind, RemovalRule};

/// A block is a related link list when links hold at least this share of its text...
const LINK_SHARE: f64 = 0.65;
/// ... it has at least this many links...
const MIN_LINKS: u32 = 2;
/// ... and its links read like headlines: this many characters each on average.
const HEADLINE_CHARS: u32 = 20;

/// Removes, from inside the article roots, lists and card groups of headline links, and
/// teaser cards: blocks that open with another article's headline link.
/// `core`, the best-scored block, and its ancestors are never removed.
pub(crate) fn remove_link_lists(
    dom: &mut Dom,
    roots: &[NodeId],
    core: NodeId,
    out: &mut Vec<Removal>,
) {
    let m = Measures::of(dom);
    let protected = dom.holders_of(Some(core));
    let start = roots.first().copied().unwrap_or(core);
    for &root in roots {
        let end = dom.subtree_end(root);
        dom.walk_live(root + 1, end, |dom, id| {
            if protected.get(id).copied().unwrap_or(false) {
                return false;
            }
            let Some((kind, rule)) = classify(dom, &m, id, start) else {
                return false;
            };
            dom.remove(id);
            out.push(removal(dom, kind, rule, None, &[id]));
            true
        });
    }
}

/// Whether a block inside the article is unlabelled related content, and which.
fn classify(
    dom: &Dom,
    m: &Measures,
    id: NodeId,
    start: NodeId,
) -> Option<(RemovalKind, RemovalRule)> {
    let tag = dom.tag(id);
    if tag == "p" {
        let teaser = is_teaser_line(dom, m, id) && dom.text_chars_between(start, id) > 0;
        return teaser.then_some((RemovalKind::ReadAlso, RemovalRule::TeaserLine));
    }
    if !matches!(
        tag,
        "ul" | "ol" | "div" | "section" | "aside" | "table" | "article"
    ) {
        return None;
    }
    let c = m.at(id);
    let is_list = c.links >= MIN_LINKS
        && m.link_density(id) >= LINK_SHARE
        && c.link_chars / c.links.max(1) >= HEADLINE_CHARS
        && c.paragraphs <= c.links;
    if is_list && !is_announced_list(dom, id) {
        return Some((RemovalKind::LinkList, RemovalRule::LinkList));
    }
    let card = tag != "table"
        && opens_with_headline_link(dom, m, id, true)
        && dom.text_chars_between(start, id) >= TEXT_BEFORE_TEASER
        && !is_roundup_item(dom, m, id);
    card.then_some((RemovalKind::Related, RemovalRule::TeaserCard))
}

/// A round-up's items ("six novels for winter") each open with a linked heading too, but
/// they are written in prose and, with their like siblings, are most of their parent's text.
const ROUNDUP_LINK_SHARE: f64 = 0.35;
/// A round-up has at least this many items...
const ROUNDUP_ITEMS: usize = 3;
/// ... and they hold at least this share of their parent's text.
const ROUNDUP_SHARE: f64 = 0.5;

/// Whether a block opening with a headline link is one item of a round-up: prose with few
/// links, among siblings of the same tag that open the same way and fill their parent.
fn is_roundup_item(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    if m.link_density(id) >= ROUNDUP_LINK_SHARE {
        return false;
    }
    let Some(parent) = dom.parent(id) else {
        return false;
    };
    // Cards under a related-content label (the label pass took it out) are teasers.
    let labelled = dom
        .children(parent)
        .iter()
        .take_while(|&&c| c != id)
        .any(|&c| dom.is_removed(c) && is_heading(dom.tag(c)));
    if labelled {
        return false;
    }
    let tag = dom.tag(id);
    let (mut items, mut chars) = (0usize, 0u32);
    for s in dom.live_children(parent) {
        if dom.tag(s) == tag
            && m.link_density(s) < ROUNDUP_LINK_SHARE
            && opens_with_headline_link(dom, m, s, true)
        {
            items += 1;
            chars = chars.saturating_add(m.chars(s));
        }
    }
    items >= ROUNDUP_ITEMS && f64::from(chars) >= f64::from(m.chars(parent)) * ROUNDUP_SHARE
}

/// Words a one-link line needs to read as another article's headline.
const HEADLINE_WORDS: usize = 4;

/// A paragraph that is nothing but one link to another page with a headline's length: an
/// unlabelled "read also" line between the article's paragraphs.
fn is_teaser_line(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let c = m.at(id);
    if c.links != 1 || c.chars < HEADLINE_CHARS || m.link_density(id) < 0.95 {
        return false;
    }
    let Some(link) = dom.live_descendants(id).find(|&d| dom.tag(d) == "a") else {
        return false;
    };
    let href = dom.attr(link, "href").unwrap_or("").trim();
    !href.is_empty()
        && !href.starts_with('#')
        && dom.text(link).split_whitespace().count() >= HEADLINE_WORDS
}

/// Fewest words of a sentence that announces the list after it.
const ANNOUNCING_WORDS: usize = 4;

/// Whether a list is announced by the sentence right before it, one that ends with a colon
/// ("The following options are available:", "For more information, see:"): documentation
/// writes its lists of links (the pages of a guide, a type's references) that way, and the
/// sentence reads on into them. A label over related links is shorter, or a heading, and the
/// related pass has removed it by then.
pub(crate) fn is_announced_list(dom: &Dom, id: NodeId) -> bool {
    if !matches!(dom.tag(id), "ul" | "ol") {
        return false;
    }
    let Some(parent) = dom.parent(id) else {
        return false;
    };
    let previous = dom
        .children(parent)
        .iter()
        .copied()
        .take_while(|&c| c != id)
        .filter(|&c| dom.is_element(c) || dom.text_of(c).is_some_and(|t| !t.trim().is_empty()))
        .last();
    let Some(previous) = previous else {
        return false;
    };
    if dom.is_removed(previous) || dom.tag(previous) != "p" {
        return false;
    }
    let text = dom.text(previous);
    let text = text.trim();
    text.ends_with(':') && text.split_whitespace().count() >= ANNOUNCING_WORDS
}
