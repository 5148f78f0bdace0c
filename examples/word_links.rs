//! Development aid: word alignments of sentence pairs, for calibrating the
//! name rules. Reads JSON lines `{"id", "source_text", "target_text",
//! "source_lang"}` on stdin and writes one JSON line per pair: the words of
//! each side, their cosine matrix (source rows), and each side's names as
//! word indices, and each side's quotes the same way.
//!
//! usage: word_links [MODEL_DIR] < pairs.jsonl > links.jsonl

use std::io::{BufRead, Write};

use transcheck::compare::links::{Links, WordVectors};
use transcheck::extract::{self, FactKind};

fn facts(text: &str, language: &str, words: &WordVectors, kind: FactKind) -> Vec<serde_json::Value> {
    extract::extract(text, 0, language)
        .into_iter()
        .filter(|f| f.kind == kind)
        .map(|f| serde_json::json!({"value": f.value, "weak": f.weak, "words": words.within(&(f.span.start..f.span.end))}))
        .collect()
}

fn main() -> anyhow::Result<()> {
    let dir = transcheck::embed::resolve(std::env::args().nth(1).as_deref().map(std::path::Path::new))?;
    let embedder = transcheck::embed::load(&dir)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in std::io::stdin().lock().lines() {
        let pair: serde_json::Value = serde_json::from_str(&line?)?;
        let text = |key: &str| pair[key].as_str().unwrap_or("").to_string();
        let (source, target, language) = (text("source_text"), text("target_text"), text("source_lang"));
        let target_language = text("target_lang");
        let links = Links::compute(embedder.as_ref(), &source, &target).ok_or_else(|| anyhow::anyhow!("no token vectors"))?;
        let words = |t: &str, w: &WordVectors| w.spans.iter().map(|s| t[s.clone()].to_string()).collect::<Vec<_>>();
        let matrix: Vec<Vec<f32>> = (0..links.source.len())
            .map(|i| (0..links.target.len()).map(|j| (links.similarity(i, j) * 1000.0).round() / 1000.0).collect())
            .collect();
        let record = serde_json::json!({
            "id": pair["id"],
            "source_words": words(&source, &links.source),
            "target_words": words(&target, &links.target),
            "matrix": matrix,
            "source_names": facts(&source, &language, &links.source, FactKind::Name),
            "target_names": facts(&target, "en", &links.target, FactKind::Name),
            "source_quotes": facts(&source, &language, &links.source, FactKind::Quote),
            "target_quotes": facts(&target, &target_language, &links.target, FactKind::Quote),
        });
        writeln!(out, "{record}")?;
    }
    Ok(())
}
