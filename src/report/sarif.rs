//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

use serde_json::{json, Value};

use super::location::{end_of, fingerprint, primary, relative_uri};
use super::{Finding, Location, Report, Rule, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(reports: &[Report]) -> String {
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|report| report.findings.iter().filter_map(move |f| result(f, report)))
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "transcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/transcheck/transcheck",
                "rules": Rule::ALL.iter().map(|r| rule(*r)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("SARIF always serialises") + "\n"
}

fn rule(rule: Rule) -> Value {
    json!({
        "id": rule.id(),
        "shortDescription": {"text": rule.description()},
        "fullDescription": {"text": rule.description()},
        "help": {"text": rule.help()},
        "defaultConfiguration": {"level": level(rule.default_severity())},
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(finding: &Finding, report: &Report) -> Option<Value> {
    let (path, at) = primary(finding, report)?;
    let mut result = json!({
        "ruleId": finding.rule.id(),
        "ruleIndex": Rule::ALL.iter().position(|r| *r == finding.rule),
        "level": level(finding.severity),
        "message": {"text": finding.message},
        "locations": [physical(path, at)],
        "partialFingerprints": {"transcheckFinding/v1": fingerprint(finding, report)},
    });
    if let (Some(source), Some(_)) = (&finding.source, &finding.target) {
        let mut related = physical(&report.source.path, source);
        related["id"] = json!(0);
        related["message"] = json!({"text": "in the original"});
        result["relatedLocations"] = json!([related]);
    }
    Some(result)
}

fn physical(path: &str, at: &Location) -> Value {
    let (end_line, end_column) = end_of(at);
    json!({"physicalLocation": {
        "artifactLocation": {"uri": relative_uri(path)},
        "region": {
            "startLine": at.line, "startColumn": at.column,
            "endLine": end_line, "endColumn": end_column,
            "byteOffset": at.start, "byteLength": at.end - at.start,
            "snippet": {"text": at.text},
        },
    }})
}
