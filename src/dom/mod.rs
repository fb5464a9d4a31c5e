//! A thin, owned working tree of the document's body, built by the parse stage
//! (see [`Builder`]).
//!
//! Stages mark nodes as removed instead of detaching them, so a removal can still be reported and a
//! removed `<noscript>` can still supply an image. Node ids are indexes in preorder: a parent's id
//! is always smaller than its children's, which lets every measure be computed bottom-up in one
//! reverse pass, without recursion.

mod build;
mod measure;
pub(crate) mod tags;

pub(crate) use build::Builder;
pub(crate) use measure::Measures;
use std::borrow::Cow;

use tendril::StrTendril;

use crate::deadline::Deadline;
use crate::text::{byte_set, contains_short, push_collapsed};
#[cfg(feature = "html")]
pub(crate) use tags::is_kept_attribute;
pub(crate) use tags::{
    is_block_tag, is_heading, is_non_content, is_opaque, is_output_block, output_tag,
    read_attribute,
};

/// Deepest nesting of container elements kept. Real pages stay below a few hundred; the
/// parse stage cuts the input there and the tree builder stops descending there.
pub(crate) const MAX_NESTING: usize = 2_000;

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = usize;

/// What a node holds.
#[derive(Debug, Clone)]
pub(crate) enum Kind {
    /// An element with its lowercase tag name and attributes.
    Element {
        tag: Cow<'static, str>,
        attrs: Vec<(Cow<'static, str>, String)>,
    },
    /// A run of text.
    Text(StrTendril),
}

/// One node of the working tree.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub kind: Kind,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
}

/// The working tree of a document's `<body>` (or of the whole document when it has none).
#[derive(Debug, Clone)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    pub removed: Vec<bool>,
    /// `end[id]`: one past the last id of `id`'s subtree.
    end: Vec<NodeId>,
    /// For text nodes: non-whitespace characters and commas, counted once.
    text_counts: Vec<(u32, u32)>,
    /// For elements: normalized `class` and `id`, see [`Dom::class_id_hints`].
    hints: Vec<[String; 2]>,
    /// For each of those, the set of bytes it holds (see [`byte_set`]), to reject most
    /// fragments without searching.
    hint_sets: Vec<[u64; 2]>,
    /// The extraction's time budget: walks stop early once it is spent (the pipeline then
    /// reports the timeout at the end of the stage).
    deadline: Option<Deadline>,
}

/// How many nodes a walk visits between two looks at the clock.
const CLOCK_EVERY: usize = 4_096;

impl Dom {
    /// Sets the time budget the walks respect.
    pub fn set_deadline(&mut self, deadline: Deadline) {
        self.deadline = Some(deadline);
    }

    /// Whether the time budget is spent.
    pub fn out_of_time(&self) -> bool {
        self.deadline.is_some_and(|d| d.expired())
    }

    /// Non-whitespace characters and commas of a text node (zero for elements).
    pub fn text_counts(&self, id: NodeId) -> (u32, u32) {
        self.text_counts.get(id).copied().unwrap_or((0, 0))
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// The lowercase tag name, or `""` for text nodes.
    pub fn tag(&self, id: NodeId) -> &str {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(Kind::Element { tag, .. }) => tag,
            _ => "",
        }
    }

