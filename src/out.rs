//! The output tree: the cleaned article as the postprocess stage builds it, the sanitize stage
//! checks it and the serialize stage writes it. Owned, so it outlives the working tree.

/// A node of the cleaned article. Tags are from a fixed allowlist; attributes are resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum OutNode {
    /// An element.
    Element {
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
        children: Vec<OutNode>,
    },
    /// Text, as on the page (whitespace is collapsed when rendered).
    Text(String),
}

impl OutNode {
    /// An element without attributes.
    pub(crate) fn element(tag: &'static str, children: Vec<OutNode>) -> OutNode {
        OutNode::Element {
            tag,
            attrs: Vec::new(),
            children,
        }
    }

    /// The tag, or `""` for text.
    pub(crate) fn tag(&self) -> &'static str {
        match self {
            OutNode::Element { tag, .. } => tag,
            OutNode::Text(_) => "",
        }
    }

    /// An attribute's value.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        match self {
            OutNode::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.as_str()),
            OutNode::Text(_) => None,
        }
    }

    /// The children of an element (none for text).
    pub(crate) fn children(&self) -> &[OutNode] {
        match self {
            OutNode::Element { children, .. } => children,
            OutNode::Text(_) => &[],
        }
    }

    /// True when the node shows a letter, a digit or an image: a block of only punctuation or
    /// stray markup (such as a broken comment's `-->`) is not worth a paragraph.
    pub(crate) fn is_meaningful(&self) -> bool {
        match self {
            OutNode::Text(t) => t.chars().any(char::is_alphanumeric),
            OutNode::Element { tag, children, .. } => {
                matches!(*tag, "img" | "hr") || children.iter().any(OutNode::is_meaningful)
            }
        }
    }

    /// The collapsed text of the node.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out.trim().to_string()
    }

    fn push_text(&self, out: &mut String) {
        match self {
            OutNode::Text(t) => crate::text::push_collapsed(out, t),
            OutNode::Element { children, .. } => {
                for c in children {
                    c.push_text(out);
                }
            }
        }
    }
}

/// True for block-level output tags (the allowlist's, in `dom::tags`).
pub(crate) use crate::dom::is_output_block as is_block;
