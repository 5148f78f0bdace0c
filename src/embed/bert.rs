//! Sentence embeddings from any BERT-architecture model in Hugging Face
//! layout, on candle's CPU backend: tokenise, run the BERT encoder
//! (`encoder.rs`), mean-pool over the attention mask, L2-normalise.
//!
//! The embedding layer is written out here so that the word table can stay
//! memory mapped (see `words.rs`); it computes exactly BERT's
//! `LayerNorm(word + position + token_type[0])`.

use std::path::Path;

use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{LayerNorm, VarBuilder};
use candle_transformers::models::bert::Config;
use rayon::prelude::*;

use super::batch::{batches, sequences, Sequence};
use super::encoder::Encoder;
use super::store::{self, broken, FileName, Source};
use super::tokenizer::SentenceTokenizer;
use super::words::WordTable;
use super::{unit_token_rows, word_layer, Embedder, Embeddings, ModelInfo, TokenVectors};
use crate::error::Result;

/// Longest input the engines feed, whatever the config allows.
pub(crate) const MAX_TOKENS: usize = 512;
/// `ModelInfo.engine` of this engine.
pub const ENGINE: &str = "candle-bert-f32-cpu";

pub struct BertEngine {
    tokenizer: SentenceTokenizer,
    words: WordTable,
    /// `[max_positions, hidden]`.
    positions: Tensor,
    /// Token type 0, `[hidden]`.
    token_type: Tensor,
    layer_norm: LayerNorm,
    encoder: Encoder,
    config: Config,
    max_tokens: usize,
    info: ModelInfo,
}

impl BertEngine {
    /// Loads `config.json`, `model.safetensors`, `tokenizer.json` (and our
    /// optional `normalizer.json` / `source.json`) from `dir`.
    pub fn load(dir: &Path) -> Result<Self> {
        let config = read_config(dir)?;
        let source = Source::load(dir)?;
        let prefix = source.as_ref().map_or("", |s| s.prefix.as_str());
        let tokenizer = SentenceTokenizer::load(dir, prefix)?;
        let weights = dir.join(FileName::WEIGHTS);
        store::require(&weights)?;
        let vb = open_weights(&weights)?;
        let root = weight_root(&vb, &config);
        let bad = |e: candle_core::Error| broken(&weights, &format!("cannot load weights ({e})"));
        let emb = vb.pp(format!("{root}embeddings"));
        let h = config.hidden_size;
        let words = WordTable::open(&weights, &format!("{root}embeddings.word_embeddings.weight"), h)?;
        let positions = emb.get((config.max_position_embeddings, h), "position_embeddings.weight").map_err(bad)?;
        let token_type = emb.get((config.type_vocab_size, h), "token_type_embeddings.weight").map_err(bad)?;
        let token_type = token_type.get(0).map_err(bad)?;
        let layer_norm = candle_nn::layer_norm(h, config.layer_norm_eps, emb.pp("LayerNorm")).map_err(bad)?;
        let encoder = Encoder::load(vb.pp(format!("{root}encoder")), &config).map_err(bad)?;
        let info = model_info(dir, &weights, source.as_ref(), h, ENGINE)?;
        let max_tokens = config.max_position_embeddings.min(MAX_TOKENS);
        Ok(BertEngine { tokenizer, words, positions, token_type, layer_norm, encoder, config, max_tokens, info })
    }

    /// Token ids the model sees for `sentence` (prefix and specials included,
    /// before truncation).
    pub fn token_ids(&self, sentence: &str) -> Result<Vec<u32>> {
        self.tokenizer.encode(sentence)
    }

    pub fn layers(&self) -> usize {
        self.config.num_hidden_layers
    }

    pub fn vocab_rows(&self) -> usize {
        self.words.rows()
    }

    /// Runs one padded batch; returns pooled, normalised rows in batch order.
    fn forward(&self, batch: &[&Sequence]) -> Result<Vec<f32>> {
        let (hidden, mask) = self.hidden(batch, self.config.num_hidden_layers)?;
        let summed = hidden.broadcast_mul(&mask.unsqueeze(2)?)?.sum(1)?;
        let pooled = summed.broadcast_div(&mask.sum_keepdim(1)?)?;
        let norm = pooled.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12f32, f32::MAX)?;
        Ok(pooled.broadcast_div(&norm)?.flatten_all()?.to_vec1()?)
    }

    /// Hidden states `[b, s, h]` of one padded batch after `layers` layers,
    /// and the `[b, s]` attention mask.
    fn hidden(&self, batch: &[&Sequence], layers: usize) -> Result<(Tensor, Tensor)> {
        let h = self.config.hidden_size;
        let len = batch.iter().map(|s| s.ids.len()).max().unwrap_or(0);
        let pad = self.config.pad_token_id as u32;
        let mut x = Vec::with_capacity(batch.len() * len * h);
        let mut mask = Vec::with_capacity(batch.len() * len);
        for seq in batch {
            for t in 0..len {
                let id = seq.ids.get(t).copied();
                self.words.push_row(id.unwrap_or(pad), &mut x)?;
                mask.push(if id.is_some() { 1f32 } else { 0f32 });
            }
        }
        let dev = Device::Cpu;
        let x = Tensor::from_vec(x, (batch.len(), len, h), &dev)?;
        let x = x.broadcast_add(&self.positions.narrow(0, 0, len)?)?.broadcast_add(&self.token_type)?;
        let x = self.layer_norm.forward(&x)?;
        let mask = Tensor::from_vec(mask, (batch.len(), len), &dev)?;
        // BERT's additive mask: 0 where attended, f32::MIN on padding.
        let additive = ((mask.ones_like()? - &mask)? * f64::from(f32::MIN))?.unsqueeze(1)?.unsqueeze(1)?;
        let hidden = self.encoder.forward_layers(&x, &additive, layers)?;
        Ok((hidden, mask))
    }
}

