//! The HTTP message inside a WARC `response` record: status, content type, charset and the
//! payload, with chunked transfer coding and gzip/deflate content coding undone.

use std::io::Read;

use flate2::read::{GzDecoder, ZlibDecoder};

/// Most headers a response may have before it is taken as corrupt.
const MAX_HEADERS: usize = 256;

/// Payloads larger than this after decompression are cut here (a decompression bomb guard;
/// the extractor refuses far smaller inputs anyway).
const MAX_DECODED_BYTES: u64 = 64 * 1024 * 1024;

/// An HTML response, ready to extract.
pub struct HtmlPayload {
    /// The charset the `Content-Type` header names, if any.
    pub charset: Option<String>,
    /// The body, decoded from its transfer and content codings.
    pub body: Vec<u8>,
}

/// Why a response was not extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// The block is not an HTTP response (its head does not parse).
    NotHttp,
    /// The HTTP head ends before its blank line.
    TruncatedHttp,
    /// A status other than 2xx.
    Status,
    /// The content type is not HTML (or, without one, the body does not look like HTML).
    NotHtml,
    /// A content coding naqi does not undo (e.g. `br`), or a coding that fails to decode.
    Encoding,
}

impl Skip {
    /// The reason's name in the summary.
    pub fn as_str(self) -> &'static str {
        match self {
            Skip::NotHttp => "not-http",
            Skip::TruncatedHttp => "truncated-http",
            Skip::Status => "http-status",
            Skip::NotHtml => "not-html",
            Skip::Encoding => "content-encoding",
        }
    }
}

/// Reads the HTTP response in a WARC record's block.
pub fn html_payload(block: &[u8]) -> Result<HtmlPayload, Skip> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    let body_start = match response.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err(Skip::TruncatedHttp),
        Err(_) => return Err(Skip::NotHttp),
    };
    let status = response.code.unwrap_or(0);
    if !(200..300).contains(&status) {
        return Err(Skip::Status);
    }
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase())
    };
    let content_type = header("content-type");
    let transfer = header("transfer-encoding").unwrap_or_default();
    let coding = header("content-encoding").unwrap_or_default();
    let raw = block.get(body_start..).unwrap_or_default();

    let chunked;
    let body = if transfer.contains("chunked") {
        chunked = dechunk(raw).ok_or(Skip::Encoding)?;
        chunked.as_slice()
    } else {
        raw
    };
    let body = match coding.as_str() {
        "" | "identity" => body.to_vec(),
        "gzip" | "x-gzip" => inflate(GzDecoder::new(body)).ok_or(Skip::Encoding)?,
        "deflate" => inflate(ZlibDecoder::new(body)).ok_or(Skip::Encoding)?,
        _ => return Err(Skip::Encoding),
    };
    let is_html = match &content_type {
        Some(ct) => {
            let mime = ct.split(';').next().unwrap_or_default().trim();
            mime == "text/html" || mime == "application/xhtml+xml"
        }
        None => looks_like_html(&body),
    };
    if !is_html {
        return Err(Skip::NotHtml);
    }
    Ok(HtmlPayload {
        charset: content_type.as_deref().and_then(charset_param),
        body,
    })
}

/// The `charset` parameter of a lowercased `Content-Type` value, unquoted.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        (name.trim() == "charset")
            .then(|| {
                value
                    .trim()
                    .trim_matches(|c| c == '"' || c == '\'')
                    .to_string()
            })
            .filter(|v| !v.is_empty())
    })
}

/// Whether a body without a content type starts like an HTML document.
fn looks_like_html(body: &[u8]) -> bool {
    let head: Vec<u8> = body.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let starts_with_tag = start.and_then(|i| head.get(i)) == Some(&b'<');
    starts_with_tag && (find(&head, b"<html") || find(&head, b"<!doctype html"))
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn inflate(reader: impl Read) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    reader.take(MAX_DECODED_BYTES).read_to_end(&mut out).ok()?;
    Some(out)
}

/// Undoes chunked transfer coding; `None` when a chunk size does not parse. A body cut inside
/// a chunk keeps what arrived.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(rest.len());
    loop {
        let line_end = rest.iter().position(|&b| b == b'\n')?;
        let line = String::from_utf8_lossy(rest.get(..line_end)?).to_string();
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = rest.get(line_end + 1..)?;
        if size == 0 {
            return Some(out);
        }
        let take = size.min(rest.len());
        out.extend_from_slice(rest.get(..take)?);
        rest = rest.get(take..)?;
        if take < size {
            return Some(out);
        }
        // The CRLF after the chunk's data.
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_type_and_charset() {
        let block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"Windows-1256\"\r\n\r\n<p>x</p>";
        let payload = html_payload(block).map_err(Skip::as_str);
        let payload = payload
            .as_ref()
            .map(|p| (p.charset.as_deref(), p.body.as_slice()));
        assert_eq!(payload, Ok((Some("windows-1256"), &b"<p>x</p>"[..])));
    }

    #[test]
    fn skips_what_is_not_an_html_page() {
        let skip = |b: &[u8]| html_payload(b).err();
        assert_eq!(
            skip(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nx"),
            Some(Skip::Status)
        );
        assert_eq!(
            skip(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nx"),
            Some(Skip::NotHtml)
        );
        assert_eq!(
            skip(b"HTTP/1.1 200 OK\r\nContent-Ty"),
            Some(Skip::TruncatedHttp)
        );
        assert_eq!(skip(b"\x00\x01 binary"), Some(Skip::NotHttp));
        assert_eq!(
            skip(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nx"),
            Some(Skip::Encoding)
        );
        assert_eq!(
            skip(b"HTTP/1.1 200 OK\r\n\r\n{\"a\": 1}"),
            Some(Skip::NotHtml)
        );
        assert!(html_payload(b"HTTP/1.1 200 OK\r\n\r\n <!DOCTYPE html><html>").is_ok());
    }

    #[test]
    fn undoes_chunks_and_gzip() {
        let chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\n5;x=y\r\nb</p>\r\n0\r\n\r\n";
        assert_eq!(
            html_payload(chunked).map(|p| p.body).ok(),
            Some(b"<p>ab</p>".to_vec())
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>zipped</p>").ok();
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        block.extend(gz.finish().unwrap_or_default());
        assert_eq!(
            html_payload(&block).map(|p| p.body).ok(),
            Some(b"<p>zipped</p>".to_vec())
        );
    }
}
