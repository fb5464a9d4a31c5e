//! Lines inside the chosen article that are the page's furniture, not its text: the headline
//! written again, a dateline, a byline, a row of links, the site's rights line.

use crate::dom::{is_heading, Dom, Measures, NodeId};
use crate::lang::normalize::words;
use crate::metadata::title::{similarity, SAME_TITLE};

/// Bylines are short.
const BYLINE_MAX_CHARS: u32 = 150;

/// The page's headline written again at the top of the body (as a heading or any short block).
pub(super) fn repeats_title(dom: &Dom, m: &Measures, id: NodeId, title_words: &[String]) -> bool {
    let tag = dom.tag(id);
    let short = m.chars(id) as usize
        <= title_words
            .iter()
            .map(|w| w.chars().count() + 1)
            .sum::<usize>()
            * 13
            / 10
            + 10;
    if !short || !(is_heading(tag) || matches!(tag, "p" | "div" | "span" | "strong" | "b")) {
        return false;
    }
    let needed = if is_heading(tag) {
        SAME_TITLE
    } else {
        REPEATED_TITLE
    };
    similarity(&words(&dom.text(id)), title_words) >= needed
}

/// How alike a non-heading block must be to the title to count as the title repeated.
const REPEATED_TITLE: f64 = 0.9;
/// A dateline is short.
const DATELINE_MAX_CHARS: u32 = 80;

/// A short line that is only a date and time ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00").
pub(super) fn is_dateline(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let chars = m.chars(id);
    if chars == 0
        || chars > DATELINE_MAX_CHARS
        || !matches!(dom.tag(id), "p" | "div" | "span" | "time")
    {
        return false;
    }
    let text = dom.text(id);
    text.split_whitespace().count() <= 10 && crate::metadata::dates::normalize(&text).is_some()
}

/// A short line made of several links: breadcrumbs, "more in" rows.
pub(super) fn is_link_line(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let c = m.at(id);
    matches!(dom.tag(id), "p" | "div" | "span" | "nav")
        && c.links >= 2
        && c.chars < LINK_LINE_MAX_CHARS
        && m.link_density(id) >= LINK_LINE_SHARE
}

/// A short line claiming the page's rights: "© 2024 ...", "All rights reserved".
pub(super) fn is_rights_line(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    if m.chars(id) > RIGHTS_MAX_CHARS || !matches!(dom.tag(id), "p" | "div" | "span" | "small") {
        return false;
    }
    let text = dom.text(id);
    // A photo's credit that goes on into its caption ("© Agency. The minister, left, ...") is
    // the caption, not the site's rights line.
    let caption = || {
        m.at(id).images > 0
            || dom
                .ancestors(id)
                .take(4)
                .any(|a| matches!(dom.tag(a), "figure" | "figcaption"))
    };
    if text.contains('©') && (text.split_whitespace().count() <= RIGHTS_LINE_WORDS || !caption()) {
        return true;
    }
    // Every phrase holds "right", "droit" or the letter ح (marks may follow it): most lines are
    // not folded and searched.
    let says = |word: &[u8]| crate::text::contains_ignore_ascii_case(text.as_bytes(), word);
    if !(says(b"right") || says(b"droit") || text.contains('ح')) {
        return false;
    }
    let folded = crate::lang::normalize::fold(&text);
    RIGHTS_PHRASES.iter().any(|p| folded.contains(p))
}

/// Longest link line, in characters.
const LINK_LINE_MAX_CHARS: u32 = 200;
/// Share of a link line's text inside links.
const LINK_LINE_SHARE: f64 = 0.7;
/// Longest rights line, in characters.
const RIGHTS_MAX_CHARS: u32 = 300;
/// Most words of a photo's caption that is a rights line by its `©` alone.
const RIGHTS_LINE_WORDS: usize = 20;
/// Rights phrases, folded (see [`crate::lang::normalize::fold`]).
const RIGHTS_PHRASES: &[&str] = &[
    "all rights reserved",
    "copyright",
    "جميع الحقوق محفوظه",
    "حقوق النشر محفوظه",
    "تمامی حقوق",
    "tous droits reserves",
];

/// A short block that the page marks as its byline (see [`crate::metadata::byline::is_marked`]).
pub(super) fn is_byline(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    if m.chars(id) > BYLINE_MAX_CHARS || dom.tag(id) == "a" {
        return false;
    }
    crate::metadata::byline::is_marked(dom, id)
}
