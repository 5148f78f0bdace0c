//! JUnit XML: one test case per checked pair, failing when it has findings
//! at or above the threshold; CI systems show these as test results.

use std::fmt::Write;

use super::{Report, Severity};

pub fn render(reports: &[Report], threshold: Option<Severity>) -> String {
    let fails = |r: &Report| threshold.is_some_and(|t| r.worst().is_some_and(|w| w >= t));
    let failures = reports.iter().filter(|r| fails(r)).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<testsuites name=\"transcheck\" tests=\"{}\" failures=\"{failures}\">", reports.len());
    let _ = writeln!(out, "  <testsuite name=\"transcheck\" tests=\"{}\" failures=\"{failures}\">", reports.len());
    for report in reports {
        let name = escape(&format!("{} → {}", report.source.path, report.target.path));
        let _ = write!(out, "    <testcase classname=\"transcheck\" name=\"{name}\"");
        if !fails(report) {
            out.push_str("/>\n");
            continue;
        }
        let s = &report.summary;
        let message = format!("{} errors, {} warnings, {} infos", s.errors, s.warnings, s.infos);
        let details: String = report.findings.iter()
            .map(|f| format!("{}[{}] {}\n", severity(f.severity), f.rule.id(), f.message))
            .collect();
        let _ = writeln!(out, ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>", escape(&message), escape(&details));
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
