//! ammonia as the oracle for naqi's own sanitizer, shared by the tests and the fuzz checks:
//! cleaning naqi's `content_html` again with an ammonia allowlist as strict as naqi's must leave
//! it byte for byte unchanged. The allowlist is written here independently of `src/sanitize/`,
//! from what naqi promises to output.

#![allow(dead_code)]

/// The allowlist naqi's sanitizer enforces, as an ammonia builder.
pub fn oracle() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.tags(
        [
            "p",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "blockquote",
            "pre",
            "figure",
            "figcaption",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "caption",
            "dl",
            "dt",
            "dd",
            "hr",
            "br",
            "a",
            "img",
            "strong",
            "b",
            "em",
            "i",
            "u",
            "s",
            "del",
            "ins",
            "sub",
            "sup",
            "mark",
            "small",
            "code",
            "kbd",
            "q",
            "cite",
            "abbr",
            "time",
        ]
        .into_iter()
        .collect(),
    )
    .generic_attributes(["dir", "lang"].into_iter().collect())
    .tag_attributes(
        [
            ("a", ["href"].into_iter().collect()),
            ("img", ["src", "alt"].into_iter().collect()),
            ("td", ["colspan", "rowspan"].into_iter().collect()),
            ("th", ["colspan", "rowspan"].into_iter().collect()),
            ("time", ["datetime"].into_iter().collect()),
        ]
        .into_iter()
        .collect(),
    )
    .url_schemes(["http", "https", "mailto"].into_iter().collect())
    .link_rel(Some("noopener noreferrer nofollow"))
    .strip_comments(true);
    b
}

/// Pushes a failure when ammonia changes `html`, showing where.
pub fn check(name: &str, html: &str, oracle: &ammonia::Builder<'_>, failures: &mut Vec<String>) {
    let again = oracle.clean(html).to_string();
    if again != html {
        let at = html
            .bytes()
            .zip(again.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(html.len().min(again.len()));
        let from = at.saturating_sub(80);
        failures.push(format!(
            "{name}: ammonia changed the output at byte {at}:\n  naqi:    {:?}\n  ammonia: {:?}",
            html.get(from..(at + 80).min(html.len())).unwrap_or(""),
            again.get(from..(at + 80).min(again.len())).unwrap_or(""),
        ));
    }
}
