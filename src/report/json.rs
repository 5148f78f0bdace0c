//! JSON printers: one pretty report, or one compact report per line (JSONL).

use serde::Serialize;

use super::Report;

pub fn pretty(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("a report always serialises");
    out.push('\n');
    out
}

pub fn line(report: &Report) -> String {
    let mut out = serde_json::to_string(report).expect("a report always serialises");
    out.push('\n');
    out
}

/// The report line for a pair that could not be checked (`check --pairs`).
#[derive(Debug, Serialize)]
pub struct ErrorReport<'a> {
    pub schema_version: &'a str,
    pub id: &'a str,
    pub error: &'a str,
    pub findings: [(); 0],
}

pub fn error_line(id: &str, error: &str) -> String {
    let report = ErrorReport { schema_version: super::SCHEMA_VERSION, id, error, findings: [] };
    let mut out = serde_json::to_string(&report).expect("an error report always serialises");
    out.push('\n');
    out
}
