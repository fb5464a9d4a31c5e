//! Unlabelled related cards and link lists inside the chosen article.

use super::removal;
use super::teaser::{opens_with_headline_link, TEXT_BEFORE_TEASER};
use crate::dom::{Dom, Measures, NodeId};
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
    if is_list {
        return Some((RemovalKind::LinkList, RemovalRule::LinkList));
    }
    let card = tag != "table"
        && opens_with_headline_link(dom, m, id, true)
        && dom.text_chars_between(start, id) >= TEXT_BEFORE_TEASER;
    card.then_some((RemovalKind::Related, RemovalRule::TeaserCard))
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
