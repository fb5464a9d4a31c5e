//! Real image addresses behind lazy loading: `data-src` and friends, `srcset`, `<picture>`
//! sources and `<noscript>` fallbacks.

use crate::address::Url;
use crate::dom::{Dom, NodeId};

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
                .and_then(|d| descriptor_number(d.trim_end_matches(['w', 'x'])))
                .unwrap_or(1.0);
            usable(url).then(|| (url.to_string(), size))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(u, _)| u)
}

/// The number of a `srcset` descriptor (`320`, `1.5`, `2e1`): digits with at most one point,
/// an optional exponent. Not `str::parse::<f64>`, whose correctly rounded algorithm brings
/// ≈ 10 KB of gzipped tables into the .wasm; the sizes are only compared with each other.
fn descriptor_number(d: &str) -> Option<f64> {
    let (mantissa, exponent) = match d.find(['e', 'E']) {
        Some(at) => (d.get(..at)?, d.get(at + 1..)?.parse::<i32>().ok()?),
        None => (d, 0),
    };
    let mantissa = mantissa.strip_prefix('+').unwrap_or(mantissa);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = || int.bytes().chain(frac.bytes());
    if int.len() + frac.len() == 0 || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits().fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0'));
    let scale = exponent.saturating_sub(i32::try_from(frac.len()).ok()?);
    Some(if scale < 0 {
        value / 10f64.powi(-scale)
    } else {
        value * 10f64.powi(scale)
    })
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
    let (src, srcset) = crate::parse::first_image(&raw)?;
    src.filter(|v| usable(v))
        .or_else(|| srcset.as_deref().and_then(largest_in_srcset))
}

#[cfg(test)]
mod tests {
    use super::largest_in_srcset;

    #[test]
    fn descriptor_numbers_read_like_floats() {
        for d in ["320", "1.5", "2", "0.75", "1e3", "+2", ".5", "5.", "1024"] {
            assert_eq!(super::descriptor_number(d), d.parse::<f64>().ok(), "{d}");
        }
        for d in ["", ".", "w", "1,5", "-1"] {
            assert_eq!(super::descriptor_number(d), None, "{d}");
        }
    }

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
