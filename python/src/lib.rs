//! Python bindings of naqi: `naqi.extract`, `naqi.is_probably_readable`, the `Article` type
//! and the `NaqiError` family. The extraction itself is the `naqi` crate's, run with the GIL
//! released so that threads extract in parallel.

use std::borrow::Cow;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};

mod article;
mod errors;

use article::{Article, ReadingTime, Removal};

/// The page as Python gave it: text, or bytes still to decode.
enum Page<'a> {
    Text(Cow<'a, str>),
    Bytes(&'a [u8]),
}

/// Reads `html` as `str` or `bytes`; anything else is a `TypeError`.
fn page_of<'a>(html: &'a Bound<'_, PyAny>) -> PyResult<Page<'a>> {
    if let Ok(text) = html.cast::<PyString>() {
        return Ok(Page::Text(text.to_cow()?));
    }
    if let Ok(bytes) = html.cast::<PyBytes>() {
        return Ok(Page::Bytes(bytes.as_bytes()));
    }
    Err(PyTypeError::new_err(format!(
        "html must be str or bytes, not {}",
        html.get_type().name()?
    )))
}

/// Decodes bytes whose charset an outside source (an HTTP header) names: a byte-order mark
/// first, then that charset. Without a usable label the bytes go to `naqi::extract_bytes`,
/// which reads the page's own declaration or sniffs.
fn extract_page(
    page: &Page<'_>,
    encoding: Option<&str>,
    options: &naqi::Options,
) -> Result<naqi::Article, naqi::Error> {
    match page {
        Page::Text(text) => naqi::extract(text, options),
        Page::Bytes(bytes) => {
            let label =
                encoding.and_then(|e| encoding_rs::Encoding::for_label(e.trim().as_bytes()));
            match label {
                Some(enc) if bytes.len() <= options.max_input_bytes => {
                    let (text, _, _) = enc.decode(bytes);
                    naqi::extract(&text, options)
                }
                _ => naqi::extract_bytes(bytes, options),
            }
        }
    }
}

/// Extracts the page's own article.
///
/// `html` is `str`, or `bytes` decoded as the Rust `extract_bytes` does (byte-order mark,
/// `<meta charset>`, UTF-8, then a legacy guess such as windows-1256); `encoding` names the
/// charset of `bytes` when an HTTP header gave it, and wins over the page's declaration.
#[pyfunction]
#[pyo3(signature = (
    html,
    url = None,
    *,
    encoding = None,
    remove_related = true,
    extra_labels = None,
    keep_images = true,
    max_input_bytes = naqi::DEFAULT_MAX_INPUT_BYTES,
    max_elements = naqi::DEFAULT_MAX_ELEMENTS,
    min_text_chars = naqi::DEFAULT_MIN_TEXT_CHARS,
))]
#[allow(clippy::too_many_arguments)]
fn extract(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<String>,
    encoding: Option<String>,
    remove_related: bool,
    extra_labels: Option<Vec<String>>,
    keep_images: bool,
    max_input_bytes: usize,
    max_elements: usize,
    min_text_chars: usize,
) -> PyResult<Article> {
    let mut options = naqi::Options::default()
        .with_remove_related(remove_related)
        .with_extra_labels(extra_labels.unwrap_or_default())
        .with_keep_images(keep_images)
        .with_max_input_bytes(max_input_bytes)
        .with_max_elements(max_elements)
        .with_min_text_chars(min_text_chars);
    if let Some(url) = url {
        options = options.with_url(url);
    }
    let page = page_of(html)?;
    // The page is borrowed from an immutable `str`/`bytes` that `html` keeps alive, so the
    // extraction can run without the GIL.
    let result = py.detach(|| extract_page(&page, encoding.as_deref(), &options));
    match result {
        Ok(article) => Ok(Article::from(article)),
        Err(err) => Err(errors::to_py(py, &err)),
    }
}

/// A fast check whether a page looks like it holds an article (for a reader button). Bytes
/// are decoded as in `extract`; bytes that do not decode are not readable.
#[pyfunction]
fn is_probably_readable(py: Python<'_>, html: &Bound<'_, PyAny>) -> PyResult<bool> {
    let page = page_of(html)?;
    Ok(py.detach(|| match &page {
        Page::Text(text) => naqi::is_probably_readable(text),
        Page::Bytes(bytes) => {
            naqi::decode_html(bytes).is_ok_and(|text| naqi::is_probably_readable(&text))
        }
    }))
}

/// The extension module `naqi._naqi`; `naqi/__init__.py` re-exports it.
#[pymodule]
fn _naqi(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(is_probably_readable, m)?)?;
    m.add_class::<Article>()?;
    m.add_class::<Removal>()?;
    m.add_class::<ReadingTime>()?;
    errors::register(m)?;
    m.add("DEFAULT_MAX_INPUT_BYTES", naqi::DEFAULT_MAX_INPUT_BYTES)?;
    m.add("DEFAULT_MAX_ELEMENTS", naqi::DEFAULT_MAX_ELEMENTS)?;
    m.add("DEFAULT_MIN_TEXT_CHARS", naqi::DEFAULT_MIN_TEXT_CHARS)?;
    let rules: Vec<&str> = naqi::RemovalRule::ALL.iter().map(|r| r.as_str()).collect();
    m.add("REMOVAL_RULES", PyTuple::new(m.py(), rules)?)?;
    Ok(())
}
