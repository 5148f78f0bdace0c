//! Translation mode: a monotone alignment with 1-n, n-1, n-m beads,
//! insertions and deletions, found by dynamic programming in a band around
//! the anchor chain (the Bertalign/Vecalign recipe, scored by margin).

use super::band::Band;
use super::scoring::Scorer;
use super::Bead;

/// Bead shapes `(source, target)`: skips plus every n-m with n + m ≤ max + 1.
pub fn shapes(max_bead: usize) -> Vec<(usize, usize)> {
    let max = max_bead.max(1);
    let mut shapes = vec![(1, 0), (0, 1)];
    for a in 1..=max {
        for b in 1..=max {
            if a + b <= max + 1 {
                shapes.push((a, b));
            }
        }
    }
    shapes
}

/// Cheapest monotone path through `band`.
pub fn align(scorer: &Scorer, band: &Band, max_bead: usize) -> Vec<Bead> {
    let (sources, targets) = (scorer.source.len(), scorer.target.len());
    let shapes = shapes(max_bead);
    let row = |i: usize| band.lo[i]..=band.hi[i];
    let mut best: Vec<Vec<f32>> = (0..=sources).map(|i| vec![f32::INFINITY; row(i).count()]).collect();
    let mut back: Vec<Vec<u8>> = (0..=sources).map(|i| vec![u8::MAX; row(i).count()]).collect();
    if band.contains(0, 0) {
        best[0][0] = 0.0;
    }
    for i in 0..=sources {
        for j in row(i) {
            let mut cell = (best[i][j - band.lo[i]], back[i][j - band.lo[i]]);
            for (n, &(a, b)) in shapes.iter().enumerate() {
                if a > i || b > j || !band.contains(i - a, j - b) {
                    continue;
                }
                let from = best[i - a][j - b - band.lo[i - a]];
                if from == f32::INFINITY {
                    continue;
                }
                let cost = if a == 0 || b == 0 { scorer.skip() } else { scorer.bead(i - a, a, j - b, b) };
                if from + cost < cell.0 {
                    cell = (from + cost, n as u8);
                }
            }
            best[i][j - band.lo[i]] = cell.0;
            back[i][j - band.lo[i]] = cell.1;
        }
    }
    trace(scorer, band, &back, &shapes, sources, targets)
}

fn trace(scorer: &Scorer, band: &Band, back: &[Vec<u8>], shapes: &[(usize, usize)], sources: usize, targets: usize) -> Vec<Bead> {
    let mut beads = Vec::new();
    let (mut i, mut j) = (sources, targets);
    while i > 0 || j > 0 {
        let step = if band.contains(i, j) { back[i][j - band.lo[i]] } else { u8::MAX };
        // Unreachable cells (cannot happen with a connected band) fall back to skips.
        let (a, b) = shapes.get(step as usize).copied().unwrap_or(if i > 0 { (1, 0) } else { (0, 1) });
        let similarity = if a > 0 && b > 0 { scorer.cosine(i - a, a, j - b, b) } else { 0.0 };
        beads.push(Bead { source: (i - a..i).collect(), target: (j - b..j).collect(), similarity });
        i -= a;
        j -= b;
    }
    beads.reverse();
    beads
}
