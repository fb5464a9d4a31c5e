//! Language data and text facts: label lexicons per language, normalization, script detection.

mod ar;
mod en;
mod fa;
mod fr;
pub(crate) mod normalize;
pub(crate) mod topic;
mod ur;

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::RemovalKind;
use normalize::fold;

/// One entry of a label lexicon.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Label {
    /// The phrase as sites write it (folded before matching).
    pub phrase: &'static str,
    /// What a block under this label is.
    pub kind: RemovalKind,
}

impl Label {
    /// A lexicon entry.
    pub(crate) const fn new(phrase: &'static str, kind: RemovalKind) -> Label {
        Label { phrase, kind }
    }
}

/// Every built-in lexicon, one per language.
const LEXICONS: &[&[Label]] = &[ar::LABELS, fa::LABELS, ur::LABELS, en::LABELS, fr::LABELS];

/// Every language's function words (see [`topic`]).
const FUNCTION_WORDS: &[&[&str]] = &[
    ar::FUNCTION_WORDS,
    fa::FUNCTION_WORDS,
    ur::FUNCTION_WORDS,
    en::FUNCTION_WORDS,
    fr::FUNCTION_WORDS,
];

/// How a boilerplate line is matched, on folded text.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Boilerplate {
    /// The line opens with the phrase followed by a colon, a dash or a number ("رقم الخبر: 12").
    Opens(&'static str),
    /// The line is the phrase alone (punctuation aside).
    Whole(&'static str),
    /// The line holds the phrase (a disclaimer's own words).
    Contains(&'static str),
}

/// Every language's boilerplate lines.
const BOILERPLATE: &[&[Boilerplate]] = &[
    ar::BOILERPLATE,
    fa::BOILERPLATE,
    ur::BOILERPLATE,
    en::BOILERPLATE,
    fr::BOILERPLATE,
];

/// Longest boilerplate line, in characters.
const MAX_BOILERPLATE_CHARS: usize = 300;

/// Whether a short line is boilerplate (see [`Boilerplate`]).
pub(crate) fn is_boilerplate(line: &str) -> bool {
    type Folded = Vec<(u8, String)>;
    static FOLDED: OnceLock<Folded> = OnceLock::new();
    let phrases = FOLDED.get_or_init(|| {
        BOILERPLATE
            .iter()
            .flat_map(|l| l.iter())
            .map(|b| match b {
                Boilerplate::Opens(p) => (0, fold(p)),
                Boilerplate::Whole(p) => (1, fold(p)),
                Boilerplate::Contains(p) => (2, fold(p)),
            })
            .collect()
    });
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_BOILERPLATE_CHARS {
        return false;
    }
    let folded = fold(line);
    let padded = format!(" {folded} ");
    phrases.iter().any(|(how, p)| match how {
        0 => {
            let Some(rest) = folded.strip_prefix(p.as_str()) else {
                return false;
            };
            // The phrase, then a separator or a number, in the line as written.
            let separated = line
                .chars()
                .take(p.chars().count() + 6)
                .any(|c| matches!(c, ':' | '：' | '-' | '–' | '|'));
            (rest.is_empty() || rest.starts_with(' '))
                && (separated || rest.trim_start().starts_with(|c: char| c.is_numeric()))
        }
        1 => folded == *p,
        _ => padded.contains(&format!(" {p} ")),
    })
}

/// Every language's sign-off words: source lines and agency credits that end an article.
const SIGN_OFFS: &[&[&str]] = &[
    ar::SIGN_OFFS,
    fa::SIGN_OFFS,
    ur::SIGN_OFFS,
    en::SIGN_OFFS,
    fr::SIGN_OFFS,
];

/// Extra words a heading may carry after a label ("Related stories from around the web").
const LABEL_TAIL_WORDS: usize = 3;

/// The folded label lexicon of one extraction: built-in entries plus the caller's extra labels.
pub(crate) struct Lexicon {
    entries: Cow<'static, [(String, RemovalKind)]>,
    /// The first word of every entry, for a quick rejection.
    first_words: Cow<'static, HashSet<String>>,
}

/// Entries sorted longest first (so "اقرأ أيضا في" wins over "اقرأ أيضا"), and their first words.
fn sorted_with_first_words(
    mut entries: Vec<(String, RemovalKind)>,
) -> (Vec<(String, RemovalKind)>, HashSet<String>) {
    entries.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    let first_words = entries
        .iter()
        .filter_map(|(p, _)| p.split(' ').next())
        .map(str::to_string)
        .collect();
    (entries, first_words)
}

impl Lexicon {
    /// Builds the lexicon; `extra` labels count as related-content labels. The built-in part
    /// is folded once per process.
    pub(crate) fn new(extra: &[String]) -> Lexicon {
        type Folded = (Vec<(String, RemovalKind)>, HashSet<String>);
        static BUILT_IN: OnceLock<Folded> = OnceLock::new();
        let built_in = BUILT_IN.get_or_init(|| {
            sorted_with_first_words(
                LEXICONS
                    .iter()
                    .flat_map(|l| l.iter())
                    .map(|l| (fold(l.phrase), l.kind))
                    .collect(),
            )
        });
        let extra: Vec<(String, RemovalKind)> = extra
            .iter()
            .map(|e| fold(e))
            .filter(|f| !f.is_empty())
            .map(|f| (f, RemovalKind::Related))
            .collect();
        if extra.is_empty() {
            return Lexicon {
                entries: Cow::Borrowed(&built_in.0),
                first_words: Cow::Borrowed(&built_in.1),
            };
        }
        let (entries, first_words) =
            sorted_with_first_words(built_in.0.iter().cloned().chain(extra).collect());
        Lexicon {
            entries: Cow::Owned(entries),
            first_words: Cow::Owned(first_words),
        }
    }

    /// Whether a folded line's first word opens any label: when it does not, neither
    /// [`label`](Self::label) nor [`prefix`](Self::prefix) can match.
    pub(crate) fn may_open(&self, folded: &str) -> bool {
        folded
            .split(' ')
            .next()
            .is_some_and(|w| self.first_words.contains(w))
    }

    /// The kind of block that a short label line (already folded) names: the whole line is a
    /// label, or a label followed by at most a few words.
    pub(crate) fn label(&self, folded: &str) -> Option<RemovalKind> {
        if folded.is_empty() {
            return None;
        }
        let words = folded.split(' ').count();
        self.entries.iter().find_map(|(phrase, kind)| {
            if folded == phrase {
                return Some(*kind);
            }
            let rest = folded.strip_prefix(phrase.as_str())?.strip_prefix(' ')?;
            let phrase_words = phrase.split(' ').count();
            (!rest.is_empty() && words <= phrase_words + LABEL_TAIL_WORDS).then_some(*kind)
        })
    }

    /// Whether a folded text mentions a label of this kind anywhere, as whole words.
    pub(crate) fn mentions(&self, folded: &str, kind: RemovalKind) -> bool {
        let padded = format!(" {folded} ");
        self.entries
            .iter()
            .filter(|(_, k)| *k == kind)
            .any(|(phrase, _)| padded.contains(&format!(" {phrase} ")))
    }

    /// When a folded line ends with a label ("... the minister said. Read also"), its kind and
    /// the number of folded words the label takes.
    pub(crate) fn suffix(&self, folded: &str) -> Option<(RemovalKind, usize)> {
        self.entries.iter().find_map(|(phrase, kind)| {
            let rest = folded.strip_suffix(phrase.as_str())?;
            (rest.is_empty() || rest.ends_with(' ')).then(|| (*kind, phrase.split(' ').count()))
        })
    }

    /// When a folded line opens with a label ("اقرأ أيضا ..."), its kind and the number of
    /// folded words the label takes.
    pub(crate) fn prefix(&self, folded: &str) -> Option<(RemovalKind, usize)> {
        self.entries.iter().find_map(|(phrase, kind)| {
            let rest = folded.strip_prefix(phrase.as_str())?;
            (rest.is_empty() || rest.starts_with(' ')).then(|| (*kind, phrase.split(' ').count()))
        })
    }
}

/// Scripts that decide a text's language and direction.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct ScriptCounts {
    /// Letters of the Arabic script (Arabic, Persian, Urdu, ...).
    pub arabic: usize,
    /// Letters only Persian uses among Arabic-script languages (پ چ ژ گ ک ی).
    pub persian: usize,
    /// Letters only Urdu uses (ٹ ڈ ڑ ں ے ھ).
    pub urdu: usize,
    /// Hebrew letters.
    pub hebrew: usize,
    /// Other strong right-to-left letters (Syriac, Thaana, N'Ko).
    pub other_rtl: usize,
    /// Latin letters.
    pub latin: usize,
    /// All letters.
    pub letters: usize,
}

impl ScriptCounts {
    /// Counts the letters of `text` by script.
    pub(crate) fn of(text: &str) -> ScriptCounts {
        let mut c = ScriptCounts::default();
        for ch in text.chars() {
            if !normalize::is_letter(ch) {
                continue;
            }
            c.letters += 1;
            match ch {
                'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => {
                    c.arabic += 1;
                    c.persian += 1;
                }
                'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ھ' => {
                    c.arabic += 1;
                    c.urdu += 1;
                }
                '\u{0600}'..='\u{06FF}'
                | '\u{0750}'..='\u{077F}'
                | '\u{08A0}'..='\u{08FF}'
                | '\u{FB50}'..='\u{FDFF}'
                | '\u{FE70}'..='\u{FEFF}' => c.arabic += 1,
                '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => c.hebrew += 1,
                '\u{0700}'..='\u{074F}' | '\u{0780}'..='\u{07BF}' | '\u{07C0}'..='\u{07FF}' => {
                    c.other_rtl += 1
                }
                c2 if c2.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c2) => {
                    c.latin += 1
                }
                _ => {}
            }
        }
        c
    }

    /// Share of letters that are strong right-to-left.
    pub(crate) fn rtl_share(&self) -> f64 {
        if self.letters == 0 {
            return 0.0;
        }
        (self.arabic + self.hebrew + self.other_rtl) as f64 / self.letters as f64
    }

    /// A language guess from the script alone: `ar`, `fa`, `ur`, `he`, or `None` for Latin and
    /// other scripts (which script alone cannot tell apart).
    pub(crate) fn guess_language(&self) -> Option<&'static str> {
        if self.letters == 0 {
            return None;
        }
        if self.arabic * 2 > self.letters {
            // Persian and Urdu letters are frequent in those languages and absent from Arabic.
            let marked = self.arabic.max(1) as f64;
            if self.urdu as f64 / marked > 0.02 {
                return Some("ur");
            }
            if self.persian as f64 / marked > 0.02 {
                return Some("fa");
            }
            return Some("ar");
        }
        if self.hebrew * 2 > self.letters {
            return Some("he");
        }
        None
    }
}

