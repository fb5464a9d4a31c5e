//! Page metadata: title, byline, dates, site name, lead image, canonical URL, language hints.
//!
//! Read from the parsed document (head and body) before any cleaning, so that removed blocks
//! still inform it.

pub(crate) mod byline;
pub(crate) mod dates;
pub(crate) mod derived;
mod json_ld;
mod kind;
pub(crate) mod title;

use crate::address::Url;

use crate::dom::is_opaque;

/// Everything the page says about itself, before the article is chosen.
#[derive(Debug, Default, Clone)]
pub(crate) struct Metadata {
    /// Title candidates in order of trust, see [`title`].
    pub json_ld_headline: Option<String>,
    pub og_title: Option<String>,
    pub doc_title: Option<String>,
    pub h1s: Vec<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub site_name: Option<String>,
    pub image: Option<String>,
    pub description: Option<String>,
    pub canonical: Option<String>,
    /// Whether Open Graph types the page as an article (`og:type` = `article`).
    pub og_article: bool,
    /// The URL relative links resolve against.
    pub base: Option<Url>,
    /// `lang` of `<html>` (or `<body>`).
    pub lang: Option<String>,
    /// `dir` of `<html>` or `<body>`.
    pub dir: Option<String>,
    /// What kind of page this is: a forum thread keeps its replies. See [`kind`].
    pub kind: PageKind,
    /// The page declares a product (schema.org `Product`, in JSON-LD or microdata) and no
    /// article: its dates are the shop template's, not an article's.
    pub product: bool,
}

pub(crate) use kind::PageKind;

pub(crate) use crate::dom::read_attribute;

/// Most `<meta>` elements read (bounds hostile input).
const MAX_META: usize = 2_000;

/// Most `<h1>` texts kept as title candidates.
const MAX_H1: usize = 8;

/// Which element's text is being collected.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    Title,
    H1,
    JsonLd,
}

/// Reads the metadata while the parse stage goes through the document once, in order (head and
/// body, before any cleaning): element starts, texts and ends. [`Collector::finish`] gives the
/// [`Metadata`].
#[derive(Default)]
pub(crate) struct Collector {
    m: Metadata,
    metas: Vec<(String, String)>,
    ld_scripts: Vec<String>,
    base_href: Option<String>,
    time_datetime: Option<String>,
    /// Open elements.
    depth: usize,
    /// The element whose text is being collected, the depth it started at, and the text.
    capture: Option<(Capture, usize, String)>,
    /// An element's microdata type names a discussion page.
    discussion: bool,
    /// An element's microdata type is `Answer`.
    answers: bool,
    /// An element's microdata type names a product.
    product: bool,
    /// The depth of the outermost open opaque element (a menu, a button: see
    /// [`crate::dom::is_opaque`]); only JSON-LD is read inside it.
    opaque: Option<usize>,
    /// The depth of the outermost open `<svg>` or `<math>`; nothing is read inside it (an icon's
    /// `<title>` is not the page's).
    foreign: Option<usize>,
}

