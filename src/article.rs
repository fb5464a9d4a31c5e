//! The owned result types: [`Article`], [`Removal`] and their parts.

use serde::{Deserialize, Serialize};

/// Text direction of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (English, French, ...).
    #[default]
    Ltr,
    /// Right to left (Arabic, Persian, Urdu, Hebrew, ...).
    Rtl,
}

impl Direction {
    /// `"ltr"` or `"rtl"`, as used in the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Estimated reading time as a range of whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReadingTime {
    /// Minutes for a fast reader.
    pub min_minutes: u32,
    /// Minutes for a slow reader.
    pub max_minutes: u32,
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
    /// disclaimers, "continued" and "end of message" markers, photo credits.
    Boilerplate,
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
        }
    }
}

/// One block that the related-content stage removed, for the removal report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Removal {
    /// What the block was.
    pub kind: RemovalKind,
    /// The rule that matched, e.g. `"label-box"`, `"inline-line"`, `"class-hint"`.
    pub rule: String,
    /// The label text as it appears on the page (e.g. `"إقرأ أيضاً:"`), when a label matched.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub label: Option<String>,
    /// The first words of the removed text.
    pub preview: String,
}

/// A page's own article, cleaned, with its metadata and what was removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The article's headline.
    pub title: String,
    /// Author(s), as the page gives them.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub byline: Option<String>,
    /// Publication time, ISO 8601 (`2024-07-11T14:08:00+03:00` or a bare date).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub published: Option<String>,
    /// Last modification time, ISO 8601.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub modified: Option<String>,
    /// The publication's name.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub site_name: Option<String>,
    /// BCP 47 language tag (`"ar"`, `"fa"`, `"en"`, ...), from the page or detected from the text.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub lang: Option<String>,
    /// Text direction of the article.
    pub dir: Direction,
    /// A short summary: the page's description or the first paragraph.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub excerpt: Option<String>,
    /// The lead image, as an absolute URL when the page's address is known.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub lead_image: Option<String>,
    /// The canonical address of the page.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub canonical_url: Option<String>,
    /// The article body as sanitized HTML, safe to insert into a page.
    pub content_html: String,
    /// The article body as plain text, paragraphs separated by blank lines. Image captions
    /// are left out here (they stay in `content_html` and `markdown`).
    pub text: String,
    /// The article body as Markdown.
    pub markdown: String,
    /// Number of words in `text` (Unicode word segmentation).
    pub word_count: usize,
    /// Estimated reading time.
    pub reading_time: ReadingTime,
    /// The related-content blocks that were removed, in document order.
    pub removed: Vec<Removal>,
}
