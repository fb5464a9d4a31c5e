//! The parse stage: a document in, the working tree of its body and its metadata out, from one
//! pass over the document in order. Two sources feed that pass:
//!
//! - HTML text, parsed by html5ever (through scraper) after [`super::prepare`];
//! - a browser's live DOM in naqi's tree format (below), so that a page the browser already
//!   parsed is not serialized and parsed again.
//!
//! # The tree format, version 1
//!
//! Tokens joined by U+0000, the first one being `naqi-tree/1`:
//!
//! | token      | meaning                                                                |
//! |------------|------------------------------------------------------------------------|
//! | `<name`    | an element starts (`name` is its local name, lowercase for HTML)       |
//! | `=attr`    | an attribute of the element that just started; the next token is its value |
//! | `>`        | the element that started last ends                                      |
//! | `#text`    | a text node                                                             |
//!
//! Comments and doctypes are left out; so may be the bodies of scripts (JSON-LD ones are read),
//! styles and templates. Elements left open at the end are closed. The npm package writes this
//! format from a `Document` (`encodeDocument` in `npm/tree.js`).

use scraper::{Html, Node as ParsedNode, StrTendril};

use super::prepare;
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
}

impl Pass {
    fn new(options: &Options) -> Pass {
        Pass {
            dom: Builder::new(options.max_elements),
            meta: Collector::default(),
        }
    }

    fn start<'a>(&mut self, tag: &str, attrs: &[(&'a str, &'a str)]) {
        let attr = |name: &str| {
            crate::metadata::read_attribute(name)?;
            attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
        };
        self.meta.start(tag, attr);
        self.dom.start(tag, attrs.iter().copied());
    }

    fn text(&mut self, text: StrTendril) {
        self.meta.text(&text);
        self.dom.text(text);
    }

    fn end(&mut self) {
        self.meta.end();
        self.dom.end();
    }

    fn finish(self, options: &Options) -> Parsed {
        Parsed {
            dom: self.dom.finish(),
            meta: self.meta.finish(options.url.as_deref()),
        }
    }
}

/// Parses HTML text.
pub(crate) fn html(html: &str, options: &Options) -> Parsed {
    let doc = Html::parse_document(&prepare::prepare(html));
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
