//! Punctuation that survives translation: question and exclamation marks,
//! quotation marks, colons and semicolons. Two sides of a correct bead
//! carry about the same marks; where a boundary is in doubt (does this
//! short line of dialogue go with the sentence before or after?), the marks
//! often say what the embeddings cannot. Digits are left out: line and
//! paragraph numbers that differ between the two files would pull beads
//! together, and the checker compares numbers itself.

/// Marks of one sentence, sorted: one small id per punctuation class.
pub fn marks(text: &str) -> Vec<u32> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<u32> = (0..chars.len())
        .filter_map(|at| match chars[at] {
            '?' | '？' | '¿' => Some(QUESTION),
            '!' | '！' | '¡' => Some(EXCLAMATION),
            ':' | '：' => Some(COLON),
            ';' | '；' => Some(SEMICOLON),
            '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '‹' | '›' | '「' | '」' | '『' | '』' => {
                (!is_apostrophe(&chars, at)).then_some(QUOTE)
            }
            '\'' => is_quote_edge(&chars, at).then_some(QUOTE),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out
}

const QUESTION: u32 = 1;
const EXCLAMATION: u32 = 2;
const COLON: u32 = 3;
const SEMICOLON: u32 = 4;
const QUOTE: u32 = 5;

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

/// How many marks two sorted multisets share.
pub fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
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
        assert_eq!((en.len(), shared(&en, &de)), (3, 3), "{en:?} {de:?}");
        assert_eq!(marks("It’s Bob's day"), marks("Es ist Bobs Tag"));
        assert!(marks("In 2020.").is_empty());
        assert_eq!(shared(&marks("Why?"), &marks("Warum!")), 0);
        assert_eq!(marks("她说：“你好！”").len(), 4);
    }
}
