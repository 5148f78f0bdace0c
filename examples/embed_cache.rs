//! Caches a document's sentence embeddings for `align_dev`.
//!
//! usage: embed_cache FILE OUT_PREFIX
//!
//! Detects the language, segments like the CLI, and writes OUT_PREFIX.f32
//! (little-endian rows), OUT_PREFIX.tok (token counts) and OUT_PREFIX
//! itself (one sentence per line), so a cached set can be built from any pair.

use transcheck::{detect, embed, segment};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, prefix] = args.as_slice() else { anyhow::bail!("usage: embed_cache FILE OUT_PREFIX") };
    let text = std::fs::read_to_string(file)?;
    let language = detect::resolve(&text, None)?.language;
    let sentences: Vec<String> =
        segment::segment(&text, &language).iter().map(|s| s.text(&text).split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let engine = embed::load(&embed::store::resolve(None)?)?;
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let embeddings = engine.embed(&refs)?;
    let bytes: Vec<u8> = embeddings.data.iter().flat_map(|x| x.to_le_bytes()).collect();
    std::fs::write(format!("{prefix}.f32"), bytes)?;
    let tokens: String = embeddings.tokens.iter().map(|t| format!("{t}\n")).collect();
    std::fs::write(format!("{prefix}.tok"), tokens)?;
    std::fs::write(prefix, sentences.join("\n") + "\n")?;
    Ok(())
}
