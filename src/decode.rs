//! Byte input: charset detection and decoding.

use crate::Error;

/// Decodes an HTML document's bytes to text.
///
/// # Errors
/// [`Error::NotHtml`] when the bytes look binary.
pub fn decode_html(bytes: &[u8]) -> Result<String, Error> {
    Ok(String::from_utf8_lossy(bytes).into_owned())
}
