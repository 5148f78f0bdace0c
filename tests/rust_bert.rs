//! The libtorch engine (`--features rust-bert`) against the reference engine
//! and against the candle engine: identical token ids, near-identical
//! embeddings, and identical findings on the fixture pairs.
//! Needs the installed model (`transcheck model fetch`) and the reference
//! data (`$TRANSCHECK_REFERENCE`, default `../shared/reference/e5-small-q4`).
#![cfg(feature = "rust-bert")]

mod common;

use std::path::PathBuf;

use common::*;
use serde_json::{json, Value};
use transcheck::embed::{cosine, store, BertEngine, Embedder, TorchEngine};

const PAIRS: &[(&str, &str)] = &[
    ("harbour/en.txt", "harbour/it.txt"),
    ("harbour/en.txt", "harbour/ru.txt"),
    ("harbour/en.txt", "harbour/zh.txt"),
    ("rewrite/original.txt", "rewrite/rewrite.txt"),
];

fn reference_dir() -> PathBuf {
    std::env::var_os("TRANSCHECK_REFERENCE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/e5-small-q4"))
}

fn model_dir() -> PathBuf {
    let dir = store::resolve(None).expect("model folder");
    assert!(
        store::is_installed(&dir),
        "no model in {}: run `transcheck model fetch` (or set TRANSCHECK_MODEL) before this test",
        dir.display()
    );
    dir
}

fn engine() -> TorchEngine {
    TorchEngine::load(&model_dir()).expect("model loads on libtorch")
}

fn read(name: &str) -> String {
    let path = reference_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (set TRANSCHECK_REFERENCE)", path.display()))
}

struct Reference {
    texts: Vec<String>,
    ids: Vec<Vec<u32>>,
    embeddings: Vec<Vec<f32>>,
}

fn reference() -> Reference {
    let mut texts = Vec::new();
    let mut ids = Vec::new();
    for line in read("tokens.jsonl").lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("tokens.jsonl line");
        texts.push(v["text"].as_str().expect("text").to_string());
        ids.push(serde_json::from_value(v["ids"].clone()).expect("ids"));
    }
    let v: Value = serde_json::from_str(&read("embeddings.json")).expect("embeddings.json");
    let embeddings = serde_json::from_value(v["embeddings"].clone()).expect("embeddings");
    Reference { texts, ids, embeddings }
}

#[test]
fn names_its_engine() {
    assert_eq!(engine().info().engine, "rust-bert-libtorch-cpu");
}

#[test]
fn token_ids_match_the_reference_engine() {
    let (engine, r) = (engine(), reference());
    assert_eq!(r.texts.len(), 40);
    let matching = r.texts.iter().zip(&r.ids).filter(|(t, ids)| &engine.token_ids(t).unwrap() == *ids).count();
    assert_eq!(matching, 40, "token parity {matching}/40");
}

#[test]
fn embeddings_match_the_reference_engine() {
    let (engine, r) = (engine(), reference());
    let texts: Vec<&str> = r.texts.iter().map(String::as_str).collect();
    let out = engine.embed(&texts).unwrap();
    assert_eq!((out.len(), out.dim), (40, 384));
    assert!(out.truncated.is_empty());
    let mut min = f32::MAX;
    for (i, expected) in r.embeddings.iter().enumerate() {
        assert_eq!(out.tokens[i], r.ids[i].len());
        let cos = cosine(out.row(i), expected) / cosine(expected, expected).sqrt();
        min = min.min(cos);
        assert!((cosine(out.row(i), out.row(i)) - 1.0).abs() < 1e-4);
    }
    eprintln!("min cosine vs reference: {min:.6}");
    assert!(min >= 0.99, "min cosine {min}");
}

#[test]
fn embeddings_match_the_candle_engine() {
    let r = reference();
    let texts: Vec<&str> = r.texts.iter().map(String::as_str).collect();
    let torch = engine().embed(&texts).unwrap();
    let candle = BertEngine::load(&model_dir()).unwrap().embed(&texts).unwrap();
    assert_eq!(torch.tokens, candle.tokens);
    let min = (0..texts.len()).map(|i| cosine(torch.row(i), candle.row(i))).fold(f32::MAX, f32::min);
    eprintln!("min cosine vs candle: {min:.6}");
    assert!(min >= 0.999, "min cosine {min}");
}

#[test]
fn long_input_is_truncated_to_512_tokens() {
    let engine = engine();
    let long = "The council approved the budget. ".repeat(120);
    let out = engine.embed(&["short", long.as_str()]).unwrap();
    assert_eq!(out.truncated, vec![1]);
    assert_eq!(out.tokens[1], 512);
    assert!((cosine(out.row(1), out.row(1)) - 1.0).abs() < 1e-4);
}

#[test]
fn batching_does_not_change_embeddings() {
    let (engine, r) = (engine(), reference());
    let one = engine.embed(&[r.texts[7].as_str()]).unwrap();
    let texts: Vec<&str> = r.texts.iter().map(String::as_str).collect();
    let all = engine.embed(&texts).unwrap();
    assert!(cosine(one.row(0), all.row(7)) > 0.99999);
}

fn check(engine: &str, source: &str, target: &str) -> Value {
    let output = transcheck(&[
        "--engine",
        engine,
        "check",
        "--format",
        "json",
        &format!("fixtures/{source}"),
        &format!("fixtures/{target}"),
    ]);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{engine} {target}: {}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

/// What a finding says and where: rule, severity, message, both locations.
fn findings(report: &Value) -> Vec<Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| json!([f["rule"], f["severity"], f["message"], f["source"], f["target"]]))
        .collect()
}

fn beads(report: &Value) -> Vec<Value> {
    report["alignment"].as_array().expect("alignment").iter().map(|b| json!([b["source"], b["target"]])).collect()
}

#[test]
fn check_gives_identical_findings_on_both_engines() {
    for (source, target) in PAIRS {
        let candle = check("candle", source, target);
        let torch = check("rust-bert", source, target);
        assert_eq!(candle["model"]["engine"], "candle-bert-f32-cpu");
        assert_eq!(torch["model"]["engine"], "rust-bert-libtorch-cpu");
        let (a, b) = (findings(&candle), findings(&torch));
        assert!(!a.is_empty(), "{target}: the fixture should have findings");
        assert_eq!(a, b, "{source} → {target}: findings differ between engines");
        assert_eq!(beads(&candle), beads(&torch), "{target}: alignment differs");
    }
}

#[test]
fn model_info_names_the_engine() {
    let out = transcheck(&["--engine", "rust-bert", "model", "info"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("engine:  rust-bert-libtorch-cpu"), "{}", stdout(&out));
}
