//! Lists that conditional cleaning keeps although most of their text is links.

use crate::dom::{Dom, Measures, NodeId};

/// Each item of a list of sentences has at least this many characters outside its links.
const SENTENCE_ITEM_CHARS: u32 = 15;

/// Whether every item of a list (two or more) is a sentence that reads on after its links:
/// "[Load data](...) into the warehouse using files or streams." A manual's overview lists its
/// topics so; a list of other pages' headlines has nothing after each link.
pub(super) fn is_sentence_list(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let items: Vec<NodeId> = dom
        .live_children(id)
        .filter(|&c| dom.tag(c) == "li" && m.chars(c) > 0)
        .collect();
    items.len() >= 2
        && items.iter().all(|&li| {
            let c = m.at(li);
            c.chars.saturating_sub(c.link_chars) >= SENTENCE_ITEM_CHARS
                && super::conditional::ends_sentence(dom.text(li).trim_end())
        })
}
