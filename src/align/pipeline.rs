//! The passes of each mode, wired together.

use super::anchors::{self, Link};
use super::runs::Runs;
use super::scoring::Scorer;
use super::similarity;
use super::{assign, band, coarse, lengths, lexicon, rewrite, split, translation, AlignOptions, Bead, Costs, Mode, Side};

/// Above this many sentence pairs, translation mode searches near a coarse path.
const FULL_SEARCH: usize = 1 << 22;
/// Sentences of the other side behind each sentence's mean similarity.
const MEAN_SAMPLE: usize = 512;

/// Each sentence's mean similarity to the other side.
struct Means {
    source: Vec<f32>,
    target: Vec<f32>,
}

/// Links and the mode they call for; then the banded n-m DP, or in
/// rewrite mode the order-free matching. Auto also turns to rewrite when
/// the DP had to swallow most sentences into big beads.
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
    // Only confident links testify to a reordering: weak ones fall on
    // some other chain by chance (short translated documents gained two).
    let confident = |chain: &[Link]| chain.iter().filter(|l| l.margin >= CONFIDENT_MARGIN).count();
    let reordered = || {
        let restored = confident(&restored_chain(&links, targets));
        rewrite::is_reordered(links.len(), confident(&chain), restored) || rewrite::is_scrambled(&links, &chain, STRONG_MARGIN)
    };
    let mode = match options.mode {
        Mode::Auto if options.same_language || looks_rewritten(&links) || reordered() => Mode::Rewrite,
        Mode::Auto => Mode::Translation,
        mode => mode,
    };
    if mode == Mode::Rewrite {
        return (matched(source, target, &found, &means, options), Mode::Rewrite);
    }
    let costs = options.costs.unwrap_or_else(Costs::translation);
    let background = Means {
        source: similarity::toward_neighbours(&means.source, &found.source, costs.neighbour_share),
        target: similarity::toward_neighbours(&means.target, &found.target, costs.neighbour_share),
    };
    let search = Search::new(source, target, &background, &chain, costs, options);
    let beads = search.run(None);
    if options.mode == Mode::Auto && rewrite::is_loose(&beads) {
        return (matched(source, target, &found, &means, options), Mode::Rewrite);
    }
    let first = split::split_unhelpful(beads.clone(), source.embeddings, target.embeddings);
    // The mode is decided on the first search: it reads the embeddings alone.
    if options.mode == Mode::Auto && contradicts(&links, &first, sources, targets) {
        return (matched(source, target, &found, &means, options), Mode::Rewrite);
    }
    let (Some(source_words), Some(target_words)) = (source.words, target.words) else { return (first, mode) };
    if costs.lexical_weight == 0.0 {
        return (first, mode);
    }
    let learnt = lexicon::linked_words(source_words, target_words, &beads, options.learning);
    let beads = search.run(Some((&learnt.0, &learnt.1)));
    (split::split_unhelpful(beads, source.embeddings, target.embeddings), mode)
}

/// Whether the monotone alignment split up the two sentences of clearly
/// more strong links than a translation does: in the gold translations
/// at most one link in a document, in rewrites that move a sentence or
/// two (too few moved to trip the other signals) two and more.
fn contradicts(links: &[Link], beads: &[Bead], sources: usize, targets: usize) -> bool {
    let mut source_bead = vec![usize::MAX; sources];
    let mut target_bead = vec![usize::MAX - 1; targets];
    for (n, bead) in beads.iter().enumerate() {
        bead.source.iter().for_each(|&i| source_bead[i] = n);
        bead.target.iter().for_each(|&j| target_bead[j] = n);
    }
    let strong: Vec<&Link> = links.iter().filter(|l| l.margin >= STRONG_MARGIN && l.source < sources && l.target < targets).collect();
    let off = strong.iter().filter(|l| source_bead[l.source] != target_bead[l.target]).count();
    off >= MIN_CONTRADICTED && off as f32 >= MIN_CONTRADICTED_SHARE * strong.len() as f32
}

/// Strong links a monotone alignment must split up before auto turns
/// to rewrite mode, in number and as a share of all strong links.
const MIN_CONTRADICTED: usize = 2;
const MIN_CONTRADICTED_SHARE: f32 = 0.02;

/// Whether strong links fall out of order: in a translation nearly all
/// of them lie on one increasing chain, in a rewrite whose sentences moved a
/// clear share does not.
fn looks_rewritten(links: &[Link]) -> bool {
    let strong: Vec<Link> = links.iter().copied().filter(|l| l.margin >= STRONG_MARGIN).collect();
    let on_chain = anchors::monotone_chain(&strong).len();
    strong.len() >= 4 && (on_chain as f32) < REWRITE_CHAIN_SHARE * strong.len() as f32
}

