//! Punctuation that survives translation: question and exclamation marks,
//! quotation marks, colons and semicolons. Two sides of a correct bead
//! carry about the same marks; where a boundary is in doubt (does this
//! short line of dialogue go with the sentence before or after?), the marks
//! often say what the embeddings cannot.
//!
//! A sentence of a cased script that ends by closing a quotation
//! (`"We won."`, `'Go!'`) carries one more mark (`ends_quotation`), which
//! is never shared: it ends an utterance, and a bead that runs on past it
//! pays a cost. Segmenters keep `"Why?" he asked.` together where the next
//! word is lower case; without letter case (Chinese, Japanese) they cut
//! after `？”` also before a reporting clause, so those sentences get no
//! such mark.
//!
//! Words a translation copies verbatim are marks too, of their own kind
//! (`is_verbatim`): numbers and capitalised words (names), each its own id.
//! Neither counts in a sentence's first word: line, list and paragraph
//! numbers that differ between the two files would pull beads together,
//! and a sentence's first word is capitalised whatever it is, unless the
//! pair writes it as a name elsewhere (`document_marks`).
//!
//! A sentence with no word at all (OCR debris, a rule: `.....`, `- _-`;
//! see `is_wordless`) carries a mark of its own (`is_wordless_line`): it
//! stands as a bead of its own, and a bead side that takes it in with
//! other sentences pays.

use std::collections::HashSet;

/// Marks of each sentence of two documents (see `marks`). A capitalised
/// first word counts as a name, too, where either document writes it
/// capitalised past a first word (`Evans, …` beside `… Ch. Evans`): a
/// sentence's first word is capitalised whatever it is, but a word that
/// the pair also writes as a name mid-sentence is one. Function words
/// that two languages spell alike (`Para`, `Como`) are not written so.
pub fn document_marks(source: &[&str], target: &[&str]) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let source: Vec<Marked> = source.iter().map(|text| sentence_marks(text)).collect();
    let target: Vec<Marked> = target.iter().map(|text| sentence_marks(text)).collect();
    let names: HashSet<u32> =
        source.iter().chain(&target).flat_map(|(marks, _)| marks.iter().copied().filter(|&m| is_verbatim(m))).collect();
    let finish = |side: Vec<Marked>| -> Vec<Vec<u32>> {
        side.into_iter()
            .map(|(mut marks, first)| {
                if let Some(id) = first.filter(|id| names.contains(id)) {
                    marks.push(id);
                    marks.sort_unstable();
                }
                marks
            })
            .collect()
    };
    (finish(source), finish(target))
}

/// A sentence's marks and its first word's id where that may be a name.
type Marked = (Vec<u32>, Option<u32>);

/// Marks of one sentence, sorted: one small id per punctuation class.
pub fn marks(text: &str) -> Vec<u32> {
    sentence_marks(text).0
}

/// Marks of one sentence, and the id of its first word where that may be
/// a name (see `first_name`).
fn sentence_marks(text: &str) -> Marked {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<u32> = (0..chars.len())
        .filter_map(|at| match chars[at] {
            '?' | '？' | '¿' => Some(QUESTION),
            '!' | '！' | '¡' => Some(EXCLAMATION),
            ':' | '：' => Some(COLON),
            ';' | '；' => Some(SEMICOLON),
            c if QUOTES.contains(&c) => (!is_apostrophe(&chars, at)).then_some(QUOTE),
            '\'' => is_quote_edge(&chars, at).then_some(QUOTE),
            _ => None,
        })
        .collect();
    if closes_quotation(&chars) {
        out.push(QUOTE_END);
    }
    if is_wordless(&chars) {
        out.push(WORDLESS);
    }
    out.extend(verbatim(&chars));
    out.sort_unstable();
    (out, first_name(&chars))
}

/// The id of the first word where it is capitalised and at least
/// `MIN_NAME` letters long (after any opening punctuation: `«Makalu»`).
fn first_name(chars: &[char]) -> Option<u32> {
    let start = chars.iter().position(|c| c.is_alphanumeric())?;
    let end = start + chars[start..].iter().take_while(|c| c.is_alphabetic()).count();
    let word = &chars[start..end];
    let first_end = chars.iter().position(|c| c.is_whitespace()).unwrap_or(chars.len());
    (start < first_end && word.len() >= MIN_NAME && word[0].is_uppercase()).then(|| verbatim_id(word))
}

