//! Blocks found by their label: "اقرأ أيضاً:", "مقالات ذات صلة", "Most read", ...
//!
//! Three shapes:
//! - a line that opens with an inline label and is otherwise a link → the line goes, the text
//!   after it stays;
//! - a label heading a box (the label is the box's first content) → the box goes;
//! - a label alone in a flat container → the label and the teaser after it go: link lines and
//!   link lists, and — once a headline link was seen — the teaser's own paragraphs.

use std::collections::{HashMap, HashSet};

use super::evidence::Page;
use super::removal;
use super::teaser::{is_headline_link, opens_with_headline_link};
use crate::dom::{is_block_tag, is_heading, Dom, Measures, NodeId};
use crate::lang::normalize::fold;
use crate::lang::Lexicon;
use crate::{Removal, RemovalKind, RemovalRule};

/// How much of a line is read to find its first word.
const FIRST_WORD_CHARS: usize = 40;
/// Longest text (in characters) an element may have to be read as a label line.
const MAX_LINE_CHARS: u32 = 300;
/// Most nodes in a label line's subtree (bounds the text reads on deep trees).
const MAX_LINE_NODES: usize = 200;
/// A label alone on its line has at most this many characters.
pub(crate) const MAX_LABEL_CHARS: u32 = 80;
/// Below this much other text a label's parent is only a heading wrapper: climb past it.
const WRAPPER_CHARS: u32 = 30;
/// A box whose text besides the label is below this much non-link text is a teaser box.
const SMALL_BOX_CHARS: u32 = 200;
/// A line after an inline label is a teaser when links hold this share of its remaining text.
pub(crate) const LINE_LINK_SHARE: f64 = 0.6;
/// A block is a link list when links hold this share of its text.
const LIST_LINK_SHARE: f64 = 0.5;
/// Most climbs from a label to its box.
const MAX_CLIMB: usize = 4;

/// Finds and removes labelled blocks, appending to `out`. On a `discussion` page a comments
/// label ("Comments", "Replies") heads the thread's posts: it is left alone.
pub(crate) fn remove_labelled(
    dom: &mut Dom,
    m: &Measures,
    lexicon: &Lexicon,
    page: &Page<'_>,
    discussion: bool,
    out: &mut Vec<Removal>,
) {
    let holds_title = page.holds_title;
    let end = dom.len();
    let mut first_words = FirstWords(vec![None; end]);
    dom.walk_live(1, end, |dom, id| {
        let chars = m.chars(id);
        let small = dom.subtree_end(id) - id <= MAX_LINE_NODES;
        if !dom.is_element(id) || chars == 0 || chars > MAX_LINE_CHARS || !small {
            return false;
        }
        // Most elements are not labels: look at the first word before reading the whole line.
        if holds(holds_title, id) || !first_words.may_open(dom, lexicon, id) {
            return false;
        }
        let text = dom.text(id);
        let folded = fold(&text);
        let Some(found) = match_line(dom, m, lexicon, id, &text, &folded) else {
            return false;
        };
        if matches!(found, Line::Label) && page.sections.contains(&folded)
            || discussion && lexicon.label(&folded) == Some(RemovalKind::Comments)
        {
            return false;
        }
        let removed = match found {
            Line::Label => remove_label_block(dom, m, lexicon, id, holds_title),
            Line::Inline(kind) => {
                dom.remove(id);
                Some((kind, RemovalRule::InlineLine, vec![id]))
            }
        };
        if let Some((kind, rule, nodes)) = removed {
            out.push(removal(dom, kind, rule, label_text(&text, lexicon), &nodes));
        }
        true
    });
}

/// Headings that start with a label and go on ("Recommended tools:") and that head at least
/// [`SECTION_REPEATS`] sections of the page: the article's own recurring subheading (each of a
/// round-up's items has one), not the label of a related block, which a page prints once.
/// A label alone ("Related") is never one.
pub(crate) fn section_headings(dom: &Dom, lexicon: &Lexicon) -> HashSet<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for id in 1..dom.len() {
        if dom.is_removed(id)
            || !is_heading(dom.tag(id))
            || dom.subtree_end(id) - id > MAX_LINE_NODES
        {
            continue;
        }
        let folded = fold(&dom.text(id));
        let goes_on = lexicon
            .prefix(&folded)
            .is_some_and(|(_, words)| folded.split(' ').count() > words);
        if goes_on && lexicon.label(&folded).is_some() {
            *seen.entry(folded).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n >= SECTION_REPEATS)
        .map(|(f, _)| f)
        .collect()
}