/// Whether a short line signs an article off: a source line ("المصدر: ...", "Source: ...") or an
/// agency credit ("(رويترز)", "- AFP"), which ends an article, so what follows is not its text.
pub(crate) fn is_sign_off(line: &str) -> bool {
    static FOLDED: OnceLock<Vec<String>> = OnceLock::new();
    let phrases = FOLDED.get_or_init(|| {
        SIGN_OFFS
            .iter()
            .flat_map(|l| l.iter())
            .map(|p| fold(p))
            .collect()
    });
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 160 {
        return false;
    }
    let folded = fold(line);
    let head: String = line.chars().take(30).collect();
    phrases.iter().any(|p| {
        // "المصدر: ...": the phrase, then a colon, opens the line.
        let opens = folded.starts_with(p.as_str())
            && folded
                .get(p.len()..)
                .is_none_or(|r| r.is_empty() || r.starts_with(' '))
            && (head.contains(':') || head.contains('：') || folded == *p);
        // "(رويترز)", "... - AFP": the phrase closes the line.
        let closes = folded.ends_with(p.as_str())
            && folded
                .len()
                .checked_sub(p.len())
                .and_then(|i| folded.get(..i))
                .is_some_and(|r| r.is_empty() || r.ends_with(' '))
            && (line.ends_with(')') || folded == *p);
        opens || closes
    })
}

