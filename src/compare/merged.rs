//! `sentence-missing` inside a merged bead: a target that drops a sentence
//! often aligns the orphaned source sentence with its neighbour's
//! translation (a 2-1 bead), so no bead is left empty. A sentence whose
//! removal makes the source side of its bead markedly *more* like the
//! target side has no counterpart there.

use super::BeadView;
use crate::embed::{cosine, Embeddings};

/// Least gain in cosine (bead without the sentence against the target,
/// minus the whole bead against the target) that marks a sentence as
/// having no counterpart. Fitted on NTREX-128 en→fr/ru/ar/ja (see README,
/// Calibration).
pub const GAIN_ABOVE: f32 = 0.0;

/// Source sentences of the bead with no counterpart in its target side.
pub fn orphans(view: &BeadView) -> Vec<usize> {
    match (view.source.embeddings, view.target.embeddings) {
        (Some(source), Some(target)) => orphans_in(source, target, &view.bead.source, &view.bead.target),
        _ => Vec::new(),
    }
}

/// Only beads with more source than target sentences can hide a drop.
fn orphans_in(source: &Embeddings, target: &Embeddings, source_rows: &[usize], target_rows: &[usize]) -> Vec<usize> {
    if source_rows.len() < 2 || target_rows.is_empty() || source_rows.len() <= target_rows.len() {
        return Vec::new();
    }
    let target_vector = sum(target, target_rows, None);
    let whole = cosine_of(&sum(source, source_rows, None), &target_vector);
    let gain = |i: usize| cosine_of(&sum(source, source_rows, Some(i)), &target_vector) - whole;
    source_rows.iter().copied().filter(|&i| gain(i) > GAIN_ABOVE).collect()
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
    fn a_sentence_the_target_does_not_cover_is_an_orphan() {
        let source = rows(&[[1.0, 0.1, 0.0], [0.0, 1.0, 0.1]]);
        let only_first = rows(&[[1.0, 0.05, 0.0]]);
        assert_eq!(orphans_in(&source, &only_first, &[0, 1], &[0]), vec![1]);
    }

    #[test]
    fn a_target_covering_both_sentences_has_none() {
        let source = rows(&[[1.0, 0.1, 0.0], [0.0, 1.0, 0.1]]);
        let both = rows(&[[1.0, 1.0, 0.1]]);
        assert!(orphans_in(&source, &both, &[0, 1], &[0]).is_empty());
        assert!(orphans_in(&source, &both, &[0], &[0]).is_empty(), "a 1-1 bead has nothing to split");
    }
}
