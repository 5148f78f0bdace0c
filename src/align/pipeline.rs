//! The passes of each mode, wired together.

use super::runs::Runs;
use super::scoring::Scorer;
use super::{anchors, band, similarity, translation, AlignOptions, Bead};
use crate::embed::Embeddings;

/// Anchors, then the banded n-m DP.
pub fn translation(
    source: &Embeddings,
    target: &Embeddings,
    source_lengths: &[f64],
    target_lengths: &[f64],
    options: &AlignOptions,
) -> Vec<Bead> {
    let windows = vec![0..target.len(); source.len()];
    let found = similarity::neighbours(source, target, &windows, options.neighbours.max(1));
    let chain = anchors::monotone_chain(&anchors::mutual_best(&found));
    let band = band::around(&chain, source.len(), target.len(), options.window);
    let max_side = options.max_bead.max(1);
    let source_runs = Runs::new(source, source_lengths, max_side);
    let target_runs = Runs::new(target, target_lengths, max_side);
    let scorer = Scorer::new(&source_runs, &target_runs, &found, options);
    translation::align(&scorer, &band, options.max_bead)
}