impl Collector {
    /// An element starts; `attr` reads its attributes (only those of [`read_attribute`]).
    pub fn start<'a>(&mut self, tag: &str, attr: impl Fn(&str) -> Option<&'a str>) {
        self.depth += 1;
        if self.foreign.is_none() && matches!(tag, "svg" | "math") {
            self.foreign = Some(self.depth);
        }
        if self.opaque.is_none() && is_opaque(tag) {
            self.opaque = Some(self.depth);
        }
        if self.foreign.is_some() || (self.opaque.is_some() && tag != "script") {
            return;
        }
        let m = &mut self.m;
        if let Some(types) = attr("itemtype") {
            for t in types.split_whitespace() {
                self.discussion |= kind::is_discussion_type(t);
                self.product |= kind::is_product_type(t);
                self.answers |= kind::is_answer_type(t);
            }
        }
        let capture = match tag {
            "meta" if self.metas.len() < MAX_META => {
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"));
                if let (Some(k), Some(c)) = (key, attr("content")) {
                    let c = c.trim();
                    if !c.is_empty() {
                        // A property attribute may hold several space-separated names.
                        for k in k.split_whitespace() {
                            self.metas.push((k.to_ascii_lowercase(), c.to_string()));
                        }
                    }
                }
                None
            }
            "script" if attr("type").is_some_and(|t| t.contains("ld+json")) => {
                Some(Capture::JsonLd)
            }
            "link" => {
                let rel = attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && m.canonical.is_none() {
                    m.canonical = attr("href").map(|h| h.trim().to_string());
                }
                None
            }
            "base" if self.base_href.is_none() => {
                self.base_href = attr("href").map(str::to_string);
                None
            }
            "title" if m.doc_title.is_none() => Some(Capture::Title),
            "h1" if m.h1s.len() < MAX_H1 => Some(Capture::H1),
            "html" | "body" => {
                if m.lang.is_none() {
                    m.lang = attr("lang").or_else(|| attr("xml:lang")).map(trimmed);
                }
                if m.dir.is_none() {
                    m.dir = attr("dir").map(|d| d.trim().to_ascii_lowercase());
                }
                None
            }
            "time" if self.time_datetime.is_none() => {
                self.time_datetime = attr("datetime").map(str::to_string);
                None
            }
            _ => None,
        };
        if let (Some(kind), None) = (capture, &self.capture) {
            self.capture = Some((kind, self.depth, String::new()));
        }
    }

    /// A text node.
    pub fn text(&mut self, text: &str) {
        if let Some((_, _, buffer)) = self.capture.as_mut() {
            buffer.push_str(text);
        }
    }

    /// The innermost open element ends.
    pub fn end(&mut self) {
        if self
            .capture
            .as_ref()
            .is_some_and(|(_, d, _)| *d == self.depth)
        {
            if let Some((kind, _, text)) = self.capture.take() {
                match kind {
                    Capture::Title => self.m.doc_title = Some(collapse(&text)),
                    Capture::JsonLd => self.ld_scripts.push(text),
                    Capture::H1 => {
                        let t = collapse(&text);
                        if !t.is_empty() {
                            self.m.h1s.push(t);
                        }
                    }
                }
            }
        }
        if self.opaque == Some(self.depth) {
            self.opaque = None;
        }
        if self.foreign == Some(self.depth) {
            self.foreign = None;
        }
        self.depth = self.depth.saturating_sub(1);
    }

    /// The metadata; `url` is the caller's address for the page.
    pub fn finish(mut self, url: Option<&str>) -> Metadata {
        // Elements left open at the end of the input still count.
        while self.depth > 0 {
            self.end();
        }
        let Collector {
            mut m,
            metas,
            ld_scripts,
            base_href,
            time_datetime,
            discussion,
            answers,
            product,
            ..
        } = self;
        let meta = |keys: &[&str]| -> Option<String> {
            keys.iter().find_map(|k| {
                metas
                    .iter()
                    .find(|(mk, _)| mk == k)
                    .map(|(_, v)| collapse(v))
            })
        };
        let ld = json_ld::parse(ld_scripts.iter().map(String::as_str));

        m.product = (product || ld.product) && ld.headline.is_none();
        m.json_ld_headline = ld.headline.map(|h| collapse(&h));
        m.og_title = meta(&["og:title", "twitter:title", "dc.title", "parsely-title"]);
        m.byline = (!ld.authors.is_empty())
            .then(|| ld.authors.join("، "))
            .or_else(|| {
                meta(&[
                    "author",
                    "article:author",
                    "parsely-author",
                    "dc.creator",
                    "byl",
                ])
            })
            .filter(|a| !a.starts_with("http"));
        m.published = ld
            .published
            .or_else(|| {
                meta(&[
                    "article:published_time",
                    "datepublished",
                    "parsely-pub-date",
                    "pubdate",
                    "publishdate",
                    "date",
                    "dc.date",
                    "og:published_time",
                ])
            })
            .or(time_datetime)
            .and_then(|d| dates::normalize(&d));
        m.modified = ld
            .modified
            .or_else(|| meta(&["article:modified_time", "datemodified", "og:updated_time"]))
            .and_then(|d| dates::normalize(&d));
        m.site_name = meta(&["og:site_name", "application-name"]).or(ld.publisher);
        m.description =
            meta(&["og:description", "description", "twitter:description"]).or(ld.description);
        m.canonical = m.canonical.or_else(|| meta(&["og:url"]));
        m.og_article = meta(&["og:type"]).is_some_and(|t| t.eq_ignore_ascii_case("article"));
        let discussion = discussion
            || ld.discussion
            || url
                .into_iter()
                .chain(m.canonical.as_deref())
                .any(kind::is_thread_address);
        m.kind = PageKind::of(discussion, answers);

        let page_url = url
            .and_then(|u| Url::parse(u).ok())
            .or_else(|| m.canonical.as_deref().and_then(|c| Url::parse(c).ok()));
        m.base = match (&page_url, base_href) {
            (Some(page), Some(b)) => page.join(b.trim()).ok().or(Some(page.clone())),
            (None, Some(b)) => Url::parse(b.trim()).ok(),
            (page, None) => page.clone(),
        };
        m.canonical = m.canonical.map(|c| absolute(m.base.as_ref(), &c));
        m.cap_strings();
        m.image = meta(&[
            "og:image",
            "og:image:url",
            "twitter:image",
            "twitter:image:src",
        ])
        .or(ld.image)
        .map(|i| absolute(m.base.as_ref(), &i));
        m
    }
}

