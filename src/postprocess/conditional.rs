//! Inside the chosen article: drop blocks that look like furniture rather than text —
//! link-heavy boxes, image galleries without prose, forms, bylines, duplicate titles.

use super::lines::{is_byline, is_dateline, is_link_line, is_rights_line, repeats_title};
use crate::dom::{is_heading, Dom, Measures, NodeId};
use crate::lang::is_sign_off;
use crate::lang::normalize::words;
use crate::removal::report;
use crate::score::class_weight;
use crate::select::Selection;
use crate::{Removal, RemovalKind, RemovalRule};

/// Blocks with at least this many commas are prose and always stay.
const PROSE_COMMAS: u32 = 10;
/// A block with a negative class weight stays when it holds paragraphs of at least this many
/// characters...
const WRAPPED_PROSE_CHARS: u32 = 150;
/// ... or prose, when links hold less than this share of their text, whatever their class says.
const PROSE_LINK_SHARE: f64 = 0.2;

/// Removes furniture inside the article roots, and reports to `out` what held text.
/// The best-scored block (`core`), a thread's posts and their ancestors are never removed
/// whole; what is inside them is cleaned.
pub(crate) fn clean(dom: &mut Dom, selection: &Selection, title: &str, out: &mut Vec<Removal>) {
    let (roots, core) = (selection.roots.as_slice(), selection.core);
    let m = Measures::of(dom);
    let mut protected = dom.holders_of(Some(core));
    for &post in &selection.posts {
        // The post's own text: its deepest block with the most text outside links.
        let own = |d: NodeId| m.chars(d).saturating_sub(m.at(d).link_chars);
        let body = dom
            .live_descendants(post)
            .filter(|&d| dom.is_element(d))
            .fold(post, |best, d| if own(d) >= own(best) { d } else { best });
        for a in std::iter::once(body).chain(dom.ancestors(body)) {
            match protected.get_mut(a) {
                Some(flag) if !*flag => *flag = true,
                // The ancestors above are marked already.
                _ => break,
            }
        }
    }
    let title_words = words(title);
    let mut title_dropped = false;
    for &root in roots {
        let end = dom.subtree_end(root);
        dom.walk_live(root + 1, end, |dom, id| {
            if protected.get(id).copied().unwrap_or(false) {
                return false;
            }
            let is_title = !title_dropped && repeats_title(dom, &m, id, &title_words);
            title_dropped |= is_title;
            let rule = if is_title {
                Some(RemovalRule::RepeatedTitle)
            } else {
                furniture_rule(dom, &m, id)
            };
            if let Some(rule) = rule {
                dom.remove(id);
                report(out, dom, kind_of(rule), rule, id);
                return true;
            }
            // A data table kept whole is not cleaned inside: its short cells are its data.
            dom.tag(id) == "table" && is_data_table(dom, id)
        });
    }
}

/// The rule that drops a block other than the repeated title, if any.
fn furniture_rule(dom: &Dom, m: &Measures, id: NodeId) -> Option<RemovalRule> {
    let tag = dom.tag(id);
    if is_dateline(dom, m, id) {
        Some(RemovalRule::Dateline)
    } else if is_byline(dom, m, id) {
        Some(RemovalRule::Byline)
    } else if is_link_line(dom, m, id) {
        Some(RemovalRule::LinkLine)
    } else if is_rights_line(dom, m, id) {
        Some(RemovalRule::RightsLine)
    } else if is_heading(tag) {
        let drop = tag == "h1" && m.chars(id) == 0
            || class_weight(dom, id) < 0.0
            || m.link_density(id) > 0.5 && !links_to_itself(dom, id) && !is_described(dom, m, id);
        drop.then_some(RemovalRule::FurnitureHeading)
    } else if matches!(
        tag,
        "form"
            | "fieldset"
            | "table"
            | "ul"
            | "ol"
            | "div"
            | "section"
            | "aside"
            | "header"
            | "footer"
            | "figure"
    ) {
        is_furniture(dom, m, id).then_some(RemovalRule::Furniture)
    } else {
        None
    }
}

