//! Lines sites print inside the article that are not part of it — news-ID lines, photo
//! credits, "continued" and "end of message" markers, editorial disclaimers — found by the
//! phrases in the language files ([`is_boilerplate`]) and removed and reported. Source and
//! sign-off lines ("المصدر: ...") are the article's own and stay.

use super::labels::holds;
use super::removal;
use crate::dom::{is_block_tag, Dom, Measures, NodeId};
use crate::lang::is_boilerplate;
use crate::{Removal, RemovalKind, RemovalRule};

/// Longest line read, in characters.
const MAX_LINE_CHARS: u32 = 300;

/// Removes boilerplate lines, appending to `out`.
pub(crate) fn remove_boilerplate(dom: &mut Dom, holds_title: &[bool], out: &mut Vec<Removal>) {
    let m = Measures::of(dom);
    let end = dom.len();
    dom.walk_live(1, end, |dom, id| {
        if !is_line(dom, &m, id) || holds(holds_title, id) {
            return false;
        }
        if !is_boilerplate(&dom.text(id)) {
            return true; // A line: nothing inside it is a line of its own.
        }
        dom.remove(id);
        out.push(removal(
            dom,
            RemovalKind::Boilerplate,
            RemovalRule::BoilerplateLine,
            None,
            &[id],
        ));
        true
    });
}

/// A short element of text with no block inside: a paragraph, a caption, a credit.
fn is_line(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let tag = dom.tag(id);
    let chars = m.chars(id);
    matches!(
        tag,
        "p" | "div"
            | "span"
            | "small"
            | "em"
            | "i"
            | "strong"
            | "b"
            | "figcaption"
            | "cite"
            | "h5"
            | "h6"
    ) && chars > 0
        && chars <= MAX_LINE_CHARS
        && m.link_density(id) < 0.5
        && dom.subtree_end(id) - id <= 40
        && dom.live_descendants(id).all(|d| !is_block_tag(dom.tag(d)))
}
