//! The passes of each mode, wired together.

use super::anchors::{self, Link};
use super::runs::Runs;
use super::scoring::Scorer;
use super::similarity;
use super::{band, coarse, lengths, matching, rewrite, split, translation, AlignOptions, Bead, Costs, Mode, Side};

/// Above this many sentence pairs, translation mode searches near a coarse path.
const FULL_SEARCH: usize = 1 << 22;
/// Sentences of the other side behind each sentence's mean similarity.
const MEAN_SAMPLE: usize = 512;

/// Each sentence's mean similarity to the other side.
struct Means {
    source: Vec<f32>,
    target: Vec<f32>,
}

/// Links, the mode they call for, then the banded n-m DP (on the target
/// put back into source order, in rewrite mode).
pub fn run(source: &Side, target: &Side, options: &AlignOptions) -> (Vec<Bead>, Mode) {
    let (sources, targets) = (source.embeddings.len(), target.embeddings.len());
    // Long monotone pairs search near a coarse path; otherwise everywhere
    // (reordering can put a counterpart anywhere).
    let windows = if options.mode == Mode::Translation && sources.saturating_mul(targets) > FULL_SEARCH {
        coarse::windows(source.embeddings, target.embeddings)
    } else {
        vec![0..targets; sources]
    };
    let found = similarity::neighbours(source.embeddings, target.embeddings, &windows, options.neighbours.max(1));
    let means = Means {
        source: similarity::mean_similarity(source.embeddings, target.embeddings, MEAN_SAMPLE),
        target: similarity::mean_similarity(target.embeddings, source.embeddings, MEAN_SAMPLE),
    };
    let links = anchors::mutual_best(&found);
    let chain = anchors::monotone_chain(&links);
    let restored = Restored::new(&links, targets);
    let mode = match options.mode {
        Mode::Auto if options.same_language || looks_rewritten(&links) => Mode::Rewrite,
        Mode::Auto if rewrite::is_reordered(links.len(), chain.len(), restored.chain.len()) => Mode::Rewrite,
        Mode::Auto => Mode::Translation,
        mode => mode,
    };
    let beads = match mode {
        Mode::Rewrite => matching::align(source.embeddings, target.embeddings, &found),
        _ => {
            let beads = monotone(source, target, &means, &chain, &[], options.costs.unwrap_or_else(Costs::translation), options);
            split::split_unhelpful(beads, source.embeddings, target.embeddings)
        }
    };
    (beads, mode)
}

/// Whether confident links fall out of order: in a translation nearly all
/// of them lie on one increasing chain, in a rewrite whose sentences moved a
/// clear share does not.
fn looks_rewritten(links: &[Link]) -> bool {
    let confident: Vec<Link> = links.iter().copied().filter(|l| l.margin >= CONFIDENT_MARGIN).collect();
    let on_chain = anchors::monotone_chain(&confident).len();
    confident.len() >= 4 && (on_chain as f32) < REWRITE_CHAIN_SHARE * confident.len() as f32
}

/// Margin above which a mutual best match is trusted for the mode decision.
/// Lower margins are common between unrelated sentences of a weakly
/// embedded language (English–Icelandic) and scatter off the chain.
const CONFIDENT_MARGIN: f32 = 0.03;
/// Share of confident links on the longest increasing chain below which a
/// pair of documents counts as reordered.
const REWRITE_CHAIN_SHARE: f32 = 0.8;

/// `cuts`: target indices that start a passage no bead may straddle.
fn monotone(source: &Side, target: &Side, means: &Means, chain: &[Link], cuts: &[usize], costs: Costs, options: &AlignOptions) -> Vec<Bead> {
    let band = band::around(chain, source.embeddings.len(), target.embeddings.len(), options.window);
    let max_side = options.max_bead.max(1);
    let source_runs = Runs::new(source, &lengths(source, options.token_overhead), max_side);
    let mut target_runs = Runs::new(target, &lengths(target, options.token_overhead), max_side);
    target_runs.cut_at(cuts);
    let scorer = Scorer::new(&source_runs, &target_runs, &means.source, &means.target, costs);
    translation::align(&scorer, &band, options.max_bead)
}

/// The target's blocks put back into source order (for `auto`).
struct Restored {
    /// The monotone chain of links in restored positions.
    chain: Vec<Link>,
}

impl Restored {
    fn new(links: &[Link], targets: usize) -> Self {
        let (order, _) = rewrite::order(&rewrite::blocks(links, targets));
        let mut place = vec![0; order.len()];
        for (at, &j) in order.iter().enumerate() {
            place[j] = at;
        }
        let moved: Vec<Link> = links.iter().filter(|l| l.target < targets).map(|l| Link { target: place[l.target], ..*l }).collect();
        Restored { chain: anchors::monotone_chain(&moved) }
    }
}
