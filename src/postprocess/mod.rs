//! The postprocess stage: post-process the chosen blocks — a second related pass for unlabelled link lists,
//! conditional cleaning, then the output tree with lazy images and absolute URLs resolved.

mod build;
mod conditional;
mod images;
mod lines;
mod lists;

use crate::address::Url;
use crate::dom::Dom;
use crate::out::OutNode;
use crate::select::Selection;
use crate::Removal;

/// What the postprocess stage needs to know of the page, read once after parsing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Page<'a> {
    /// The page's own headline.
    pub(crate) title: &'a str,
    /// The heading that prints it, when found.
    pub(crate) title_node: Option<crate::dom::NodeId>,
    /// The base URL relative links resolve against.
    pub(crate) base: Option<&'a Url>,
    /// Whether images are kept ([`crate::Options::keep_images`]).
    pub(crate) keep_images: bool,
}

/// Cleans inside the selected roots and builds the output tree.
pub(crate) fn run(
    dom: &mut Dom,
    selection: &Selection,
    page: &Page<'_>,
    removals: &mut Vec<Removal>,
) -> Vec<OutNode> {
    let (roots, core) = (selection.roots.as_slice(), selection.core);
    if selection.wide {
        conditional::clean_wide(dom, roots, page.title_node, removals);
    } else {
        crate::related::remove_link_lists(dom, roots, core, removals);
        conditional::clean(dom, selection, page.title, removals);
    }
    build::Builder {
        dom,
        base: page.base,
        keep_images: page.keep_images,
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
