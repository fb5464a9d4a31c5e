//! The tree input (`naqi::extract_tree`), which the npm package writes from a browser's live DOM.
//!
//! Here the tree is written from html5ever's parse of each fixture, the way `npm/tree.js` writes
//! it from a DOM, and the article must be the same as from the HTML itself. (In Chromium the
//! package's own tests compare the two paths on the live acceptance page.) Malformed trees get a
//! clear error or a best-effort article.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use ego_tree::iter::Edge;
use naqi::{Error, Options};
use scraper::{Html, Node};

/// The tree format written from a parsed document, as `encodeDocument` does from a DOM, except
/// that the content of opaque elements (menus, buttons) and attributes no stage reads are
/// written: the Rust side must leave them out by itself.
fn encode(html: &str) -> String {
    let mut doc = Html::parse_document(html);
    run_streamed_moves(&mut doc);
    let mut out = vec!["naqi-tree/1".to_string()];
    // Depth of an element whose children are left out (script, style, template).
    let mut skipping: Option<usize> = None;
    let mut depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    depth += 1;
                    if skipping.is_some() {
                        continue;
                    }
                    out.push(format!("<{}", e.name()));
                    let read = |k: &str| {
                        !k.starts_with("on")
                            && (!k.starts_with("data-")
                                || ["src", "url", "original", "lazy"]
                                    .iter()
                                    .any(|w| k.contains(w)))
                    };
                    for (k, v) in e.attrs().filter(|(k, _)| read(k)) {
                        out.push(format!("={k}"));
                        out.push(v.to_string());
                    }
                    let ld = e.attr("type").is_some_and(|t| t.contains("ld+json"));
                    if e.name() == "script" && ld {
                        let text: String = node
                            .descendants()
                            .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                            .collect();
                        out.push(format!("#{text}"));
                    }
                    if matches!(e.name(), "script" | "style" | "template" | "svg") {
                        skipping = Some(depth);
                    }
                }
                Node::Text(t) if skipping.is_none() => out.push(format!("#{}", &**t)),
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    if skipping == Some(depth) {
                        skipping = None;
                    } else if skipping.is_some() {
                        depth -= 1;
                        continue;
                    }
                    depth -= 1;
                    out.push(">".into());
                }
            }
        }
    }
    out.join("\0")
}

/// What React's `$RC("B:n","S:n")` does in a browser that runs the page's scripts: each
/// hidden `<div id="S:n">` moves before its `<template id="B:n">`.
fn run_streamed_moves(doc: &mut Html) {
    let find = |doc: &Html, tag: &str, prefix: &str| -> Vec<(String, ego_tree::NodeId)> {
        doc.tree
            .root()
            .descendants()
            .filter_map(|n| {
                let e = n.value().as_element()?;
                let id = e.attr("id")?.strip_prefix(prefix)?;
                (e.name() == tag && (tag != "div" || e.attr("hidden").is_some()))
                    .then(|| (id.to_ascii_lowercase(), n.id()))
            })
            .collect()
    };
    let templates = find(doc, "template", "B:");
    for (n, part) in find(doc, "div", "S:") {
        let Some(&(_, template)) = templates.iter().find(|(t, _)| *t == n) else {
            continue;
        };
        let inside = doc
            .tree
            .get(template)
            .is_some_and(|t| t.ancestors().any(|a| a.id() == part));
        if !inside {
            doc.tree.get_mut(template).unwrap().insert_id_before(part);
        }
    }
}

/// Both paths give the same article (or the same error) for the page.
fn assert_same(name: &str, html: &str, options: &Options) {
    assert_alike(name, html, options, |h| h.to_string());
}

