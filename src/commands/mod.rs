//! One file per subcommand. Each `run` returns the exit code, or an error
//! that `main` prints on one line and maps to exit code 2.

use std::path::PathBuf;

use transcheck::config::FileConfig;

pub mod align;
pub mod baseline;
pub mod check;
pub mod embed;
pub mod model;
pub mod pairs;
pub mod segment;
pub mod summary;

/// Options shared by every subcommand that needs the embedding model.
#[derive(clap::Args, Debug, Clone)]
pub struct ModelOptions {
    /// Model folder (Hugging Face BERT layout). Default: $TRANSCHECK_MODEL, then the user cache.
    #[arg(long, global = true, value_name = "DIR")]
    pub model: Option<PathBuf>,

    /// Never download the model; exit 2 with instructions when it is missing.
    #[arg(long, global = true)]
    pub offline: bool,

    /// Engine that runs the model: `candle` (built in) or `rust-bert` (libtorch; needs a build with `--features rust-bert`).
    #[arg(long, global = true, value_enum, default_value_t = transcheck::embed::Engine::Candle)]
    pub engine: transcheck::embed::Engine,
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

    /// Alignment mode: `translation` keeps order, `rewrite` lets it change [default: auto].
    #[arg(long, value_enum)]
    pub mode: Option<transcheck::align::Mode>,

    /// Use this config file instead of discovering transcheck.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore all config files.
    #[arg(long)]
    pub isolated: bool,
}

impl PipelineArgs {
    /// The config file in force: `--config`, else the nearest one upward.
    pub fn file_config(&self) -> anyhow::Result<(Option<PathBuf>, FileConfig)> {
        if self.isolated {
            return Ok((None, FileConfig::default()));
        }
        let cwd = std::env::current_dir()?;
        match self.config.clone().or_else(|| transcheck::config::discover(&cwd)) {
            Some(path) => Ok((Some(path.clone()), FileConfig::load(&path)?)),
            None => Ok((None, FileConfig::default())),
        }
    }

    pub fn config(&self) -> anyhow::Result<transcheck::Config> {
        let (path, file) = self.file_config()?;
        let from_file = |code: &Option<String>| {
            code.clone().map(|c| (c, path.as_ref().map_or(String::new(), |p| p.display().to_string())))
        };
        let language = |given: Option<(String, String)>| -> anyhow::Result<Option<String>> {
            given
                .map(|(code, origin)| transcheck::detect::normalize_code(&code).map_err(|e| anyhow::anyhow!("{origin}: {e}")))
                .transpose()
        };
        let flag = |code: &Option<String>, name: &str| code.clone().map(|c| (c, name.to_string()));
        let mut config = transcheck::Config {
            source_lang: language(flag(&self.source_lang, "--source-lang").or_else(|| from_file(&file.source_lang)))?,
            target_lang: language(flag(&self.target_lang, "--target-lang").or_else(|| from_file(&file.target_lang)))?,
            presegmented: self.presegmented,
            ..Default::default()
        };
        config.align.mode = self.mode.or(file.mode).unwrap_or_default();
        config.file = file;
        Ok(config)
    }
}
