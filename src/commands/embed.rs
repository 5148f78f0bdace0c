//! `transcheck embed FILE`: a stage debug command. One JSON object per input
//! line: the text, the token ids the model saw, and the unit embedding.

use std::io::{BufRead, Write};

use anyhow::Context;
use transcheck::embed;

use super::ModelOptions;

#[derive(clap::Args, Debug)]
pub struct EmbedArgs {
    /// One sentence per line; `-` for stdin.
    pub file: String,
}

pub fn run(args: &EmbedArgs, options: &ModelOptions) -> anyhow::Result<u8> {
    let lines = read_lines(&args.file)?;
    options.engine.require()?;
    // The debug command needs the concrete engine for token ids.
    let dir = super::model::ensure_installed(options)?;
    match options.engine {
        embed::Engine::Candle => {
            let engine = embed::BertEngine::load(&dir)?;
            emit(&lines, &engine, |t| engine.token_ids(t))
        }
        embed::Engine::RustBert => emit_torch(&lines, &dir),
    }
}

#[cfg(feature = "rust-bert")]
fn emit_torch(lines: &[String], dir: &std::path::Path) -> anyhow::Result<u8> {
    let engine = embed::TorchEngine::load(dir)?;
    emit(lines, &engine, |t| engine.token_ids(t))
}

#[cfg(not(feature = "rust-bert"))]
fn emit_torch(_lines: &[String], _dir: &std::path::Path) -> anyhow::Result<u8> {
    Err(embed::not_built().into())
}

fn emit(
    lines: &[String],
    engine: &dyn embed::Embedder,
    token_ids: impl Fn(&str) -> transcheck::Result<Vec<u32>>,
) -> anyhow::Result<u8> {
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let out = engine.embed(&refs)?;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, text) in lines.iter().enumerate() {
        let mut ids = token_ids(text)?;
        if out.truncated.contains(&i) {
            let last = ids.last().copied();
            ids.truncate(out.tokens[i].saturating_sub(1));
            ids.extend(last);
        }
        let row = serde_json::json!({ "text": text, "tokens": ids, "embedding": out.row(i) });
        writeln!(stdout, "{row}")?;
    }
    stdout.flush()?;
    Ok(0)
}

fn read_lines(file: &str) -> anyhow::Result<Vec<String>> {
    let reader: Box<dyn BufRead> = if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(file).with_context(|| format!("{file}: cannot open"))?;
        Box::new(std::io::BufReader::new(f))
    };
    reader.lines().collect::<Result<_, _>>().with_context(|| format!("{file}: cannot read"))
}
