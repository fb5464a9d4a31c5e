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

pub(crate) use cards::{is_announced_list, remove_link_lists};

use crate::dom::{Dom, Measures, NodeId};
use crate::lang::normalize::words;
use crate::lang::topic::Topic;
use crate::lang::Lexicon;
pub(crate) use crate::removal::{removal, PREVIEW_CHARS};
use crate::Removal;

/// Runs the labelled-block and class-hint passes over the whole document.
///
/// `title` is the page's own headline and `title_node` the heading that prints it: no block
/// holding it is ever removed, and other articles are told from the page's by their subject.
/// On a `discussion` page (a forum thread, a question and its answers) the replies are the
/// content: neither comment blocks nor the posts after the first (shaped like appended
/// articles) go.
pub(crate) fn run(
    dom: &mut Dom,
    lexicon: &Lexicon,
    title: &str,
    title_node: Option<NodeId>,
    discussion: bool,
) -> Vec<Removal> {
    let mut removals = Vec::new();
    let holds_title = dom.holders_of(title_node);
    let sections = labels::section_headings(dom, lexicon);
    let page = evidence::Page {
        topic: Topic::of(title),
        title_words: words(title),
        holds_title: &holds_title,
        sections: &sections,
    };
    other_article::remove_flat_teasers(dom, lexicon, &page, &mut removals);
    if !discussion {
        appended::remove_appended(dom, &page, title_node, &mut removals);
    }
    let measures = Measures::of(dom);
    labels::remove_labelled(dom, &measures, lexicon, &page, discussion, &mut removals);
    let measures = Measures::of(dom);
    hints::remove_hinted(
        dom,
        &measures,
        lexicon,
        &holds_title,
        title_node,
        discussion,
        &mut removals,
    );
    boilerplate::remove_boilerplate(dom, &holds_title, &mut removals);
    removals
}
