//! Development aid: measures the fact rules on DEMETR-style JSON files
//! without the aligner, each pair being one 1-1 bead of one sentence.
//!
//! usage: facts_dev DEMETR_DIR [--show fp|fn|tp] [--lang xx] [--file NAME] [--words CACHE]
//!
//! Prints, like the project's eval script, recall (perturbed pairs flagged)
//! and fpr (clean pairs flagged) per file and per source language.
//!
//! With `--words CACHE` the name rules get word alignments from the model,
//! as `check` does; token vectors are kept in the file CACHE (written on
//! the first run, a few minutes; later runs take seconds). Without it names
//! are matched by spelling alone. `--ids even|odd` keeps every other item,
//! for fitting on one half and testing on the other.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, OnceLock};

use transcheck::align::{Alignment, Bead, Mode};
use transcheck::compare::{compare_with, CompareOptions, Side};
use transcheck::embed::{self, Embedder, Embeddings, ModelInfo, TokenVectors};
use transcheck::detect;
use transcheck::extract;
use transcheck::segment::Sentence;
use transcheck::{Finding, Severity, Span};

const FILES: &[(&str, &str)] = &[
    ("critical_id10_numbers_replaced", "number-"),
    ("critical_id9_ne_replaced", "name-"),
    ("critical_id25_ne_removed", "name-"),
];

fn language(tag: &str) -> &'static str {
    match tag {
        "chinese_simple" => "zh",
        "german" => "de",
        "hindi" => "hi",
        "japanese" => "ja",
        "polish" => "pl",
        "russian" => "ru",
        "czech" => "cs",
        "french" => "fr",
        "spanish" => "es",
        "italian" => "it",
        _ => "und",
    }
}

/// The real model's token vectors, kept in a file between runs.
struct CachedWords {
    path: String,
    model: OnceLock<Box<dyn Embedder>>,
    cache: Mutex<HashMap<String, TokenVectors>>,
    changed: Mutex<bool>,
}

impl CachedWords {
    fn open(path: &str) -> CachedWords {
        let mut cache = HashMap::new();
        if let Ok(bytes) = std::fs::read(path) {
            let mut rest: &[u8] = &bytes[4..];
            let mut take = |n: usize| {
                let (head, tail) = rest.split_at(n);
                rest = tail;
                head
            };
            let number = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap()) as usize;
            for _ in 0..number(&bytes[..4]) {
                let len = number(take(4));
                let text = String::from_utf8(take(len).to_vec()).expect("cache text");
                let (dim, count) = (number(take(4)), number(take(4)));
                let spans = (0..count).map(|_| number(take(4))..number(take(4))).collect();
                let data = take(count * dim * 4).chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())).collect();
                cache.insert(text, TokenVectors { dim, spans, data });
            }
        }
        CachedWords { path: path.to_string(), model: OnceLock::new(), cache: Mutex::new(cache), changed: Mutex::new(false) }
    }

    fn model(&self) -> &dyn Embedder {
        self.model.get_or_init(|| embed::load(&embed::resolve(None).expect("model")).expect("model")).as_ref()
    }

    fn save(&self) {
        if !*self.changed.lock().unwrap() {
            return;
        }
        let put = |bytes: &mut Vec<u8>, n: usize| bytes.extend((n as u32).to_le_bytes());
        let cache = self.cache.lock().unwrap();
        let mut bytes = Vec::new();
        put(&mut bytes, cache.len());
        for (text, t) in cache.iter() {
            put(&mut bytes, text.len());
            bytes.extend(text.as_bytes());
            put(&mut bytes, t.dim);
            put(&mut bytes, t.spans.len());
            for s in &t.spans {
                put(&mut bytes, s.start);
                put(&mut bytes, s.end);
            }
            bytes.extend(t.data.iter().flat_map(|x| x.to_le_bytes()));
        }
        std::fs::write(&self.path, bytes).expect("write cache");
    }
}

impl Embedder for CachedWords {
    fn embed(&self, sentences: &[&str]) -> transcheck::Result<Embeddings> {
        self.model().embed(sentences)
    }

    fn token_vectors(&self, sentence: &str) -> transcheck::Result<TokenVectors> {
        if let Some(found) = self.cache.lock().unwrap().get(sentence) {
            return Ok(found.clone());
        }
        let vectors = self.model().token_vectors(sentence)?;
        self.cache.lock().unwrap().insert(sentence.to_string(), vectors.clone());
        *self.changed.lock().unwrap() = true;
        Ok(vectors)
    }

    fn info(&self) -> ModelInfo {
        self.model().info()
    }
}

