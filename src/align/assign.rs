//! Rewrite mode for text scrambled at sentence level: order-free matching.
//!
//! Candidate pairs (each sentence's nearest neighbours) are taken greedily
//! by margin — cosine less the mean of the k best in its row and column,
//! which discounts sentences similar to everything — while both sides are
//! free and the pair is clearly closer than unrelated text. Unmatched
//! sentences next to a bead join it when the merged vectors agree better
//! (splits and merges); the rest stay deletions and insertions.
//!
//! Two sentences that both carry verbatim words (names, numbers; see
//! `marks`) and share none must be closer still: two spokesmen's quotes
//! about one event embed alike, but a rewrite that keeps a sentence keeps
//! its names.

use super::marks::{is_verbatim, shared_kinds};
use super::runs::Runs;
use super::similarity::{dot, Neighbours};
use super::Bead;

/// Acceptance thresholds of the matching.
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// Least margin of an accepted pair.
    pub margin: f32,
    /// Most normalised distance of an accepted pair: `(1 - cos)` over
    /// `(1 - mean similarity)`, about 1 for unrelated sentences.
    pub distance: f32,
    /// Most normalised distance of a pair whose neighbours on both sides
    /// are already matched to each other (inside a moved block).
    pub context_distance: f32,
    /// Most normalised distance of a pair whose sentences both carry
    /// verbatim words and share none, in either pass (where marks are
    /// given: documents in one language).
    pub clash_distance: f32,
    /// Least cosine gain for a free neighbour to join a bead.
    pub merge_gain: f32,
    /// Most normalised distance of a joining sentence to the bead's other side.
    pub merge_distance: f32,
}

impl Default for Thresholds {
    /// Calibrated on reordered NTREX news (order-free 1-1 with drops and
    /// insertions) and, for merges, on the n-m beads of the gold sets.
    fn default() -> Self {
        Thresholds { margin: 0.0, distance: 0.8, context_distance: 0.95, clash_distance: 0.7, merge_gain: 0.01, merge_distance: 0.8 }
    }
}

/// Each side's mean similarity to the other document.
pub struct Background<'a> {
    pub source: &'a [f32],
    pub target: &'a [f32],
}

/// Each sentence's marks (see `marks`); empty slices where not given.
pub struct Marks<'a> {
    pub source: &'a [Vec<u32>],
    pub target: &'a [Vec<u32>],
}

impl Marks<'_> {
    /// Whether both sentences carry verbatim words and share none.
    fn clash(&self, i: usize, j: usize) -> bool {
        let (Some(source), Some(target)) = (self.source.get(i), self.target.get(j)) else { return false };
        let named = |marks: &[u32]| marks.iter().any(|&m| is_verbatim(m));
        named(source) && named(target) && shared_kinds(source, target).1 == 0
    }
}

/// A bead under construction: contiguous runs on both sides.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Span {
    source: (usize, usize),
    target: (usize, usize),
}

pub fn align(
    found: &Neighbours,
    source: &Runs,
    target: &Runs,
    background: &Background,
    marks: &Marks,
    limits: Thresholds,
    max_bead: usize,
) -> Vec<Bead> {
    let source_owner = vec![None; source.len()];
    let target_owner = vec![None; target.len()];
    let mut merging = Merging { source, target, background, source_owner, target_owner, spans: Vec::new(), max_bead: max_bead.max(1) };
    let candidates = matches(found, background, marks, limits);
    for &(i, j, distance) in &candidates {
        if distance <= limits.distance {
            merging.pair(i, j);
        }
    }
    // Moved blocks: a weaker pair is believed where its neighbours match.
    while candidates.iter().any(|&(i, j, _)| merging.in_context(i, j) && merging.pair(i, j)) {}
    merging.grow(limits);
    merging.beads()
}

