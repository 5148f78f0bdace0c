//! `sentence-missing` inside a merged bead: a target that drops a sentence
//! often aligns the orphaned source sentence with its neighbour's
//! translation (a 2-1 bead), so no bead is left empty. A sentence whose
//! removal makes the source side of its bead markedly *more* like the
//! target side has no counterpart there.

use super::{BeadView, Side};
use crate::embed::{cosine, Embeddings};

/// Least gain in cosine (bead without the sentence against the target,
/// minus the whole bead against the target) for a sentence to be the
/// orphan, and most log length ratio (target characters over what the
/// document's own ratio predicts for the whole source side) for the target
/// to be too short to hold it. Fitted on NTREX-128 en→fr/ru/ar/ja with one
/// line dropped per document (see README, Calibration).
pub const GAIN_ABOVE: f32 = -0.03;
pub const LOG_LENGTH_BELOW: f32 = -0.1;

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

/// The source sentence of the bead with no counterpart in its target side.
pub fn orphan(view: &BeadView) -> Option<usize> {
    let bead = view.bead;
    if bead.source.len() < 2 || bead.target.is_empty() || bead.source.len() <= bead.target.len() {
        return None;
    }
    let (source, target) = (view.source.embeddings?, view.target.embeddings?);
    let lengths = view.lengths;
    let expected = lengths.ratio * bead.source.iter().map(|&i| lengths.source.get(i).copied().unwrap_or(0)).sum::<usize>() as f32;
    let written = bead.target.iter().map(|&j| lengths.target.get(j).copied().unwrap_or(0)).sum::<usize>() as f32;
    let short = expected > 0.0 && written > 0.0 && (written / expected).ln() < LOG_LENGTH_BELOW;
    let (best, gain) = best_gain(source, target, &bead.source, &bead.target)?;
    (short && gain > GAIN_ABOVE).then_some(best)
}

fn chars(side: &Side) -> Vec<usize> {
    side.sentences.iter().map(|s| side.text.get(s.span.start..s.span.end).map_or(0, |t| t.chars().count())).collect()
}

/// The source sentence whose removal raises the bead's similarity most, and by how much.
fn best_gain(source: &Embeddings, target: &Embeddings, source_rows: &[usize], target_rows: &[usize]) -> Option<(usize, f32)> {
    let target_vector = sum(target, target_rows, None);
    let whole = cosine_of(&sum(source, source_rows, None), &target_vector);
    let gain = |i: usize| cosine_of(&sum(source, source_rows, Some(i)), &target_vector) - whole;
    source_rows.iter().map(|&i| (i, gain(i))).max_by(|a, b| a.1.total_cmp(&b.1))
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
    fn a_target_covering_both_sentences_gains_nothing_from_a_removal() {
        let source = rows(&[[1.0, 0.1, 0.0], [0.0, 1.0, 0.1]]);
        let both = rows(&[[1.0, 1.0, 0.1]]);
        let (_, gain) = best_gain(&source, &both, &[0, 1], &[0]).unwrap();
        assert!(gain < GAIN_ABOVE, "{gain}");
    }
}
