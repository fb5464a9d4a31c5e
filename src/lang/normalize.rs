//! Text normalization for matching labels and comparing titles.
//!
//! Matching only: the article's own text is never rewritten.

/// Folds a string for label and title matching: lowercase; Arabic tashkeel, Quranic marks and
/// tatweel dropped; alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه; Persian ی → ي and ک → ك; common Latin
/// accents dropped; invisible and bidi controls dropped; ZWNJ and every punctuation or space run
/// → one space; trimmed.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        let mapped = match ch {
            // Harakat, tanween, shadda, sukun and other marks; superscript alef; Quranic marks;
            // tatweel. Both tanween placements ("أيضاً" and "أيضًا") vanish here.
            '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
            | '\u{0640}' => continue,
            // Invisible format characters: soft hyphen, ALM, ZWSP, LRM/RLM, ZWJ, embeddings,
            // isolates, word joiner, BOM.
            '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'
            | '\u{200D}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => continue,
            '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => 'ا',
            '\u{0649}' | '\u{06CC}' => 'ي',
            '\u{0629}' => 'ه',
            '\u{06A9}' => 'ك',
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'í' | 'Î' => 'i',
            'ô' | 'ö' | 'ó' | 'Ô' => 'o',
            'û' | 'ü' | 'ù' | 'ú' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            '’' | '\'' => continue,
            // Fast paths: ASCII, and Arabic-script letters and digits (uncased).
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            c if c.is_ascii() => {
                pending_space = true;
                continue;
            }
            '\u{0621}'..='\u{063A}'
            | '\u{0641}'..='\u{064A}'
            | '\u{0660}'..='\u{0669}'
            | '\u{066E}'..='\u{06D3}'
            | '\u{06D5}'
            | '\u{06EE}'..='\u{06FF}' => {
                push_word_char(&mut out, &mut pending_space, ch);
                continue;
            }
            c if c.is_alphanumeric() => c,
            // ZWNJ, spaces and all punctuation (: | - » « ، ؛ ...) separate words.
            _ => {
                pending_space = true;
                continue;
            }
        };
        if mapped.is_ascii() || !mapped.is_uppercase() {
            push_word_char(&mut out, &mut pending_space, mapped);
        } else {
            for lower in mapped.to_lowercase() {
                push_word_char(&mut out, &mut pending_space, lower);
            }
        }
    }
    out
}

/// Appends a word character, with the one space a separator run before it left pending.
fn push_word_char(out: &mut String, pending_space: &mut bool, c: char) {
    if *pending_space && !out.is_empty() {
        out.push(' ');
    }
    *pending_space = false;
    out.push(c);
}

/// Folds Arabic-Indic (٠–٩) and Persian (۰–۹) digits to ASCII.
pub(crate) fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10).unwrap_or(c),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Words of a folded string (see [`word_spans`]).
pub(crate) fn words(s: &str) -> Vec<String> {
    word_spans(&fold(s)).map(str::to_string).collect()
}

/// Number of words in a text (see [`word_spans`]).
pub(crate) fn word_count(s: &str) -> usize {
    word_spans(s).count()
}

/// The words of a text: runs of letters, digits and combining marks, which an apostrophe or a
/// zero-width (non-)joiner between two of them does not break ("don't", Persian "می‌شود").
/// This is the part of Unicode word segmentation (UAX #29) that counting words needs; the full
/// rules' tables cost more of the Wasm module than everything they would change here.
pub(crate) fn word_spans(s: &str) -> impl Iterator<Item = &str> {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| is_word_char(c))?;
        let mut end = s.len();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                chars.next();
                continue;
            }
            let joins = matches!(c, '\'' | '\u{2019}' | '\u{200C}' | '\u{200D}');
            chars.next();
            if joins && chars.peek().is_some_and(|&(_, n)| is_word_char(n)) {
                continue;
            }
            end = i;
            break;
        }
        s.get(start..end)
    })
}

/// `char::is_alphabetic`, with ASCII and the Arabic letters answered before the general
/// test, a table search: they are most of what naqi reads.
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') || c.is_alphabetic()
}

/// Letters, digits and the combining marks written on them (Arabic vowel marks are mostly
/// alphabetic already; Latin combining accents are not).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_letter(c)
        || c.is_numeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}'
            | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Share of `a`'s words found in `b` (0 when `a` has none): how much of a title a heading covers.
pub(crate) fn word_overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let found = a.iter().filter(|w| b.contains(w)).count();
    found as f64 / a.len() as f64
}

/// Characters that count as a comma or sentence end in content scoring, Arabic ones included.
pub(crate) fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{060C}'
            | '\u{061B}'
            | '\u{061F}'
            | '\u{066B}'
            | '\u{3001}'
            | '\u{FF0C}'
            | '\u{06D4}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_label_spellings_to_one_form() {
        let forms = [
            "اقرأ أيضاً",
            "اقرأ أيضًا",
            "إقرأ أيضاً:",
            "اقرا ايضا",
            "اقـرأ أيضـاً »",
            "\u{200F}اقرأ  أيضا |",
        ];
        for f in forms {
            assert_eq!(fold(f), "اقرا ايضا", "{f}");
        }
    }

    #[test]
    fn folds_persian_zwnj_and_letters() {
        assert_eq!(fold("برچسب\u{200C}ها"), "برچسب ها");
        assert_eq!(fold("مطالب مرتبط"), "مطالب مرتبط");
        assert_eq!(fold("À lire aussi :"), "a lire aussi");
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(ascii_digits("٢٠٢٤-٠٧-١١ ۱۴۰۳"), "2024-07-11 1403");
        assert_eq!(words("الطباطبائي يؤكد ضرورة").len(), 3);
    }

    #[test]
    fn word_boundaries() {
        let spans = |s| word_spans(s).collect::<Vec<_>>();
        assert_eq!(
            spans("Don't stop, 3 times!"),
            ["Don't", "stop", "3", "times"]
        );
        assert_eq!(spans("«قالَ» الرئيسُ: نعم."), ["قالَ", "الرئيسُ", "نعم"]);
        assert_eq!(
            spans("می\u{200C}شود و cafe\u{301}"),
            ["می\u{200C}شود", "و", "cafe\u{301}"]
        );
        assert_eq!(spans("rock 'n' roll -- ' "), ["rock", "n", "roll"]);
        assert_eq!(word_count("   "), 0);
    }

    #[test]
    fn letters_as_the_standard_library_says() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_mark(c), "{c:?}");
        }
    }

    fn is_mark(c: char) -> bool {
        matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}'
            | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
    }
}