/// What a block that `rule` drops is.
fn kind_of(rule: RemovalRule) -> RemovalKind {
    match rule {
        RemovalRule::RepeatedTitle | RemovalRule::Dateline | RemovalRule::Byline => {
            RemovalKind::Metadata
        }
        RemovalRule::RightsLine => RemovalKind::Boilerplate,
        _ => RemovalKind::Furniture,
    }
}

/// Inside a page's main region taken whole: drops its footers, asides and forms, and the
/// headers that do not hold the page's headline (the site's own), which are furniture wherever
/// they sit, and so are lists of short links (menus, category and archive lists); its cards and
/// lists of headline links are the page's content.
pub(crate) fn clean_wide(
    dom: &mut Dom,
    roots: &[NodeId],
    title_node: Option<NodeId>,
    out: &mut Vec<Removal>,
) {
    let holds_title = dom.holders_of(title_node);
    let m = Measures::of(dom);
    for &root in roots {
        let end = dom.subtree_end(root);
        dom.walk_live(root + 1, end, |dom, id| {
            let rule = match dom.tag(id) {
                "footer" | "aside" | "form" => Some(RemovalRule::Furniture),
                "header" if !holds_title.get(id).copied().unwrap_or(false) => {
                    Some(RemovalRule::Furniture)
                }
                "ul" | "ol" if is_menu(&m, id) => Some(RemovalRule::LinkList),
                _ => None,
            };
            if let Some(rule) = rule {
                dom.remove(id);
                report(out, dom, RemovalKind::Furniture, rule, id);
            }
            rule.is_some()
        });
    }
}

/// A list is a menu when it holds at least this many links...
const MENU_LINKS: u32 = 5;
/// ... links hold at least this share of its text...
const MENU_LINK_SHARE: f64 = 0.8;
/// ... and they are shorter than this many characters on average (a headline is longer).
const MENU_LINK_CHARS: u32 = 20;

/// A list of short links: a menu, a category or archive list.
fn is_menu(m: &Measures, id: NodeId) -> bool {
    let c = m.at(id);
    c.links >= MENU_LINKS
        && m.link_density(id) >= MENU_LINK_SHARE
        && c.link_chars / c.links.max(1) < MENU_LINK_CHARS
}

/// Whether a heading links only to itself (`<h2 id="setup"><a href="#setup">`): documentation
/// generators make each section heading its own permalink, to the heading's id, its section's
/// or an anchor inside it, or back to its entry in the page's contents ([`is_backlink`]). A
/// post's title linking to the post further up is not one.
fn links_to_itself(dom: &Dom, id: NodeId) -> bool {
    let targets: Vec<&str> = std::iter::once(id)
        .chain(dom.parent(id))
        .chain(dom.live_descendants(id))
        .filter_map(|d| dom.attr(d, "id"))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    let mut links = dom
        .live_descendants(id)
        .filter(|&d| dom.tag(d) == "a")
        .peekable();
    links.peek().is_some()
        && links.all(|a| {
            is_backlink(dom, a)
                || dom
                    .attr(a, "href")
                    .and_then(|h| h.trim().strip_prefix('#'))
                    .is_some_and(|t| targets.contains(&t))
        })
}

