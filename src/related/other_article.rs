//! Another article printed flat inside the page's own: a read-also label, then the other
//! article's headline and body as more lines of the same container — sibling `<p>`s, one
//! `<div>` per paragraph, or text split by `<br>`. The label may stand on its own line or end
//! the article's last paragraph; the headline may be a link, a heading, bold or plain text.
//!
//! No single signal says where the page's article ends, so the evidence is weighed:
//! - the lines after the headline echo the headline's words rather than the page's own
//!   headline (after Arabic normalization and clitic stripping, see [`Topic`]);
//! - the line before the label signs the article off ("المصدر: ...", "(رويترز)");
//! - the headline is printed as one (a link, a heading, bold);
//! - a body follows it (several lines of text).
//!
//! When the evidence says "another article", the label, the headline and the body up to the
//! next label, the next teaser headline or the container's end go as one `other-article`
//! removal. Otherwise the article goes on after the label: a one-line teaser (label and
//! headline link) goes and the story after it stays, as sites print "اقرأ أيضاً: <link>"
//! between the paragraphs of one story.

use super::evidence::{other_article_removal, topic_points, Page, HEADLINE_CHARS, HEADLINE_WORDS};
use super::labels::{holds, MAX_LABEL_CHARS};
use super::line_labels::{cut_label, find_label, heads_teasers, Found, LabelAt};
use super::lines::{lines_of, Line};
use super::teaser::leads_elsewhere;
use super::PREVIEW_CHARS;
use crate::dom::{Dom, Measures, NodeId};
use crate::lang::normalize::fold;
use crate::lang::topic::Topic;
use crate::lang::{is_sign_off, Lexicon};
use crate::text::truncate_words;
use crate::{Removal, RemovalRule};

/// A plain-text headline (not a link, heading or bold) is at most this long.
const PLAIN_HEADLINE_CHARS: u32 = 150;
/// A body has at least this many characters.
const BODY_CHARS: u32 = 200;
/// Points of evidence that make the lines another article.
const OTHER_ARTICLE_POINTS: i32 = 3;

/// Finds flat teasers in every container and removes them, appending to `out`.
pub(crate) fn remove_flat_teasers(
    dom: &mut Dom,
    lexicon: &Lexicon,
    page: &Page<'_>,
    out: &mut Vec<Removal>,
) {
    let m = Measures::of(dom);
    let end = dom.len();
    dom.walk_live(1, end, |dom, id| {
        if dom.is_element(id) && dom.children(id).len() >= 3 {
            scan(dom, &m, lexicon, page, id, out);
        }
        false
    });
}

/// What every step of one container's scan reads.
struct Scan<'a> {
    m: &'a Measures,
    lexicon: &'a Lexicon,
    page: &'a Page<'a>,
    /// The container's lines.
    lines: Vec<Line>,
    /// Whether [`SECTION_LINKS`] or more of the lines are a label with a headline link: a
    /// round-up's "Read more: <item>" closing each of its sections, not teasers of other
    /// articles (each of those lines goes alone, the sections stay).
    section_links: bool,
}

/// Label-and-link lines in one container that make them the sections' own (see
/// [`Scan::section_links`]).
const SECTION_LINKS: usize = 3;

/// Looks for labels among a container's lines and handles the teaser after each.
fn scan(
    dom: &mut Dom,
    m: &Measures,
    lexicon: &Lexicon,
    page: &Page<'_>,
    container: NodeId,
    out: &mut Vec<Removal>,
) {
    let lines = lines_of(dom, m, container);
    if lines.len() < 2 {
        return;
    }
    let section_links = lines
        .iter()
        .filter(|l| l.links > 0)
        .filter(|l| {
            find_label(dom, lexicon, l).is_some_and(|f| matches!(f.at, LabelAt::WithHeadline(_)))
        })
        .nth(SECTION_LINKS - 1)
        .is_some();
    let scan = Scan {
        m,
        lexicon,
        page,
        lines,
        section_links,
    };
    let mut i = 0;
    while i < scan.lines.len() {
        let next = handle_line(dom, &scan, i, out);
        i = next.unwrap_or(i + 1);
    }
}