/// How many sections a labelled heading must head to be the article's own (see
/// [`section_headings`]).
const SECTION_REPEATS: usize = 3;

/// Whether an element's text may open with a label, decided from its first word. Nested
/// elements usually share their first text node, so the answer is kept per text node whenever
/// that node alone holds the whole first word.
struct FirstWords(Vec<Option<bool>>);

impl FirstWords {
    fn may_open(&mut self, dom: &Dom, lexicon: &Lexicon, id: NodeId) -> bool {
        let first = dom
            .live_descendants(id)
            .find(|&d| dom.text_of(d).is_some_and(|t| !t.trim().is_empty()));
        let Some(first) = first else {
            return false;
        };
        if let Some(Some(known)) = self.0.get(first) {
            return *known;
        }
        let own: String = dom
            .text_of(first)
            .unwrap_or("")
            .chars()
            .take(FIRST_WORD_CHARS)
            .collect();
        let own = fold(&own);
        if own.contains(' ') {
            let opens = lexicon.may_open(&own);
            if let Some(slot) = self.0.get_mut(first) {
                *slot = Some(opens);
            }
            return opens;
        }
        // The first word may go on in the next text node: read the element's text.
        lexicon.may_open(&fold(&dom.text_prefix(id, FIRST_WORD_CHARS)))
    }
}

/// What a short element is.
#[derive(Debug, Clone, Copy)]
enum Line {
    /// A label alone (possibly with a few words after it).
    Label,
    /// An inline label followed by a link: a one-line teaser.
    Inline(RemovalKind),
}

fn match_line(
    dom: &Dom,
    m: &Measures,
    lexicon: &Lexicon,
    id: NodeId,
    text: &str,
    folded: &str,
) -> Option<Line> {
    let chars = m.chars(id);
    let tag = dom.tag(id);
    let heading = is_heading(tag);
    if tag == "a" || matches!(tag, "body" | "main" | "article" | "#root") {
        return None;
    }
    // A label with a link in the same line is a one-line teaser (below), unless it heads.
    if chars <= MAX_LABEL_CHARS
        && (heading || m.link_density(id) < 0.5 && !has_link(dom, id))
        && lexicon.label(folded).is_some()
    {
        return Some(Line::Label);
    }
    let (kind, label_words) = lexicon.prefix(folded)?;
    let label_chars = text
        .split_whitespace()
        .take(label_words)
        .map(|w| w.chars().filter(|c| !c.is_whitespace()).count() as u32)
        .sum::<u32>();
    let rest = chars.saturating_sub(label_chars);
    let links = m.at(id).link_chars;
    if rest > 0 && f64::from(links) >= LINE_LINK_SHARE * f64::from(rest) {
        return Some(Line::Inline(kind));
    }
    None
}

/// True when `id` holds the title heading.
pub(crate) fn holds(flags: &[bool], id: NodeId) -> bool {
    flags.get(id).copied().unwrap_or(false)
}

fn has_link(dom: &Dom, id: NodeId) -> bool {
    dom.live_descendants(id).any(|d| dom.tag(d) == "a")
}

/// The label as the page writes it: the line's first words, as many as the matched phrase.
fn label_text(text: &str, lexicon: &Lexicon) -> Option<String> {
    let folded = fold(text);
    let words = lexicon
        .prefix(&folded)
        .map(|(_, n)| n)
        .unwrap_or_else(|| folded.split(' ').count());
    let mut label: String = text
        .split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ");
    // Keep a colon written right after the label ("إقرأ أيضاً:").
    if let Some(rest) = text.trim().strip_prefix(label.as_str()) {
        if let Some(c) = rest
            .trim_start()
            .chars()
            .next()
            .filter(|c| matches!(c, ':' | '：'))
        {
            label.push(c);
        }
    }
    (!label.is_empty()).then_some(label)
}

