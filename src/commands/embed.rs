//! `transcheck embed FILE`: a stage debug command.

use super::ModelOptions;

#[derive(clap::Args, Debug)]
pub struct EmbedArgs {
    /// One sentence per line; `-` for stdin.
    pub file: String,
}

pub fn run(args: &EmbedArgs, options: &ModelOptions) -> anyhow::Result<u8> {
    anyhow::bail!("embed {args:?} ({options:?}) is not built yet")
}
