//! The owned result types: [`Article`] and its parts (the removal report is in `removal`).

use serde::{Deserialize, Serialize};

use crate::removal::Removal;

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

/// A page's own article, cleaned, with its metadata and what was removed.
///
/// Only naqi builds articles (new fields may be added in any release); read its fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
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
    /// The blocks with text that the stages removed, stage by stage (at most
    /// [`MAX_REMOVALS`](crate::MAX_REMOVALS)).
    pub removed: Vec<Removal>,
}
