//! The sanitize stage: the allowlist sanitizer, the last step before HTML leaves the library.
//!
//! It works on naqi's own output tree, not on HTML text: every element's tag must be in
//! the output's allowlist (`dom::output_tag`; others are unwrapped, their content kept), every attribute in the allowlist of its
//! tag, and every address passes the one URL policy (`url_policy`). The serializer then
//! escapes all text and attribute values, so nothing is parsed a second time and the cost stays
//! linear in the size of the article. (ammonia did this on the serialized HTML before; its
//! html5ever serializer rescans the rest of a text for each `&` or U+0080–U+00BF character,
//! which made long texts quadratic. ammonia stays as a test oracle: it must leave naqi's HTML
//! unchanged.)

use crate::out::OutNode;
use crate::url_policy::{self, Use};
use url::Url;

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
/// Table parts outside a table are unwrapped too: an HTML parser ignores those tags there, so
/// the HTML would not read back as the same tree.
pub(crate) fn clean(nodes: Vec<OutNode>, base: Option<&Url>) -> Vec<OutNode> {
    clean_children(nodes, base, false)
}

fn clean_children(nodes: Vec<OutNode>, base: Option<&Url>, in_table: bool) -> Vec<OutNode> {
    let mut out = Vec::with_capacity(nodes.len());
    for node in nodes {
        clean_into(node, base, in_table, &mut out);
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
fn clean_into(node: OutNode, base: Option<&Url>, in_table: bool, out: &mut Vec<OutNode>) {
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
    // Inside a table until a cell (or caption) starts: a cell holds flow content again.
    let children_in_table = match tag {
        "table" => true,
        "td" | "th" | "caption" => false,
        _ => in_table,
    };
    let children = clean_children(children, base, children_in_table);
    let known = crate::dom::output_tag(tag);
    let Some(tag) = known.filter(|t| in_table || !is_table_part(t)) else {
        out.extend(children);
        return;
    };
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
    match tag {
        "a" if !has("href") => out.extend(children),
        "img" if !has("src") => {}
        _ => out.push(OutNode::Element {
            tag,
            attrs: kept,
            children,
        }),
    }
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
        assert_eq!(html, "a<table><tr><td>a</td></tr></table>\n");
    }
}
