//! What a bead costs: lower is better.
//!
//! Raw cosines of one model sit in a narrow, document-dependent range (e5
//! puts unrelated sentences near 0.75), so a bead's `1 - cosine` is divided
//! by what it is for an unrelated pair, `1 -` each sentence's mean
//! similarity to the other document (Vecalign's normalisation). Unrelated
//! pairs then cost about 1 whatever the document or language pair, and one
//! skip cost fits them all. The cost mixes the merged sides' distance
//! (scaled up with the bead's size), each member sentence's own distance to
//! the other side (a stray sentence cannot hide in a merge), a squared log
//! length ratio calibrated on the document pair, a reward for each
//! punctuation mark both sides carry (see `marks`), a cost for running a
//! side on past a sentence that closes a quotation, a cost for each
//! wordless line (debris) taken into a side with other sentences, and a
//! bonus per bead that makes the DP prefer more, smaller beads where
//! similarity is a tie.

use super::marks::{ends_quotation, is_wordless_line, shared_kinds};
use super::runs::Runs;
use super::similarity::dot;
use super::Costs;

pub struct Scorer<'a> {
    pub source: &'a Runs,
    pub target: &'a Runs,
    /// `1 - mean similarity` of each sentence to the other side.
    source_spread: Vec<f32>,
    target_spread: Vec<f32>,
    /// Target length per unit of source length, over the whole document.
    ratio: f64,
    costs: Costs,
    /// Each sentence's marks; empty when not given.
    source_marks: &'a [Vec<u32>],
    target_marks: &'a [Vec<u32>],
    /// Each sentence's linked word pairs (see `lexicon`); empty when not given.
    source_lexical: &'a [Vec<u32>],
    target_lexical: &'a [Vec<u32>],
}

impl<'a> Scorer<'a> {
    /// `*_means`: each sentence's mean similarity to the other side;
    /// `*_marks`: each sentence's marks (see `marks`), used where both
    /// sides have them for every sentence.
    pub fn new(
        source: &'a Runs,
        target: &'a Runs,
        source_means: &[f32],
        target_means: &[f32],
        costs: Costs,
        source_marks: &'a [Vec<u32>],
        target_marks: &'a [Vec<u32>],
    ) -> Self {
        let have_marks = source_marks.len() == source.len() && target_marks.len() == target.len();
        let (source_marks, target_marks) = if have_marks { (source_marks, target_marks) } else { (&[][..], &[][..]) };
        let ratio = if source.total_length() > 0.0 && target.total_length() > 0.0 {
            target.total_length() / source.total_length()
        } else {
            1.0
        };
        let spread = |means: &[f32]| means.iter().map(|m| (1.0 - m).max(0.05)).collect();
        Scorer {
            source,
            target,
            source_marks,
            target_marks,
            source_spread: spread(source_means),
            target_spread: spread(target_means),
            ratio,
            costs,
            source_lexical: &[],
            target_lexical: &[],
        }
    }

    /// The same scorer, rewarding linked word pairs both sides share.
    pub fn with_lexicon(self, source: &'a [Vec<u32>], target: &'a [Vec<u32>]) -> Self {
        let have = source.len() == self.source.len() && target.len() == self.target.len();
        if have {
            Scorer { source_lexical: source, target_lexical: target, ..self }
        } else {
            self
        }
    }

    /// Cosine of the merged runs `source_start..+source_len` and `target_start..+target_len`.
    pub fn cosine(&self, source_start: usize, source_len: usize, target_start: usize, target_len: usize) -> f32 {
        let s = self.source.vector(source_start, source_len);
        let t = self.target.vector(target_start, target_len);
        if s.is_empty() || t.is_empty() {
            0.0
        } else {
            dot(s, t)
        }
    }

    /// Cost of a bead with both sides non-empty.
    pub fn bead(&self, source_start: usize, source_len: usize, target_start: usize, target_len: usize) -> f32 {
        if self.source.vector(source_start, source_len).is_empty() || self.target.vector(target_start, target_len).is_empty() {
            return f32::INFINITY;
        }
        let distance = 1.0 - self.cosine(source_start, source_len, target_start, target_len);
        let spread = 0.5
            * (mean(&self.source_spread, source_start, source_len)
                + mean(&self.target_spread, target_start, target_len));
        let size = (source_len * target_len) as f32;
        let length = self.length_cost(source_start, source_len, target_start, target_len);
        let merged = (distance / spread) * size.powf(self.costs.size_exponent);
        let members = if source_len + target_len > 2 {
            self.members(source_start, source_len, target_start, target_len)
        } else {
            distance / spread
        };
        let evidence = self.marks_cost(source_start, source_len, target_start, target_len)
            - self.lexical_reward(source_start, source_len, target_start, target_len);
        self.costs.merged_weight * merged + self.costs.member_weight * members + self.costs.length_weight * length
            + evidence
            - self.costs.bead_bonus
    }