/// Whether the last visible character is a quotation mark right after
/// punctuation (`.'`, `?"`, `!»`; not a possessive `boys'` or a quoted
/// phrase) and the sentence is written in a cased script: most of its
/// letters are upper or lower case.
fn closes_quotation(chars: &[char]) -> bool {
    let Some(at) = chars.iter().rposition(|c| !c.is_whitespace()) else { return false };
    let after_punctuation = at > 0 && !chars[at - 1].is_alphanumeric() && !chars[at - 1].is_whitespace();
    let quote = after_punctuation && (chars[at] == '\'' || QUOTES.contains(&chars[at]));
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    let cased = chars.iter().filter(|c| c.is_lowercase() || c.is_uppercase()).count();
    quote && 2 * cased > letters
}

/// No two letters in a row, no digit, and no letter of a script whose
/// single letter can be a word (Han, kana, Hangul, Arabic…; everything
/// past Latin, Greek and Cyrillic): OCR debris, rules and separators
/// (`.....`, `- _-`, `h * "`).
fn is_wordless(chars: &[char]) -> bool {
    let letter_pair = chars.windows(2).any(|w| w[0].is_alphabetic() && w[1].is_alphabetic());
    let word_letter = |c: &char| c.is_alphabetic() && *c as u32 >= 0x0530;
    !letter_pair && !chars.iter().any(|c| c.is_numeric() || word_letter(c))
}

/// Whether a sentence's marks say it has no word (see `is_wordless`).
pub fn is_wordless_line(marks: &[u32]) -> bool {
    marks.contains(&WORDLESS)
}

/// Whether a sentence's marks say it closes a quotation (see `marks`).
pub fn ends_quotation(marks: &[u32]) -> bool {
    marks.contains(&QUOTE_END)
}

/// Ids of the digit runs and of the capitalised words of at least
/// `MIN_NAME` letters (case folded), past the first word.
fn verbatim(chars: &[char]) -> Vec<u32> {
    let mut out = Vec::new();
    let mut at = chars.iter().position(|c| c.is_whitespace()).unwrap_or(chars.len());
    while at < chars.len() {
        let digits = chars[at].is_ascii_digit();
        if !digits && !chars[at].is_alphabetic() {
            at += 1;
            continue;
        }
        let same = |c: &char| if digits { c.is_ascii_digit() } else { c.is_alphabetic() };
        let end = at + chars[at..].iter().take_while(|c| same(c)).count();
        let word = &chars[at..end];
        let name = !digits && word[0].is_uppercase() && word.len() >= MIN_NAME && !letter_at(chars, at.wrapping_sub(1));
        if digits || name {
            out.push(verbatim_id(word));
        }
        at = end;
    }
    out
}

/// Shortest capitalised word taken for a name (shorter ones are mostly
/// articles and abbreviations).
const MIN_NAME: usize = 4;

/// Verbatim ids lie above the punctuation classes (FNV-1a of the folded word).
fn verbatim_id(word: &[char]) -> u32 {
    let mut hash: u32 = 2_166_136_261;
    for c in word.iter().flat_map(|c| c.to_lowercase()) {
        hash = (hash ^ c as u32).wrapping_mul(16_777_619);
    }
    hash.max(VERBATIM_BASE)
}

const VERBATIM_BASE: u32 = 1 << 10;

/// Whether a mark is a verbatim word (number or name), not punctuation.
pub fn is_verbatim(mark: u32) -> bool {
    mark >= VERBATIM_BASE
}

const QUESTION: u32 = 1;
const EXCLAMATION: u32 = 2;
const COLON: u32 = 3;
const SEMICOLON: u32 = 4;
const QUOTE: u32 = 5;
/// The sentence closes a quotation; never shared (see `shared_kinds`).
const QUOTE_END: u32 = 6;
/// The sentence has no word; never shared.
const WORDLESS: u32 = 7;

/// Quotation marks other than the straight `'`.
const QUOTES: [char; 15] = ['"', '“', '”', '„', '«', '»', '‘', '’', '‚', '‹', '›', '「', '」', '『', '』'];

/// A right single quotation mark between letters is an apostrophe (don’t).
fn is_apostrophe(chars: &[char], at: usize) -> bool {
    chars[at] == '’' && letter_at(chars, at.wrapping_sub(1)) && letter_at(chars, at + 1)
}

