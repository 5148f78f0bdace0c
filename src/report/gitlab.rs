//! GitLab Code Quality report (the merge-request widget's JSON).

use serde_json::{json, Value};

use super::location::{fingerprint, primary, relative_uri};
use super::{Report, Severity};

pub fn render(reports: &[Report]) -> String {
    let issues: Vec<Value> = reports
        .iter()
        .flat_map(|report| {
            report.findings.iter().filter_map(move |finding| {
                let (path, at) = primary(finding, report)?;
                Some(json!({
                    "type": "issue",
                    "check_name": finding.rule.id(),
                    "description": finding.message,
                    "categories": ["Bug Risk"],
                    "severity": match finding.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                        Severity::Info => "info",
                    },
                    "fingerprint": fingerprint(finding, report),
                    "location": {"path": relative_uri(path), "lines": {"begin": at.line}},
                }))
            })
        })
        .collect();
    serde_json::to_string_pretty(&issues).expect("a list of issues always serialises") + "\n"
}
