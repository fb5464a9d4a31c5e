//! The select stage chooses the article — the best-scored block that belongs with the page's own
//! headline — and merges its sibling paragraphs.

mod posts;

pub(crate) use posts::widen as widen_to_posts;

use crate::dom::{is_block_tag, Dom, Measures, NodeId};
use crate::lang::is_sign_off;
use crate::related::teaser::{opens_with_headline_link, TEXT_BEFORE_TEASER};
use crate::score::{class_weight, Scores};

/// How many of the best candidates are considered.
const TOP_CANDIDATES: usize = 10;
/// A candidate that belongs with the headline wins over a better one that does not when its
/// score is at least this share of the best.
const BELONGING_SHARE: f64 = 0.25;
/// How many levels from a candidate up are checked for a teaser's headline link.
const TEASER_LEVELS: usize = 3;
/// The text a parent adds while growing the article's container has links for at most this
/// share of it.
const GROW_LINK_SHARE: f64 = 0.5;
/// The container replaces the chosen block when it holds another block scoring at least this
/// share of the best one.
const GROW_SHARE: f64 = 0.3;
/// Siblings merge when they score at least this share of the chosen block...
const SIBLING_SHARE: f64 = 0.2;
/// ... and at least this much.
const SIBLING_MIN_SCORE: f64 = 10.0;

/// The blocks that make up the article, in document order.
#[derive(Debug, Clone)]
pub(crate) struct Selection {
    pub roots: Vec<NodeId>,
    /// The best-scored block itself, before climbing to lone parents: cleaning must keep it
    /// and its ancestors.
    pub core: NodeId,
    /// The page's whole main region rather than an article: link cards and lists in it are its
    /// content, and only its footers, asides and forms are cleaned out.
    pub wide: bool,
    /// A forum thread's posts (see [`posts`]): cleaning looks inside each, never drops one
    /// whole (a short reply beside its author's links reads like a link box).
    pub posts: Vec<NodeId>,
}

/// Chooses the article. `title_node` is the heading of the page's headline, when found.
pub(crate) fn run(
    dom: &Dom,
    m: &Measures,
    scores: &Scores,
    title_node: Option<NodeId>,
) -> Option<Selection> {
    let mut ranked: Vec<NodeId> = scores.candidates.clone();
    ranked.sort_by(|&a, &b| scores.get(b).total_cmp(&scores.get(a)));
    ranked.truncate(TOP_CANDIDATES);
    // Without a paragraph anywhere, the page's whole remaining body is its content.
    let Some(&first) = ranked.first() else {
        let body = (0..dom.len()).find(|&id| dom.tag(id) == "body" && !dom.is_removed(id))?;
        return (m.chars(body) > 0).then(|| Selection {
            roots: vec![body],
            core: body,
            wide: false,
            posts: Vec::new(),
        });
    };
    let mut top = first;

    if let Some(t) = title_node {
        if !belongs(dom, m, top, t) {
            let best = scores.get(top);
            if let Some(&c) = ranked
                .iter()
                .find(|&&c| scores.get(c) >= best * BELONGING_SHARE && belongs(dom, m, c, t))
            {
                top = c;
            }
        }
    }

    let core = top;
    // A lone child stands for its parent: siblings are found one level up.
    while let Some(parent) = dom.parent(top) {
        if matches!(dom.tag(parent), "body" | "#root" | "html") {
            break;
        }
        let mut with_content = dom.live_children(parent).filter(|&c| m.chars(c) > 0);
        let only = with_content.next() == Some(top) && with_content.next().is_none();
        if !only {
            break;
        }
        top = parent;
    }

    let top = grow(dom, m, scores, core, top, title_node);
    let roots = merge_siblings(dom, m, scores, top);
    Some(Selection {
        roots,
        core,
        wide: false,
        posts: Vec::new(),
    })
}

