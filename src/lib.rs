//! naqi (نقي) — an Arabic-first reader mode.
//!
//! Give it a news article page; it gives back *that* article — without "اقرأ أيضاً" (read also)
//! teasers, related lists, most-read rails, share bars, tags and comments — with its metadata,
//! its direction, and a report of what it removed.
//!
//! ```
//! let html = r#"<html lang="ar"><head><title>عنوان الخبر</title></head><body><article>
//!   <h1>عنوان الخبر</h1>
//!   <p>هذه فقرة أولى طويلة بما يكفي لتكون جزءاً من المقال، وفيها فواصل عربية، وجمل كاملة.</p>
//!   <p>اقرأ أيضاً: <a href="/other">خبر آخر لا علاقة له بالمقال</a></p>
//!   <p>وهذه فقرة ثانية من المقال نفسه، تكمل الخبر وتضيف تفاصيل أخرى مهمة للقارئ العربي.</p>
//! </article></body></html>"#;
//! let article = naqi::extract(html, &naqi::Options::default()).unwrap();
//! assert_eq!(article.title, "عنوان الخبر");
//! assert_eq!(article.dir, naqi::Direction::Rtl);
//! assert!(!article.text.contains("خبر آخر"));
//! assert!(article.text.contains("فقرة ثانية"));
//! ```

mod address;
mod article;
mod error;
#[doc(hidden)]
pub mod facts;
mod options;
mod out;
mod removal;

mod clean;
mod deadline;
mod dom;
mod lang;
mod metadata;
mod parse;
mod pipeline;
mod postprocess;
mod related;
mod sanitize;
mod score;
mod select;
mod serialize;
mod text;
mod url_policy;

#[cfg(feature = "encoding")]
mod decode;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use article::{Article, Direction, ReadingTime};
pub use error::{Error, ERROR_CODES};
pub use options::{
    Options, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MIN_TEXT_CHARS,
    DEFAULT_TIME_BUDGET_MS, MAX_BYLINE_CHARS, MAX_EXCERPT_CHARS, MAX_LANG_CHARS,
    MAX_SITE_NAME_CHARS, MAX_TITLE_CHARS,
};
pub use removal::{Removal, RemovalKind, RemovalRule, RemovalStage, MAX_REMOVALS};

#[cfg(feature = "encoding")]
pub use decode::decode_html;

/// Extracts the page's own article from an HTML document.
///
/// # Errors
/// [`Error::EmptyInput`], [`Error::InputTooLarge`], [`Error::NotHtml`], [`Error::NoArticle`],
/// [`Error::InvalidOptions`] or [`Error::Timeout`]; never panics.
#[cfg(feature = "html")]
pub fn extract(html: &str, options: &Options) -> Result<Article, Error> {
    pipeline::run(pipeline::Input::Html(html), options)
}

/// Extracts the article from a document a browser has already parsed, given in naqi's tree
/// format: tokens joined by U+0000 after the header `naqi-tree/1`; `<name` starts an element,
/// `=attr` and the next token give one of its attributes, `>` ends the element, `#text` is a
/// text node. The npm package writes it from a live `Document` (`extractDocument`), which
/// spares re-parsing the page's HTML. `options.url` resolves links, as for [`extract`].
///
/// # Errors
/// As [`extract`]; [`Error::NotHtml`] when the header is missing.
pub fn extract_tree(tree: &str, options: &Options) -> Result<Article, Error> {
    pipeline::run(pipeline::Input::Tree(tree), options)
}

/// Extracts the article from raw bytes, decoding them first (BOM, `<meta charset>`,
/// `http-equiv`, UTF-8 sniffing, then legacy encodings such as windows-1256).
///
/// # Errors
/// As [`extract`].
#[cfg(all(feature = "encoding", feature = "html"))]
pub fn extract_bytes(bytes: &[u8], options: &Options) -> Result<Article, Error> {
    if bytes.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge {
            size: bytes.len(),
            limit: options.max_input_bytes,
        });
    }
    let html = decode_html(bytes)?;
    pipeline::run(pipeline::Input::Html(&html), options)
}

/// Runs the pipeline up to a stage and drops the result: for benchmarks of each stage's cost.
/// Not part of the stable API.
#[doc(hidden)]
#[cfg(feature = "html")]
pub mod bench {
    pub use crate::pipeline::Stage;

    /// Runs `html` through the pipeline up to `stop`.
    ///
    /// # Errors
    /// As [`crate::extract`].
    pub fn run_until(html: &str, stop: Stage) -> Result<(), crate::Error> {
        crate::pipeline::run_until(
            crate::pipeline::Input::Html(html),
            &crate::Options::default(),
            stop,
        )
        .map(|_| ())
    }
}

/// Helpers that the crate's own tests share with it. Not part of the stable API.
#[doc(hidden)]
pub mod testing {
    pub use crate::text::decode_references;
}

/// A fast check whether a page looks like it holds an article, for showing a reader button.
///
/// It parses the page and looks for enough paragraph text outside navigation and boilerplate;
/// it does not run the full extraction.
#[cfg(feature = "html")]
pub fn is_probably_readable(html: &str) -> bool {
    pipeline::is_probably_readable(pipeline::Input::Html(html))
}

/// [`is_probably_readable`] for a document in the tree format (see [`extract_tree`]).
pub fn is_probably_readable_tree(tree: &str) -> bool {
    pipeline::is_probably_readable(pipeline::Input::Tree(tree))
}
