//! The clean stage: drop what can never be article content, then (optionally) unlikely candidates.

use crate::dom::{is_non_content, Dom, Fragment, Measures, NodeId};
use crate::removal::report;
use crate::{Removal, RemovalKind, RemovalRule};

mod hidden;

use hidden::Visibility;

/// ARIA roles of navigation, dialogs and alerts.
const NON_CONTENT_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    "banner",
    "contentinfo",
    "search",
];

/// Class/id fragments of page furniture (matched as substrings of `class` + `id`).
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ad-break",
    "agegate",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "consent",
    "cookie",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "masthead",
    "menu",
    "navbar",
    "newsletter",
    "pager",
    "pagination",
    "popup",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "subscribe",
    "supplemental",
    "toolbar",
    "topbar",
    "yom-remote",
    "outbrain",
    "taboola",
];

/// Fragments of [`UNLIKELY`] that name a discussion's own posts (comments, replies, the
/// community's messages): on a discussion page they are its content.
const DISCUSSION_POSTS: &[&str] = &["comment", "community", "replies", "remark"];

/// Class/id fragments that keep an element even when it also looks unlikely.
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow", "story", "entry",
    "post", "text", "matn", "details",
];

/// Removes scripts, styles, forms controls, navigation and hidden elements, and the markup
/// read from `<noscript>` when the page shows its content without it. Hidden elements and
/// landmarks by role that hold text are reported to `out` (scripts, styles and the like never
/// are: they hold no text a reader would miss).
pub(crate) fn remove_non_content(dom: &mut Dom, out: &mut Vec<Removal>) {
    let m = Measures::of(dom);
    let visibility = Visibility::of(dom);
    let mut expanded = Vec::new();
    // Elements inside a removed one go unreported: the report names the outermost.
    let mut reported_until = 0;
    for id in 0..dom.len() {
        if dom.attr(id, "class") == Some(crate::parse::NOSCRIPT_CONTENT_CLASS)
            && dom.tag(id) == "div"
        {
            expanded.push(id);
        }
        if dom.is_removed(id) || !dom.is_element(id) {
            continue;
        }
        let rule = if is_non_content(dom.tag(id)) {
            None
        } else if visibility.hides(dom, &m, id) {
            Some((RemovalKind::Hidden, RemovalRule::HiddenElement))
        } else if dom.attr(id, "role").is_some_and(|role| {
            NON_CONTENT_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
        }) {
            Some((RemovalKind::Furniture, RemovalRule::NonContentRole))
        } else {
            continue;
        };
        dom.remove(id);
        if id >= reported_until {
            if let Some((kind, rule)) = rule {
                report(out, dom, kind, rule, id);
            }
            reported_until = dom.subtree_end(id);
        }
    }
    remove_noscript_copies(dom, &expanded);
}

/// Removes the markup read from `<noscript>` (`expanded`) when the rest of the page holds at
/// least half as much text: many sites repeat the article there for readers without scripts,
/// while an app's or forum's crawler view stands alone.
fn remove_noscript_copies(dom: &mut Dom, expanded: &[NodeId]) {
    if expanded.is_empty() {
        return;
    }
    let m = Measures::of(dom);
    let total = m.chars(0);
    let inside: u32 = expanded.iter().map(|&e| m.chars(e)).sum();
    if total.saturating_sub(inside).saturating_mul(2) >= inside {
        for &e in expanded {
            dom.remove(e);
        }
    }
}

