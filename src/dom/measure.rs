//! Per-node text measures, computed for the whole live tree in one bottom-up pass.
//!
//! Stages ask these instead of re-walking subtrees, which keeps every stage linear.

use super::{Dom, Kind, NodeId};
use crate::lang::normalize::is_comma;

/// Aggregates over each node's live subtree.
#[derive(Debug, Default, Clone)]
pub(crate) struct Measures {
    /// Non-whitespace characters of text.
    pub chars: Vec<u32>,
    /// Non-whitespace characters inside links.
    pub link_chars: Vec<u32>,
    /// Commas and sentence separators, Arabic ones included.
    pub commas: Vec<u32>,
    /// `<p>` elements.
    pub paragraphs: Vec<u32>,
    /// `<img>` elements.
    pub images: Vec<u32>,
    /// `<li>` elements.
    pub items: Vec<u32>,
    /// `<a>` elements with an `href`.
    pub links: Vec<u32>,
    /// Forms and form controls (controls are removed early; forms stay to be counted).
    pub inputs: Vec<u32>,
    /// `<iframe>`, `<embed>`, `<object>`, `<video>`.
    pub embeds: Vec<u32>,
}

impl Measures {
    /// Measures every node of `dom`, skipping removed subtrees.
    pub(crate) fn of(dom: &Dom) -> Measures {
        let n = dom.len();
        let mut m = Measures {
            chars: vec![0; n],
            link_chars: vec![0; n],
            commas: vec![0; n],
            paragraphs: vec![0; n],
            images: vec![0; n],
            items: vec![0; n],
            links: vec![0; n],
            inputs: vec![0; n],
            embeds: vec![0; n],
        };
        // Reverse preorder visits children before parents.
        for id in (0..n).rev() {
            if dom.is_removed(id) {
                continue;
            }
            let Some(node) = dom.node(id) else { continue };
            match &node.kind {
                Kind::Text(t) => {
                    let mut chars = 0u32;
                    let mut commas = 0u32;
                    for c in t.chars() {
                        if !c.is_whitespace() {
                            chars += 1;
                        }
                        if is_comma(c) {
                            commas += 1;
                        }
                    }
                    set(&mut m.chars, id, chars);
                    set(&mut m.commas, id, commas);
                }
                Kind::Element { tag, .. } => match tag.as_str() {
                    "a" => {
                        let c = get(&m.chars, id);
                        set(&mut m.link_chars, id, c);
                        if dom.attr(id, "href").is_some() {
                            add(&mut m.links, id, 1);
                        }
                    }
                    "p" => add(&mut m.paragraphs, id, 1),
                    "img" => add(&mut m.images, id, 1),
                    "li" => add(&mut m.items, id, 1),
                    "form" | "input" | "textarea" | "select" | "button" => {
                        add(&mut m.inputs, id, 1)
                    }
                    "iframe" | "embed" | "object" | "video" => add(&mut m.embeds, id, 1),
                    _ => {}
                },
            }
            if let Some(p) = node.parent {
                for v in [
                    &mut m.chars,
                    &mut m.link_chars,
                    &mut m.commas,
                    &mut m.paragraphs,
                    &mut m.images,
                    &mut m.items,
                    &mut m.links,
                    &mut m.inputs,
                    &mut m.embeds,
                ] {
                    let own = get(v, id);
                    add(v, p, own);
                }
            }
        }
        m
    }

    /// Share of a node's text that sits inside links (0 for a node without text).
    pub(crate) fn link_density(&self, id: NodeId) -> f64 {
        let chars = get(&self.chars, id);
        if chars == 0 {
            return 0.0;
        }
        f64::from(get(&self.link_chars, id)) / f64::from(chars)
    }

    /// Text characters of a node.
    pub(crate) fn chars(&self, id: NodeId) -> u32 {
        get(&self.chars, id)
    }
}

/// Reads one measure, 0 when out of range.
pub(crate) fn get(v: &[u32], id: NodeId) -> u32 {
    v.get(id).copied().unwrap_or(0)
}

fn set(v: &mut [u32], id: NodeId, value: u32) {
    if let Some(x) = v.get_mut(id) {
        *x = value;
    }
}

fn add(v: &mut [u32], id: NodeId, value: u32) {
    if let Some(x) = v.get_mut(id) {
        *x = x.saturating_add(value);
    }
}
