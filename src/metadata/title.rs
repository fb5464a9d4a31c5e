//! The page's own headline: the anchor that tells the article from teasers.

use super::Metadata;
use crate::lang::normalize::{word_overlap, words};

/// Separators between a headline and the site name in `<title>`.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " / ", " · ", " :", " ::",
];

/// How much two titles must share (both ways) to be the same headline.
pub(crate) const SAME_TITLE: f64 = 0.75;

/// Picks the headline: JSON-LD `headline`, then `og:title`/`twitter:title`, then the `<h1>` that
/// matches `<title>`, then `<title>` without its site-name part.
pub(crate) fn choose(meta: &Metadata) -> String {
    let doc_title = meta.doc_title.as_deref().unwrap_or("");
    // JSON-LD first, when the page's other titles agree with it: some sites put a
    // description in `headline` ("Wikimedia list article").
    let others: Vec<Vec<String>> = [meta.og_title.as_deref(), Some(doc_title)]
        .into_iter()
        .flatten()
        .chain(meta.h1s.iter().map(String::as_str))
        .filter(|t| !t.is_empty())
        .map(words)
        .collect();
    if let Some(h) = meta.json_ld_headline.as_deref().filter(|h| !h.is_empty()) {
        let hw = words(h);
        if others.is_empty() || others.iter().any(|o| word_overlap(&hw, o) >= SAME_TITLE) {
            return h.to_string();
        }
    }
    if let Some(og) = meta.og_title.as_deref().filter(|t| !t.is_empty()) {
        return strip_site(og, meta.site_name.as_deref());
    }
    let title_words = words(doc_title);
    if let Some(h1) = meta
        .h1s
        .iter()
        .find(|h| word_overlap(&words(h), &title_words) >= SAME_TITLE)
    {
        return h1.clone();
    }
    if !doc_title.is_empty() {
        return strip_site(doc_title, meta.site_name.as_deref());
    }
    meta.h1s.first().cloned().unwrap_or_default()
}

/// Removes a site-name part from a title: the known site name, else the shorter side of the
/// last separator when the remaining headline keeps at least three words.
pub(crate) fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    for sep in SEPARATORS {
        let Some((left, right)) = title.rsplit_once(sep) else {
            continue;
        };
        let (left, right) = (left.trim(), right.trim());
        if let Some(site) = site {
            let site_words = words(site);
            if word_overlap(&words(right), &site_words) >= SAME_TITLE {
                return left.to_string();
            }
            if word_overlap(&words(left), &site_words) >= SAME_TITLE {
                return right.to_string();
            }
        }
        let (head, tail) = if left.chars().count() >= right.chars().count() {
            (left, right)
        } else {
            (right, left)
        };
        if words(head).len() >= 3 && words(tail).len() <= 6 {
            return head.to_string();
        }
    }
    title.to_string()
}

/// Similarity of two headlines in 0..=1: the smaller of the two word overlaps.
pub(crate) fn similarity(a: &[String], b: &[String]) -> f64 {
    word_overlap(a, b).min(word_overlap(b, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_site_part() {
        assert_eq!(
            strip_site("الطباطبائي يؤكد ضرورة بقاء القوات - شبكة أخبار", None),
            "الطباطبائي يؤكد ضرورة بقاء القوات"
        );
        assert_eq!(
            strip_site("BBC News | Storm hits the northern coast", Some("BBC News")),
            "Storm hits the northern coast"
        );
        assert_eq!(strip_site("Short - title", None), "Short - title");
    }

    #[test]
    fn prefers_the_h1_that_matches_the_title() {
        let m = Metadata {
            doc_title: Some("وزير الصحة يفتتح مستشفى جديدا في البصرة | موقع".into()),
            h1s: vec![
                "أخبار".into(),
                "وزير الصحة يفتتح مستشفى جديدا في البصرة".into(),
            ],
            ..Metadata::default()
        };
        assert_eq!(choose(&m), "وزير الصحة يفتتح مستشفى جديدا في البصرة");
    }
}
