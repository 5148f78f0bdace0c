//! Development harness for the aligner: aligns a gold set from cached
//! embeddings and scores it like `score_align.py`, in seconds.
//!
//! usage: align_dev SET_DIR CACHE_DIR [OUT_DIR] [key=value ...]
//!
//! CACHE_DIR/<set>/<doc>.src.f32 holds little-endian f32 rows (384 wide,
//! or `dim=N` for vectors of another model or several joined) and
//! <doc>.src.tok one token count per line; likewise for .tgt.
//! Keys: mode, max_bead, window, neighbours, the `Costs` fields (skip,
//! size_exponent, merged_weight, member_weight, bead_bonus, length_weight,
//! marks_weight, verbatim_weight, neighbour_share,
//! quote_end_weight, wordless_weight),
//! lengths=tokens|chars, concat=N (cached embeddings of runs of 2..=N+1
//! sentences, <doc>.src.c2.f32 …),
//! marks=0 (no punctuation marks), verbose=1 (mode per document on stderr),
//! same_language=1 (the documents are in one language).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use transcheck::align::{align_sides, AlignOptions, Bead, Costs, Mode, Side};
use transcheck::embed::Embeddings;

type Beads = Vec<(Vec<usize>, Vec<usize>)>;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (positional, settings): (Vec<_>, Vec<_>) = args.iter().partition(|a| !a.contains('='));
    let set = PathBuf::from(positional.first().ok_or_else(|| anyhow::anyhow!("SET_DIR?"))?);
    let cache = PathBuf::from(positional.get(1).ok_or_else(|| anyhow::anyhow!("CACHE_DIR?"))?);
    let out = positional.get(2).map(PathBuf::from);
    let settings: BTreeMap<String, String> =
        settings.iter().filter_map(|s| s.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let options = options_from(&settings)?;
    let set_name = set.file_name().unwrap_or_default().to_string_lossy().to_string();
    let mut docs: Vec<String> = std::fs::read_dir(&set)?
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".gold").map(String::from))
        .collect();
    docs.sort();
    let (mut pairs, mut seconds) = (Vec::new(), 0.0);
    for doc in &docs {
        let side = |ext: &str| load(&cache.join(&set_name).join(format!("{doc}.{ext}")), &set.join(format!("{doc}.{ext}")), &settings);
        let ((source, source_lengths, source_runs), (target, target_lengths, target_runs)) = (side("src")?, side("tgt")?);
        let started = std::time::Instant::now();
        let read = |ext: &str| std::fs::read_to_string(set.join(format!("{doc}.{ext}")));
        let (source_text, target_text) = (read("src")?, read("tgt")?);
        // Trimmed as the CLI trims presegmented lines.
        let source_lines: Vec<&str> = source_text.lines().map(str::trim).collect();
        let target_lines: Vec<&str> = target_text.lines().map(str::trim).collect();
        let (source_marks, target_marks) = if settings.get("marks").is_some_and(|m| m == "0") {
            (Vec::new(), Vec::new())
        } else {
            transcheck::align::document_marks(&source_lines, &target_lines)
        };
        let (source_words, target_words) = (transcheck::align::document_words(&source_lines), transcheck::align::document_words(&target_lines));
        let source = Side { embeddings: &source, lengths: Some(&source_lengths), runs: &source_runs, marks: Some(&source_marks), words: Some(&source_words) };
        let target = Side { embeddings: &target, lengths: Some(&target_lengths), runs: &target_runs, marks: Some(&target_marks), words: Some(&target_words) };
        let alignment = align_sides(source, target, &options);
        seconds += started.elapsed().as_secs_f64();
        if settings.contains_key("verbose") {
            eprintln!("{doc}: {:?}", alignment.mode);
        }
        if let Some(out) = &out {
            std::fs::create_dir_all(out)?;
            std::fs::write(out.join(format!("{doc}.beads")), format_beads(&alignment.beads))?;
        }
        let gold = read_beads(&std::fs::read_to_string(set.join(format!("{doc}.gold")))?);
        let test = alignment.beads.iter().map(|b| (b.source.clone(), b.target.clone())).collect();
        pairs.push((gold, test));
    }
    let s = score(&pairs);
    println!(
        "set={set_name} strict_p={:.3} strict_r={:.3} strict_f1={:.3} lax_p={:.3} lax_r={:.3} lax_f1={:.3} align_s={seconds:.3}",
        s[0], s[1], s[2], s[3], s[4], s[5]
    );
    Ok(())
}

