//! Markdown: headings, paragraphs, lists, quotes, code, links, images, emphasis and tables.

use super::{is_block, OutNode};

/// Renders the article as Markdown.
pub(crate) fn to_markdown(nodes: &[OutNode]) -> String {
    let mut blocks = Vec::new();
    for n in nodes {
        block(n, &mut blocks, "");
    }
    blocks
        .into_iter()
        .filter(|b| !b.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Appends the Markdown blocks of `node`, each line prefixed (for quotes and lists).
fn block(node: &OutNode, out: &mut Vec<String>, prefix: &str) {
    let tag = node.tag();
    match tag {
        "h2" | "h3" | "h4" | "h5" | "h6" => {
            let level = tag
                .get(1..2)
                .and_then(|l| l.parse::<usize>().ok())
                .unwrap_or(2);
            out.push(format!(
                "{prefix}{} {}",
                "#".repeat(level),
                inline_all(node.children())
            ));
        }
        "ul" | "ol" => {
            let mut n = 0;
            for li in node.children().iter().filter(|c| c.tag() == "li") {
                n += 1;
                let marker = if tag == "ol" {
                    format!("{n}. ")
                } else {
                    "- ".to_string()
                };
                let mut inner = Vec::new();
                let mut inline_part = Vec::new();
                for c in li.children() {
                    if is_block(c.tag()) {
                        block(c, &mut inner, "  ");
                    } else {
                        inline_part.push(c.clone());
                    }
                }
                let mut item = format!("{prefix}{marker}{}", inline_all(&inline_part));
                for b in inner {
                    item.push('\n');
                    item.push_str(prefix);
                    item.push_str(&b);
                }
                out.push(item);
            }
        }
        "blockquote" => {
            let mut inner = Vec::new();
            let (blocks, inlines): (Vec<_>, Vec<_>) =
                node.children().iter().partition(|c| is_block(c.tag()));
            if !inlines.is_empty() {
                inner.push(inline_all(
                    &inlines.into_iter().cloned().collect::<Vec<_>>(),
                ));
            }
            for b in blocks {
                block(b, &mut inner, "");
            }
            let quoted = inner
                .join("\n\n")
                .lines()
                .map(|l| format!("{prefix}> {l}"))
                .collect::<Vec<_>>()
                .join("\n");
            out.push(quoted);
        }
        "pre" => out.push(format!("{prefix}```\n{}\n{prefix}```", node.text())),
        "hr" => out.push(format!("{prefix}---")),
        "table" => out.push(table(node, prefix)),
        "figure" | "dl" | "thead" | "tbody" | "tfoot" => {
            for c in node.children() {
                if is_block(c.tag()) {
                    block(c, out, prefix);
                } else {
                    let s = inline(c);
                    if !s.trim().is_empty() {
                        out.push(format!("{prefix}{s}"));
                    }
                }
            }
        }
        "figcaption" | "caption" => out.push(format!("{prefix}_{}_", inline_all(node.children()))),
        _ => {
            let s = if is_block(tag) {
                inline_all(node.children())
            } else {
                inline(node)
            };
            if !s.trim().is_empty() {
                out.push(format!("{prefix}{s}"));
            }
        }
    }
}

fn table(node: &OutNode, prefix: &str) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut stack: Vec<&OutNode> = vec![node];
    while let Some(n) = stack.pop() {
        if n.tag() == "tr" {
            rows.push(
                n.children()
                    .iter()
                    .filter(|c| matches!(c.tag(), "td" | "th"))
                    .map(|c| inline_all(c.children()).replace('|', "\\|"))
                    .collect(),
            );
        } else {
            stack.extend(n.children().iter().rev());
        }
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let mut lines = Vec::new();
    for (i, mut r) in rows.into_iter().enumerate() {
        r.resize(width, String::new());
        lines.push(format!("{prefix}| {} |", r.join(" | ")));
        if i == 0 {
            lines.push(format!("{prefix}|{}", " --- |".repeat(width)));
        }
    }
    lines.join("\n")
}

fn inline_all(nodes: &[OutNode]) -> String {
    let mut s = String::new();
    for n in nodes {
        s.push_str(&inline(n));
    }
    let mut out = String::new();
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push_str("  \n");
        }
        let mut collapsed = String::new();
        crate::text::push_collapsed(&mut collapsed, line);
        out.push_str(collapsed.trim());
    }
    out
}

fn inline(node: &OutNode) -> String {
    match node {
        OutNode::Text(t) => escape(t),
        OutNode::Element { tag, children, .. } => {
            let inner = || {
                let mut s = String::new();
                for c in children {
                    s.push_str(&inline(c));
                }
                s
            };
            match *tag {
                "br" => "\n".to_string(),
                "img" => match node.attr("src") {
                    Some(src) => format!(
                        "![{}]({})",
                        node.attr("alt").unwrap_or("").replace(['[', ']'], ""),
                        destination(src)
                    ),
                    None => String::new(),
                },
                "a" => {
                    let text = inner();
                    match node.attr("href") {
                        Some(h) if !text.trim().is_empty() => {
                            format!("[{}]({})", text.trim(), destination(h))
                        }
                        _ => text,
                    }
                }
                "strong" | "b" => wrap(&inner(), "**"),
                "em" | "i" | "cite" => wrap(&inner(), "_"),
                "code" | "kbd" => wrap(&node.text(), "`"),
                "del" | "s" => wrap(&inner(), "~~"),
                _ => inner(),
            }
        }
    }
}

/// A link destination that cannot end early or break the line: spaces, controls, parentheses
/// and angle brackets percent-encoded. (The address itself has passed the URL policy with the
/// rest of the tree, in `sanitize`.)
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn wrap(s: &str, mark: &str) -> String {
    let t = s.trim();
    if t.is_empty() {
        return s.to_string();
    }
    let lead = if s.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if s.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{mark}{t}{mark}{trail}")
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
