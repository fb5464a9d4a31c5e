//! Blocks found by class/id hints: `related-posts`, `read-also`, `most-read`, `share-buttons`,
//! `post-tags`, `comments`, `newsletter`, `ad-slot`, and common Arabic transliterations.

use super::labels::holds;
use super::removal;
use crate::dom::{is_heading, Dom, Fragment, Measures, NodeId};
use crate::lang::normalize::fold;
use crate::lang::Lexicon;
use crate::{Removal, RemovalKind, RemovalRule};

/// Hint fragments, matched as substrings of `-class-id-` with `_` and spaces read as `-`.
/// Strong hints name related content; weak ones name furniture that may wrap real text.
const HINTS: &[(&str, RemovalKind, Strength)] = &[
    ("read-also", RemovalKind::ReadAlso, Strength::Strong),
    ("readalso", RemovalKind::ReadAlso, Strength::Strong),
    ("also-read", RemovalKind::ReadAlso, Strength::Strong),
    ("alsoread", RemovalKind::ReadAlso, Strength::Strong),
    ("see-also", RemovalKind::ReadAlso, Strength::Strong),
    ("eqraa", RemovalKind::ReadAlso, Strength::Strong),
    ("iqraa", RemovalKind::ReadAlso, Strength::Strong),
    ("aqraa", RemovalKind::ReadAlso, Strength::Strong),
    ("ekraa", RemovalKind::ReadAlso, Strength::Strong),
    ("related", RemovalKind::Related, Strength::Strong),
    ("similar", RemovalKind::Related, Strength::Strong),
    ("mshabh", RemovalKind::Related, Strength::Strong),
    ("moshabh", RemovalKind::Related, Strength::Strong),
    ("mushabah", RemovalKind::Related, Strength::Strong),
    ("zat-sela", RemovalKind::Related, Strength::Strong),
    ("dhat-sila", RemovalKind::Related, Strength::Strong),
    ("more-news", RemovalKind::Related, Strength::Strong),
    ("morenews", RemovalKind::Related, Strength::Strong),
    ("more-stories", RemovalKind::Related, Strength::Strong),
    ("more-articles", RemovalKind::Related, Strength::Strong),
    ("outbrain", RemovalKind::Recommended, Strength::Strong),
    ("taboola", RemovalKind::Recommended, Strength::Strong),
    ("recommend", RemovalKind::Recommended, Strength::Strong),
    ("most-read", RemovalKind::MostRead, Strength::Strong),
    ("mostread", RemovalKind::MostRead, Strength::Strong),
    ("most-viewed", RemovalKind::MostRead, Strength::Strong),
    ("mostviewed", RemovalKind::MostRead, Strength::Strong),
    ("most-popular", RemovalKind::MostRead, Strength::Strong),
    ("popular-posts", RemovalKind::MostRead, Strength::Strong),
    ("akthar", RemovalKind::MostRead, Strength::Strong),
    ("aktar", RemovalKind::MostRead, Strength::Strong),
    ("trending", RemovalKind::MostRead, Strength::Strong),
    ("share", RemovalKind::Share, Strength::Weak),
    ("sharing", RemovalKind::Share, Strength::Weak),
    ("social", RemovalKind::Share, Strength::Weak),
    ("addthis", RemovalKind::Share, Strength::Weak),
    ("moshark", RemovalKind::Share, Strength::Weak),
    ("follow-us", RemovalKind::FollowUs, Strength::Weak),
    ("followus", RemovalKind::FollowUs, Strength::Weak),
    ("tabeona", RemovalKind::FollowUs, Strength::Weak),
    ("-tags-", RemovalKind::Tags, Strength::Weak),
    ("post-tags", RemovalKind::Tags, Strength::Weak),
    ("tag-list", RemovalKind::Tags, Strength::Weak),
    ("taglist", RemovalKind::Tags, Strength::Weak),
    ("tag-cloud", RemovalKind::Tags, Strength::Weak),
    ("tagcloud", RemovalKind::Tags, Strength::Weak),
    ("keywords", RemovalKind::Tags, Strength::Weak),
    ("wasom", RemovalKind::Tags, Strength::Weak),
    ("wusum", RemovalKind::Tags, Strength::Weak),
    ("comment", RemovalKind::Comments, Strength::Weak),
    ("disqus", RemovalKind::Comments, Strength::Weak),
    ("taaliq", RemovalKind::Comments, Strength::Weak),
    ("ta3liq", RemovalKind::Comments, Strength::Weak),
    ("newsletter", RemovalKind::Newsletter, Strength::Weak),
    ("subscribe", RemovalKind::Newsletter, Strength::Weak),
    ("nashra", RemovalKind::Newsletter, Strength::Weak),
    ("-ad-", RemovalKind::Ad, Strength::Weak),
    ("-ads-", RemovalKind::Ad, Strength::Weak),
    ("ad-slot", RemovalKind::Ad, Strength::Weak),
    ("adslot", RemovalKind::Ad, Strength::Weak),
    ("adsbygoogle", RemovalKind::Ad, Strength::Weak),
    ("advert", RemovalKind::Ad, Strength::Weak),
    ("sponsor", RemovalKind::Ad, Strength::Weak),
    ("e3lan", RemovalKind::Ad, Strength::Weak),
    ("iilan", RemovalKind::Ad, Strength::Weak),
];

