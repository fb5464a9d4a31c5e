//! Builds the output tree from the chosen blocks: allowlisted tags, resolved links and images,
//! text written straight into containers (and `<br>`-separated lines) turned into paragraphs.

use super::images::{image_src, noscript_image};
use crate::address::Url;
use crate::dom::{Dom, Kind, NodeId};
use crate::out::{is_block, OutNode};
use crate::url_policy::{self, Use};

/// Deeper than this, an element's content is kept as plain text: it bounds the recursion
/// of the output tree, so hostile nesting cannot exhaust the stack.
const MAX_DEPTH: usize = 40;

/// Elements whose content is read in paragraph mode (inline content stays inline).
const TEXT_BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
    "figcaption",
    "pre",
    "blockquote",
];

/// Tags that get `dir="auto"` so mixed Arabic/Latin paragraphs lay out by their own text.
const AUTO_DIR: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "dd",
    "dt",
    "td",
    "th",
];

pub(crate) struct Builder<'a> {
    pub dom: &'a Dom,
    pub base: Option<&'a Url>,
    pub keep_images: bool,
}

impl Builder<'_> {
    /// The output blocks of the given roots.
    pub(crate) fn build(&self, roots: &[NodeId]) -> Vec<OutNode> {
        let mut items = Vec::new();
        for &r in roots {
            items.extend(self.node(r, 0, true));
        }
        wrap_table_parts(wrap_inline_runs(items))
    }

    /// The output of one node; `block_context` is true where loose inline content must be
    /// wrapped into paragraphs.
    fn node(&self, id: NodeId, depth: usize, block_context: bool) -> Vec<OutNode> {
        let Some(node) = self.dom.node(id) else {
            return Vec::new();
        };
        let tag = match &node.kind {
            Kind::Text(_) if self.dom.is_removed(id) => return Vec::new(),
            Kind::Text(t) => return vec![OutNode::Text(t.to_string())],
            Kind::Element { tag, .. } => tag.as_ref(),
        };
        if self.dom.is_removed(id) {
            // A removed <noscript> may hold the only real copy of an image.
            if tag == "noscript" && self.keep_images && !self.has_live_img_sibling(id) {
                if let Some(src) = noscript_image(self.dom, id) {
                    return vec![img(
                        crate::metadata::absolute(self.base, &src),
                        String::new(),
                    )];
                }
            }
            return Vec::new();
        }
        if depth > MAX_DEPTH {
            let text = self.dom.text(id);
            return if text.is_empty() {
                Vec::new()
            } else {
                vec![OutNode::Text(format!(" {text} "))]
            };
        }
        match tag {
            "img" => {
                if !self.keep_images {
                    return Vec::new();
                }
                let Some(src) = image_src(self.dom, id, self.base) else {
                    return Vec::new();
                };
                let alt = self.dom.attr(id, "alt").unwrap_or("").trim().to_string();
                vec![img(src, alt)]
            }
            "br" => vec![OutNode::element("br", Vec::new())],
            "hr" => vec![OutNode::element("hr", Vec::new())],
            "source" | "track" | "wbr" => Vec::new(),
            "a" => {
                let children = self.children(id, depth, false);
                let href = self
                    .dom
                    .attr(id, "href")
                    .and_then(|h| url_policy::allow(h.trim(), self.base, Use::Link));
                match href {
                    Some(h) => vec![OutNode::Element {
                        tag: "a",
                        attrs: vec![("href", h)],
                        children,
                    }],
                    None => children,
                }
            }
            _ => {
                let out_tag = output_tag(tag);
                let in_text_block = TEXT_BLOCKS.contains(&tag);
                match out_tag {
                    Some(t) => {
                        let child_block_context = !in_text_block
                            && is_block(t)
                            && !matches!(
                                t,
                                "tr" | "thead" | "tbody" | "tfoot" | "table" | "ul" | "ol" | "dl"
                            );
                        let mut children = self.children(
                            id,
                            depth,
                            child_block_context
                                || matches!(t, "blockquote" | "li" | "figure" | "td" | "th" | "dd"),
                        );
                        let mixed = matches!(t, "blockquote" | "li" | "td" | "th" | "dd")
                            && children.iter().any(|c| is_block(c.tag()));
                        if mixed || child_block_context {
                            children = wrap_inline_runs(children);
                        }
                        let mut attrs = Vec::new();
                        if AUTO_DIR.contains(&t) {
                            attrs.push(("dir", "auto".to_string()));
                        }
                        for a in ["colspan", "rowspan"] {
                            if let Some(v) = self
                                .dom
                                .attr(id, a)
                                .filter(|v| v.trim().parse::<u16>().is_ok())
                            {
                                attrs.push((a, v.trim().to_string()));
                            }
                        }
                        if t == "time" {
                            if let Some(v) = self.dom.attr(id, "datetime") {
                                attrs.push(("datetime", v.to_string()));
                            }
                        }
                        vec![OutNode::Element {
                            tag: t,
                            attrs,
                            children,
                        }]
                    }
                    // Transparent containers: their content, with loose text made paragraphs.
                    None => {
                        let children = self.children(id, depth, block_context);
                        if block_context && crate::dom::is_block_tag(tag) {
                            wrap_inline_runs(children)
                        } else {
                            children
                        }
                    }
                }
            }
        }
    }

    fn children(&self, id: NodeId, depth: usize, block_context: bool) -> Vec<OutNode> {
        let mut out = Vec::new();
        for &c in self.dom.children(id) {
            out.extend(self.node(c, depth + 1, block_context));
        }
        out
    }

    fn has_live_img_sibling(&self, id: NodeId) -> bool {
        self.dom.parent(id).is_some_and(|p| {
            self.dom.live_children(p).any(|c| {
                self.dom.tag(c) == "img"
                    || self
                        .dom
                        .live_descendants(c)
                        .take(50)
                        .any(|d| self.dom.tag(d) == "img")
            })
        })
    }
}

