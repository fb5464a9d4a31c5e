//! Whole articles appended after the page's own: infinite-scroll pages print the next one to
//! three stories below the first, each with its own headline, byline, date and body, in
//! `<article>`s or plain `<div>`s. They sit after the page's article as siblings of it or of
//! one of its ancestors; sections of the page's own article (a documentation page's `<section>`s
//! under their `<h2>`s) sit there too, so the evidence is weighed, as for flat teasers.

use super::evidence::{other_article_removal, topic_points, Page, HEADLINE_CHARS};
use crate::dom::{Dom, Fragment, Measures, NodeId};
use crate::lang::topic::Topic;
use crate::{Removal, RemovalRule};

/// An appended article has at least this much text.
const MIN_BODY_CHARS: u32 = 150;
/// The page's own article has at least this much text before an appended one.
const OWN_TEXT_BEFORE: usize = 250;
/// Text (a kicker, a category) allowed above an appended article's headline.
const ABOVE_HEADLINE_CHARS: usize = 60;
/// How far up from the page's headline appended articles are looked for.
const MAX_LEVELS: usize = 6;
/// Nodes read from the top of a block to find its headline.
const HEAD_NODES: usize = 60;
/// Most articles an infinite-scroll page appends below its own.
const MAX_APPENDED: usize = 3;
/// Signs of an article's own printing (see [`is_appended`]) an appended article shows.
const MIN_SHAPE: i32 = 2;
/// Points of evidence that make a block an appended article.
const APPENDED_POINTS: i32 = 3;
/// Class, id and itemprop fragments of a byline or a date.
const META_HINTS: &[&str] = &["byline", "author", "date", "time", "published", "posted"];

/// Removes the articles appended after the page's own, appending to `out`.
pub(crate) fn remove_appended(
    dom: &mut Dom,
    page: &Page<'_>,
    title_node: Option<NodeId>,
    out: &mut Vec<Removal>,
) {
    let Some(title_node) = title_node else {
        return;
    };
    let m = Measures::of(dom);
    let levels: Vec<NodeId> = std::iter::once(title_node)
        .chain(dom.ancestors(title_node))
        .take_while(|&a| !matches!(dom.tag(a), "body" | "html" | "#root"))
        .take(MAX_LEVELS)
        .collect();
    for level in levels {
        let Some(parent) = dom.parent(level) else {
            break;
        };
        let after: Vec<NodeId> = dom
            .live_children(parent)
            .skip_while(|&c| c != level)
            .skip(1)
            .collect();
        // Once the page's own body was passed, it stays passed: measured once per level.
        let mut own_passed = false;
        let mut found = Vec::new();
        for s in after {
            if !dom.is_element(s) || m.chars(s) < MIN_BODY_CHARS {
                continue;
            }
            own_passed = own_passed || dom.text_chars_between(title_node, s) >= OWN_TEXT_BEFORE;
            if !own_passed {
                continue; // The page's own body, under a subtitle.
            }
            let Some(headline) = headline_of(dom, &m, s) else {
                continue;
            };
            if is_appended(dom, page, s, headline, dom.tag(title_node)) {
                found.push((s, headline));
            }
        }
        // Infinite scroll appends one to three articles; more blocks of the same shape are the
        // items of the page's own list (a round-up, a book list) and stay.
        if found.len() > MAX_APPENDED {
            continue;
        }
        for (s, headline) in found {
            let text = dom.text(headline);
            dom.remove(s);
            out.push(other_article_removal(
                RemovalRule::AppendedArticle,
                None,
                &text,
            ));
        }
    }
}

/// The headline at the top of a block: its first heading (`<h1>`–`<h3>`), with at most a
/// kicker above it.
fn headline_of(dom: &Dom, m: &Measures, block: NodeId) -> Option<NodeId> {
    let heading = dom
        .live_descendants(block)
        .take(HEAD_NODES)
        .find(|&d| matches!(dom.tag(d), "h1" | "h2" | "h3"))?;
    // One article has one headline: more headings of its level make a list of items.
    let level = dom.tag(heading);
    let one = dom
        .live_descendants(block)
        .filter(|&d| dom.tag(d) == level)
        .nth(1)
        .is_none();
    (one && HEADLINE_CHARS.contains(&m.chars(heading))
        && dom.text_chars_between(block, heading) <= ABOVE_HEADLINE_CHARS)
        .then_some(heading)
}

/// Weighs the evidence that `block`, under `headline`, is another article.
fn is_appended(
    dom: &Dom,
    page: &Page<'_>,
    block: NodeId,
    headline: NodeId,
    title_tag: &str,
) -> bool {
    let headline_text = dom.text(headline);
    if page.is_own_headline(&headline_text) {
        return false;
    }
    let topic = topic_points(
        page,
        &headline_text,
        &Topic::of(&dom.text_prefix(block, 6_000)),
    );
    // A section of the page's own text has a heading and may have a date; an article of its
    // own is printed as one: an article element, a headline at the page's own headline's level,
    // a byline or date, a
    // headline that links to its own page. Two of these, whatever the words say.
    let article_element = dom.tag(block) == "article"
        || dom
            .attr(block, "itemtype")
            .is_some_and(|t| t.contains("Article") || t.contains("Posting"));
    let linked = dom
        .live_descendants(headline)
        .any(|d| dom.tag(d) == "a" && dom.attr(d, "href").is_some_and(|h| !h.starts_with('#')));
    let shape = [
        article_element,
        dom.tag(headline) == title_tag,
        has_own_meta(dom, block),
        linked,
    ]
    .iter()
    .filter(|&&b| b)
    .count() as i32;
    shape >= MIN_SHAPE && shape + topic >= APPENDED_POINTS
}

/// Whether a block carries its own date or byline.
fn has_own_meta(dom: &Dom, block: NodeId) -> bool {
    let hints = Fragment::all(META_HINTS);
    dom.live_descendants(block).take(400).any(|d| {
        dom.tag(d) == "time"
            || dom.first_hint(d, &hints).is_some()
            || dom
                .attr(d, "itemprop")
                .is_some_and(|p| p.contains("author") || p.contains("date"))
    })
}
