//! The removal report: what each stage took out of the page, by which rule, with a preview of
//! the text. The types are public ([`Removal`], [`RemovalStage`], [`RemovalKind`],
//! [`RemovalRule`]); the stages build entries with [`removal`] and [`report`], which keep the
//! report short: only blocks with text, at most [`MAX_REMOVALS`] of them.

use serde::{Deserialize, Serialize};

use crate::dom::{Dom, NodeId};
use crate::text::truncate_words;

/// Most entries in [`Article::removed`](crate::Article::removed): a page rarely has more blocks
/// worth reporting, and a hostile one cannot make the report large.
pub const MAX_REMOVALS: usize = 100;

/// Fewest words of a block that [`report`] reports: fewer are a stray label, an icon's name,
/// a count, which would only make the report long.
const MIN_REPORTED_WORDS: usize = 3;

/// The names as in JSON (`"label-box"`, `"related"`, `"postprocess"`), for messages and logs.
macro_rules! display_as_str {
    ($($t:ty),+) => {
        $(
            impl std::fmt::Display for $t {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
        )+
    };
}

display_as_str!(RemovalStage, RemovalKind, RemovalRule);

/// Most characters of a removal's preview.
pub(crate) const PREVIEW_CHARS: usize = 100;

/// The stage of the pipeline that removed a block (see the stage list in the crate's
/// `pipeline` module).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RemovalStage {
    /// Before anything is measured: hidden elements and navigation landmarks.
    Clean,
    /// Labelled and hinted related blocks, other articles and boilerplate lines, before the
    /// article is chosen.
    Related,
    /// Page furniture found by its tag, class or id, while the article is chosen.
    Unlikely,
    /// Inside the chosen article: unlabelled link lists and teaser cards, conditional cleaning.
    Postprocess,
}

impl RemovalStage {
    /// The kebab-case name used in JSON, e.g. `"postprocess"`.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalStage::Clean => "clean",
            RemovalStage::Related => "related",
            RemovalStage::Unlikely => "unlikely",
            RemovalStage::Postprocess => "postprocess",
        }
    }
}

/// What kind of block a [`Removal`] took out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RemovalKind {
    /// "Read also" / "see also" / "watch also": a teaser of another article.
    ReadAlso,
    /// Related or similar articles and topics.
    Related,
    /// Most read, most viewed, trending rails.
    MostRead,
    /// Editor's picks, recommendations, "you may like".
    Recommended,
    /// Latest news rails and tickers.
    LatestNews,
    /// Share bars and social buttons.
    Share,
    /// "Follow us" and app promotion.
    FollowUs,
    /// Tag and keyword lists.
    Tags,
    /// Comment sections and comment calls to action.
    Comments,
    /// Newsletter sign-up boxes.
    Newsletter,
    /// Advertisements and sponsored slots.
    Ad,
    /// Unlabelled link lists or teaser cards inside the body.
    LinkList,
    /// Another article's headline and body on the same page: a flat "read also" teaser, an
    /// article appended below by infinite scroll, a "next article" block.
    OtherArticle,
    /// Lines sites put inside the article that are not part of it: news-ID lines, editorial
    /// disclaimers, "continued" and "end of message" markers, photo credits, rights lines.
    Boilerplate,
    /// Text the page hides from its readers (`hidden`, `display: none`, screen-reader-only).
    Hidden,
    /// Page furniture: menus, headers, footers, sidebars, breadcrumbs, dialogs, and boxes
    /// inside the article that hold links or images rather than text.
    Furniture,
    /// The article's own metadata printed again in its body: the headline, a dateline, a byline.
    Metadata,
}

impl RemovalKind {
    /// The kebab-case name used in JSON, e.g. `"read-also"`.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalKind::ReadAlso => "read-also",
            RemovalKind::Related => "related",
            RemovalKind::MostRead => "most-read",
            RemovalKind::Recommended => "recommended",
            RemovalKind::LatestNews => "latest-news",
            RemovalKind::Share => "share",
            RemovalKind::FollowUs => "follow-us",
            RemovalKind::Tags => "tags",
            RemovalKind::Comments => "comments",
            RemovalKind::Newsletter => "newsletter",
            RemovalKind::Ad => "ad",
            RemovalKind::LinkList => "link-list",
            RemovalKind::OtherArticle => "other-article",
            RemovalKind::Boilerplate => "boilerplate",
            RemovalKind::Hidden => "hidden",
            RemovalKind::Furniture => "furniture",
            RemovalKind::Metadata => "metadata",
        }
    }
}

