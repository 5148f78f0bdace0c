//! What word alignment says about a target name: whether its words have a
//! counterpart in the source sentence at all. It catches names swapped in
//! scripts without capitals, where spelling matches by chance among all
//! syllables, and it explains names the translation rendered by meaning
//! (Earth for 地球, Election Commission) rather than by sound.
//!
//! Thresholds: best-link cosines after `WORD_LAYER` layers, fitted on
//! DEMETR's replaced-name pairs (x→en, ten source languages): a name word
//! put in by a perturbation has a best cosine under 0.5 in half the cases,
//! a name the translation carries over in under 3% (cs, de, es, fr, hi, it,
//! pl, ru); Han-script sources link lower overall, hence their own cut.

use std::ops::Range;
use std::rc::Rc;

use super::links::{Link, Links};
use super::{BeadView, Placed};
use crate::extract::text::{ascii_key, is_han, is_kana};

/// A target name word whose best source word is less similar than this
/// has no counterpart.
const UNLINKED_BELOW: f32 = 0.5;
/// The same for sources in Han script (zh, ja): 0% of clean pairs flagged.
const UNLINKED_BELOW_HAN: f32 = 0.42;
/// A weak source name (a capitalised word that may be a common noun or a
/// sentence-initial word) spelled like nothing in the target is missing
/// when none of its words links to the target this closely: on DEMETR's
/// removed-name pairs this catches 5.6% more removals across ten languages
/// for 0.5% more clean pairs flagged (0.5: +6.8% for +1.7%, mostly German
/// nouns such as Imbiss, Matrosen translated loosely).
pub(super) const WEAK_UNLINKED_BELOW: f32 = 0.45;
/// In scripts without capitals no name is found by its spelling: a source
/// Devanagari word (three letters or more) whose best target cosine is
/// under this has no counterpart, which on DEMETR's hi→en pairs is nearly
/// always a removed or replaced name (removed recall 0.35 → 0.68, replaced
/// 0.79 → 0.82, clean pairs flagged unchanged; 0.5 flags 10% more clean).
const DEVANAGARI_UNLINKED_BELOW: f32 = 0.45;
/// A Devanagari source word whose best target word is a capitalised word
/// linked mutually to another source word (बर्लुस्कोनी → Francisca, लूना →
/// Runalls), not mutually and less closely than this, has no counterpart
/// of its own, unless it sounds like a target word (names.rs): on DEMETR's
/// hi→en removed-name pairs 3 more of 37 found, clean pairs flagged
/// unchanged (0.65: 2 more clean flagged).
const DEVANAGARI_LEANING_BELOW: f32 = 0.6;
/// The same for two adjacent Han or kana words (a two-character name or
/// longer), both under it: zh removed 0.51 → 0.65, ja 0.68 → 0.77, clean
/// unchanged; 0.4 flags 3–4% more clean pairs.
const HAN_PAIR_UNLINKED_BELOW: f32 = 0.38;
/// A word linked both ways at least this closely is translated, even when
/// its spelling matches nothing (the replaced names' 90th percentile is
/// under 0.61 in every language).
const LINKED_FROM: f32 = 0.65;

/// A source name spelled like nothing in the target is rendered by meaning
/// when a word of it links at least this closely to a common word or to a
/// form sharing its stem (see `names::rendered_by_meaning`). On DEMETR's
/// replaced-name pairs (x→en) this clears 6 of 33 clean pairs flagged
/// (0.6 and 0.62: 7, but a removed name then passes: the word "Sie" in a
/// Czech sentence, glossed "you"), removed recall unchanged.
pub(super) const TRANSLATED_FROM: f32 = 0.65;

/// A word of a longer source name, spelled like nothing in the target,
/// linked less closely than this has no counterpart there: on DEMETR's
/// removed-name pairs 9 more of 335 removals are found (with links to a
/// target name word taken by another source word), clean pairs flagged
/// unchanged; 0.6 flags one more clean pair (an organisation's name
/// translated word by word).
pub(super) const LOST_WORD_BELOW: f32 = 0.55;

