//! Number words, ordinals and month names per language, read from the small
//! data files in `lang/`, plus scale words shared by all languages.

use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub value: f64,
    pub ordinal: bool,
    /// Often not a number ("one of", "second", Italian "sei" = "you are").
    pub weak: bool,
    /// `value` is a month number.
    pub month: bool,
    /// "and" between number words.
    pub connector: bool,
}

const DATA: &[(&str, &str)] = &[
    ("en", include_str!("lang/en.txt")),
    ("it", include_str!("lang/it.txt")),
    ("de", include_str!("lang/de.txt")),
    ("fr", include_str!("lang/fr.txt")),
    ("es", include_str!("lang/es.txt")),
    ("pt", include_str!("lang/pt.txt")),
    ("pl", include_str!("lang/pl.txt")),
    ("cs", include_str!("lang/cs.txt")),
    ("ru", include_str!("lang/ru.txt")),
    ("uk", include_str!("lang/uk.txt")),
    ("hi", include_str!("lang/hi.txt")),
    ("ar", include_str!("lang/ar.txt")),
];

/// Multipliers written after a number in any language ("48,5 Mio.", "2 lakh").
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3), ("thousands", 1e3), ("tausend", 1e3), ("tsd", 1e3), ("mila", 1e3), ("mille", 1e3),
    ("mil", 1e3), ("tys", 1e3), ("тыс", 1e3), ("тысяч", 1e3), ("тысячи", 1e3), ("тысяча", 1e3), ("tisíc", 1e3),
    ("tisíce", 1e3), ("тисяч", 1e3), ("тисячі", 1e3), ("tysięcy", 1e3), ("tysiące", 1e3), ("tysiąc", 1e3),
    ("lakh", 1e5), ("lakhs", 1e5), ("लाख", 1e5), ("crore", 1e7), ("crores", 1e7), ("करोड़", 1e7), ("करोड", 1e7),
    ("million", 1e6), ("millions", 1e6), ("mio", 1e6), ("mln", 1e6), ("milioni", 1e6), ("milione", 1e6),
    ("millones", 1e6), ("millón", 1e6), ("millon", 1e6), ("milhão", 1e6), ("milhões", 1e6), ("millionen", 1e6),
    ("milion", 1e6), ("miliony", 1e6), ("milionów", 1e6), ("milionu", 1e6), ("milionů", 1e6), ("miliónů", 1e6),
    ("milión", 1e6), ("miliónov", 1e6), ("миллион", 1e6), ("миллиона", 1e6), ("миллионов", 1e6), ("млн", 1e6),
    ("мільйон", 1e6), ("мільйона", 1e6), ("мільйонів", 1e6), ("mn", 1e6),
    ("billion", 1e9), ("billions", 1e9), ("bn", 1e9), ("mrd", 1e9), ("milliarde", 1e9), ("milliarden", 1e9),
    ("miliardi", 1e9), ("miliardo", 1e9), ("milliard", 1e9), ("milliards", 1e9), ("bilhão", 1e9),
    ("bilhões", 1e9), ("miliard", 1e9), ("miliardy", 1e9), ("miliardów", 1e9), ("mld", 1e9), ("miliarda", 1e9),
    ("miliard", 1e9), ("млрд", 1e9), ("миллиард", 1e9), ("миллиарда", 1e9), ("миллиардов", 1e9),
    ("мільярд", 1e9), ("мільярда", 1e9), ("мільярдів", 1e9), ("trillion", 1e12), ("trillions", 1e12),
    ("billionen", 1e12), ("billones", 1e12), ("ألف", 1e3), ("آلاف", 1e3), ("مليون", 1e6), ("ملايين", 1e6),
    ("مليار", 1e9), ("مليارات", 1e9), ("हज़ार", 1e3), ("हजार", 1e3),
];

type Table = HashMap<String, Entry>;

fn tables() -> &'static HashMap<&'static str, Table> {
    static TABLES: OnceLock<HashMap<&'static str, Table>> = OnceLock::new();
    TABLES.get_or_init(|| DATA.iter().map(|(lang, data)| (*lang, parse_table(data))).collect())
}

/// `word=value[flags]`, flags `o` ordinal, `~` weak, `m` month, `+` connector;
/// `stem+=value` takes every ending of the file's `@endings` line.
fn parse_table(data: &str) -> Table {
    let endings: Vec<&str> = data
        .lines()
        .find_map(|l| l.strip_prefix("@endings"))
        .map(|l| l.split_whitespace().collect())
        .unwrap_or_default();
    let mut table = Table::new();
    for item in data.lines().filter(|l| !l.starts_with('#') && !l.starts_with('@')).flat_map(str::split_whitespace) {
        let Some((word, spec)) = item.split_once('=') else { continue };
        let entry = parse_entry(spec);
        match word.strip_suffix('+') {
            Some(stem) => {
                for ending in &endings {
                    table.entry(format!("{stem}{ending}")).or_insert(entry);
                }
            }
            None => {
                table.insert(word.to_string(), entry);
            }
        }
    }
    table
}

