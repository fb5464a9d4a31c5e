//! The author line: from the page's metadata, else from an element marked as a byline.

use crate::dom::{Dom, NodeId};

/// Class/id fragments of author elements.
const AUTHOR_HINTS: &[&str] = &["byline", "author", "writer", "kateb", "katib"];
/// Class/id fragments of the line of author and date above or below an article.
const META_LINE_HINTS: &[&str] = &[
    "dateline",
    "timestamp",
    "post-meta",
    "entry-meta",
    "article-meta",
];

/// Whether an element names the author: `rel="author"`, `itemprop="author"` or an author
/// class or id.
fn names_author(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "rel").is_some_and(|r| r == "author")
        || dom
            .attr(id, "itemprop")
            .is_some_and(|p| p.contains("author"))
        || AUTHOR_HINTS.iter().any(|h| dom.hints_contain(id, h))
}

/// Whether an element is an author or date line (kept out of the article text).
pub(crate) fn is_marked(dom: &Dom, id: NodeId) -> bool {
    names_author(dom, id) || META_LINE_HINTS.iter().any(|h| dom.hints_contain(id, h))
}

/// A byline written in the page: `rel="author"`, `itemprop="author"` or a byline class, with a
/// short text.
pub(crate) fn find(dom: &Dom) -> Option<String> {
    (0..dom.len()).find_map(|id: NodeId| {
        if dom.is_removed(id) || !dom.is_element(id) || dom.subtree_end(id) - id > 30 {
            return None;
        }
        if !names_author(dom, id) {
            return None;
        }
        let t = clean(&dom.text(id));
        let n = t.chars().count();
        (3..=100).contains(&n).then_some(t)
    })
}

/// Words that introduce an author's name ("بقلم:", "By").
const BYLINE_LEADS: &[&str] = &[
    "by",
    "par",
    "von",
    "بقلم",
    "كتب",
    "كتبت",
    "إعداد",
    "تحرير",
    "نویسنده",
    "به قلم",
    "نوشته",
];

/// A byline without its lead word: "بقلم: لينا الحوراني" → "لينا الحوراني".
pub(crate) fn clean(raw: &str) -> String {
    let t = raw.trim();
    for lead in BYLINE_LEADS {
        let Some(head) = t.get(..lead.len()) else {
            continue;
        };
        if head.eq_ignore_ascii_case(lead) {
            let rest = t.get(lead.len()..).unwrap_or("");
            if rest.starts_with([':', ' ', '\u{a0}', '：']) {
                let name = rest.trim_start_matches([':', ' ', '\u{a0}', '：', '-', '–']);
                if !name.is_empty() {
                    return name.trim().to_string();
                }
            }
        }
    }
    t.to_string()
}
