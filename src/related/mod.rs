//! The related stage: related content — read-also teasers, related lists, most-read rails, share bars,
//! tags, comments, newsletter and ad blocks — found by label and by class/id hint, removed and
//! reported. A second pass inside the chosen article ([`remove_link_lists`]) catches unlabelled
//! related cards.

mod appended;
mod boilerplate;
mod cards;
mod evidence;
mod hints;
mod labels;
mod line_labels;
mod lines;
mod other_article;
pub(crate) mod teaser;

pub(crate) use cards::remove_link_lists;

use crate::dom::{Dom, Measures, NodeId};
use crate::lang::normalize::words;
use crate::lang::topic::Topic;
use crate::lang::Lexicon;
use crate::text::truncate_words;
use crate::{Removal, RemovalKind};

/// Most characters of a removal's preview.
pub(crate) const PREVIEW_CHARS: usize = 100;

/// Runs the labelled-block and class-hint passes over the whole document.
///
/// `title` is the page's own headline and `title_node` the heading that prints it: no block
/// holding it is ever removed, and other articles are told from the page's by their subject.
pub(crate) fn run(
    dom: &mut Dom,
    lexicon: &Lexicon,
    title: &str,
    title_node: Option<NodeId>,
) -> Vec<Removal> {
    let mut removals = Vec::new();
    let holds_title = dom.holders_of(title_node);
    let page = evidence::Page {
        topic: Topic::of(title),
        title_words: words(title),
        holds_title: &holds_title,
    };
    other_article::remove_flat_teasers(dom, lexicon, &page, &mut removals);
    appended::remove_appended(dom, &page, title_node, &mut removals);
    let measures = Measures::of(dom);
    labels::remove_labelled(dom, &measures, lexicon, &holds_title, &mut removals);
    let measures = Measures::of(dom);
    hints::remove_hinted(
        dom,
        &measures,
        lexicon,
        &holds_title,
        title_node,
        &mut removals,
    );
    boilerplate::remove_boilerplate(dom, &holds_title, &mut removals);
    removals
}

/// Builds a report entry from removed nodes' text.
pub(crate) fn removal(
    dom: &Dom,
    kind: RemovalKind,
    rule: &str,
    label: Option<String>,
    nodes: &[NodeId],
) -> Removal {
    let mut text = String::new();
    for &n in nodes {
        if text.chars().count() > PREVIEW_CHARS * 2 {
            break;
        }
        // Preview from the nodes as they were, removal flags aside.
        text.push_str(&subtree_text(dom, n));
        text.push(' ');
    }
    let mut preview = text.trim().to_string();
    if let Some(l) = &label {
        if let Some(rest) = preview.strip_prefix(l.as_str()) {
            preview = rest.trim_start().to_string();
        }
    }
    Removal {
        kind,
        rule: rule.to_string(),
        label,
        preview: truncate_words(&preview, PREVIEW_CHARS),
    }
}

/// Text of a subtree ignoring removal flags (for previews of what was just removed), bounded.
fn subtree_text(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    let end = dom.subtree_end(id).min(id + 2_000);
    for n in id..end {
        if let Some(t) = dom.text_of(n) {
            crate::text::push_collapsed(&mut out, t);
            if out.len() > PREVIEW_CHARS * 8 {
                break;
            }
        } else if crate::dom::is_block_tag(dom.tag(n)) {
            crate::text::push_collapsed(&mut out, " ");
        }
    }
    out.trim().to_string()
}
