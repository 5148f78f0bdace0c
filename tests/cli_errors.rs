//! Bad input never panics: each case gives exit 2 and a one-line error that
//! names the file, or a valid report.

mod common;

use common::*;

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let path = path.to_string_lossy().into_owned();
    (dir, path)
}

#[test]
fn missing_path() {
    let output = transcheck(&["check", "no-such-file.txt", &fixture("harbour/it.txt")]);
    assert_one_line_error(&output, "no-such-file.txt");
}

#[test]
fn invalid_utf8() {
    let (_dir, path) = temp_file("latin1.txt", b"Citt\xe0 di Valmora.\n");
    let output = transcheck(&["check", &fixture("harbour/en.txt"), &path]);
    assert_one_line_error(&output, "latin1.txt");
    assert!(stderr(&output).contains("UTF-8"));
}

#[test]
fn binary_file() {
    let (_dir, path) = temp_file("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01");
    let output = transcheck(&["check", &path, &fixture("harbour/it.txt")]);
    assert_one_line_error(&output, "photo.jpg");
}

#[test]
fn ten_megabyte_file() {
    let line = "The council met on Monday and approved the budget for the new bridge.\n";
    let (_dir, path) = temp_file("huge.txt", line.repeat(10 * 1024 * 1024 / line.len()).as_bytes());
    let output = transcheck(&["check", &fixture("harbour/en.txt"), &path]);
    assert_one_line_error(&output, "huge.txt");
}

#[test]
fn directory_instead_of_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = transcheck(&["check", &fixture("harbour/en.txt"), &dir.path().to_string_lossy()]);
    assert_one_line_error(&output, "directory");
}

#[test]
fn unknown_language_code() {
    let output = transcheck(&["check", "--source-lang", "xx", &fixture("harbour/en.txt"), &fixture("harbour/it.txt")]);
    assert_one_line_error(&output, "'xx'");
}

#[test]
fn both_documents_from_stdin() {
    let output = transcheck(&["check", "-", "-"]);
    assert_one_line_error(&output, "stdin");
}

#[test]
fn empty_file() {
    let (_dir, path) = temp_file("empty.txt", b"\n  \n");
    let output = transcheck(&["check", &fixture("harbour/en.txt"), &path]);
    assert_one_line_error(&output, "empty.txt");
}

#[test]
fn bad_pairs_line_gives_an_error_report_and_the_rest_is_checked() {
    let lines = [
        r#"{"id": "good", "source_text": "The bridge cost 12 million euros.", "target_text": "Il ponte è costato 12 milioni di euro.", "source_lang": "en", "target_lang": "it"}"#,
        r#"{"id": "bad", "source_text": "No target here."}"#,
        r#"not json"#,
    ];
    let (_dir, path) = temp_file("pairs.jsonl", lines.join("\n").as_bytes());
    let output = transcheck(&["check", "--pairs", &path, "--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let reports: Vec<serde_json::Value> =
        stdout(&output).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[0]["id"], "good");
    assert!(reports[0]["findings"].as_array().unwrap().is_empty(), "{}", reports[0]);
    assert_eq!(reports[1]["id"], "bad");
    assert!(reports[1]["error"].as_str().unwrap().contains("target_text"));
    assert_eq!(reports[2]["id"], "line-3");
    // The closing summary names an inline pair by its id, not by the
    // placeholders standing for its paths.
    let summary = stderr(&output);
    assert!(summary.lines().any(|l| l.contains("slow:") && l.ends_with(" good")), "{summary}");
    assert!(!summary.contains("<source_text>"), "{summary}");
}

#[cfg(not(feature = "rust-bert"))]
#[test]
fn rust_bert_engine_without_the_feature_says_how_to_build_it() {
    for args in [&["--engine", "rust-bert", "model", "info"][..], &["check", "--engine", "rust-bert", &fixture("harbour/en.txt"), &fixture("harbour/it.txt")]] {
        let output = transcheck(args);
        assert_one_line_error(&output, "--features rust-bert");
    }
}
