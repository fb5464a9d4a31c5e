//! The sanitize stage: the allowlist sanitizer, the last step before HTML leaves the library.
//!
//! It works on naqi's own output tree, not on HTML text: every element's tag must be in the
//! output's allowlist (`dom::output_tag`; others are unwrapped, their content kept), every
//! attribute in the allowlist of its tag, and every address passes the one URL policy
//! (`url_policy`). The serializer then
//! escapes all text and attribute values, so nothing is parsed a second time and the cost stays
//! linear in the size of the article. (ammonia did this on the serialized HTML before; its
//! html5ever serializer rescans the rest of a text for each `&` or U+0080–U+00BF character,
//! which made long texts quadratic. ammonia stays as a test oracle: it must leave naqi's HTML
//! unchanged.)

use crate::address::Url;
use crate::out::{is_block, OutNode};
use crate::url_policy::{self, Use};

/// The `rel` every link gets: the article's links open no window back into the reader and
/// pass no endorsement.
pub(crate) const LINK_REL: &str = "noopener noreferrer nofollow";

/// Whether `name` may appear on a `tag` element.
fn allowed_attribute(tag: &str, name: &str) -> bool {
    matches!(name, "dir" | "lang")
        || matches!(
            (tag, name),
            ("a", "href")
                | ("img", "src" | "alt")
                | ("td" | "th", "colspan" | "rowspan")
                | ("time", "datetime")
        )
}

/// Sanitizes the output tree: tags and attributes outside the allowlist and addresses the URL
/// policy refuses are dropped (a link without an address is unwrapped, an image without one
/// removed); `base` resolves relative addresses.
///
/// Elements an HTML parser would move are moved or unwrapped here, so that the HTML reads back
/// as the same tree (nothing can change meaning between naqi's output and the page it goes
/// into): table parts outside a table are unwrapped, a paragraph holding blocks is split around
/// them (a block would close it), a heading inside a heading and a link inside a link are
/// unwrapped, and content a table cannot hold gets the row or cell it lacks.
pub(crate) fn clean(nodes: Vec<OutNode>, base: Option<&Url>) -> Vec<OutNode> {
    clean_children(nodes, base, Within::default())
}

/// What the element being cleaned sits inside, as far as the HTML parser's rules care.
#[derive(Debug, Clone, Copy, Default)]
struct Within {
    /// A table, and no cell or caption of it yet.
    table: bool,
    /// A paragraph (through inline elements only).
    paragraph: bool,
    /// A heading.
    heading: bool,
    /// A link.
    link: bool,
}

impl Within {
    /// Whether the parser would move a `tag` element away from here.
    fn refuses(self, tag: &str) -> bool {
        (is_table_part(tag) && !self.table)
            || (self.heading && is_heading(tag))
            || (self.link && tag == "a")
    }

