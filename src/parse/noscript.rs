//! The first `<img>` written inside a `<noscript>` (whose markup the working tree holds as text):
//! read by html5ever where the build has it (feature `html`), else by a small scan of the
//! markup that reads tags and attributes as the HTML tokenizer does for ordinary markup
//! (comments skipped, quoted and unquoted values, character references in values decoded).

/// The `src` and `srcset` of the first `<img>` in `markup`.
#[cfg(feature = "html")]
pub(crate) fn first_image(markup: &str) -> Option<(Option<String>, Option<String>)> {
    let fragment = scraper::Html::parse_fragment(markup);
    let img = fragment
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .find(|e| e.value().name() == "img")?;
    let e = img.value();
    Some((
        e.attr("src").map(str::to_string),
        e.attr("srcset").map(str::to_string),
    ))
}

/// The `src` and `srcset` of the first `<img>` in `markup`.
#[cfg(not(feature = "html"))]
pub(crate) fn first_image(markup: &str) -> Option<(Option<String>, Option<String>)> {
    let mut rest = markup;
    loop {
        let open = rest.find('<')?;
        rest = rest.get(open + 1..)?;
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").and_then(|end| after.get(end + 3..))?;
            continue;
        }
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .unwrap_or(rest.len());
        let name = rest.get(..name_len)?;
        let (attrs, after) = attributes(rest.get(name_len..)?);
        rest = after;
        if name.eq_ignore_ascii_case("img") {
            let get = |n: &str| {
                attrs
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(n))
                    .map(|(_, v)| v.clone())
            };
            return Some((get("src"), get("srcset")));
        }
    }
}

/// The attributes of a tag whose name has been read, and the markup after its `>`. The first
/// of two attributes with one name wins, as in the tokenizer.
#[cfg(not(feature = "html"))]
fn attributes(mut rest: &str) -> (Vec<(String, String)>, &str) {
    let mut attrs: Vec<(String, String)> = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return (attrs, rest);
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (attrs, after);
        }
        // A name runs to whitespace, '/', '>' or '=' (a leading '=' belongs to it).
        let name_len = rest
            .char_indices()
            .find(|&(i, c)| c.is_ascii_whitespace() || c == '/' || c == '>' || (c == '=' && i > 0))
            .map_or(rest.len(), |(i, _)| i);
        let name = rest.get(..name_len).unwrap_or("").to_ascii_lowercase();
        rest = rest.get(name_len..).unwrap_or("");
        let after_space = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let mut value = String::new();
        if let Some(v) = after_space.strip_prefix('=') {
            let v = v.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let (raw, after) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = v.get(1..).unwrap_or("");
                    match body.find(q) {
                        Some(end) => (body.get(..end).unwrap_or(""), body.get(end + 1..)),
                        None => (body, Some("")),
                    }
                }
                _ => {
                    let end = v
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(v.len());
                    (v.get(..end).unwrap_or(""), v.get(end..))
                }
            };
            value = decode_references(raw);
            rest = after.unwrap_or("");
        }
        if !attrs.iter().any(|(k, _)| *k == name) {
            attrs.push((name, value));
        }
    }
}

/// `value` with its common character references decoded (`&amp;`, `&quot;`, `&apos;`, `&lt;`,
/// `&gt;`, `&nbsp;` and numeric ones), which is what serializers write in attribute values.
#[cfg(not(feature = "html"))]
fn decode_references(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        rest = rest.get(amp..).unwrap_or("");
        let reference = rest
            .get(1..)
            .and_then(|r| r.find(';').filter(|&end| end <= 10).map(|end| (r, end)));
        let decoded = reference.and_then(|(r, end)| {
            let name = r.get(..end)?;
            let c = match name {
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                "lt" => '<',
                "gt" => '>',
                "nbsp" => '\u{a0}',
                _ => {
                    let digits = name.strip_prefix('#')?;
                    let code = match digits.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => digits.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, end + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = rest.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = rest.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::first_image;

    #[test]
    fn finds_the_first_image() {
        let markup = r#"<!-- <img src="no.jpg"> --><p><IMG alt=x SRC='a.jpg?x=1&amp;y=2' srcset="b.jpg 2x" src="c.jpg"></p><img src=d.jpg>"#;
        assert_eq!(
            first_image(markup),
            Some((
                Some("a.jpg?x=1&y=2".to_string()),
                Some("b.jpg 2x".to_string())
            ))
        );
        assert_eq!(first_image("<p>no image</p>"), None);
    }
}
