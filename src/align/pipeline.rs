//! The passes of each mode, wired together.

use super::anchors::{self, Link};
use super::runs::Runs;
use super::scoring::Scorer;
use super::similarity::{self, Neighbours};
use super::{band, lengths, rewrite, translation, AlignOptions, Bead, Mode, Side};
use crate::embed::Embeddings;

/// Links, the mode they call for, then the banded n-m DP (on the target
/// put back into source order, in rewrite mode).
pub fn run(source: &Side, target: &Side, options: &AlignOptions) -> (Vec<Bead>, Mode) {
    let windows = vec![0..target.embeddings.len(); source.embeddings.len()];
    let found = similarity::neighbours(source.embeddings, target.embeddings, &windows, options.neighbours.max(1));
    let links = anchors::mutual_best(&found);
    let chain = anchors::monotone_chain(&links);
    let mode = match options.mode {
        Mode::Auto if rewrite::is_reordered(&links, &chain) => Mode::Rewrite,
        Mode::Auto => Mode::Translation,
        mode => mode,
    };
    let beads = match mode {
        Mode::Rewrite => reordered(source, target, &found, &links, options),
        _ => monotone(source, target, &found, &chain, &[], options),
    };
    (beads, mode)
}

/// `cuts`: target indices that start a passage no bead may straddle.
fn monotone(source: &Side, target: &Side, found: &Neighbours, chain: &[Link], cuts: &[usize], options: &AlignOptions) -> Vec<Bead> {
    let band = band::around(chain, source.embeddings.len(), target.embeddings.len(), options.window);
    let max_side = options.max_bead.max(1);
    let source_runs = Runs::new(source, &lengths(source, options.token_overhead), max_side);
    let mut target_runs = Runs::new(target, &lengths(target, options.token_overhead), max_side);
    target_runs.cut_at(cuts);
    let scorer = Scorer::new(&source_runs, &target_runs, &found.source_means(), &found.target_means(), options);
    translation::align(&scorer, &band, options.max_bead)
}

/// Puts the target's blocks into source order, aligns monotonically, and
/// maps the target indices back.
fn reordered(source: &Side, target: &Side, found: &Neighbours, links: &[Link], options: &AlignOptions) -> Vec<Bead> {
    let (order, cuts) = rewrite::order(&rewrite::blocks(links, target.embeddings.len()));
    let mut place = vec![0; order.len()];
    for (at, &j) in order.iter().enumerate() {
        place[j] = at;
    }
    let embeddings = permuted(target.embeddings, &order);
    let target_lengths = lengths(target, options.token_overhead);
    let permuted_lengths: Vec<f64> = order.iter().map(|&j| target_lengths[j]).collect();
    // Runs embedded by the caller are contiguous in the original order only.
    let side = Side { embeddings: &embeddings, lengths: Some(&permuted_lengths), runs: &[] };
    let mut found = found.clone();
    found.target = order.iter().map(|&j| found.target[j].clone()).collect();
    found.target_sums = order.iter().map(|&j| found.target_sums[j]).collect();
    let moved: Vec<Link> = links.iter().map(|l| Link { target: place[l.target], ..*l }).collect();
    let chain = anchors::monotone_chain(&moved);
    let mut beads = monotone(source, &side, &found, &chain, &cuts, options);
    for bead in &mut beads {
        bead.target = bead.target.iter().map(|&at| order[at]).collect();
        bead.target.sort_unstable();
    }
    beads
}

fn permuted(embeddings: &Embeddings, order: &[usize]) -> Embeddings {
    Embeddings {
        dim: embeddings.dim,
        data: order.iter().flat_map(|&j| embeddings.row(j).iter().copied()).collect(),
        tokens: order.iter().map(|&j| embeddings.tokens[j]).collect(),
        truncated: Vec::new(),
    }
}