    /// The context of a kept `tag` element's children.
    fn inside(self, tag: &str) -> Within {
        Within {
            // Inside a table until a cell (or caption) starts: a cell holds flow content again.
            table: match tag {
                "table" => true,
                "td" | "th" | "caption" => false,
                _ => self.table,
            },
            // Blocks inside a paragraph are lifted out of it (see `split_paragraph`), so their
            // content is not in the paragraph either.
            paragraph: tag == "p" || (self.paragraph && !is_block(tag)),
            heading: self.heading || is_heading(tag),
            link: self.link || tag == "a",
        }
    }
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The children of a table part, in the structure an HTML parser would give them: rows in a
/// section, cells in a row. Whatever stands where the parser would not keep it (text straight in
/// a table, a cell straight in a section) is wrapped in the element it lacks, so the text stays
/// and the HTML reads back as the same tree.
fn table_children(tag: &str, children: Vec<OutNode>) -> Vec<OutNode> {
    let (allowed, wrapper): (&[&str], &'static str) = match tag {
        "table" => (&["caption", "thead", "tbody", "tfoot"], "tbody"),
        "thead" | "tbody" | "tfoot" => (&["tr"], "tr"),
        "tr" => (&["td", "th"], "td"),
        _ => return children,
    };
    let mut out = Vec::with_capacity(children.len());
    let mut run = Vec::new();
    let flush = |run: &mut Vec<OutNode>, out: &mut Vec<OutNode>| {
        if run.is_empty() {
            return;
        }
        let inner = std::mem::take(run);
        out.push(OutNode::element(wrapper, table_children(wrapper, inner)));
    };
    for child in children {
        let stays = match &child {
            OutNode::Text(t) => run.is_empty() && t.trim().is_empty(),
            OutNode::Element { tag, .. } => allowed.contains(tag),
        };
        if stays {
            flush(&mut run, &mut out);
            out.push(child);
        } else {
            run.push(child);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn clean_children(nodes: Vec<OutNode>, base: Option<&Url>, within: Within) -> Vec<OutNode> {
    let mut out = Vec::with_capacity(nodes.len());
    for node in nodes {
        clean_into(node, base, within, &mut out);
    }
    out
}

/// Parts of a table that only mean something inside one.
fn is_table_part(tag: &str) -> bool {
    matches!(
        tag,
        "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "caption"
    )
}

/// Appends the sanitized `node` to `out`. The output tree's depth is bounded by the tree
/// builder (`postprocess::build`), so the recursion is too.
fn clean_into(node: OutNode, base: Option<&Url>, within: Within, out: &mut Vec<OutNode>) {
    let (tag, attrs, children) = match node {
        OutNode::Text(t) => {
            out.push(OutNode::Text(t));
            return;
        }
        OutNode::Element {
            tag,
            attrs,
            children,
        } => (tag, attrs, children),
    };
    let known = crate::dom::output_tag(tag).filter(|t| !within.refuses(t));
    let Some(tag) = known else {
        out.extend(clean_children(children, base, within));
        return;
    };
    let children = table_children(tag, clean_children(children, base, within.inside(tag)));
    let mut kept = Vec::with_capacity(attrs.len());
    for (name, value) in attrs {
        if !allowed_attribute(tag, name) {
            continue;
        }
        let value = match (tag, name) {
            ("a", "href") => url_policy::allow(&value, base, Use::Link),
            ("img", "src") => url_policy::allow(&value, base, Use::Image),
            _ => Some(value),
        };
        if let Some(v) = value {
            kept.push((name, v));
        }
    }
    let has = |name: &str| kept.iter().any(|(k, _)| *k == name);
    let mut children = children;
    if tag == "pre" {
        // A parser drops a newline right after `<pre>`, and serializers disagree on writing one
        // back: the output's preformatted text never starts with one.
        if let Some(OutNode::Text(t)) = children.first_mut() {
            *t = t.trim_start_matches(['\n', '\r']).to_string();
        }
    }
    let holds_block = children.iter().any(|c| is_block(c.tag()));
    match tag {
        "a" if !has("href") => out.extend(children),
        "img" if !has("src") => {}
        "p" if holds_block => split_paragraph(&kept, children, out),
        // An inline element of a paragraph lets its blocks up to the paragraph, which splits.
        _ if within.paragraph && holds_block && !is_block(tag) => out.extend(children),
        _ => out.push(OutNode::Element {
            tag,
            attrs: kept,
            children,
        }),
    }
}

/// A paragraph holding blocks, as the paragraphs around them and the blocks themselves.
fn split_paragraph(
    attrs: &[(&'static str, String)],
    children: Vec<OutNode>,
    out: &mut Vec<OutNode>,
) {
    let mut run: Vec<OutNode> = Vec::new();
    let flush = |run: &mut Vec<OutNode>, out: &mut Vec<OutNode>| {
        if run.iter().any(OutNode::is_meaningful) {
            out.push(OutNode::Element {
                tag: "p",
                attrs: attrs.to_vec(),
                children: std::mem::take(run),
            });
        }
        run.clear();
    };
    for child in children {
        if is_block(child.tag()) {
            flush(&mut run, out);
            out.push(child);
        } else {
            run.push(child);
        }
    }
    flush(&mut run, out);
}

#[cfg(test)]
mod tests {
    use super::clean;
    use crate::out::OutNode;
    use crate::serialize::to_html;

    fn el(tag: &'static str, attrs: &[(&'static str, &str)], children: Vec<OutNode>) -> OutNode {
        OutNode::Element {
            tag,
            attrs: attrs.iter().map(|(k, v)| (*k, v.to_string())).collect(),
            children,
        }
    }

    #[test]
    fn strips_active_content() {
        let text = |t: &str| OutNode::Text(t.to_string());
        let tree = vec![el(
            "p",
            &[("onclick", "x()"), ("dir", "rtl")],
            vec![
                text("a<script>alert(1)</script>"),
                el("a", &[("href", "javascript:alert(1)")], vec![text("l")]),
                el("iframe", &[("srcdoc", "<script>")], vec![text("f")]),
                el("img", &[("src", "x"), ("onerror", "alert(1)")], vec![]),
                el("img", &[("src", "data:text/html,<script>")], vec![]),
                el("svg", &[("onload", "alert(1)")], vec![]),
                el("a", &[("href", "https://e.com/\"><x")], vec![text("ok")]),
            ],
        )];
        let html = to_html(&clean(tree, None));
        for bad in [
            "<script",
            "onclick",
            "javascript:",
            "<iframe",
            "onerror",
            "<svg",
            "onload",
            "data:",
            "\"><x",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.starts_with("<p dir=\"rtl\">a&lt;script&gt;"), "{html}");
        assert!(html.contains("lf<img src=\"x\"><a"), "{html}");
        assert!(html.contains("rel=\"noopener noreferrer nofollow\">ok</a>"));
    }

    #[test]
    fn table_parts_outside_a_table_are_unwrapped() {
        let text = |t: &str| OutNode::Text(t.to_string());
        let row = || el("tr", &[], vec![el("td", &[], vec![text("a")])]);
        let html = to_html(&clean(vec![row(), el("table", &[], vec![row()])], None));
        assert_eq!(html, "a<table><tbody><tr><td>a</td></tr></tbody></table>\n");
    }

    /// Each shape an HTML parser would restructure comes out the way the parser reads it, so
    /// the HTML means the same in the page it goes into (ammonia checks this on every output in
    /// tests/sanitize_oracle.rs and the fuzz loop).
    #[test]
    fn output_reads_back_as_the_same_tree() {
        let text = |t: &str| OutNode::Text(t.to_string());
        let cell = || el("td", &[], vec![text("c")]);
        let cases = [
            (
                el(
                    "p",
                    &[],
                    vec![
                        text("before "),
                        el("b", &[], vec![el("table", &[], vec![el("tr", &[], vec![cell()])])]),
                        text(" after"),
                    ],
                ),
                "<p>before </p>\n<table><tbody><tr><td>c</td></tr></tbody></table>\n<p> after</p>\n",
            ),
            (
                el("table", &[], vec![text("loose"), el("tbody", &[], vec![cell()])]),
                "<table><tbody><tr><td>loose</td></tr></tbody><tbody><tr><td>c</td></tr></tbody></table>\n",
            ),
            (
                el("a", &[("href", "https://e.com/a")], vec![el("a", &[("href", "https://e.com/b")], vec![text("x")])]),
                "<a href=\"https://e.com/a\" rel=\"noopener noreferrer nofollow\">x</a>",
            ),
            (
                el("pre", &[], vec![text("\n\nline")]),
                "<pre>line</pre>\n",
            ),
            (
                el("h2", &[], vec![text("a "), el("h3", &[], vec![text("b")])]),
                "<h2>a b</h2>\n",
            ),
        ];
        for (tree, want) in cases {
            assert_eq!(to_html(&clean(vec![tree], None)), want);
        }
    }
}
