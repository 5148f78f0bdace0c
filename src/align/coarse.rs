//! Where to look for each source sentence's counterparts in a long
//! monotone pair, without comparing every sentence with every other:
//! align blocks of sentences first (Vecalign's coarse-to-fine idea), then
//! search only near the block path. Time grows linearly with length.

use super::anchors;
use super::band;
use super::similarity::{dot, neighbours, Window};
use crate::embed::Embeddings;

/// Sentences per coarse block.
const BLOCK: usize = 16;
/// Coarse blocks searched either side of the block path.
const REACH: usize = 2;

/// Target windows for every source sentence.
pub fn windows(source: &Embeddings, target: &Embeddings) -> Vec<Window> {
    let (coarse_source, coarse_target) = (blocks(source), blocks(target));
    let all = vec![0..coarse_target.len(); coarse_source.len()];
    let found = neighbours(&coarse_source, &coarse_target, &all, 4);
    let chain = anchors::monotone_chain(&anchors::mutual_best(&found));
    let band = band::around(&chain, coarse_source.len(), coarse_target.len(), REACH);
    (0..source.len())
        .map(|i| {
            let row = i / BLOCK;
            let lo = band.lo[row] * BLOCK;
            let hi = ((band.hi[(row + 1).min(coarse_source.len())] + 1) * BLOCK).min(target.len());
            lo.min(hi)..hi
        })
        .collect()
}

/// Normalised sums of consecutive `BLOCK` rows.
fn blocks(embeddings: &Embeddings) -> Embeddings {
    let (dim, count) = (embeddings.dim, embeddings.len().div_ceil(BLOCK));
    let mut data = vec![0f32; count * dim];
    for i in 0..embeddings.len() {
        let at = (i / BLOCK) * dim;
        for (d, x) in data[at..at + dim].iter_mut().zip(embeddings.row(i)) {
            *d += x;
        }
    }
    for row in data.chunks_mut(dim.max(1)) {
        let norm = dot(row, row).sqrt();
        if norm > 0.0 && norm.is_finite() {
            row.iter_mut().for_each(|x| *x /= norm);
        }
    }
    Embeddings { dim, data, tokens: vec![BLOCK; count], truncated: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_diagonal() {
        // 256 orthogonal sentences, target identical: windows must hold i
        // and be far narrower than the document.
        let (dim, count) = (256, 256);
        let mut data = vec![0f32; dim * count];
        for i in 0..count {
            data[i * dim + i] = 1.0;
        }
        let e = Embeddings { dim, data, tokens: vec![5; count], truncated: vec![] };
        let w = windows(&e, &e);
        assert!(w.iter().enumerate().all(|(i, w)| w.contains(&i)));
        let widest = w.iter().map(|w| w.len()).max().unwrap_or(0);
        assert!(widest <= 12 * BLOCK, "{widest}");
    }
}
