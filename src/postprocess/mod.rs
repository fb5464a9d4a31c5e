//! Stage 5: post-process the chosen blocks — a second related pass for unlabelled link lists,
//! conditional cleaning, then the output tree with lazy images and absolute URLs resolved.

mod build;
mod conditional;
mod images;

use crate::dom::{Dom, NodeId};
use crate::serialize::OutNode;
use crate::Removal;
use url::Url;

/// Cleans inside the article roots and builds the output tree.
pub(crate) fn run(
    dom: &mut Dom,
    roots: &[NodeId],
    core: NodeId,
    title: &str,
    base: Option<&Url>,
    keep_images: bool,
    removals: &mut Vec<Removal>,
) -> Vec<OutNode> {
    crate::related::remove_link_lists(dom, roots, core, removals);
    conditional::clean(dom, roots, core, title);
    build::Builder {
        dom,
        base,
        keep_images,
    }
    .build(roots)
}

/// The first image of the output, for a lead image when the page declares none.
pub(crate) fn first_image(nodes: &[OutNode]) -> Option<String> {
    let mut stack: Vec<&OutNode> = nodes.iter().rev().collect();
    while let Some(n) = stack.pop() {
        if n.tag() == "img" {
            return n.attr("src").map(str::to_string);
        }
        stack.extend(n.children().iter().rev());
    }
    None
}
