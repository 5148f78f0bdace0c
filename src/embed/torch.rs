//! The libtorch engine (cargo feature `rust-bert`): the same model folder,
//! tokeniser, batching and truncation as the candle engine, with the BERT
//! encoder run by rust-bert on libtorch's CPU backend. Mean pooling over the
//! attention mask and L2 normalisation are done here, as in `bert.rs`.

use std::fs::File;
use std::path::Path;
use std::sync::Mutex;

use memmap2::Mmap;
use rust_bert::bert::{BertConfig, BertEmbeddings, BertModel};
use safetensors::SafeTensors;
use tch::{nn, Device, Kind, Tensor};

use super::batch::{batches, sequences, Sequence};
use super::bert::{model_info, read_config, MAX_TOKENS};
use super::store::{self, broken, FileName, Source};
use super::tokenizer::SentenceTokenizer;
use super::{unit_token_rows, word_layer, Embedder, Embeddings, ModelInfo, TokenVectors};
use crate::error::{Error, Result};

/// `ModelInfo.engine` of this engine.
pub const ENGINE: &str = "rust-bert-libtorch-cpu";

/// rust-bert's BERT layer norms use this epsilon, whatever the config says.
const RUST_BERT_LAYER_NORM_EPS: f64 = 1e-12;

pub struct TorchEngine {
    tokenizer: SentenceTokenizer,
    /// libtorch tensors are `Send` but not `Sync`; batches run one at a
    /// time anyway, each using all of libtorch's intra-op threads.
    model: Mutex<BertModel<BertEmbeddings>>,
    /// Owns the weights the model's tensors point into.
    _vars: nn::VarStore,
    hidden: usize,
    layers: usize,
    vocab: usize,
    pad: i64,
    max_tokens: usize,
    info: ModelInfo,
}

impl TorchEngine {
    /// Loads the same files as `BertEngine::load` from `dir`.
    pub fn load(dir: &Path) -> Result<Self> {
        let config = read_config(dir)?;
        let config_path = dir.join(FileName::CONFIG);
        if (config.layer_norm_eps - RUST_BERT_LAYER_NORM_EPS).abs() > 1e-15 {
            return Err(broken(
                &config_path,
                &format!("layer_norm_eps {} is not supported by the rust-bert engine (only 1e-12)", config.layer_norm_eps),
            ));
        }
        let text = std::fs::read_to_string(&config_path).map_err(|e| broken(&config_path, &e.to_string()))?;
        let mut torch_config: BertConfig = serde_json::from_str(&text)
            .map_err(|e| broken(&config_path, &format!("not a rust-bert BERT config ({e})")))?;
        torch_config.output_attentions = Some(false);
        // The intermediate layers feed `token_vectors` (word alignment).
        torch_config.output_hidden_states = Some(true);
        torch_config.is_decoder = Some(false);

        let source = Source::load(dir)?;
        let prefix = source.as_ref().map_or("", |s| s.prefix.as_str());
        let tokenizer = SentenceTokenizer::load(dir, prefix)?;
        let weights = dir.join(FileName::WEIGHTS);
        store::require(&weights)?;
        let root = weight_root(&weights, config.model_type.as_deref().unwrap_or("bert"))?;

        // Match the candle engine's thread count (RAYON_NUM_THREADS, else all cores).
        tch::set_num_threads(i32::try_from(candle_core::utils::get_num_threads()).unwrap_or(1).max(1));
        let mut vars = nn::VarStore::new(Device::Cpu);
        let model = {
            let path = match &root {
                Some(prefix) => vars.root() / prefix.as_str(),
                None => vars.root(),
            };
            BertModel::<BertEmbeddings>::new_with_optional_pooler(path, &torch_config, false)
        };
        let missing = vars
            .load_partial(&weights)
            .map_err(|e| broken(&weights, &format!("cannot load weights into libtorch ({e})")))?;
        if !missing.is_empty() {
            let mut missing = missing;
            missing.sort();
            let shown = missing.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
            return Err(broken(&weights, &format!("{} BERT weights missing ({shown}...)", missing.len())));
        }
        vars.freeze();

        let hidden = config.hidden_size;
        let info = model_info(dir, &weights, source.as_ref(), hidden, ENGINE)?;
        Ok(TorchEngine {
            tokenizer,
            model: Mutex::new(model),
            _vars: vars,
            hidden,
            layers: config.num_hidden_layers,
            vocab: config.vocab_size,
            pad: i64::try_from(config.pad_token_id).unwrap_or(0),
            max_tokens: config.max_position_embeddings.min(MAX_TOKENS),
            info,
        })
    }

    /// Token ids the model sees for `sentence` (prefix and specials included,
    /// before truncation).
    pub fn token_ids(&self, sentence: &str) -> Result<Vec<u32>> {
        self.tokenizer.encode(sentence)
    }

    pub fn layers(&self) -> usize {
        self.layers
    }

    pub fn vocab_rows(&self) -> usize {
        self.vocab
    }