/// Removes elements whose class or id marks them as page furniture (menus, footers, sidebars),
/// unless they also look like content, sit in a table or code, or hold `keep`.
///
/// Those that hold text are reported to `out`. On a `discussion` page, the fragments naming
/// its posts ([`DISCUSSION_POSTS`]) are not read.
pub(crate) fn remove_unlikely(
    dom: &mut Dom,
    keep: Option<NodeId>,
    discussion: bool,
    out: &mut Vec<Removal>,
) {
    let holds_keep = dom.holders_of(keep);
    let unlikely: Vec<&str> = UNLIKELY
        .iter()
        .copied()
        .filter(|f| !(discussion && DISCUSSION_POSTS.contains(f)))
        .collect();
    let (unlikely, maybe) = (Fragment::all(&unlikely), Fragment::all(MAYBE));
    let m = Measures::of(dom);
    dom.walk_live(0, dom.len(), |dom, id| {
        let unlikely = is_unlikely(dom, id, &unlikely, &maybe)
            && !holds_keep.get(id).copied().unwrap_or(false)
            && !is_body_text(dom, &m, id)
            && !dom
                .ancestors(id)
                .take(8)
                .any(|a| matches!(dom.tag(a), "table" | "code"));
        if unlikely {
            dom.remove(id);
            let rule = if matches!(dom.tag(id), "aside" | "footer") {
                RemovalRule::UnlikelyTag
            } else {
                RemovalRule::UnlikelyHint
            };
            report(out, dom, RemovalKind::Furniture, rule, id);
        }
        unlikely
    });
}

/// A body of text: paragraphs of prose with few links, which a class word ("header" in
/// `kt-pane-header-alignment-left`, "extra" in a widget's name) does not make furniture.
/// Readers' comments are prose too, and stay furniture by their own hints.
fn is_body_text(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let c = m.at(id);
    matches!(dom.tag(id), "div" | "section")
        && c.paragraphs >= BODY_PARAGRAPHS
        && c.commas >= BODY_COMMAS
        && c.inputs == 0
        && m.link_density(id) < BODY_LINK_SHARE
        && !DISCUSSION_POSTS.iter().any(|h| dom.hints_contain(id, h))
}

/// A body of text has at least this many paragraphs...
const BODY_PARAGRAPHS: u32 = 3;
/// ... and commas...
const BODY_COMMAS: u32 = 10;
/// ... and links hold less than this share of its text.
const BODY_LINK_SHARE: f64 = 0.2;

/// Whether an element's tag, class or id marks it as page furniture (`unlikely` and `maybe`:
/// [`UNLIKELY`] and [`MAYBE`] with their byte sets).
fn is_unlikely(dom: &Dom, id: NodeId, unlikely: &[Fragment], maybe: &[Fragment]) -> bool {
    if !dom.is_element(id) {
        return false;
    }
    let tag = dom.tag(id);
    if matches!(
        tag,
        "body"
            | "a"
            | "article"
            | "main"
            | "#root"
            | "html"
            | "table"
            | "tbody"
            | "tr"
            | "td"
            | "code"
            | "pre"
    ) {
        return false;
    }
    tag == "aside"
        || tag == "footer"
        || dom.first_hint(id, unlikely).is_some()
            && dom.first_hint(id, maybe).is_none()
            && !is_styled_part(dom, id)
}

/// Whether an element's furniture word comes only from a styled-components class, which
/// names each class `Module__StyledPart-sc-hash`: the part names a piece of one component
/// (`StyledCustomerCardHeader`, the head of a card), and only the module (`Headerstyles`)
/// says which part of the page the element is.
fn is_styled_part(dom: &Dom, id: NodeId) -> bool {
    let Some(class) = dom.attr(id, "class") else {
        return false;
    };
    let mut styled = false;
    let mut hints = dom.attr(id, "id").unwrap_or("").to_ascii_lowercase();
    for token in class.split_whitespace() {
        match token.split_once("__") {
            Some((module, part)) if part.contains("-sc-") => {
                styled = true;
                hints.push(' ');
                hints.push_str(&module.to_ascii_lowercase());
            }
            _ => {
                hints.push(' ');
                hints.push_str(&token.to_ascii_lowercase());
            }
        }
    }
    styled && !UNLIKELY.iter().any(|w| hints.contains(w))
}