/// Candidate pairs with their normalised distances, best margin first
/// (both sides may repeat; the caller keeps the first free one).
fn matches(found: &Neighbours, background: &Background, marks: &Marks, limits: Thresholds) -> Vec<(usize, usize, f32)> {
    let source_bg: Vec<f32> = found.source.iter().map(|t| t.mean()).collect();
    let target_bg: Vec<f32> = found.target.iter().map(|t| t.mean()).collect();
    let mut pairs: Vec<(f32, usize, usize, f32)> = Vec::new();
    for (i, top) in found.source.iter().enumerate() {
        pairs.extend(top.items.iter().filter(|p| p.1 < target_bg.len()).map(|&(s, j)| (0.0, i, j, s)));
    }
    for (j, top) in found.target.iter().enumerate() {
        pairs.extend(top.items.iter().filter(|p| p.1 < source_bg.len()).map(|&(s, i)| (0.0, i, j, s)));
    }
    for pair in &mut pairs {
        pair.0 = pair.3 - 0.5 * (source_bg[pair.1] + target_bg[pair.2]);
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    pairs.dedup_by_key(|p| (p.1, p.2));
    let distance = |i: usize, j: usize, cos: f32| {
        let unrelated = 1.0 - 0.5 * (mean_at(background.source, i) + mean_at(background.target, j));
        (1.0 - cos) / unrelated.max(0.05)
    };
    pairs
        .into_iter()
        .filter(|&(margin, ..)| margin >= limits.margin)
        .map(|(_, i, j, cos)| (i, j, distance(i, j, cos)))
        .filter(|&(.., d)| d <= limits.distance.max(limits.context_distance))
        .filter(|&(i, j, d)| d <= limits.clash_distance || !marks.clash(i, j))
        .collect()
}

fn mean_at(values: &[f32], i: usize) -> f32 {
    values.get(i).copied().unwrap_or(0.0)
}

struct Merging<'a> {
    source: &'a Runs,
    target: &'a Runs,
    background: &'a Background<'a>,
    source_owner: Vec<Option<usize>>,
    target_owner: Vec<Option<usize>>,
    spans: Vec<Span>,
    max_bead: usize,
}

