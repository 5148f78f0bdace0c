//! Scale benchmark for the aligner alone (embeddings given): a synthetic
//! 5,000 × 6,300 sentence pair with splits, merges, deletions and
//! insertions, aligned in translation and rewrite mode. Each sentence has
//! words too (a target sentence carries translations of most of its bead's
//! source words), so translation mode runs both passes, the second with
//! the word translations it learns.
//!
//! usage: align_scale [SOURCES] [TARGETS]
//!
//! Prints wall time, peak memory (Linux) and, as the reference measured in
//! the same run, the time of a naive pass over all N×M cosines.

use std::time::Instant;

use transcheck::align::{align_sides, AlignOptions, Mode, Side};
use transcheck::embed::Embeddings;

const DIM: usize = 384;

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (sources, targets) = (args.first().copied().unwrap_or(5000), args.get(1).copied().unwrap_or(6300));
    let mut rng = Rng(0x5eed);
    let (source, target, gold) = synthetic(&mut rng, sources, targets);
    let (source_words, target_words) = words(&gold, source.len(), target.len());
    let reference = brute_force(&source, &target);
    println!("pair {}x{} dim {DIM}; naive N×M cosine pass (reference) {reference:.2}s", source.len(), target.len());
    for mode in [Mode::Translation, Mode::Rewrite] {
        let options = AlignOptions { mode, ..AlignOptions::default() };
        let started = Instant::now();
        let alignment = align_sides(
            Side { words: Some(&source_words), ..Side::new(&source) },
            Side { words: Some(&target_words), ..Side::new(&target) },
            &options,
        );
        let seconds = started.elapsed().as_secs_f64();
        let correct = alignment.beads.iter().filter(|b| gold.contains(&(b.source.clone(), b.target.clone()))).count();
        println!(
            "mode {mode:?}: {seconds:.2}s ({:.3}x reference), {} beads, {:.1}% agree with the synthetic gold, peak memory {}",
            seconds / reference,
            alignment.beads.len(),
            100.0 * correct as f64 / alignment.beads.len().max(1) as f64,
            peak_memory()
        );
    }
}

type Gold = std::collections::HashSet<(Vec<usize>, Vec<usize>)>;

/// Random source vectors; the target walks the source making 1-1 (75%),
/// 1-2, 2-1, 1-0 and 0-1 beads from noisy copies, until both run out.
fn synthetic(rng: &mut Rng, sources: usize, targets: usize) -> (Embeddings, Embeddings, Gold) {
    let source: Vec<Vec<f32>> = (0..sources).map(|_| unit(rng.gauss_vec())).collect();
    let (mut target, mut gold, mut i) = (Vec::new(), Gold::new(), 0);
    let extra = targets as f64 / sources as f64 - 1.0;
    while i < sources {
        let j = target.len();
        let roll = rng.next_f64();
        let (a, b) = if roll < 0.04 { (1, 0) } else if roll < 0.08 { (0, 1) } else if roll < 0.08 + extra.max(0.0) { (1, 2) } else if roll < 0.14 + extra.max(0.0) { (2, 1) } else { (1, 1) };
        let a = a.min(sources - i);
        let merged: Vec<f32> = (i..i + a).fold(vec![0.0; DIM], |acc, s| acc.iter().zip(&source[s]).map(|(x, y)| x + y).collect());
        for _ in 0..b {
            let base = if a == 0 { rng.gauss_vec() } else { merged.clone() };
            target.push(unit(base.iter().zip(rng.gauss_vec()).map(|(x, n)| x + 0.07 * n).collect()));
        }
        gold.insert(((i..i + a).collect(), (j..j + b).collect()));
        i += a;
    }
    while target.len() < targets {
        gold.insert((vec![], vec![target.len()]));
        target.push(unit(rng.gauss_vec()));
    }
    (embeddings(&source), embeddings(&target), gold)
}

/// Word ids of every sentence: eight a source sentence, drawn from a
/// vocabulary where few words are common and most are rare; a target
/// sentence carries the translations (another id) of four in five of its
/// bead's source words, dealt among the bead's target sentences, and an
/// inserted one words of its own.
fn words(gold: &Gold, sources: usize, targets: usize) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    const VOCABULARY: f64 = 20_000.0;
    let mut rng = Rng(0x0dd5);
    let draw = |rng: &mut Rng| (VOCABULARY * rng.next_f64().powi(3)) as u32;
    let source: Vec<Vec<u32>> = (0..sources).map(|_| (0..8).map(|_| draw(&mut rng)).collect()).collect();
    let mut target = vec![Vec::new(); targets];
    let mut beads: Vec<&(Vec<usize>, Vec<usize>)> = gold.iter().collect();
    beads.sort();
    for (s, t) in beads {
        let carried: Vec<u32> = s.iter().flat_map(|&i| source[i].clone()).collect();
        let carried = if s.is_empty() { (0..8).map(|_| draw(&mut rng) | 1 << 31).collect() } else { carried };
        for (n, word) in carried.into_iter().enumerate() {
            if !t.is_empty() && rng.next_f64() < 0.8 {
                target[t[n % t.len()]].push(word | 1 << 30);
            }
        }
    }
    (source, target)
}

fn embeddings(rows: &[Vec<f32>]) -> Embeddings {
    let tokens = rows.iter().enumerate().map(|(n, _)| 10 + n % 20).collect();
    Embeddings { dim: DIM, data: rows.concat(), tokens, truncated: vec![] }
}

fn unit(v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
    v.into_iter().map(|x| x / norm).collect()
}

/// Seconds of a naive pass over all N×M cosines, timed on every tenth row.
fn brute_force(source: &Embeddings, target: &Embeddings) -> f64 {
    let started = Instant::now();
    let mut total = 0.0;
    for i in (0..source.len()).step_by(10) {
        let row = source.row(i);
        total += (0..target.len()).map(|j| transcheck::embed::cosine(row, target.row(j))).fold(f32::MIN, f32::max) as f64;
    }
    std::hint::black_box(total);
    started.elapsed().as_secs_f64() * source.len() as f64 / source.len().div_ceil(10).max(1) as f64
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_string()))
        .unwrap_or_else(|| "n/a".into())
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn gauss_vec(&mut self) -> Vec<f32> {
        (0..DIM).map(|_| (0..4).map(|_| self.next_f64() as f32 - 0.5).sum::<f32>()).collect()
    }
}