/// Whether a link leads back to where the page refers to its section: its entry in the page's
/// own table of contents (docutils and Sphinx write `<h2><a role="doc-backlink" href="#id3">`,
/// the DPUB-ARIA role for such links).
fn is_backlink(dom: &Dom, a: NodeId) -> bool {
    dom.attr(a, "role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("doc-backlink"))
        && dom
            .attr(a, "href")
            .is_some_and(|h| h.trim().starts_with('#'))
}

/// Whether a linked heading is followed by its description: a paragraph without links (alone
/// or in a box of its own) that ends a sentence, as a
/// guide's index lists its pages (the page's title as a link, then what it covers).
fn is_described(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let Some(parent) = dom.parent(id) else {
        return false;
    };
    let next = dom
        .live_children(parent)
        .skip_while(|&c| c != id)
        .skip(1)
        .find(|&c| m.chars(c) > 0);
    next.is_some_and(|n| {
        (dom.tag(n) == "p" || m.at(n).paragraphs == 1)
            && m.link_density(n) == 0.0
            && dom.text(n).trim_end().ends_with('.')
    })
}

/// Prose that names its references reads on around its links: they hold less than this
/// share of its text...
const REFERENCED_PROSE_LINK_SHARE: f64 = 0.4;
/// ... and the text outside them has at least this many characters.
const REFERENCED_PROSE_CHARS: u32 = 40;

/// Whether a block is paragraphs of prose whose sentences link to what they name (a manual's
/// references to its functions and pages): it ends a sentence, and its text outside the links
/// is long enough to be more than a label over them.
fn is_referenced_prose(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let c = m.at(id);
    if c.paragraphs == 0
        || m.link_density(id) >= REFERENCED_PROSE_LINK_SHARE
        || c.chars.saturating_sub(c.link_chars) < REFERENCED_PROSE_CHARS
    {
        return false;
    }
    let text = dom.text(id);
    text.trim_end()
        .ends_with(['.', ':', '!', '?', '\u{61f}', '\u{3002}'])
}

/// Longest source line read for a sign-off.
const SIGN_OFF_CHARS: u32 = 160;

/// Readability-style conditional cleaning of one block.
fn is_furniture(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let tag = dom.tag(id);
    // The article's own source line ("المصدر: ...") printed in a <div> of its own is short,
    // but it is the article's.
    if tag == "div"
        && m.link_density(id) == 0.0
        && m.chars(id) <= SIGN_OFF_CHARS
        && is_sign_off(&dom.text(id))
    {
        return false;
    }
    // A list the sentence before it announces is read on from that sentence.
    if crate::related::is_announced_list(dom, id) {
        return false;
    }
    let weight = class_weight(dom, id);
    let prose = m.at(id).commas >= PROSE_COMMAS;
    // A furniture-like class (page builders call every block a "widget") does not outweigh
    // paragraphs of text with few links.
    let paragraphs = prose || (m.at(id).paragraphs >= 1 && m.chars(id) >= WRAPPED_PROSE_CHARS);
    if weight < 0.0 && !(paragraphs && m.link_density(id) < PROSE_LINK_SHARE) {
        return true;
    }
    if prose {
        return false;
    }
    let c = m.at(id);
    let (p, img, li, inputs, embeds) = (
        f64::from(c.paragraphs),
        f64::from(c.images),
        f64::from(c.items),
        f64::from(c.inputs),
        f64::from(c.embeds),
    );
    let chars = f64::from(m.chars(id));
    let density = m.weighted_link_density(id);
    let is_list = matches!(tag, "ul" | "ol");
    if tag == "table" && is_data_table(dom, id) {
        return density > 0.5;
    }
    if tag == "figure" {
        return img == 0.0 && chars < 25.0;
    }
    (img > 1.0
        && p / img < 0.5
        && !has_figure_parent(dom, id)
        && !has_text_lines(dom, m, id)
        && !has_described_items(dom, m, id, img))
        || (!is_list && li - 100.0 > p)
        || inputs > (p / 3.0).floor()
        || (!is_list && chars < 25.0 && (img == 0.0 || img > 2.0) && !has_heading(dom, id))
        || (weight < 25.0
            && density > 0.2
            && !(is_list && (density < 0.5 || super::lists::is_sentence_list(dom, m, id)))
            && !(!is_list && weight >= 0.0 && is_referenced_prose(dom, m, id)))
        || (weight >= 25.0 && density > 0.5)
        || (embeds == 1.0 && chars < 75.0)
        || embeds > 1.0
}

/// A block of photos holds a story when at least this many of its lines are prose...
const STORY_LINES: u32 = 2;
/// ... together at least this many characters.
const STORY_CHARS: u32 = 200;
/// A prose line has at least this many characters, and ends a sentence unless it has
/// [`LONG_LINE_CHARS`].
const LINE_CHARS: u32 = 50;
const LONG_LINE_CHARS: u32 = 80;

/// Whether a block of images tells a story between them: editors that never write `<p>` put
/// each paragraph in a `<div>` of its own, beside the `<div>`s that hold the photos. Two or
/// more such lines of prose (inline content only, almost no links, sentences) as the block's
/// own children make it an article's body, not a gallery. Cards (a photo, a linked title and
/// a blurb, each card a box of its own) are not lines of the block.
fn has_text_lines(dom: &Dom, m: &Measures, id: NodeId) -> bool {
    let (mut lines, mut chars) = (0u32, 0u32);
    for c in dom.live_children(id) {
        let n = m.chars(c);
        let is_line = dom.tag(c) == "div"
            && n >= LINE_CHARS
            && m.link_density(c) < 0.1
            && !dom
                .live_children(c)
                .any(|g| crate::dom::is_block_tag(dom.tag(g)))
            && (n >= LONG_LINE_CHARS || ends_sentence(&dom.text(c)));
        if is_line {
            lines += 1;
            chars = chars.saturating_add(n);
        }
    }
    lines >= STORY_LINES && chars >= STORY_CHARS
}

/// Whether a block of images is a list of described items (a round-up's recipes or products):
/// at least [`DESCRIBED_ITEMS`] headings that are not links, one for every two images or
/// more, each with a blurb's worth of text, and few links. Teaser cards link their titles.
fn has_described_items(dom: &Dom, m: &Measures, id: NodeId, images: f64) -> bool {
    if m.link_density(id) >= 0.3 {
        return false;
    }
    let headings = dom
        .live_descendants(id)
        .take(20_000)
        .filter(|&d| matches!(dom.tag(d), "h2" | "h3" | "h4"))
        .filter(|&d| {
            !dom.live_descendants(d).any(|x| dom.tag(x) == "a")
                && !dom
                    .ancestors(d)
                    .take_while(|&a| a != id)
                    .any(|a| dom.tag(a) == "a")
        })
        .count();
    headings >= DESCRIBED_ITEMS
        && headings as f64 * 2.0 >= images
        && m.chars(id)
            >= u32::try_from(headings)
                .unwrap_or(u32::MAX)
                .saturating_mul(ITEM_CHARS)
}

/// Fewest described items that make a list (see [`has_described_items`]).
const DESCRIBED_ITEMS: usize = 3;
/// Characters per item, heading and blurb together.
const ITEM_CHARS: u32 = 100;

/// Whether a line ends with a full stop, an exclamation or a question mark (Latin, Arabic,
/// CJK).
pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '\u{61f}', '\u{3002}', '\u{ff01}', '\u{ff1f}'])
}