impl Merging<'_> {
    /// Makes `i`-`j` a 1-1 bead if both are free; whether it did.
    fn pair(&mut self, i: usize, j: usize) -> bool {
        if self.source_owner[i].is_some() || self.target_owner[j].is_some() {
            return false;
        }
        self.source_owner[i] = Some(self.spans.len());
        self.target_owner[j] = Some(self.spans.len());
        self.spans.push(Span { source: (i, i + 1), target: (j, j + 1) });
        true
    }

    /// Whether `i - 1` is matched to `j - 1` or `i + 1` to `j + 1`.
    fn in_context(&self, i: usize, j: usize) -> bool {
        let owner = |owners: &[Option<usize>], at: Option<usize>| at.and_then(|at| owners.get(at).copied().flatten());
        let same = |si: Option<usize>, tj: Option<usize>| {
            owner(&self.source_owner, si).is_some_and(|n| owner(&self.target_owner, tj) == Some(n))
        };
        same(i.checked_sub(1), j.checked_sub(1)) || same(Some(i + 1), Some(j + 1))
    }

    fn cosine(&self, span: Span) -> f32 {
        let s = self.source.vector(span.source.0, span.source.1 - span.source.0);
        let t = self.target.vector(span.target.0, span.target.1 - span.target.0);
        if s.is_empty() || t.is_empty() {
            return f32::NEG_INFINITY;
        }
        dot(s, t)
    }

    /// Lets beads absorb free neighbouring sentences that are themselves
    /// related to the other side while that raises their similarity by
    /// `merge_gain`. In rounds: each bead proposes its best growth, the
    /// best gains go first, a sentence wanted twice goes to the first.
    fn grow(&mut self, limits: Thresholds) {
        loop {
            let mut proposals: Vec<(f32, usize, Span)> =
                (0..self.spans.len()).filter_map(|n| self.best_growth(n, limits)).collect();
            proposals.sort_by(|x, y| y.0.total_cmp(&x.0));
            let mut grew = false;
            for (_, n, grown) in proposals {
                let taken = (grown.source.0..grown.source.1).any(|i| self.source_owner[i].is_some_and(|o| o != n))
                    || (grown.target.0..grown.target.1).any(|j| self.target_owner[j].is_some_and(|o| o != n));
                if !taken {
                    self.spans[n] = grown;
                    (grown.source.0..grown.source.1).for_each(|i| self.source_owner[i] = Some(n));
                    (grown.target.0..grown.target.1).for_each(|j| self.target_owner[j] = Some(n));
                    grew = true;
                }
            }
            if !grew {
                return;
            }
        }
    }

    /// Bead `n`'s growth with the largest gain, if one qualifies.
    fn best_growth(&self, n: usize, limits: Thresholds) -> Option<(f32, usize, Span)> {
        let span = self.spans[n];
        let now = self.cosine(span);
        let mut best: Option<(f32, usize, Span)> = None;
        for grown in self.extensions(span) {
            let better = self.cosine(grown) - now;
            let related = self.joining_distance(span, grown) <= limits.merge_distance;
            if better >= limits.merge_gain && related && best.is_none_or(|b| better > b.0) {
                best = Some((better, n, grown));
            }
        }
        best
    }

    /// Normalised distance of the sentence `grown` adds to `span` from
    /// the span's other side.
    fn joining_distance(&self, span: Span, grown: Span) -> f32 {
        let sentence_and_other = if grown.source != span.source {
            let i = if grown.source.0 < span.source.0 { grown.source.0 } else { grown.source.1 - 1 };
            let other = self.target.vector(span.target.0, span.target.1 - span.target.0);
            (self.source.vector(i, 1), other, mean_at(self.background.source, i))
        } else {
            let j = if grown.target.0 < span.target.0 { grown.target.0 } else { grown.target.1 - 1 };
            let other = self.source.vector(span.source.0, span.source.1 - span.source.0);
            (self.target.vector(j, 1), other, mean_at(self.background.target, j))
        };
        let (sentence, other, mean) = sentence_and_other;
        if sentence.is_empty() || other.is_empty() {
            return f32::INFINITY;
        }
        (1.0 - dot(sentence, other)) / (1.0 - mean).max(0.05)
    }

    /// The span grown by one free sentence at either end of either side.
    fn extensions(&self, span: Span) -> Vec<Span> {
        let (sources, targets) = (span.source.1 - span.source.0, span.target.1 - span.target.0);
        if sources.max(targets) >= self.max_bead || sources + targets > self.max_bead {
            return Vec::new();
        }
        let free = |owners: &[Option<usize>], at: usize| owners.get(at).is_some_and(|o| o.is_none());
        let mut grown = Vec::with_capacity(4);
        if span.source.0 > 0 && free(&self.source_owner, span.source.0 - 1) {
            grown.push(Span { source: (span.source.0 - 1, span.source.1), ..span });
        }
        if free(&self.source_owner, span.source.1) {
            grown.push(Span { source: (span.source.0, span.source.1 + 1), ..span });
        }
        if span.target.0 > 0 && free(&self.target_owner, span.target.0 - 1) {
            grown.push(Span { target: (span.target.0 - 1, span.target.1), ..span });
        }
        if free(&self.target_owner, span.target.1) {
            grown.push(Span { target: (span.target.0, span.target.1 + 1), ..span });
        }
        grown
    }

    /// Beads in source order; deletions in place, each insertion after the
    /// bead that holds the target sentence before it.
    fn beads(&self) -> Vec<Bead> {
        let mut keyed: Vec<(f64, Bead)> = Vec::new();
        for &span in &self.spans {
            let bead = Bead {
                source: (span.source.0..span.source.1).collect(),
                target: (span.target.0..span.target.1).collect(),
                similarity: self.cosine(span),
            };
            keyed.push((span.source.0 as f64, bead));
        }
        for (i, owner) in self.source_owner.iter().enumerate() {
            if owner.is_none() {
                keyed.push((i as f64, Bead { source: vec![i], target: vec![], similarity: 0.0 }));
            }
        }
        let mut place = -1.0;
        for (j, owner) in self.target_owner.iter().enumerate() {
            match owner {
                Some(n) => place = self.spans[*n].source.1 as f64 - 0.5,
                None => keyed.push((place + 0.25, Bead { source: vec![], target: vec![j], similarity: 0.0 })),
            }
        }
        keyed.sort_by(|x, y| x.0.total_cmp(&y.0));
        keyed.into_iter().map(|(_, bead)| bead).collect()
    }
}
