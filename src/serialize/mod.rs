//! The serialize stage: the article as HTML, plain text and Markdown, all from one owned output tree.

mod markdown;
mod text;

pub(crate) use markdown::to_markdown;
pub(crate) use text::to_text;

use crate::out::{is_block, OutNode};

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
