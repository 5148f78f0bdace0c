//! One file per subcommand. Each `run` returns the exit code, or an error
//! that `main` prints on one line and maps to exit code 2.

use std::path::PathBuf;

pub mod align;
pub mod check;
pub mod embed;
pub mod model;
pub mod segment;

/// Options shared by every subcommand that needs the embedding model.
#[derive(clap::Args, Debug, Clone)]
pub struct ModelOptions {
    /// Model folder (Hugging Face BERT layout). Default: $TRANSCHECK_MODEL, then the user cache.
    #[arg(long, global = true, value_name = "DIR")]
    pub model: Option<PathBuf>,

    /// Never download the model; exit 2 with instructions when it is missing.
    #[arg(long, global = true)]
    pub offline: bool,
}
