//! The score stage: content scores. Every paragraph gives points to its parent and, less, to its
//! ancestors; Arabic commas and sentence marks count like Latin ones.

use crate::dom::{Dom, Measures, NodeId};
use crate::text::contains_short;

/// Paragraphs shorter than this many characters give no points.
const MIN_PARAGRAPH_CHARS: u32 = 25;
/// How many ancestors a paragraph gives points to.
const ANCESTOR_LEVELS: usize = 5;

/// Class/id fragments of content containers (+25 each for class and id).
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "matn",
    "details",
    "news-body",
    "articlebody",
];
/// Class/id fragments of furniture (-25 each for class and id).
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "most",
    "menu",
    "nav",
    "caption",
    "credit",
    "byline",
    "author",
];

/// Scores of the candidates, by node.
pub(crate) struct Scores {
    score: Vec<f64>,
    /// Candidates in document order.
    pub candidates: Vec<NodeId>,
}

impl Scores {
    /// The final score of a node (0 for non-candidates): content score times non-link share.
    pub(crate) fn get(&self, id: NodeId) -> f64 {
        self.score.get(id).copied().unwrap_or(0.0)
    }
}

/// Scores the live tree.
pub(crate) fn run(dom: &Dom, m: &Measures) -> Scores {
    let mut score = vec![0.0f64; dom.len()];
    let mut is_candidate = vec![false; dom.len()];
    let mut candidates = Vec::new();
    let mut id = 0;
    while id < dom.len() {
        if dom.is_removed(id) {
            id = dom.subtree_end(id);
            continue;
        }
        let Some(points) = paragraph_points(dom, m, id) else {
            id += 1;
            continue;
        };
        // Points go to the node's parent and up; a text-bearing div also scores itself.
        let first = if is_paragraph_tag(dom.tag(id)) {
            dom.parent(id)
        } else {
            Some(id)
        };
        let mut level = 0usize;
        let mut cur = first;
        while let Some(a) = cur {
            if level >= ANCESTOR_LEVELS || matches!(dom.tag(a), "#root" | "html") {
                break;
            }
            if let (Some(flag), Some(s)) = (is_candidate.get_mut(a), score.get_mut(a)) {
                if !*flag {
                    *flag = true;
                    *s = base_score(dom, a);
                    candidates.push(a);
                }
                *s += match level {
                    0 => points,
                    1 => points / 2.0,
                    l => points / (l as f64 * 3.0),
                };
            }
            level += 1;
            cur = dom.parent(a);
        }
        id += 1;
    }
    for &c in &candidates {
        if let Some(s) = score.get_mut(c) {
            *s *= 1.0 - m.link_density(c);
        }
    }
    candidates.sort_unstable();
    Scores { score, candidates }
}

fn is_paragraph_tag(tag: &str) -> bool {
    matches!(tag, "p" | "pre" | "td" | "blockquote")
}

/// Points a node gives as a paragraph, or `None` when it is not one.
fn paragraph_points(dom: &Dom, m: &Measures, id: NodeId) -> Option<f64> {
    let tag = dom.tag(id);
    let chars = if is_paragraph_tag(tag) {
        m.chars(id)
    } else if matches!(tag, "div" | "section" | "article" | "center" | "li" | "dd") {
        // Text written straight into a container (often lines split by <br>) counts too.
        direct_text_chars(dom, m, id)
    } else {
        0
    };
    if chars < MIN_PARAGRAPH_CHARS {
        return None;
    }
    let commas = m.at(id).commas;
    Some(1.0 + f64::from(commas) + (f64::from(chars) / 100.0).min(3.0))
}

/// Characters of the text nodes and inline elements directly inside `id`.
fn direct_text_chars(dom: &Dom, m: &Measures, id: NodeId) -> u32 {
    let mut chars = 0u32;
    for c in dom.live_children(id) {
        if let Some(t) = dom.text_of(c) {
            chars += t.chars().filter(|ch| !ch.is_whitespace()).count() as u32;
        } else if matches!(
            dom.tag(c),
            "a" | "b" | "strong" | "i" | "em" | "span" | "font" | "u"
        ) {
            // Inline markup inside the text run.
            chars += m.chars(c);
        }
    }
    chars
}

/// The starting score of a candidate: by tag, plus class/id weight.
fn base_score(dom: &Dom, id: NodeId) -> f64 {
    let by_tag = match dom.tag(id) {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    by_tag + class_weight(dom, id)
}

/// ±25 for each of `class` and `id` that looks like content or furniture; +25 for
/// `itemprop="articleBody"`.
pub(crate) fn class_weight(dom: &Dom, id: NodeId) -> f64 {
    let mut w = 0.0;
    for v in dom.class_id_hints(id) {
        if v.is_empty() {
            continue;
        }
        if NEGATIVE
            .iter()
            .any(|n| contains_short(v.as_bytes(), n.as_bytes()))
        {
            w -= 25.0;
        }
        if POSITIVE
            .iter()
            .any(|p| contains_short(v.as_bytes(), p.as_bytes()))
        {
            w += 25.0;
        }
    }
    if dom
        .attr(id, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        w += 25.0;
    }
    w
}
