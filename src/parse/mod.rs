//! The parse stage: a document in, the working tree of its body and its metadata out, from one
//! pass over the document in order. Two sources feed that pass:
//!
//! - HTML text, parsed by html5ever (through scraper) after [`prepare`];
//! - a browser's live DOM in naqi's tree format, written by `encodeDocument` (`npm/tree.js`), so
//!   that a page the browser already parsed is not serialized and parsed again. The format is
//!   described once, in `docs/architecture.md`.
//!
//! On both paths a `<noscript>` holding enough text (a forum's or an app's crawler view) is
//! read as markup into a `<div>` in its place; any other stays a `<noscript>` with its text.
//!
//! In the tree format a `<noscript>` is its markup as one text token (what a browser with
//! scripts on holds; `innerHTML`), then, when that markup is long enough to be read, the
//! browser's parse of it as elements. A build with the HTML parser (feature `html`) parses the
//! text itself and skips those elements; one without it takes them, for the working tree only
//! (the metadata pass never sees inside a `<noscript>`, as with HTML text).

#[cfg(feature = "html")]
use scraper::{Html, Node as ParsedNode};
use tendril::StrTendril;

mod noscript;
#[cfg(feature = "html")]
mod prepare;
#[cfg(feature = "html")]
mod streamed;

pub(crate) use noscript::first_image;

/// The class of the `<div>` the parse stage reads a `<noscript>`'s markup into.
pub(crate) const NOSCRIPT_CONTENT_CLASS: &str = "naqi-noscript";

use crate::dom::{Builder, Dom};
use crate::metadata::{Collector, Metadata};
use crate::{Error, Options};

/// The first token of the tree format.
pub(crate) const TREE_HEADER: &str = "naqi-tree/1";

/// A document after the parse stage.
pub(crate) struct Parsed {
    pub dom: Dom,
    pub meta: Metadata,
}

/// The two consumers of the document pass: the working tree and the metadata.
struct Pass {
    dom: Builder,
    meta: Collector,
    /// The `<noscript>` being read, if any: what became of it, and how many of its elements
    /// are open.
    noscript: Option<(Noscript, usize)>,
}

/// What a `<noscript>` became in the working tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Noscript {
    /// Nothing yet: its text decides.
    Pending,
    /// Kept as a `<noscript>` element (the clean stage removes it).
    Kept,
    /// Its markup read as the page's content, inside a `<div>`.
    Expanded,
}

/// Whether this build parses a `<noscript>`'s markup itself; without it, the tree format
/// carries the browser's parse after the text.
const PARSES_NOSCRIPT: bool = cfg!(feature = "html");

/// A `<noscript>` whose markup holds at least this many characters of text (outside tags) is
/// the page's content for readers without scripts (forums and apps render their crawler view
/// there), and is read as markup. Image fallbacks, tracking pixels and "enable JavaScript"
/// notices hold less.
pub(crate) const NOSCRIPT_CONTENT_CHARS: usize = 200;

impl Pass {
    fn new(options: &Options) -> Pass {
        Pass {
            dom: Builder::new(options.max_elements),
            meta: Collector::default(),
            noscript: None,
        }
    }

    fn start<'a>(&mut self, tag: &str, attrs: &[(&'a str, &'a str)]) {
        if let Some((Noscript::Expanded, open)) = &mut self.noscript {
            // The browser's parse of the markup (tree format): the working tree takes it
            // unless this build parsed the markup already.
            *open += 1;
            if !PARSES_NOSCRIPT {
                self.dom.start(tag, attrs.iter().copied());
            }
            return;
        }
        let attr = |name: &str| {
            crate::metadata::read_attribute(name)?;
            attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
        };
        self.meta.start(tag, attr);
        match &mut self.noscript {
            Some((state, open)) => {
                if *state == Noscript::Pending {
                    self.dom.start("noscript", std::iter::empty());
                    *state = Noscript::Kept;
                }
                *open += 1;
            }
            None if tag == "noscript" => {
                // Its text decides what it becomes.
                self.noscript = Some((Noscript::Pending, 0));
                return;
            }
            None => {}
        }
        self.dom.start(tag, attrs.iter().copied());
    }

    fn text(&mut self, text: StrTendril) {
        if let Some((Noscript::Expanded, _)) = &self.noscript {
            if !PARSES_NOSCRIPT {
                self.dom.text(text);
            }
            return;
        }
        self.meta.text(&text);
        if let Some((state @ Noscript::Pending, _)) = &mut self.noscript {
            if markup_text_chars(&text) >= NOSCRIPT_CONTENT_CHARS {
                *state = Noscript::Expanded;
                let marker = [("class", NOSCRIPT_CONTENT_CLASS)];
                self.dom.start("div", marker.into_iter());
                #[cfg(feature = "html")]
                expand(&mut self.dom, &text);
                return;
            }
            *state = Noscript::Kept;
            self.dom.start("noscript", std::iter::empty());
        }
        self.dom.text(text);
    }

    fn end(&mut self) {
        if let Some((Noscript::Expanded, open)) = &mut self.noscript {
            if *open > 0 {
                *open -= 1;
                if !PARSES_NOSCRIPT {
                    self.dom.end();
                }
                return;
            }
        }
        self.meta.end();
        match &mut self.noscript {
            Some((_, open)) if *open > 0 => *open -= 1,
            Some((state, _)) => {
                if *state == Noscript::Pending {
                    self.dom.start("noscript", std::iter::empty());
                }
                self.noscript = None;
            }
            None => {}
        }
        self.dom.end();
    }

    fn finish(self, options: &Options) -> Parsed {
        Parsed {
            dom: self.dom.finish(),
            meta: self.meta.finish(options.url.as_deref()),
        }
    }
}

