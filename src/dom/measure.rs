//! Per-node text measures, computed for the whole live tree in one bottom-up pass.
//!
//! Stages ask these instead of re-walking subtrees, which keeps every stage linear. Text nodes'
//! own counts are taken once, when the tree is built (see [`Dom::text_counts`]).

use super::{Dom, Kind, NodeId};

/// Aggregates over one node's live subtree.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Counts {
    /// Non-whitespace characters of text.
    pub chars: u32,
    /// Non-whitespace characters inside links.
    pub link_chars: u32,
    /// Of those, characters inside links to a place on the same page (`href="#..."`).
    pub anchor_chars: u32,
    /// Commas and sentence separators, Arabic ones included.
    pub commas: u32,
    /// `<p>` elements.
    pub paragraphs: u32,
    /// `<img>` elements.
    pub images: u32,
    /// `<li>` elements.
    pub items: u32,
    /// `<a>` elements with an `href`.
    pub links: u32,
    /// Forms and form controls (controls are removed early; forms stay to be counted).
    pub inputs: u32,
    /// `<iframe>`, `<embed>`, `<object>`, `<video>`.
    pub embeds: u32,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.chars = self.chars.saturating_add(o.chars);
        self.link_chars = self.link_chars.saturating_add(o.link_chars);
        self.anchor_chars = self.anchor_chars.saturating_add(o.anchor_chars);
        self.commas = self.commas.saturating_add(o.commas);
        self.paragraphs = self.paragraphs.saturating_add(o.paragraphs);
        self.images = self.images.saturating_add(o.images);
        self.items = self.items.saturating_add(o.items);
        self.links = self.links.saturating_add(o.links);
        self.inputs = self.inputs.saturating_add(o.inputs);
        self.embeds = self.embeds.saturating_add(o.embeds);
    }
}

/// The counts of every node.
#[derive(Debug, Default, Clone)]
pub(crate) struct Measures {
    counts: Vec<Counts>,
}

impl Measures {
    /// Measures every node of `dom`, skipping removed subtrees.
    pub(crate) fn of(dom: &Dom) -> Measures {
        let n = dom.len();
        let mut counts = vec![Counts::default(); n];
        // Reverse preorder visits children before parents.
        for id in (0..n).rev() {
            if dom.is_removed(id) {
                continue;
            }
            let Some(node) = dom.node(id) else { continue };
            let Some(mut c) = counts.get(id).copied() else {
                continue;
            };
            match &node.kind {
                Kind::Text(_) => {
                    let (chars, commas) = dom.text_counts(id);
                    c.chars = chars;
                    c.commas = commas;
                }
                Kind::Element { tag, .. } => match tag.as_ref() {
                    "a" => {
                        c.link_chars = c.chars;
                        c.anchor_chars = 0;
                        if let Some(href) = dom.attr(id, "href") {
                            c.links += 1;
                            if href.trim_start().starts_with('#') {
                                c.anchor_chars = c.chars;
                            }
                        }
                    }
                    "p" => c.paragraphs += 1,
                    "img" => c.images += 1,
                    "li" => c.items += 1,
                    "form" | "input" | "textarea" | "select" | "button" => c.inputs += 1,
                    "iframe" | "embed" | "object" | "video" => c.embeds += 1,
                    _ => {}
                },
            }
            if let Some(slot) = counts.get_mut(id) {
                *slot = c;
            }
            if let Some(parent) = node.parent.and_then(|p| counts.get_mut(p)) {
                parent.add(&c);
            }
        }
        Measures { counts }
    }

    /// The counts of a node (zero for an unknown id).
    pub(crate) fn at(&self, id: NodeId) -> Counts {
        self.counts.get(id).copied().unwrap_or_default()
    }

    /// Text characters of a node.
    pub(crate) fn chars(&self, id: NodeId) -> u32 {
        self.at(id).chars
    }

    /// Share of a node's text that sits inside links (0 for a node without text).
    pub(crate) fn link_density(&self, id: NodeId) -> f64 {
        let c = self.at(id);
        if c.chars == 0 {
            return 0.0;
        }
        f64::from(c.link_chars) / f64::from(c.chars)
    }

    /// [`link_density`](Self::link_density) with links to the same page counted at
    /// [`ANCHOR_WEIGHT`]: a table of contents or a footnote marker takes the reader further
    /// into the page, not away from it, as Readability weighs them when it cleans.
    pub(crate) fn weighted_link_density(&self, id: NodeId) -> f64 {
        let c = self.at(id);
        if c.chars == 0 {
            return 0.0;
        }
        let away = c.link_chars.saturating_sub(c.anchor_chars);
        (f64::from(away) + ANCHOR_WEIGHT * f64::from(c.anchor_chars)) / f64::from(c.chars)
    }
}

/// How much a link to the same page counts in [`Measures::weighted_link_density`].
const ANCHOR_WEIGHT: f64 = 0.3;
