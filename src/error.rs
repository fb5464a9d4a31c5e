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

/// Declares every code [`Error::code`] returns, once: the list, and the TypeScript union the
/// npm package's types are generated with (plus the codes only its JavaScript wrapper throws).
macro_rules! error_codes {
    ($($code:literal),+ $(,)?) => {
        /// Every code [`Error::code`] returns.
        pub const ERROR_CODES: &[&str] = &[$($code),+];

        /// `ErrorCode` for the npm package's `.d.ts`. (wasm-bindgen's custom section reads it
        /// in a way the compiler does not count as a use.)
        #[cfg(feature = "wasm")]
        #[allow(dead_code)]
        pub(crate) const TS_ERROR_CODE: &str = concat!(
            "\n/** The stable codes carried by errors that naqi throws. */\nexport type ErrorCode =",
            $("\n  | \"", $code, "\""),+,
            "\n  | \"NOT_INITIALIZED\"\n  | \"PANIC\";\n"
        );
    };
}

error_codes!(
    "EMPTY_INPUT",
    "INPUT_TOO_LARGE",
    "NOT_HTML",
    "NO_ARTICLE",
    "INVALID_OPTIONS",
    "TIMEOUT",
    "INVALID_INPUT",
);

impl Error {
    /// A stable, machine-readable code for this error, e.g. `"EMPTY_INPUT"`; one of
    /// [`ERROR_CODES`].
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of every variant. The match below stops compiling when a variant is added, so
    /// that it is added here, and so to the check against [`ERROR_CODES`].
    fn one_of_each() -> Vec<Error> {
        let all = vec![
            Error::EmptyInput,
            Error::InputTooLarge { size: 2, limit: 1 },
            Error::NotHtml(String::new()),
            Error::NoArticle,
            Error::InvalidOptions(String::new()),
            Error::Timeout { budget_ms: 1 },
            Error::InvalidInput(String::new()),
        ];
        for e in &all {
            match e {
                Error::EmptyInput
                | Error::InputTooLarge { .. }
                | Error::NotHtml(_)
                | Error::NoArticle
                | Error::InvalidOptions(_)
                | Error::Timeout { .. }
                | Error::InvalidInput(_) => {}
            }
        }
        all
    }

    #[test]
    fn the_code_list_is_every_code() {
        let codes: Vec<&str> = one_of_each().iter().map(Error::code).collect();
        assert_eq!(codes, ERROR_CODES);
    }
}