/// Characters of text outside tags in a piece of markup, not counting whitespace. Escaped
/// tags (`&lt;img ...&gt;`, written by serializers that parsed without scripts) are tags too:
/// escaped markup is not text.
fn markup_text_chars(markup: &str) -> usize {
    let mut in_tag = false;
    let mut chars = 0;
    let mut rest = markup;
    while let Some(c) = rest.chars().next() {
        let (opens, closes) = (rest.starts_with("&lt;"), rest.starts_with("&gt;"));
        let step = if opens || closes { 4 } else { c.len_utf8() };
        if c == '<' || opens {
            in_tag = true;
        } else if c == '>' || closes {
            in_tag = false;
        } else if !in_tag && !c.is_whitespace() {
            chars += 1;
        }
        rest = rest.get(step..).unwrap_or("");
    }
    chars
}

/// Reads a `<noscript>`'s markup as a fragment into the working tree, under the open element.
#[cfg(feature = "html")]
fn expand(dom: &mut Builder, markup: &str) {
    let fragment = Html::parse_fragment(&prepare::prepare(markup));
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    // The fragment's own root and its `<html>` wrapper are not the page's. (The root is a
    // fragment node, not a document: the wrapper is told by its id, or its end would close an
    // element of the page.)
    let mut wrapper = None;
    for edge in fragment.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                ParsedNode::Element(e) if wrapper.is_none() && e.name() == "html" => {
                    wrapper = Some(node.id());
                }
                ParsedNode::Element(e) => {
                    attrs.clear();
                    attrs.extend(e.attrs());
                    dom.start(e.name(), attrs.iter().copied());
                }
                ParsedNode::Text(t) => dom.text(t.text.clone()),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if node.value().is_element() && Some(node.id()) != wrapper {
                    dom.end();
                }
            }
        }
    }
}

/// Parses HTML text.
#[cfg(feature = "html")]
pub(crate) fn html(html: &str, options: &Options) -> Parsed {
    let mut doc = Html::parse_document(&prepare::prepare(html));
    streamed::place(&mut doc);
    let mut pass = Pass::new(options);
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                ParsedNode::Element(e) => {
                    attrs.clear();
                    attrs.extend(e.attrs());
                    pass.start(e.name(), &attrs);
                }
                // A tendril clone shares the parser's buffer instead of copying the text.
                ParsedNode::Text(t) => pass.text(t.text.clone()),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if node.value().is_element() {
                    pass.end();
                }
            }
        }
    }
    pass.finish(options)
}

/// Reads a document in the tree format.
///
/// # Errors
/// [`Error::NotHtml`] when the input does not start with the format's header.
pub(crate) fn tree(tree: &str, options: &Options) -> Result<Parsed, Error> {
    let mut tokens = tree.split('\0');
    if tokens.next() != Some(TREE_HEADER) {
        return Err(Error::NotHtml(format!(
            "a naqi tree starts with \"{TREE_HEADER}\""
        )));
    }
    let mut pass = Pass::new(options);
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    let mut tag: Option<&str> = None;
    while let Some(token) = tokens.next() {
        if let Some(name) = token.strip_prefix('=') {
            if tag.is_some() {
                attrs.push((name, tokens.next().unwrap_or("")));
            }
            continue;
        }
        if let Some(started) = tag.take() {
            pass.start(started, &attrs);
            attrs.clear();
        }
        if let Some(name) = token.strip_prefix('<') {
            tag = Some(name);
        } else if token == ">" {
            pass.end();
        } else if let Some(text) = token.strip_prefix('#') {
            pass.text(StrTendril::from_slice(text));
        }
    }
    if let Some(started) = tag {
        pass.start(started, &attrs);
    }
    Ok(pass.finish(options))
}

#[cfg(test)]
mod tests {
    use super::markup_text_chars;

    #[cfg(feature = "html")]
    #[test]
    fn a_read_noscript_closes_only_itself() {
        let long = "<p>".to_string() + &"Text a crawler reads. ".repeat(20) + "</p>";
        let page = format!(
            "<body><section><div><noscript>{long}</noscript></div><p>after</p></section></body>"
        );
        let parsed = super::html(&page, &crate::Options::default());
        let dom = &parsed.dom;
        let after = (0..dom.len()).rfind(|&id| dom.tag(id) == "p");
        let parent = after.and_then(|p| dom.parent(p)).map(|p| dom.tag(p));
        assert_eq!(parent, Some("section"));
    }

    #[test]
    fn escaped_markup_is_not_text() {
        assert_eq!(markup_text_chars("<p>one two</p>"), 6);
        assert_eq!(markup_text_chars("&lt;img src=\"a.gif\" alt=\"\"&gt;"), 0);
        assert_eq!(markup_text_chars("&lt;b&gt;bold&lt;/b&gt; é"), 5);
    }
}
