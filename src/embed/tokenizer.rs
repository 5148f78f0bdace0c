//! Sentence → token ids. A Hugging Face `tokenizer.json` does the
//! SentencePiece Unigram segmentation; our own optional `normalizer.json`
//! reproduces the shipped model's per-codepoint normaliser, which a chain of
//! `tokenizers` `Replace` normalisers would make far too slow (4,837 entries).

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tokenizers::decoders::metaspace::Metaspace as MetaspaceDecoder;
use tokenizers::models::unigram::Unigram;
use tokenizers::pre_tokenizers::metaspace::{Metaspace, PrependScheme};
use tokenizers::processors::template::TemplateProcessing;
use tokenizers::Tokenizer;

use super::store::{self, FileName};
use crate::error::{Error, Result};

/// Contents of `normalizer.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NormalizerSpec {
    /// `(codepoint, replacement codepoints)`; an empty replacement deletes.
    pub map: Vec<(u32, Vec<u32>)>,
    /// Collapse runs of U+0020 into one after mapping.
    pub collapse_spaces: bool,
    /// SentencePiece emits one `<unk>` per unknown character, where
    /// `tokenizers` fuses a run of them into one; this id is split back.
    pub unk_id: Option<u32>,
}

/// The compiled normaliser.
#[derive(Debug, Clone)]
pub struct Normalizer {
    map: HashMap<char, Box<str>>,
    collapse_spaces: bool,
}

impl Normalizer {
    pub fn new(spec: &NormalizerSpec) -> std::result::Result<Self, String> {
        let char_of = |cp: u32| char::from_u32(cp).ok_or(format!("invalid codepoint {cp:#x}"));
        let mut map = HashMap::with_capacity(spec.map.len());
        for (cp, out) in &spec.map {
            let out: String = out.iter().map(|&c| char_of(c)).collect::<std::result::Result<_, _>>()?;
            map.insert(char_of(*cp)?, out.into_boxed_str());
        }
        Ok(Normalizer { map, collapse_spaces: spec.collapse_spaces })
    }

    pub fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 8);
        for ch in text.chars() {
            match self.map.get(&ch) {
                Some(rep) => rep.chars().for_each(|c| push(&mut out, c, self.collapse_spaces)),
                None => push(&mut out, ch, self.collapse_spaces),
            }
        }
        out
    }
}

fn push(out: &mut String, ch: char, collapse: bool) {
    if !(collapse && ch == ' ' && out.ends_with(' ')) {
        out.push(ch);
    }
}

/// Tokeniser for one sentence model: optional prefix and normaliser, then
/// the `tokenizer.json` pipeline with its special-token template.
pub struct SentenceTokenizer {
    inner: Tokenizer,
    normalizer: Option<Normalizer>,
    split_unk: Option<u32>,
    prefix: String,
}

impl SentenceTokenizer {
    /// Loads `tokenizer.json` and, when present, `normalizer.json` from `dir`.
    pub fn load(dir: &Path, prefix: &str) -> Result<Self> {
        let path = dir.join(FileName::TOKENIZER);
        store::require(&path)?;
        let mut inner = Tokenizer::from_file(&path)
            .map_err(|e| store::broken(&path, &format!("cannot load tokenizer ({e})")))?;
        // We truncate ourselves (keeping `</s>`) and pad per batch.
        inner.with_padding(None);
        inner
            .with_truncation(None)
            .map_err(|e| store::broken(&path, &format!("cannot reset truncation ({e})")))?;
        let (normalizer, split_unk) = match load_normalizer(dir)? {
            Some(spec) => {
                let norm = Normalizer::new(&spec).map_err(|e| store::broken(&dir.join(FileName::NORMALIZER), &e))?;
                (Some(norm), spec.unk_id)
            }
            None => (None, None),
        };
        Ok(SentenceTokenizer { inner, normalizer, split_unk, prefix: prefix.to_string() })
    }

    /// Token ids including the template's special tokens, untruncated.
    pub fn encode(&self, sentence: &str) -> Result<Vec<u32>> {
        let text = format!("{}{}", self.prefix, sentence);
        let text = match &self.normalizer {
            Some(norm) => norm.apply(&text),
            None => text,
        };
        let enc = self
            .inner
            .encode(text.as_str(), true)
            .map_err(|e| Error::Engine(format!("tokenizer failed: {e}")))?;
        let Some(unk) = self.split_unk else {
            return Ok(enc.get_ids().to_vec());
        };
        let mut ids = Vec::with_capacity(enc.len());
        for (&id, &(a, b)) in enc.get_ids().iter().zip(enc.get_offsets()) {
            let chars = if id == unk { text.get(a..b).map_or(1, |s| s.chars().count().max(1)) } else { 1 };
            ids.extend(std::iter::repeat_n(id, chars));
        }
        Ok(ids)
    }
}

