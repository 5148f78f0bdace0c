//! Tokenises and truncates sentences, and groups them into batches of
//! similar length so padding stays small. Shared by every engine.

use super::tokenizer::SentenceTokenizer;
use crate::error::Result;

/// Padded tokens per batch: large enough for efficient matrix products,
/// small enough to bound the activations (~ tokens × 1536 floats per layer).
const TOKEN_BUDGET: usize = 2048;
/// Share of padding tokens a batch may carry.
const MAX_PADDING: f32 = 0.15;

/// One sentence's token ids and its position in the input.
#[derive(Debug, Clone)]
pub struct Sequence {
    pub index: usize,
    pub ids: Vec<u32>,
}

/// Tokenises every sentence and cuts those over `max_tokens`, keeping the
/// final (`</s>`) token; returns the sequences and the indices cut.
pub fn sequences(tokenizer: &SentenceTokenizer, sentences: &[&str], max_tokens: usize) -> Result<(Vec<Sequence>, Vec<usize>)> {
    let mut seqs = Vec::with_capacity(sentences.len());
    let mut truncated = Vec::new();
    for (index, s) in sentences.iter().enumerate() {
        let (ids, cut) = truncate(tokenizer.encode(s)?, max_tokens);
        if cut {
            truncated.push(index);
        }
        seqs.push(Sequence { index, ids });
    }
    Ok((seqs, truncated))
}

/// Ids cut to `max_tokens`, keeping the final token.
fn truncate(mut ids: Vec<u32>, max_tokens: usize) -> (Vec<u32>, bool) {
    if ids.len() <= max_tokens || max_tokens == 0 {
        return (ids, false);
    }
    let last = ids[ids.len() - 1];
    ids.truncate(max_tokens - 1);
    ids.push(last);
    (ids, true)
}

/// Batches in order of increasing length; each batch is padded to its last
/// (longest) member.
pub fn batches(seqs: &[Sequence]) -> Vec<Vec<&Sequence>> {
    let mut sorted: Vec<&Sequence> = seqs.iter().collect();
    sorted.sort_by_key(|s| s.ids.len());
    let mut out: Vec<Vec<&Sequence>> = Vec::new();
    let mut current: Vec<&Sequence> = Vec::new();
    let mut real = 0usize;
    for seq in sorted {
        let len = seq.ids.len().max(1);
        let padded = (current.len() + 1) * len;
        let waste = (padded - real - len) as f32 / padded as f32;
        if !current.is_empty() && (padded > TOKEN_BUDGET || waste > MAX_PADDING) {
            out.push(std::mem::take(&mut current));
            real = 0;
        }
        real += len;
        current.push(seq);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(index: usize, len: usize) -> Sequence {
        Sequence { index, ids: vec![5; len] }
    }

    #[test]
    fn sorts_by_length_and_covers_every_sentence_once() {
        let seqs: Vec<Sequence> = [30, 5, 12, 6, 400, 31, 5].iter().enumerate().map(|(i, &l)| seq(i, l)).collect();
        let out = batches(&seqs);
        let mut seen: Vec<usize> = out.iter().flatten().map(|s| s.index).collect();
        let lens: Vec<usize> = out.iter().flatten().map(|s| s.ids.len()).collect();
        assert!(lens.windows(2).all(|w| w[0] <= w[1]), "{lens:?}");
        seen.sort();
        assert_eq!(seen, (0..7).collect::<Vec<_>>());
        // 400 tokens never shares a batch with 5-token sentences.
        assert_eq!(out.last().unwrap().len(), 1);
    }

    #[test]
    fn respects_the_token_budget() {
        let seqs: Vec<Sequence> = (0..100).map(|i| seq(i, 100)).collect();
        for b in batches(&seqs) {
            assert!(b.len() * 100 <= TOKEN_BUDGET);
        }
    }
}
