//! Dot products and nearest-neighbour search over unit sentence vectors.
//!
//! The search never holds an N×M matrix: it walks the pairs block by block
//! and keeps the k best per row and per column.

use crate::embed::Embeddings;

/// Dot product; eight accumulators so the compiler can vectorise it.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
            // SAFETY: the features were detected at run time.
            return unsafe { dot_avx2(a, b) };
        }
    }
    dot_plain(a, b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn dot_avx2(a: &[f32], b: &[f32]) -> f32 {
    dot_plain(a, b)
}

#[inline(always)]
fn dot_plain(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0f32; 16];
    let mut chunks_a = a.chunks_exact(16);
    let mut chunks_b = b.chunks_exact(16);
    for (x, y) in (&mut chunks_a).zip(&mut chunks_b) {
        for l in 0..16 {
            acc[l] = x[l].mul_add(y[l], acc[l]);
        }
    }
    let tail: f32 = chunks_a.remainder().iter().zip(chunks_b.remainder()).map(|(x, y)| x * y).sum();
    acc.iter().sum::<f32>() + tail
}

/// The k most similar items of one row, best first.
#[derive(Debug, Clone, Default)]
pub struct TopK {
    pub items: Vec<(f32, usize)>,
}

impl TopK {
    fn push(&mut self, k: usize, score: f32, index: usize) {
        if self.items.len() == k && self.items.last().is_some_and(|w| w.0 >= score) {
            return;
        }
        let at = self.items.partition_point(|&(s, _)| s >= score);
        self.items.insert(at, (score, index));
        self.items.truncate(k);
    }

    /// Mean of the kept scores: how similar this sentence is to anything.
    pub fn mean(&self) -> f32 {
        if self.items.is_empty() {
            return 0.0;
        }
        self.items.iter().map(|p| p.0).sum::<f32>() / self.items.len() as f32
    }
}

/// k nearest neighbours in both directions.
#[derive(Debug, Clone, Default)]
pub struct Neighbours {
    pub source: Vec<TopK>,
    pub target: Vec<TopK>,
}

impl Neighbours {
    fn empty(sources: usize, targets: usize) -> Self {
        Neighbours { source: vec![TopK::default(); sources], target: vec![TopK::default(); targets] }
    }
}

/// Mean similarity of each row of `rows` to (a strided sample of at most
/// `sample` rows of) `other`: how similar a sentence is to anything in the
/// other document. Linear in the document's length.
pub fn mean_similarity(rows: &Embeddings, other: &Embeddings, sample: usize) -> Vec<f32> {
    let picked: Vec<usize> = if other.len() <= sample {
        (0..other.len()).collect()
    } else {
        (0..sample).map(|k| k * other.len() / sample).collect()
    };
    (0..rows.len())
        .map(|i| {
            let row = rows.row(i);
            let total: f32 = picked.iter().map(|&j| dot(row, other.row(j))).sum();
            if picked.is_empty() { 0.0 } else { total / picked.len() as f32 }
        })
        .collect()
}

/// Each mean similarity moved `share` of the way toward the mean of the
/// sentence's kept nearest neighbours (`share` 0: the means unchanged).
pub fn toward_neighbours(means: &[f32], nearest: &[TopK], share: f32) -> Vec<f32> {
    means
        .iter()
        .enumerate()
        .map(|(i, &m)| match nearest.get(i) {
            Some(top) if share != 0.0 && !top.items.is_empty() => m + share * (top.mean() - m),
            _ => m,
        })
        .collect()
}

/// Target columns searched for each source row: `start..end`.
pub type Window = std::ops::Range<usize>;

/// Finds the k nearest targets of every source row (within its window) and
/// the k nearest sources of every target, block by block on all cores.
pub fn neighbours(source: &Embeddings, target: &Embeddings, windows: &[Window], k: usize) -> Neighbours {
    let rows = source.len().min(windows.len());
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = rows.div_ceil(threads).max(1);
    let parts: Vec<Neighbours> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..rows)
            .step_by(chunk)
            .map(|start| {
                let end = (start + chunk).min(rows);
                scope.spawn(move || search_rows(source, target, windows, start..end, k))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    merge_parts(parts, source.len(), target.len(), k)
}

const BLOCK_ROWS: usize = 32;
const BLOCK_COLS: usize = 256;

fn search_rows(source: &Embeddings, target: &Embeddings, windows: &[Window], rows: Window, k: usize) -> Neighbours {
    let mut found = Neighbours::empty(rows.len(), target.len());
    for block in rows.clone().step_by(BLOCK_ROWS) {
        let block_end = (block + BLOCK_ROWS).min(rows.end);
        let lo = windows[block..block_end].iter().map(|w| w.start).min().unwrap_or(0);
        let hi = windows[block..block_end].iter().map(|w| w.end).max().unwrap_or(0).min(target.len());
        for cols in (lo..hi).step_by(BLOCK_COLS) {
            for (i, window) in windows.iter().enumerate().take(block_end).skip(block) {
                let row = source.row(i);
                for j in cols.max(window.start)..(cols + BLOCK_COLS).min(window.end).min(hi) {
                    let s = dot(row, target.row(j));
                    found.source[i - rows.start].push(k, s, j);
                    found.target[j].push(k, s, i);
                }
            }
        }
    }
    found
}

fn merge_parts(parts: Vec<Neighbours>, sources: usize, targets: usize, k: usize) -> Neighbours {
    let mut all = Neighbours::empty(0, targets);
    for part in parts {
        all.source.extend(part.source);
        for (j, top) in part.target.into_iter().enumerate() {
            for (s, i) in top.items {
                all.target[j].push(k, s, i);
            }
        }
    }
    all.source.resize(sources, TopK::default());
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn embeddings(rows: &[&[f32]]) -> Embeddings {
        let dim = rows.first().map_or(0, |r| r.len());
        Embeddings { dim, data: rows.concat(), tokens: vec![10; rows.len()], truncated: vec![] }
    }

    #[test]
    fn dot_matches_naive() {
        let a: Vec<f32> = (0..37).map(|x| x as f32 * 0.1).collect();
        let b: Vec<f32> = (0..37).map(|x| 1.0 - x as f32 * 0.05).collect();
        let naive: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot(&a, &b) - naive).abs() < 1e-4);
    }

    #[test]
    fn neighbours_find_best_both_ways() {
        let source = embeddings(&[&[1.0, 0.0], &[0.0, 1.0]]);
        let target = embeddings(&[&[0.0, 1.0], &[0.6, 0.8], &[1.0, 0.0]]);
        let all = vec![0..3; 2];
        let found = neighbours(&source, &target, &all, 2);
        assert_eq!(found.source[0].items[0].1, 2);
        assert_eq!(found.source[1].items[0].1, 0);
        assert_eq!(found.target[1].items[0].1, 1);
        assert_eq!(found.source[0].items.len(), 2);
    }

    #[test]
    fn background_moves_toward_nearest_neighbours() {
        let mut top = TopK::default();
        top.push(2, 0.9, 0);
        top.push(2, 0.7, 1);
        let nearest = vec![top, TopK::default()];
        let means = [0.5, 0.5];
        assert_eq!(toward_neighbours(&means, &nearest, 0.0), vec![0.5, 0.5]);
        let moved = toward_neighbours(&means, &nearest, 0.25);
        assert!((moved[0] - 0.575).abs() < 1e-6, "{moved:?}");
        assert_eq!(moved[1], 0.5, "no neighbours: the mean stays");
    }

}
