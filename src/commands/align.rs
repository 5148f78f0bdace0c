//! `transcheck align SRC TGT`: sentence alignment alone, as beads.

use std::fmt::Write;

use transcheck::align::Bead;
use transcheck::{Checker, Document};

use super::{ModelOptions, PipelineArgs};

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlignFormat {
    /// `[i, j]:[k]` lines, 0-based sentence indices (the aligner papers' format).
    Beads,
    /// One JSON document with the sentences, beads, similarities and mode.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct AlignArgs {
    /// The original; `-` for stdin.
    pub source: String,
    /// The translation or rewrite; `-` for stdin.
    pub target: String,

    #[command(flatten)]
    pub pipeline: PipelineArgs,

    #[arg(long, value_enum, default_value_t = AlignFormat::Beads)]
    pub format: AlignFormat,
}

pub fn run(args: &AlignArgs, options: &ModelOptions) -> anyhow::Result<u8> {
    let config = args.pipeline.config()?;
    let source = Document::read(&args.source)?;
    let target = Document::read(&args.target)?;
    let checker = Checker::new(super::model::ensure_model(options)?, config);
    let (source, target, alignment) = checker.align(&source, &target)?;
    let out = match args.format {
        AlignFormat::Beads => beads(&alignment.beads),
        AlignFormat::Json => {
            let json = serde_json::json!({
                "mode": alignment.mode,
                "source": {"path": source.document.origin, "language": source.language.language,
                           "sentences": source.sentence_texts()},
                "target": {"path": target.document.origin, "language": target.language.language,
                           "sentences": target.sentence_texts()},
                "alignment": alignment.beads,
            });
            serde_json::to_string_pretty(&json)? + "\n"
        }
    };
    super::write_stdout(&out)?;
    Ok(0)
}

fn beads(beads: &[Bead]) -> String {
    let list = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
    beads.iter().fold(String::new(), |mut out, bead| {
        let _ = writeln!(out, "[{}]:[{}]", list(&bead.source), list(&bead.target));
        out
    })
}