fn has_figure_parent(dom: &Dom, id: NodeId) -> bool {
    dom.parent(id).is_some_and(|p| dom.tag(p) == "figure")
}

fn has_heading(dom: &Dom, id: NodeId) -> bool {
    dom.live_children(id).any(|c| is_heading(dom.tag(c)))
}

/// Tables that hold data rather than layout: a caption, header cells, or a summary.
fn is_data_table(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "role").is_some_and(|r| r == "presentation") {
        return false;
    }
    if dom.attr(id, "summary").is_some()
        || dom
            .live_descendants(id)
            .take(2_000)
            .any(|d| matches!(dom.tag(d), "caption" | "th" | "thead" | "col" | "colgroup"))
    {
        return true;
    }
    // Without header markup, the grid's size decides, as Readability has it: a table of
    // ten rows, of more than four columns, or of more than ten cells holds data, unless it
    // nests tables (a layout).
    let (mut rows, mut columns) = (0usize, 0usize);
    for d in dom.live_descendants(id).take(20_000) {
        match dom.tag(d) {
            "table" => return false,
            "tr" => {
                rows += 1;
                let cells = dom
                    .live_children(d)
                    .filter(|&c| matches!(dom.tag(c), "td" | "th"))
                    .count();
                columns = columns.max(cells);
            }
            _ => {}
        }
    }
    rows > 1 && columns > 1 && (rows >= 10 || columns > 4 || rows * columns > 10)
}
