//! Facts derived from the extracted text: language, direction, excerpt, reading time, and the
//! readability check.

use crate::article::{Direction, ReadingTime};
use crate::dom::{Dom, Measures};
use crate::lang::{is_rtl_language, ScriptCounts};

/// Reading speed in characters per minute, mean and spread, by language (IReST, Trauzettel-
/// Klosinski & Dietz 2012). Persian, Urdu and other Arabic-script languages use the Arabic
/// figure, the closest script measured.
const READING_SPEED: &[(&str, f64, f64)] = &[
    ("ar", 612.0, 88.0),
    ("fa", 612.0, 88.0),
    ("ur", 612.0, 88.0),
    ("ps", 612.0, 88.0),
    ("ckb", 612.0, 88.0),
    ("he", 833.0, 130.0),
    ("en", 987.0, 118.0),
    ("fr", 998.0, 126.0),
    ("de", 920.0, 86.0),
    ("es", 1025.0, 127.0),
    ("it", 950.0, 140.0),
    ("nl", 978.0, 86.0),
    ("pt", 913.0, 145.0),
    ("ru", 986.0, 175.0),
    ("tr", 1054.0, 156.0),
    ("pl", 916.0, 126.0),
    ("sv", 917.0, 156.0),
    ("fi", 1078.0, 121.0),
    ("sl", 885.0, 145.0),
    ("zh", 255.0, 29.0),
    ("ja", 357.0, 56.0),
];
/// The cross-language mean of the same study, for other languages.
const DEFAULT_SPEED: (f64, f64) = (863.0, 234.0);

/// Reading time as a range of minutes from the text's character count.
pub(crate) fn reading_time(text: &str, lang: Option<&str>) -> ReadingTime {
    let primary = lang.and_then(|l| l.split(['-', '_']).next()).unwrap_or("");
    let (cpm, spread) = READING_SPEED
        .iter()
        .find(|(l, _, _)| l.eq_ignore_ascii_case(primary))
        .map(|(_, c, s)| (*c, *s))
        .unwrap_or(DEFAULT_SPEED);
    let chars = text.chars().filter(|c| !c.is_whitespace()).count() as f64;
    let minutes = |speed: f64| (chars / speed).ceil().max(1.0) as u32;
    ReadingTime {
        min_minutes: minutes(cpm + spread),
        max_minutes: minutes(cpm - spread),
    }
}

/// The article's language: the page's `lang`, unless the text's script plainly contradicts it,
/// else the script's language, else a stop-word guess between English and French.
pub(crate) fn language(attr: Option<&str>, scripts: &ScriptCounts, text: &str) -> Option<String> {
    let guess = scripts.guess_language();
    let attr = attr.map(str::trim).filter(|a| !a.is_empty());
    match (attr, guess) {
        (Some(a), Some(g)) if is_rtl_language(a) != is_rtl_language(g) => Some(g.to_string()),
        (Some(a), None)
            if is_rtl_language(a) && scripts.rtl_share() < 0.05 && scripts.letters > 200 =>
        {
            latin_guess(text).map(str::to_string)
        }
        (Some(a), _) => Some(a.to_string()),
        (None, Some(g)) => Some(g.to_string()),
        (None, None) => latin_guess(text).map(str::to_string),
    }
}

/// English or French from common function words, when one clearly dominates.
fn latin_guess(text: &str) -> Option<&'static str> {
    let mut en = 0usize;
    let mut fr = 0usize;
    for w in text.split(|c: char| !c.is_alphabetic()).take(5_000) {
        match w.to_lowercase().as_str() {
            "the" | "and" | "of" | "to" | "is" | "that" | "with" | "for" => en += 1,
            "le" | "la" | "les" | "des" | "et" | "est" | "une" | "du" | "dans" => fr += 1,
            _ => {}
        }
    }
    if en >= 3 && en > fr * 2 {
        Some("en")
    } else if fr >= 3 && fr > en * 2 {
        Some("fr")
    } else {
        None
    }
}

/// Share of right-to-left letters above which text reads right to left when nothing says so.
const RTL_SHARE: f64 = 0.5;

/// The article's direction: a `dir` attribute (unless the text is plainly the other way),
/// then the language, then the share of right-to-left letters — so pages that set RTL only in
/// CSS still come out RTL.
pub(crate) fn direction(
    dir_attr: Option<&str>,
    lang: Option<&str>,
    scripts: &ScriptCounts,
) -> Direction {
    let share = scripts.rtl_share();
    match dir_attr.map(str::trim) {
        Some("rtl") if scripts.letters < 50 || share > 0.1 => return Direction::Rtl,
        Some("ltr") if scripts.letters < 50 || share < 0.8 => return Direction::Ltr,
        _ => {}
    }
    if let Some(l) = lang {
        if is_rtl_language(l) {
            return Direction::Rtl;
        }
        if scripts.letters < 50 {
            return Direction::Ltr;
        }
    }
    if share > RTL_SHARE {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// Longest excerpt, in characters.
const EXCERPT_CHARS: usize = 200;

/// The first real paragraph of the text, shortened, for an excerpt.
pub(crate) fn first_paragraph(text: &str) -> Option<String> {
    text.split("\n\n")
        .map(str::trim)
        .find(|p| p.chars().count() >= 40)
        .map(|p| crate::text::truncate_words(p, EXCERPT_CHARS))
}

/// Score above which a page probably holds an article.
pub(crate) const READABLE_SCORE: f64 = 20.0;

/// Sum over long paragraphs of √(characters − minimum), the minimum lower for right-to-left
/// text, which says as much in fewer characters.
pub(crate) fn readable_score(dom: &Dom, m: &Measures) -> f64 {
    let mut score = 0.0;
    for id in 0..dom.len() {
        if dom.is_removed(id) || !matches!(dom.tag(id), "p" | "pre" | "article") {
            continue;
        }
        let chars = f64::from(m.chars(id));
        let sample = dom.text_prefix(id, 200);
        let min = if ScriptCounts::of(&sample).rtl_share() > RTL_SHARE {
            90.0
        } else {
            140.0
        };
        if chars >= min {
            score += (chars - min).sqrt();
        }
        if score > READABLE_SCORE {
            break;
        }
    }
    score
}
