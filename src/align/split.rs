//! A last look at merged beads: when a sentence adds nothing to its bead's
//! fit (the merged side is no more similar than the sentence's partner
//! alone), it has no counterpart and leaves the bead as an omission or
//! addition. The monotone search prefers absorbing such a sentence into a
//! neighbour over paying the skip cost; for a checker an omission hidden
//! inside a 2-1 bead is a missed finding.

use super::similarity::dot;
use super::Bead;
use crate::embed::Embeddings;

/// How much a member must add to the bead's cosine to stay in it.
const MIN_GAIN: f32 = -0.02;

pub fn split_unhelpful(beads: Vec<Bead>, source: &Embeddings, target: &Embeddings) -> Vec<Bead> {
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        match (bead.source.len(), bead.target.len()) {
            (2, 1) => out.extend(split(bead, source, target, true)),
            (1, 2) => out.extend(split(bead, target, source, false)),
            _ => out.push(bead),
        }
    }
    out
}

/// `many` is the side with two sentences.
fn split(bead: Bead, many: &Embeddings, one: &Embeddings, source_has_two: bool) -> Vec<Bead> {
    let (pair, single) = if source_has_two { (&bead.source, &bead.target) } else { (&bead.target, &bead.source) };
    let merged = cosine_of(many, pair, one, single);
    let alone: Vec<f32> = pair.iter().map(|&i| cosine_of(many, &[i], one, single)).collect();
    let (best, worst) = if alone[0] >= alone[1] { (0, 1) } else { (1, 0) };
    if merged - alone[best] > MIN_GAIN {
        return vec![bead];
    }
    let kept = Bead {
        source: if source_has_two { vec![pair[best]] } else { single.clone() },
        target: if source_has_two { single.clone() } else { vec![pair[best]] },
        similarity: alone[best],
    };
    let left = if source_has_two {
        Bead { source: vec![pair[worst]], target: vec![], similarity: 0.0 }
    } else {
        Bead { source: vec![], target: vec![pair[worst]], similarity: 0.0 }
    };
    // Keep reading order: the left-out sentence goes where it stood.
    if worst < best { vec![left, kept] } else { vec![kept, left] }
}

/// Cosine of the token-weighted sums of two groups of unit vectors.
fn cosine_of(left: &Embeddings, left_rows: &[usize], right: &Embeddings, right_rows: &[usize]) -> f32 {
    let (a, b) = (weighted_sum(left, left_rows), weighted_sum(right, right_rows));
    let norm = (dot(&a, &a) * dot(&b, &b)).sqrt();
    if norm > 0.0 { dot(&a, &b) / norm } else { 0.0 }
}

fn weighted_sum(side: &Embeddings, rows: &[usize]) -> Vec<f32> {
    let mut sum = vec![0.0; side.dim];
    for &r in rows {
        let weight = side.tokens.get(r).copied().unwrap_or(1).max(1) as f32;
        for (acc, x) in sum.iter_mut().zip(side.row(r)) {
            *acc += weight * x;
        }
    }
    sum
}
