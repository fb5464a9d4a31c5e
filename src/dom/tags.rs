//! Facts about tags and attributes the stages share.

use std::borrow::Cow;

/// A set of names known when compiling, as a function giving the set's own `&'static str` for a
/// name in it. A `match` on the names compiles to length and word comparisons, much cheaper
/// than a binary search's calls to compare strings, and these run for every tag and attribute
/// of a page.
/// The names are also a list, `$list` (for tests, and for the JavaScript facts written at
/// package time: see `naqi::facts`).
macro_rules! static_names {
    (
        $(#[$doc:meta])* $vis:vis fn $lookup:ident, $list:ident { $($name:literal),+ $(,)? }
    ) => {
        $(#[$doc])*
        $vis fn $lookup(name: &str) -> Option<&'static str> {
            match name {
                $($name => Some($name),)+
                _ => None,
            }
        }

        #[allow(dead_code)]
        $vis const $list: &[&str] = &[$($name),+];
    };
}

/// Elements whose content is never article text: the clean stage removes them whole, and the
/// working tree does not keep what is inside them.
pub(crate) fn is_non_content(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "applet"
            | "link"
            | "meta"
            | "input"
            | "button"
            | "select"
            | "textarea"
            | "svg"
            | "canvas"
            | "map"
            | "dialog"
            | "head"
            | "title"
            | "nav"
            | "frame"
            | "frameset"
    )
}

/// Non-content elements whose content is ordinary markup that nothing reads, apart from JSON-LD
/// scripts: menus, buttons, form controls and the like. HTML input leaves their bodies out
/// before parsing (when that cannot change the tree around them), and the metadata stage reads
/// only JSON-LD inside them, so that both inputs, HTML and a browser's tree, give the same
/// result.
pub(crate) const OPAQUE_TAGS: &[&str] = &[
    "applet", "button", "canvas", "dialog", "map", "nav", "object", "select",
];

/// Whether `tag` is one of [`OPAQUE_TAGS`].
pub(crate) fn is_opaque(tag: &str) -> bool {
    OPAQUE_TAGS.contains(&tag)
}

static_names! {
    /// Block-level tags: text on either side of them does not run together.
    pub(crate) fn block_tag, BLOCK_TAGS {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "summary",
        "caption",
        "center",
    }
}

/// Whether `tag` is one of the block-level tags.
pub(crate) fn is_block_tag(tag: &str) -> bool {
    block_tag(tag).is_some()
}

static_names! {
    /// Block-level tags the article may contain. With [`output_inline_tag`]'s, the one
    /// allowlist of the output: the postprocess stage maps page tags onto it, the sanitizer
    /// keeps nothing else, and the serializers break lines around these.
    fn output_block_tag, OUTPUT_BLOCK_TAGS {
        "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "figure",
        "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl",
        "dt", "dd", "hr",
    }
}

static_names! {
    /// Inline tags the article may contain (see [`output_block_tag`]).
    fn output_inline_tag, OUTPUT_INLINE_TAGS {
        "br", "a", "img", "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup",
        "mark", "small", "code", "kbd", "q", "cite", "abbr", "time",
    }
}

/// The tag as the article may contain it, or `None` when the output's allowlist has no such
/// tag.
pub(crate) fn output_tag(tag: &str) -> Option<&'static str> {
    output_block_tag(tag).or_else(|| output_inline_tag(tag))
}

/// Whether an output tag is block-level.
pub(crate) fn is_output_block(tag: &str) -> bool {
    output_block_tag(tag).is_some()
}

/// Heading tags.
pub(crate) fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

static_names! {
    /// Attributes some stage reads; the rest (event handlers, tracking data, styles of no
    /// interest) are not copied into the working tree, apart from the lazy-image `data-*` ones
    /// (see [`kept_attribute`]).
    pub(crate) fn kept_name, KEPT_NAMES {
        "alt",
        "aria-controls",
        "aria-expanded",
        "aria-hidden",
        "aria-labelledby",
        "class",
        "colspan",
        "datetime",
        "dir",
        "hidden",
        "href",
        "id",
        "itemprop",
        "lang",
        "rel",
        "role",
        "rowspan",
        "src",
        "srcset",
        "style",
        "summary",
    }
}

static_names! {
    /// The attributes the metadata collector (`metadata::Collector::start`) reads. The parse stage answers no other (so HTML,
    /// whose unread attributes are left out before parsing, and trees behave alike).
    pub(crate) fn read_attribute, READ_ATTRIBUTES {
        "content", "datetime", "dir", "href", "itemprop", "itemtype", "lang", "name", "property",
        "rel", "type", "xml:lang",
    }
}

/// Whether the working tree keeps an attribute (see [`kept_attribute`]); `name` is lowercase.
#[cfg(feature = "html")]
pub(crate) fn is_kept_attribute(name: &str) -> bool {
    kept_name(name).is_some() || is_lazy_image_attribute(name)
}

/// The words naming a `data-*` attribute where lazy-loading scripts keep an image's address.
pub(crate) const LAZY_IMAGE_WORDS: &[&str] = &["src", "original", "lazy", "url"];

/// `data-*` attributes where lazy-loading scripts keep an image's address.
fn is_lazy_image_attribute(name: &str) -> bool {
    name.starts_with("data-") && LAZY_IMAGE_WORDS.iter().any(|w| name.contains(w))
}

/// The name under which an attribute is kept in the working tree, or `None` when no stage
/// reads it. Names are lowercase from the parser; the common ones are shared, not copied.
pub(crate) fn kept_attribute(name: &str) -> Option<Cow<'static, str>> {
    if let Some(known) = kept_name(name) {
        return Some(Cow::Borrowed(known));
    }
    is_lazy_image_attribute(name).then(|| Cow::Owned(name.to_string()))
}

/// Tag names of HTML elements, sorted: the working tree shares these instead of copying them.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "noscript",
    "object",
    "ol",
    "option",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "u",
    "ul",
    "video",
];

/// A tag name for the working tree: shared when it is a common one.
pub(crate) fn tag_name(tag: &str) -> Cow<'static, str> {
    match TAGS.binary_search(&tag).ok().and_then(|i| TAGS.get(i)) {
        Some(known) => Cow::Borrowed(*known),
        None => Cow::Owned(tag.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_tags_are_known_tags() {
        for t in OUTPUT_BLOCK_TAGS.iter().chain(OUTPUT_INLINE_TAGS) {
            assert_eq!(output_tag(t), Some(*t));
        }
        assert_eq!(output_tag("script"), None);
        assert!(is_output_block("p") && !is_output_block("a"));
    }

    #[test]
    fn tags_are_sorted_for_binary_search() {
        assert!(TAGS.is_sorted());
    }

    #[test]
    fn known_names_are_shared() {
        assert!(matches!(tag_name("div"), Cow::Borrowed("div")));
        assert!(matches!(tag_name("my-widget"), Cow::Owned(_)));
    }

    #[test]
    fn opaque_tags_are_non_content() {
        assert!(OPAQUE_TAGS.iter().all(|t| is_non_content(t)));
    }

    #[test]
    fn kept_attributes() {
        assert_eq!(kept_attribute("class").as_deref(), Some("class"));
        assert_eq!(
            kept_attribute("data-lazy-src").as_deref(),
            Some("data-lazy-src")
        );
        assert_eq!(kept_attribute("data-id"), None);
        assert_eq!(kept_attribute("onclick"), None);
        assert!(matches!(tag_name("p"), Cow::Borrowed("p")));
        assert!(matches!(tag_name("my-widget"), Cow::Owned(_)));
    }
}