/// Removes the block a label heads. Returns the kind, the rule and the removed nodes.
fn remove_label_block(
    dom: &mut Dom,
    m: &Measures,
    lexicon: &Lexicon,
    label: NodeId,
    holds_title: &[bool],
) -> Option<(RemovalKind, RemovalRule, Vec<NodeId>)> {
    let kind = lexicon.label(&fold(&dom.text(label)))?;
    // A labelled element that also holds a form is the whole block (a sign-up box): it goes,
    // and nothing around it.
    if m.at(label).inputs > 0 && !is_heading(dom.tag(label)) {
        dom.remove(label);
        return Some((kind, RemovalRule::LabelBox, vec![label]));
    }
    let mut line = label;
    for _ in 0..MAX_CLIMB {
        let Some(parent) = dom.parent(line) else {
            break;
        };
        if is_page_level(dom, parent) || holds(holds_title, parent) {
            break;
        }
        if first_content_child(dom, m, parent) != Some(line) {
            break;
        }
        let rest = m.chars(parent).saturating_sub(m.chars(line));
        // A wrapper only around the label (a header div): climb past it. One that also holds
        // a form or an image is the block itself.
        if rest < WRAPPER_CHARS && !holds_more(m, parent) {
            line = parent;
            continue;
        }
        if heads_its_section(kind) || is_box(dom, m, parent, line) {
            let block = if heads_its_section(kind) {
                section_of_header(dom, m, parent, holds_title)
            } else {
                parent
            };
            dom.remove(block);
            return Some((kind, RemovalRule::LabelBox, vec![block]));
        }
        break;
    }
    let nodes = remove_flat(dom, m, lexicon, line, holds_title);
    Some((kind, RemovalRule::LabelFlat, nodes))
}

/// The section a labelled header bar heads. A bar with no list or image of its own (the label
/// and a "See all" link) often sits a few wrappers above the section's list, as shops build
/// their carousels of other products: the first wrapper around the bar that also holds a list
/// of links is the section. Otherwise the bar is the block.
fn section_of_header(dom: &Dom, m: &Measures, header: NodeId, holds_title: &[bool]) -> NodeId {
    let h = m.at(header);
    if h.items > 0 || h.images > 0 {
        return header;
    }
    let mut line = header;
    for _ in 0..MAX_HEADER_CLIMB {
        let Some(parent) = dom.parent(line) else {
            break;
        };
        if is_page_level(dom, parent)
            || holds(holds_title, parent)
            || first_content_child(dom, m, parent) != Some(line)
        {
            break;
        }
        let p = m.at(parent);
        let rest = p.chars.saturating_sub(h.chars);
        if rest < WRAPPER_CHARS {
            line = parent;
            continue;
        }
        // Each item linked (a card's link may be its picture alone), and not paragraphs.
        let links = p.links.saturating_sub(h.links);
        let paragraphs = p.paragraphs.saturating_sub(h.paragraphs);
        if p.items >= MIN_SECTION_ITEMS && links >= p.items && paragraphs < p.items {
            return parent;
        }
        break;
    }
    header
}

/// Most wrappers climbed from a header bar to its section's list.
const MAX_HEADER_CLIMB: usize = 6;
/// A section under a header bar lists at least this many linked items.
const MIN_SECTION_ITEMS: u32 = 3;

/// Whether a block holds a form or an image besides its text.
fn holds_more(m: &Measures, id: NodeId) -> bool {
    m.at(id).inputs > 0 || m.at(id).images > 0
}

/// Kinds whose label, when it opens a container, names the whole container: a comments
/// section, a related list, a most-read rail. (A "read also" or "breaking" line at the top of a
/// container may instead precede the article itself.)
fn heads_its_section(kind: RemovalKind) -> bool {
    matches!(
        kind,
        RemovalKind::Comments
            | RemovalKind::Related
            | RemovalKind::MostRead
            | RemovalKind::Recommended
            | RemovalKind::Tags
            | RemovalKind::Newsletter
            | RemovalKind::OtherArticle
    )
}

