//! The evidence shared by the passes that tell another article from the page's own: what the
//! page is about, and whether a body echoes its own headline's words or the page's.

use std::collections::HashSet;

use super::PREVIEW_CHARS;
use crate::lang::normalize::words;
use crate::lang::topic::Topic;
use crate::metadata::title::{similarity, SAME_TITLE};
use crate::text::truncate_words;
use crate::{Removal, RemovalKind, RemovalRule};

/// A headline's length in characters...
pub(crate) const HEADLINE_CHARS: std::ops::RangeInclusive<u32> = 10..=220;
/// ... and in words.
pub(crate) const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 3..=35;
/// The body echoes its headline when this share of the headline's words is found there...
const ECHO: f64 = 0.3;
/// ... and by at least this much more than the page's own headline's words.
const ECHO_MARGIN: f64 = 0.15;

/// What the page is about, for telling its article from others.
pub(crate) struct Page<'a> {
    /// The content words of the page's headline.
    pub topic: Topic,
    /// The folded words of the page's headline.
    pub title_words: Vec<String>,
    /// `holds_title[id]`: `id` holds the page's headline element.
    pub holds_title: &'a [bool],
    /// Labelled headings that recur as the article's own section headings (folded; see
    /// [`super::labels::section_headings`]): not labels here.
    pub sections: &'a HashSet<String>,
}

impl Page<'_> {
    /// Whether `headline` is the page's own headline printed again.
    pub(crate) fn is_own_headline(&self, headline: &str) -> bool {
        similarity(&words(headline), &self.title_words) >= SAME_TITLE
    }
}

/// Points for what a body under `headline` is about: +2 when it echoes the headline's words
/// clearly more than the page's, -2 when it echoes the page's more, 0 otherwise.
pub(crate) fn topic_points(page: &Page<'_>, headline: &str, body: &Topic) -> i32 {
    let echo_headline = Topic::of(headline).echoed_in(body);
    let echo_page = page.topic.echoed_in(body);
    if echo_headline >= ECHO && echo_headline >= echo_page + ECHO_MARGIN {
        2
    } else if echo_page > echo_headline {
        -2
    } else {
        0
    }
}

/// The report of one other article: the rule that found it, its label, and its headline as the
/// preview.
pub(crate) fn other_article_removal(
    rule: RemovalRule,
    label: Option<String>,
    headline: &str,
) -> Removal {
    Removal::new(
        RemovalKind::OtherArticle,
        rule,
        label,
        truncate_words(headline, PREVIEW_CHARS),
    )
}
