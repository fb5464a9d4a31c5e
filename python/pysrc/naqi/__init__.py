"""naqi: an Arabic-first reader mode.

Given a news page, ``naqi.extract`` returns that page's own article, without "read also"
teasers, related lists, share bars and the like, and reports what it removed. The extraction
is the Rust crate's, compiled into this package; it releases the GIL while it runs.
"""

from naqi._naqi import (
    DEFAULT_MAX_ELEMENTS,
    DEFAULT_MAX_INPUT_BYTES,
    DEFAULT_MIN_TEXT_CHARS,
    REMOVAL_RULES,
    Article,
    EmptyInputError,
    InputTooLargeError,
    InvalidOptionsError,
    NaqiError,
    NoArticleError,
    NotHtmlError,
    ReadingTime,
    Removal,
    extract,
    is_probably_readable,
)

__all__ = [
    "DEFAULT_MAX_ELEMENTS",
    "DEFAULT_MAX_INPUT_BYTES",
    "DEFAULT_MIN_TEXT_CHARS",
    "REMOVAL_RULES",
    "Article",
    "EmptyInputError",
    "InputTooLargeError",
    "InvalidOptionsError",
    "NaqiError",
    "NoArticleError",
    "NotHtmlError",
    "ReadingTime",
    "Removal",
    "extract",
    "is_probably_readable",
]
