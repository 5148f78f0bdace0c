//! `transcheck segment`.

#[derive(clap::Args, Debug)]
pub struct SegmentArgs {
    pub files: Vec<String>,
}

pub fn run(args: &SegmentArgs) -> anyhow::Result<u8> {
    anyhow::bail!("segment {args:?} is not built yet")
}
