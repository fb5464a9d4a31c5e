//! What a text is about, as a set of content words: folded words with Arabic-script clitics
//! stripped and the languages' function words left out. Two texts about the same story share
//! their names and key nouns; that is how a teaser's body is told from the page's own article.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::normalize::{fold, word_spans};
use super::FUNCTION_WORDS;

/// Shortest stem (in letters) left after stripping a clitic; shorter words keep their prefix.
const MIN_STEM: usize = 3;
/// Most words read from one text: enough to know its subject, bounded on huge inputs.
const MAX_WORDS: usize = 600;

/// Proclitics written joined to an Arabic word, longest first: conjunctions (و ف), prepositions
/// (ب ل ك) and the article (ال), alone or combined ("وبال", "فلل", "وال").
const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف",
    "ب", "ل", "ك",
];

/// The content words of a text, as a set.
#[derive(Debug, Clone, Default)]
pub(crate) struct Topic {
    words: HashSet<String>,
}

impl Topic {
    /// The content words of `text` (its first [`MAX_WORDS`] words).
    pub(crate) fn of(text: &str) -> Topic {
        let folded = fold(text);
        let words = word_spans(&folded)
            .take(MAX_WORDS)
            .filter_map(content_word)
            .collect();
        Topic { words }
    }

    /// Share of this topic's words found in `other` (0 when this one is empty): how much of a
    /// headline a body echoes.
    pub(crate) fn echoed_in(&self, other: &Topic) -> f64 {
        if self.words.is_empty() {
            return 0.0;
        }
        let found = self
            .words
            .iter()
            .filter(|w| other.words.contains(*w))
            .count();
        found as f64 / self.words.len() as f64
    }
}

/// A folded word as a content word: `None` for function words and numbers, the stem without
/// its proclitics otherwise.
fn content_word(word: &str) -> Option<String> {
    if word.chars().all(|c| c.is_numeric()) || is_function_word(word) {
        return None;
    }
    let stem = PROCLITICS
        .iter()
        .find_map(|p| {
            word.strip_prefix(p)
                .filter(|rest| rest.chars().count() >= MIN_STEM)
        })
        .unwrap_or(word);
    if stem.chars().count() < 2 || is_function_word(stem) {
        return None;
    }
    Some(stem.to_string())
}

/// Whether a folded word is a function word of one of the languages.
fn is_function_word(word: &str) -> bool {
    static FOLDED: OnceLock<HashSet<String>> = OnceLock::new();
    FOLDED
        .get_or_init(|| {
            FUNCTION_WORDS
                .iter()
                .flat_map(|list| list.iter())
                .map(|w| fold(w))
                .collect()
        })
        .contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_clitics_and_function_words() {
        let t = Topic::of("والتحالف الدولي في العراق وبالحكومة");
        assert!(t.words.contains("تحالف"));
        assert!(t.words.contains("دولي"));
        assert!(t.words.contains("عراق"));
        assert!(t.words.contains("حكومه"));
        assert!(!t.words.contains("في"));
    }

    #[test]
    fn echo_is_the_share_of_words_found() {
        let headline = Topic::of("بريطانيا: 30 دولة مستعدة لدعم وقف النار في أوكرانيا");
        let body =
            Topic::of("قالت الحكومة البريطانية إن دولاً عدة مستعدة لدعم وقف إطلاق النار في أوكرانيا");
        let other = Topic::of("أعلن وزير التربية موعد الامتحانات");
        assert!(headline.echoed_in(&body) > 0.5);
        assert!(headline.echoed_in(&other) < 0.01);
        assert!(Topic::of("في من على").words.is_empty());
    }

    #[test]
    fn english_function_words_are_left_out() {
        let t = Topic::of("The minister said that the storm will hit the coast");
        assert!(!t.words.contains("the"));
        assert!(t.words.contains("storm"));
    }
}