    /// Runs one padded batch; returns pooled, normalised rows in batch order.
    fn forward(&self, model: &BertModel<BertEmbeddings>, batch: &[&Sequence]) -> Result<Vec<f32>> {
        let len = batch.iter().map(|s| s.ids.len()).max().unwrap_or(0);
        let rows = batch.len();
        let mut ids = Vec::with_capacity(rows * len);
        let mut mask = Vec::with_capacity(rows * len);
        for seq in batch {
            for t in 0..len {
                match seq.ids.get(t) {
                    Some(&id) if (id as usize) < self.vocab => {
                        ids.push(i64::from(id));
                        mask.push(1i64);
                    }
                    Some(&id) => {
                        return Err(Error::Engine(format!("token id {id} outside the {}-row vocabulary", self.vocab)))
                    }
                    None => {
                        ids.push(self.pad);
                        mask.push(0i64);
                    }
                }
            }
        }
        let shape = [rows as i64, len as i64];
        tch::no_grad(|| {
            let ids = Tensor::f_from_slice(&ids).and_then(|t| t.f_view(shape)).map_err(engine_error)?;
            let mask = Tensor::f_from_slice(&mask).and_then(|t| t.f_view(shape)).map_err(engine_error)?;
            let out = model
                .forward_t(Some(&ids), Some(&mask), None, None, None, None, None, false)
                .map_err(engine_error)?;
            pool(&out.hidden_state, &mask).map_err(engine_error)
        })
    }
}

/// Mean over the unmasked tokens, then L2 normalisation (norm clamped at
/// 1e-12 as in the candle engine); `[rows * hidden]` values.
fn pool(hidden: &Tensor, mask: &Tensor) -> std::result::Result<Vec<f32>, tch::TchError> {
    let dims: &[i64] = &[1];
    let mask = mask.f_to_kind(Kind::Float)?.f_unsqueeze(-1)?;
    let summed = hidden.f_to_kind(Kind::Float)?.f_mul(&mask)?.f_sum_dim_intlist(dims, false, Kind::Float)?;
    let pooled = summed.f_div(&mask.f_sum_dim_intlist(dims, false, Kind::Float)?)?;
    let norm = pooled.f_square()?.f_sum_dim_intlist(dims, true, Kind::Float)?.f_sqrt()?.f_clamp_min(1e-12)?;
    let unit = pooled.f_div(&norm)?.f_contiguous()?.f_view([-1i64])?;
    Vec::<f32>::try_from(&unit)
}

fn engine_error(e: impl std::fmt::Display) -> Error {
    Error::Engine(format!("libtorch: {e}"))
}

impl TorchEngine {
    /// Hidden states after `word_layer` layers of one unpadded sequence,
    /// `[tokens * hidden]`. rust-bert lists each layer's input, so the state
    /// after layer `n` is entry `n`, or the final state after the last.
    fn word_hidden(&self, ids: &[i64]) -> Result<Vec<f32>> {
        let model = self.model.lock().map_err(|_| Error::Engine("libtorch model lock poisoned".into()))?;
        let layer = word_layer(self.layers);
        tch::no_grad(|| {
            let shape = [1i64, ids.len() as i64];
            let ids = Tensor::f_from_slice(ids).and_then(|t| t.f_view(shape)).map_err(engine_error)?;
            let out = model.forward_t(Some(&ids), None, None, None, None, None, None, false).map_err(engine_error)?;
            let states = out.all_hidden_states.unwrap_or_default();
            let hidden = if layer < self.layers { states.get(layer).unwrap_or(&out.hidden_state) } else { &out.hidden_state };
            let flat = hidden.f_to_kind(Kind::Float).and_then(|t| t.f_contiguous()).and_then(|t| t.f_view([-1i64])).map_err(engine_error)?;
            Vec::<f32>::try_from(&flat).map_err(engine_error)
        })
    }
}

impl Embedder for TorchEngine {
    fn token_vectors(&self, sentence: &str) -> Result<TokenVectors> {
        let mut tokens = self.tokenizer.encode_spans(sentence)?;
        tokens.truncate(self.max_tokens);
        let ids: Vec<i64> = tokens.iter().map(|(id, _)| i64::from(*id)).collect();
        let rows = self.word_hidden(&ids)?;
        let spans: Vec<_> = tokens.into_iter().map(|(_, span)| span).collect();
        Ok(unit_token_rows(&rows, self.hidden, &spans))
    }

    fn embed(&self, sentences: &[&str]) -> Result<Embeddings> {
        let dim = self.hidden;
        let (seqs, truncated) = sequences(&self.tokenizer, sentences, self.max_tokens)?;
        let mut data = vec![0f32; sentences.len() * dim];
        let model = self.model.lock().map_err(|_| Error::Engine("libtorch model lock poisoned".into()))?;
        for batch in batches(&seqs) {
            let rows = self.forward(&model, &batch)?;
            if rows.len() != batch.len() * dim {
                return Err(Error::Engine(format!("libtorch returned {} values for {} rows", rows.len(), batch.len())));
            }
            for (seq, row) in batch.iter().zip(rows.chunks_exact(dim)) {
                data[seq.index * dim..(seq.index + 1) * dim].copy_from_slice(row);
            }
        }
        let tokens = seqs.iter().map(|s| s.ids.len()).collect();
        Ok(Embeddings { dim, data, tokens, truncated })
    }

    fn info(&self) -> ModelInfo {
        self.info.clone()
    }
}

/// `None` when the weights are named `embeddings.*`, `Some("bert")` when a
/// `BertForX` checkpoint prefixes them with the model type.
fn weight_root(weights: &Path, model_type: &str) -> Result<Option<String>> {
    let file = File::open(weights).map_err(|e| broken(weights, &e.to_string()))?;
    // Safety: as for `WordTable`, the model folder is never rewritten in place.
    let map = unsafe { Mmap::map(&file) }.map_err(|e| broken(weights, &e.to_string()))?;
    let (_, meta) =
        SafeTensors::read_metadata(&map).map_err(|e| broken(weights, &format!("invalid safetensors ({e})")))?;
    if meta.info("embeddings.word_embeddings.weight").is_some() {
        return Ok(None);
    }
    Ok(Some(model_type.to_string()))
}
