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

/// Writes machine output to stdout; a closed pipe (`| head`) is not an error.
pub fn write_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Options that shape the pipeline, shared by `check` and `align`.
#[derive(clap::Args, Debug, Clone)]
pub struct PipelineArgs {
    /// Language of the original (ISO 639-1 or -3, e.g. `en`, `ita`); detected when absent.
    #[arg(long, value_name = "LANG")]
    pub source_lang: Option<String>,

    /// Language of the translation or rewrite; detected when absent.
    #[arg(long, value_name = "LANG")]
    pub target_lang: Option<String>,

    /// The inputs hold one sentence per line: do not segment.
    #[arg(long)]
    pub presegmented: bool,

    /// Alignment mode: `translation` keeps order, `rewrite` lets it change.
    #[arg(long, value_enum, default_value_t = transcheck::align::Mode::Auto)]
    pub mode: transcheck::align::Mode,
}

impl PipelineArgs {
    pub fn config(&self) -> anyhow::Result<transcheck::Config> {
        let language = |code: &Option<String>, flag: &str| -> anyhow::Result<Option<String>> {
            code.as_deref()
                .map(|c| transcheck::detect::normalize_code(c).map_err(|e| anyhow::anyhow!("{flag}: {e}")))
                .transpose()
        };
        let mut config = transcheck::Config {
            source_lang: language(&self.source_lang, "--source-lang")?,
            target_lang: language(&self.target_lang, "--target-lang")?,
            presegmented: self.presegmented,
            ..Default::default()
        };
        config.align.mode = self.mode;
        Ok(config)
    }
}