/// One block that a stage removed, for the removal report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Removal {
    /// The stage that removed the block.
    pub stage: RemovalStage,
    /// What the block was.
    pub kind: RemovalKind,
    /// The rule that removed it.
    pub rule: RemovalRule,
    /// The label text as it appears on the page (e.g. `"إقرأ أيضاً:"`), when a label matched.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub label: Option<String>,
    /// The first words of the removed text.
    pub preview: String,
}

/// Declares [`RemovalRule`] once: each variant with its JSON name and its stage, so that
/// [`RemovalRule::ALL`], [`RemovalRule::as_str`] and [`RemovalRule::stage`] cannot miss one.
macro_rules! removal_rules {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal in $stage:ident,)+) => {
        /// The rule that removed a block. Serialized as its kebab-case name (`"label-box"`);
        /// the npm package's `RemovalRule` type is the union of these names, generated from
        /// this enum.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        #[non_exhaustive]
        pub enum RemovalRule {
            $(
                $(#[doc = $doc])+
                #[serde(rename = $name)]
                $variant,
            )+
        }

        impl RemovalRule {
            /// Every rule, in the order they are declared (stage by stage).
            pub const ALL: &'static [RemovalRule] = &[$(RemovalRule::$variant),+];

            /// The kebab-case name used in JSON, e.g. `"label-box"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(RemovalRule::$variant => $name,)+
                }
            }

            /// The stage that applies the rule.
            pub fn stage(self) -> RemovalStage {
                match self {
                    $(RemovalRule::$variant => RemovalStage::$stage,)+
                }
            }
        }
    };
}

removal_rules! {
    /// An element the page hides (`hidden`, `aria-hidden="true"`, `display: none`,
    /// `visibility: hidden`, a framework's screen-reader-only class) that holds text: readers
    /// never see it, and it is often a menu, a modal or a duplicate for screen readers.
    HiddenElement = "hidden-element" in Clean,
    /// An element whose ARIA role marks it as navigation, a banner, a site footer
    /// (`contentinfo`), a search box, a menu, a dialog or an alert: landmarks of the page, not
    /// of its article.
    NonContentRole = "non-content-role" in Clean,
    /// A box that a related label heads ("اقرأ أيضاً", "Related articles"): the label's
    /// container, when it holds little else than the teasers.
    LabelBox = "label-box" in Related,
    /// A label and the teaser lines after it, written flat among the article's paragraphs with
    /// no box around them.
    LabelFlat = "label-flat" in Related,
    /// A line that is only a related label, with no teaser left after it.
    LabelLine = "label-line" in Related,
    /// One paragraph that starts with a read-also label and holds one teaser link
    /// ("اقرأ أيضاً: <a>…</a>").
    InlineLine = "inline-line" in Related,
    /// A block whose class or id names related content ("related-posts", "most-read",
    /// "share", "tags", "comments", "outbrain", ...).
    ClassHint = "class-hint" in Related,
    /// The short block just before a comment section that invites readers to comment, or
    /// states the comment policy.
    CommentsNotice = "comments-notice" in Related,
    /// Another article's headline and opening printed after a read-also label, or a "next
    /// article" block: told from the page's article by its subject.
    OtherArticle = "other-article" in Related,
    /// A whole other article appended below the page's own (infinite scroll).
    AppendedArticle = "appended-article" in Related,
    /// A line that sites add inside the article but that is not part of it: a news-ID line, an
    /// editorial disclaimer, "continued", "end of message", a photo credit (phrases in the
    /// language files).
    BoilerplateLine = "boilerplate-line" in Related,
    /// An element whose class or id names page furniture (menu, header, footer, sidebar,
    /// cookie banner, pagination, ...) and nothing that looks like content. Skipped on the
    /// retry when it leaves too little text.
    UnlikelyHint = "unlikely-hint" in Unlikely,
    /// An `<aside>` or a `<footer>`: asides and footers hold the page's furniture, not its
    /// article. Skipped on the retry, like [`RemovalRule::UnlikelyHint`].
    UnlikelyTag = "unlikely-tag" in Unlikely,
    /// A paragraph inside the article that is only a teaser: a headline link with little text
    /// around it, after the article has started.
    TeaserLine = "teaser-line" in Postprocess,
    /// An unlabelled box of teaser cards (headline links with images or short blurbs) inside
    /// the article.
    TeaserCard = "teaser-card" in Postprocess,
    /// An unlabelled list of headline links inside the article.
    LinkList = "link-list" in Postprocess,
    /// The page's headline printed again at the top of the body: the reader shows the title
    /// once.
    RepeatedTitle = "repeated-title" in Postprocess,
    /// A short line that is only a date and a time: the article's date is metadata.
    Dateline = "dateline" in Postprocess,
    /// A short block marked as the byline: the author is metadata.
    Byline = "byline" in Postprocess,
    /// A short line of several links: breadcrumbs, "more in" rows.
    LinkLine = "link-line" in Postprocess,
    /// A short line claiming the page's rights ("© 2024", "جميع الحقوق محفوظة").
    RightsLine = "rights-line" in Postprocess,
    /// A heading inside the article with a furniture class, or made mostly of links: a box's
    /// title, not a section of the article.
    FurnitureHeading = "furniture-heading" in Postprocess,
    /// Conditional cleaning of a block inside the article (Readability's): mostly links, images
    /// without prose, form fields or embeds, or a furniture class without paragraphs of text.
    Furniture = "furniture" in Postprocess,
}