/// Margin above which a mutual best match counts towards a reordering
/// (`rewrite::is_reordered`). Lower margins are common between unrelated
/// sentences of a weakly embedded language (English–Icelandic).
const CONFIDENT_MARGIN: f32 = 0.03;
/// Margin of a link strong enough to testify against the monotone chain
/// (`looks_rewritten`, `contradicts`, `rewrite::is_scrambled`).
/// English–Icelandic and Chinese–English translations cut into passages
/// of 15–100 gold beads put links of 0.03–0.04 off the chain or across a
/// bead boundary, and auto mode took 36 of 965 such passages for
/// rewrites; at 0.04, with reorderings counted in confident links, 5
/// (README, Measured; `benches/passages.py`).
const STRONG_MARGIN: f32 = 0.04;
/// Share of strong links on the longest increasing chain below which a
/// pair of documents counts as reordered.
const REWRITE_CHAIN_SHARE: f32 = 0.8;

/// Each side's per-sentence linked word pairs (see `lexicon`).
type Learnt<'w> = (&'w [Vec<u32>], &'w [Vec<u32>]);

/// The banded n-m search of translation mode. The band and the run
/// vectors are built once and serve both searches.
struct Search<'s> {
    means: &'s Means,
    source_marks: &'s [Vec<u32>],
    target_marks: &'s [Vec<u32>],
    costs: Costs,
    max_bead: usize,
    band: band::Band,
    source_runs: Runs,
    target_runs: Runs,
}

impl<'s> Search<'s> {
    fn new(source: &Side<'s>, target: &Side<'s>, means: &'s Means, chain: &[Link], costs: Costs, options: &AlignOptions) -> Self {
        let max_side = options.max_bead.max(1);
        Search {
            means,
            source_marks: source.marks.unwrap_or(&[]),
            target_marks: target.marks.unwrap_or(&[]),
            costs,
            max_bead: options.max_bead,
            band: band::around(chain, source.embeddings.len(), target.embeddings.len(), options.window),
            source_runs: Runs::new(source, &lengths(source, options.token_overhead), max_side),
            target_runs: Runs::new(target, &lengths(target, options.token_overhead), max_side),
        }
    }

    /// Beads of the cheapest monotone path; `learnt`: each sentence's
    /// linked word pairs (see `lexicon`), rewarded where a bead keeps them.
    fn run(&self, learnt: Option<Learnt>) -> Vec<Bead> {
        let (means, costs) = (self.means, self.costs);
        let scorer = Scorer::new(&self.source_runs, &self.target_runs, &means.source, &means.target, costs, self.source_marks, self.target_marks);
        let scorer = match learnt {
            Some((source_links, target_links)) => scorer.with_lexicon(source_links, target_links),
            None => scorer,
        };
        translation::align(&scorer, &self.band, self.max_bead)
    }
}

/// Order-free matching (see `assign`).
fn matched(source: &Side, target: &Side, found: &similarity::Neighbours, means: &Means, options: &AlignOptions) -> Vec<Bead> {
    let max_side = options.max_bead.max(1);
    let source_runs = Runs::new(source, &lengths(source, options.token_overhead), max_side);
    let target_runs = Runs::new(target, &lengths(target, options.token_overhead), max_side);
    let background = assign::Background { source: &means.source, target: &means.target };
    // Names clash only within one language: a translation writes places
    // in its own forms (UK, Vereinigtes Königreich) and converts units.
    let (source_marks, target_marks) = match (options.same_language, source.marks, target.marks) {
        (true, Some(source), Some(target)) => (source, target),
        _ => (&[][..], &[][..]),
    };
    let marks = assign::Marks { source: source_marks, target: target_marks };
    assign::align(found, &source_runs, &target_runs, &background, &marks, options.matching, options.max_bead)
}

/// The monotone chain of `links` once the target's blocks are put back
/// into source order (see `rewrite::blocks`).
fn restored_chain(links: &[Link], targets: usize) -> Vec<Link> {
    let (order, _) = rewrite::order(&rewrite::blocks(links, targets));
    let mut place = vec![0; order.len()];
    for (at, &j) in order.iter().enumerate() {
        place[j] = at;
    }
    let moved: Vec<Link> = links.iter().filter(|l| l.target < targets).map(|l| Link { target: place[l.target], ..*l }).collect();
    anchors::monotone_chain(&moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(pairs: &[(usize, usize)], margin: f32) -> Vec<Link> {
        pairs.iter().map(|&(source, target)| Link { source, target, margin }).collect()
    }

    #[test]
    fn only_strong_links_out_of_order_make_a_rewrite() {
        // Two links of six off the chain: moved sentences if strong, chance
        // matches in a weakly linked translation if not.
        let pairs = [(0, 0), (1, 1), (2, 2), (3, 3), (9, 1), (8, 0)];
        assert!(looks_rewritten(&links(&pairs, 0.06)));
        assert!(!looks_rewritten(&links(&pairs, 0.035)));
    }
}
