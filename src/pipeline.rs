//! The one place that knows the stage order. Each stage is a module of the same name (one
//! bold name per module); a module uses only the shared modules (`dom`, `text`, `lang`, `out`,
//! ...) and the stages before it, which `tests/layering.rs` checks against this list.
//!
//! 1. **parse** (html5ever via scraper, or a browser's DOM in naqi's tree format) into the
//!    working tree, reading the page's **metadata** in the same pass, while every block is
//!    still there: the page's own headline is what later tells the article from teasers;
//! 2. **clean**: drop scripts, styles, navigation and hidden elements;
//! 3. **related**: remove and report labelled and hinted related blocks and other articles,
//!    before scoring, so that a long teaser can never win the article's place;
//! 4. **unlikely** (in `clean`): drop page furniture by class/id, skipped on a retry when that
//!    leaves too little text;
//! 5. **score** and **select** the article, guided by the headline;
//! 6. **postprocess**: unlabelled link lists, conditional cleaning, the output tree;
//! 7. **sanitize** the output tree against the allowlist;
//! 8. **serialize** it as HTML, text and Markdown, then the derived metadata (language,
//!    direction, excerpt, reading time).
//!
//! Every stage that removes blocks with text reports them (the article's `removed`, at most
//! `MAX_REMOVALS` entries, in stage order), each with its `RemovalRule`.

#[cfg(feature = "html")]
use std::borrow::Cow;

use crate::article::Article;
use crate::dom::{Dom, Measures, NodeId};
use crate::lang::normalize::{word_count, word_overlap, words};
use crate::lang::{Lexicon, ScriptCounts};
use crate::metadata::derived;
use crate::metadata::title::{similarity, SAME_TITLE};
use crate::metadata::Metadata;
use crate::out::OutNode;
use crate::parse::{self, Parsed};
use crate::url_policy::{self, Use};
use crate::{clean, metadata, postprocess, related, sanitize, score, select, serialize};
use crate::{Error, Options, Removal};

/// A document as the pipeline takes it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Input<'a> {
    /// HTML text.
    #[cfg(feature = "html")]
    Html(&'a str),
    /// A browser's DOM in the tree format (see [`parse`]).
    Tree(&'a str),
}

/// One pass of the selection stages.
struct Attempt {
    /// The cleaned article.
    out: Vec<OutNode>,
    /// Its plain text, and that text's length in characters.
    text: String,
    chars: usize,
    /// Every removal reported so far.
    removed: Vec<Removal>,
    /// The first chosen block (its ancestors' `dir` decides the direction).
    first_root: Option<NodeId>,
}

/// Where [`run_until`] stops, for benchmarks of each stage's cost (the difference between
/// two consecutive stops).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Parsed: the working tree built and the metadata read.
    Parse,
    /// Scripts, navigation and hidden elements removed.
    Clean,
    /// Related blocks removed and reported.
    Related,
    /// Everything: the article.
    Article,
}

/// Runs the whole pipeline on one document.
pub(crate) fn run(input: Input<'_>, options: &Options) -> Result<Article, Error> {
    run_until(input, options, Stage::Article)?.ok_or(Error::NoArticle)
}

