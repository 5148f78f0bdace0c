//! Helpers shared by the CLI tests: run the real binary and read its output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(path: &str) -> String {
    root().join("fixtures").join(path).to_string_lossy().into_owned()
}

/// Runs `transcheck ARGS` with colour off and the stdin closed.
pub fn transcheck(args: &[&str]) -> Output {
    transcheck_in(&root(), args)
}

pub fn transcheck_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the transcheck binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts exit code 2 with exactly one stderr line that mentions `needle`.
pub fn assert_one_line_error(output: &Output, needle: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {err}");
    assert!(output.stdout.is_empty(), "stdout must stay empty on error: {}", stdout(output));
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one-line error expected, got: {err}");
    assert!(lines[0].contains(needle), "error should mention {needle:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}
