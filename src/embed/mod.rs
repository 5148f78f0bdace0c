//! Sentence embeddings. The pipeline only sees the `Embedder` trait; the
//! default engine is multilingual-e5-small on candle (pure Rust, CPU).

use std::path::Path;

use crate::error::Result;

mod batch;
pub mod bert;
pub mod e5file;
mod encoder;
pub mod fetch;
pub mod import;
pub mod store;
pub mod tokenizer;
mod words;

pub use bert::BertEngine;
pub use fetch::fetch;
pub use import::import;
pub use store::{is_installed, resolve};

/// Loads the sentence model in `dir` (Hugging Face BERT layout).
pub fn load(dir: &Path) -> Result<Box<dyn Embedder>> {
    Ok(Box::new(BertEngine::load(dir)?))
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

pub trait Embedder: Send + Sync {
    /// Embeds sentences; rows are L2-normalised.
    fn embed(&self, sentences: &[&str]) -> Result<Embeddings>;
    fn info(&self) -> ModelInfo;
}

/// Cosine similarity of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
