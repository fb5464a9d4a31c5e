//! A container's content read as lines, the way a reader sees it: each block child is a line,
//! and so is each run of inline children (text, links, emphasis) ended by a `<br>` or a block.
//! Sites print a teaser's label, headline and paragraphs either way: as sibling `<p>`s or
//! `<div>`s, or as text separated only by `<br>` inside one element.

use crate::dom::{is_block_tag, is_heading, Dom, Measures, NodeId};
use crate::text::push_collapsed;

/// Most characters of a line's text read for its matching.
const READ_CHARS: usize = 4_000;

/// One line of a container.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Its nodes, in document order (a `<br>` that ends it included).
    pub nodes: Vec<NodeId>,
    /// Non-whitespace characters of its text.
    pub chars: u32,
    /// Non-whitespace characters inside links.
    pub link_chars: u32,
    /// Links in it.
    pub links: u32,
    /// Images in it.
    pub images: u32,
}

impl Line {
    fn new() -> Line {
        Line {
            nodes: Vec::new(),
            chars: 0,
            link_chars: 0,
            links: 0,
            images: 0,
        }
    }

    /// The line's one element when it is a single element (a `<p>`, a heading, a `<div>`).
    pub(crate) fn element(&self, dom: &Dom) -> Option<NodeId> {
        let mut elements = self
            .nodes
            .iter()
            .copied()
            .filter(|&n| dom.tag(n) != "br" && !is_blank_text(dom, n));
        let first = elements.next()?;
        (elements.next().is_none() && dom.is_element(first)).then_some(first)
    }

    /// Its text, whitespace collapsed, at most about [`READ_CHARS`] characters.
    pub(crate) fn text(&self, dom: &Dom) -> String {
        let mut out = String::new();
        for &n in &self.nodes {
            if out.len() > READ_CHARS * 2 {
                break;
            }
            if let Some(t) = dom.text_of(n) {
                push_collapsed(&mut out, t);
                continue;
            }
            push_collapsed(&mut out, " ");
            for d in dom.live_descendants(n) {
                if let Some(t) = dom.text_of(d) {
                    push_collapsed(&mut out, t);
                    if out.len() > READ_CHARS * 2 {
                        break;
                    }
                } else if is_block_tag(dom.tag(d)) || dom.tag(d) == "br" {
                    push_collapsed(&mut out, " ");
                }
            }
        }
        out.trim().to_string()
    }

    /// Share of its text inside links.
    pub(crate) fn link_density(&self) -> f64 {
        if self.chars == 0 {
            return 0.0;
        }
        f64::from(self.link_chars) / f64::from(self.chars)
    }

    /// Whether it is (or sits in) a heading element.
    pub(crate) fn is_heading(&self, dom: &Dom) -> bool {
        self.element(dom).is_some_and(|e| {
            is_heading(dom.tag(e))
                || dom
                    .live_children(e)
                    .filter(|&c| !is_blank_text(dom, c))
                    .all(|c| is_heading(dom.tag(c)))
                    && dom.live_children(e).any(|c| is_heading(dom.tag(c)))
        })
    }

    /// Whether all of its text is bold (`<strong>`, `<b>`), as a headline printed inline.
    pub(crate) fn is_bold(&self, dom: &Dom, m: &Measures) -> bool {
        if self.chars == 0 {
            return false;
        }
        let mut bold = 0u32;
        for &n in &self.nodes {
            for d in std::iter::once(n).chain(dom.live_descendants(n)) {
                if matches!(dom.tag(d), "strong" | "b") {
                    bold = bold.saturating_add(m.chars(d));
                }
            }
        }
        bold * 10 >= self.chars * 9
    }
}

/// Whether a node is a text node of whitespace only.
fn is_blank_text(dom: &Dom, id: NodeId) -> bool {
    dom.text_of(id).is_some_and(|t| t.trim().is_empty())
}

/// The lines of `container`'s live children. Lines with no text and no image are dropped.
pub(crate) fn lines_of(dom: &Dom, m: &Measures, container: NodeId) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current = Line::new();
    let flush = |current: &mut Line, lines: &mut Vec<Line>| {
        let line = std::mem::replace(current, Line::new());
        if line.chars > 0 || line.images > 0 {
            lines.push(line);
        }
    };
    for c in dom.live_children(container) {
        let tag = dom.tag(c);
        if is_block_tag(tag) || is_heading(tag) {
            flush(&mut current, &mut lines);
            current.nodes.push(c);
            add(m, &mut current, c);
            flush(&mut current, &mut lines);
            continue;
        }
        current.nodes.push(c);
        add(m, &mut current, c);
        if tag == "br" {
            flush(&mut current, &mut lines);
        }
    }
    flush(&mut current, &mut lines);
    lines
}

/// Adds a node's measures to a line.
fn add(m: &Measures, line: &mut Line, id: NodeId) {
    let c = m.at(id);
    line.chars = line.chars.saturating_add(c.chars);
    line.link_chars = line.link_chars.saturating_add(c.link_chars);
    line.links = line.links.saturating_add(c.links);
    line.images = line.images.saturating_add(c.images);
}
