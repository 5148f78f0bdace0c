//! The part of the DP lattice the second pass searches: a band around
//! the anchor chain, so time grows with length, not length squared.

use super::anchors::Link;

/// For each DP row `i` (source sentences consumed, `0..=sources`), the
/// reachable target counts `lo[i]..=hi[i]`; both are non-decreasing.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    pub fn contains(&self, i: usize, j: usize) -> bool {
        i < self.lo.len() && self.lo[i] <= j && j <= self.hi[i]
    }
}

/// Rectangles between consecutive path points, widened by `window`.
pub fn around(chain: &[Link], sources: usize, targets: usize, window: usize) -> Band {
    let mut points = vec![(0, 0)];
    for link in chain {
        points.push((link.source, link.target));
        points.push((link.source + 1, link.target + 1));
    }
    points.push((sources, targets));
    // Keep the path monotone even if a caller passes crossing links.
    for n in 1..points.len() {
        points[n].0 = points[n].0.max(points[n - 1].0).min(sources);
        points[n].1 = points[n].1.max(points[n - 1].1).min(targets);
    }
    let rects: Vec<_> = points.windows(2).map(|w| (w[0], w[1])).collect();
    let (mut lo, mut hi) = (Vec::with_capacity(sources + 1), Vec::with_capacity(sources + 1));
    let (mut first, mut last) = (0, 0);
    for i in 0..=sources {
        // First rectangle ending at or after i - window.
        while first + 1 < rects.len() && rects[first].1 .0 + window < i {
            first += 1;
        }
        // Last rectangle starting at or before i + window.
        while last + 1 < rects.len() && rects[last + 1].0 .0 <= i + window {
            last += 1;
        }
        lo.push(rects[first].0 .1.saturating_sub(window));
        hi.push((rects[last].1 .1 + window).min(targets));
    }
    Band { lo, hi }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_follows_anchors() {
        let chain = [Link { source: 5, target: 10, margin: 0.1 }];
        let band = around(&chain, 10, 20, 1);
        assert!(band.contains(0, 0) && band.contains(10, 20));
        assert!(band.contains(5, 10) && band.contains(6, 11));
        assert!(!band.contains(9, 5));
        assert!(band.lo.windows(2).all(|w| w[0] <= w[1]));
        assert!(band.hi.windows(2).all(|w| w[0] <= w[1]));
    }
}
