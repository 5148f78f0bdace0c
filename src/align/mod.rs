//! Sentence alignment over embedding similarity.
//!
//! Beads pair runs of source sentences with runs of target sentences:
//! 1-1, 1-n, n-1, n-m, 1-0 (deletion) and 0-1 (insertion).

use serde::{Deserialize, Serialize};

use crate::embed::Embeddings;

mod anchors;
mod assign;
mod band;
mod coarse;
mod lexicon;
mod marks;
mod pipeline;
mod rewrite;
mod runs;
mod scoring;
mod similarity;
mod split;
mod translation;

pub use assign::Thresholds as MatchThresholds;
pub use lexicon::{document_words, Learning};
pub use marks::{document_marks, marks};

#[cfg(test)]
mod tests;

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

/// Knobs of the aligner.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    pub mode: Mode,
    /// Largest number of sentences on one side of a bead; a bead holds at
    /// most `max_bead + 1` sentences in all.
    pub max_bead: usize,
    /// Half-width, in sentences, of the band searched around the anchors.
    pub window: usize,
    /// Neighbours per sentence kept by the nearest-neighbour search.
    pub neighbours: usize,
    /// Tokens the embedder adds to every sentence (e5: `query: ` and the
    /// two specials); subtracted from token counts to get content lengths.
    pub token_overhead: usize,
    /// Bead costs; `None`: the tuned defaults of the mode that runs.
    pub costs: Option<Costs>,
    /// Acceptance thresholds of rewrite mode's order-free matching.
    pub matching: MatchThresholds,
    /// Both documents are in one language: an edit or rewrite, not a
    /// translation, so `auto` picks rewrite mode.
    pub same_language: bool,
    /// What a word pair must show to be linked as a translation.
    pub learning: Learning,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            mode: Mode::Auto,
            max_bead: 5,
            window: 12,
            neighbours: 4,
            token_overhead: 6,
            costs: None,
            matching: MatchThresholds::default(),
            same_language: false,
            learning: Learning::default(),
        }
    }
}

/// What beads cost in the DP (see `scoring`). Distances are normalised so
/// that an unrelated pair costs about 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Costs {
    /// Cost of an insertion or deletion.
    pub skip: f32,
    /// The merged sides' distance is scaled by (source × target sentences)^this.
    pub size_exponent: f32,
    /// Weight of the merged sides' distance.
    pub merged_weight: f32,
    /// Weight of the members' own distances to the other side.
    pub member_weight: f32,
    /// Taken off every non-skip bead: more, smaller beads are preferred.
    pub bead_bonus: f32,
    /// Weight of the squared log length ratio.
    pub length_weight: f32,
    /// Reward per mark (a number, question mark, quotation mark…; see
    /// [`marks`]) that both sides of a bead carry.
    pub marks_weight: f32,
    /// Reward per verbatim word (a number or capitalised name past the
    /// first word; see [`marks`]) that both sides of a bead carry.
    pub verbatim_weight: f32,
    /// Share of a sentence's k-nearest-neighbour similarity in the
    /// background its distances are normalised by (the rest is its mean
    /// similarity to the whole other document): a sentence close to many
    /// (a short line of dialogue) gets a smaller spread, so only a clearly
    /// better partner pulls it into a bead (the hubness correction of
    /// margin scores, partly).
    pub neighbour_share: f32,
    /// Cost per sentence that closes a quotation in a cased script
    /// (`"…won."`, `'…!'`) and is not the last of its bead's side: such a
    /// sentence ends an utterance, and the next one starts a new bead
    /// (see [`marks`]).
    pub quote_end_weight: f32,
    /// Cost per wordless sentence (OCR debris, a rule of dots or dashes;
    /// see [`marks`]) in a bead side of two or more sentences: such a line
    /// is aligned on its own, mostly as an insertion or deletion.
    pub wordless_weight: f32,
    /// Reward per word pair that both sides of a bead carry, where the
    /// pair was linked as a translation from a first alignment (see
    /// `lexicon`); 0 runs a single alignment.
    pub lexical_weight: f32,
}

impl Costs {
    /// Tuned on literary zh-en, parliamentary de-fr and subtitle en-is
    /// gold alignments with multilingual-e5-small: n-m beads are common.
    pub fn translation() -> Costs {
        Costs {
            skip: 0.53,
            size_exponent: 0.27,
            merged_weight: 0.57,
            member_weight: 0.91,
            bead_bonus: 0.92,
            length_weight: 0.58,
            marks_weight: 0.1,
            verbatim_weight: 0.7,
            neighbour_share: 0.2,
            quote_end_weight: 0.2,
            wordless_weight: 0.5,
            lexical_weight: 0.1,
        }
    }

    /// Tuned on reordered news (moved blocks, dropped and inserted
    /// sentences): pairing unrelated leftovers must not pay.
    pub fn rewrite() -> Costs {
        Costs {
            skip: 0.37,
            size_exponent: 0.37,
            merged_weight: 0.28,
            member_weight: 0.91,
            bead_bonus: 0.42,
            length_weight: 0.5,
            marks_weight: 0.0,
            verbatim_weight: 0.0,
            neighbour_share: 0.0,
            quote_end_weight: 0.0,
            wordless_weight: 0.0,
            lexical_weight: 0.0,
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
    /// Optional marks of each sentence ([`marks`] of its text).
    pub marks: Option<&'a [Vec<u32>]>,
    /// Optional word ids of each sentence ([`document_words`]).
    pub words: Option<&'a [Vec<u32>]>,
}

impl<'a> Side<'a> {
    pub fn new(embeddings: &'a Embeddings) -> Self {
        Side { embeddings, lengths: None, runs: &[], marks: None, words: None }
    }
}

/// Aligns source and target sentences given their embeddings.
pub fn align(source: &Embeddings, target: &Embeddings, options: &AlignOptions) -> Alignment {
    align_sides(Side::new(source), Side::new(target), options)
}

/// Like [`align`], with optional sentence lengths and run embeddings.
pub fn align_sides(source: Side, target: Side, options: &AlignOptions) -> Alignment {
    let repaired = (well_formed(source.embeddings), well_formed(target.embeddings));
    let source = Side { embeddings: repaired.0.as_ref().unwrap_or(source.embeddings), ..source };
    let target = Side { embeddings: repaired.1.as_ref().unwrap_or(target.embeddings), ..target };
    let (beads, mode) = pipeline::run(&source, &target, options);
    Alignment { beads, mode }
}

/// A copy with `data` cut or zero-padded to `len() * dim`, if it is not.
fn well_formed(embeddings: &Embeddings) -> Option<Embeddings> {
    let want = embeddings.len() * embeddings.dim;
    (embeddings.data.len() != want).then(|| {
        let mut fixed = embeddings.clone();
        fixed.data.resize(want, 0.0);
        fixed
    })
}

/// Per-sentence lengths: the caller's, padded or cut to one per sentence,
/// or token counts less the embedder's fixed overhead.
fn lengths(side: &Side, overhead: usize) -> Vec<f64> {
    let given = |i: usize| side.lengths.and_then(|l| l.get(i).copied()).filter(|l| l.is_finite() && *l > 0.0);
    let tokens = |i: usize| side.embeddings.tokens[i].saturating_sub(overhead).max(1) as f64;
    (0..side.embeddings.len()).map(|i| given(i).unwrap_or_else(|| tokens(i))).collect()
}