fn parse_entry(spec: &str) -> Entry {
    let digits: String = spec.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let flags = &spec[digits.len()..];
    Entry {
        value: digits.parse().unwrap_or(0.0),
        ordinal: flags.contains('o'),
        weak: flags.contains('~'),
        month: flags.contains('m'),
        connector: flags.contains('+'),
    }
}

/// The multiplier a scale word stands for.
pub fn scale(word: &str) -> Option<f64> {
    let word = word.trim_end_matches('.');
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// A number word, ordinal or month name of `language` (lowercase `word`).
pub fn lookup(language: &str, word: &str) -> Option<Entry> {
    if language == "ar" {
        return arabic_stems(word).find_map(|stem| lookup_word(language, stem));
    }
    lookup_word(language, word)
}

fn lookup_word(language: &str, word: &str) -> Option<Entry> {
    if let Some(entry) = tables().get(language).and_then(|t| t.get(word)) {
        return Some(*entry);
    }
    let value = scale(word)?;
    Some(Entry { value, ordinal: false, weak: false, month: false, connector: false })
}

/// Arabic writes "and", "with", "for" and "the" onto the word (وست "and
/// six", بثلاثة "with three"): the word itself, then without those clitics.
fn arabic_stems(word: &str) -> impl Iterator<Item = &str> {
    let conjunction = word.strip_prefix('و').or_else(|| word.strip_prefix('ف')).unwrap_or(word);
    let article = ["بال", "لل", "ال", "ب", "ل"].iter().find_map(|p| conjunction.strip_prefix(p)).unwrap_or(conjunction);
    [word, conjunction, article].into_iter().filter(|stem| stem.chars().count() >= 2)
}

/// Cardinal compounds written as one word: German `einundzwanzig`, Italian
/// `trentacinque`, `duemilaventi`, Spanish `veinticinco`.
pub fn compound(language: &str, word: &str) -> Option<Vec<f64>> {
    if !matches!(language, "de" | "it" | "es") || word.chars().count() < 5 {
        return None;
    }
    let table = tables().get(language)?;
    let mut parts = Vec::new();
    let mut rest = word;
    while !rest.is_empty() {
        let (len, entry) = rest
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .filter_map(|end| table.get(&rest[..end]).map(|e| (end, *e)))
            .filter(|(_, e)| !e.ordinal && !e.month)
            .max_by_key(|(end, _)| *end)?;
        if !entry.connector {
            parts.push(entry.value);
        }
        rest = &rest[len..];
    }
    (parts.len() >= 2).then_some(parts)
}

/// Adds up number words: "two hundred thirty-five thousand" → 235000,
/// "mil millones" → 1e9, French "quatre-vingt" → 80.
pub fn combine(values: &[f64]) -> f64 {
    let (mut total, mut current, mut last) = (0.0, 0.0, 0.0);
    for &v in values {
        if v == 100.0 {
            current = if current == 0.0 { 100.0 } else { current * 100.0 };
        } else if v >= 1000.0 {
            if current == 0.0 {
                total = if total == 0.0 { v } else { total * v };
            } else {
                total += current * v;
            }
            current = 0.0;
        } else if v == 20.0 && last == 4.0 {
            current += 76.0;
        } else {
            current += v;
        }
        last = v;
    }
    total + current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_with_flags() {
        assert_eq!(lookup("en", "seventeen").unwrap().value, 17.0);
        assert!(lookup("en", "one").unwrap().weak);
        assert!(lookup("ru", "пятого").unwrap().ordinal);
        assert_eq!(lookup("it", "luglio").unwrap(), Entry { value: 7.0, ordinal: false, weak: false, month: true, connector: false });
        assert_eq!(lookup("de", "millionen").unwrap().value, 1e6);
    }

    #[test]
    fn compounds_and_sums() {
        assert_eq!(combine(&compound("de", "einundzwanzig").unwrap()), 21.0);
        assert_eq!(combine(&compound("it", "duemilaventi").unwrap()), 2020.0);
        assert_eq!(combine(&compound("it", "trentotto").unwrap()), 38.0);
        assert_eq!(combine(&[2.0, 100.0, 30.0, 5.0, 1000.0]), 235000.0);
        assert_eq!(combine(&[1000.0, 1e6]), 1e9);
        assert_eq!(combine(&[4.0, 20.0]), 80.0);
        assert!(compound("de", "dreier").is_none());
    }

    #[test]
    fn arabic_clitics_are_stripped() {
        assert_eq!(lookup("ar", "وست").map(|e| e.value), Some(6.0));
        assert_eq!(lookup("ar", "بثلاثة").map(|e| e.value), Some(3.0));
        assert_eq!(lookup("ar", "والعشرين").map(|e| e.value), Some(20.0));
        assert_eq!(lookup("ar", "ومليون").map(|e| e.value), Some(1e6));
        assert!(lookup("ar", "وو").is_none());
        assert!(lookup("ar", "ولينداو").is_none());
    }
}