/// How much a hint is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Names related content outright: the block goes unless it holds the page's headline.
    Strong,
    /// Names furniture: the block goes only when it is link-heavy or short.
    Weak,
}

/// A weakly hinted block goes when links hold at least this share of its text...
const WEAK_LINK_SHARE: f64 = 0.3;
/// ... or when it has less text than this.
const WEAK_MAX_CHARS: u32 = 300;

/// Removes blocks whose class or id names related content or page furniture; on a
/// `discussion` page, comment blocks are its posts and stay.
pub(crate) fn remove_hinted(
    dom: &mut Dom,
    m: &Measures,
    lexicon: &Lexicon,
    holds_title: &[bool],
    title_node: Option<NodeId>,
    discussion: bool,
    out: &mut Vec<Removal>,
) {
    let end = dom.len();
    let fragments: Vec<_> = HINTS.iter().map(|(text, ..)| Fragment::new(text)).collect();
    let region = article_region(dom, title_node);
    dom.walk_live(1, end, |dom, id| {
        let in_article = region.is_some_and(|(from, to)| (from..to).contains(&id));
        // Code is printed as written: a highlighter's classes ("token comment", "hljs-meta")
        // name the code's own parts.
        if matches!(dom.tag(id), "pre" | "code") {
            return true;
        }
        if !dom.is_element(id)
            || holds(holds_title, id)
            || matches!(
                dom.tag(id),
                "html" | "body" | "main" | "article" | "#root" | "a"
            )
        {
            return false;
        }
        let Some(&(_, kind, strength)) = dom.first_hint(id, &fragments).and_then(|i| HINTS.get(i))
        else {
            return false;
        };
        if discussion && kind == RemovalKind::Comments {
            return false;
        }
        let chars = m.chars(id);
        // Prose of the page's article needs a label or a structural reason to go, not a class:
        // sites wrap a lead paragraph in "share" or "summary-social" wrappers.
        if kind != RemovalKind::Comments && in_article && is_prose(dom, m, id) {
            return false;
        }
        let goes = strength == Strength::Strong
            || m.link_density(id) >= WEAK_LINK_SHARE
            || chars < WEAK_MAX_CHARS
            || m.at(id).paragraphs == 0 && m.at(id).inputs > 0
            || kind == RemovalKind::Comments
                && holds_numbered_comments(dom, id)
                && follows_article(dom, title_node, id);
        if !goes {
            return false;
        }
        dom.remove(id);
        if chars > 0 {
            out.push(removal(dom, kind, RemovalRule::ClassHint, None, &[id]));
        }
        if kind == RemovalKind::Comments {
            remove_comments_preamble(dom, m, lexicon, holds_title, id, out);
        }
        true
    });
}

/// A comments section holds at least this many numbered comments.
const NUMBERED_COMMENTS: usize = 2;

