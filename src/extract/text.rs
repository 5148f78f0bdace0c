//! Shared text helpers: a tokenizer with byte spans, script tests, the base
//! language code.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// ASCII or native digits (Arabic-Indic, Devanagari, full-width…).
    Digits,
    /// Letters of an alphabet or abugida (Latin, Cyrillic, Greek, Devanagari, Arabic…).
    Word,
    /// One Han character or kana run (scripts written without spaces).
    Cjk,
    /// Any other single character.
    Symbol,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'s> {
    /// The original text.
    pub text: &'s str,
    /// Lowercased, digits mapped to ASCII.
    pub norm: String,
    /// Byte range into the tokenized string.
    pub start: usize,
    pub end: usize,
    pub class: Class,
    /// Whitespace directly before the token.
    pub space_before: bool,
}

/// The ASCII digit a native digit stands for.
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    // Zero of each decimal-digit block that news text uses.
    const ZEROS: &[u32] = &[0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0xFF10];
    let code = c as u32;
    ZEROS.iter().find(|&&zero| (zero..zero + 10).contains(&code)).map(|zero| code - zero)
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x3005 | 0x3007)
}

pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9D)
}

pub fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x04FF)
}

/// A token written wholly in katakana (foreign names or loanwords in
/// Japanese, their words joined by ・).
pub fn is_katakana_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(is_katakana)
}

/// Any letter of the Arabic block.
pub fn is_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Arabic letters without vowel marks or tatweel, alif written one way
/// (أ إ آ as ا) and ى as ي: spellings vary in both.
pub fn arabic_letters(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(*c as u32, 0x064B..=0x065F | 0x0670 | 0x0640))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            c => c,
        })
        .collect()
}

/// An Arabic word and what it may be once the words written joined to it
/// are taken off: و or ف (and), then ب, ل or ك (in, for, as), then the
/// article ال (ل with the article is written لل).
pub fn arabic_bares(word: &str) -> Vec<String> {
    let mut bares = vec![word.to_string()];
    for prefixes in [&["و", "ف"][..], &["ب", "ل", "ك"][..]] {
        let stripped: Vec<String> = bares.iter().flat_map(|b| prefixes.iter().filter_map(move |p| b.strip_prefix(p))).filter(|b| b.chars().count() >= 3).map(String::from).collect();
        bares.extend(stripped);
    }
    let with_article: Vec<String> = bares.iter().filter_map(|b| b.strip_prefix("لل")).map(|rest| format!("ال{rest}")).collect();
    bares.extend(with_article);
    let bare: Vec<String> = bares.iter().filter_map(|b| b.strip_prefix("ال")).filter(|b| b.chars().count() >= 2).map(String::from).collect();
    bares.extend(bare);
    bares
}

pub fn is_devanagari(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x097F)
}

pub fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9D)
}

/// Letters plus the combining marks of abugidas (Devanagari vowel signs are
/// not `alphabetic` in every Unicode version) and word-internal marks.
fn is_word_char(c: char) -> bool {
    if is_han(c) || is_kana(c) {
        return false;
    }
    c.is_alphabetic() || matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0DFF)
}

fn class_of(c: char) -> Class {
    if digit_value(c).is_some() {
        Class::Digits
    } else if is_han(c) || is_kana(c) {
        Class::Cjk
    } else if is_word_char(c) {
        Class::Word
    } else {
        Class::Symbol
    }
}

/// Splits text into digit runs, words, CJK characters (kana runs stay
/// together) and single symbols. Whitespace is dropped but remembered.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut space = false;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let class = class_of(c);
        let mut end = start + c.len_utf8();
        let joins = |next: char| match class {
            Class::Digits => digit_value(next).is_some(),
            Class::Word => is_word_char(next),
            Class::Cjk => is_katakana(c) && is_katakana(next),
            Class::Symbol => false,
        };
        while let Some(&(i, next)) = chars.peek() {
            if !joins(next) {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        let slice = &text[start..end];
        let norm = match class {
            Class::Digits => slice.chars().filter_map(digit_value).map(|d| char::from(b'0' + d as u8)).collect(),
            _ => slice.to_lowercase(),
        };
        tokens.push(Token { text: slice, norm, start, end, class, space_before: space });
        space = false;
    }
    tokens
}

/// `pt-BR` → `pt`, `zh-Hant` → `zh`, `cmn` → `zh`.
pub fn base_language(language: &str) -> &str {
    let base = language.split(['-', '_']).next().unwrap_or(language);
    match base {
        "cmn" | "zho" | "yue" => "zh",
        other => other,
    }
}

/// Languages whose decimal separator is a comma.
pub fn decimal_comma(language: &str) -> bool {
    matches!(
        base_language(language),
        "de" | "it" | "fr" | "es" | "pt" | "pl" | "cs" | "sk" | "ru" | "uk" | "be" | "bg" | "nl" | "da" | "sv"
            | "nb" | "no" | "fi" | "ro" | "hr" | "sr" | "sl" | "hu" | "tr" | "el" | "id" | "vi" | "lt" | "lv" | "et"
    )
}

/// Case-insensitive start of a word: the first letter is uppercase.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// ASCII, lowercase, letters and digits only (`Трамп` → `tramp`).
pub fn ascii_key(text: &str) -> String {
    // deunicode writes the Devanagari candra o as "oN": the N is no sound.
    deunicode::deunicode(text).replace("oN", "o").chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_mixed_scripts_on_char_boundaries() {
        let text = "Il 17 luglio, Трамп 😀 说三万 ３０人 ٣ كيلو; ジョンソン氏";
        let tokens = tokenize(text);
        for t in &tokens {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        assert!(tokens.iter().any(|t| t.norm == "30" && t.class == Class::Digits));
        assert!(tokens.iter().any(|t| t.norm == "3" && t.text == "٣"));
        assert!(tokens.iter().any(|t| t.text == "ジョンソン"));
        assert!(tokens.iter().any(|t| t.norm == "трамп"));
    }

    #[test]
    fn native_digits() {
        assert_eq!(digit_value('३'), Some(3));
        assert_eq!(digit_value('３'), Some(3));
        assert_eq!(digit_value('٣'), Some(3));
        assert_eq!(digit_value('x'), None);
    }
}
