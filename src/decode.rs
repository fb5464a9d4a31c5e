//! Byte input: find the document's encoding and decode it.
//!
//! Order: byte-order mark, then a `<meta charset>` or `http-equiv` declaration in the first
//! bytes, then UTF-8 when the bytes are valid UTF-8, then the legacy encoding the bytes read best
//! in (chardetng, Firefox's detector: windows-1256 or ISO-8859-6 for Arabic and Persian,
//! windows-1252 for Western text, and the other legacy encodings).

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

use crate::Error;

/// How far into the document a charset declaration is looked for (browsers use 1024 bytes;
/// real pages put long `<head>` content first, so more is read).
const PRESCAN_BYTES: usize = 8 * 1024;

/// Decodes an HTML document's bytes to text.
///
/// # Errors
/// [`Error::EmptyInput`] for no bytes; [`Error::NotHtml`] when the bytes look binary.
pub fn decode_html(bytes: &[u8]) -> Result<String, Error> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::EmptyInput);
    }
    let encoding = detect(bytes);
    if encoding == UTF_8 || !is_utf16(encoding) {
        // Binary data: control bytes other than whitespace are more than 1 in 20 of the first
        // 4,096 (a stray NUL in a page is not; the pipeline replaces it with U+FFFD).
        let head = bytes.get(..4_096).unwrap_or(bytes);
        let control = head
            .iter()
            .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
            .count();
        if control * 20 > head.len() {
            return Err(Error::NotHtml("the input holds binary data".into()));
        }
    }
    let (text, _, _) = encoding.decode(bytes);
    Ok(text.into_owned())
}

fn is_utf16(e: &'static Encoding) -> bool {
    e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE
}

/// The encoding of a document.
pub(crate) fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
    if let Some(enc) = declared(head) {
        // A document that declares UTF-16 without a BOM is read as UTF-8, as browsers do.
        if is_utf16(enc) || is_resaved_utf8(bytes) {
            return UTF_8;
        }
        return enc;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    guess_legacy(bytes)
}

/// Whether bytes that declare a legacy charset are UTF-8 all the same: valid UTF-8 holding
/// multi-byte characters. Pages saved or converted by tools that re-encode the text but keep
/// the old `<meta charset>` are common; legacy text with bytes above 0x7F is almost never valid
/// UTF-8 by chance (a lead byte must be followed by the right number of continuation bytes).
fn is_resaved_utf8(bytes: &[u8]) -> bool {
    bytes.iter().any(|b| *b >= 0x80) && std::str::from_utf8(bytes).is_ok()
}

/// The charset named by a `<meta charset>` or `<meta http-equiv content="...; charset=...">`.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut rest: &[u8] = &lower;
    while let Some(pos) = find(rest, b"<meta") {
        let tag_and_after = rest.get(pos..).unwrap_or(&[]);
        let end = find(tag_and_after, b">").unwrap_or(tag_and_after.len());
        let tag = tag_and_after.get(..end).unwrap_or(&[]);
        if let Some(enc) = charset_in(tag) {
            return Some(enc);
        }
        rest = tag_and_after.get(end.max(1)..).unwrap_or(&[]);
    }
    None
}

/// The encoding named by `charset=` inside one `<meta ...>` tag (lowercased bytes).
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let c = find(tag, b"charset")?;
    let after = trim_start(tag.get(c + b"charset".len()..)?);
    let value: Vec<u8> = trim_start(after.strip_prefix(b"=")?)
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'')
        .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
        .collect();
    Encoding::for_label(&value)
}

/// The legacy encoding the bytes read best in, as Firefox guesses for unlabelled pages
/// (chardetng, which tells windows-1256 and ISO-8859-6 Arabic apart and knows the other
/// legacy encodings; UTF-8 was checked before).
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Deny)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    s.get(n..).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{WINDOWS_1252, WINDOWS_1256};

    #[test]
    fn reads_declarations_and_guesses() {
        assert_eq!(detect(b"<meta charset=\"windows-1256\">"), WINDOWS_1256);
        assert_eq!(
            detect(b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-6'>"),
            encoding_rs::ISO_8859_6
        );
        assert_eq!(detect("<p>نص</p>".as_bytes()), UTF_8);
        let (cp1256, _, _) = WINDOWS_1256.encode("<p>هذا نص عربي طويل</p>");
        assert_eq!(detect(&cp1256), WINDOWS_1256);
        let (persian, _, _) =
            WINDOWS_1256.encode("<p>این یک متن فارسی است که بدون اعلام کدگذاری نوشته شده.</p>");
        assert_eq!(detect(&persian), WINDOWS_1256);
        let (french, _, _) =
            WINDOWS_1252.encode("<p>Le café était fermé à l'heure où l'été commençait.</p>");
        assert_eq!(detect(&french), WINDOWS_1252);
        assert_eq!(detect(b"\xEF\xBB\xBF<p>x</p>"), UTF_8);
    }

    #[test]
    fn utf8_bytes_win_over_a_stale_declaration() {
        let page = "<meta charset=\"windows-1256\"><p>هذا نص عربي</p>";
        assert_eq!(detect(page.as_bytes()), UTF_8);
        let (cp1256, _, _) = WINDOWS_1256.encode(page);
        assert_eq!(detect(&cp1256), WINDOWS_1256);
        assert_eq!(
            detect(b"<meta charset=\"windows-1256\"><p>ascii</p>"),
            WINDOWS_1256
        );
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode_html(b"\x00\x01\x02<html>"),
            Err(Error::NotHtml(_))
        ));
        assert!(matches!(decode_html(b"   "), Err(Error::EmptyInput)));
        let one_nul = "<html><title>a\0b</title><p>some text of a page</p></html>";
        assert!(decode_html(one_nul.as_bytes()).is_ok());
    }
}
