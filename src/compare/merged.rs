//! Sentences without counterpart inside a merged bead. A target that drops
//! a sentence often aligns the orphaned source sentence with its
//! neighbour's translation (a 2-1 bead), and a sentence added to the target
//! joins its neighbour's bead the same way (1-2), so no bead is left empty.
//! A sentence whose removal makes its side of the bead markedly *more* like
//! the other side, on a side longer than the document's length ratio
//! predicts, has no counterpart there.

use super::{BeadView, Side};
use crate::embed::{cosine, Embeddings};

/// Least gain in cosine (the longer side without the sentence against the
/// other side, minus the whole bead) for a sentence to be the orphan, and
/// least log length ratio (the longer side's characters over what the
/// document's own ratio predicts from the other side) for that side to be
/// too long to be a translation of the other. Fitted on NTREX-128
/// en→fr/ru/ar/ja with one line dropped, or one foreign line added, per
/// document (see README, Calibration).
pub const GAIN_ABOVE: f32 = -0.03;
pub const LOG_LENGTH_ABOVE: f32 = 0.1;

/// Characters of each sentence of both documents, and the document's
/// ratio of target to source characters: lengths compare across scripts
/// per document.
pub struct Lengths {
    source: Vec<usize>,
    target: Vec<usize>,
    ratio: f32,
}

impl Lengths {
    pub fn of(source: &Side, target: &Side) -> Lengths {
        let (source, target) = (chars(source), chars(target));
        let ratio = target.iter().sum::<usize>() as f32 / source.iter().sum::<usize>().max(1) as f32;
        Lengths { source, target, ratio }
    }
}

/// The source sentence of the bead with no counterpart in its target side
/// (dropped by the translation).
pub fn orphan(view: &BeadView) -> Option<usize> {
    let (lengths, bead) = (view.lengths, view.bead);
    let longer = Part { rows: &bead.source, embeddings: view.source.embeddings?, chars: &lengths.source };
    let shorter = Part { rows: &bead.target, embeddings: view.target.embeddings?, chars: &lengths.target };
    unmatched(longer, shorter, 1.0 / lengths.ratio)
}

/// The target sentence of the bead with no counterpart in its source side
/// (added by the translation).
pub fn stray(view: &BeadView) -> Option<usize> {
    let (lengths, bead) = (view.lengths, view.bead);
    let longer = Part { rows: &bead.target, embeddings: view.target.embeddings?, chars: &lengths.target };
    let shorter = Part { rows: &bead.source, embeddings: view.source.embeddings?, chars: &lengths.source };
    unmatched(longer, shorter, lengths.ratio)
}

/// One side of a bead: its sentences, with the document's embeddings and
/// sentence lengths.
struct Part<'a> {
    rows: &'a [usize],
    embeddings: &'a Embeddings,
    chars: &'a [usize],
}

impl Part<'_> {
    fn chars(&self) -> f32 {
        self.rows.iter().map(|&i| self.chars.get(i).copied().unwrap_or(0)).sum::<usize>() as f32
    }
}

/// The sentence of `longer` without counterpart in `shorter`; `ratio` is
/// the document's characters on the longer side per character on the other.
fn unmatched(longer: Part, shorter: Part, ratio: f32) -> Option<usize> {
    if longer.rows.len() < 2 || shorter.rows.is_empty() || longer.rows.len() <= shorter.rows.len() {
        return None;
    }
    let (expected, written) = (ratio * shorter.chars(), longer.chars());
    let long = expected > 0.0 && written > 0.0 && (written / expected).ln() > LOG_LENGTH_ABOVE;
    let (best, gain) = best_gain(longer.embeddings, shorter.embeddings, longer.rows, shorter.rows)?;
    (long && gain > GAIN_ABOVE).then_some(best)
}

fn chars(side: &Side) -> Vec<usize> {
    side.sentences.iter().map(|s| side.text.get(s.span.start..s.span.end).map_or(0, |t| t.chars().count())).collect()
}

/// The sentence of `longer` whose removal raises the bead's similarity most, and by how much.
fn best_gain(longer: &Embeddings, shorter: &Embeddings, longer_rows: &[usize], shorter_rows: &[usize]) -> Option<(usize, f32)> {
    let other = sum(shorter, shorter_rows, None);
    let whole = cosine_of(&sum(longer, longer_rows, None), &other);
    let gain = |i: usize| cosine_of(&sum(longer, longer_rows, Some(i)), &other) - whole;
    longer_rows.iter().map(|&i| (i, gain(i))).max_by(|a, b| a.1.total_cmp(&b.1))
}

/// Sum of the rows `indices` (but `skip`); the bead as one vector.
fn sum(embeddings: &Embeddings, indices: &[usize], skip: Option<usize>) -> Vec<f32> {
    let mut total = vec![0.0; embeddings.dim];
    for &i in indices.iter().filter(|&&i| Some(i) != skip && i < embeddings.len()) {
        total.iter_mut().zip(embeddings.row(i)).for_each(|(t, x)| *t += x);
    }
    total
}

fn cosine_of(a: &[f32], b: &[f32]) -> f32 {
    let norm = |v: &[f32]| v.iter().map(|x| x * x).sum::<f32>().sqrt().max(f32::MIN_POSITIVE);
    cosine(a, b) / (norm(a) * norm(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(vectors: &[[f32; 3]]) -> Embeddings {
        let data = vectors.iter().flat_map(|v| {
            let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.map(|x| x / n)
        });
        Embeddings { dim: 3, data: data.collect(), tokens: vec![8; vectors.len()], truncated: Vec::new() }
    }

    #[test]
    fn the_sentence_the_target_does_not_cover_gains_most() {
        let source = rows(&[[1.0, 0.1, 0.0], [0.0, 1.0, 0.1]]);
        let only_first = rows(&[[1.0, 0.05, 0.0]]);
        let (best, gain) = best_gain(&source, &only_first, &[0, 1], &[0]).unwrap();
        assert_eq!(best, 1);
        assert!(gain > GAIN_ABOVE, "{gain}");
    }

    #[test]
    fn the_longer_side_must_also_be_too_long_for_the_other() {
        let (longer, shorter) = (rows(&[[1.0, 0.1, 0.0], [0.0, 1.0, 0.1]]), rows(&[[1.0, 0.05, 0.0]]));
        let part = |embeddings, rows, chars| Part { rows, embeddings, chars };
        let (two, one) = ([0, 1], [0]);
        let short_sentences = [40, 40];
        assert_eq!(unmatched(part(&longer, &two, &short_sentences), part(&shorter, &one, &[40]), 1.0), Some(1));
        // Eighty characters for an eighty-character sentence: a split translation.
        assert_eq!(unmatched(part(&longer, &two, &short_sentences), part(&shorter, &one, &[80]), 1.0), None);
    }

    #[test]
    fn a_target_covering_both_sentences_gains_nothing_from_a_removal() {
        let source = rows(&[[1.0, 0.1, 0.0], [0.0, 1.0, 0.1]]);
        let both = rows(&[[1.0, 1.0, 0.1]]);
        let (_, gain) = best_gain(&source, &both, &[0, 1], &[0]).unwrap();
        assert!(gain < GAIN_ABOVE, "{gain}");
    }
}
