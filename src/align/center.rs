//! Removing each side's mean vector before comparing.
//!
//! Sentence embeddings share a large common direction (e5 puts unrelated
//! sentences near cosine 0.75), partly per language. Subtracting each
//! document's own mean leaves what tells its sentences apart, so that a
//! merged run's vector actually moves when an unrelated sentence joins it.

use super::similarity::dot;
use crate::embed::Embeddings;

/// Copy of `embeddings` with the mean row subtracted and rows renormalised.
pub fn centered(embeddings: &Embeddings) -> Embeddings {
    let (dim, count) = (embeddings.dim, embeddings.len());
    let mut mean = vec![0f32; dim];
    for i in 0..count {
        for (m, x) in mean.iter_mut().zip(embeddings.row(i)) {
            *m += x / count as f32;
        }
    }
    let mut data = Vec::with_capacity(count * dim);
    for i in 0..count {
        let row: Vec<f32> = embeddings.row(i).iter().zip(&mean).map(|(x, m)| x - m).collect();
        let norm = dot(&row, &row).sqrt();
        let scale = if norm > 1e-6 && norm.is_finite() { 1.0 / norm } else { 0.0 };
        data.extend(row.iter().map(|x| x * scale));
    }
    Embeddings { dim, data, tokens: embeddings.tokens.clone(), truncated: embeddings.truncated.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centering_separates_close_rows() {
        let e = Embeddings { dim: 2, data: vec![0.9, 0.436, 0.9, -0.436], tokens: vec![3, 3], truncated: vec![] };
        let c = centered(&e);
        assert!(dot(c.row(0), c.row(1)) < -0.99);
    }

    #[test]
    fn single_row_becomes_zero() {
        let e = Embeddings { dim: 2, data: vec![1.0, 0.0], tokens: vec![3], truncated: vec![] };
        assert_eq!(centered(&e).row(0), &[0.0, 0.0]);
    }
}
