//! `transcheck check`: one pair, a JSONL file of pairs (`--pairs`), or two
//! folders (`--source-dir/--target-dir`). Many pairs share one model load and
//! run in parallel; a pair that fails gets an error entry, the rest go on.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;
use transcheck::document::{Bilingual, ReadOptions};
use transcheck::folder::{self, PairPattern};
use transcheck::report::{github, gitlab, json, junit, sarif, text, Severity};
use transcheck::{Checker, Document, Report};

use super::pairs::{self, Job};
use super::summary;
use super::{ModelOptions, PipelineArgs};

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Readable findings with the divergent spans marked.
    Text,
    /// One JSON report (an array for several pairs); see schema/report.schema.json.
    Json,
    /// One compact JSON report per line.
    Jsonl,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions annotations (`::error file=…::`).
    Github,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// JUnit XML, one test case per pair.
    Junit,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The original; `-` for stdin.
    #[arg(required_unless_present_any = ["pairs", "dump_config", "source_dir"], conflicts_with_all = ["pairs", "source_dir"])]
    pub source: Option<String>,
    /// The translation or rewrite; `-` for stdin. Not given for a bilingual
    /// file (XLIFF, TMX, PO), which holds both.
    pub target: Option<String>,

    /// Read inputs as this format instead of the one their extension implies.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<transcheck::document::Format>,

    /// CMS JSON: the text fields to check, as JSON pointers (`/headline,/body`).
    /// Default: every string field named headline, title, standfirst, body, text or caption.
    #[arg(long, value_name = "POINTERS", value_delimiter = ',')]
    pub fields: Vec<String>,

    /// Check many pairs: JSONL with {"id", "source_text"|"source_path",
    /// "target_text"|"target_path", "source_lang"?, "target_lang"?} per line.
    /// Paths are relative to the JSONL file's folder.
    #[arg(long, value_name = "FILE", conflicts_with = "source_dir")]
    pub pairs: Option<String>,

    /// Folder of originals, paired with --target-dir by relative path.
    #[arg(long, value_name = "DIR", requires = "target_dir")]
    pub source_dir: Option<PathBuf>,

    /// Folder of translations (may equal --source-dir with --pair-pattern).
    #[arg(long, value_name = "DIR", requires = "source_dir")]
    pub target_dir: Option<PathBuf>,

    /// Pair files by name instead of path, e.g. `{}.en.md={}.it.md`.
    #[arg(long, value_name = "SOURCE=TARGET", requires = "source_dir")]
    pub pair_pattern: Option<String>,

    #[command(flatten)]
    pub pipeline: PipelineArgs,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Report only findings not listed in this baseline (see `transcheck baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Print the configuration in force (TOML) and exit.
    #[arg(long)]
    pub dump_config: bool,
}

/// What became of one pair.
pub type Outcome = Result<Report, pairs::Failure>;

pub fn run(args: &CheckArgs, options: &ModelOptions) -> anyhow::Result<u8> {
    if args.dump_config {
        return dump_config(args);
    }
    let baseline = args.baseline.as_deref().map(super::baseline::load).transpose()?;
    let started = Instant::now();
    let (mut outcomes, unpaired) = check_all(args, options)?;
    if let Some(baseline) = &baseline {
        for report in outcomes.iter_mut().flatten() {
            super::baseline::filter(report, baseline);
        }
    }
    let single = args.source.is_some();
    if single {
        if let Some(Err(failure)) = outcomes.first() {
            anyhow::bail!("{}", failure.message);
        }
    }
    super::write_stdout(&print(&outcomes, args, single))?;
    if !single {
        let table = summary::render(&outcomes, &unpaired, started.elapsed());
        if args.format == Format::Text {
            super::write_stdout(&table)?;
        } else {
            eprint!("{table}");
        }
    }
    Ok(exit_code(&outcomes, args.fail_on))
}

/// Every pair's outcome, and the files left without a counterpart.
pub fn check_all(args: &CheckArgs, options: &ModelOptions) -> anyhow::Result<(Vec<Outcome>, Vec<PathBuf>)> {
    options.engine.require()?;
    let config = args.pipeline.config()?;
    let (jobs, unpaired) = jobs(args)?;
    let checker = Checker::new(super::model::ensure_model(options)?, config);
    Ok((run_jobs(&checker, &jobs), unpaired))
}

fn dump_config(args: &CheckArgs) -> anyhow::Result<u8> {
    let (path, file) = args.pipeline.file_config()?;
    let origin = path.map_or("# no config file found; defaults\n".to_string(), |p| format!("# from {}\n", p.display()));
    super::write_stdout(&(origin + &toml::to_string_pretty(&file)?))?;
    Ok(0)
}

/// The pairs to check, and files left without a counterpart.
fn jobs(args: &CheckArgs) -> anyhow::Result<(Vec<Job>, Vec<PathBuf>)> {
    let options = ReadOptions { format: args.input_format, fields: args.fields.clone() };
    if let Some(path) = &args.pairs {
        let plain = ReadOptions { format: Some(transcheck::document::Format::Text), ..Default::default() };
        let text = Document::read_with(path, &plain).context("reading --pairs")?.text;
        return Ok((pairs::from_jsonl(path, &text, &options), Vec::new()));
    }
    if let (Some(source_dir), Some(target_dir)) = (&args.source_dir, &args.target_dir) {
        let pattern = args.pair_pattern.as_deref().map(PairPattern::parse).transpose()?;
        let pairing = folder::pair(source_dir, target_dir, pattern.as_ref())?;
        return Ok((pairs::from_files(pairing.pairs, &options), pairing.unpaired));
    }
    let source = args.source.clone().unwrap_or_default();
    let bilingual = options.format_of(&source).is_bilingual();
    let target = match (&args.target, bilingual) {
        (None, true) => return Ok((vec![Job::bilingual(Bilingual::read(&source, &options)?)], Vec::new())),
        (Some(_), true) => anyhow::bail!("{source} holds both source and target; check it on its own: transcheck check {source}"),
        (None, false) => anyhow::bail!("give the translation too (transcheck check ORIGINAL TRANSLATION), or a bilingual file (.xlf, .tmx, .po)"),
        (Some(target), false) => target.clone(),
    };
    if source == "-" && target == "-" {
        anyhow::bail!("only one of the two documents can be read from stdin ('-')");
    }
    // Read now, before the model loads, so a bad path fails fast.
    let documents = (Document::read_with(&source, &options)?, Document::read_with(&target, &options)?);
    Ok((vec![Job::loaded(documents)], Vec::new()))
}

fn run_jobs(checker: &Checker, jobs: &[Job]) -> Vec<Outcome> {
    let progress = summary::progress(jobs.len());
    let outcomes = jobs
        .par_iter()
        .map(|job| {
            let outcome = check_job(checker, job);
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            outcome
        })
        .collect();
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    outcomes
}

fn check_job(checker: &Checker, job: &Job) -> Outcome {
    if let Some(file) = job.as_bilingual() {
        return checker.check_units(file, &Default::default()).map_err(|e| job.fail(anyhow::Error::from(e)));
    }
    let (source, target, languages) = job.load()?;
    let mut report = checker
        .check_in(&source, &target, &languages)
        .map_err(|e| job.fail(anyhow::Error::from(e)))?;
    report.id = job.id.clone();
    Ok(report)
}

fn print(outcomes: &[Outcome], args: &CheckArgs, single: bool) -> String {
    let reports: Vec<&Report> = outcomes.iter().flatten().collect();
    let owned: Vec<Report> = reports.iter().map(|r| (*r).clone()).collect();
    for failure in outcomes.iter().filter_map(|o| o.as_ref().err()) {
        if !matches!(args.format, Format::Jsonl | Format::Json | Format::Text) {
            eprintln!("transcheck: error: {}", failure.message);
        }
    }
    match args.format {
        Format::Json if single => owned.first().map(json::pretty).unwrap_or_default(),
        Format::Json => {
            let values: Vec<serde_json::Value> = outcomes.iter().map(to_value).collect();
            serde_json::to_string_pretty(&values).expect("reports always serialise") + "\n"
        }
        Format::Jsonl => outcomes.iter().map(|o| match o {
            Ok(report) => json::line(report),
            Err(failure) => json::error_line(&failure.id, &failure.message),
        }).collect(),
        Format::Text => outcomes.iter().map(|o| match o {
            Ok(report) if single => text::render(report, text_style()),
            Ok(report) => format!("== {} → {}\n{}\n", report.source.path, report.target.path, text::render(report, text_style())),
            Err(failure) => format!("== {}\nerror: {}\n\n", failure.id, failure.message),
        }).collect(),
        Format::Sarif => sarif::render(&owned),
        Format::Github => github::render(&owned),
        Format::Gitlab => gitlab::render(&owned),
        Format::Junit => junit::render(&owned, args.fail_on.threshold()),
    }
}

fn to_value(outcome: &Outcome) -> serde_json::Value {
    match outcome {
        Ok(report) => serde_json::to_value(report).expect("reports always serialise"),
        Err(failure) => serde_json::from_str(&json::error_line(&failure.id, &failure.message)).expect("valid JSON"),
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set.
fn text_style() -> text::Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if std::io::stdout().is_terminal() && !no_color {
        text::Style::Colour
    } else {
        text::Style::Plain
    }
}

pub fn report_code(report: &Report, fail_on: FailOn) -> u8 {
    match (report.worst(), fail_on.threshold()) {
        (Some(worst), Some(threshold)) if worst >= threshold => 1,
        _ => 0,
    }
}

/// 2 if any pair could not be checked, else 1 if any reached `--fail-on`.
fn exit_code(outcomes: &[Outcome], fail_on: FailOn) -> u8 {
    let mut code = 0;
    for outcome in outcomes {
        code = code.max(match outcome {
            Ok(report) => report_code(report, fail_on),
            Err(_) => 2,
        });
    }
    code
}
