//! Sentence alignment over embedding similarity.
//!
//! Beads pair runs of source sentences with runs of target sentences:
//! 1-1, 1-n, n-1, n-m, 1-0 (deletion) and 0-1 (insertion).

use serde::{Deserialize, Serialize};

use crate::embed::Embeddings;

mod anchors;
mod band;
mod center;
mod pipeline;
mod rewrite;
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
    /// Subtract each side's mean vector before comparing.
    pub center: bool,
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
            center: false,
            merged_weight: 1.0,
            member_weight: 0.0,
            length_weight: 0.1,
            token_overhead: 6,
        }
    }
}

/// One document as the aligner sees it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub embeddings: &'a Embeddings,
    /// Sentence lengths in any unit (characters, tokens; only ratios within
    /// the document matter). `None`: token counts less `token_overhead`.
    pub lengths: Option<&'a [f64]>,
    /// Optional embeddings of concatenated consecutive sentences:
    /// `runs[k].row(i)` embeds sentences `i..i + k + 2`. Without them a
    /// run's vector is approximated from its sentences' vectors.
    pub runs: &'a [Embeddings],
}

impl<'a> Side<'a> {
    pub fn new(embeddings: &'a Embeddings) -> Self {
        Side { embeddings, lengths: None, runs: &[] }
    }
}

/// Aligns source and target sentences given their embeddings.
pub fn align(source: &Embeddings, target: &Embeddings, options: &AlignOptions) -> Alignment {
    align_sides(Side::new(source), Side::new(target), options)
}

/// Like [`align`], with optional sentence lengths and run embeddings.
pub fn align_sides(source: Side, target: Side, options: &AlignOptions) -> Alignment {
    let centered = options.center.then(|| (center::centered(source.embeddings), center::centered(target.embeddings)));
    let (source, target) = match &centered {
        Some((s, t)) => (Side { embeddings: s, runs: &[], ..source }, Side { embeddings: t, runs: &[], ..target }),
        None => (source, target),
    };
    let (beads, mode) = pipeline::run(&source, &target, options);
    Alignment { beads, mode }
}

/// Per-sentence lengths: the caller's, padded or cut to one per sentence,
/// or token counts less the embedder's fixed overhead.
fn lengths(side: &Side, overhead: usize) -> Vec<f64> {
    let given = |i: usize| side.lengths.and_then(|l| l.get(i).copied()).filter(|l| l.is_finite() && *l > 0.0);
    let tokens = |i: usize| side.embeddings.tokens[i].saturating_sub(overhead).max(1) as f64;
    (0..side.embeddings.len()).map(|i| given(i).unwrap_or_else(|| tokens(i))).collect()
}
