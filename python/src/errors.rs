//! `naqi.NaqiError` and one subclass per `naqi::Error` variant, each with the Rust code.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    naqi,
    NaqiError,
    PyException,
    "An extraction failed; `code` says why."
);
create_exception!(naqi, EmptyInputError, NaqiError, "The input was empty.");
create_exception!(
    naqi,
    InputTooLargeError,
    NaqiError,
    "The input is over max_input_bytes."
);
create_exception!(
    naqi,
    NotHtmlError,
    NaqiError,
    "The input is not an HTML document."
);
create_exception!(
    naqi,
    NoArticleError,
    NaqiError,
    "The page holds no readable article."
);
create_exception!(
    naqi,
    InvalidOptionsError,
    NaqiError,
    "The options are unusable."
);

/// Adds the exception types to the module, each with its code as a class attribute.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let types = [
        ("NaqiError", py.get_type::<NaqiError>(), None),
        (
            "EmptyInputError",
            py.get_type::<EmptyInputError>(),
            Some("EMPTY_INPUT"),
        ),
        (
            "InputTooLargeError",
            py.get_type::<InputTooLargeError>(),
            Some("INPUT_TOO_LARGE"),
        ),
        (
            "NotHtmlError",
            py.get_type::<NotHtmlError>(),
            Some("NOT_HTML"),
        ),
        (
            "NoArticleError",
            py.get_type::<NoArticleError>(),
            Some("NO_ARTICLE"),
        ),
        (
            "InvalidOptionsError",
            py.get_type::<InvalidOptionsError>(),
            Some("INVALID_OPTIONS"),
        ),
    ];
    for (name, ty, code) in types {
        ty.setattr("code", code)?;
        m.add(name, ty)?;
    }
    Ok(())
}

/// The Python exception for a Rust error, with `code` set on the instance too (a code added
/// in a later release still reaches Python, on a plain `NaqiError`).
pub fn to_py(py: Python<'_>, err: &naqi::Error) -> PyErr {
    let message = err.to_string();
    let py_err = match err.code() {
        "EMPTY_INPUT" => EmptyInputError::new_err(message),
        "INPUT_TOO_LARGE" => InputTooLargeError::new_err(message),
        "NOT_HTML" => NotHtmlError::new_err(message),
        "NO_ARTICLE" => NoArticleError::new_err(message),
        "INVALID_OPTIONS" => InvalidOptionsError::new_err(message),
        _ => NaqiError::new_err(message),
    };
    // Setting an attribute on a fresh exception only fails when memory runs out; the error
    // is still raised, with its class's code.
    let _ = py_err.value(py).setattr("code", err.code());
    py_err
}
