//! Pairing the files of two folders (or of one folder by name pattern) for
//! `check --source-dir … --target-dir …`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How a target file's name is derived from its source file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairPattern {
    /// e.g. `{}.en.md`: `{}` stands for the shared part of the name.
    pub source: String,
    pub target: String,
}

impl PairPattern {
    /// Parses `SOURCE=TARGET`, e.g. `{}.en.md={}.it.md`.
    pub fn parse(text: &str) -> Result<Self> {
        let bad = || Error::Config(format!(
            "--pair-pattern '{text}': expected SOURCE=TARGET with one {{}} on each side, e.g. '{{}}.en.md={{}}.it.md'"));
        let (source, target) = text.split_once('=').ok_or_else(bad)?;
        if source.matches("{}").count() != 1 || target.matches("{}").count() != 1 {
            return Err(bad());
        }
        Ok(PairPattern { source: source.to_string(), target: target.to_string() })
    }

    /// The shared part of `name` when it matches the source side.
    fn stem<'n>(pattern: &str, name: &'n str) -> Option<&'n str> {
        let (prefix, suffix) = pattern.split_once("{}")?;
        let stem = name.strip_prefix(prefix)?.strip_suffix(suffix)?;
        (!stem.is_empty()).then_some(stem)
    }
}

#[derive(Debug, Default)]
pub struct Pairing {
    pub pairs: Vec<(PathBuf, PathBuf)>,
    /// Files with no counterpart on the other side.
    pub unpaired: Vec<PathBuf>,
}

/// Pairs files by relative path (or by pattern), sorted by source path.
pub fn pair(source_dir: &Path, target_dir: &Path, pattern: Option<&PairPattern>) -> Result<Pairing> {
    let sources = files(source_dir)?;
    let targets = files(target_dir)?;
    let key = |relative: &Path, side: Option<&str>| -> Option<String> {
        let text = relative.to_string_lossy().replace('\\', "/");
        match side {
            None => Some(text),
            Some(pattern) => {
                let (folder, name) = text.rsplit_once('/').map_or(("", text.as_str()), |(f, n)| (f, n));
                PairPattern::stem(pattern, name).map(|stem| format!("{folder}/{stem}"))
            }
        }
    };
    let index = |list: &[PathBuf], root: &Path, side: Option<&str>| -> BTreeMap<String, PathBuf> {
        list.iter()
            .filter_map(|p| key(p.strip_prefix(root).ok()?, side).map(|k| (k, p.clone())))
            .collect()
    };
    let source_index = index(&sources, source_dir, pattern.map(|p| p.source.as_str()));
    let mut target_index = index(&targets, target_dir, pattern.map(|p| p.target.as_str()));
    let mut pairing = Pairing::default();
    for (key, source) in source_index {
        match target_index.remove(&key) {
            Some(target) => pairing.pairs.push((source, target)),
            None => pairing.unpaired.push(source),
        }
    }
    pairing.unpaired.extend(target_index.into_values());
    if pattern.is_none() && source_dir == target_dir {
        return Err(Error::Config("--source-dir and --target-dir are the same folder: give --pair-pattern".into()));
    }
    Ok(pairing)
}

/// Regular files below `dir`, hidden ones skipped, sorted.
fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|error| Error::Io { path: folder.display().to_string(), error })?;
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.is_file() {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, name: &str) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    }

    #[test]
    fn pairs_by_relative_path_and_reports_the_rest() {
        let root = tempfile::tempdir().unwrap();
        let (en, it) = (root.path().join("en"), root.path().join("it"));
        for name in ["a.txt", "world/b.txt", "only-en.txt"] {
            touch(&en, name);
        }
        for name in ["a.txt", "world/b.txt", "only-it.txt"] {
            touch(&it, name);
        }
        let pairing = pair(&en, &it, None).unwrap();
        assert_eq!(pairing.pairs.len(), 2);
        assert_eq!(pairing.unpaired.len(), 2);
    }

    #[test]
    fn pairs_one_folder_by_pattern() {
        let root = tempfile::tempdir().unwrap();
        for name in ["story.en.md", "story.it.md", "other.en.md"] {
            touch(root.path(), name);
        }
        let pattern = PairPattern::parse("{}.en.md={}.it.md").unwrap();
        let pairing = pair(root.path(), root.path(), Some(&pattern)).unwrap();
        assert_eq!(pairing.pairs.len(), 1);
        assert!(pairing.pairs[0].1.ends_with("story.it.md"));
        assert_eq!(pairing.unpaired.len(), 1);
    }

    #[test]
    fn rejects_bad_patterns() {
        assert!(PairPattern::parse("*.en.md").is_err());
        assert!(PairPattern::parse("{}.en.md=it.md").is_err());
    }
}
