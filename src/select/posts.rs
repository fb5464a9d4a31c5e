//! A forum thread's posts: forum engines give each post an element numbered after it
//! (`id="post-1234"`, `id="p1234"`, `id="js-post-1234"`, `id="Comment_1234"`,
//! `id="post_message_1234"`), one per post, wherever the templates nest them. On a thread page
//! the article is every post, not the best-scored one: the selection widens to the smallest
//! block holding it and all the posts.

use super::Selection;
use crate::dom::{Dom, Measures, NodeId};

/// A thread shows at least this many numbered posts.
const MIN_POSTS: usize = 2;
/// A post's number has at least this many digits (a list item's `item-1` is not a post).
const MIN_NUMBER_DIGITS: usize = 3;
/// The block holding the selection and the posts is taken whole when its text is at most this
/// multiple of theirs (what it adds, the thread's header and pager, is cleaned later);
/// otherwise the selection and the posts are taken one by one.
const SPREAD: f64 = 2.0;
/// Tags a post's element has.
const POST_TAGS: &[&str] = &[
    "div", "article", "section", "li", "table", "tbody", "tr", "td",
];

/// The selection widened to the thread's posts, when the page shows at least [`MIN_POSTS`]
/// numbered ones that the selection does not already hold.
/// The thread's headline (`title`), when it comes before the posts, is taken with them: the
/// opening post printed between it and the replies is part of the thread.
pub(crate) fn widen(
    dom: &Dom,
    m: &Measures,
    selection: Selection,
    title: Option<NodeId>,
) -> Selection {
    let Some(posts) = thread_posts(dom, m) else {
        return selection;
    };
    let title = title.filter(|&t| posts.first().is_some_and(|&p| t < p));
    let inside_roots = |x: NodeId| selection.roots.iter().any(|&r| dom.is_inside(x, r));
    if posts.iter().chain(&title).all(|&p| inside_roots(p)) {
        return Selection { posts, ..selection };
    }
    // The selection's blocks, the headline and the posts, each once, none inside another.
    let mut blocks: Vec<NodeId> = selection
        .roots
        .iter()
        .chain(&title)
        .chain(&posts)
        .copied()
        .collect();
    blocks.sort_unstable();
    blocks.dedup();
    let all = blocks.clone();
    blocks.retain(|&b| !all.iter().any(|&o| o != b && dom.is_inside(b, o)));
    let text: u32 = blocks.iter().map(|&b| m.chars(b)).sum();
    let (Some(&first), Some(end)) = (
        blocks.first(),
        blocks.iter().map(|&b| dom.subtree_end(b)).max(),
    ) else {
        return selection;
    };
    let container = std::iter::once(first)
        .chain(dom.ancestors(first))
        .find(|&a| dom.subtree_end(a) >= end);
    let roots = match container {
        Some(c) if f64::from(m.chars(c)) <= SPREAD * f64::from(text) => vec![c],
        _ => blocks,
    };
    Selection {
        roots,
        posts,
        ..selection
    }
}

/// The outermost numbered posts of the page's thread: of the elements whose ids share one
/// pattern (the id with its numbers left out), the group with the most text.
fn thread_posts(dom: &Dom, m: &Measures) -> Option<Vec<NodeId>> {
    let mut groups: Vec<(String, Vec<NodeId>, u32)> = Vec::new();
    for id in dom.live_descendants(0) {
        if !dom.is_element(id) || !POST_TAGS.contains(&dom.tag(id)) || m.chars(id) == 0 {
            continue;
        }
        let Some(key) = dom.attr(id, "id").and_then(post_key) else {
            continue;
        };
        match groups.iter_mut().find(|(k, ..)| *k == key) {
            Some((_, members, text)) => {
                // Only the outermost: a post's inner element may repeat its number.
                if members.last().is_none_or(|&l| id >= dom.subtree_end(l)) {
                    members.push(id);
                    *text += m.chars(id);
                }
            }
            None => groups.push((key, vec![id], m.chars(id))),
        }
    }
    groups
        .into_iter()
        .filter(|(_, members, _)| members.len() >= MIN_POSTS)
        .max_by_key(|&(_, _, text)| text)
        .map(|(_, members, _)| members)
}

/// An id's pattern with its numbers left out (`post-1234` → `post-#`), when it holds a
/// number of at least [`MIN_NUMBER_DIGITS`] digits.
fn post_key(id: &str) -> Option<String> {
    let mut key = String::with_capacity(id.len());
    let (mut run, mut longest) = (0usize, 0usize);
    for c in id.trim().chars() {
        if c.is_ascii_digit() {
            if run == 0 {
                key.push('#');
            }
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
            key.push(c.to_ascii_lowercase());
        }
    }
    (longest >= MIN_NUMBER_DIGITS).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::post_key;

    #[test]
    fn numbered_ids_share_a_pattern() {
        assert_eq!(post_key("post-1234").as_deref(), Some("post-#"));
        assert_eq!(post_key("js-post-99881").as_deref(), Some("js-post-#"));
        assert_eq!(post_key("p1234").as_deref(), Some("p#"));
        assert_eq!(post_key("item-1"), None);
        assert_eq!(post_key("main"), None);
    }
}
