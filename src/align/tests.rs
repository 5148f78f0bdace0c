//! End-to-end checks of `align` on small synthetic documents.

use super::*;

const DIM: usize = 48;

/// Deterministic pseudo-random unit-ish vectors sharing a common direction,
/// as real sentence embeddings do.
fn topic(seed: u64) -> Vec<f32> {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut v: Vec<f32> = (0..DIM)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 1000) as f32 / 1000.0 - 0.5
        })
        .collect();
    v[0] += 2.0; // the shared direction
    v
}

fn unit(v: Vec<f32>) -> Vec<f32> {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    v.into_iter().map(|x| x / n).collect()
}

/// Target sentence made of source topics `parts` (a merge if several), with a little noise.
fn sentence(parts: &[u64], noise: u64) -> Vec<f32> {
    let mut v = vec![0f32; DIM];
    for &p in parts {
        v.iter_mut().zip(topic(p)).for_each(|(x, y)| *x += y);
    }
    v.iter_mut().zip(topic(noise + 10_000)).for_each(|(x, y)| *x += 0.15 * y);
    unit(v)
}

fn embeddings(rows: Vec<Vec<f32>>, tokens: Vec<usize>) -> Embeddings {
    Embeddings { dim: DIM, data: rows.concat(), tokens, truncated: vec![] }
}

fn source(count: u64) -> Embeddings {
    embeddings((0..count).map(|i| sentence(&[i], 500 + i)).collect(), vec![20; count as usize])
}

fn pairs(alignment: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
    alignment.beads.iter().map(|b| (b.source.clone(), b.target.clone())).collect()
}

fn translation() -> AlignOptions {
    AlignOptions { mode: Mode::Translation, ..AlignOptions::default() }
}

#[test]
fn monotone_one_to_one() {
    let target = embeddings((0..12).map(|i| sentence(&[i], i)).collect(), vec![20; 12]);
    let alignment = align(&source(12), &target, &AlignOptions::default());
    assert_eq!(alignment.mode, Mode::Translation);
    let expected: Vec<_> = (0..12).map(|i| (vec![i], vec![i])).collect();
    assert_eq!(pairs(&alignment), expected);
    assert!(alignment.beads.iter().all(|b| b.similarity > 0.9));
}

#[test]
fn shared_number_places_an_ambiguous_line() {
    // Target 4 is as close to source 3 as to source 4; the number both
    // sides carry says which bead it belongs to.
    let rows: Vec<Vec<f32>> = (0..8u64).map(|i| sentence(&[i], i)).collect();
    let mut rows: Vec<Vec<f32>> = rows[..4].to_vec();
    rows.push(sentence(&[3, 4], 99));
    rows.extend((4..8u64).map(|i| sentence(&[i], i)));
    let target = embeddings(rows, vec![20, 20, 20, 20, 8, 20, 20, 20, 20]);
    let place = |numbered_source: usize| {
        let source_marks: Vec<Vec<u32>> =
            (0..8).map(|i| marks(if i == numbered_source { "Sie zahlten 1955 Franken." } else { "" })).collect();
        let target_marks: Vec<Vec<u32>> = (0..9).map(|j| marks(if j == 4 { "Soit 1955 francs." } else { "" })).collect();
        let source = source(8);
        let alignment = align_sides(
            Side { marks: Some(&source_marks), ..Side::new(&source) },
            Side { marks: Some(&target_marks), ..Side::new(&target) },
            &translation(),
        );
        pairs(&alignment).into_iter().find(|(_, t)| t.contains(&4)).map(|(s, _)| s)
    };
    assert_eq!(place(3), Some(vec![3]));
    assert_eq!(place(4), Some(vec![4]));
}