/// Handles line `i` when it holds a label; returns the index of the first line after what
/// was removed.
fn handle_line(dom: &mut Dom, scan: &Scan<'_>, i: usize, out: &mut Vec<Removal>) -> Option<usize> {
    let Scan {
        m,
        lexicon,
        page,
        ref lines,
        section_links,
    } = *scan;
    let line = lines.get(i)?;
    if line.nodes.iter().any(|&n| holds(page.holds_title, n)) {
        return None;
    }
    let found = find_label(dom, lexicon, line)?;
    if matches!(found.at, LabelAt::Line) && page.sections.contains(&fold(&found.text)) {
        return None;
    }
    if !heads_teasers(found.kind) {
        return remove_bare_label(dom, lexicon, line, found, i, out);
    }
    if let LabelAt::WithHeadline(text) = &found.at {
        if section_links {
            return None; // The label stage takes the line alone.
        }
        // The teaser's headline is on the label's line: is its body below?
        let headline = Headline {
            text: text.clone(),
            linked: true,
            shaped: true,
        };
        let run_end = run_end(dom, lexicon, page, lines, i + 1);
        let run = lines.get(i + 1..run_end).unwrap_or(&[]);
        let signed_off = signed_off_before(dom, lines, i);
        if !is_other_article(dom, page, &headline, run, signed_off) {
            return None; // A one-line teaser: the label stage takes the line alone.
        }
        for l in lines.get(i..run_end).unwrap_or(&[]) {
            remove_line(dom, l);
        }
        out.push(other_article_removal(
            RemovalRule::OtherArticle,
            Some(found.text.clone()),
            &headline.text,
        ));
        return Some(next_teasers(dom, scan, run_end, &found.text, out));
    }
    let Some(h) = (i + 1..lines.len()).find(|&j| lines.get(j).is_some_and(|l| l.chars > 0)) else {
        return remove_bare_label(dom, lexicon, line, found, i, out);
    };
    // The headline: the next line with text (images between are the teaser's).
    let headline_line = lines.get(h)?;
    let Some(headline) = headline_of(dom, m, lexicon, headline_line) else {
        return remove_bare_label(dom, lexicon, line, found, i, out);
    };
    let run_end = run_end(dom, lexicon, page, lines, h + 1);
    let run = lines.get(h + 1..run_end).unwrap_or(&[]);
    let signed_off = match found.at {
        LabelAt::Line | LabelAt::WithHeadline(_) => signed_off_before(dom, lines, i),
        LabelAt::EndOf(..) => false,
    };
    if is_other_article(dom, page, &headline, run, signed_off) {
        cut_label(dom, line, &found);
        for l in lines.get(i + 1..run_end).unwrap_or(&[]) {
            remove_line(dom, l);
        }
        out.push(other_article_removal(
            RemovalRule::OtherArticle,
            Some(found.text.clone()),
            &headline.text,
        ));
        return Some(next_teasers(dom, scan, run_end, &found.text, out));
    }
    // The article goes on: only a label with a headline link is a one-line teaser here. A
    // label that is an element of its own is left to the label stage, which also takes the
    // link lists after it.
    if !headline.linked || matches!(found.at, LabelAt::Line) && line.element(dom).is_some() {
        return None;
    }
    cut_label(dom, line, &found);
    for l in lines.get(i + 1..=h).unwrap_or(&[]) {
        remove_line(dom, l);
    }
    out.push(Removal::new(
        found.kind,
        RemovalRule::LabelFlat,
        Some(found.text),
        truncate_words(&headline.text, PREVIEW_CHARS),
    ));
    Some(h + 1)
}

/// After a teaser, the next ones under the same label: a headline and its body, each weighed
/// like the first. Returns the index of the first line that is not a teaser.
fn next_teasers(
    dom: &mut Dom,
    scan: &Scan<'_>,
    mut from: usize,
    label: &str,
    out: &mut Vec<Removal>,
) -> usize {
    let Scan {
        m,
        lexicon,
        page,
        ref lines,
        ..
    } = *scan;
    while let Some(headline) = lines
        .get(from)
        .and_then(|l| headline_of(dom, m, lexicon, l))
    {
        let end = run_end(dom, lexicon, page, lines, from + 1);
        let run = lines.get(from + 1..end).unwrap_or(&[]);
        if !is_other_article(dom, page, &headline, run, false) {
            break;
        }
        for l in lines.get(from..end).unwrap_or(&[]) {
            remove_line(dom, l);
        }
        out.push(other_article_removal(
            RemovalRule::OtherArticle,
            Some(label.to_string()),
            &headline.text,
        ));
        from = end;
    }
    from
}

