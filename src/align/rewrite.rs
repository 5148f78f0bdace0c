//! Rewrite mode: the target may present the source's material in another
//! order. Confident links cut the target into blocks that each follow the
//! source in order; sorting the blocks by where their links point restores
//! the source's order, and the monotone aligner then runs on that.

use std::collections::HashSet;

use super::anchors::Link;
use super::Bead;

/// A run of consecutive target sentences, `start..end`, and the source
/// position it belongs at.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    /// Median source index of its links, for sorting.
    pub position: f64,
}

/// How far apart (in source sentences) two links may be and still read as
/// one block: splits, merges and a few deletions stay inside a block.
const GAP: usize = 4;

/// Cuts `0..targets` into blocks from `links` (any order). Only runs of
/// two or more links that follow each other count: a lone link may be
/// wrong, and moving text on its word would drag its neighbours along.
/// Unlinked target sentences stay with the block before them (the first
/// ones with the next).
pub fn blocks(links: &[Link], targets: usize) -> Vec<Block> {
    let mut by_target: Vec<Link> = links.iter().copied().filter(|l| l.target < targets).collect();
    by_target.sort_by_key(|l| l.target);
    by_target.dedup_by_key(|l| l.target);
    let groups: Vec<Vec<Link>> = runs(&by_target).into_iter().filter(|g| g.len() >= 2).collect();
    let mut blocks: Vec<Block> = Vec::with_capacity(groups.len().max(1));
    for (n, group) in groups.iter().enumerate() {
        let start = if n == 0 { 0 } else { group[0].target };
        let end = groups.get(n + 1).map_or(targets, |next| next[0].target);
        blocks.push(Block { start, end, position: median_source(group) });
    }
    if blocks.is_empty() && targets > 0 {
        blocks.push(Block { start: 0, end: targets, position: 0.0 });
    }
    blocks
}

/// Splits links (sorted on one side) into maximal runs that follow each other.
fn runs(sorted: &[Link]) -> Vec<Vec<Link>> {
    let mut groups: Vec<Vec<Link>> = Vec::new();
    for &link in sorted {
        match groups.last_mut() {
            Some(group) if follows(group.last().copied(), link) => group.push(link),
            _ => groups.push(vec![link]),
        }
    }
    groups
}

/// Whether `link` continues a block ending in `last`: both sides move forward, not far.
fn follows(last: Option<Link>, link: Link) -> bool {
    last.is_some_and(|last| {
        link.source > last.source
            && link.source <= last.source + GAP
            && link.target > last.target
            && link.target <= last.target + GAP
    })
}

fn median_source(group: &[Link]) -> f64 {
    let mut sources: Vec<usize> = group.iter().map(|l| l.source).collect();
    sources.sort_unstable();
    sources.get(sources.len() / 2).map_or(0.0, |&s| s as f64)
}

/// Target indices in source order (blocks sorted by position, stable),
/// and where each block starts in that order.
pub fn order(blocks: &[Block]) -> (Vec<usize>, Vec<usize>) {
    let mut sorted: Vec<&Block> = blocks.iter().collect();
    sorted.sort_by(|x, y| x.position.total_cmp(&y.position));
    let mut starts = Vec::with_capacity(sorted.len());
    let mut order = Vec::new();
    for block in sorted {
        starts.push(order.len());
        order.extend(block.start..block.end);
    }
    (order, starts)
}

/// Whether putting the blocks back in source order lets a monotone chain
/// keep clearly more links (`reordered_chain` vs `chain`, counted the same
/// way, out of `links`): then
/// the target was rearranged. A few links gained are noise, found in any
/// passage of short look-alike sentences.
pub fn is_reordered(links: usize, chain: usize, reordered_chain: usize) -> bool {
    reordered_chain >= chain + MIN_GAIN.max(links / 20)
}

/// Fewest links a reordering must gain to be believed.
const MIN_GAIN: usize = 2;

/// Whether strong links disagree with the monotone chain: of the links at
/// least as strong (by margin) as the chain's median link and as
/// `floor`, too few lie on the chain. In a translation the links off the
/// chain are weak noise; in a rewrite that moves single sentences they
/// are as strong as any.
pub fn is_scrambled(links: &[Link], chain: &[Link], floor: f32) -> bool {
    let mut margins: Vec<f32> = chain.iter().map(|l| l.margin).collect();
    margins.sort_by(f32::total_cmp);
    let Some(&median) = margins.get(margins.len() / 2) else { return false };
    let median = median.max(floor);
    let chained: HashSet<(usize, usize)> = chain.iter().map(|l| (l.source, l.target)).collect();
    let on_chain = |l: &Link| chained.contains(&(l.source, l.target));
    let strong = links.iter().filter(|l| l.margin >= median);
    let (on, off) = strong.fold((0, 0), |(on, off), l| if on_chain(l) { (on + 1, off) } else { (on, off + 1) });
    off >= MIN_STRONG_OFF && (on as f32) < MIN_SHARE * (on + off) as f32
}

