//! `transcheck check`.

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    pub files: Vec<String>,
}

pub fn run(args: &CheckArgs, options: &super::ModelOptions) -> anyhow::Result<u8> {
    anyhow::bail!("check {args:?} ({options:?}) is not built yet")
}