/// Removes a label that is a line of text among `<br>`s, not an element of its own (the label
/// stage reads elements), when no teaser follows it: a label alone on its line is never the
/// article's text. Returns the next line's index.
fn remove_bare_label(
    dom: &mut Dom,
    lexicon: &Lexicon,
    line: &Line,
    found: Found,
    i: usize,
    out: &mut Vec<Removal>,
) -> Option<usize> {
    if !matches!(found.at, LabelAt::Line) || line.element(dom).is_some() {
        return None;
    }
    // Only a label written alone: "Related to the budget" is a line of text.
    let folded = fold(&found.text);
    if lexicon
        .prefix(&folded)
        .is_none_or(|(_, n)| n != folded.split(' ').count())
    {
        return None;
    }
    remove_line(dom, line);
    out.push(Removal::new(
        found.kind,
        RemovalRule::LabelLine,
        Some(found.text),
        String::new(),
    ));
    Some(i + 1)
}

/// Whether the line before line `i` signs the article off.
fn signed_off_before(dom: &Dom, lines: &[Line], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| lines.get(p))
        .is_some_and(|p| is_sign_off(&p.text(dom)))
}

/// A teaser's headline.
struct Headline {
    text: String,
    /// Printed as a link to another page.
    linked: bool,
    /// Printed as a headline: a link, a heading or bold.
    shaped: bool,
}

/// The line as a headline, when it reads as one.
fn headline_of(dom: &Dom, m: &Measures, lexicon: &Lexicon, line: &Line) -> Option<Headline> {
    if !HEADLINE_CHARS.contains(&line.chars) {
        return None;
    }
    let text = line.text(dom);
    let folded = fold(&text);
    if !HEADLINE_WORDS.contains(&folded.split(' ').count()) || lexicon.label(&folded).is_some() {
        return None;
    }
    let linked = line.links >= 1 && line.link_density() >= 0.8 && links_elsewhere(dom, line);
    let shaped = linked || line.is_heading(dom) || line.is_bold(dom, m);
    let plain_ok =
        line.chars <= PLAIN_HEADLINE_CHARS && !text.ends_with('.') && line.link_density() < 0.2;
    (shaped || plain_ok).then_some(Headline {
        text,
        linked,
        shaped,
    })
}

/// Whether a line's first link leads to another page.
fn links_elsewhere(dom: &Dom, line: &Line) -> bool {
    line.nodes
        .iter()
        .flat_map(|&n| std::iter::once(n).chain(dom.live_descendants(n)))
        .find(|&d| dom.tag(d) == "a")
        .and_then(|a| dom.attr(a, "href"))
        .is_some_and(leads_elsewhere)
}

/// The end (exclusive) of the lines that may be a teaser's body, from `from`: up to the next
/// label, the next headline link, a link list, the page's own headline, or the end.
fn run_end(dom: &Dom, lexicon: &Lexicon, page: &Page<'_>, lines: &[Line], from: usize) -> usize {
    for (k, line) in lines.iter().enumerate().skip(from) {
        if line.nodes.iter().any(|&n| holds(page.holds_title, n)) {
            return k;
        }
        if line.links > 0 && line.link_density() >= 0.5 {
            return k; // The next teaser's headline, or a link list.
        }
        if line.chars > 0 && line.chars <= MAX_LABEL_CHARS && line.links == 0 {
            let folded = fold(&line.text(dom));
            if lexicon.may_open(&folded) && lexicon.label(&folded).is_some() {
                return k;
            }
        }
    }
    lines.len()
}

/// Weighs the evidence that `run`, under `headline`, is another article.
fn is_other_article(
    dom: &Dom,
    page: &Page<'_>,
    headline: &Headline,
    run: &[Line],
    signed_off: bool,
) -> bool {
    let body_chars: u32 = run.iter().map(|l| l.chars).sum();
    if body_chars == 0 {
        return false;
    }
    // The page's own headline printed again is no teaser.
    if page.is_own_headline(&headline.text) {
        return false;
    }
    let mut body = String::new();
    for l in run {
        if body.len() > 8_000 {
            break;
        }
        body.push_str(&l.text(dom));
        body.push(' ');
    }
    let mut points = topic_points(page, &headline.text, &Topic::of(&body));
    points += i32::from(signed_off);
    points += i32::from(headline.shaped);
    points +=
        i32::from(body_chars >= BODY_CHARS && run.iter().filter(|l| l.chars > 0).count() >= 2);
    points >= OTHER_ARTICLE_POINTS
}

/// Removes a line's nodes.
pub(crate) fn remove_line(dom: &mut Dom, line: &Line) {
    for &n in &line.nodes {
        dom.remove(n);
    }
}