fn check(source: &str, source_lang: &str, target: &str, words: Option<&CachedWords>) -> Vec<Finding> {
    let sentence = |text: &str| vec![Sentence { span: Span::new(0, text.len()), paragraph: 0 }];
    let (source_sentences, target_sentences) = (sentence(source), sentence(target));
    let source_facts = vec![extract::extract(source, 0, source_lang)];
    let target_facts = vec![extract::extract(target, 0, "en")];
    let source_langs = vec![detect::detect(source)];
    let target_langs = vec![detect::detect(target)];
    let alignment = Alignment { beads: vec![Bead { source: vec![0], target: vec![0], similarity: 1.0 }], mode: Mode::Translation };
    let source_side = Side { text: source, language: source_lang, sentences: &source_sentences, facts: &source_facts, sentence_languages: &source_langs, embeddings: None };
    let target_side = Side { text: target, language: "en", sentences: &target_sentences, facts: &target_facts, sentence_languages: &target_langs, embeddings: None };
    let options = CompareOptions { word_encoder: words.map(|w| w as &dyn Embedder), ..Default::default() };
    compare_with(&alignment, &source_side, &target_side, &options)
}

fn flagged<'f>(findings: &'f [Finding], prefix: &str) -> Vec<&'f Finding> {
    findings.iter().filter(|f| f.rule.id().starts_with(prefix) && f.severity >= Severity::Warning).collect()
}

fn option(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: facts_dev DEMETR_DIR [--show fp|fn|tp] [--lang xx] [--file NAME]");
        std::process::exit(2);
    };
    let show = option(&args, "--show");
    let only_lang = option(&args, "--lang");
    let only_file = option(&args, "--file");
    let words = option(&args, "--words").map(|path| CachedWords::open(&path));
    let only_id = option(&args, "--id");
    let half = option(&args, "--ids").map(|h| usize::from(h == "odd"));
    for (name, prefix) in FILES {
        if only_file.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let path = format!("{dir}/{name}.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let items: Vec<serde_json::Value> = serde_json::from_str(&text).expect("json");
        let mut by_lang: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
        // DEMETR's ids are all even: halves go by position among the items.
        let perturbed = items.iter().filter(|x| x["pert_check"].as_bool() == Some(true));
        let kept = perturbed.enumerate().filter(|(k, _)| half.is_none_or(|h| k % 2 == h)).map(|(_, x)| x);
        let wanted = |x: &&serde_json::Value| only_id.as_ref().is_none_or(|id| id.parse::<serde_json::Value>().is_ok_and(|id| x["id"] == id));
        for item in kept.filter(wanted) {
            let lang = language(item["lang_tag"].as_str().unwrap_or(""));
            let source = item["src_sent"].as_str().unwrap_or("");
            let clean = check(source, lang, item["mt_sent"].as_str().unwrap_or(""), words.as_ref());
            let perturbed = check(source, lang, item["pert_sent"].as_str().unwrap_or(""), words.as_ref());
            let (tp, fp) = (!flagged(&perturbed, prefix).is_empty(), !flagged(&clean, prefix).is_empty());
            let counts = by_lang.entry(lang).or_default();
            counts[0] += 1;
            counts[1] += tp as usize;
            counts[2] += fp as usize;
            if only_lang.as_deref().is_some_and(|l| l != lang) {
                continue;
            }
            let (target, findings, hit) = match show.as_deref() {
                Some("fp") => ("mt_sent", &clean, fp),
                Some("fn") => ("pert_sent", &perturbed, !tp),
                Some("tp") => ("pert_sent", &perturbed, tp),
                _ => continue,
            };
            if hit {
                println!("--- {lang} {}\n  S: {source}\n  M: {}\n  P: {}", item["id"], item["mt_sent"].as_str().unwrap_or(""), item["pert_sent"].as_str().unwrap_or(""));
                for f in flagged(findings, prefix) {
                    println!("  [{target}] {} {}", f.rule.id(), f.message);
                }
            }
        }
        let n: usize = by_lang.values().map(|c| c[0]).sum();
        let tp: usize = by_lang.values().map(|c| c[1]).sum();
        let fp: usize = by_lang.values().map(|c| c[2]).sum();
        let langs: Vec<String> = by_lang.iter().map(|(l, c)| format!("{l}:{:.2}/{:.2}", c[1] as f64 / c[0] as f64, c[2] as f64 / c[0] as f64)).collect();
        println!("{name} n={n} recall={:.3} fpr={:.3}  per-lang recall/fpr {}", tp as f64 / n as f64, fp as f64 / n as f64, langs.join(" "));
    }
    if let Some(words) = &words {
        words.save();
    }
}