/// Runs the pipeline up to `stop`; only [`Stage::Article`] gives the article.
pub(crate) fn run_until(
    input: Input<'_>,
    options: &Options,
    stop: Stage,
) -> Result<Option<Article>, Error> {
    options.validate()?;
    let deadline = crate::deadline::Deadline::start(options);
    let Parsed { mut dom, meta } = checked_parse(input, options)?;
    deadline.check()?;
    dom.set_deadline(deadline);
    if stop == Stage::Parse {
        return Ok(None);
    }
    let title = metadata::title::choose(&meta);
    let discussion = meta.kind.keeps_comments();

    let mut removals = Vec::new();
    clean::remove_non_content(&mut dom, &mut removals);
    deadline.check()?;
    if stop == Stage::Clean {
        return Ok(None);
    }
    let title_node = find_title_node(&dom, &title);
    let byline = meta
        .byline
        .as_deref()
        .map(metadata::byline::clean)
        .or_else(|| metadata::byline::find(&dom));
    if options.remove_related {
        removals.extend(related::run(
            &mut dom,
            &Lexicon::new(&options.extra_labels),
            &title,
            title_node,
            discussion,
        ));
    }
    deadline.check()?;
    if stop == Stage::Related {
        return Ok(None);
    }

    // First with page furniture stripped by class/id; again without when that left too little.
    let before_unlikely = dom.removed.clone();
    let page = postprocess::Page {
        title: &title,
        title_node,
        base: meta.base.as_ref(),
        keep_images: options.keep_images,
    };
    let mut best: Option<Attempt> = None;
    for strip_unlikely in [true, false] {
        deadline.check()?;
        dom.removed.clone_from(&before_unlikely);
        let mut attempt_removals = removals.clone();
        if strip_unlikely {
            clean::remove_unlikely(&mut dom, title_node, discussion, &mut attempt_removals);
        }
        let m = Measures::of(&dom);
        let scores = score::run(&dom, &m);
        let Some(mut selection) = select::run(&dom, &m, &scores, title_node) else {
            continue;
        };
        if discussion {
            selection = select::widen_to_posts(&dom, &m, selection, title_node);
        }
        let attempt = attempt(&mut dom, &selection, &page, &meta, attempt_removals);
        let chars = attempt.chars;
        if best.as_ref().is_none_or(|b| chars > b.chars) {
            best = Some(attempt);
        }
        if chars >= options.min_text_chars {
            break;
        }
    }
    deadline.check()?;
    // A page that is not one article (a listing, a product or service page) keeps its main
    // region whole when the article found in it is a small part of it.
    dom.removed.clone_from(&before_unlikely);
    let mut m = Measures::of(&dom);
    let region = select::main_region(&dom, &m);
    let declared = region.as_ref().is_some_and(|r| dom.tag(r.core) != "body");
    // Without a declared main region the body stands for it, stripped of furniture by
    // class/id, and only on a page that does not declare itself an article.
    // A shop's template dates its product pages too (`article:published_time`): a page that
    // declares a product and no article is not an article page.
    let article_page =
        !meta.product && (meta.published.is_some() || meta.json_ld_headline.is_some());
    // A headline inside an `<article>` element heads one article among the region's blocks.
    let headed_article =
        title_node.is_some_and(|t| dom.ancestors(t).any(|a| dom.tag(a) == "article"));
    let share = match (declared, article_page || headed_article) {
        (true, true) => WIDE_SHARE,
        (true, false) => PAGE_SHARE,
        (false, false) if !meta.og_article => BODY_PAGE_SHARE,
        (false, _) => BODY_SHARE,
    };
    // An article page whose article came out shorter than the minimum is read as one that is
    // not: its markers (a `datePublished` left by a site template) did not find an article.
    let too_short = best
        .as_ref()
        .is_none_or(|b| b.chars < options.min_text_chars);
    let region = region.filter(|_| declared || !article_page || too_short);
    let mut region_removals = removals.clone();
    if region.is_some() && !declared {
        clean::remove_unlikely(&mut dom, title_node, discussion, &mut region_removals);
        m = Measures::of(&dom);
    }
    if let Some(region) = region {
        let short = |chars: usize, region_chars: f64| (chars as f64) < region_chars * share;
        let region_chars = f64::from(m.chars(region.core));
        if best.as_ref().is_none_or(|b| short(b.chars, region_chars)) {
            let wide = attempt(&mut dom, &region, &page, &meta, region_removals);
            if best
                .as_ref()
                .is_none_or(|b| short(b.chars, wide.chars as f64))
            {
                best = Some(wide);
            }
        }
    }
    let Some(best) = best.filter(|b| b.text.chars().any(char::is_alphanumeric)) else {
        return Err(Error::NoArticle);
    };
    deadline.check()?;
    Ok(Some(assemble(&dom, meta, title, byline, best)))
}

