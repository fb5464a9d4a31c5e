//! JavaScript bindings (feature `wasm`), exported with wasm-bindgen.
//!
//! Every export is one-shot and stateless: a string (and options) in, one article out. Results
//! cross the boundary as plain objects typed by tsify (`Article`, `Options`, ...); failures cross
//! as real `Error` objects with a stable `code` property taken from [`Error::code`]. The npm
//! package wraps these exports in a small JavaScript layer (`npm/`) that re-instantiates the
//! module if a call ever traps.
//!
//! Without the `html` feature (the browser build) `extract` and `isProbablyReadable` are not
//! exported: the package's JavaScript parses HTML text with the browser's `DOMParser` and
//! calls the tree exports.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Article, Error, Options};

// `ErrorCode` in the generated `.d.ts`, from the list beside `Error::code()`.
#[wasm_bindgen(typescript_custom_section)]
const TS_ERROR_CODE: &str = crate::error::TS_ERROR_CODE;

// TypeScript declarations added to the generated `.d.ts`.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** An `Error` thrown by naqi: branch on `code`, show `message`. */
export interface NaqiError extends Error {
  name: "NaqiError";
  code: ErrorCode;
}

/** The options of `extract`; every field is optional and has a documented default. */
export type ExtractOptions = Options;
"#;

// Every document argument is taken as a `JsValue` (typed `string` for TypeScript) and checked
// here: wasm-bindgen's own `&str` conversion reads any other value (a number, an object) as a
// pointer into memory and traps, and throws a bare `TypeError` for `undefined` and `null`.

/// Extracts the page's own article from an HTML document.
///
/// Throws a `NaqiError` (an `Error` with a `code`) when the input is not a string, is empty,
/// too large, not HTML, holds no article, takes longer than its time budget, or when the
/// options are invalid.
#[cfg(feature = "html")]
#[wasm_bindgen(js_name = extract, unchecked_return_type = "Article")]
pub fn extract(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let html = string_arg(&html, "html")?;
    let options = options_from_js(options)?;
    let article = crate::extract(&html, &options).map_err(to_js_error)?;
    article_to_js(&article)
}

/// Whether a page looks like it holds an article (cheap; for showing a reader button).
///
/// Throws a `NaqiError` with code `INVALID_INPUT` when `html` is not a string.
#[cfg(feature = "html")]
#[wasm_bindgen(js_name = isProbablyReadable)]
pub fn is_probably_readable(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
) -> Result<bool, JsValue> {
    Ok(crate::is_probably_readable(&string_arg(&html, "html")?))
}

/// `isProbablyReadable` for a document in naqi's tree format (see `extractTree`).
///
/// Throws a `NaqiError` with code `INVALID_INPUT` when `tree` is not a string.
#[wasm_bindgen(js_name = isProbablyReadableTree)]
pub fn is_probably_readable_tree(
    #[wasm_bindgen(unchecked_param_type = "string")] tree: JsValue,
) -> Result<bool, JsValue> {
    Ok(crate::is_probably_readable_tree(&string_arg(
        &tree, "tree",
    )?))
}

/// Extracts the article from a document in naqi's tree format (see `extract_tree` in the
/// crate docs), as `encodeDocument` writes it from a live DOM. The package's
/// `extractDocument(document)` is this with the document's URL.
///
/// Throws like `extract`; `NOT_HTML` when the input is not in the tree format.
#[wasm_bindgen(js_name = extractTree, unchecked_return_type = "Article")]
pub fn extract_tree(
    #[wasm_bindgen(unchecked_param_type = "string")] tree: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let tree = string_arg(&tree, "tree")?;
    let options = options_from_js(options)?;
    let article = crate::extract_tree(&tree, &options).map_err(to_js_error)?;
    article_to_js(&article)
}

/// Runs at instantiation (and again after every reset): a panic's message goes to
/// `console.error` before the module traps, so that a `PANIC` error can be traced to its cause.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("naqi: {info}").into());
    }));
}

/// Panics on purpose, so that tests can prove the JavaScript wrapper recovers from a trap.
/// Not part of the typed API.
#[doc(hidden)]
#[allow(clippy::panic)]
#[wasm_bindgen(js_name = __naqiTrapForTests, skip_typescript)]
pub fn trap_for_tests() {
    panic!("trap requested by a test") // allow: deliberate, proves the JS wrapper recovers
}

/// A string argument, or an `INVALID_INPUT` error naming what was given instead.
fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        let given = if value.is_null() {
            "null".to_string()
        } else {
            value.js_typeof().as_string().unwrap_or_default()
        };
        to_js_error(Error::InvalidInput(format!(
            "{name} must be a string, not {given}"
        )))
    })
}

/// Reads options from JavaScript; `undefined` and `null` mean the defaults.
fn options_from_js(value: Option<JsValue>) -> Result<Options, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(Options::default());
    };
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| to_js_error(Error::InvalidOptions(e.to_string())))
}

/// Turns an [`Article`] into a plain object; `None` fields become `undefined`.
fn article_to_js(article: &Article) -> Result<JsValue, JsValue> {
    article
        .serialize(&serde_wasm_bindgen::Serializer::new())
        .map_err(|e| js_error("PANIC", &format!("could not convert the article: {e}")))
}

fn to_js_error(error: Error) -> JsValue {
    js_error(error.code(), &error.to_string())
}

/// An `Error` named `NaqiError` with a `code` property.
fn js_error(code: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("NaqiError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    error.into()
}
