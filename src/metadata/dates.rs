//! Dates to ISO 8601, with Arabic-Indic and Persian digits and Arabic month names understood.

use crate::lang::normalize::{ascii_digits, fold};

/// Month names: English, French, Egyptian/Gulf Arabic and Levantine/Iraqi Arabic (folded forms).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("يناير", 1),
    ("كانون الثاني", 1),
    ("february", 2),
    ("feb", 2),
    ("fevrier", 2),
    ("فبراير", 2),
    ("شباط", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("مارس", 3),
    ("آذار", 3),
    ("اذار", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("ابريل", 4),
    ("نيسان", 4),
    ("may", 5),
    ("mai", 5),
    ("مايو", 5),
    ("ايار", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("يونيو", 6),
    ("يونيه", 6),
    ("حزيران", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("يوليو", 7),
    ("يوليه", 7),
    ("يوليوز", 7),
    ("تموز", 7),
    ("august", 8),
    ("aug", 8),
    ("aout", 8),
    ("اغسطس", 8),
    ("غشت", 8),
    ("آب", 8),
    ("اب", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("سبتمبر", 9),
    ("ايلول", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("اكتوبر", 10),
    ("تشرين الاول", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("نوفمبر", 11),
    ("تشرين الثاني", 11),
    ("december", 12),
    ("dec", 12),
    ("decembre", 12),
    ("ديسمبر", 12),
    ("كانون الاول", 12),
];

/// The month names, folded once.
fn folded_months() -> &'static [(String, u32)] {
    static FOLDED: std::sync::OnceLock<Vec<(String, u32)>> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| MONTHS.iter().map(|(n, m)| (fold(n), *m)).collect())
}

/// Normalizes a date or date-time to ISO 8601, or `None` when no date can be read.
///
/// ISO input keeps its time and offset (`2024-07-11 14:08` → `2024-07-11T14:08`); other forms
/// give a bare date (`11 تموز 2024` → `2024-07-11`, `11/07/2024` → `2024-07-11`, day first).
pub(crate) fn normalize(raw: &str) -> Option<String> {
    let s = ascii_digits(raw.trim());
    if let Some(iso) = iso(&s) {
        return Some(iso);
    }
    numeric_day_first(&s).or_else(|| with_month_name(&s))
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by a time and an offset.
fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let sep = *b.get(4)?;
    if !(sep == b'-' || sep == b'/') || b.get(7) != Some(&sep) || !valid(y, m, d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    let rest = s.get(10..).unwrap_or("");
    let Some(time) = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' ')) else {
        return Some(date);
    };
    // HH:MM[:SS[.fff]] then Z or ±HH[:MM].
    let t: String = time
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z'))
        .collect();
    let clock_ok = t.len() >= 5
        && t.as_bytes().get(2) == Some(&b':')
        && t.get(0..2)
            .is_some_and(|h| h.parse::<u32>().is_ok_and(|h| h < 24))
        && t.get(3..5)
            .is_some_and(|m| m.parse::<u32>().is_ok_and(|m| m < 60));
    if clock_ok {
        Some(format!("{date}T{t}"))
    } else {
        Some(date)
    }
}

/// `DD/MM/YYYY`, `DD-MM-YYYY` or `DD.MM.YYYY`.
fn numeric_day_first(s: &str) -> Option<String> {
    let token: String = s
        .split_whitespace()
        .find(|t| t.len() >= 8 && t.chars().filter(|c| c.is_ascii_digit()).count() >= 6)?
        .to_string();
    let parts: Vec<&str> = token.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y): (u32, u32, u32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `11 تموز 2024`, `July 11, 2024`, `Thu, 11 Jul 2024 14:08:00 +0300`.
fn with_month_name(s: &str) -> Option<String> {
    // A date written with a month name still has a four-digit year.
    let has_year = s
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4);
    if !has_year {
        return None;
    }
    let months = folded_months();
    let folded = fold(s);
    let words: Vec<&str> = folded.split(' ').collect();
    let mut month = None;
    let mut numbers = Vec::new();
    let mut i = 0;
    while let Some(w) = words.get(i) {
        if let Ok(n) = w.parse::<u32>() {
            numbers.push(n);
        } else if month.is_none() {
            let two = words.get(i + 1).map(|n| format!("{w} {n}"));
            let found = months.iter().find_map(|(name, m)| {
                if two.as_deref() == Some(name.as_str()) {
                    Some((*m, 2))
                } else {
                    (*w == name).then_some((*m, 1))
                }
            });
            if let Some((m, used)) = found {
                month = Some(m);
                i += used;
                continue;
            }
        }
        i += 1;
    }
    let m = month?;
    let y = numbers
        .iter()
        .copied()
        .find(|n| (1900..=2200).contains(n))?;
    let d = numbers.iter().copied().find(|n| (1..=31).contains(n))?;
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn reads_common_forms() {
        let cases = [
            ("2024-07-11T14:08:00+03:00", "2024-07-11T14:08:00+03:00"),
            ("2024-07-11 14:08", "2024-07-11T14:08"),
            ("٢٠٢٤-٠٧-١١", "2024-07-11"),
            ("۱۴۰۳/۰۴/۲۱", ""),
            ("11/07/2024", "2024-07-11"),
            ("الخميس 11 تموز 2024", "2024-07-11"),
            ("١١ يوليو ٢٠٢٤", "2024-07-11"),
            ("July 11, 2024", "2024-07-11"),
            ("Thu, 11 Jul 2024 14:08:00 +0300", "2024-07-11"),
            ("not a date", ""),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).unwrap_or_default(), want, "{input}");
        }
    }
}