impl Metadata {
    /// Caps every text the page declares about itself at the article field's limit, before
    /// any stage compares them (the title comparisons take time growing with the product of
    /// two texts' word counts): a hostile page's megabyte title costs no more than a real one.
    fn cap_strings(&mut self) {
        let title = |t: &mut Option<String>| {
            if let Some(s) = t.as_mut() {
                *s = cap(s, crate::MAX_TITLE_CHARS);
            }
        };
        title(&mut self.json_ld_headline);
        title(&mut self.og_title);
        title(&mut self.doc_title);
        for h in &mut self.h1s {
            *h = cap(h, crate::MAX_TITLE_CHARS);
        }
        self.lang = self
            .lang
            .take()
            .filter(|l| l.chars().count() <= crate::MAX_LANG_CHARS);
        for (field, max) in [
            (&mut self.byline, crate::MAX_BYLINE_CHARS),
            (&mut self.site_name, crate::MAX_SITE_NAME_CHARS),
            (&mut self.description, crate::MAX_EXCERPT_CHARS),
        ] {
            if let Some(s) = field.as_mut() {
                *s = cap(s, max);
            }
        }
    }
}

/// `s` cut to at most `max` characters: at the last space within the final half when there
/// is one, then "…" (which counts). Unchanged when it fits.
pub(crate) fn cap(s: &str, max: usize) -> String {
    let Some((cut, _)) = s.char_indices().nth(max) else {
        return s.to_string();
    };
    // Room for the ellipsis: the first `max - 1` characters.
    let keep = s
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(cut, |(i, _)| i);
    let head = s.get(..keep).unwrap_or("");
    let floor = s.char_indices().nth(max / 2).map_or(0, |(i, _)| i);
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space >= floor => head.get(..space).unwrap_or(head),
        _ => head,
    };
    format!("{}…", head.trim_end())
}

/// Resolves `href` against `base`; returns it unchanged when it cannot be resolved.
pub(crate) fn absolute(base: Option<&Url>, href: &str) -> String {
    let href = href.trim();
    match base {
        Some(b) => b
            .join(href)
            .map(String::from)
            .unwrap_or_else(|_| href.to_string()),
        None => href.to_string(),
    }
}

fn trimmed(s: &str) -> String {
    s.trim().to_string()
}

/// Collapses whitespace runs to one space, trims, and decodes character references left
/// encoded by a double-escaping CMS (`&amp;quot;` in the source reads as `&quot;`).
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::text::push_collapsed(&mut out, &crate::text::decode_references(s));
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::collapse;

    #[test]
    fn caps_at_a_word_boundary() {
        use super::cap;
        assert_eq!(cap("short", 10), "short");
        assert_eq!(cap("one two three four", 12), "one two…");
        assert_eq!(cap("abcdefghijklmnop", 6), "abcde…");
        assert_eq!(cap("كلمة كلمة كلمة", 7).chars().count(), 5);
    }

    #[test]
    fn decodes_leftover_references() {
        assert_eq!(
            collapse("&quot;شعر&quot; &amp; x &#1588; &#x41; &bogus; a&b"),
            "\"شعر\" & x ش A &bogus; a&b"
        );
    }
}