/// A weak source name (a capital opening the sentence, a German noun) whose
/// mutual counterpart is a target name spelled like nothing in the source
/// was swapped when the link is weaker than this: a sentence's first word
/// translated (Ocho ↔ Eight 0.86, Bývalý ↔ Former 0.61) links closer than
/// a swapped name (Murray ↔ Hamáček 0.53, Madagaskar ↔ Boston 0.59).
/// Fitted on every other DEMETR item (0.55, 0.6, 0.63: replaced recall
/// 0.900, 0.906, 0.906; 0.63 flags one more clean pair); on the other half
/// replaced recall 0.846 → 0.864, clean pairs flagged unchanged.
pub(super) const SWAPPED_BELOW: f32 = 0.6;

/// A word of a weak source name spelled like nothing in the target whose
/// best target word, not mutually, is the name of another source word, is
/// missing when linked less closely than this (see
/// `names::linked_to_neighbour`). On DEMETR's removed-name pairs no clean
/// pair has such a word under 0.8; removed names reach 0.74 (Ларсон →
/// LaFasto). In whole news documents common nouns link so too: on 40
/// untouched NTREX documents checked from the translation back to English
/// (de→en, ru→en) 0.75 adds 22 and 26 `name-missing` warnings to 65 and
/// 155, 0.6 adds 16 and 19 and keeps every DEMETR language at its goals
/// (0.5 loses de removals: 0.91 → 0.87).
pub(super) const NEIGHBOUR_BELOW: f32 = 0.6;

/// A word of a weak source name of several words, none spelled like a
/// target word, is missing when its best link is not mutual and under
/// this: 6 more German removals (of 335), no clean pair more flagged
/// (0.45: 4 more; 0.55: no more found).
pub(super) const WEAK_WORD_UNLINKED_BELOW: f32 = 0.5;

/// A word of a name with its best link to the other side.
#[derive(Clone)]
pub(super) struct Counterpart {
    pub key: String,
    pub link: Link,
    /// The other side's word, as written.
    pub word: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Evidence {
    /// Some word of the name has no counterpart.
    Unlinked,
    /// Every word of the name has a close, mutual counterpart.
    Linked,
    Unsure,
}

pub(super) struct NameLinks {
    links: Rc<Links>,
    source_text: String,
    target_text: String,
    han: bool,
}

impl NameLinks {
    /// Word links of the bead, when the rules have an encoder.
    pub fn compute(view: &BeadView) -> Option<NameLinks> {
        let links = view.word_links()?;
        let (source_text, target_text) = (view.source_text(), view.target_text());
        let han = source_text.chars().any(is_han);
        Some(NameLinks { links, source_text, target_text, han })
    }

    pub fn links(&self) -> &Links {
        &self.links
    }

    /// Evidence for the words of the name `placed` (on the source side or
    /// the target side) whose keys are in `keys` (the words to check).
    pub fn judge(&self, view: &BeadView, placed: &Placed, keys: &[&str], source: bool) -> Evidence {
        let span = view.joined_span(placed, source);
        let below = if self.han { UNLINKED_BELOW_HAN } else { UNLINKED_BELOW };
        let text = if source { &self.source_text } else { &self.target_text };
        judge(&self.links, text, &span, keys, below, source)
    }

    /// A span of the source text (as joined for the bead) whose words have
    /// no counterpart in the target, for sources in Devanagari, Han or kana.
    pub fn unlinked_source_run(&self) -> Option<Range<usize>> {
        unlinked_run(&self.links, &self.source_text)
    }

    /// Devanagari source words (three letters or more) that lean on another
    /// source word's counterpart: their best target word is capitalised
    /// and linked mutually to that other word, their own link is not
    /// mutual and under `DEVANAGARI_LEANING_BELOW`.
    pub fn leaning_source_words(&self) -> Vec<Range<usize>> {
        leaning_words(&self.links, &self.source_text, &self.target_text)
    }

    /// The best counterpart of each word of a name among `keys`.
    pub fn counterparts(&self, view: &BeadView, placed: &Placed, keys: &[&str], source: bool) -> Vec<Counterpart> {
        let span = view.joined_span(placed, source);
        let (text, other_text) = if source { (&self.source_text, &self.target_text) } else { (&self.target_text, &self.source_text) };
        let (words, other) = if source { (&self.links.source, &self.links.target) } else { (&self.links.target, &self.links.source) };
        words
            .within(&span)
            .into_iter()
            .filter_map(|i| {
                let key = ascii_key(text.get(words.spans[i].clone())?);
                let link = if source { self.links.from_source(i) } else { self.links.from_target(i) }?;
                let word = other_text.get(other.spans[link.other].clone())?.to_string();
                keys.contains(&key.as_str()).then_some(Counterpart { key, link, word })
            })
            .collect()
    }