/// The article read from the main region replaces the one chosen by score when that one's text
/// is less than this share of the region's.
const WIDE_SHARE: f64 = 0.5;
/// The same share on a page that declares a main region but not an article (no date, no
/// JSON-LD headline): a product or service page spreads its content over many blocks (an
/// intro, feature cards, specifications, questions), and the best-scored one of them is rarely
/// most of the region.
const PAGE_SHARE: f64 = 0.75;
/// The same share for the body, when the page declares no main region.
const BODY_SHARE: f64 = 0.25;
/// The same share for the body of a page that declares no main region and nothing of an
/// article (no date, no JSON-LD headline, no `og:type` of `article`, no headline in an
/// `<article>`): a landing or service page is its sections together.
const BODY_PAGE_SHARE: f64 = 0.5;

/// Postprocesses, sanitizes and serializes one selection.
fn attempt(
    dom: &mut Dom,
    selection: &select::Selection,
    page: &postprocess::Page<'_>,
    meta: &Metadata,
    mut removed: Vec<Removal>,
) -> Attempt {
    let out = postprocess::run(dom, selection, page, &mut removed);
    let out = sanitize::clean(out, meta.base.as_ref());
    let text = serialize::to_text(&out);
    let chars = text.chars().count();
    Attempt {
        out,
        text,
        chars,
        removed,
        first_root: selection.roots.first().copied(),
    }
}

/// Builds the article from the output tree and the metadata.
fn assemble(
    dom: &Dom,
    meta: Metadata,
    title: String,
    byline: Option<String>,
    best: Attempt,
) -> Article {
    let Attempt {
        out,
        text,
        mut removed,
        first_root,
        ..
    } = best;
    removed.truncate(crate::MAX_REMOVALS);
    // The first 20,000 characters tell the scripts apart well enough.
    let sample_end = text
        .char_indices()
        .nth(20_000)
        .map_or(text.len(), |(i, _)| i);
    let scripts = ScriptCounts::of(text.get(..sample_end).unwrap_or(&text));
    let lang = derived::language(meta.lang.as_deref(), &scripts, &text);
    let dir_attr = first_root
        .and_then(|r| {
            std::iter::once(r)
                .chain(dom.ancestors(r))
                .find_map(|a| dom.attr(a, "dir"))
        })
        .map(str::to_ascii_lowercase)
        .or(meta.dir.clone());
    let dir = derived::direction(dir_attr.as_deref(), lang.as_deref(), &scripts);
    let base = meta.base.as_ref();
    let content_html = serialize::to_html(&out);
    let lead_image = meta
        .image
        .as_deref()
        .and_then(|i| url_policy::allow(i, base, Use::Image))
        .or_else(|| postprocess::first_image(&out));
    let canonical_url = meta
        .canonical
        .as_deref()
        .and_then(|c| url_policy::allow(c, base, Use::Link));
    let excerpt = meta
        .description
        .clone()
        .or_else(|| derived::first_paragraph(&text));
    Article {
        title: metadata::cap(&title, crate::MAX_TITLE_CHARS),
        byline: byline.map(|b| metadata::cap(&b, crate::MAX_BYLINE_CHARS)),
        published: meta.published,
        modified: meta.modified,
        site_name: meta
            .site_name
            .map(|s| metadata::cap(&s, crate::MAX_SITE_NAME_CHARS)),
        reading_time: derived::reading_time(&text, lang.as_deref()),
        word_count: word_count(&text),
        lang,
        dir,
        excerpt: excerpt.map(|e| metadata::cap(&e, crate::MAX_EXCERPT_CHARS)),
        lead_image,
        canonical_url,
        content_html,
        markdown: serialize::to_markdown(&out),
        text,
        removed,
    }
}

/// The parse stage, after the input checks.
fn checked_parse(input: Input<'_>, options: &Options) -> Result<Parsed, Error> {
    match input {
        #[cfg(feature = "html")]
        Input::Html(html) => {
            let html = check_input(html, options)?;
            Ok(parse::html(&html, options))
        }
        Input::Tree(tree) => {
            check_size(tree, options)?;
            parse::tree(tree, options)
        }
    }
}

/// Checks the size of an input: not empty, not over the limit.
fn check_size(input: &str, options: &Options) -> Result<(), Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge {
            size: input.len(),
            limit: options.max_input_bytes,
        });
    }
    if input.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    Ok(())
}