#[test]
fn two_sources_merged_into_one_target() {
    // Target 3 says what sources 3 and 4 say, in one sentence of double length.
    let mut rows = Vec::new();
    let mut tokens = Vec::new();
    for i in 0..10u64 {
        if i == 4 {
            continue;
        }
        rows.push(if i == 3 { sentence(&[3, 4], 3) } else { sentence(&[i], i) });
        tokens.push(if i == 3 { 34 } else { 20 });
    }
    let alignment = align(&source(10), &embeddings(rows, tokens), &translation());
    assert!(pairs(&alignment).contains(&(vec![3, 4], vec![3])), "{:?}", pairs(&alignment));
    assert!(pairs(&alignment).contains(&(vec![5], vec![4])));
}

#[test]
fn dropped_sentence_is_a_deletion() {
    let rows: Vec<_> = (0..10u64).filter(|&i| i != 6).map(|i| sentence(&[i], i)).collect();
    let alignment = align(&source(10), &embeddings(rows, vec![20; 9]), &translation());
    assert!(pairs(&alignment).contains(&(vec![6], vec![])), "{:?}", pairs(&alignment));
    assert!(pairs(&alignment).contains(&(vec![7], vec![6])));
}

#[test]
fn swapped_blocks_need_rewrite_mode() {
    // Target = source 10..20 then source 0..10.
    let order: Vec<u64> = (10..20).chain(0..10).collect();
    let target = embeddings(order.iter().map(|&i| sentence(&[i], i)).collect(), vec![20; 20]);
    let alignment = align(&source(20), &target, &AlignOptions::default());
    assert_eq!(alignment.mode, Mode::Rewrite);
    for (j, &i) in order.iter().enumerate() {
        assert!(pairs(&alignment).contains(&(vec![i as usize], vec![j])), "{:?}", pairs(&alignment));
    }
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let empty = Embeddings { dim: DIM, ..Embeddings::default() };
    let one = source(1);
    let zeros = embeddings(vec![vec![0.0; DIM]; 3], vec![0; 3]);
    let nan = embeddings(vec![vec![f32::NAN; DIM]; 2], vec![5; 2]);
    let short = Embeddings { dim: DIM, data: vec![0.5; 7], tokens: vec![4; 3], truncated: vec![] };
    for mode in [Mode::Auto, Mode::Translation, Mode::Rewrite] {
        let options = AlignOptions { mode, ..AlignOptions::default() };
        for (s, t) in [(&empty, &empty), (&empty, &one), (&one, &empty), (&one, &one), (&zeros, &one), (&nan, &zeros), (&short, &one)] {
            let alignment = align(s, t, &options);
            let covered_source: usize = alignment.beads.iter().map(|b| b.source.len()).sum();
            let covered_target: usize = alignment.beads.iter().map(|b| b.target.len()).sum();
            assert_eq!((covered_source, covered_target), (s.len(), t.len()));
            assert_ne!(alignment.mode, Mode::Auto);
        }
    }
}

fn rewrite() -> AlignOptions {
    AlignOptions { mode: Mode::Rewrite, ..AlignOptions::default() }
}

#[test]
fn scrambled_sentences_are_matched_one_to_one() {
    // Single sentences moved, source 4 dropped, an unrelated target 5 added.
    let order: [u64; 8] = [7, 2, 0, 5, 1, 900, 3, 6];
    let target = embeddings(order.iter().map(|&i| sentence(&[i], i)).collect(), vec![20; 8]);
    let alignment = align(&source(8), &target, &AlignOptions::default());
    assert_eq!(alignment.mode, Mode::Rewrite);
    let found = pairs(&alignment);
    for (j, &i) in order.iter().enumerate().filter(|(_, &i)| i < 8) {
        assert!(found.contains(&(vec![i as usize], vec![j])), "{found:?}");
    }
    assert!(found.contains(&(vec![4], vec![])), "{found:?}");
    assert!(found.contains(&(vec![], vec![5])), "{found:?}");
}