impl Embedder for BertEngine {
    fn embed(&self, sentences: &[&str]) -> Result<Embeddings> {
        let dim = self.config.hidden_size;
        let (seqs, truncated) = sequences(&self.tokenizer, sentences, self.max_tokens)?;
        // Batches run concurrently on rayon's pool: candle parallelises the
        // matrix products but not the element-wise ops (GELU's erf, copies),
        // so one batch per core keeps every core busy.
        let groups = batches(&seqs);
        let outputs: Vec<Vec<f32>> = groups.par_iter().map(|b| self.forward(b)).collect::<Result<_>>()?;
        let mut data = vec![0f32; sentences.len() * dim];
        for (batch, rows) in groups.iter().zip(&outputs) {
            for (seq, row) in batch.iter().zip(rows.chunks_exact(dim)) {
                data[seq.index * dim..(seq.index + 1) * dim].copy_from_slice(row);
            }
        }
        let tokens = seqs.iter().map(|s| s.ids.len()).collect();
        Ok(Embeddings { dim, data, tokens, truncated })
    }

    fn token_vectors(&self, sentence: &str) -> Result<TokenVectors> {
        let mut tokens = self.tokenizer.encode_spans(sentence)?;
        // Words past the model's length have no vector; the final token
        // (`</s>`) covers no text, so cutting it changes nothing.
        tokens.truncate(self.max_tokens);
        let sequence = Sequence { index: 0, ids: tokens.iter().map(|(id, _)| *id).collect() };
        let (hidden, _) = self.hidden(&[&sequence], word_layer(self.config.num_hidden_layers))?;
        let rows: Vec<f32> = hidden.flatten_all()?.to_vec1()?;
        let spans: Vec<_> = tokens.into_iter().map(|(_, span)| span).collect();
        Ok(unit_token_rows(&rows, self.config.hidden_size, &spans))
    }

    fn info(&self) -> ModelInfo {
        self.info.clone()
    }
}

pub(crate) fn read_config(dir: &Path) -> Result<Config> {
    let path = dir.join(FileName::CONFIG);
    store::require(&path)?;
    let text = std::fs::read_to_string(&path).map_err(|e| broken(&path, &e.to_string()))?;
    let config: Config =
        serde_json::from_str(&text).map_err(|e| broken(&path, &format!("not a BERT config ({e})")))?;
    let heads_ok = config.num_attention_heads > 0 && config.hidden_size.is_multiple_of(config.num_attention_heads);
    if !heads_ok || config.hidden_size == 0 || config.max_position_embeddings == 0 {
        return Err(broken(&path, "inconsistent BERT config (hidden size, heads or positions)"));
    }
    Ok(config)
}

fn open_weights(path: &Path) -> Result<VarBuilder<'static>> {
    // Safety: as for `WordTable`, the file is never modified in place.
    unsafe { VarBuilder::from_mmaped_safetensors(&[path], DType::F32, &Device::Cpu) }
        .map_err(|e| broken(path, &format!("invalid safetensors ({e})")))
}

/// Checkpoints saved from `BertForX` prefix every name with `bert.`.
fn weight_root(vb: &VarBuilder, config: &Config) -> String {
    if vb.contains_tensor("embeddings.word_embeddings.weight") {
        return String::new();
    }
    let model_type = config.model_type.clone().unwrap_or_else(|| "bert".to_string());
    format!("{model_type}.")
}

pub(crate) fn model_info(
    dir: &Path,
    weights: &Path,
    source: Option<&Source>,
    dim: usize,
    engine: &str,
) -> Result<ModelInfo> {
    let (name, sha256) = match source {
        Some(s) => (s.name.clone(), s.sha256.clone()),
        None => {
            let name = dir.file_name().map_or("custom".into(), |n| n.to_string_lossy().into_owned());
            (name, super::import::sha256_file(weights)?)
        }
    };
    Ok(ModelInfo { name, sha256, engine: engine.to_string(), dim })
}
