//! Units of work for `check`: a pair of documents to load and check, from
//! the command line, a JSONL file of pairs, or two folders.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use transcheck::document::{Bilingual, ReadOptions};
use transcheck::{Document, Languages};

/// A pair that could not be checked, with the id its error entry carries.
#[derive(Debug, Clone)]
pub struct Failure {
    pub id: String,
    pub message: String,
}

enum Input {
    Loaded(Box<(Document, Document)>),
    /// One XLIFF, TMX or PO file: source and target in one.
    Bilingual(Box<Bilingual>),
    Files(PathBuf, PathBuf),
    /// A `--pairs` line, parsed when the job runs so one bad line fails alone.
    Line { folder: PathBuf, origin: String, line: String },
}

pub struct Job {
    /// The id printed in reports (`--pairs`), else none.
    pub id: Option<String>,
    input: Input,
    options: ReadOptions,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    #[allow(dead_code)] // read by `id_of` before the line is parsed
    id: serde_json::Value,
    source_text: Option<String>,
    source_path: Option<String>,
    target_text: Option<String>,
    target_path: Option<String>,
    source_lang: Option<String>,
    target_lang: Option<String>,
}

impl Job {
    pub fn loaded(documents: (Document, Document)) -> Self {
        Job { id: None, input: Input::Loaded(Box::new(documents)), options: ReadOptions::default() }
    }

    pub fn bilingual(file: Bilingual) -> Self {
        Job { id: None, input: Input::Bilingual(Box::new(file)), options: ReadOptions::default() }
    }

    /// The bilingual file this job checks, if it is one.
    pub fn as_bilingual(&self) -> Option<&Bilingual> {
        match &self.input {
            Input::Bilingual(file) => Some(file),
            _ => None,
        }
    }

    /// The documents and per-pair languages, or the pair's error entry.
    pub fn load(&self) -> Result<(Document, Document, Languages), Failure> {
        match &self.input {
            Input::Loaded(pair) => Ok((pair.0.clone(), pair.1.clone(), Languages::default())),
            Input::Bilingual(file) => Ok((file.source.clone(), file.target.clone(), Languages::default())),
            Input::Files(source, target) => {
                let read = |p: &Path| Document::read_with(&p.to_string_lossy(), &self.options).map_err(|e| self.fail(e.into()));
                Ok((read(source)?, read(target)?, Languages::default()))
            }
            Input::Line { folder, origin, line } => {
                let pair: Pair = serde_json::from_str(line)
                    .map_err(|e| self.fail(anyhow::anyhow!("{origin}: invalid pair: {e}")))?;
                let at = |e: anyhow::Error| self.fail(anyhow::anyhow!("{origin}: {e:#}"));
                let source = side(folder, &pair.source_text, &pair.source_path, "source", &self.options).map_err(at)?;
                let target = side(folder, &pair.target_text, &pair.target_path, "target", &self.options).map_err(at)?;
                Ok((source, target, Languages { source: pair.source_lang, target: pair.target_lang }))
            }
        }
    }

    pub fn fail(&self, error: anyhow::Error) -> Failure {
        let id = self.id.clone().unwrap_or_else(|| match &self.input {
            Input::Files(source, target) => format!("{} → {}", source.display(), target.display()),
            _ => String::new(),
        });
        let chain: Vec<String> = error.chain().map(|e| e.to_string()).collect();
        Failure { id, message: chain.join(": ") }
    }
}

/// One job per non-blank line; ids come from the line, else `line-N`.
pub fn from_jsonl(path: &str, text: &str, options: &ReadOptions) -> Vec<Job> {
    let folder = Path::new(path).parent().unwrap_or(Path::new(".")).to_path_buf();
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(number, line)| Job {
            id: Some(id_of(line).unwrap_or_else(|| format!("line-{}", number + 1))),
            input: Input::Line { folder: folder.clone(), origin: format!("{path}:{}", number + 1), line: line.to_string() },
            options: options.clone(),
        })
        .collect()
}

pub fn from_files(pairs: Vec<(PathBuf, PathBuf)>, options: &ReadOptions) -> Vec<Job> {
    pairs.into_iter().map(|(source, target)| Job { id: None, input: Input::Files(source, target), options: options.clone() }).collect()
}

fn side(folder: &Path, text: &Option<String>, path: &Option<String>, name: &str, options: &ReadOptions) -> anyhow::Result<Document> {
    match (text, path) {
        (Some(text), None) => Ok(Document::from_text(format!("<{name}_text>"), text.clone())),
        (None, Some(path)) => Ok(Document::read_with(&folder.join(path).to_string_lossy(), options)?),
        _ => anyhow::bail!("give exactly one of {name}_text and {name}_path"),
    }
}

/// Whether a report's path stands for text given inline (see `side`).
pub fn is_inline(path: &str) -> bool {
    path.starts_with('<') && path.ends_with("_text>")
}

/// The id of a line, when it is JSON with an `id`.
fn id_of(line: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    match value.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}