#[cfg(feature = "html")]
/// Checks HTML text before parsing: its size, and that it is text (control characters other
/// than whitespace are more than 1 in 20 of its first 4,096 characters in binary data, almost
/// never in a page). A stray NUL is replaced with U+FFFD, as browsers do, rather than refused.
fn check_input<'a>(html: &'a str, options: &Options) -> Result<Cow<'a, str>, Error> {
    check_size(html, options)?;
    let (mut sampled, mut control) = (0usize, 0usize);
    for c in html.chars().take(4_096) {
        sampled += 1;
        control += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    }
    if control * 20 > sampled {
        return Err(Error::NotHtml("the input holds binary data".into()));
    }
    Ok(if html.contains('\0') {
        Cow::Owned(html.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(html)
    })
}

/// Most nodes a heading may have to be compared with the title.
const MAX_HEADING_NODES: usize = 500;

/// The heading that carries the page's headline: the first `<h1>` like it, else the first
/// `<h2>`/`<h3>`, else an element marked `itemprop="headline"`.
fn find_title_node(dom: &Dom, title: &str) -> Option<NodeId> {
    let title_words = words(title);
    if title_words.is_empty() {
        return None;
    }
    let mut fallback = None;
    let mut h1s = Vec::new();
    for id in 0..dom.len() {
        let tag = dom.tag(id);
        if tag == "h1" && !dom.is_removed(id) {
            h1s.push(id);
        }
        let marked = dom
            .attr(id, "itemprop")
            .is_some_and(|p| p.contains("headline"));
        if !(matches!(tag, "h1" | "h2" | "h3") || marked)
            || dom.subtree_end(id) - id > MAX_HEADING_NODES
        {
            continue;
        }
        let heading = words(&dom.text(id));
        if similarity(&heading, &title_words) < SAME_TITLE {
            continue;
        }
        if tag == "h1" {
            return Some(id);
        }
        fallback = fallback.or(Some(id));
    }
    fallback.or_else(|| sole_h1_within(dom, &h1s, &title_words))
}

/// The page's only `<h1>` when every one of its words (two or more) is in the title: a
/// shortened headline ("Translation Services" under the title "Brand: Professional Translation
/// Services") still names the page.
fn sole_h1_within(dom: &Dom, h1s: &[NodeId], title_words: &[String]) -> Option<NodeId> {
    let [h1] = h1s else {
        return None;
    };
    if dom.subtree_end(*h1) - h1 > MAX_HEADING_NODES {
        return None;
    }
    let heading = words(&dom.text(*h1));
    (heading.len() >= 2 && word_overlap(&heading, title_words) >= 1.0).then_some(*h1)
}

/// A fast check for a reader button: enough paragraph text outside page furniture.
pub(crate) fn is_probably_readable(input: Input<'_>) -> bool {
    let Ok(Parsed { mut dom, meta }) = checked_parse(input, &Options::default()) else {
        return false;
    };
    // The report is not read here.
    let mut removals = Vec::new();
    clean::remove_non_content(&mut dom, &mut removals);
    clean::remove_unlikely(&mut dom, None, meta.kind.keeps_comments(), &mut removals);
    let m = Measures::of(&dom);
    derived::readable_score(&dom, &m) > derived::READABLE_SCORE
}

#[cfg(all(test, feature = "html"))]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn walks_stop_once_the_budget_is_spent() {
        let page = format!("<body>{}</body>", "<p>text</p>".repeat(20_000));
        let options = Options::default().with_time_budget(Some(Duration::from_millis(1)));
        let Parsed { mut dom, .. } = parse::html(&page, &options);
        let deadline = crate::deadline::Deadline::start(&options);
        std::thread::sleep(Duration::from_millis(3));
        dom.set_deadline(deadline);
        let mut visited = 0;
        let end = dom.len();
        dom.walk_live(0, end, |_, _| {
            visited += 1;
            false
        });
        assert!(visited < end / 2, "visited {visited} of {end} nodes");
    }
}
