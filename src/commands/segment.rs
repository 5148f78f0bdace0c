//! `transcheck segment FILE`: a stage debug command.

use anyhow::Context;
use transcheck::{detect, segment, Document};

#[derive(clap::Args, Debug)]
pub struct SegmentArgs {
    /// The document; `-` for stdin.
    pub file: String,

    /// Language (ISO 639-1 or -3); detected when absent.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Print JSON lines with byte spans instead of one sentence per line.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &SegmentArgs) -> anyhow::Result<u8> {
    let document = Document::read(&args.file)?;
    let language = detect::resolve(&document.text, args.lang.as_deref()).context("--lang")?;
    let mut out = String::new();
    for (index, sentence) in segment::segment(&document.text, &language.language).iter().enumerate() {
        let text = sentence.text(&document.text);
        if args.json {
            let line = serde_json::json!({
                "index": index, "start": sentence.span.start, "end": sentence.span.end,
                "paragraph": sentence.paragraph, "text": text,
            });
            out.push_str(&line.to_string());
        } else {
            out.push_str(&text.replace('\n', " "));
        }
        out.push('\n');
    }
    super::write_stdout(&out)?;
    Ok(0)
}
