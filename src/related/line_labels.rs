//! Read-also labels on a container's lines (see [`super::lines`]): a label alone on its line, a
//! label closing a paragraph ("... said the minister. اقرأ أيضاً:"), or a label opening a line
//! whose rest is the other article's headline link.

use super::evidence::HEADLINE_WORDS;
use super::labels::{LINE_LINK_SHARE, MAX_LABEL_CHARS};
use super::lines::Line;
use super::other_article::remove_line;
use crate::dom::{Dom, NodeId};
use crate::lang::normalize::fold;
use crate::lang::Lexicon;
use crate::RemovalKind;

/// Longest line that may hold a label and a headline link.
const MAX_HEADLINE_LINE_CHARS: u32 = 300;
/// How much of a label-ending paragraph's last text is read for the label.
const SUFFIX_CHARS: usize = 60;
/// Nodes read back from a paragraph's end to find its last text.
const LAST_TEXT_NODES: usize = 200;

/// Where a label was found.
pub(crate) enum LabelAt {
    /// The whole line is the label.
    Line,
    /// The label ends this text node (the last of a paragraph) and takes this many words.
    EndOf(NodeId, usize),
    /// The label opens a line whose rest is the other article's headline link
    /// ("اقرأ أيضاً: <a>...</a>"), and this is the headline.
    WithHeadline(String),
}

/// A label found on a line.
pub(crate) struct Found {
    pub kind: RemovalKind,
    pub text: String,
    pub at: LabelAt,
}

/// Kinds of label a whole other article may follow.
pub(crate) fn heads_teasers(kind: RemovalKind) -> bool {
    matches!(kind, RemovalKind::ReadAlso | RemovalKind::OtherArticle)
}

/// The label of a line: the whole line, or the end of a paragraph.
pub(crate) fn find_label(dom: &Dom, lexicon: &Lexicon, line: &Line) -> Option<Found> {
    if line.chars == 0 {
        return None;
    }
    if line.links > 0 && line.chars <= MAX_HEADLINE_LINE_CHARS {
        return label_with_headline(dom, lexicon, line);
    }
    if line.chars <= MAX_LABEL_CHARS {
        let text = line.text(dom);
        let folded = fold(&text);
        if !lexicon.may_open(&folded) {
            return None;
        }
        let kind = lexicon.label(&folded)?;
        // A teaser follows a label written alone; "Recommended configuration:" heads a list.
        let exact = lexicon
            .prefix(&folded)
            .is_some_and(|(_, n)| n == folded.split(' ').count());
        let kind = if exact || !heads_teasers(kind) {
            kind
        } else {
            RemovalKind::Related
        };
        return Some(Found {
            kind,
            text: text.trim().to_string(),
            at: LabelAt::Line,
        });
    }
    if line.link_density() >= 0.5 {
        return None;
    }
    // The last text of a paragraph.
    let last = line
        .nodes
        .iter()
        .rev()
        .flat_map(|&n| {
            let end = dom.subtree_end(n);
            (n..end).rev()
        })
        .take(LAST_TEXT_NODES)
        .find(|&d| dom.text_of(d).is_some_and(|t| !t.trim().is_empty()))?;
    let text = dom.text_of(last)?.trim_end();
    let tail_start = text
        .char_indices()
        .rev()
        .nth(SUFFIX_CHARS)
        .map_or(0, |(i, _)| i);
    let (kind, label_words) = lexicon.suffix(&fold(text.get(tail_start..)?))?;
    if !heads_teasers(kind) {
        return None;
    }
    // The label's own words close the paragraph, with at most a colon after them.
    let bare = text.trim_end_matches([':', '：', ' ', '\u{a0}']);
    let written: Vec<&str> = bare.split_whitespace().collect();
    let cut = written.len().checked_sub(label_words)?;
    let tail = written.get(cut..)?.join(" ");
    if fold(&tail).split(' ').count() != label_words || lexicon.label(&fold(&tail)) != Some(kind) {
        return None;
    }
    let written: Vec<&str> = text.split_whitespace().collect();
    let cut = written.len().checked_sub(label_words)?;
    let cut = if written
        .last()
        .is_some_and(|w| w.chars().all(|c| !c.is_alphanumeric()))
    {
        cut.checked_sub(1)?
    } else {
        cut
    };
    let label = written.get(cut..)?.join(" ");
    Some(Found {
        kind,
        text: label,
        at: LabelAt::EndOf(last, written.len() - cut),
    })
}

/// A line that opens with a teaser label and goes on with a headline link.
fn label_with_headline(dom: &Dom, lexicon: &Lexicon, line: &Line) -> Option<Found> {
    let text = line.text(dom);
    let folded = fold(&text);
    let (kind, label_words) = lexicon.prefix(&folded)?;
    if !heads_teasers(kind) {
        return None;
    }
    let written: Vec<&str> = text.split_whitespace().collect();
    let mut cut = label_words.min(written.len());
    // A colon written apart ("اقرأ أيضاً : ...") belongs to the label.
    if written
        .get(cut)
        .is_some_and(|w| w.chars().all(|c| !c.is_alphanumeric()))
    {
        cut += 1;
    }
    let label = written.get(..cut)?.join(" ");
    let headline = written.get(cut..)?.join(" ");
    let rest = line
        .chars
        .saturating_sub(label.chars().filter(|c| !c.is_whitespace()).count() as u32);
    let linked = rest > 0 && f64::from(line.link_chars) >= LINE_LINK_SHARE * f64::from(rest);
    (linked && HEADLINE_WORDS.contains(&fold(&headline).split(' ').count())).then_some(Found {
        kind,
        text: label,
        at: LabelAt::WithHeadline(headline),
    })
}

/// Removes a label: its line, or its words at the end of a paragraph.
pub(crate) fn cut_label(dom: &mut Dom, line: &Line, found: &Found) {
    match found.at {
        LabelAt::Line | LabelAt::WithHeadline(_) => remove_line(dom, line),
        LabelAt::EndOf(text_node, label_words) => {
            let Some(text) = dom.text_of(text_node).map(str::to_string) else {
                return;
            };
            let written: Vec<&str> = text.split_whitespace().collect();
            let keep = written.len().saturating_sub(label_words);
            let kept = written.get(..keep).unwrap_or(&[]).join(" ");
            let leading = if text.starts_with(char::is_whitespace) {
                " "
            } else {
                ""
            };
            dom.set_text(text_node, &format!("{leading}{kept}"));
        }
    }
}
