//! Vectors for runs of consecutive sentences, so a bead's sides can be compared.
//!
//! Without embeddings of concatenated text, a run's vector is the
//! length-weighted sum of its sentences' unit vectors, renormalised: mean
//! pooling over the concatenation's tokens behaves much the same way.
//! When the caller embedded the concatenations, those vectors are used.

use super::similarity::dot;
use super::Side;

/// Merged vectors of every run `start..start + len` with `len <= max_len`.
#[derive(Debug, Clone)]
pub struct Runs {
    dim: usize,
    max_len: usize,
    count: usize,
    vectors: Vec<f32>,
    /// Prefix sums of sentence lengths.
    length_sums: Vec<f64>,
}

impl Runs {
    pub fn new(side: &Side, lengths: &[f64], max_len: usize) -> Runs {
        let embeddings = side.embeddings;
        let (dim, count, max_len) = (embeddings.dim, embeddings.len(), max_len.max(1));
        let mut vectors = vec![0f32; count * max_len * dim];
        for start in 0..count {
            let mut sum = vec![0f32; dim];
            for len in 1..=max_len.min(count - start) {
                let i = start + len - 1;
                let weight = lengths[i].max(1.0) as f32;
                for (s, x) in sum.iter_mut().zip(embeddings.row(i)) {
                    *s += weight * x;
                }
                let at = (start * max_len + len - 1) * dim;
                let given = embedded_run(side, start, len);
                vectors[at..at + dim].copy_from_slice(&normalised(given.unwrap_or(&sum)));
            }
        }
        let mut length_sums = vec![0.0; count + 1];
        for i in 0..count {
            length_sums[i + 1] = length_sums[i] + lengths[i];
        }
        Runs { dim, max_len, count, vectors, length_sums }
    }

    /// Unit vector of `start..start + len` (all zeros if the run is out of range).
    pub fn vector(&self, start: usize, len: usize) -> &[f32] {
        if len == 0 || len > self.max_len || start + len > self.count {
            return &[];
        }
        let at = (start * self.max_len + len - 1) * self.dim;
        &self.vectors[at..at + self.dim]
    }

    /// Summed length of `start..start + len`.
    pub fn length(&self, start: usize, len: usize) -> f64 {
        let end = (start + len).min(self.count);
        self.length_sums[end] - self.length_sums[start.min(end)]
    }

    pub fn total_length(&self) -> f64 {
        self.length_sums[self.count]
    }

    pub fn len(&self) -> usize {
        self.count
    }
}

/// The caller's embedding of `start..start + len`, if it gave one.
fn embedded_run<'a>(side: &Side<'a>, start: usize, len: usize) -> Option<&'a [f32]> {
    let runs = side.runs.get(len.checked_sub(2)?)?;
    (runs.dim == side.embeddings.dim && start < runs.len() && runs.data.len() >= (start + 1) * runs.dim)
        .then(|| runs.row(start))
}

fn normalised(v: &[f32]) -> Vec<f32> {
    let norm = dot(v, v).sqrt();
    if norm > 0.0 && norm.is_finite() {
        v.iter().map(|x| x / norm).collect()
    } else {
        vec![0.0; v.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::Embeddings;

    #[test]
    fn run_vector_is_weighted_and_unit() {
        let e = Embeddings { dim: 2, data: vec![1.0, 0.0, 0.0, 1.0], tokens: vec![3, 1], truncated: vec![] };
        let runs = Runs::new(&Side::new(&e), &[3.0, 1.0], 2);
        let v = runs.vector(0, 2);
        assert!((dot(v, v) - 1.0).abs() < 1e-5);
        assert!(v[0] > v[1]);
        assert_eq!(runs.length(0, 2), 4.0);
        assert!(runs.vector(1, 2).is_empty());
    }
}
