//! Stage 7: the article as HTML, plain text and Markdown, all from one owned output tree.

mod markdown;
mod text;

pub(crate) use markdown::to_markdown;
pub(crate) use text::to_text;

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
            OutNode::Text(t) => crate::dom::push_collapsed(out, t),
            OutNode::Element { children, .. } => {
                for c in children {
                    c.push_text(out);
                }
            }
        }
    }
}

/// True for block-level output tags.
pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "dl"
            | "dt"
            | "dd"
            | "hr"
    )
}

/// Renders the tree as HTML: tags as they are, every text and attribute value escaped, and
/// the [`LINK_REL`](crate::sanitize::LINK_REL) on links. Give it a tree that has been through
/// [`crate::sanitize::clean`]; one pass, linear in the size of the tree.
pub(crate) fn to_html(nodes: &[OutNode]) -> String {
    let mut out = String::new();
    for n in nodes {
        push_html(n, &mut out);
        if is_block(n.tag()) {
            out.push('\n');
        }
    }
    out
}

fn push_html(node: &OutNode, out: &mut String) {
    match node {
        OutNode::Text(t) => escape_into(t, out, false),
        OutNode::Element {
            tag,
            attrs,
            children,
        } => {
            out.push('<');
            out.push_str(tag);
            for (k, v) in attrs {
                out.push(' ');
                out.push_str(k);
                out.push_str("=\"");
                escape_into(v, out, true);
                out.push('"');
            }
            if *tag == "a" {
                out.push_str(" rel=\"");
                out.push_str(crate::sanitize::LINK_REL);
                out.push('"');
            }
            out.push('>');
            if matches!(*tag, "img" | "br" | "hr") {
                return;
            }
            for c in children {
                push_html(c, out);
            }
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
    }
}

/// Escapes as html5ever's serializer does (so that re-parsing and serializing the output gives
/// it back unchanged): `&`, `<`, `>` and U+00A0 everywhere, `"` in attribute values.
fn escape_into(s: &str, out: &mut String, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\u{A0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}
