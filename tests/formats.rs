//! Inputs in their formats: the same article pair as text, Markdown, HTML and
//! CMS JSON gives the same findings, each pointing at its own file; the
//! bilingual formats give the same fact findings per unit; malformed files
//! fail with the file and line. Set TRANSCHECK_BLESS=1 to rewrite the
//! expected findings.

mod common;

use common::{fixture, root, stderr, stdout, transcheck};
use serde_json::Value;

const MONOLINGUAL: [(&str, &str); 4] = [
    ("harbour/en.txt", "harbour/it.txt"),
    ("formats/en.md", "formats/it.md"),
    ("formats/en.html", "formats/it.html"),
    ("formats/en.json", "formats/it.json"),
];

const BILINGUAL: [&str; 5] = [
    "formats/article.en-it.xlf",
    "formats/article.en-it.xliff2.xlf",
    "formats/article.en-it.tmx",
    "formats/article.it.po",
    "formats/article.en-it.utf16.xlf",
];

fn report(args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "json", "--fail-on", "never", "--isolated"];
    all.extend_from_slice(args);
    let output = transcheck(&all);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON report");
    let schema: Value = serde_json::from_str(include_str!("../schema/report.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator.iter_errors(&report).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "report does not match the schema: {errors:#?}");
    report
}

/// A file as the reports see it: decoded, without a byte-order mark.
fn original(path: &str) -> String {
    let bytes = std::fs::read(fixture(path)).unwrap();
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
        return String::from_utf16(&units).unwrap();
    }
    String::from_utf8(bytes).unwrap()
}

/// Asserts that a location's text is the file's bytes and its line/column right.
fn assert_points_into(location: &Value, file: &str, path: &str) {
    let (start, end) = (location["start"].as_u64().unwrap() as usize, location["end"].as_u64().unwrap() as usize);
    assert_eq!(file.get(start..end), location["text"].as_str(), "{path}: {location}");
    let before = &file[..start];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    assert_eq!((location["line"].as_u64(), location["column"].as_u64()), (Some(line as u64), Some(column as u64)), "{path}: {location}");
}

fn assert_all_point_into(report: &Value, source: &str, target: &str) {
    let (source_text, target_text) = (original(source), original(target));
    for (side, file, path) in [("source", &source_text, source), ("target", &target_text, target)] {
        for sentence in report[side]["sentences"].as_array().unwrap() {
            assert_points_into(sentence, file, path);
        }
        for finding in report["findings"].as_array().unwrap() {
            if !finding[side].is_null() {
                assert_points_into(&finding[side], file, path);
            }
        }
    }
}

fn rules_and_messages(report: &Value, only: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["message"].as_str().unwrap().to_string()))
        .filter(|(rule, _)| only(rule))
        .collect();
    found.sort();
    found
}

/// The findings with their locations, as checked in.
fn check_expected(report: &Value, name: &str) {
    let findings = serde_json::to_string_pretty(&report["findings"]).unwrap() + "\n";
    let path = root().join("fixtures/formats/expected").join(format!("{name}.json"));
    if std::env::var_os("TRANSCHECK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &findings).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing; run with TRANSCHECK_BLESS=1", path.display()));
    assert_eq!(findings, expected, "findings of {name} differ from {}", path.display());
}

#[test]
fn monolingual_formats_agree_and_point_into_their_files() {
    let mut first: Option<Vec<(String, String)>> = None;
    for (source, target) in MONOLINGUAL {
        let report = report(&[&fixture(source), &fixture(target)]);
        assert_all_point_into(&report, source, target);
        let findings = rules_and_messages(&report, |_| true);
        assert!(findings.iter().any(|(rule, _)| rule == "number-mismatch"), "{source}: {findings:?}");
        match &first {
            None => first = Some(findings),
            Some(first) => assert_eq!(&findings, first, "{source} disagrees with the plain-text pair"),
        }
        let name = source.rsplit('/').next().unwrap().replace("en.", "");
        if name != "txt" {
            check_expected(&report, &name);
        }
    }
}

#[test]
fn bilingual_formats_agree_on_facts_per_unit() {
    let facts = |rule: &str| ["number-", "name-", "quote-"].iter().any(|p| rule.starts_with(p));
    let mut first: Option<Vec<(String, String)>> = None;
    for path in BILINGUAL {
        let report = report(&[&fixture(path)]);
        assert_all_point_into(&report, path, path);
        assert_eq!(report["alignment"].as_array().unwrap().len(), report["source"]["sentences"].as_array().unwrap().len(), "{path}: one bead per single-sentence unit");
        for finding in report["findings"].as_array().unwrap() {
            let unit = finding["target"]["unit"].as_str().or(finding["source"]["unit"].as_str());
            assert!(unit.is_some_and(|u| !u.is_empty()), "{path}: finding without a unit: {finding}");
        }
        let findings = rules_and_messages(&report, facts);
        assert!(findings.iter().any(|(_, m)| m.contains("48.5 million euros")), "{path}: {findings:?}");
        match &first {
            None => first = Some(findings),
            Some(first) => assert_eq!(&findings, first, "{path} disagrees with the XLIFF 1.2 file"),
        }
        let placeholders = rules_and_messages(&report, |r| r == "placeholder-mismatch");
        assert_eq!(placeholders.len(), usize::from(!path.ends_with(".po")), "{path}: {placeholders:?}");
        let name = path.rsplit('/').next().unwrap().replace("article.", "");
        check_expected(&report, &name);
    }
}

#[test]
fn malformed_inputs_exit_2_with_file_and_line() {
    let cases = [
        (vec!["formats/malformed/mismatched.xlf"], "line 6"),
        (vec!["formats/malformed/unclosed.po"], "line 4"),
        (vec!["formats/malformed/truncated.html", "harbour/it.txt"], "line 5"),
        (vec!["formats/malformed/trailing-comma.json", "harbour/it.txt"], "line 4"),
    ];
    for (paths, line) in cases {
        let args: Vec<String> = paths.iter().map(|p| fixture(p)).collect();
        let mut all = vec!["check", "--isolated"];
        all.extend(args.iter().map(String::as_str));
        let output = transcheck(&all);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{paths:?}: {err}");
        assert!(err.contains(paths[0].rsplit('/').next().unwrap()) && err.contains(line), "{paths:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn a_bilingual_file_takes_no_second_file() {
    let output = transcheck(&["check", &fixture("formats/article.en-it.xlf"), &fixture("harbour/it.txt")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("on its own"));
}
