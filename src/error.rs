//! The library's one error type. Messages are lowercase and name the file or
//! operation; the CLI adds context and maps every variant to exit code 2.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {message}")]
    Input { path: String, message: String },

    #[error("{path}: {message}")]
    Model { path: PathBuf, message: String },

    #[error("unknown language code '{0}': use an ISO 639-1 or 639-3 code such as 'en', 'it' or 'zho'")]
    UnknownLanguage(String),

    #[error("{0}")]
    Config(String),

    #[error("embedding failed: {0}")]
    Engine(String),

    #[error("{path}: cannot read it ({error}); check the path and permissions")]
    Io { path: String, error: std::io::Error },

    #[error("model download failed: {0}")]
    Fetch(String),
}

impl Error {
    pub fn input(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Input { path: path.into(), message: message.into() }
    }

    pub fn model(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Model { path: path.into(), message: message.into() }
    }
}

impl From<candle_core::Error> for Error {
    fn from(e: candle_core::Error) -> Self {
        Error::Engine(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