/// Elements that hold a whole page or article: never a teaser box.
fn is_page_level(dom: &Dom, id: NodeId) -> bool {
    matches!(
        dom.tag(id),
        "#root" | "html" | "body" | "main" | "article" | "form"
    ) || dom
        .attr(id, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
}

/// The first child with text or an image, skipping whitespace.
fn first_content_child(dom: &Dom, m: &Measures, id: NodeId) -> Option<NodeId> {
    dom.live_children(id)
        .find(|&c| m.chars(c) > 0 || m.at(c).images > 0 || dom.tag(c) == "img")
}

/// Whether `parent`, whose first content is the label `label`, is a teaser box.
fn is_box(dom: &Dom, m: &Measures, parent: NodeId, label: NodeId) -> bool {
    if matches!(
        dom.tag(parent),
        "aside" | "nav" | "footer" | "ul" | "ol" | "section" | "figure"
    ) {
        return true;
    }
    let rest = f64::from(m.chars(parent).saturating_sub(m.chars(label)));
    let rest_links = f64::from(
        m.at(parent)
            .link_chars
            .saturating_sub(m.at(label).link_chars),
    );
    if rest == 0.0 || rest_links / rest >= 0.4 || rest - rest_links < f64::from(SMALL_BOX_CHARS) {
        return true;
    }
    // A box whose content opens with another article's headline link.
    let after = dom
        .live_children(parent)
        .skip_while(|&c| c != label)
        .skip(1)
        .find(|&c| m.chars(c) > 0);
    after.is_some_and(|a| opens_with_headline_link(dom, m, a, false))
}

/// Removes a label alone on its line and the teaser after it, in the same container.
fn remove_flat(
    dom: &mut Dom,
    m: &Measures,
    lexicon: &Lexicon,
    label: NodeId,
    holds_title: &[bool],
) -> Vec<NodeId> {
    let mut removed = vec![label];
    let Some(parent) = dom.parent(label) else {
        dom.remove(label);
        return removed;
    };
    let siblings: Vec<NodeId> = dom
        .live_children(parent)
        .skip_while(|&c| c != label)
        .skip(1)
        .collect();
    dom.remove(label);
    let inline_context = !is_block_tag(dom.tag(label)) && !is_heading(dom.tag(label));
    let mut seen_headline = false;
    let mut seen_link = false;
    for s in siblings {
        if let Some(t) = dom.text_of(s) {
            if t.trim().is_empty() {
                continue;
            }
            break; // Text follows on the same line: the article goes on.
        }
        if holds(holds_title, s) || is_page_level(dom, s) {
            break;
        }
        let tag = dom.tag(s);
        if tag == "br" {
            if inline_context && seen_link {
                dom.remove(s);
                removed.push(s);
                break;
            }
            continue;
        }
        if tag == "a" {
            dom.remove(s);
            removed.push(s);
            seen_link = true;
            continue;
        }
        if inline_context && !is_block_tag(tag) {
            if m.chars(s) == 0 || m.link_density(s) >= LINE_LINK_SHARE {
                dom.remove(s);
                removed.push(s);
                seen_link |= m.chars(s) > 0;
                continue;
            }
            break;
        }
        // Another label starts its own block; leave it to its own match.
        if m.chars(s) <= MAX_LABEL_CHARS && lexicon.label(&fold(&dom.text(s))).is_some() {
            break;
        }
        let chars = m.chars(s);
        let images = m.at(s).images + u32::from(tag == "img");
        let take = if chars == 0 {
            images > 0 && !seen_link
        } else if is_headline_link(dom, m, s) {
            seen_headline |= is_heading(tag);
            seen_link = true;
            true
        } else if m.link_density(s) >= LIST_LINK_SHARE
            || matches!(tag, "ul" | "ol") && !seen_headline && m.link_density(s) > 0.2
        {
            seen_link = true;
            true
        } else {
            // The teaser's own paragraphs, once its headline was seen.
            seen_headline
        };
        if !take {
            break;
        }
        dom.remove(s);
        removed.push(s);
    }
    removed
}
