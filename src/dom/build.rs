//! Building the working tree from a document given in order: element starts (with their
//! attributes), texts and element ends. The parse stage feeds it from html5ever's tree or from
//! a browser's live DOM (see `pipeline::parse`).

use tendril::StrTendril;

use super::tags::{kept_attribute, tag_name};
use super::{count_text, is_block_tag, is_non_content, normalize_hint, Dom, Kind, Node, NodeId};

/// Deepest nesting kept. Deeper elements are not in the tree but their content is, in the
/// deepest element kept (as Chromium does past depth 512); html5ever input is already cut at
/// this container depth, a browser's DOM or a tree written by hand is not.
use crate::text::byte_set;

const MAX_DEPTH: usize = super::MAX_NESTING;

/// What an open element became.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// A node of the tree; its content is kept.
    Node(NodeId),
    /// A node of the tree whose content is left out (scripts, styles, templates, SVG).
    Leaf,
    /// Not in the tree, nor its content (over the element cap, or non-content over the depth
    /// cap).
    Dropped,
    /// Not in the tree (over the depth cap), its content is, as children of this node.
    Flattened(NodeId),
    /// Around `<body>` (`<html>`): not in the tree.
    Outside,
}

/// Receives a document's nodes in order and keeps its `<body>` as a [`Dom`] (the whole
/// document when it has no body).
pub(crate) struct Builder {
    nodes: Vec<Node>,
    open: Vec<Open>,
    max_elements: usize,
    elements: usize,
    /// The depth `<body>` started at, once it has.
    body: Option<usize>,
    /// Whether `<body>` has ended: nothing after it is kept.
    body_done: bool,
    /// Open `<pre>` and `<listing>` elements, where spaces are kept as written.
    preformatted: usize,
}

impl Builder {
    /// A builder keeping at most `max_elements` elements.
    pub fn new(max_elements: usize) -> Builder {
        let mut builder = Builder {
            nodes: Vec::new(),
            open: Vec::new(),
            max_elements,
            elements: 0,
            body: None,
            body_done: false,
            preformatted: 0,
        };
        // Until a body shows up, the document's own root holds everything.
        builder.push(
            Kind::Element {
                tag: "#root".into(),
                attrs: Vec::new(),
            },
            None,
        );
        builder
    }

    /// The id a new node gets as a child of the innermost open element, or `None` when the
    /// content there is not kept.
    fn parent(&self) -> Option<Option<NodeId>> {
        match self.open.iter().rev().find(|o| **o != Open::Outside) {
            Some(Open::Node(p) | Open::Flattened(p)) => Some(Some(*p)),
            Some(Open::Leaf | Open::Dropped) => None,
            // Top level: the root node, unless the body came and went.
            Some(Open::Outside) | None => (!self.body_done).then_some(Some(0)),
        }
    }

    fn push(&mut self, kind: Kind, parent: Option<NodeId>) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
        });
        if let Some(p) = parent.and_then(|p| self.nodes.get_mut(p)) {
            p.children.push(id);
        }
        id
    }

    /// An element starts; `attrs` are its attributes as written (names lowercase).
    pub fn start<'a>(&mut self, tag: &str, attrs: impl Iterator<Item = (&'a str, &'a str)>) {
        if self.body.is_none() && tag == "body" {
            // The body replaces everything kept so far (the head) as the tree's root; the
            // elements around it stay open, outside the tree.
            self.nodes.clear();
            self.open.fill(Open::Outside);
            self.elements = 0;
            self.body = Some(self.open.len());
            let id = self.push(element(tag, attrs), None);
            self.open.push(Open::Node(id));
            return;
        }
        let Some(parent) = self.parent() else {
            self.open.push(Open::Dropped);
            return;
        };
        if self.elements >= self.max_elements {
            self.open.push(Open::Dropped);
            return;
        }
        if self.open.len() >= MAX_DEPTH {
            self.open.push(match parent {
                Some(p) if !is_non_content(tag) => Open::Flattened(p),
                _ => Open::Dropped,
            });
            return;
        }
        self.elements += 1;
        let id = self.push(element(tag, attrs), parent);
        if matches!(tag, "pre" | "listing") {
            self.preformatted += 1;
        }
        // Nothing reads what is inside non-content elements there: the clean stage removes them
        // whole (JSON-LD is read by the metadata stage from the same events). A `<noscript>`'s
        // text may still give an image its address.
        self.open.push(if is_non_content(tag) && tag != "noscript" {
            Open::Leaf
        } else {
            Open::Node(id)
        });
    }

    /// A text node.
    pub fn text(&mut self, text: StrTendril) {
        let Some(parent) = self.parent() else {
            return;
        };
        // Spaces next to a block boundary are never rendered, and nothing reads them.
        let spaces = text.bytes().all(|b| b.is_ascii_whitespace());
        if spaces && self.preformatted == 0 && self.at_block_boundary(parent) {
            return;
        }
        self.push(Kind::Text(text), parent);
    }

    /// Whether a text node added under `parent` now would follow a block boundary: the start
    /// of a block (or of the body), or a block sibling.
    fn at_block_boundary(&self, parent: Option<NodeId>) -> bool {
        let Some(p) = parent.and_then(|p| self.nodes.get(p)) else {
            return false;
        };
        match p.children.last().and_then(|&c| self.nodes.get(c)) {
            Some(last) => element_tag(last).is_some_and(is_block_tag),
            None => element_tag(p).is_some_and(|t| is_block_tag(t) || t == "body"),
        }
    }

    /// The innermost open element ends.
    pub fn end(&mut self) {
        if let Some(Open::Node(id)) = self.open.pop() {
            if self.nodes.get(id).is_some_and(is_preformatted) {
                self.preformatted = self.preformatted.saturating_sub(1);
            }
        }
        if self.body == Some(self.open.len()) {
            self.body_done = true;
        }
    }

    /// The tree, with every measure the stages read precomputed.
    pub fn finish(self) -> Dom {
        let nodes = self.nodes;
        let removed = vec![false; nodes.len()];
        let mut end: Vec<NodeId> = (1..=nodes.len()).collect();
        for id in (0..nodes.len()).rev() {
            let (Some(p), Some(&e)) = (nodes.get(id).and_then(|n| n.parent), end.get(id)) else {
                continue;
            };
            if let Some(pe) = end.get_mut(p) {
                *pe = (*pe).max(e);
            }
        }
        let mut text_counts = Vec::with_capacity(nodes.len());
        let mut hints = Vec::with_capacity(nodes.len());
        let mut hint_sets = Vec::with_capacity(nodes.len());
        for n in &nodes {
            match &n.kind {
                Kind::Text(t) => {
                    text_counts.push(count_text(t));
                    hints.push([String::new(), String::new()]);
                    hint_sets.push([0, 0]);
                }
                Kind::Element { attrs, .. } => {
                    let get = |name: &str| {
                        attrs
                            .iter()
                            .find(|(k, _)| k == name)
                            .map(|(_, v)| normalize_hint(v))
                            .unwrap_or_default()
                    };
                    let pair = [get("class"), get("id")];
                    text_counts.push((0, 0));
                    hint_sets.push([byte_set(pair[0].as_bytes()), byte_set(pair[1].as_bytes())]);
                    hints.push(pair);
                }
            }
        }
        Dom {
            nodes,
            removed,
            end,
            text_counts,
            hints,
            hint_sets,
            deadline: None,
        }
    }
}

