//! The CI side: SARIF and the other formats over a fixture folder, folder
//! pairing, baselines, config errors and bad files inside a folder.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn folder_args<'a>(source: &'a str, target: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["check", "--source-dir", source, "--target-dir", target, "--source-lang", "en", "--target-lang", "it"];
    args.extend_from_slice(extra);
    args
}

fn sarif_of(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("SARIF is JSON ({e}); stderr: {}", stderr(output)))
}

#[test]
fn sarif_validates_is_stable_and_regions_slice_back() {
    let args = folder_args("fixtures/newsroom/en", "fixtures/newsroom/it", &["--format", "sarif"]);
    let first = transcheck(&args);
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    let sarif = sarif_of(&first);
    let schema: Value = serde_json::from_str(include_str!("../schema/sarif-2.1.0.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!Path::new(uri).is_absolute(), "repository-relative URI: {uri}");
        let text = std::fs::read_to_string(root().join(uri)).unwrap();
        let region = &location["region"];
        let (offset, length) = (region["byteOffset"].as_u64().unwrap() as usize, region["byteLength"].as_u64().unwrap() as usize);
        assert_eq!(&text[offset..offset + length], region["snippet"]["text"].as_str().unwrap());
        let (line, column) = transcheck::document::line_column(&text, offset);
        assert_eq!((region["startLine"].as_u64().unwrap() as usize, region["startColumn"].as_u64().unwrap() as usize), (line, column));
    }

    let second = sarif_of(&transcheck(&args));
    let prints = |s: &Value| -> Vec<Value> {
        s["runs"][0]["results"].as_array().unwrap().iter().map(|r| r["partialFingerprints"].clone()).collect()
    };
    assert_eq!(prints(&sarif), prints(&second), "fingerprints are stable across runs");
}

#[test]
fn folder_run_reports_unpaired_files_and_a_summary() {
    let output = transcheck(&folder_args("fixtures/newsroom/en", "fixtures/newsroom/it", &["--format", "jsonl"]));
    let reports: Vec<Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(reports.len(), 2, "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("2 pairs checked, 0 failed, 1 unpaired"), "{err}");
    assert!(err.contains("weather.txt"), "{err}");
}

#[test]
fn github_gitlab_and_junit_have_their_shapes() {
    let github = stdout(&transcheck(&folder_args("fixtures/newsroom/en", "fixtures/newsroom/it", &["--format", "github"])));
    let annotations: Vec<&str> = github.lines().filter(|l| l.starts_with("::")).collect();
    assert!(!annotations.is_empty(), "{github}");
    for line in &annotations {
        assert!(line.starts_with("::error file=") || line.starts_with("::warning file=") || line.starts_with("::notice file="), "{line}");
        assert!(line.contains(",line=") && line.contains(",col=") && line.contains("::"), "{line}");
    }

    let gitlab: Value = serde_json::from_str(&stdout(&transcheck(&folder_args(
        "fixtures/newsroom/en", "fixtures/newsroom/it", &["--format", "gitlab"])))).unwrap();
    let issues = gitlab.as_array().unwrap();
    let fingerprints: std::collections::HashSet<&str> = issues.iter().map(|i| i["fingerprint"].as_str().unwrap()).collect();
    assert_eq!(fingerprints.len(), issues.len(), "unique fingerprints");
    for issue in issues {
        for key in ["description", "check_name", "severity"] {
            assert!(issue[key].is_string(), "{issue}");
        }
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }

    let junit = stdout(&transcheck(&folder_args("fixtures/newsroom/en", "fixtures/newsroom/it", &["--format", "junit"])));
    assert!(junit.starts_with("<?xml"), "{junit}");
    assert_eq!(junit.matches("<testcase ").count(), 2, "{junit}");
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn baseline_silences_known_findings_and_keeps_new_ones() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("fixtures/newsroom"), work.path());
    let baseline = work.path().join("baseline.json").to_string_lossy().into_owned();
    let run = |extra: &[&str]| {
        let mut args = vec!["baseline"];
        args.extend(folder_args("en", "it", &[])[1..].iter().copied());
        args.extend_from_slice(extra);
        transcheck_in(work.path(), &args)
    };
    let written = run(&["--output", &baseline]);
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));

    let check = || transcheck_in(work.path(), &folder_args("en", "it", &["--baseline", &baseline, "--format", "jsonl"]));
    let findings = |output: &std::process::Output| -> usize {
        stdout(output).lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["findings"].as_array().unwrap().len()).sum()
    };
    let clean = check();
    assert_eq!(findings(&clean), 0, "{}", stdout(&clean));
    assert_eq!(clean.status.code(), Some(0));

    let rail = work.path().join("it/rail.txt");
    let edited = std::fs::read_to_string(&rail).unwrap().replace("ogni 20 minuti", "ogni 25 minuti");
    std::fs::write(&rail, edited).unwrap();
    let after = check();
    assert_eq!(findings(&after), 1, "{}", stdout(&after));
    assert_eq!(after.status.code(), Some(1));
}

#[test]
fn house_spellings_count_only_where_the_target_writes_one() {
    let work = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(work.path().join(name), text).unwrap();
    write("en.txt", "On Saturday, thousands of people walked across the Golden Gate Bridge to mark its anniversary.\n");
    write("zh.txt", "周六，数千人步行穿过金门大桥，纪念大桥建成周年。\n");
    write("other.txt", "周六，数千人步行穿过海湾大桥，纪念大桥建成周年。\n");
    let missing = |target: &str, extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "en.txt", target];
        args.extend_from_slice(extra);
        let output = transcheck_in(work.path(), &args);
        let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&output)));
        report["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "name-missing").count()
    };
    assert_eq!(missing("zh.txt", &["--isolated"]), 1, "rendered by meaning, unknown without the house spelling");
    write("transcheck.toml", "[allow]\nnames = [[\"Golden Gate Bridge\", \"金门大桥\"]]\n");
    assert_eq!(missing("zh.txt", &[]), 0, "the target writes the house spelling");
    assert_eq!(missing("other.txt", &[]), 1, "another bridge: the group does not silence the name");
}

#[test]
fn config_with_unknown_key_names_key_and_line() {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("transcheck.toml"), "target_lang = \"it\"\n\n[allow]\nname = []\n").unwrap();
    let output = transcheck_in(work.path(), &["check", "a.txt", "b.txt"]);
    assert_one_line_error(&output, "transcheck.toml:4:1");
    assert!(stderr(&output).contains("`name`"), "{}", stderr(&output));
}

#[test]
fn bad_files_in_a_folder_fail_alone() {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&root().join("fixtures/newsroom"), work.path());
    std::fs::write(work.path().join("en/photo.txt"), b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
    std::fs::write(work.path().join("it/photo.txt"), b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
    std::fs::write(work.path().join("en/blank.txt"), b"").unwrap();
    std::fs::write(work.path().join("it/blank.txt"), b"").unwrap();
    let output = transcheck_in(work.path(), &folder_args("en", "it", &["--format", "jsonl"]));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let lines: Vec<Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines.iter().filter(|l| l.get("error").is_some()).count(), 2);
    assert_eq!(lines.iter().filter(|l| l.get("alignment").is_some()).count(), 2);
}
