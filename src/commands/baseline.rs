//! Baselines: the fingerprints of reviewed findings, so that later runs
//! report only new ones. Fingerprints hold no line numbers, so edits
//! elsewhere in a file keep them.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use transcheck::report::location::fingerprint;
use transcheck::Report;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema_version: String,
    pub fingerprints: BTreeSet<String>,
}

pub fn load(path: &Path) -> anyhow::Result<Baseline> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the baseline", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{}: not a transcheck baseline", path.display()))
}

/// Drops findings the baseline lists and recounts the summary.
pub fn filter(report: &mut Report, baseline: &Baseline) {
    let findings = std::mem::take(&mut report.findings);
    report.findings = findings.into_iter().filter(|f| !baseline.fingerprints.contains(&fingerprint(f, report))).collect();
    report.summary = transcheck::report::Summary::of(&report.findings);
}

/// `transcheck baseline`: check as `check` would, then write the fingerprints.
#[derive(clap::Args, Debug)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub check: super::check::CheckArgs,

    /// Where to write the baseline (JSON).
    #[arg(long, value_name = "FILE")]
    pub output: std::path::PathBuf,
}

pub fn run(args: &BaselineArgs, options: &super::ModelOptions) -> anyhow::Result<u8> {
    let (outcomes, _) = super::check::check_all(&args.check, options)?;
    if let Some(failure) = outcomes.iter().find_map(|o| o.as_ref().err()) {
        anyhow::bail!("cannot write a baseline while a pair fails: {}", failure.message);
    }
    let baseline = of(outcomes.iter().flatten());
    let text = serde_json::to_string_pretty(&baseline)? + "\n";
    std::fs::write(&args.output, text).with_context(|| format!("{}: cannot write the baseline", args.output.display()))?;
    eprintln!("transcheck: wrote {} fingerprints to {}", baseline.fingerprints.len(), args.output.display());
    Ok(0)
}

fn of<'r>(reports: impl Iterator<Item = &'r Report>) -> Baseline {
    let fingerprints = reports.flat_map(|r| r.findings.iter().map(move |f| fingerprint(f, r))).collect();
    Baseline { schema_version: "1.0".into(), fingerprints }
}
