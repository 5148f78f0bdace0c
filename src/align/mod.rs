//! Sentence alignment over embedding similarity.
//!
//! Beads pair runs of source sentences with runs of target sentences:
//! 1-1, 1-n, n-1, n-m, 1-0 (deletion) and 0-1 (insertion).

use serde::{Deserialize, Serialize};

use crate::embed::Embeddings;

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

#[derive(Debug, Clone)]
pub struct AlignOptions {
    pub mode: Mode,
    /// Largest number of sentences on one side of a bead.
    pub max_bead: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { mode: Mode::Auto, max_bead: 4 }
    }
}

/// Aligns source and target sentences given their embeddings.
pub fn align(source: &Embeddings, target: &Embeddings, options: &AlignOptions) -> Alignment {
    unimplemented!("align: {} x {} {:?}", source.len(), target.len(), options)
}