#[test]
fn split_sentence_keeps_both_halves() {
    // Source 3 says what targets 0 and 1 say; the rest is reversed.
    let mut rows = vec![sentence(&[3], 3), sentence(&[30], 30)];
    rows.extend([5u64, 4, 2, 1, 0].iter().map(|&i| sentence(&[i], i)));
    let mut source_rows: Vec<Vec<f32>> = (0..6u64).map(|i| sentence(&[i], 500 + i)).collect();
    source_rows[3] = sentence(&[3, 30], 503);
    let source = embeddings(source_rows, vec![20, 20, 20, 40, 20, 20]);
    let found = pairs(&align(&source, &embeddings(rows, vec![20; 7]), &rewrite()));
    assert!(found.contains(&(vec![3], vec![0, 1])), "{found:?}");
    assert!(found.contains(&(vec![5], vec![2])), "{found:?}");
}

#[test]
fn a_wordless_line_stands_on_its_own() {
    // Target 4 is OCR debris ("- _-") whose vector leans towards source 3:
    // by the vectors alone it joins target 3's bead.
    let mut rows: Vec<Vec<f32>> = (0..4u64).map(|i| sentence(&[i], i)).collect();
    rows.push(sentence(&[3, 90], 77));
    rows.extend((4..8u64).map(|i| sentence(&[i], i)));
    let target = embeddings(rows, vec![20, 20, 20, 20, 4, 20, 20, 20, 20]);
    let source_marks: Vec<Vec<u32>> = (0..8).map(|_| marks("Ein Satz.")).collect();
    let target_marks: Vec<Vec<u32>> = (0..9).map(|j| marks(if j == 4 { "- _-" } else { "Une phrase." })).collect();
    let source = source(8);
    let bead_of_debris = |wordless_weight: f32| {
        let options = AlignOptions { costs: Some(Costs { wordless_weight, ..Costs::translation() }), ..translation() };
        let alignment = align_sides(
            Side { marks: Some(&source_marks), ..Side::new(&source) },
            Side { marks: Some(&target_marks), ..Side::new(&target) },
            &options,
        );
        pairs(&alignment).into_iter().find(|(_, t)| t.contains(&4)).unwrap()
    };
    assert_eq!(bead_of_debris(0.0), (vec![3], vec![3, 4]), "the vectors alone merge it");
    assert_eq!(bead_of_debris(Costs::translation().wordless_weight), (vec![], vec![4]));
}

#[test]
fn a_weak_pair_whose_names_clash_is_no_pair_in_one_language() {
    // Target 5 says something else about source 4's subject (half its
    // topic): close enough to pair by the vectors alone. Where both name
    // people and share none, in one language, it is an addition.
    let order: [u64; 7] = [6, 2, 0, 5, 1, 4, 3];
    let mut rows: Vec<Vec<f32>> = order.iter().map(|&i| sentence(&[i], i)).collect();
    rows[5] = sentence(&[4, 900], 5);
    let target = embeddings(rows, vec![20; 7]);
    let source = source(7);
    let source_marks: Vec<Vec<u32>> = (0..7).map(|i| marks(if i == 4 { "said Clara Moretti." } else { "Nothing." })).collect();
    let found = |target_named: &str, same_language: bool| {
        let target_marks: Vec<Vec<u32>> = (0..7).map(|j| marks(if j == 5 { target_named } else { "Nothing." })).collect();
        // These vectors share one strong direction, so their distances sit
        // below e5's (this pair's is 0.49): the clash limit goes lower too.
        let matching = MatchThresholds { clash_distance: 0.3, ..MatchThresholds::default() };
        let options = AlignOptions { same_language, matching, ..rewrite() };
        pairs(&align_sides(
            Side { marks: Some(&source_marks), ..Side::new(&source) },
            Side { marks: Some(&target_marks), ..Side::new(&target) },
            &options,
        ))
    };
    assert!(found("told Pavel Ostrov.", false).contains(&(vec![4], vec![5])), "the vectors alone pair them");
    assert!(found("said Clara Moretti.", true).contains(&(vec![4], vec![5])), "a shared name keeps the pair");
    let clash = found("told Pavel Ostrov.", true);
    assert!(clash.contains(&(vec![4], vec![])) && clash.contains(&(vec![], vec![5])), "{clash:?}");
}