    /// Minus the weighted marks the two sides share (each mark can be
    /// shared in one bead only, so splitting and merging is neutral unless
    /// a mark crosses the boundary; skipped sentences share none).
    fn marks_cost(&self, source_start: usize, source_len: usize, target_start: usize, target_len: usize) -> f32 {
        let unweighted = self.costs.marks_weight == 0.0
            && self.costs.verbatim_weight == 0.0
            && self.costs.quote_end_weight == 0.0
            && self.costs.wordless_weight == 0.0;
        if unweighted || self.source_marks.is_empty() {
            return 0.0;
        }
        let source = gathered(self.source_marks, source_start, source_len);
        let target = gathered(self.target_marks, target_start, target_len);
        let (punctuation, verbatim) = shared_kinds(&source, &target);
        let run_on = inner_quote_ends(self.source_marks, source_start, source_len)
            + inner_quote_ends(self.target_marks, target_start, target_len);
        let wordless = wordless_in_merge(self.source_marks, source_start, source_len)
            + wordless_in_merge(self.target_marks, target_start, target_len);
        self.costs.quote_end_weight * run_on as f32 + self.costs.wordless_weight * wordless as f32
            - (self.costs.marks_weight * punctuation as f32 + self.costs.verbatim_weight * verbatim as f32)
    }

    /// The weighted count of linked word pairs both sides carry.
    fn lexical_reward(&self, source_start: usize, source_len: usize, target_start: usize, target_len: usize) -> f32 {
        if self.costs.lexical_weight == 0.0 || self.source_lexical.is_empty() {
            return 0.0;
        }
        let source = gathered(self.source_lexical, source_start, source_len);
        let target = gathered(self.target_lexical, target_start, target_len);
        self.costs.lexical_weight * shared(&source, &target) as f32
    }

    /// Mean over both sides' sentences of each one's normalised distance to
    /// the whole other side, times the bead's sentence count over two: a
    /// piece that fits neither side (junk, a stray caption) costs its own.
    fn members(&self, source_start: usize, source_len: usize, target_start: usize, target_len: usize) -> f32 {
        let target_run = self.target.vector(target_start, target_len);
        let source_run = self.source.vector(source_start, source_len);
        let mut total = 0.0;
        for i in source_start..source_start + source_len {
            total += (1.0 - dot(self.source.vector(i, 1), target_run)) / self.source_spread[i];
        }
        for j in target_start..target_start + target_len {
            total += (1.0 - dot(self.target.vector(j, 1), source_run)) / self.target_spread[j];
        }
        total / 2.0
    }

    /// Squared log ratio of the calibrated lengths: 0 when they agree.
    fn length_cost(&self, source_start: usize, source_len: usize, target_start: usize, target_len: usize) -> f32 {
        const SMOOTH: f64 = 2.0;
        let source = self.source.length(source_start, source_len) * self.ratio;
        let target = self.target.length(target_start, target_len);
        let log_ratio = ((source + SMOOTH) / (target + SMOOTH)).ln();
        (log_ratio * log_ratio) as f32
    }

    /// Cost of a 1-0 or 0-1 bead.
    pub fn skip(&self) -> f32 {
        self.costs.skip
    }
}

/// Sentences of `start..start + len`, all but the last, that close a quotation.
fn inner_quote_ends(marks: &[Vec<u32>], start: usize, len: usize) -> usize {
    marks[start..start + len - 1].iter().filter(|m| ends_quotation(m)).count()
}

/// Wordless sentences of `start..start + len` when it holds two or more.
fn wordless_in_merge(marks: &[Vec<u32>], start: usize, len: usize) -> usize {
    if len < 2 {
        return 0;
    }
    marks[start..start + len].iter().filter(|m| is_wordless_line(m)).count()
}

/// The sorted ids of sentences `start..start + len`, as a multiset.
fn gathered(ids: &[Vec<u32>], start: usize, len: usize) -> Vec<u32> {
    let mut all: Vec<u32> = ids[start..start + len].concat();
    all.sort_unstable();
    all
}

/// Size of the multiset intersection of two sorted lists.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn mean(values: &[f32], start: usize, len: usize) -> f32 {
    let end = (start + len).min(values.len());
    if start >= end {
        return 1.0;
    }
    values[start..end].iter().sum::<f32>() / (end - start) as f32
}
