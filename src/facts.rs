//! Facts the JavaScript side of the package shares with the core, written out at package time
//! (`examples/js_facts.rs`, run by `scripts/package.sh`) so that they exist once, here. Not
//! part of the API.

use crate::dom::tags;

/// The lists `encodeDocument` (`npm/tree.js`) needs to write the tree format as the parse stage
/// reads HTML, as one JSON object: `read` (the attributes some stage reads), `opaque` (elements
/// whose content is never read), `block` (block-level tags: spaces next to them are dropped)
/// and `lazyImageWords` (a `data-*` attribute naming one of these holds an image's address).
pub fn tree_encoder_json() -> String {
    let mut read: Vec<&str> = tags::KEPT_NAMES
        .iter()
        .chain(tags::READ_ATTRIBUTES)
        .copied()
        .collect();
    read.sort_unstable();
    read.dedup();
    let mut block = tags::BLOCK_TAGS.to_vec();
    block.sort_unstable();
    let fields = [
        ("read", read.as_slice()),
        ("opaque", tags::OPAQUE_TAGS),
        ("block", block.as_slice()),
        ("lazyImageWords", tags::LAZY_IMAGE_WORDS),
    ];
    // The names are lowercase ASCII (tags, attributes, words): quoting them is all JSON needs.
    let quoted = |names: &[&str]| {
        let items: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        format!("[{}]", items.join(","))
    };
    let body: Vec<String> = fields
        .iter()
        .map(|(key, names)| format!("\"{key}\":{}", quoted(names)))
        .collect();
    format!("{{{}}}", body.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quoting is enough only for plain names: a test, so a new list entry cannot break it.
    #[test]
    fn every_name_needs_no_escaping() {
        let names = tags::KEPT_NAMES
            .iter()
            .chain(tags::READ_ATTRIBUTES)
            .chain(tags::OPAQUE_TAGS)
            .chain(tags::BLOCK_TAGS)
            .chain(tags::LAZY_IMAGE_WORDS);
        for name in names {
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-:".contains(&b)),
                "{name}"
            );
        }
        assert!(tree_encoder_json().starts_with("{\"read\":[\"alt\""));
    }
}
