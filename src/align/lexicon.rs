//! Word translations learnt from the document pair itself (Moore's
//! aligner and hunalign build a dictionary the same way): a first
//! alignment pairs sentences, words that keep turning up in the same
//! beads are linked one to one (competitive linking on the Dice
//! coefficient), and a second alignment rewards each linked word pair
//! that a bead's two sides share. Embeddings blur which of two adjacent
//! sentences carries a phrase; the words themselves do not.

use std::collections::{HashMap, HashSet};

use super::Bead;

/// Word ids of each sentence: case-folded letter runs, and for Han text
/// (no spaces between words) each pair of adjacent characters.
pub fn document_words(texts: &[&str]) -> Vec<Vec<u32>> {
    texts.iter().map(|text| words(text)).collect()
}

fn words(text: &str) -> Vec<u32> {
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if !chars[at].is_alphabetic() {
            at += 1;
            continue;
        }
        let han = is_han(chars[at]);
        let end = at + chars[at..].iter().take_while(|&&c| c.is_alphabetic() && is_han(c) == han).count();
        let word = &chars[at..end];
        if han {
            out.extend(word.windows(2).map(id));
            if word.len() == 1 {
                out.push(id(word));
            }
        } else if word.len() >= MIN_WORD {
            out.push(id(&word[..word.len().min(STEM)]));
        }
        at = end;
    }
    out
}

/// Single letters are mostly initials and elided articles (`l'`, `d'`).
const MIN_WORD: usize = 2;
/// Letters of a word that count: its first five stand for its inflected
/// forms (`Bergen`, `Berge`; `montagne`, `montagnes`), a crude stemmer
/// that treats every language alike.
const STEM: usize = 5;

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

fn id(word: &[char]) -> u32 {
    let mut hash: u32 = 2_166_136_261;
    for &c in word {
        hash = (hash ^ c as u32).wrapping_mul(16_777_619);
    }
    hash
}

/// What a linked word pair must show in the first alignment.
#[derive(Debug, Clone, Copy)]
pub struct Learning {
    /// Beads the two words share, at least.
    pub min_joint: usize,
    /// Dice coefficient of their bead sets, at least.
    pub min_dice: f32,
    /// 1-1 beads the first alignment must have for anything to be learnt:
    /// a short document links function words by chance (`the` to `in`
    /// from ten beads), and the reward then pulls an inserted sentence
    /// into a neighbouring bead.
    pub min_beads: usize,
}

impl Default for Learning {
    fn default() -> Self {
        Learning { min_joint: 2, min_dice: 0.5, min_beads: 20 }
    }
}

/// For each sentence of both sides, the sorted ids of the linked word
/// pairs its words belong to (one id per occurrence).
pub fn linked_words(
    source: &[Vec<u32>],
    target: &[Vec<u32>],
    beads: &[Bead],
    learning: Learning,
) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let links = learn(source, target, beads, learning);
    let source_link: HashMap<u32, u32> = links.iter().enumerate().map(|(k, &(s, _))| (s, k as u32)).collect();
    let target_link: HashMap<u32, u32> = links.iter().enumerate().map(|(k, &(_, t))| (t, k as u32)).collect();
    let mark = |side: &[Vec<u32>], link: &HashMap<u32, u32>| -> Vec<Vec<u32>> {
        side.iter()
            .map(|words| {
                let mut ids: Vec<u32> = words.iter().filter_map(|w| link.get(w).copied()).collect();
                ids.sort_unstable();
                ids
            })
            .collect()
    };
    (mark(source, &source_link), mark(target, &target_link))
}