/// Strong links off the chain needed before order is doubted.
const MIN_STRONG_OFF: usize = 2;
/// Least share of strong links on the chain in a translation (the gold
/// translations measure 0.79 and up, the scrambled rewrites 0.6 and less).
const MIN_SHARE: f32 = 0.7;

/// Whether a monotone alignment had to swallow most sentences into big
/// beads: the texts then do not correspond sentence by sentence, as when
/// a report is retold with material of its own (gold translations keep
/// under 0.3 of their sentences in beads of four or more).
pub fn is_loose(beads: &[Bead]) -> bool {
    let size = |b: &Bead| b.source.len() + b.target.len();
    let total: usize = beads.iter().map(size).sum();
    let big: usize = beads.iter().map(size).filter(|&n| n >= BIG_BEAD).sum();
    total > 0 && big as f32 > MAX_BIG_SHARE * total as f32
}

/// Sentences in a bead counted as big.
const BIG_BEAD: usize = 4;
const MAX_BIG_SHARE: f32 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    fn links(pairs: &[(usize, usize)]) -> Vec<Link> {
        pairs.iter().map(|&(source, target)| Link { source, target, margin: 0.1 }).collect()
    }

    #[test]
    fn swapped_blocks_are_put_back() {
        // Target = source 12..24 then source 0..12.
        let pairs: Vec<(usize, usize)> = (0..24).map(|i| (i, (i + 12) % 24)).collect();
        let l = links(&pairs);
        let b = blocks(&l, 24);
        assert_eq!(b.len(), 2);
        assert_eq!(order(&b).0, (12..24).chain(0..12).collect::<Vec<_>>());
        assert_eq!(order(&b).1, vec![0, 12]);
        assert!(is_reordered(24, 12, 24));
    }

    #[test]
    fn monotone_links_make_one_block() {
        let l = links(&[(0, 0), (1, 2), (3, 3), (4, 4)]);
        assert_eq!(blocks(&l, 6).len(), 1);
        assert!(!is_reordered(40, 38, 39));
    }

    #[test]
    fn strong_links_off_the_chain_mean_scrambled() {
        let strong = |source, target| Link { source, target, margin: 0.1 };
        let weak = |source, target| Link { source, target, margin: 0.01 };
        let chain = [strong(0, 0), strong(1, 1), weak(2, 2), strong(3, 3)];
        let scrambled = [&chain[..], &[strong(4, 0), strong(5, 1), strong(6, 2)]].concat();
        assert!(is_scrambled(&scrambled, &chain, 0.04));
        let noisy = [&chain[..], &[weak(4, 0), weak(5, 1), weak(6, 2)]].concat();
        assert!(!is_scrambled(&noisy, &chain, 0.04));
        assert!(!is_scrambled(&[], &[], 0.04));
        // A weakly linked translation: links off the chain as strong as
        // its median are still below the floor.
        let faint = |source, target| Link { source, target, margin: 0.02 };
        let middling = |source, target| Link { source, target, margin: 0.035 };
        let chain = [faint(0, 0), faint(1, 1), faint(2, 2), middling(3, 3)];
        let stray = [&chain[..], &[middling(4, 0), middling(5, 1)]].concat();
        assert!(is_scrambled(&stray, &chain, 0.0));
        assert!(!is_scrambled(&stray, &chain, 0.04));
    }

    #[test]
    fn mostly_big_beads_are_loose() {
        let bead = |source: Vec<usize>, target: Vec<usize>| Bead { source, target, similarity: 0.9 };
        let big = [bead(vec![0, 1, 2], vec![0, 1]), bead(vec![3], vec![2]), bead(vec![4, 5, 6], vec![3])];
        assert!(is_loose(&big));
        let small = [bead(vec![0, 1, 2], vec![0]), bead(vec![3], vec![1]), bead(vec![4], vec![2, 3])];
        assert!(!is_loose(&small));
        assert!(!is_loose(&[]));
    }

    #[test]
    fn no_links_one_block() {
        assert_eq!(order(&blocks(&[], 3)).0, vec![0, 1, 2]);
        assert!(blocks(&[], 0).is_empty());
    }
}
