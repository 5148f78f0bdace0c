//! Which reader a file gets: from `--input-format`, else from its extension.

use std::path::Path;
use std::sync::Arc;

use super::{cms_json, html, markdown, Document, Original};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Plain text, one paragraph per line.
    #[default]
    Text,
    Markdown,
    Html,
    /// A CMS export: JSON with text fields (see `--fields`).
    Json,
    /// XLIFF 1.2 or 2.x (bilingual).
    Xliff,
    /// TMX translation memory (bilingual).
    Tmx,
    /// gettext PO (bilingual).
    Po,
}

impl Format {
    /// The format a file name implies; plain text when unknown.
    pub fn from_path(path: &str) -> Format {
        let extension = Path::new(path).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" | "mdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "xlf" | "xliff" | "sdlxliff" | "mqxliff" => Format::Xliff,
            "tmx" => Format::Tmx,
            "po" | "pot" => Format::Po,
            _ => Format::Text,
        }
    }

    /// Source and target in one file, already paired per unit.
    pub fn is_bilingual(self) -> bool {
        matches!(self, Format::Xliff | Format::Tmx | Format::Po)
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::Xliff => "XLIFF",
            Format::Tmx => "TMX",
            Format::Po => "gettext PO",
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Overrides the format the extension implies.
    pub format: Option<Format>,
    /// JSON pointers of the text fields of a CMS JSON file; empty: every
    /// string field named like a headline, title, standfirst, body, text or caption.
    pub fields: Vec<String>,
}

impl ReadOptions {
    pub fn format_of(&self, path: &str) -> Format {
        self.format.unwrap_or_else(|| Format::from_path(path))
    }
}

pub(super) fn read_monolingual(path: &str, text: String, format: Format, options: &ReadOptions) -> Result<Document> {
    if format == Format::Text {
        return Ok(Document::from_text(path, text));
    }
    let original = Arc::new(Original::new(text));
    let prose = match format {
        Format::Markdown => markdown::read(&original.text),
        Format::Html => html::read(super::shown(path), &original)?,
        _ => cms_json::read(super::shown(path), &original, &options.fields)?,
    };
    Document::from_prose(path, original, prose)
}