/// Competitive linking: candidate pairs best first, each word linked once.
fn learn(source: &[Vec<u32>], target: &[Vec<u32>], beads: &[Bead], learning: Learning) -> Vec<(u32, u32)> {
    let paired: Vec<&Bead> = beads.iter().filter(|b| b.source.len() == 1 && b.target.len() == 1).collect();
    if paired.len() < learning.min_beads {
        return Vec::new();
    }
    let bag = |side: &[Vec<u32>], ids: &[usize]| {
        let mut all: Vec<u32> = ids.iter().filter_map(|&i| side.get(i)).flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let bags: Vec<(Vec<u32>, Vec<u32>)> = paired.iter().map(|b| (bag(source, &b.source), bag(target, &b.target))).collect();
    let (mut source_count, mut target_count) = (HashMap::new(), HashMap::new());
    for (s, t) in &bags {
        s.iter().for_each(|&w| *source_count.entry(w).or_insert(0usize) += 1);
        t.iter().for_each(|&w| *target_count.entry(w).or_insert(0usize) += 1);
    }
    let mut joint: HashMap<(u32, u32), usize> = HashMap::new();
    for (s, t) in &bags {
        for &a in s {
            for &b in t {
                *joint.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut candidates: Vec<(f32, usize, u32, u32)> = joint
        .into_iter()
        .filter(|&(_, n)| n >= learning.min_joint)
        .map(|((a, b), n)| (2.0 * n as f32 / (source_count[&a] + target_count[&b]) as f32, n, a, b))
        .filter(|&(dice, ..)| dice >= learning.min_dice)
        .collect();
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    let (mut source_used, mut target_used) = (HashSet::new(), HashSet::new());
    let mut links = Vec::new();
    for (_, _, a, b) in candidates {
        if !source_used.contains(&a) && !target_used.contains(&b) {
            source_used.insert(a);
            target_used.insert(b);
            links.push((a, b));
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any_length() -> Learning {
        Learning { min_beads: 0, ..Learning::default() }
    }

    fn bead(source: usize, target: usize) -> Bead {
        Bead { source: vec![source], target: vec![target], similarity: 0.9 }
    }

    #[test]
    fn words_are_stems_and_han_pairs() {
        assert_eq!(words("Die Berge"), words("die BERGEN"), "case folded, cut to five letters");
        assert_eq!(words("l'été a").len(), 1, "single letters are no words");
        assert_eq!(words("王琦瑶").len(), 2, "two character pairs");
        assert_eq!(words("我").len(), 1);
    }

    #[test]
    fn words_that_share_beads_are_linked_one_to_one() {
        let source = document_words(&["Der Berg ist hoch", "Der Berg fiel", "Ein Fluss fliesst", "Der Fluss"]);
        let target = document_words(&["La montagne est haute", "La montagne tomba", "Un fleuve coule", "Le fleuve"]);
        let beads: Vec<Bead> = (0..4).map(|i| bead(i, i)).collect();
        let (source_links, target_links) = linked_words(&source, &target, &beads, any_length());
        let shared = |i: usize, j: usize| source_links[i].iter().filter(|id| target_links[j].contains(id)).count();
        assert!(shared(0, 0) >= 1 && shared(2, 2) >= 1, "{source_links:?} {target_links:?}");
        assert_eq!(shared(0, 2), 0, "Berg and fleuve never share a bead");
        let links = learn(&source, &target, &beads, any_length());
        let berg = words("Berg")[0];
        assert_eq!(links.iter().filter(|(s, _)| *s == berg).count(), 1, "each word has one partner");
    }

    #[test]
    fn only_one_to_one_beads_teach() {
        let source = document_words(&["Berg", "Berg", "Berg"]);
        let target = document_words(&["montagne", "montagne", "montagne"]);
        let merged = vec![Bead { source: vec![0, 1], target: vec![0, 1], similarity: 0.9 }, bead(2, 2)];
        assert!(learn(&source, &target, &merged, any_length()).is_empty(), "a pair seen in one 1-1 bead is chance");
    }

    #[test]
    fn a_short_document_teaches_nothing() {
        let source = document_words(&["Der Berg"; 30]);
        let target = document_words(&["La montagne"; 30]);
        let beads: Vec<Bead> = (0..30).map(|i| bead(i, i)).collect();
        assert!(!learn(&source, &target, &beads, Learning::default()).is_empty());
        assert!(learn(&source, &target, &beads[..19], Learning::default()).is_empty(), "19 beads are too few");
    }
}
