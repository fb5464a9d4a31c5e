//! The one error type of the crate.

use thiserror::Error;

/// Why an extraction failed.
///
/// Every variant has a stable [`code`](Error::code) that the JavaScript bindings and the CLI
/// report, so callers can branch on it without parsing messages.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The input was empty or held only whitespace.
    #[error("the input is empty")]
    EmptyInput,
    /// The input is larger than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    #[error("the input is {size} bytes, over the limit of {limit} bytes")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The input does not look like an HTML document (for example binary data).
    #[error("the input is not an HTML document: {0}")]
    NotHtml(String),
    /// The document was parsed but holds no readable article.
    #[error("no article found in the document")]
    NoArticle,
    /// The options contradict each other or hold an unusable value.
    #[error("invalid options: {0}")]
    InvalidOptions(String),
    /// The extraction ran past [`Options::time_budget_ms`](crate::Options::time_budget_ms).
    #[error("the extraction took longer than its time budget of {budget_ms} ms")]
    Timeout {
        /// The budget, in milliseconds.
        budget_ms: u64,
    },
    /// The input is not a string (from the JavaScript bindings: a number, an object, `null`,
    /// ...).
    #[error("invalid input: {0}")]
    InvalidInput(String),
}

impl Error {
    /// A stable, machine-readable code for this error, e.g. `"EMPTY_INPUT"`.
    ///
    /// Codes never change meaning between releases; new variants get new codes.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyInput => "EMPTY_INPUT",
            Error::InputTooLarge { .. } => "INPUT_TOO_LARGE",
            Error::NotHtml(_) => "NOT_HTML",
            Error::NoArticle => "NO_ARTICLE",
            Error::InvalidOptions(_) => "INVALID_OPTIONS",
            Error::Timeout { .. } => "TIMEOUT",
            Error::InvalidInput(_) => "INVALID_INPUT",
        }
    }
}
