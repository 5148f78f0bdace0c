//! Caches word vectors of presegmented sentences, for developing word-level
//! alignment signals offline (see README, Calibration: word coverage).
//!
//! usage: word_cache FILE OUT_PREFIX
//!
//! FILE holds one sentence per line. Writes OUT_PREFIX.w.f32 (little-endian
//! rows of `dim` values, one per word of `WordVectors::of`: the unit mean of
//! the token vectors overlapping the word) and OUT_PREFIX.w.txt (the words
//! of each sentence, tab-separated, one sentence per line), and prints the
//! seconds spent in `token_vectors`.

use transcheck::compare::links::WordVectors;
use transcheck::embed;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, prefix] = args.as_slice() else { anyhow::bail!("usage: word_cache FILE OUT_PREFIX") };
    let text = std::fs::read_to_string(file)?;
    let engine = embed::load(&embed::store::resolve(None)?)?;
    let (mut bytes, mut words, mut seconds) = (Vec::new(), String::new(), 0.0);
    for line in text.lines() {
        let started = std::time::Instant::now();
        let tokens = engine.token_vectors(line)?;
        seconds += started.elapsed().as_secs_f64();
        let vectors = WordVectors::of(line, &tokens);
        for i in 0..vectors.len() {
            bytes.extend(vectors.row(i).iter().flat_map(|x| x.to_le_bytes()));
        }
        let list: Vec<&str> = vectors.spans.iter().map(|s| &line[s.clone()]).collect();
        words.push_str(&list.join("\t"));
        words.push('\n');
    }
    std::fs::write(format!("{prefix}.w.f32"), bytes)?;
    std::fs::write(format!("{prefix}.w.txt"), words)?;
    println!("{file} {seconds:.2}");
    Ok(())
}
