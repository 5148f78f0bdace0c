//! Sentence → token ids. A Hugging Face `tokenizer.json` does the
//! SentencePiece Unigram segmentation; our own optional `normalizer.json`
//! reproduces the shipped model's per-codepoint normaliser, which a chain of
//! `tokenizers` `Replace` normalisers would make far too slow (4,837 entries).

use std::collections::HashMap;
use std::ops::Range;
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
        self.apply_mapped(text).0
    }

    /// The normalised text, and for each of its bytes the byte offset of
    /// the input character it came from (for mapping tokens back).
    pub fn apply_mapped(&self, text: &str) -> (String, Vec<usize>) {
        let mut out = String::with_capacity(text.len() + 8);
        let mut origin = Vec::with_capacity(text.len() + 8);
        for (at, ch) in text.char_indices() {
            match self.map.get(&ch) {
                Some(rep) => rep.chars().for_each(|c| push(&mut out, &mut origin, c, at, self.collapse_spaces)),
                None => push(&mut out, &mut origin, ch, at, self.collapse_spaces),
            }
        }
        (out, origin)
    }
}

fn push(out: &mut String, origin: &mut Vec<usize>, ch: char, at: usize, collapse: bool) {
    if !(collapse && ch == ' ' && out.ends_with(' ')) {
        out.push(ch);
        origin.extend(std::iter::repeat_n(at, ch.len_utf8()));
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
        Ok(self.encode_spans(sentence)?.into_iter().map(|(id, _)| id).collect())
    }

    /// Token ids as `encode`, each with the byte range of `sentence` it
    /// covers (`None` for special tokens and the prefix).
    pub fn encode_spans(&self, sentence: &str) -> Result<Vec<(u32, Option<Range<usize>>)>> {
        let text = format!("{}{}", self.prefix, sentence);
        let (text, origin) = match &self.normalizer {
            Some(norm) => norm.apply_mapped(&text),
            None => {
                let origin = (0..text.len()).collect();
                (text, origin)
            }
        };
        let enc = self
            .inner
            .encode(text.as_str(), true)
            .map_err(|e| Error::Engine(format!("tokenizer failed: {e}")))?;
        let prefix = self.prefix.len();
        // Offsets index the normalised text; map both ends back to `sentence`.
        let span = |(a, b): (usize, usize)| {
            // A metaspace piece's offsets include the space it replaced.
            let a = a + text.get(a..b)?.len() - text.get(a..b)?.trim_start().len();
            let start = *origin.get(a)?;
            let end = origin.get(b).copied().unwrap_or(prefix + sentence.len());
            (start >= prefix && end > start).then(|| start - prefix..end - prefix)
        };
        let special = enc.get_special_tokens_mask();
        let mut ids = Vec::with_capacity(enc.len());
        for (k, (&id, &(a, b))) in enc.get_ids().iter().zip(enc.get_offsets()).enumerate() {
            let covered = if special.get(k) == Some(&1) { None } else { span((a, b)) };
            // SentencePiece emits one `<unk>` per unknown character.
            let chars = if Some(id) == self.split_unk { text.get(a..b).map_or(1, |s| s.chars().count().max(1)) } else { 1 };
            ids.extend(std::iter::repeat_n((id, covered), chars));
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

    /// A Unigram tokenizer over `pieces` (with `spec()`'s normaliser),
    /// saved and loaded as the engine does; `<s>` 0, `</s>` 2, `<unk>` 3.
    fn tokenizer(pieces: &[(&str, f32)], prefix: &str) -> SentenceTokenizer {
        let pieces: Vec<(String, f32)> = pieces.iter().map(|(p, s)| (p.to_string(), *s)).collect();
        let dir = tempfile::tempdir().unwrap();
        build_unigram(&pieces, 3, 0, 2).unwrap().save(dir.path().join("tokenizer.json"), false).unwrap();
        std::fs::write(dir.path().join("normalizer.json"), serde_json::to_string(&spec()).unwrap()).unwrap();
        SentenceTokenizer::load(dir.path(), prefix).unwrap()
    }

    #[test]
    fn unigram_prefers_high_scores_and_splits_fused_unknowns() {
        let tok = tokenizer(&[("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -2.0), ("a", -3.0), ("b", -3.0), ("▁ab", -1.0), ("▁a", -2.5)], "");
        assert_eq!(tok.encode("ab").unwrap(), vec![0, 7, 2]);
        assert_eq!(tok.encode("a\u{3000}b").unwrap(), vec![0, 8, 4, 6, 2]);
        // Two unknown characters give two <unk>, as SentencePiece does.
        assert_eq!(tok.encode("ab xy").unwrap(), vec![0, 7, 4, 3, 3, 2]);
    }

    #[test]
    fn token_spans_point_into_the_original_sentence() {
        let tok = tokenizer(
            &[("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -2.0), ("a", -3.0), ("b", -3.0), ("▁ab", -1.0), ("▁a", -2.5), ("▁q", -1.0), (":", -1.0)],
            "q: ",
        );
        // The ideographic space (3 bytes) is normalised to one space.
        let spans = tok.encode_spans("ab\u{3000}\u{3000}a").unwrap();
        let covered: Vec<_> = spans.iter().filter_map(|(_, s)| s.clone()).collect();
        assert_eq!(covered, vec![0..2, 8..9]);
        assert_eq!(spans.first().unwrap().1, None);
        assert_eq!(spans.last().unwrap().1, None);
    }
}
