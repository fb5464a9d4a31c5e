//! The one URL policy for every address naqi puts in its output: links and images of
//! `content_html` and the Markdown, `canonical_url`, `lead_image`.
//!
//! It is an allowlist. A link may be `http:`, `https:` or `mailto:`; an image, `http:` or
//! `https:`. A relative address is resolved against the page's base when there is one, and
//! kept relative otherwise (a relative address cannot name another scheme). Anything else
//! (`javascript:`, `data:`, `file:`, `livescript:`, ...) is dropped.
//!
//! The scheme is read the way browsers read it: leading and trailing spaces and C0 controls are
//! ignored, tabs and newlines anywhere are removed, and letters compare without case.

use crate::address::Url;

/// What an address is used for; it decides the schemes allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// A link the reader may follow (`<a href>`, Markdown links, the canonical URL).
    Link,
    /// An image the reader's browser loads (`<img src>`, Markdown images, the lead image).
    Image,
}

/// Longest address kept, in bytes; longer ones (a hostile page's megabyte `href`) are dropped.
pub(crate) const MAX_URL_BYTES: usize = 8_192;

/// The address to output for `raw`, or `None` when the policy drops it.
pub(crate) fn allow(raw: &str, base: Option<&Url>, usage: Use) -> Option<String> {
    let cleaned = browser_form(raw);
    if cleaned.is_empty() || cleaned.len() > MAX_URL_BYTES {
        return None;
    }
    match scheme_of(&cleaned) {
        Some(scheme) => {
            if !allowed(&scheme, usage) {
                return None;
            }
            // An allowed scheme: the parsed form (a host written in Unicode becomes its
            // punycode form, as browsers write it). One that does not parse (`http://host:80'`)
            // leads nowhere in a browser either, and is dropped.
            if !host_is_plain(&cleaned) {
                return None;
            }
            Url::parse(&cleaned).ok().map(String::from)
        }
        None => match base.and_then(|b| b.join(&cleaned).ok()) {
            // Joining never changes the scheme to one the base does not have, but the base may
            // itself be something other than http(s) (a `file:` page).
            Some(joined) => allowed(joined.scheme(), usage).then(|| joined.into()),
            None => Some(cleaned),
        },
    }
}

/// Whether the host of an absolute address holds none of the characters the URL standard
/// forbids there (a space, `<`, `%`, ...). Browsers differ on such hosts (Chromium escapes what
/// Node's and the `url` crate's parsers refuse), so the policy refuses them on every build.
fn host_is_plain(url: &str) -> bool {
    let Some((_, rest)) = url.split_once(':') else {
        return true;
    };
    let authority = rest.trim_start_matches(['/', '\\']);
    let authority = authority
        .split(['/', '\\', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    !host.chars().any(|c| {
        c.is_whitespace() || matches!(c, '<' | '>' | '^' | '|' | '%' | '"' | '`' | '{' | '}')
    })
}

fn allowed(scheme: &str, usage: Use) -> bool {
    let scheme = scheme.to_ascii_lowercase();
    match usage {
        Use::Link => matches!(scheme.as_str(), "http" | "https" | "mailto"),
        Use::Image => matches!(scheme.as_str(), "http" | "https"),
    }
}

/// `raw` as a browser's URL parser sees it: spaces and C0 controls trimmed at both ends, tabs
/// and newlines removed everywhere.
fn browser_form(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of an absolute address (`letter (letter | digit | + | - | .)* ":"`), or `None`
/// for a relative one.
fn scheme_of(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let scheme = url.get(..colon)?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| scheme.to_string())
}

#[cfg(test)]
mod tests {
    use super::{allow, Use};
    use crate::address::Url;

    #[test]
    fn only_web_and_mail_links_pass() {
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "livescript:x",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "tel:+123",
            "",
        ] {
            assert_eq!(allow(bad, None, Use::Link), None, "{bad:?}");
        }
        assert_eq!(
            allow("mailto:a@example.com", None, Use::Link).as_deref(),
            Some("mailto:a@example.com")
        );
        assert_eq!(allow("mailto:a@example.com", None, Use::Image), None);
        // An address a browser cannot parse leads nowhere: dropped, not written as it was.
        assert_eq!(allow("http://localhost:8142'", None, Use::Link), None);
        assert_eq!(allow("http://Words and spaces/x", None, Use::Link), None);
        assert_eq!(allow("http://a%20b.com/", None, Use::Link), None);
        assert_eq!(
            allow("https://user@example.com:8080/a b?q=1", None, Use::Link).as_deref(),
            Some("https://user@example.com:8080/a%20b?q=1")
        );
        assert_eq!(
            allow("HTTPS://Example.com/a b", None, Use::Link).as_deref(),
            Some("https://example.com/a%20b")
        );
    }

    #[test]
    fn relative_addresses_resolve_against_the_base() {
        let base = Url::parse("https://news.example/a/b.html").ok();
        assert_eq!(
            allow("../c.jpg", base.as_ref(), Use::Image).as_deref(),
            Some("https://news.example/c.jpg")
        );
        assert_eq!(
            allow("/x", None, Use::Link).as_deref(),
            Some("/x"),
            "kept relative without a base"
        );
        let file = Url::parse("file:///home/a.html").ok();
        assert_eq!(allow("x.jpg", file.as_ref(), Use::Image), None);
    }

    #[test]
    fn unicode_hosts_parse() {
        let expected = "https://xn--4gbrim.xn--wgbh1c/%D8%AE%D8%A8%D8%B1";
        assert_eq!(
            allow("https://موقع.مصر/خبر", None, Use::Link).as_deref(),
            Some(expected)
        );
        let base = Url::parse("https://موقع.مصر/أخبار/اليوم").ok();
        assert_eq!(
            allow("خبر", base.as_ref(), Use::Link).as_deref(),
            Some("https://xn--4gbrim.xn--wgbh1c/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%AE%D8%A8%D8%B1")
        );
    }

    #[test]
    fn huge_addresses_are_dropped() {
        let long = format!("https://example.com/{}", "a".repeat(super::MAX_URL_BYTES));
        assert_eq!(allow(&long, None, Use::Link), None);
    }
}
