//! `transcheck check SRC TGT` and `check --pairs FILE.jsonl`.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Context;
use serde::Deserialize;
use transcheck::report::{github, gitlab, json, junit, sarif, text, Severity};
use transcheck::{Checker, Document, Languages, Report};

use super::{ModelOptions, PipelineArgs};

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Readable findings with the divergent spans marked.
    Text,
    /// One JSON report (see schema/report.schema.json).
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

impl Format {
    /// Formats that print each pair as it is checked; the others need them all.
    fn streams(self) -> bool {
        matches!(self, Format::Text | Format::Jsonl)
    }
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
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
    #[arg(required_unless_present_any = ["pairs", "dump_config"], conflicts_with = "pairs")]
    pub source: Option<String>,
    /// The translation or rewrite; `-` for stdin.
    #[arg(required_unless_present_any = ["pairs", "dump_config"])]
    pub target: Option<String>,

    /// Check many pairs: JSONL with {"id", "source_text"|"source_path",
    /// "target_text"|"target_path", "source_lang"?, "target_lang"?} per line.
    /// Paths are relative to the JSONL file's folder.
    #[arg(long, value_name = "FILE")]
    pub pairs: Option<String>,

    #[command(flatten)]
    pub pipeline: PipelineArgs,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Print the configuration in force (TOML) and exit.
    #[arg(long, exclusive = false)]
    pub dump_config: bool,
}

pub fn run(args: &CheckArgs, options: &ModelOptions) -> anyhow::Result<u8> {
    if args.dump_config {
        let (path, file) = args.pipeline.file_config()?;
        let origin = path.map_or("# no config file found; defaults\n".to_string(), |p| format!("# from {}\n", p.display()));
        super::write_stdout(&(origin + &toml::to_string_pretty(&file)?))?;
        return Ok(0);
    }
    let config = args.pipeline.config()?;
    if let Some(pairs) = &args.pairs {
        let lines = read_pairs(pairs)?;
        let checker = Checker::new(super::model::ensure_model(options)?, config);
        return check_pairs(&checker, pairs, &lines, args);
    }
    let (source, target) = (args.source.as_deref().unwrap_or("-"), args.target.as_deref().unwrap_or("-"));
    if source == "-" && target == "-" {
        anyhow::bail!("only one of the two documents can be read from stdin ('-')");
    }
    let source = Document::read(source)?;
    let target = Document::read(target)?;
    let checker = Checker::new(super::model::ensure_model(options)?, config);
    let report = checker.check(&source, &target)?;
    let code = exit_code(&report, args.fail_on);
    super::write_stdout(&print(std::slice::from_ref(&report), args))?;
    Ok(code)
}

fn print(reports: &[Report], args: &CheckArgs) -> String {
    match args.format {
        Format::Json if reports.len() == 1 => json::pretty(&reports[0]),
        Format::Json => serde_json::to_string_pretty(reports).expect("reports always serialise") + "\n",
        Format::Jsonl => reports.iter().map(json::line).collect(),
        Format::Text => reports.iter().map(|r| text::render(r, text_style())).collect::<Vec<_>>().join("\n"),
        Format::Sarif => sarif::render(reports),
        Format::Github => github::render(reports),
        Format::Gitlab => gitlab::render(reports),
        Format::Junit => junit::render(reports, args.fail_on.threshold()),
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

fn exit_code(report: &Report, fail_on: FailOn) -> u8 {
    match (report.worst(), fail_on.threshold()) {
        (Some(worst), Some(threshold)) if worst >= threshold => 1,
        _ => 0,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    id: serde_json::Value,
    source_text: Option<String>,
    source_path: Option<String>,
    target_text: Option<String>,
    target_path: Option<String>,
    source_lang: Option<String>,
    target_lang: Option<String>,
}

fn read_pairs(path: &str) -> anyhow::Result<String> {
    let document = Document::read(path).with_context(|| "reading --pairs".to_string())?;
    Ok(document.text)
}

/// One report line per pair; a bad pair gets an error line, not an abort.
fn check_pairs(checker: &Checker, pairs_path: &str, lines: &str, args: &CheckArgs) -> anyhow::Result<u8> {
    let folder = Path::new(pairs_path).parent().unwrap_or(Path::new("."));
    let (mut code, mut failed, mut held) = (0, false, Vec::new());
    for (number, line) in lines.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let fallback_id = format!("line-{}", number + 1);
        match check_pair(checker, folder, line) {
            Ok(report) => {
                code = code.max(exit_code(&report, args.fail_on));
                if args.format.streams() {
                    let id = report.id.clone().unwrap_or_default();
                    let out = print(std::slice::from_ref(&report), args);
                    super::write_stdout(&if args.format == Format::Text { format!("== {id}\n{out}") } else { out })?;
                } else {
                    held.push(report);
                }
            }
            Err((id, error)) => {
                failed = true;
                let message = format!("{pairs_path}:{}: {error:#}", number + 1);
                let id = id.unwrap_or(fallback_id);
                if args.format.streams() {
                    super::write_stdout(&json::error_line(&id, &message))?;
                } else {
                    eprintln!("transcheck: error: pair {id}: {message}");
                }
            }
        }
    }
    if !args.format.streams() {
        super::write_stdout(&print(&held, args))?;
    }
    Ok(if failed { code.max(2) } else { code })
}

type PairError = (Option<String>, anyhow::Error);

fn check_pair(checker: &Checker, folder: &Path, line: &str) -> Result<Report, PairError> {
    let pair: Pair = serde_json::from_str(line).map_err(|e| (id_of(line), anyhow::anyhow!("invalid pair: {e}")))?;
    let id = match &pair.id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let fail = |e: anyhow::Error| (Some(id.clone()), e);
    let source = side(folder, &pair.source_text, &pair.source_path, "source").map_err(fail)?;
    let target = side(folder, &pair.target_text, &pair.target_path, "target").map_err(fail)?;
    let languages = Languages { source: pair.source_lang.clone(), target: pair.target_lang.clone() };
    let mut report = checker.check_in(&source, &target, &languages).map_err(|e| fail(e.into()))?;
    report.id = Some(id);
    Ok(report)
}

fn side(folder: &Path, text: &Option<String>, path: &Option<String>, name: &str) -> anyhow::Result<Document> {
    match (text, path) {
        (Some(text), None) => Ok(Document::from_text(format!("<{name}_text>"), text.clone())),
        (None, Some(path)) => Ok(Document::read(&folder.join(path).to_string_lossy())?),
        _ => anyhow::bail!("give exactly one of {name}_text and {name}_path"),
    }
}

/// The id of a line that failed to parse as a pair, when it has one.
fn id_of(line: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    match value.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}