/// Both paths give the same article, `text` and `content_html` compared as `same` writes them.
fn assert_alike(name: &str, html: &str, options: &Options, same: fn(&str) -> String) {
    let from_html = naqi::extract(html, options);
    let from_tree = naqi::extract_tree(&encode(html), options);
    match (from_html, from_tree) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.title, b.title, "{name}: title");
            assert_eq!(same(&a.text), same(&b.text), "{name}: text");
            assert_eq!(
                same(&a.content_html),
                same(&b.content_html),
                "{name}: content_html"
            );
            assert_eq!(a.byline, b.byline, "{name}: byline");
            assert_eq!(a.published, b.published, "{name}: published");
            assert_eq!(a.lead_image, b.lead_image, "{name}: lead_image");
            assert_eq!(a.lang, b.lang, "{name}: lang");
            assert_eq!(a.dir, b.dir, "{name}: dir");
            let labels =
                |r: &[naqi::Removal]| r.iter().map(|x| x.label.clone()).collect::<Vec<_>>();
            assert_eq!(labels(&a.removed), labels(&b.removed), "{name}: removed");
        }
        (Err(a), Err(b)) => assert_eq!(a.code(), b.code(), "{name}: error"),
        (a, b) => panic!(
            "{name}: from HTML {:?}, from the tree {:?}",
            a.err(),
            b.err()
        ),
    }
}

#[test]
fn every_fixture_reads_the_same_from_a_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for lang in std::fs::read_dir(&root).unwrap().flatten() {
        for case in std::fs::read_dir(lang.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let source = case.path().join("source.html");
            let Ok(html) = std::fs::read_to_string(&source) else {
                continue; // source.bin: a byte-level case, not a DOM one.
            };
            let expected = std::fs::read_to_string(case.path().join("expected.json")).unwrap();
            let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
            let field = |key: &str| {
                expected
                    .get(key)
                    .and_then(|u| u.as_str().map(str::to_string))
            };
            if matches!(field("error").as_deref(), Some("EMPTY_INPUT" | "NOT_HTML")) {
                continue; // About the HTML text itself; a DOM always has a tree.
            }
            if case.file_name() == "self-closing-script" {
                // A repair of the HTML text (lxml's `<script/>`); a browser's DOM has already
                // read the article as script, as html5ever does without the repair.
                continue;
            }
            let url = field("url");
            let mut options = Options::default();
            options.url = url;
            assert_same(&source.display().to_string(), &html, &options);
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} fixtures found");
}

#[test]
fn the_acceptance_page_reads_the_same_from_a_tree() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/acceptance/seed-page.html");
    let html = std::fs::read_to_string(page).unwrap();
    assert_same("acceptance", &html, &Options::default());
}

#[test]
fn a_tree_without_its_header_is_refused() {
    for input in ["<p>not a tree</p>", "naqi-tree/2\0<p\0#x\0>", "\0<p"] {
        let err = naqi::extract_tree(input, &Options::default()).unwrap_err();
        assert!(matches!(err, Error::NotHtml(_)), "{input:?}: {err:?}");
    }
    let empty = naqi::extract_tree("", &Options::default()).unwrap_err();
    assert!(matches!(empty, Error::EmptyInput));
}

#[test]
fn malformed_trees_give_an_error_or_an_article() {
    let paragraph = "#هذه فقرة طويلة من مقال للتجربة، فيها ما يكفي من الكلمات والفواصل، \
                     وتكفي وحدها لتكون مقالاً يقرأه القارئ كاملاً دون أن ينقصه شيء.";
    let cases = [
        // Ends without starts, attributes without an element, unknown tokens.
        format!("naqi-tree/1\0>\0>\0=class\0x\0?\0<body\0<p\0{paragraph}\0>\0>\0>\0>"),
        // Elements never closed.
        format!("naqi-tree/1\0<html\0<body\0<article\0<p\0{paragraph}"),
        // An attribute name with no value at the end.
        format!("naqi-tree/1\0<body\0<p\0{paragraph}\0>\0<div\0=class"),
        // No body: the whole document is the tree.
        format!("naqi-tree/1\0<div\0<p\0{paragraph}\0>\0>"),
    ];
    for tree in &cases {
        let article = naqi::extract_tree(tree, &Options::default()).unwrap();
        assert!(article.text.contains("فقرة طويلة"), "{tree:?}");
    }
    let nothing = naqi::extract_tree("naqi-tree/1", &Options::default()).unwrap_err();
    assert_eq!(nothing.code(), "NO_ARTICLE");
}

#[test]
fn very_deep_trees_are_read_in_bounded_depth() {
    let mut tree = String::from("naqi-tree/1\0<body");
    for _ in 0..200_000 {
        tree.push_str("\0<div");
    }
    tree.push_str("\0#deep text");
    let result = naqi::extract_tree(&tree, &Options::default());
    assert!(matches!(result, Ok(_) | Err(Error::NoArticle)));
}