fn options_from(settings: &BTreeMap<String, String>) -> anyhow::Result<AlignOptions> {
    let mut o = AlignOptions::default();
    let mode = settings.get("mode").map_or("translation", String::as_str);
    o.mode = match mode {
        "rewrite" => Mode::Rewrite,
        "auto" => Mode::Auto,
        _ => Mode::Translation,
    };
    let mut costs = if o.mode == Mode::Rewrite { Costs::rewrite() } else { Costs::translation() };
    let mut custom = false;
    for (key, value) in settings {
        let mut cost = |field: &mut f32| -> anyhow::Result<()> {
            custom = true;
            *field = value.parse()?;
            Ok(())
        };
        match key.as_str() {
            "max_bead" => o.max_bead = value.parse()?,
            "same_language" => o.same_language = value == "1",
            "window" => o.window = value.parse()?,
            "neighbours" => o.neighbours = value.parse()?,
            "skip" => cost(&mut costs.skip)?,
            "size_exponent" => cost(&mut costs.size_exponent)?,
            "merged_weight" => cost(&mut costs.merged_weight)?,
            "member_weight" => cost(&mut costs.member_weight)?,
            "bead_bonus" => cost(&mut costs.bead_bonus)?,
            "length_weight" => cost(&mut costs.length_weight)?,
            "marks_weight" => cost(&mut costs.marks_weight)?,
            "verbatim_weight" => cost(&mut costs.verbatim_weight)?,
            "neighbour_share" => cost(&mut costs.neighbour_share)?,
            "quote_end_weight" => cost(&mut costs.quote_end_weight)?,
            "wordless_weight" => cost(&mut costs.wordless_weight)?,
            "lexical_weight" => cost(&mut costs.lexical_weight)?,
            "min_joint" => o.learning.min_joint = value.parse()?,
            "min_dice" => o.learning.min_dice = value.parse()?,
            "min_beads" => o.learning.min_beads = value.parse()?,
            "margin" => o.matching.margin = value.parse()?,
            "distance" => o.matching.distance = value.parse()?,
            "context_distance" => o.matching.context_distance = value.parse()?,
            "clash_distance" => o.matching.clash_distance = value.parse()?,
            "merge_gain" => o.matching.merge_gain = value.parse()?,
            "merge_distance" => o.matching.merge_distance = value.parse()?,
            "mode" | "lengths" | "concat" | "verbose" | "marks" | "dim" => {}
            _ => anyhow::bail!("unknown key {key}"),
        }
    }
    o.costs = custom.then_some(costs);
    Ok(o)
}

fn load(cached: &Path, text: &Path, settings: &BTreeMap<String, String>) -> anyhow::Result<(Embeddings, Vec<f64>, Vec<Embeddings>)> {
    let data = floats(&cached.with_extension(format!("{}.f32", ext(cached))))?;
    let tokens: Vec<usize> = std::fs::read_to_string(cached.with_extension(format!("{}.tok", ext(cached))))?
        .lines()
        .map(|l| l.trim().parse())
        .collect::<Result<_, _>>()?;
    let lengths = if settings.get("lengths").map(String::as_str) == Some("chars") {
        std::fs::read_to_string(text)?.lines().map(|l| l.chars().count().max(1) as f64).collect()
    } else {
        tokens.iter().map(|&t| t.saturating_sub(6).max(1) as f64).collect()
    };
    let mut runs = Vec::new();
    let concat: usize = settings.get("concat").map_or(Ok(0), |c| c.parse())?;
    if concat > 0 {
        for len in 2..=concat.min(3) + 1 {
            let data = floats(&cached.with_extension(format!("{}.c{len}.f32", ext(cached))))?;
            runs.push(Embeddings { dim: 384, tokens: vec![0; data.len() / 384], data, truncated: vec![] });
        }
    }
    let dim: usize = settings.get("dim").map_or(Ok(384), |d| d.parse())?;
    Ok((Embeddings { dim, data, tokens, truncated: vec![] }, lengths, runs))
}

fn floats(path: &Path) -> anyhow::Result<Vec<f32>> {
    let bytes = std::fs::read(path)?;
    Ok(bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
}

fn ext(path: &Path) -> String {
    path.extension().unwrap_or_default().to_string_lossy().to_string()
}

fn format_beads(beads: &[Bead]) -> String {
    let list = |v: &[usize]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ");
    beads.iter().map(|b| format!("[{}]:[{}]\n", list(&b.source), list(&b.target))).collect()
}

fn read_beads(text: &str) -> Beads {
    let side = |s: &str| s.split([',', ' ']).filter(|x| !x.is_empty()).filter_map(|x| x.parse().ok()).collect();
    text.lines()
        .filter_map(|line| {
            let (source, target) = line.trim().split_once(':')?;
            Some((side(source.trim().trim_start_matches('[').trim_end_matches(']')), side(target.trim().trim_start_matches('[').trim_end_matches(']'))))
        })
        .collect()
}

/// strict P, R, F1, lax P, R, F1, as score_align.py computes them.
fn score(pairs: &[(Beads, Beads)]) -> [f64; 6] {
    let (mut p, mut r) = ([0usize; 4], [0usize; 4]);
    for (gold, test) in pairs {
        add(&mut p, hits(gold, test));
        let both = |b: &Beads| b.iter().filter(|(s, t)| !s.is_empty() && !t.is_empty()).cloned().collect::<Beads>();
        add(&mut r, hits(&both(test), &both(gold)));
    }
    let ratio = |a: usize, b: usize| if a + b > 0 { a as f64 / (a + b) as f64 } else { 0.0 };
    let f1 = |x: f64, y: f64| if x + y > 0.0 { 2.0 * x * y / (x + y) } else { 0.0 };
    let (ps, pl, rs, rl) = (ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3]));
    [ps, rs, f1(ps, rs), pl, rl, f1(pl, rl)]
}

fn add(total: &mut [usize; 4], more: [usize; 4]) {
    for (t, m) in total.iter_mut().zip(more) {
        *t += m;
    }
}

fn hits(reference: &Beads, predicted: &Beads) -> [usize; 4] {
    let set: HashSet<_> = reference.iter().cloned().collect();
    let predicted: HashSet<_> = predicted.iter().cloned().collect();
    let mut h = [0usize; 4];
    for (s, t) in predicted {
        if s.is_empty() && t.is_empty() {
            continue;
        }
        if set.contains(&(s.clone(), t.clone())) {
            h[0] += 1;
            h[2] += 1;
            continue;
        }
        h[1] += 1;
        let lax = reference.iter().any(|(rs, rt)| s.iter().any(|x| rs.contains(x)) && t.iter().any(|y| rt.contains(y)));
        h[if lax { 2 } else { 3 }] += 1;
    }
    h
}
