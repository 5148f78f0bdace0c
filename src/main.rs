//! The command-line front end: parses arguments, runs the library, prints,
//! and maps the outcome to an exit code (0 clean, 1 findings, 2 errors).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;

use commands::ModelOptions;

#[derive(Parser)]
#[command(name = "transcheck", version, about = "Check a translated or rewritten news report against its original.",
    long_about = "Check a translated or rewritten news report against its original.\n\n\
transcheck detects each document's language, splits both into sentences, aligns them with a \
multilingual sentence-embedding model, and reports where names, numbers or quotes diverge, where \
sentences were dropped or added, and where text was left untranslated.\n\n\
Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, input or model error.")]
struct Cli {
    #[command(flatten)]
    model: ModelOptions,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare a translation or rewrite with its original and report divergences.
    Check(commands::check::CheckArgs),
    /// Record today's findings so that `check --baseline` reports only new ones.
    Baseline(commands::baseline::BaselineArgs),
    /// Align the sentences of two documents and print the beads.
    Align(commands::align::AlignArgs),
    /// Split a document into sentences (one per line, or JSON).
    Segment(commands::segment::SegmentArgs),
    /// Embed sentences, one per line, and print tokens and vectors as JSONL.
    Embed(commands::embed::EmbedArgs),
    /// Fetch, import or describe the embedding model.
    #[command(subcommand)]
    Model(commands::model::ModelCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Check(args) => commands::check::run(args, &cli.model),
        Command::Baseline(args) => commands::baseline::run(args, &cli.model),
        Command::Align(args) => commands::align::run(args, &cli.model),
        Command::Segment(args) => commands::segment::run(args),
        Command::Embed(args) => commands::embed::run(args, &cli.model),
        Command::Model(command) => commands::model::run(command, &cli.model),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("transcheck: error: {}", one_line(&error));
            ExitCode::from(2)
        }
    }
}

/// The error chain on one line, outermost context first.
fn one_line(error: &anyhow::Error) -> String {
    error.chain().map(|e| e.to_string()).collect::<Vec<_>>().join(": ")
}