    /// True for element nodes.
    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(
            self.nodes.get(id).map(|n| &n.kind),
            Some(Kind::Element { .. })
        )
    }

    /// The text of a text node.
    pub fn text_of(&self, id: NodeId) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(Kind::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// An attribute's value.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(Kind::Element { attrs, .. }) => attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// `class` and `id` as hints are matched against: lowercased, `_` and spaces read as `-`,
    /// and wrapped in `-` (`class="ad_slot big"` → `-ad-slot-big-`); empty when absent.
    pub fn class_id_hints(&self, id: NodeId) -> [&str; 2] {
        self.hints
            .get(id)
            .map(|[c, i]| [c.as_str(), i.as_str()])
            .unwrap_or(["", ""])
    }

    /// Whether the class or the id hint holds `fragment` (see [`Dom::class_id_hints`]).
    pub fn hints_contain(&self, id: NodeId, fragment: &str) -> bool {
        self.first_hint(id, &[Fragment::new(fragment)]).is_some()
    }

    /// The index of the first of `fragments` that the class or the id hint holds.
    pub fn first_hint(&self, id: NodeId, fragments: &[Fragment<'_>]) -> Option<usize> {
        let sets = self.hint_sets.get(id).copied().unwrap_or([0, 0]);
        if sets == [0, 0] {
            return None; // Neither a class nor an id: most elements.
        }
        let [class, ident] = self.class_id_hints(id).map(str::as_bytes);
        fragments.iter().position(|f| {
            let needle = f.text.as_bytes();
            f.set & !sets[0] == 0 && contains_short(class, needle)
                || f.set & !sets[1] == 0 && contains_short(ident, needle)
        })
    }

    /// The children of a node.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.nodes
            .get(id)
            .map(|n| n.children.as_slice())
            .unwrap_or(&[])
    }

    /// Children that are not removed.
    pub fn live_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id)
            .iter()
            .copied()
            .filter(move |&c| !self.is_removed(c))
    }

    /// The parent of a node.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes.get(id).and_then(|n| n.parent)
    }

    /// Ancestors from the parent up to the root.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }

    /// True when `ancestor` is `id` or one of its ancestors.
    pub fn is_inside(&self, id: NodeId, ancestor: NodeId) -> bool {
        id == ancestor || self.ancestors(id).any(|a| a == ancestor)
    }

    /// Marks `id` and all its ancestors: `flags[x]` is true when `x` holds `id`.
    pub fn holders_of(&self, id: Option<NodeId>) -> Vec<bool> {
        let mut flags = vec![false; self.len()];
        if let Some(id) = id {
            for a in std::iter::once(id).chain(self.ancestors(id)) {
                if let Some(f) = flags.get_mut(a) {
                    *f = true;
                }
            }
        }
        flags
    }

    /// True when the node itself is marked removed.
    pub fn is_removed(&self, id: NodeId) -> bool {
        self.removed.get(id).copied().unwrap_or(true)
    }

    /// Replaces a text node's text (a label cut from the end of a paragraph); other nodes are
    /// left as they are.
    pub fn set_text(&mut self, id: NodeId, text: &str) {
        let Some(node) = self.nodes.get_mut(id) else {
            return;
        };
        if let Kind::Text(t) = &mut node.kind {
            *t = StrTendril::from_slice(text);
            if let Some(counts) = self.text_counts.get_mut(id) {
                *counts = count_text(text);
            }
        }
    }

    /// Marks a node (and so its subtree) as removed.
    pub fn remove(&mut self, id: NodeId) {
        if let Some(r) = self.removed.get_mut(id) {
            *r = true;
        }
    }

    /// The end (exclusive) of a node's subtree in preorder ids: its descendants are exactly the
    /// ids in `id + 1 .. subtree_end(id)`.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        self.end.get(id).copied().unwrap_or(id + 1)
    }

    /// Visits the live nodes with ids in `from..to` in document order, skipping removed
    /// subtrees. When `visit` returns `true` (it removed the node, or is done with it) the
    /// node's subtree is skipped too. The stages that remove blocks all walk this way.
    pub fn walk_live(
        &mut self,
        from: NodeId,
        to: NodeId,
        mut visit: impl FnMut(&mut Dom, NodeId) -> bool,
    ) {
        let mut id = from;
        let mut visited = 0usize;
        while id < to.min(self.len()) {
            visited += 1;
            if visited % CLOCK_EVERY == 0 && self.out_of_time() {
                return;
            }
            if self.is_removed(id) || visit(self, id) {
                id = self.subtree_end(id).max(id + 1);
            } else {
                id += 1;
            }
        }
    }

    /// Live (not removed) descendants of `id` in document order, `id` excluded; removed subtrees
    /// are skipped whole.
    pub fn live_descendants(&self, id: NodeId) -> LiveDescendants<'_> {
        LiveDescendants {
            dom: self,
            next: id + 1,
            end: self.subtree_end(id),
        }
    }

    /// Non-whitespace characters of live text in document order from `from` (inclusive) to
    /// `to` (exclusive).
    pub fn text_chars_between(&self, from: NodeId, to: NodeId) -> usize {
        let mut chars = 0;
        let mut id = from;
        while id < to {
            if self.is_removed(id) {
                id = self.subtree_end(id);
                continue;
            }
            if let Some(t) = self.text_of(id) {
                chars += t.chars().filter(|c| !c.is_whitespace()).count();
            }
            id += 1;
        }
        chars
    }

    /// The first `max` characters (about) of a subtree's live text, read lazily.
    pub fn text_prefix(&self, id: NodeId, max: usize) -> String {
        let mut out = String::new();
        for d in self.live_descendants(id) {
            if let Some(t) = self.text_of(d) {
                push_collapsed(&mut out, t);
                if out.len() >= max * 2 {
                    break;
                }
            }
        }
        out.chars().take(max).collect()
    }

    /// The live text of a subtree, whitespace collapsed to single spaces and trimmed.
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let Some(t) = self.text_of(id) {
            push_collapsed(&mut out, t);
        }
        for d in self.live_descendants(id) {
            if let Some(t) = self.text_of(d) {
                push_collapsed(&mut out, t);
            } else if is_block_tag(self.tag(d)) || self.tag(d) == "br" {
                push_collapsed(&mut out, " ");
            }
        }
        let trimmed = out.trim();
        if trimmed.len() == out.len() {
            out
        } else {
            trimmed.to_string()
        }
    }
}

