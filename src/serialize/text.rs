//! Plain text: one paragraph per block, blank lines between, `<br>` as a line break.

use super::{is_block, OutNode};

/// Renders the article as plain text.
pub(crate) fn to_text(nodes: &[OutNode]) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for n in nodes {
        walk(n, &mut paragraphs, &mut current);
    }
    flush(&mut paragraphs, &mut current);
    paragraphs.join("\n\n")
}

fn flush(paragraphs: &mut Vec<String>, current: &mut String) {
    let p: String = current
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if !p.is_empty() {
        paragraphs.push(p);
    }
    current.clear();
}

fn walk(node: &OutNode, paragraphs: &mut Vec<String>, current: &mut String) {
    match node {
        OutNode::Text(t) => crate::text::push_collapsed(current, t),
        OutNode::Element { tag, children, .. } => {
            match *tag {
                "br" => {
                    current.push('\n');
                    return;
                }
                "img" | "hr" | "figcaption" => return,
                "td" | "th" if !current.trim().is_empty() => current.push_str(" | "),
                _ => {}
            }
            let block = is_block(tag) && !matches!(*tag, "td" | "th");
            if block {
                flush(paragraphs, current);
            }
            for c in children {
                walk(c, paragraphs, current);
            }
            if block {
                flush(paragraphs, current);
            }
        }
    }
}