/// A straight `'` used as a quotation mark: not between letters (it's).
fn is_quote_edge(chars: &[char], at: usize) -> bool {
    !(letter_at(chars, at.wrapping_sub(1)) && letter_at(chars, at + 1))
}

fn letter_at(chars: &[char], at: usize) -> bool {
    chars.get(at).is_some_and(|c| c.is_alphanumeric())
}

/// Shared punctuation marks and shared verbatim words of two sorted
/// multisets (the closing of a quotation is a position, not a mark to share).
pub fn shared_kinds(a: &[u32], b: &[u32]) -> (usize, usize) {
    let (mut i, mut j, mut shared) = (0, 0, (0, 0));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if is_verbatim(a[i]) {
                    shared.1 += 1;
                } else if a[i] != QUOTE_END && a[i] != WORDLESS {
                    shared.0 += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_agrees_across_languages() {
        let en = marks("'Did 1,250 people come?' she asked.");
        let de = marks("„Kamen 1.250 Menschen?“, fragte sie.");
        assert_eq!(shared_kinds(&en, &de), (3, 2), "{en:?} {de:?}");
        assert!(marks("It’s Bob's day").is_empty(), "apostrophes are no quotes");
        assert!(marks("2020 came.").is_empty());
        assert_eq!(shared_kinds(&marks("Why?"), &marks("Warum!")), (0, 0));
        assert_eq!(marks("她说：“你好！”").len(), 4);
    }

    #[test]
    fn a_closed_quotation_in_a_cased_script_is_marked_but_not_shared() {
        let en = marks("'You don't know the first thing about it.'");
        let de = marks("„Kamen sie?“ ");
        assert!(ends_quotation(&en) && ends_quotation(&de), "{en:?} {de:?}");
        assert_eq!(shared_kinds(&en, &de), (2, 0), "two quote marks, not the ending");
        assert!(!ends_quotation(&marks("'Why?' he asked.")));
        assert!(!ends_quotation(&marks("They took the boys' ")), "a plural possessive is no quotation");
        assert!(!ends_quotation(&marks("“红岸？！”")), "no letter case: the segmenter cut before a reporting clause");
        assert!(!ends_quotation(&marks("«Мы победили».")), "the sentence, not the quotation, ends last");
        assert!(!ends_quotation(&marks("He called it “a disaster”")), "a quoted phrase");
        assert!(ends_quotation(&marks("Он сказал: «Мы победим!»")));
    }

    #[test]
    fn a_first_word_is_a_name_where_the_pair_writes_it_as_one() {
        let source = ["Evans , Gipfelmannschaften G. Band .", "Para ellos ."];
        let target = ["Chef Ch. Evans ;", "Para eles ."];
        let (source_marks, target_marks) = document_marks(&source, &target);
        assert_eq!(shared_kinds(&source_marks[0], &target_marks[0]), (0, 1), "Evans, written mid-sentence in the target");
        assert_eq!(shared_kinds(&source_marks[1], &target_marks[1]), (0, 0), "Para is never written as a name");
        assert_eq!(source_marks[1], marks("Para ellos ."));
    }

    #[test]
    fn wordless_lines_are_marked_and_never_shared() {
        for debris in [".....", "- _-", "h * \"", ".:-- , ."] {
            assert!(is_wordless_line(&marks(debris)), "{debris}");
        }
        for line in ["24 a !", "C'est", "嗯。", "ね", "네.", "1956 ) ."] {
            assert!(!is_wordless_line(&marks(line)), "{line}");
        }
        assert_eq!(shared_kinds(&marks("....."), &marks("- -")), (0, 0));
    }

    #[test]
    fn numbers_and_names_are_verbatim_marks() {
        let de = marks("12 Die Kote des Makalu ist 8481 m.");
        let fr = marks("7 L'altitude du MAKALU est de 8481 m.");
        assert_eq!(shared_kinds(&de, &fr), (0, 2), "{de:?} {fr:?}");
        // Line numbers, first words, short and lower-case words are not.
        assert!(marks("12 Der Tag kam, sagt Tom.").is_empty());
        assert!(marks("Heute ist Montag").iter().all(|&m| is_verbatim(m)));
        assert_eq!(marks("Heute ist Montag").len(), 1);
        assert!(!is_verbatim(marks("Why?")[0]));
    }
}