impl Removal {
    /// An entry of the report; its stage is the rule's.
    pub(crate) fn new(
        kind: RemovalKind,
        rule: RemovalRule,
        label: Option<String>,
        preview: String,
    ) -> Removal {
        Removal {
            stage: rule.stage(),
            kind,
            rule,
            label,
            preview,
        }
    }
}

/// Builds a report entry from removed nodes' text.
pub(crate) fn removal(
    dom: &Dom,
    kind: RemovalKind,
    rule: RemovalRule,
    label: Option<String>,
    nodes: &[NodeId],
) -> Removal {
    let mut text = String::new();
    for &n in nodes {
        if text.chars().count() > PREVIEW_CHARS * 2 {
            break;
        }
        // Preview from the nodes as they were, removal flags aside.
        text.push_str(&subtree_text(dom, n));
        text.push(' ');
    }
    let mut preview = text.trim().to_string();
    if let Some(l) = &label {
        if let Some(rest) = preview.strip_prefix(l.as_str()) {
            preview = rest.trim_start().to_string();
        }
    }
    Removal::new(kind, rule, label, truncate_words(&preview, PREVIEW_CHARS))
}

/// Reports the removal of `id` by a stage that removes much markup and little text (clean,
/// unlikely, conditional cleaning): only when the element holds at least
/// [`MIN_REPORTED_WORDS`] words, and while the report has room.
pub(crate) fn report(
    out: &mut Vec<Removal>,
    dom: &Dom,
    kind: RemovalKind,
    rule: RemovalRule,
    id: NodeId,
) {
    if out.len() >= MAX_REMOVALS {
        return;
    }
    // The live text only: what an earlier stage removed inside `id` is reported already.
    let mut text = String::new();
    for d in dom.live_descendants(id) {
        if let Some(t) = dom.text_of(d) {
            crate::text::push_collapsed(&mut text, t);
            if text.len() > PREVIEW_CHARS * 8 {
                break;
            }
        } else if crate::dom::is_block_tag(dom.tag(d)) || dom.tag(d) == "br" {
            crate::text::push_collapsed(&mut text, " ");
        }
    }
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(MIN_REPORTED_WORDS)
        .count();
    if words >= MIN_REPORTED_WORDS {
        let preview = truncate_words(text.trim(), PREVIEW_CHARS);
        out.push(Removal::new(kind, rule, None, preview));
    }
}

/// Text of a subtree ignoring removal flags (for previews of what was just removed), bounded.
fn subtree_text(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    let end = dom.subtree_end(id).min(id + 2_000);
    for n in id..end {
        if let Some(t) = dom.text_of(n) {
            crate::text::push_collapsed(&mut out, t);
            if out.len() > PREVIEW_CHARS * 8 {
                break;
            }
        } else if crate::dom::is_block_tag(dom.tag(n)) {
            crate::text::push_collapsed(&mut out, " ");
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_their_json() {
        for rule in RemovalRule::ALL {
            let json = serde_json::to_string(rule).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", rule.as_str()));
            let back: Option<RemovalRule> = serde_json::from_str(&json).ok();
            assert_eq!(back, Some(*rule));
        }
    }

    #[test]
    fn stage_and_kind_names_are_their_json() {
        for stage in [
            RemovalStage::Clean,
            RemovalStage::Related,
            RemovalStage::Unlikely,
            RemovalStage::Postprocess,
        ] {
            let json = serde_json::to_string(&stage).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", stage.as_str()));
        }
        let json = serde_json::to_string(&RemovalKind::LatestNews).unwrap_or_default();
        assert_eq!(json, "\"latest-news\"");
        assert_eq!(RemovalRule::LabelBox.to_string(), "label-box");
    }
}