#[test]
fn trees_over_the_size_limit_are_refused() {
    let options = Options::default().with_max_input_bytes(1_000);
    let tree = format!("naqi-tree/1\0<body\0#{}", "x".repeat(2_000));
    let err = naqi::extract_tree(&tree, &options).unwrap_err();
    assert_eq!(err.code(), "INPUT_TOO_LARGE");
}

/// A small fixed-seed generator (xorshift), so that the random pages are the same every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Markup in the shapes the prepare stage leaves out or keeps (menus, buttons, form controls,
/// inline SVG, unread attributes, comments), often misnested or left open.
fn random_markup(rng: &mut Rng, depth: usize, out: &mut String) {
    const TAGS: &[&str] = &[
        "nav",
        "button",
        "select",
        "option",
        "div",
        "p",
        "a",
        "b",
        "i",
        "span",
        "ul",
        "li",
        "h1",
        "h2",
        "svg",
        "g",
        "path",
        "form",
        "table",
        "td",
        "section",
        "object",
        "title",
        "script",
        "dialog",
        "map",
        "style",
        "math",
        "desc",
        "foreignObject",
        "nobr",
        "hr",
        "img",
        "input",
        "noscript",
        "textarea",
        "optgroup",
        "font",
        "dd",
    ];
    const ATTRS: &[&str] = &[
        " class=\"menu\"",
        " id=\"main-content\"",
        " href=\"/next\"",
        " title=\"a > b\"",
        " onclick=\"go('<nav>')\"",
        " data-track=1",
        " aria-label='x'",
        " role=navigation",
        " style=\"display:none\"",
        " type=\"application/ld+json\"",
        "/",
    ];
    const TEXTS: &[&str] = &[
        "اقرأ أيضاً: ",
        "Read more",
        "هذه جملة طويلة من نص المقال، فيها كلمات كثيرة وفواصل، تكفي لتكون فقرة. ",
        "A long sentence of article text, with commas, words and more words in it. ",
        "Menu",
        "<!-- a comment <nav> -->",
        "{\"@type\": \"NewsArticle\", \"headline\": \"Headline\"}",
        " ",
    ];
    for _ in 0..rng.below(4) + 1 {
        match rng.below(10) {
            0..=2 => out.push_str(rng.pick(TEXTS)),
            3 => {
                out.push_str("</");
                out.push_str(rng.pick(TAGS));
                out.push('>');
            }
            _ => {
                let tag = rng.pick(TAGS);
                out.push('<');
                out.push_str(tag);
                for _ in 0..rng.below(3) {
                    let attr = rng.pick(ATTRS);
                    // `<script/>`, `<title/>` and the like are repaired in HTML text only (see
                    // `every_fixture_reads_the_same_from_a_tree`).
                    if attr != "/"
                        || !matches!(tag, "script" | "title" | "style" | "textarea" | "noscript")
                    {
                        out.push_str(attr);
                    }
                }
                out.push('>');
                if depth < 3 {
                    random_markup(rng, depth + 1, out);
                }
                if rng.below(4) > 0 {
                    out.push_str("</");
                    out.push_str(tag);
                    out.push('>');
                }
            }
        }
    }
}

#[test]
fn random_markup_reads_the_same_from_a_tree() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let paragraph = "<p>هذه فقرة طويلة من مقال للتجربة، فيها ما يكفي من الكلمات والفواصل، \
                     وتكفي وحدها لتكون مقالاً يقرأه القارئ كاملاً دون أن ينقصه شيء.</p>";
    for case in 0..5_000 {
        let mut html = String::from("<html><head><title>Headline</title></head><body>");
        random_markup(&mut rng, 0, &mut html);
        html.push_str(paragraph);
        random_markup(&mut rng, 0, &mut html);
        html.push_str(paragraph);
        random_markup(&mut rng, 0, &mut html);
        // Comments are left out of HTML text before parsing, which joins the text around them:
        // in a table, that can move a space along with the text fostered out of it. Only such
        // spaces may differ.
        assert_alike(
            &format!("case {case}: {html}"),
            &html,
            &Options::default(),
            |h| h.split_whitespace().collect(),
        );
    }
}