/// Whether a block holds the readers' comments one by one, each marked with its own number
/// (`id="comment-1234"`, `name="comment_1234"`, `id="div-comment-1234"`: what blog engines and
/// comment plugins write for a permalink to one comment), and no page headline of its own. Such
/// a section goes however long the comments are.
fn holds_numbered_comments(dom: &Dom, id: NodeId) -> bool {
    let mut numbered = 0;
    for d in dom.live_descendants(id).take(20_000) {
        if dom.tag(d) == "h1" {
            return false;
        }
        if numbered < NUMBERED_COMMENTS
            && ["id", "name"]
                .iter()
                .any(|a| dom.attr(d, a).is_some_and(is_numbered_comment))
        {
            numbered += 1;
        }
    }
    numbered >= NUMBERED_COMMENTS
}

/// An article printed before a block has at least this many characters.
const ARTICLE_BEFORE_CHARS: usize = 500;

/// Whether `id` comes after the page's headline and a body of text: the article the comments
/// are about. (On a forum's thread page the posts themselves follow the headline at once.)
fn follows_article(dom: &Dom, title_node: Option<NodeId>, id: NodeId) -> bool {
    match title_node {
        Some(t) => {
            let from = dom.subtree_end(t);
            from <= id && dom.text_chars_between(from, id) >= ARTICLE_BEFORE_CHARS
        }
        // Without a known headline, the page's text before the block must hold the header and
        // an article.
        None => dom.text_chars_between(0, id) >= 4 * ARTICLE_BEFORE_CHARS,
    }
}

/// `comment-1234`, `div-comment-1234`, `comment_1234`, `comment1234`.
fn is_numbered_comment(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    lower.rfind("comment").is_some_and(|at| {
        let number = lower
            .get(at + "comment".len()..)
            .unwrap_or("")
            .trim_start_matches(['-', '_']);
        !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
    })
}

/// How many levels above the page's headline its article's container is looked for.
const REGION_LEVELS: usize = 3;
/// Prose has at least this many characters...
const PROSE_CHARS: u32 = 80;
/// ... and words.
const PROSE_WORDS: usize = 12;

/// The ids after the page's headline inside its container: where the article's prose is.
fn article_region(dom: &Dom, title_node: Option<NodeId>) -> Option<(NodeId, NodeId)> {
    let t = title_node?;
    let container = dom
        .ancestors(t)
        .take_while(|&a| !matches!(dom.tag(a), "body" | "html" | "#root"))
        .take(REGION_LEVELS)
        .last()
        .unwrap_or(t);
    Some((dom.subtree_end(t), dom.subtree_end(container)))
}

/// Whether a block reads as a paragraph or two of running text: sentences, almost no links,
/// no form, no headline of its own.
fn is_prose(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let c = m.at(id);
    if c.chars < PROSE_CHARS || c.inputs > 0 || c.paragraphs > 2 || c.items > 0 {
        return false;
    }
    if m.link_density(id) >= 0.1
        || dom
            .live_descendants(id)
            .take(200)
            .any(|d| is_heading(dom.tag(d)))
    {
        return false;
    }
    let text = dom.text_prefix(id, 600);
    text.split_whitespace().count() >= PROSE_WORDS && text.contains(['.', '،', ',', '؟', '!', '؛'])
}

/// Longest comment-policy notice, in characters.
const PREAMBLE_MAX_CHARS: u32 = 600;

/// Removes the notice written just before a comments section ("comments are moderated; the
/// opinions below are the readers' own"): the previous block, when it is short and speaks of
/// comments.
fn remove_comments_preamble(
    dom: &mut Dom,
    m: &Measures,
    lexicon: &Lexicon,
    holds_title: &[bool],
    comments: NodeId,
    out: &mut Vec<Removal>,
) {
    let Some(parent) = dom.parent(comments) else {
        return;
    };
    let previous = dom
        .live_children(parent)
        .take_while(|&c| c != comments)
        .filter(|&c| dom.is_element(c) && m.chars(c) > 0)
        .last();
    let Some(p) = previous else { return };
    // A notice is one short block; the article (its headline, its paragraphs) never is one.
    if m.chars(p) > PREAMBLE_MAX_CHARS || dom.subtree_end(p) - p > 100 || holds(holds_title, p) {
        return;
    }
    let folded = fold(&dom.text(p));
    if lexicon.mentions(&folded, RemovalKind::Comments) {
        dom.remove(p);
        out.push(removal(
            dom,
            RemovalKind::Comments,
            RemovalRule::CommentsNotice,
            None,
            &[p],
        ));
    }
}
