//! `transcheck align`.

#[derive(clap::Args, Debug)]
pub struct AlignArgs {
    pub files: Vec<String>,
}

pub fn run(args: &AlignArgs, options: &super::ModelOptions) -> anyhow::Result<u8> {
    anyhow::bail!("align {args:?} ({options:?}) is not built yet")
}
