//! Snapshot tests over the fixture pairs with the real model: each report must
//! validate against the schema, every span must slice back to its text, and
//! the findings and beads must equal the checked-in expected report.
//! `TRANSCHECK_BLESS=1 cargo test --release --test fixtures` rewrites them.

mod common;

use common::*;
use serde_json::{json, Value};

const PAIRS: &[(&str, &str, &str)] = &[
    ("harbour/en.txt", "harbour/it.txt", "harbour/expected-it.json"),
    ("harbour/en.txt", "harbour/ru.txt", "harbour/expected-ru.json"),
    ("harbour/en.txt", "harbour/zh.txt", "harbour/expected-zh.json"),
    ("rewrite/original.txt", "rewrite/rewrite.txt", "rewrite/expected.json"),
    // One English report and its copies, each with the same injected errors.
    ("rules/en.txt", "rules/it.txt", "rules/expected-it.json"),
    ("rules/en.txt", "rules/ru.txt", "rules/expected-ru.json"),
    ("rules/en.txt", "rules/zh.txt", "rules/expected-zh.json"),
    ("rules/en.txt", "rules/ar.txt", "rules/expected-ar.json"),
    ("rules/en.txt", "rules/en-edited.txt", "rules/expected-en-edited.json"),
];

fn report(source: &str, target: &str) -> (Value, Option<i32>) {
    // Relative paths keep the reports free of this checkout's location.
    let output = transcheck(&["check", "--format", "json", &format!("fixtures/{source}"), &format!("fixtures/{target}")]);
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{source} → {target}: stdout is not a report ({e}); stderr: {}", stderr(&output)));
    (report, output.status.code())
}

/// The parts of a report that must not drift: languages, beads, findings.
fn essentials(report: &Value) -> Value {
    let beads: Vec<Value> = report["alignment"].as_array().unwrap().iter()
        .map(|b| json!([b["source"], b["target"]]))
        .collect();
    json!({
        "mode": report["mode"],
        "source_language": report["source"]["language"],
        "target_language": report["target"]["language"],
        "alignment": beads,
        "findings": report["findings"],
        "summary": report["summary"],
    })
}

fn assert_spans_slice_back(report: &Value, source: &str, target: &str) {
    let texts = [("source", std::fs::read_to_string(fixture(source)).unwrap()),
                 ("target", std::fs::read_to_string(fixture(target)).unwrap())];
    for finding in report["findings"].as_array().unwrap() {
        for (side, text) in &texts {
            let location = &finding[*side];
            if location.is_null() {
                continue;
            }
            let (start, end) = (location["start"].as_u64().unwrap() as usize, location["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[start..end], location["text"].as_str().unwrap(), "{side} span of {finding}");
            let (line, column) = transcheck::document::line_column(text, start);
            assert_eq!((location["line"].as_u64().unwrap() as usize, location["column"].as_u64().unwrap() as usize), (line, column));
        }
    }
}

fn assert_valid(report: &Value) {
    let schema: Value = serde_json::from_str(include_str!("../schema/report.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator.iter_errors(report).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "report does not match the schema: {errors:#?}");
}

#[test]
fn fixture_reports_match_expected() {
    let bless = std::env::var_os("TRANSCHECK_BLESS").is_some();
    for (source, target, expected) in PAIRS {
        let (report, code) = report(source, target);
        assert_valid(&report);
        assert_spans_slice_back(&report, source, target);
        let worst_is_error = report["summary"]["errors"].as_u64().unwrap() > 0;
        assert_eq!(code, Some(if worst_is_error { 1 } else { 0 }), "exit code of {target}");
        let actual = essentials(&report);
        let path = fixture(expected);
        if bless {
            std::fs::write(&path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
            continue;
        }
        let wanted: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(actual, wanted, "{source} → {target} differs from {expected}");
    }
}

#[test]
fn fail_on_never_exits_zero_and_text_output_names_rules() {
    let output = transcheck(&["check", "--fail-on", "never", &fixture("rewrite/original.txt"), &fixture("rewrite/rewrite.txt")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("error[name-mismatch]"), "{text}");
    assert!(text.contains("info[name-variant]"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when NO_COLOR is set and stdout is not a terminal");
}

/// The errors injected into every copy in `fixtures/rules/` (see its README).
const INJECTED: &[&str] = &[
    "number-mismatch", "number-missing", "name-mismatch", "name-missing", "quote-altered",
    "quote-missing", "sentence-missing", "sentence-added", "untranslated",
];

/// Injected errors that the checker does not find yet, per copy. Shrink this
/// list as the checker improves; the test fails when an entry is found.
const KNOWN_MISSES: &[(&str, &str)] = &[
    // Same language: nothing is left untranslated.
    ("en-edited", "untranslated"),
];

#[test]
fn injected_errors_are_found_in_every_language() {
    for copy in ["it", "ru", "zh", "ar", "en-edited"] {
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(fixture(&format!("rules/expected-{copy}.json"))).unwrap()).unwrap();
        let findings = expected["findings"].as_array().unwrap();
        let found = |rule: &str| findings.iter().any(|f| f["rule"] == rule);
        for rule in INJECTED {
            let missed = KNOWN_MISSES.contains(&(copy, rule));
            assert_eq!(found(rule), !missed, "{copy}: {rule} {}", if missed { "is found now: drop it from KNOWN_MISSES" } else { "was not found" });
        }
        for finding in findings.iter().filter(|f| f["severity"] == "error") {
            assert!(INJECTED.contains(&finding["rule"].as_str().unwrap()), "{copy}: error not injected: {finding}");
        }
    }
}
