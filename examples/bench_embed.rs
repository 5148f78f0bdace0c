//! Embedding throughput and memory of the candle engine; built with
//! `--features rust-bert`, then also candle and libtorch side by side on the
//! same workload, rounds alternating between them.
//!
//! `cargo run --release --example bench_embed -- [WORKLOAD] [ROUNDS]`
//! (see `benches/run_embed_bench.sh`, which also runs the reference engine).
//! Set `RAYON_NUM_THREADS` to pin the thread count (both engines follow it).
//! Prints `key: value` lines.

use std::path::PathBuf;
use std::time::Instant;

use transcheck::embed::{self, store};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let workload = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/workload.txt")
    });
    let rounds: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(5);
    let text = std::fs::read_to_string(&workload)?;
    let sentences: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();

    let dir = store::resolve(None)?;
    let start = Instant::now();
    let engine = embed::load(&dir)?;
    println!("load_ms: {:.0}", start.elapsed().as_secs_f64() * 1000.0);
    println!("peak_rss_mb_after_load: {:.0}", peak_rss_mb());
    println!("threads: {}", candle_core::utils::get_num_threads());
    println!("sentences: {}", sentences.len());

    engine.embed(&sentences[..16.min(sentences.len())])?; // warm-up
    let start = Instant::now();
    let mut tokens = 0;
    for _ in 0..rounds {
        tokens += engine.embed(&sentences)?.tokens.iter().sum::<usize>();
    }
    let secs = start.elapsed().as_secs_f64();
    println!("sentences_per_s: {:.1}", (rounds * sentences.len()) as f64 / secs);
    println!("tokens_per_s: {:.0}", tokens as f64 / secs);
    println!("peak_rss_mb_after_workload: {:.0}", peak_rss_mb());

    // Memory goal: 1,000 sentences in one call.
    let thousand: Vec<&str> = sentences.iter().cycle().take(1000).copied().collect();
    let start = Instant::now();
    engine.embed(&thousand)?;
    println!("secs_1000: {:.2}", start.elapsed().as_secs_f64());
    println!("peak_rss_mb_1000: {:.0}", peak_rss_mb());

    #[cfg(feature = "rust-bert")]
    side_by_side(engine.as_ref(), &dir, &sentences, rounds)?;
    Ok(())
}

/// Candle vs libtorch, alternating rounds so that machine noise hits both.
#[cfg(feature = "rust-bert")]
fn side_by_side(candle: &dyn embed::Embedder, dir: &std::path::Path, sentences: &[&str], rounds: usize) -> anyhow::Result<()> {
    let start = Instant::now();
    let torch = embed::TorchEngine::load(dir)?;
    println!("rust_bert_load_ms: {:.0}", start.elapsed().as_secs_f64() * 1000.0);
    let engines: [(&str, &dyn embed::Embedder); 2] = [("candle", candle), ("rust-bert", &torch)];
    let mut secs = [0f64; 2];
    let mut tokens = [0usize; 2];
    embed::Embedder::embed(&torch, &sentences[..16.min(sentences.len())])?; // warm-up
    for _ in 0..rounds {
        for (i, (_, engine)) in engines.iter().enumerate() {
            let start = Instant::now();
            tokens[i] += engine.embed(sentences)?.tokens.iter().sum::<usize>();
            secs[i] += start.elapsed().as_secs_f64();
        }
    }
    let rate = |i: usize| tokens[i] as f64 / secs[i];
    for (i, (name, engine)) in engines.iter().enumerate() {
        println!("side_by_side {name} ({}): {:.0} tokens/s", engine.info().engine, rate(i));
    }
    println!("side_by_side ratio rust-bert/candle: {:.2}", rate(1) / rate(0));
    println!("peak_rss_mb_both_engines: {:.0}", peak_rss_mb());
    Ok(())
}

/// Peak resident set size (VmHWM) in MiB; 0 where /proc is unavailable.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok());
    kb.unwrap_or(0.0) / 1024.0
}