/// A node's tag name, if it is an element.
fn element_tag(node: &Node) -> Option<&str> {
    match &node.kind {
        Kind::Element { tag, .. } => Some(tag.as_ref()),
        Kind::Text(_) => None,
    }
}

/// Whether a node is a `<pre>` or `<listing>` element.
fn is_preformatted(node: &Node) -> bool {
    element_tag(node).is_some_and(|t| matches!(t, "pre" | "listing"))
}

/// An element node with the attributes some stage reads.
fn element<'a>(tag: &str, attrs: impl Iterator<Item = (&'a str, &'a str)>) -> Kind {
    Kind::Element {
        tag: tag_name(tag),
        attrs: attrs
            .filter_map(|(k, v)| Some((kept_attribute(k)?, v.to_string())))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::Builder;

    #[test]
    fn non_content_keeps_no_children_but_noscript_does() {
        let mut b = Builder::new(100);
        b.start("body", std::iter::empty());
        for (tag, text) in [
            ("nav", "menu"),
            ("button", "share"),
            ("noscript", "<img src=a>"),
        ] {
            b.start(tag, [("class", "x")].into_iter());
            b.text(text.into());
            b.end();
        }
        b.end();
        let dom = b.finish();
        let child_count = |tag: &str| {
            (0..dom.len())
                .find(|&id| dom.tag(id) == tag)
                .map(|id| dom.children(id).len())
        };
        assert_eq!(child_count("nav"), Some(0));
        assert_eq!(child_count("button"), Some(0));
        assert_eq!(child_count("noscript"), Some(1));
    }

    #[test]
    fn content_past_the_depth_cap_is_kept() {
        let mut b = Builder::new(1_000_000);
        b.start("body", std::iter::empty());
        let deep = super::MAX_DEPTH * 3;
        for _ in 0..deep {
            b.start("b", std::iter::empty());
        }
        b.start("p", std::iter::empty());
        b.text("kept".into());
        b.end();
        b.start("script", std::iter::empty());
        b.text("dropped".into());
        b.end();
        for _ in 0..=deep {
            b.end();
        }
        let dom = b.finish();
        let texts: Vec<&str> = (0..dom.len()).filter_map(|id| dom.text_of(id)).collect();
        assert_eq!(texts, ["kept"]);
        assert!(dom.len() < super::MAX_DEPTH + 10, "{} nodes", dom.len());
    }

    #[test]
    fn spaces_at_block_boundaries_are_not_kept() {
        let mut b = Builder::new(100);
        b.start("body", std::iter::empty());
        b.start("div", std::iter::empty());
        b.text("\n    ".into()); // After the block's start: dropped.
        b.start("span", std::iter::empty());
        b.text("a".into());
        b.end();
        b.text(" ".into()); // Between two inline elements: kept.
        b.start("span", std::iter::empty());
        b.text("b".into());
        b.end();
        b.start("p", std::iter::empty());
        b.end();
        b.text("\n  ".into()); // After a block sibling: dropped.
        b.start("pre", std::iter::empty());
        b.text("\n  ".into()); // In preformatted text: kept.
        b.end();
        b.end();
        b.end();
        let dom = b.finish();
        let texts: Vec<&str> = (0..dom.len()).filter_map(|id| dom.text_of(id)).collect();
        assert_eq!(texts, ["a", " ", "b", "\n  "]);
    }
}