fn load_normalizer(dir: &Path) -> Result<Option<NormalizerSpec>> {
    let path = dir.join(FileName::NORMALIZER);
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| store::broken(&path, &e.to_string()))?;
    let spec = serde_json::from_str(&text).map_err(|e| store::broken(&path, &format!("invalid json ({e})")))?;
    Ok(Some(spec))
}

/// Builds the `tokenizer.json` for a SentencePiece Unigram vocabulary:
/// metaspace `▁` always prepended, no whitespace split, `<s> $A </s>`.
pub fn build_unigram(pieces: &[(String, f32)], unk: u32, bos: u32, eos: u32) -> Result<Tokenizer> {
    let fail = |e: String| Error::Engine(format!("cannot build tokenizer: {e}"));
    let piece = |id: u32| pieces.get(id as usize).map(|p| p.0.clone()).ok_or(fail(format!("no piece {id}")));
    let vocab = pieces.iter().map(|(p, s)| (p.clone(), *s as f64)).collect();
    let model = Unigram::from(vocab, Some(unk as usize), false).map_err(|e| fail(e.to_string()))?;
    let template = TemplateProcessing::builder()
        .try_single(format!("{} $A {}", piece(bos)?, piece(eos)?))
        .map_err(fail)?
        .special_tokens(vec![(piece(bos)?, bos), (piece(eos)?, eos)])
        .build()
        .map_err(|e| fail(e.to_string()))?;
    let mut tok = Tokenizer::new(model);
    tok.with_pre_tokenizer(Some(Metaspace::new('▁', PrependScheme::Always, false)));
    tok.with_post_processor(Some(template));
    tok.with_decoder(Some(MetaspaceDecoder::new('▁', PrependScheme::Always, false)));
    Ok(tok)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> NormalizerSpec {
        // U+3000 ideographic space → space, U+FB01 ﬁ → "fi", U+0007 bell → deleted.
        NormalizerSpec {
            map: vec![(0x3000, vec![0x20]), (0xFB01, vec![0x66, 0x69]), (0x7, vec![])],
            collapse_spaces: true,
            unk_id: Some(3),
        }
    }

    #[test]
    fn normaliser_maps_per_codepoint_then_collapses_spaces() {
        let n = Normalizer::new(&spec()).unwrap();
        assert_eq!(n.apply("a\u{3000} \u{3000}b\u{7}"), "a b");
        assert_eq!(n.apply("\u{FB01}ne  day"), "fine day");
        assert_eq!(n.apply("  lead"), " lead");
    }

    #[test]
    fn normaliser_rejects_invalid_codepoints() {
        let mut s = spec();
        s.map.push((0xD800, vec![0x20]));
        assert!(Normalizer::new(&s).is_err());
    }

    #[test]
    fn unigram_prefers_high_scores_and_splits_fused_unknowns() {
        let pieces: Vec<(String, f32)> = ["<s>", "<pad>", "</s>", "<unk>", "▁", "a", "b", "▁ab", "▁a"]
            .iter()
            .zip([0.0, 0.0, 0.0, 0.0, -2.0, -3.0, -3.0, -1.0, -2.5])
            .map(|(p, s)| (p.to_string(), s))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        build_unigram(&pieces, 3, 0, 2).unwrap().save(dir.path().join("tokenizer.json"), false).unwrap();
        std::fs::write(dir.path().join("normalizer.json"), serde_json::to_string(&spec()).unwrap()).unwrap();
        let tok = SentenceTokenizer::load(dir.path(), "").unwrap();
        assert_eq!(tok.encode("ab").unwrap(), vec![0, 7, 2]);
        assert_eq!(tok.encode("a\u{3000}b").unwrap(), vec![0, 8, 4, 6, 2]);
        // Two unknown characters give two <unk>, as SentencePiece does.
        assert_eq!(tok.encode("ab xy").unwrap(), vec![0, 7, 4, 3, 3, 2]);
    }
}
