//! Real image addresses behind lazy loading: `data-src` and friends, `srcset`, `<picture>`
//! sources and `<noscript>` fallbacks.

use crate::dom::{Dom, NodeId};
use url::Url;

/// Attributes lazy loaders keep the real address in, most specific first.
const LAZY_ATTRS: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-actualsrc",
    "data-hi-res-src",
    "data-full-src",
    "data-url",
    "data-img-src",
];

/// The best address for an `<img>`, absolute when `base` is known.
pub(crate) fn image_src(dom: &Dom, img: NodeId, base: Option<&Url>) -> Option<String> {
    let from_attrs = LAZY_ATTRS
        .iter()
        .filter_map(|a| dom.attr(img, a))
        .find(|v| usable(v))
        .map(str::to_string)
        .or_else(|| {
            ["data-srcset", "data-lazy-srcset", "srcset"]
                .iter()
                .filter_map(|a| dom.attr(img, a))
                .find_map(largest_in_srcset)
        })
        .or_else(|| {
            dom.attr(img, "src")
                .filter(|v| usable(v))
                .map(str::to_string)
        })
        .or_else(|| picture_source(dom, img))
        .or_else(|| noscript_near(dom, img));
    from_attrs.map(|s| crate::metadata::absolute(base, &s))
}

/// Not a placeholder: not a data URL, not a known spacer.
fn usable(v: &str) -> bool {
    let v = v.trim();
    if v.is_empty() || v.starts_with("data:") || v.starts_with('#') {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    ![
        "blank.gif",
        "spacer.gif",
        "pixel.gif",
        "1x1.",
        "transparent.gif",
        "placeholder",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// The widest candidate of a `srcset` (by `w`, then `x` descriptor).
pub(crate) fn largest_in_srcset(srcset: &str) -> Option<String> {
    srcset
        .split(',')
        .filter_map(|part| {
            let mut it = part.split_whitespace();
            let url = it.next()?;
            let size = it
                .next()
                .and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f64>().ok())
                .unwrap_or(1.0);
            usable(url).then(|| (url.to_string(), size))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(u, _)| u)
}

/// A `<source srcset>` of the `<picture>` the image sits in.
fn picture_source(dom: &Dom, img: NodeId) -> Option<String> {
    let parent = dom.parent(img).filter(|&p| dom.tag(p) == "picture")?;
    dom.children(parent)
        .iter()
        .filter(|&&c| dom.tag(c) == "source")
        .find_map(|&c| {
            dom.attr(c, "srcset")
                .or_else(|| dom.attr(c, "data-srcset"))
                .and_then(largest_in_srcset)
        })
}

/// The image inside a `<noscript>` next to the lazy image (or in the same parent).
fn noscript_near(dom: &Dom, img: NodeId) -> Option<String> {
    let parent = dom.parent(img)?;
    dom.children(parent)
        .iter()
        .filter(|&&c| dom.tag(c) == "noscript")
        .find_map(|&c| noscript_image(dom, c))
}

/// The `src` of the first `<img>` written inside a `<noscript>` (kept as raw text by the
/// parser).
pub(crate) fn noscript_image(dom: &Dom, noscript: NodeId) -> Option<String> {
    let raw: String = dom
        .children(noscript)
        .iter()
        .filter_map(|&c| dom.text_of(c))
        .collect();
    if !raw.contains("<img") {
        return None;
    }
    let fragment = scraper::Html::parse_fragment(&raw);
    let img = fragment
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .find(|e| e.value().name() == "img")?;
    let e = img.value();
    e.attr("src")
        .filter(|v| usable(v))
        .map(str::to_string)
        .or_else(|| e.attr("srcset").and_then(largest_in_srcset))
}

#[cfg(test)]
mod tests {
    use super::largest_in_srcset;

    #[test]
    fn picks_the_widest_srcset_entry() {
        assert_eq!(
            largest_in_srcset("a.jpg 320w, b.jpg 1024w, c.jpg 640w").as_deref(),
            Some("b.jpg")
        );
        assert_eq!(
            largest_in_srcset("a.jpg, b.jpg 2x").as_deref(),
            Some("b.jpg")
        );
    }
}