fn img(src: String, alt: String) -> OutNode {
    OutNode::Element {
        tag: "img",
        attrs: vec![("src", src), ("alt", alt)],
        children: Vec::new(),
    }
}

/// The output tag for a page tag (the output's allowlist, `<h1>` written as `<h2>`), or
/// `None` for containers that are unwrapped.
fn output_tag(tag: &str) -> Option<&'static str> {
    if tag == "h1" {
        return Some("h2");
    }
    crate::dom::output_tag(tag)
}

/// Wraps runs of table rows and sections chosen without their `<table>` (a selected `<tbody>`
/// or rows of one) into a table, so that they stay a table: outside one, an HTML parser drops
/// those tags and the sanitizer unwraps them, gluing the cells' text together.
fn wrap_table_parts(items: Vec<OutNode>) -> Vec<OutNode> {
    let is_part = |n: &OutNode| matches!(n.tag(), "thead" | "tbody" | "tfoot" | "tr");
    if !items.iter().any(is_part) {
        return items;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut run = Vec::new();
    for item in items {
        if is_part(&item) {
            run.push(item);
            continue;
        }
        if !run.is_empty() {
            out.push(table(std::mem::take(&mut run)));
        }
        out.push(item);
    }
    if !run.is_empty() {
        out.push(table(run));
    }
    out
}

/// A table of sections and rows, the rows grouped into `<tbody>`s as a parser would.
fn table(parts: Vec<OutNode>) -> OutNode {
    let mut children = Vec::new();
    let mut rows = Vec::new();
    for part in parts {
        if part.tag() == "tr" {
            rows.push(part);
            continue;
        }
        if !rows.is_empty() {
            children.push(OutNode::element("tbody", std::mem::take(&mut rows)));
        }
        children.push(part);
    }
    if !rows.is_empty() {
        children.push(OutNode::element("tbody", rows));
    }
    OutNode::element("table", children)
}

/// Groups loose inline content into paragraphs; a `<br>` at this level ends a paragraph.
/// Whitespace-only runs and empty blocks are dropped.
pub(crate) fn wrap_inline_runs(items: Vec<OutNode>) -> Vec<OutNode> {
    let mut out = Vec::new();
    let mut run: Vec<OutNode> = Vec::new();
    let flush = |run: &mut Vec<OutNode>, out: &mut Vec<OutNode>| {
        if run.iter().any(OutNode::is_meaningful) {
            out.push(OutNode::Element {
                tag: "p",
                attrs: vec![("dir", "auto".to_string())],
                children: std::mem::take(run),
            });
        }
        run.clear();
    };
    for item in items {
        let tag = item.tag();
        if tag == "br" {
            flush(&mut run, &mut out);
        } else if is_block(tag) {
            flush(&mut run, &mut out);
            if item.is_meaningful() {
                out.push(item);
            }
        } else {
            run.push(item);
        }
    }
    flush(&mut run, &mut out);
    out
}
