//! Sentence embeddings. The pipeline only sees the `Embedder` trait; the
//! default engine is multilingual-e5-small on candle (pure Rust, CPU); with
//! the cargo feature `rust-bert` the same model can run on libtorch instead.

use std::ops::Range;
use std::path::Path;

use crate::error::{Error, Result};

mod batch;
pub mod bert;
pub mod e5file;
mod encoder;
pub mod fetch;
pub mod import;
pub mod store;
pub mod tokenizer;
#[cfg(feature = "rust-bert")]
pub mod torch;
mod words;

pub use bert::BertEngine;
pub use fetch::fetch;
pub use import::import;
pub use store::{is_installed, resolve};
#[cfg(feature = "rust-bert")]
pub use torch::TorchEngine;

/// Which engine runs the model. Both give the same results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    /// Pure Rust (candle), always compiled in.
    #[default]
    Candle,
    /// libtorch via rust-bert; needs a build with `--features rust-bert`.
    RustBert,
}

impl Engine {
    /// Whether this build can run the engine.
    pub fn available(self) -> bool {
        match self {
            Engine::Candle => true,
            Engine::RustBert => cfg!(feature = "rust-bert"),
        }
    }

    /// `Ok` when compiled in, else an error saying how to build it.
    pub fn require(self) -> Result<()> {
        if self.available() {
            Ok(())
        } else {
            Err(not_built())
        }
    }
}

/// The error for an engine this build lacks.
pub fn not_built() -> Error {
    Error::Config(
        "this transcheck was built without the rust-bert engine: build it with `scripts/setup-rust-bert.sh` \
         (cargo build --release --features rust-bert, needs torch 2.4), or use --engine candle"
            .to_string(),
    )
}

/// Loads the sentence model in `dir` (Hugging Face BERT layout) on candle.
pub fn load(dir: &Path) -> Result<Box<dyn Embedder>> {
    load_with(dir, Engine::Candle)
}

/// Loads the sentence model in `dir` on the given engine.
pub fn load_with(dir: &Path, engine: Engine) -> Result<Box<dyn Embedder>> {
    match engine {
        Engine::Candle => Ok(Box::new(BertEngine::load(dir)?)),
        Engine::RustBert => load_torch(dir),
    }
}

#[cfg(feature = "rust-bert")]
fn load_torch(dir: &Path) -> Result<Box<dyn Embedder>> {
    Ok(Box::new(TorchEngine::load(dir)?))
}

#[cfg(not(feature = "rust-bert"))]
fn load_torch(_dir: &Path) -> Result<Box<dyn Embedder>> {
    Err(not_built())
}

/// Unit-length sentence vectors, one row per input sentence.
#[derive(Debug, Clone, Default)]
pub struct Embeddings {
    pub dim: usize,
    /// Row-major, `len() * dim` values.
    pub data: Vec<f32>,
    /// Token count of each sentence (after the prefix and truncation).
    pub tokens: Vec<usize>,
    /// Indices of sentences cut to the model's maximum length.
    pub truncated: Vec<usize>,
}

impl Embeddings {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }
}

/// What a report says about the model that produced its embeddings.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ModelInfo {
    pub name: String,
    pub sha256: String,
    pub engine: String,
    pub dim: usize,
}

/// Contextual vectors of one sentence's tokens, for aligning words.
#[derive(Debug, Clone, Default)]
pub struct TokenVectors {
    pub dim: usize,
    /// Byte range of the sentence each token covers; special tokens and the
    /// model's prefix are left out.
    pub spans: Vec<Range<usize>>,
    /// Row-major, one unit-length row per span.
    pub data: Vec<f32>,
}

impl TokenVectors {
    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }
}

/// Encoder layer whose hidden states align words best: middle layers carry
/// more word identity than the last, which is tuned for sentence meaning
/// (as SimAlign found for mBERT and XLM-R); chosen on DEMETR name pairs.
pub const WORD_LAYER: usize = 8;

pub trait Embedder: Send + Sync {
    /// Embeds sentences; rows are L2-normalised.
    fn embed(&self, sentences: &[&str]) -> Result<Embeddings>;
    /// The hidden states after `WORD_LAYER` layers (or the last, for
    /// shallower models) of each token of one sentence, L2-normalised.
    fn token_vectors(&self, sentence: &str) -> Result<TokenVectors>;
    fn info(&self) -> ModelInfo;
}

/// Rows of `hidden` (`[tokens, dim]`, row-major) for the tokens that cover
/// text, L2-normalised: what every engine's `token_vectors` returns.
pub(crate) fn unit_token_rows(hidden: &[f32], dim: usize, spans: &[Option<Range<usize>>]) -> TokenVectors {
    let mut out = TokenVectors { dim, ..Default::default() };
    for (row, span) in hidden.chunks_exact(dim).zip(spans) {
        let Some(span) = span else { continue };
        let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
        out.data.extend(row.iter().map(|x| x / norm));
        out.spans.push(span.clone());
    }
    out
}

/// The layer `token_vectors` reads for a model of `layers` layers.
pub(crate) fn word_layer(layers: usize) -> usize {
    WORD_LAYER.clamp(1, layers.max(1))
}

/// Cosine similarity of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_rows_skip_specials_and_are_unit_length() {
        let hidden = [1.0, 0.0, 3.0, 4.0, 0.0, 2.0];
        let rows = unit_token_rows(&hidden, 2, &[None, Some(0..3), Some(4..6)]);
        assert_eq!(rows.spans, vec![0..3, 4..6]);
        assert_eq!(rows.row(0), &[0.6, 0.8]);
        assert_eq!(rows.row(1), &[0.0, 1.0]);
    }

    #[test]
    fn word_layer_stays_inside_the_model() {
        assert_eq!(word_layer(2), 2.min(WORD_LAYER));
        assert_eq!(word_layer(0), 1);
    }
}