    /// Whether no word of a name among `keys` links to the other side as
    /// closely as `below`; `false` when none of its words is encoded.
    pub fn all_below(&self, view: &BeadView, placed: &Placed, keys: &[&str], source: bool, below: f32) -> bool {
        let span = view.joined_span(placed, source);
        let text = if source { &self.source_text } else { &self.target_text };
        closest(&self.links, text, &span, keys, source).is_some_and(|s| s < below)
    }
}

/// The best link similarity of the closest-linked word of the name among
/// `keys`: how well its best-placed word has a counterpart.
fn closest(links: &Links, text: &str, span: &Range<usize>, keys: &[&str], source: bool) -> Option<f32> {
    name_word_links(links, text, span, keys, source).into_iter().map(|l| l.similarity).max_by(f32::total_cmp)
}

/// The best link of each word of the name at `span` whose key is in `keys`.
fn name_word_links(links: &Links, text: &str, span: &Range<usize>, keys: &[&str], source: bool) -> Vec<Link> {
    let words = if source { &links.source } else { &links.target };
    words
        .within(span)
        .into_iter()
        .filter(|&j| text.get(words.spans[j].clone()).is_some_and(|w| keys.contains(&ascii_key(w).as_str())))
        .filter_map(|j| if source { links.from_source(j) } else { links.from_target(j) })
        .collect()
}

/// A Devanagari word long enough to be a name.
fn devanagari_word(word: &str) -> bool {
    word.chars().count() >= 3 && word.chars().all(crate::extract::text::is_devanagari)
}

fn unlinked_run(links: &Links, text: &str) -> Option<Range<usize>> {
    let words = &links.source;
    let word = |i: usize| text.get(words.spans[i].clone()).unwrap_or("");
    let best = |i: usize| links.from_source(i).map_or(1.0, |l| l.similarity);
    let han_or_kana = |w: &str| !w.is_empty() && w.chars().all(|c| is_han(c) || is_kana(c));
    if let Some(i) = (0..words.len()).find(|&i| devanagari_word(word(i)) && best(i) < DEVANAGARI_UNLINKED_BELOW) {
        return Some(words.spans[i].clone());
    }
    (1..words.len())
        .find(|&i| han_or_kana(word(i - 1)) && han_or_kana(word(i)) && best(i - 1).max(best(i)) < HAN_PAIR_UNLINKED_BELOW)
        .map(|i| words.spans[i - 1].start..words.spans[i].end)
}

fn leaning_words(links: &Links, source_text: &str, target_text: &str) -> Vec<Range<usize>> {
    (0..links.source.len())
        .filter(|&i| source_text.get(links.source.spans[i].clone()).is_some_and(devanagari_word))
        .filter(|&i| {
            let Some(link) = links.from_source(i) else { return false };
            let capitalised = target_text.get(links.target.spans[link.other].clone()).is_some_and(crate::extract::text::is_capitalized);
            let other = links.from_target(link.other).is_some_and(|back| back.other != i && back.mutual);
            !link.mutual && link.similarity < DEVANAGARI_LEANING_BELOW && capitalised && other
        })
        .map(|i| links.source.spans[i].clone())
        .collect()
}

fn judge(links: &Links, text: &str, span: &Range<usize>, keys: &[&str], unlinked_below: f32, source: bool) -> Evidence {
    let checked = name_word_links(links, text, span, keys, source);
    if checked.is_empty() {
        return Evidence::Unsure;
    }
    if checked.iter().any(|l| l.similarity < unlinked_below) {
        Evidence::Unlinked
    } else if checked.iter().all(|l| l.mutual && l.similarity >= LINKED_FROM) {
        Evidence::Linked
    } else {
        Evidence::Unsure
    }
}

/// Builders for tests of the name rules.
#[cfg(test)]
pub(super) mod testing {
    use super::Counterpart;
    use crate::compare::links::Link;

