//! Extraction options with documented defaults.

use serde::{Deserialize, Serialize};

use crate::Error;

/// Default for [`Options::max_input_bytes`]: 32 MiB. The largest real news pages seen are a few
/// megabytes; anything far beyond that is a mistake or an attack, not an article.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// Default for [`Options::max_elements`]: 400,000 elements. Real pages stay under 50,000; the
/// cap bounds time and memory on generated or hostile documents.
pub const DEFAULT_MAX_ELEMENTS: usize = 400_000;

/// Default for [`Options::min_text_chars`]: 140 characters of body text, the length below which a
/// result is more likely a wrong pick (a caption, a teaser) than the article. Arabic carries the same
/// content in about 38 % fewer characters than English, so this is kept well below
/// Readability's 500.
pub const DEFAULT_MIN_TEXT_CHARS: usize = 140;

/// Default for [`Options::time_budget_ms`]: 10 seconds. naqi takes milliseconds on real
/// pages (tens of milliseconds on the largest, in the browser's Wasm); the budget only ends
/// runs that something hostile has slowed beyond any use.
pub const DEFAULT_TIME_BUDGET_MS: u64 = 10_000;

/// Longest [`Article::title`](crate::Article::title), in characters: longer ones are cut at a
/// word boundary and end with "…". Real headlines stay under 200.
pub const MAX_TITLE_CHARS: usize = 400;

/// Longest [`Article::byline`](crate::Article::byline), in characters (cut like the title).
pub const MAX_BYLINE_CHARS: usize = 200;

/// Longest [`Article::site_name`](crate::Article::site_name), in characters (cut like the
/// title).
pub const MAX_SITE_NAME_CHARS: usize = 120;

/// Longest [`Article::excerpt`](crate::Article::excerpt), in characters (cut like the title).
pub const MAX_EXCERPT_CHARS: usize = 600;

/// Longest language tag read from the page (`<html lang>`), in characters: the length BCP 47
/// asks every implementation to support. A longer value is not a language tag and is ignored.
pub const MAX_LANG_CHARS: usize = 35;

/// How an extraction runs. Build it with [`Options::default`] and the `with_*` methods.
///
/// The struct is `#[non_exhaustive]`: new options get defaults, so callers never break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct Options {
    /// The page's address, used to resolve relative links and images when the page has no
    /// `<base>` or canonical URL.
    ///
    /// # Default
    /// `None`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub url: Option<String>,
    /// Remove read-also, related, most-read, share, tag and comment blocks, and report them.
    ///
    /// # Default
    /// `true`.
    pub remove_related: bool,
    /// Extra phrases to treat as related-content labels, in any language. They are matched
    /// after the same normalization as the built-in lexicon.
    ///
    /// # Default
    /// Empty.
    pub extra_labels: Vec<String>,
    /// Keep images (and figures with captions) in the article.
    ///
    /// # Default
    /// `true`.
    pub keep_images: bool,
    /// Inputs larger than this many bytes are refused with [`Error::InputTooLarge`].
    ///
    /// # Default
    /// [`DEFAULT_MAX_INPUT_BYTES`].
    pub max_input_bytes: usize,
    /// Elements past this count are not parsed into the working tree.
    ///
    /// # Default
    /// [`DEFAULT_MAX_ELEMENTS`].
    pub max_elements: usize,
    /// A body with less text than this makes the extractor try again, keeping the page
    /// furniture it first set aside by class and id; the longer result wins. A result with no
    /// text at all is [`Error::NoArticle`]; a short one is still returned (short news items
    /// exist).
    ///
    /// # Default
    /// [`DEFAULT_MIN_TEXT_CHARS`].
    pub min_text_chars: usize,
    /// The longest an extraction may take, in milliseconds; past it, the extraction ends with
    /// [`Error::Timeout`]. It is checked between stages (and between the selection attempts),
    /// so a run can overshoot it by one stage's time. `None` (`null` from JavaScript) or `0`
    /// means no budget. Set it with [`Options::with_time_budget`].
    ///
    /// # Default
    /// [`DEFAULT_TIME_BUDGET_MS`].
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub time_budget_ms: Option<u64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            remove_related: true,
            extra_labels: Vec::new(),
            keep_images: true,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_elements: DEFAULT_MAX_ELEMENTS,
            min_text_chars: DEFAULT_MIN_TEXT_CHARS,
            time_budget_ms: Some(DEFAULT_TIME_BUDGET_MS),
        }
    }
}

impl Options {
    /// Sets [`Options::url`].
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets [`Options::remove_related`].
    #[must_use]
    pub fn with_remove_related(mut self, remove: bool) -> Self {
        self.remove_related = remove;
        self
    }

    /// Sets [`Options::extra_labels`].
    #[must_use]
    pub fn with_extra_labels<I, S>(mut self, labels: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.extra_labels = labels.into_iter().map(Into::into).collect();
        self
    }

    /// Sets [`Options::keep_images`].
    #[must_use]
    pub fn with_keep_images(mut self, keep: bool) -> Self {
        self.keep_images = keep;
        self
    }

    /// Sets [`Options::max_input_bytes`].
    #[must_use]
    pub fn with_max_input_bytes(mut self, limit: usize) -> Self {
        self.max_input_bytes = limit;
        self
    }

    /// Sets [`Options::max_elements`].
    #[must_use]
    pub fn with_max_elements(mut self, limit: usize) -> Self {
        self.max_elements = limit;
        self
    }

    /// Sets [`Options::min_text_chars`].
    #[must_use]
    pub fn with_min_text_chars(mut self, chars: usize) -> Self {
        self.min_text_chars = chars;
        self
    }

    /// Sets [`Options::time_budget_ms`]; `None` (or zero) removes the budget. A budget is
    /// counted in whole milliseconds, rounded up (so any budget above zero is at least 1 ms).
    #[must_use]
    pub fn with_time_budget(mut self, budget: Option<std::time::Duration>) -> Self {
        self.time_budget_ms = budget.map(|d| {
            let ms = d.as_millis() + u128::from(d.subsec_nanos() % 1_000_000 != 0);
            u64::try_from(ms).unwrap_or(u64::MAX)
        });
        self
    }

    /// Checks the options once, before any work.
    ///
    /// # Errors
    /// [`Error::InvalidOptions`] when a limit is zero or the URL does not parse.
    pub fn validate(&self) -> Result<(), Error> {
        if self.max_input_bytes == 0 {
            return Err(Error::InvalidOptions(
                "maxInputBytes must be above zero".into(),
            ));
        }
        if self.max_elements == 0 {
            return Err(Error::InvalidOptions(
                "maxElements must be above zero".into(),
            ));
        }
        if let Some(u) = &self.url {
            if crate::address::Url::parse(u).is_err() {
                return Err(Error::InvalidOptions(format!(
                    "url is not an absolute URL: {u}"
                )));
            }
        }
        Ok(())
    }
}
