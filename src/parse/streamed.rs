//! React's streamed server rendering, done as its script would: the page first holds a
//! `<template id="B:n">` where a part of it belongs, and that part comes later, at the end of
//! the body, as a hidden `<div id="S:n">` that `$RC("B:n","S:n")` moves into its place (`n`
//! in hexadecimal). Without the move, a long article arrives as dozens of hidden blocks after
//! the footer; with it, the article is whole and in order. A browser's DOM has already done
//! this.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{Html, Node};

/// The number of a boundary's id after `prefix` (`"B:"` or `"S:"`), if it is one.
fn boundary<'a>(id: &'a str, prefix: &str) -> Option<&'a str> {
    id.strip_prefix(prefix)
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Moves every streamed `<div hidden id="S:n">` to just before its `<template id="B:n">`.
/// The div stays hidden; the clean stage knows such a div for content.
pub(super) fn place(doc: &mut Html) {
    let mut templates: HashMap<String, NodeId> = HashMap::new();
    let mut parts: Vec<(String, NodeId)> = Vec::new();
    for node in doc.tree.root().descendants() {
        let Node::Element(e) = node.value() else {
            continue;
        };
        let Some(id) = e.attr("id") else { continue };
        match e.name() {
            "template" => {
                if let Some(n) = boundary(id, "B:") {
                    templates.entry(n.to_ascii_lowercase()).or_insert(node.id());
                }
            }
            "div" if e.attr("hidden").is_some() => {
                if let Some(n) = boundary(id, "S:") {
                    parts.push((n.to_ascii_lowercase(), node.id()));
                }
            }
            _ => {}
        }
    }
    for (n, part) in parts {
        let Some(&template) = templates.get(&n) else {
            continue;
        };
        // A template inside its own part (never written by React) would make a loop.
        let inside = doc
            .tree
            .get(template)
            .is_none_or(|t| t.parent().is_none() || t.ancestors().any(|a| a.id() == part));
        if inside || template == part {
            continue;
        }
        if let Some(mut t) = doc.tree.get_mut(template) {
            t.insert_id_before(part);
        }
    }
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    fn ids_in_order(doc: &Html) -> Vec<String> {
        doc.tree
            .root()
            .descendants()
            .filter_map(|n| n.value().as_element())
            .filter_map(|e| e.attr("id").map(str::to_string))
            .collect()
    }

    #[test]
    fn parts_move_to_their_templates() {
        let mut doc = Html::parse_document(
            "<body><main><template id=\"B:1f\"></template><p id=\"x\">x</p></main>\
             <div hidden id=\"S:1f\"><p id=\"y\">y</p></div></body>",
        );
        super::place(&mut doc);
        assert_eq!(ids_in_order(&doc), ["S:1f", "y", "B:1f", "x"]);
    }

    #[test]
    fn a_template_inside_its_own_part_is_left_alone() {
        let mut doc = Html::parse_document(
            "<body><div hidden id=\"S:2\"><template id=\"B:2\"></template></div></body>",
        );
        super::place(&mut doc);
        assert_eq!(ids_in_order(&doc), ["S:2", "B:2"]);
    }
}