/// True for languages written right to left.
pub(crate) fn is_rtl_language(lang: &str) -> bool {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "fa" | "ur" | "he" | "iw" | "ps" | "ckb" | "sd" | "ug" | "yi" | "dv" | "ku" | "arz"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_matches_itself_as_a_label() {
        let lex = Lexicon::new(&[]);
        for l in LEXICONS.iter().flat_map(|l| l.iter()) {
            let line = format!("{}:", l.phrase);
            assert!(lex.label(&fold(&line)).is_some(), "{}", l.phrase);
            let line = format!("{} : عنوان خبر آخر", l.phrase);
            assert!(lex.prefix(&fold(&line)).is_some(), "{}", l.phrase);
        }
    }

    #[test]
    fn a_label_does_not_match_inside_a_word() {
        let lex = Lexicon::new(&[]);
        assert!(lex.label(&fold("شاركت الوزارة في المؤتمر")).is_none());
        assert!(lex.prefix(&fold("relatedness of things")).is_none());
        assert!(lex.label(&fold("الأكثر قراءة")).is_some());
    }

    #[test]
    fn sign_offs_are_source_lines_and_credits() {
        assert!(is_sign_off("المصدر: شبكة أخبار"));
        assert!(is_sign_off("(رويترز)"));
        assert!(is_sign_off("منبع: ایرنا"));
        assert!(is_sign_off("Source: Reuters"));
        assert!(!is_sign_off(
            "المصدر الذي تحدث إلى الصحيفة قال إن الاجتماع تأجل"
        ));
        assert!(!is_sign_off("قالت وكالة رويترز إن الاجتماع تأجل"));
    }

    #[test]
    fn boilerplate_lines_and_not_article_text() {
        assert!(is_boilerplate("رقم الخبر: 4821"));
        assert!(is_boilerplate("کد خبر: ۷۶۵۴۳۲"));
        assert!(is_boilerplate("انتهى"));
        assert!(is_boilerplate("/انتهى/"));
        assert!(is_boilerplate("انتهای پیام"));
        assert!(is_boilerplate("تصوير: أحمد سالم"));
        assert!(is_boilerplate(
            "The views expressed here do not necessarily reflect those of the paper."
        ));
        assert!(!is_boilerplate("تصوير المشاهد استغرق ثلاثة أشهر في الصحراء"));
        assert!(!is_boilerplate("وانتهى الاجتماع بعد ساعتين"));
        assert!(!is_boilerplate("المصدر: شبكة أخبار"));
    }

    #[test]
    fn extra_labels_are_used() {
        let lex = Lexicon::new(&["Ne manquez pas".to_string()]);
        assert!(lex.label(&fold("Ne manquez pas :")).is_some());
    }

    #[test]
    fn guesses_language_from_script() {
        assert_eq!(
            ScriptCounts::of("هذا نص عربي قصير").guess_language(),
            Some("ar")
        );
        assert_eq!(
            ScriptCounts::of("این یک متن فارسی است که گفته شد").guess_language(),
            Some("fa")
        );
        assert_eq!(ScriptCounts::of("plain English").guess_language(), None);
    }
}
