//! Whether a target quote's words have counterparts in the source: the
//! mean, over the quote's words, of each word's best cosine to any source
//! word of the bead (word vectors as in `links`). A quotation put in from
//! elsewhere links poorly even where its sentence embedding stays close to
//! the source quote's, as short quotes' embeddings do.

use std::ops::Range;
use std::rc::Rc;

use super::links::Links;
use super::{BeadView, Placed};

/// A weak target quote (a name, title or term in quote marks) with no
/// quote to pair with is unexplained when its words link to the source
/// less than this on average: 1.6% of 383 such quotes in professional
/// translations fall under it on NTREX-128 (en→fr/ru/ar/ja), 31% of
/// quotations swapped in from another document do
/// (`benches/calibrate_quotes.py`).
pub(super) const WEAK_UNLINKED_BELOW: f32 = 0.439;

pub(super) struct QuoteLinks {
    links: Rc<Links>,
}

impl QuoteLinks {
    /// Word links of the bead across languages, when the rules have an encoder.
    pub fn compute(view: &BeadView) -> Option<QuoteLinks> {
        if view.source.language == view.target.language {
            return None;
        }
        Some(QuoteLinks { links: view.word_links()? })
    }

    /// How well the target quote `placed` links into the source, 0..1.
    pub fn linked(&self, view: &BeadView, placed: &Placed) -> Option<f32> {
        mean_best_link(&self.links, &view.joined_span(placed, false))
    }
}

/// Mean best source cosine of the target words within `span`.
fn mean_best_link(links: &Links, span: &Range<usize>) -> Option<f32> {
    let best: Vec<f32> = links.target.within(span).into_iter().filter_map(|j| links.from_target(j)).map(|l| l.similarity).collect();
    (!best.is_empty()).then(|| best.iter().sum::<f32>() / best.len() as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::links::testing::words;

    #[test]
    fn quote_words_average_their_best_source_links() {
        // "stable" links to "stabil" fully and to "keine"/"Probleme" at 0.6 and 0.
        let source = words("stable now", &[[1.0, 0.0], [0.0, 1.0]]);
        let target = "ist stabil keine Probleme";
        let links = Links::new(source, words(target, &[[0.0, 1.0], [1.0, 0.0], [0.6, -0.8], [0.6, 0.8]]));
        let stabil = mean_best_link(&links, &(4..10)).unwrap();
        assert!((stabil - 1.0).abs() < 1e-6);
        // keine: best 0.6 (stable); Probleme: best 0.8 (now).
        let replaced = mean_best_link(&links, &(11..25)).unwrap();
        assert!((replaced - 0.7).abs() < 1e-6);
        assert_eq!(mean_best_link(&links, &(30..40)), None);
    }
}
