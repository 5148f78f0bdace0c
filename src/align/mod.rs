//! Sentence alignment over embedding similarity.
//!
//! Beads pair runs of source sentences with runs of target sentences:
//! 1-1, 1-n, n-1, n-m, 1-0 (deletion) and 0-1 (insertion).

use serde::{Deserialize, Serialize};

use crate::embed::Embeddings;

mod anchors;
mod band;
mod pipeline;
mod runs;
mod scoring;
mod similarity;
mod translation;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bead {
    /// Source sentence indices, ascending; empty for an insertion.
    pub source: Vec<usize>,
    /// Target sentence indices, ascending; empty for a deletion.
    pub target: Vec<usize>,
    /// Cosine similarity of the two sides (0 for insertions and deletions).
    pub similarity: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Decide from the similarity matrix.
    #[default]
    Auto,
    /// Monotonic: the two texts run in the same order.
    Translation,
    /// Order may change: moved, split and merged sentences.
    Rewrite,
}

#[derive(Debug, Clone)]
pub struct Alignment {
    pub beads: Vec<Bead>,
    /// The mode that ran (never `Auto`).
    pub mode: Mode,
}

/// Knobs of the aligner. The defaults are tuned for multilingual-e5-small
/// on literary, parliamentary and news text.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    pub mode: Mode,
    /// Largest number of sentences on one side of a bead; a bead holds at
    /// most `max_bead + 1` sentences in all.
    pub max_bead: usize,
    /// Cost of an insertion or deletion, in units of an unrelated pair's cost.
    pub skip: f32,
    /// Half-width, in sentences, of the band searched around the anchors.
    pub window: usize,
    /// Neighbours per sentence behind each margin.
    pub neighbours: usize,
    /// A bead's similarity cost is scaled by (source × target sentences)^this.
    pub size_exponent: f32,
    /// Weight of the merged sides' similarity cost.
    pub merged_weight: f32,
    /// Weight of the members' own fit to the other side.
    pub member_weight: f32,
    /// Weight of the squared log length ratio.
    pub length_weight: f32,
    /// Tokens the embedder adds to every sentence (prefix and specials);
    /// `align` subtracts them to get content lengths.
    pub token_overhead: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            mode: Mode::Auto,
            max_bead: 4,
            skip: 0.6,
            window: 8,
            neighbours: 4,
            size_exponent: 1.0,
            merged_weight: 1.0,
            member_weight: 0.0,
            length_weight: 0.1,
            token_overhead: 6,
        }
    }
}

/// Aligns source and target sentences given their embeddings; sentence
/// lengths come from the embeddings' token counts.
pub fn align(source: &Embeddings, target: &Embeddings, options: &AlignOptions) -> Alignment {
    let source_lengths = runs::lengths_from_tokens(source, options.token_overhead);
    let target_lengths = runs::lengths_from_tokens(target, options.token_overhead);
    align_with_lengths(source, target, &source_lengths, &target_lengths, options)
}

/// Like [`align`], with caller-given sentence lengths (e.g. characters);
/// only their ratios within a document matter.
pub fn align_with_lengths(
    source: &Embeddings,
    target: &Embeddings,
    source_lengths: &[f64],
    target_lengths: &[f64],
    options: &AlignOptions,
) -> Alignment {
    let source_lengths = fit(source_lengths, source.len());
    let target_lengths = fit(target_lengths, target.len());
    let mode = match options.mode {
        Mode::Auto | Mode::Translation => Mode::Translation,
        Mode::Rewrite => Mode::Rewrite,
    };
    let beads = pipeline::translation(source, target, &source_lengths, &target_lengths, options);
    Alignment { beads, mode }
}

/// Lengths padded or cut to one per sentence.
fn fit(lengths: &[f64], count: usize) -> Vec<f64> {
    (0..count).map(|i| lengths.get(i).copied().filter(|l| l.is_finite() && *l > 0.0).unwrap_or(1.0)).collect()
}