    pub fn counterpart(key: &str, other: usize, similarity: f32, mutual: bool, word: &str) -> Counterpart {
        Counterpart { key: key.to_string(), link: Link { other, similarity, mutual }, word: word.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::links::testing::words;

    #[test]
    fn names_with_far_counterparts_are_unlinked() {
        let source = words("Putin spoke", &[[1.0, 0.0], [0.0, 1.0]]);
        let target = "Obama spoke";
        // Obama's vector is 0.4 from Putin's and orthogonal to "spoke".
        let links = Links::new(source, words(target, &[[0.4, -0.916_515], [0.0, 1.0]]));
        assert_eq!(judge(&links, target, &(0..5), &["obama"], 0.5, false), Evidence::Unlinked);
        assert_eq!(judge(&links, target, &(0..5), &["obama"], 0.3, false), Evidence::Unsure);
        // A key not among the words to check says nothing.
        assert_eq!(judge(&links, target, &(0..5), &["other"], 0.5, false), Evidence::Unsure);
    }

    #[test]
    fn closest_takes_the_best_linked_word_of_the_name() {
        let source = words("Green Bay spoke", &[[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]]);
        let target = "He spoke";
        let links = Links::new(source, words(target, &[[0.3, 0.953_939], [0.0, 1.0]]));
        // Green's best target cosine is 0.3 (to "He"), Bay's 0.94 (to "He").
        let green = closest(&links, "Green Bay spoke", &(0..9), &["green"], true).unwrap();
        assert!((green - 0.3).abs() < 1e-3);
        let both = closest(&links, "Green Bay spoke", &(0..9), &["green", "bay"], true).unwrap();
        assert!((both - 0.943).abs() < 1e-3);
        assert_eq!(closest(&links, "Green Bay spoke", &(0..9), &["other"], true), None);
    }

    #[test]
    fn uncased_words_without_counterpart_form_a_run() {
        // 北京 links nowhere (0.2 to "It"), 下雨 links to "rains" closely.
        let source = words("北京下雨", &[[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]);
        let target = "It rains";
        let far = Links::new(source.clone(), words(target, &[[0.2, -0.979_796], [0.0, 1.0]]));
        assert_eq!(unlinked_run(&far, "北京下雨"), Some(0..6));
        let near = Links::new(source, words(target, &[[1.0, 0.0], [0.0, 1.0]]));
        assert_eq!(unlinked_run(&near, "北京下雨"), None);
        // A Devanagari word alone is enough; Latin words are not checked.
        let hindi = words("राजीव ने", &[[1.0, 0.0], [0.0, 1.0]]);
        let far = Links::new(hindi, words(target, &[[0.3, -0.953_939], [0.0, 1.0]]));
        assert_eq!(unlinked_run(&far, "राजीव ने"), Some(0..15));
        let latin = words("Rajiv spoke", &[[1.0, 0.0], [0.0, 1.0]]);
        assert_eq!(unlinked_run(&Links::new(latin, words(target, &[[0.3, -0.953_939], [0.0, 1.0]])), "Rajiv spoke"), None);
    }

    #[test]
    fn a_word_leaning_on_another_words_counterpart() {
        // लूना's best target word is Runalls (0.55), whose mutual source
        // word is रनअल्स; "was" links to थी.
        let source = words("रनअल्स लूना थी", &[[1.0, 0.0], [0.55, -0.835_165], [-0.6, 0.8]]);
        let target = "Runalls was";
        let links = Links::new(source, words(target, &[[1.0, 0.0], [-0.6, 0.8]]));
        let source_text = "रनअल्स लूना थी";
        assert_eq!(leaning_words(&links, source_text, target), vec![19..31]);
        // A lower-case best word says nothing.
        assert!(leaning_words(&links, source_text, "runalls was").is_empty());
    }

    #[test]
    fn close_mutual_links_are_translations() {
        let source = words("Erde spoke", &[[1.0, 0.0], [0.0, 1.0]]);
        let target = "Earth spoke";
        let links = Links::new(source, words(target, &[[0.8, 0.6], [0.0, 1.0]]));
        assert_eq!(judge(&links, target, &(0..5), &["earth"], 0.5, false), Evidence::Linked);
        // From the source side: Erde's best target word is Earth, both ways.
        assert_eq!(judge(&links, "Erde spoke", &(0..4), &["erde"], 0.5, true), Evidence::Linked);
    }
}
