//! The closing summary of a many-pair run, and its progress bar.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::check::Outcome;
use super::pairs;

/// A progress bar on stderr, only when stderr is a terminal.
pub fn progress(total: usize) -> Option<ProgressBar> {
    if total < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} pairs {elapsed}") {
        bar.set_style(style);
    }
    Some(bar)
}

pub fn render(outcomes: &[Outcome], unpaired: &[PathBuf], wall: Duration) -> String {
    let reports: Vec<_> = outcomes.iter().flatten().collect();
    let failed = outcomes.len() - reports.len();
    let mut by_rule: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for finding in reports.iter().flat_map(|r| &r.findings) {
        let severity = serde_json::to_value(finding.severity).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        *by_rule.entry((finding.rule.id(), severity)).or_default() += 1;
    }
    let embed_ms: f64 = reports.iter().map(|r| r.timing.embed_ms).sum();
    let mut out = String::new();
    let _ = writeln!(out, "\nsummary: {} pairs checked, {failed} failed, {} unpaired files", reports.len(), unpaired.len());
    for path in unpaired {
        let _ = writeln!(out, "  unpaired: {}", path.display());
    }
    for ((rule, severity), count) in &by_rule {
        let _ = writeln!(out, "  {count:>5}  {severity:<7} {rule}");
    }
    let mut slowest: Vec<_> = reports.iter().collect();
    slowest.sort_by(|a, b| b.timing.total_ms.total_cmp(&a.timing.total_ms));
    for report in slowest.iter().take(3) {
        let paths = format!("{} → {}", report.source.path, report.target.path);
        // Text given inline has a placeholder for its path: show the id.
        let inline = pairs::is_inline(&report.source.path) && pairs::is_inline(&report.target.path);
        let pair = match &report.id {
            Some(id) if inline => id.clone(),
            Some(id) => format!("{id}: {paths}"),
            None => paths,
        };
        let _ = writeln!(out, "  slow: {:>8.0} ms  {pair}", report.timing.total_ms);
    }
    let _ = writeln!(out, "  wall time {:.2} s; embedding {:.2} s summed over pairs", wall.as_secs_f64(), embed_ms / 1e3);
    out
}