/// The page's main region, as its markup declares it: the live `<main>` element (or
/// `role="main"`) with the most text, else the body. Listings, product and service pages put
/// their content there as cards, lists and short blocks that no paragraph score picks.
pub(crate) fn main_region(dom: &Dom, m: &Measures) -> Option<Selection> {
    let is_main = |id: NodeId| {
        dom.tag(id) == "main"
            || dom
                .attr(id, "role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
    };
    let live = |id: NodeId| m.chars(id) > 0 && !dom.is_removed(id);
    let main = (0..dom.len())
        .filter(|&id| is_main(id) && live(id))
        .max_by_key(|&id| m.chars(id))
        .or_else(|| (0..dom.len()).find(|&id| dom.tag(id) == "body" && live(id)))?;
    Some(Selection {
        roots: vec![main],
        core: main,
        wide: true,
        posts: Vec::new(),
    })
}

/// Whether candidate `c` is the body of the headline `t`: it holds the headline, or it comes
/// after it without passing another article's headline link on the way.
fn belongs(dom: &Dom, m: &Measures, c: NodeId, t: NodeId) -> bool {
    if dom.is_inside(t, c) {
        return true;
    }
    if c < t {
        return false;
    }
    // The candidate and its nearest ancestors below the common ancestor with the headline:
    // a teaser's own headline link sits right at its top.
    for x in std::iter::once(c)
        .chain(dom.ancestors(c))
        .take(TEASER_LEVELS)
    {
        if dom.is_inside(t, x) {
            break;
        }
        // Another article's headline after the page's own text: a teaser. Right after the
        // page's headline it is the page's own content (digests open with a linked title).
        if opens_with_headline_link(dom, m, x, true)
            && dom.text_chars_between(dom.subtree_end(t), x) >= TEXT_BEFORE_TEASER
        {
            return false;
        }
    }
    true
}

/// Class, id and itemprop fragments of a lead paragraph (standfirst) written apart from the body.
const LEAD_HINTS: &[&str] = &[
    "lead",
    "summary",
    "intro",
    "standfirst",
    "excerpt",
    "description",
    "dek",
    "teaser-text",
];

/// The lead block right before the body (or before its parent), when it is marked as one and
/// reads as prose.
fn lead_before(dom: &Dom, m: &Measures, top: NodeId) -> Option<NodeId> {
    std::iter::once(top)
        .chain(dom.parent(top))
        .find_map(|x| {
            let parent = dom.parent(x)?;
            dom.live_children(parent)
                .take_while(|&c| c != x)
                .filter(|&c| m.chars(c) > 0)
                .last()
        })
        .filter(|&previous| {
            let marked = std::iter::once(previous)
                .chain(dom.live_descendants(previous).take(20))
                .any(|d| {
                    let itemprop = dom.attr(d, "itemprop").unwrap_or("").to_lowercase();
                    LEAD_HINTS
                        .iter()
                        .any(|h| dom.hints_contain(d, h) || itemprop.contains(h))
                });
            marked && m.chars(previous) >= 40 && m.link_density(previous) < 0.2
        })
}

/// The chosen block plus the siblings that read like more of the same article.
fn merge_siblings(dom: &Dom, m: &Measures, scores: &Scores, top: NodeId) -> Vec<NodeId> {
    let Some(parent) = dom.parent(top) else {
        return vec![top];
    };
    let top_score = scores.get(top);
    let threshold = (top_score * SIBLING_SHARE).max(SIBLING_MIN_SCORE);
    let top_class = dom.attr(top, "class").unwrap_or("").trim();
    let mut roots = Vec::new();
    let lead = lead_before(dom, m, top);
    // A lead one level up comes first, before the siblings.
    roots.extend(lead.filter(|&l| dom.parent(l) != Some(parent)));
    for s in dom.live_children(parent) {
        if s == top || Some(s) == lead {
            roots.push(s);
            continue;
        }
        if !dom.is_element(s) || m.chars(s) == 0 || opens_with_headline_link(dom, m, s, true) {
            continue;
        }
        let same_class =
            !top_class.is_empty() && dom.attr(s, "class").unwrap_or("").trim() == top_class;
        let bonus = if same_class {
            top_score * SIBLING_SHARE
        } else {
            0.0
        };
        if scores.get(s) + bonus >= threshold && class_weight(dom, s) >= 0.0 {
            roots.push(s);
            continue;
        }
        let tag = dom.tag(s);
        if tag == "p" || tag == "div" && only_inline(dom, s) {
            let chars = m.chars(s);
            let density = m.link_density(s);
            let text = dom.text(s);
            let sentence = text.contains(". ")
                || text.ends_with('.')
                || text.contains('؟')
                || text.ends_with('!');
            let paragraph =
                (chars > 80 && density < 0.25) || (chars > 0 && density == 0.0 && sentence);
            // The article's own source line ("المصدر: ...") ends it, in a <p> or in a text-only
            // <div> where sites print one <div> per paragraph.
            let sign_off = density == 0.0 && is_sign_off(&text);
            if tag == "p" && paragraph || sign_off {
                roots.push(s);
            }
        }
    }
    roots
}

/// Whether an element holds only text and inline elements.
fn only_inline(dom: &Dom, id: NodeId) -> bool {
    dom.live_children(id).all(|c| !is_block_tag(dom.tag(c)))
}

/// The container of every content block. From `top`, climbs (below the body, and no higher
/// than the block holding the headline) while the text added to `top` has few links; among the blocks of that widest container that score at least
/// [`GROW_SHARE`] of the best one, the container is the smallest ancestor of `top` holding
/// them all. Page builders and forums split one text into many such blocks; a news article's
/// surroundings add only its standfirst, captions and weaker blocks, and `top` stays.
fn grow(
    dom: &Dom,
    m: &Measures,
    scores: &Scores,
    core: NodeId,
    top: NodeId,
    title: Option<NodeId>,
) -> NodeId {
    let base = m.at(top);
    // The highest ancestor whose text beyond `top` is mostly not links: a post's own permalink
    // and author link make the first steps up all links, so no single step stops the climb.
    let mut widest = top;
    let mut x = top;
    while let Some(parent) = dom.parent(x) {
        if matches!(dom.tag(parent), "body" | "#root" | "html")
            || title.is_some_and(|t| dom.is_inside(t, x))
        {
            break;
        }
        let p = m.at(parent);
        let added = p.chars.saturating_sub(base.chars);
        let added_links = p.link_chars.saturating_sub(base.link_chars);
        if f64::from(added_links) <= f64::from(added) * GROW_LINK_SHARE {
            widest = parent;
        }
        x = parent;
    }
    if widest == top {
        return top;
    }
    if title.is_some_and(|t| dom.parent(t) == Some(widest)) && opens_with_heading(dom, m, top) {
        return widest;
    }
    let need = scores.get(core) * GROW_SHARE;
    let (top_end, widest_end) = (dom.subtree_end(top), dom.subtree_end(widest));
    // Candidates are in document order: the strong ones inside the widest container, neither
    // inside `top` nor holding it.
    let start = scores.candidates.partition_point(|&c| c <= widest);
    let mut strong = scores
        .candidates
        .get(start..)
        .unwrap_or_default()
        .iter()
        .copied()
        .take_while(|&c| c < widest_end)
        .filter(|&c| !((top..top_end).contains(&c) || dom.is_inside(top, c)))
        .filter(|&c| scores.get(c) >= need);
    let Some(first) = strong.next() else {
        return top;
    };
    let last = strong.last().unwrap_or(first);
    dom.ancestors(top)
        .find(|&a| a <= first.min(top) && dom.subtree_end(a) >= dom.subtree_end(last).max(top_end))
        .unwrap_or(widest)
}

/// Whether a block is a section of a document: its first child with text is a heading below the
/// headline's level (`<section><h2>`, as documentation generators nest a page's sections).
fn opens_with_heading(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    dom.live_children(id)
        .find(|&c| m.chars(c) > 0)
        .is_some_and(|c| matches!(dom.tag(c), "h2" | "h3" | "h4" | "h5" | "h6"))
}
