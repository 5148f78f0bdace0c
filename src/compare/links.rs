//! Word alignment inside one aligned sentence pair, SimAlign-style: each
//! word's vector is the mean of its tokens' contextual vectors (a middle
//! encoder layer), and words link where their cosine is the best in both
//! directions. A name's counterpart is where its words link; a name whose
//! words link nowhere, or only weakly, has none.

use std::ops::Range;

use crate::embed::{Embedder, TokenVectors};
use crate::extract::text::{tokenize, Class};

/// The words of one text with a unit vector each.
#[derive(Debug, Clone, Default)]
pub struct WordVectors {
    /// Byte range of each word in the text.
    pub spans: Vec<Range<usize>>,
    pub dim: usize,
    data: Vec<f32>,
}

impl WordVectors {
    /// Words (letters, CJK characters or kana runs, digits) of `text`, each
    /// the normalised mean of the tokens overlapping it; words past the
    /// model's length are left out.
    pub fn of(text: &str, tokens: &TokenVectors) -> WordVectors {
        let mut words = WordVectors { dim: tokens.dim, ..Default::default() };
        for token in tokenize(text).into_iter().filter(|t| t.class != Class::Symbol) {
            let mut sum = vec![0f32; tokens.dim];
            let overlapping = tokens.spans.iter().enumerate().filter(|(_, s)| s.start < token.end && token.start < s.end);
            let mut count = 0;
            for (k, _) in overlapping {
                sum.iter_mut().zip(tokens.row(k)).for_each(|(a, b)| *a += b);
                count += 1;
            }
            let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
            if count > 0 && norm > 0.0 {
                words.data.extend(sum.iter().map(|x| x / norm));
                words.spans.push(token.start..token.end);
            }
        }
        words
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The unit vector of word `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }

    /// Indices of the words overlapping `span`.
    pub fn within(&self, span: &Range<usize>) -> Vec<usize> {
        (0..self.len()).filter(|&i| self.spans[i].start < span.end && span.start < self.spans[i].end).collect()
    }
}

/// The best counterpart of one word on the other side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub other: usize,
    pub similarity: f32,
    /// The word is also the other word's best counterpart.
    pub mutual: bool,
}

/// Cosine similarities between the words of an aligned sentence pair.
#[derive(Debug, Clone)]
pub struct Links {
    pub source: WordVectors,
    pub target: WordVectors,
    /// `source.len() × target.len()`, row-major.
    similarity: Vec<f32>,
}

impl Links {
    pub fn new(source: WordVectors, target: WordVectors) -> Links {
        let similarity = (0..source.len())
            .flat_map(|i| (0..target.len()).map(move |j| (i, j)))
            .map(|(i, j)| crate::embed::cosine(source.row(i), target.row(j)))
            .collect();
        Links { source, target, similarity }
    }

    /// Encodes both texts with `embedder`; `None` when it cannot.
    pub fn compute(embedder: &dyn Embedder, source: &str, target: &str) -> Option<Links> {
        let source_tokens = embedder.token_vectors(source).ok()?;
        let target_tokens = embedder.token_vectors(target).ok()?;
        Some(Links::new(WordVectors::of(source, &source_tokens), WordVectors::of(target, &target_tokens)))
    }

    pub fn similarity(&self, source: usize, target: usize) -> f32 {
        self.similarity[source * self.target.len() + target]
    }

    fn best_target(&self, source: usize) -> Option<(usize, f32)> {
        (0..self.target.len()).map(|j| (j, self.similarity(source, j))).max_by(|a, b| a.1.total_cmp(&b.1))
    }

    fn best_source(&self, target: usize) -> Option<(usize, f32)> {
        (0..self.source.len()).map(|i| (i, self.similarity(i, target))).max_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// The best source word for target word `target`.
    pub fn from_target(&self, target: usize) -> Option<Link> {
        let (other, similarity) = self.best_source(target)?;
        let mutual = self.best_target(other).is_some_and(|(j, _)| j == target);
        Some(Link { other, similarity, mutual })
    }

    /// The best target word for source word `source`.
    pub fn from_source(&self, source: usize) -> Option<Link> {
        let (other, similarity) = self.best_target(source)?;
        let mutual = self.best_source(other).is_some_and(|(i, _)| i == source);
        Some(Link { other, similarity, mutual })
    }
}

/// Word vectors of a text from two-dimensional rows, one per token, for
/// the tests of the rules that read word links.
#[cfg(test)]
pub(crate) mod testing {
    use super::WordVectors;
    use crate::embed::TokenVectors;

    pub fn words(text: &str, rows: &[[f32; 2]]) -> WordVectors {
        let spans: Vec<_> = crate::extract::text::tokenize(text).iter().map(|t| t.start..t.end).collect();
        let data = rows.iter().flatten().copied().collect();
        WordVectors::of(text, &TokenVectors { dim: 2, spans, data })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Token vectors with one token per given span.
    fn tokens(rows: &[(Range<usize>, [f32; 2])]) -> TokenVectors {
        let mut t = TokenVectors { dim: 2, ..Default::default() };
        for (span, row) in rows {
            t.spans.push(span.clone());
            t.data.extend_from_slice(row);
        }
        t
    }

    #[test]
    fn words_average_their_tokens() {
        // "Kanaani said": two tokens for the name, one for the verb.
        let words = WordVectors::of("Kanaani said", &tokens(&[(0..4, [1.0, 0.0]), (4..7, [0.0, 1.0]), (8..12, [1.0, 0.0])]));
        assert_eq!(words.spans, vec![0..7, 8..12]);
        let half = std::f32::consts::FRAC_1_SQRT_2;
        assert!((words.row(0)[0] - half).abs() < 1e-6 && (words.row(0)[1] - half).abs() < 1e-6);
        assert_eq!(words.within(&(2..9)), vec![0, 1]);
    }

    #[test]
    fn links_are_mutual_only_when_best_both_ways() {
        let source = WordVectors::of("a b", &tokens(&[(0..1, [1.0, 0.0]), (2..3, [0.8, 0.6])]));
        let target = WordVectors::of("x y", &tokens(&[(0..1, [1.0, 0.0]), (2..3, [0.0, 1.0])]));
        let links = Links::new(source, target);
        assert_eq!(links.from_target(0), Some(Link { other: 0, similarity: 1.0, mutual: true }));
        // y's best is b, but b's best is x: not mutual.
        let y = links.from_target(1).unwrap();
        assert_eq!((y.other, y.mutual), (1, false));
        assert!((y.similarity - 0.6).abs() < 1e-6);
        assert!(links.from_source(1).unwrap().other == 0);
    }
}
