//! Facts about tags and attributes the stages share.

/// Block-level tags: text on either side of them does not run together.
pub(crate) fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "summary"
            | "caption"
            | "center"
    )
}

/// Heading tags.
pub(crate) fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Attributes some stage reads; the rest (event handlers, tracking data, styles of no
/// interest) are not copied into the working tree. Names are lowercase from the parser.
pub(crate) fn is_kept_attribute(name: &str) -> bool {
    matches!(
        name,
        "class"
            | "id"
            | "href"
            | "src"
            | "srcset"
            | "alt"
            | "style"
            | "hidden"
            | "aria-hidden"
            | "role"
            | "itemprop"
            | "rel"
            | "dir"
            | "lang"
            | "colspan"
            | "rowspan"
            | "datetime"
            | "summary"
    ) || name.starts_with("data-")
        && (name.contains("src")
            || name.contains("original")
            || name.contains("lazy")
            || name.contains("url"))
}