/// Iterator over live descendants, see [`Dom::live_descendants`].
pub(crate) struct LiveDescendants<'a> {
    dom: &'a Dom,
    next: NodeId,
    end: NodeId,
}

impl Iterator for LiveDescendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        while self.next < self.end {
            let id = self.next;
            if self.dom.is_removed(id) {
                self.next = self.dom.subtree_end(id);
                continue;
            }
            self.next += 1;
            return Some(id);
        }
        None
    }
}

/// A class/id hint fragment with its byte set, computed once for many elements.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fragment<'a> {
    pub text: &'a str,
    set: u64,
}

impl<'a> Fragment<'a> {
    pub fn new(text: &'a str) -> Fragment<'a> {
        Fragment {
            text,
            set: byte_set(text.as_bytes()),
        }
    }

    /// Each fragment of a list.
    pub fn all(texts: &[&'a str]) -> Vec<Fragment<'a>> {
        texts.iter().map(|t| Fragment::new(t)).collect()
    }
}

/// `-ad_slot Big-` form: lowercase, `_` and whitespace as `-`, wrapped in `-`; utility
/// classes (see [`is_utility_class`]) are left out.
fn normalize_hint(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for token in v.split_whitespace().filter(|t| !is_utility_class(t)) {
        out.push('-');
        for c in token.chars() {
            if c == '_' {
                out.push('-');
            } else if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    if !out.is_empty() {
        out.push('-');
    }
    out
}

/// Whether a class token only says how a box looks, as utility-first CSS writes it: with a
/// variant or an arbitrary value (`md:hidden`, `[&_p]:mt-2`, `w-1/2`), for scrolling
/// (`overflow-x-scroll`, `scrollbar-none`), or a font size (`text-lg`). Such tokens would read
/// as "hidden", "scroll" or "text" hints while they say nothing of what the box holds.
fn is_utility_class(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    ["overflow-", "overscroll-", "scroll-", "scrollbar"]
        .iter()
        .any(|p| lower.starts_with(p))
        || lower.strip_prefix("text-").is_some_and(is_font_size)
}

/// Whether the rest of a `text-` class token is a font size (`lg`, `2xl`): such a token would
/// read as the "text" hint of a content container, and a lead paragraph styled large would
/// win the article's place over the container holding it. Alignments and colours
/// (`text-center`, `text-gray-500`) stay hints: templates put them on their text's containers.
fn is_font_size(value: &str) -> bool {
    let scaled = value
        .strip_suffix("xl")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    scaled || matches!(value, "xs" | "sm" | "base" | "md" | "lg" | "xl")
}

/// Non-whitespace characters and commas (Arabic ones included) of a text.
fn count_text(t: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    for c in t.chars() {
        if !c.is_whitespace() {
            chars = chars.saturating_add(1);
            if crate::lang::normalize::is_comma(c) {
                commas = commas.saturating_add(1);
            }
        }
    }
    (chars, commas)
}
