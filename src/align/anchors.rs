//! First pass: confident 1-1 links that later passes trust.
//!
//! A link is an anchor when source and target are each other's best match
//! by margin, which discounts "hub" sentences similar to everything.

use super::similarity::Neighbours;

/// A confident 1-1 link with its margin score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub source: usize,
    pub target: usize,
    pub margin: f32,
}

/// Mutual best matches by margin, in source order.
pub fn mutual_best(found: &Neighbours) -> Vec<Link> {
    let source_bg: Vec<f32> = found.source.iter().map(|t| t.mean()).collect();
    let target_bg: Vec<f32> = found.target.iter().map(|t| t.mean()).collect();
    let margin = |s: f32, i: usize, j: usize| s - 0.5 * (source_bg[i] + target_bg[j]);
    let best_source: Vec<Option<usize>> = found
        .target
        .iter()
        .enumerate()
        .map(|(j, top)| best_by(top.items.iter().map(|&(s, i)| (margin(s, i, j), i))))
        .collect();
    let mut links = Vec::new();
    for (i, top) in found.source.iter().enumerate() {
        let best = top.items.iter().map(|&(s, j)| (margin(s, i, j), j)).fold(None, keep_best);
        if let Some((m, j)) = best {
            if best_source.get(j).copied().flatten() == Some(i) {
                links.push(Link { source: i, target: j, margin: m });
            }
        }
    }
    links
}

fn keep_best(best: Option<(f32, usize)>, item: (f32, usize)) -> Option<(f32, usize)> {
    match best {
        Some(b) if b.0 >= item.0 => Some(b),
        _ => Some(item),
    }
}

fn best_by(items: impl Iterator<Item = (f32, usize)>) -> Option<usize> {
    items.fold(None, keep_best).map(|b| b.1)
}

/// The heaviest chain of links increasing in both source and target
/// (weight = count, ties to higher margin): the monotone backbone.
pub fn monotone_chain(links: &[Link]) -> Vec<Link> {
    // Longest strictly increasing subsequence on target, links sorted by source.
    let mut sorted = links.to_vec();
    sorted.sort_by(|x, y| x.source.cmp(&y.source).then(y.margin.total_cmp(&x.margin)));
    sorted.dedup_by_key(|l| l.source);
    let mut tails: Vec<usize> = Vec::new(); // index into sorted of chain end per length
    let mut previous = vec![usize::MAX; sorted.len()];
    for (n, link) in sorted.iter().enumerate() {
        let at = tails.partition_point(|&t| sorted[t].target < link.target);
        if at > 0 {
            previous[n] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(n);
        } else {
            tails[at] = n;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(n) = at {
        chain.push(sorted[n]);
        at = (previous[n] != usize::MAX).then_some(previous[n]);
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(source: usize, target: usize) -> Link {
        Link { source, target, margin: 0.1 }
    }

    #[test]
    fn chain_drops_crossing_links() {
        let links = [link(0, 0), link(1, 5), link(2, 1), link(3, 2), link(4, 6)];
        let chain: Vec<_> = monotone_chain(&links).iter().map(|l| (l.source, l.target)).collect();
        assert_eq!(chain, vec![(0, 0), (2, 1), (3, 2), (4, 6)]);
    }

    #[test]
    fn empty_chain() {
        assert!(monotone_chain(&[]).is_empty());
    }
}
