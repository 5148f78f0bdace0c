//! Reading documents in their formats. A reader turns a file into the prose
//! to check plus a map from prose offsets back to the original file, so that
//! reports point at the original's bytes, lines and columns.
//!
//! Every span in the pipeline is a byte range into `Document::text` (the
//! prose); `Document::original_span` takes it back to the file.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::error::{Error, Result};

mod bilingual;
mod cms_json;
mod encoding;
mod format;
mod html;
mod map;
mod markdown;
mod po;
mod tmx;
mod xliff;
mod xml;

pub use bilingual::{Bilingual, UnitPair};
pub use format::{Format, ReadOptions};
pub use map::{OffsetMap, ProseBuilder};

/// Plain-text files larger than this are refused, and so is prose of this
/// size extracted from a larger file: a news article is a few dozen KiB, and
/// a mistaken path (a video, a database dump, a whole archive) should fail
/// fast instead of embedding for an hour.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// Markup files (HTML pages, XLIFF exports) carry much more than their prose.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// A byte range into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// This span moved by `offset` bytes (sentence-relative → document-relative).
    pub fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// The original file a document was read from, with its line starts.
#[derive(Debug)]
pub struct Original {
    pub text: String,
    line_starts: Vec<usize>,
}

impl Original {
    pub fn new(text: String) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Original { text, line_starts }
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        let start = self.line_starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    /// Where the text came from: a path, `-` for stdin, or a pair id.
    pub origin: String,
    /// The prose to check.
    pub text: String,
    /// The file it came from; the prose itself for plain text.
    original: Arc<Original>,
    /// Prose offsets → original offsets; `None` when the prose is the original.
    map: Option<Arc<OffsetMap>>,
}

impl Document {
    pub fn from_text(origin: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Document { origin: origin.into(), original: Arc::new(Original::new(text.clone())), text, map: None }
    }

    /// Prose extracted from `original` by a reader.
    pub fn from_prose(origin: &str, original: Arc<Original>, prose: ProseBuilder) -> Result<Self> {
        let (text, map) = prose.finish();
        if text.len() > MAX_BYTES {
            return Err(Error::input(shown(origin), format!(
                "holds more than {} MiB of prose; split it into articles and check them one by one",
                MAX_BYTES / (1024 * 1024))));
        }
        Ok(Document { origin: origin.to_string(), text, original, map: Some(Arc::new(map)) })
    }

    /// Reads a file, or stdin when `path` is `-`, in the format its name says.
    pub fn read(path: &str) -> Result<Self> {
        Self::read_with(path, &ReadOptions::default())
    }

    /// Reads a monolingual file (text, Markdown, HTML, CMS JSON).
    pub fn read_with(path: &str, options: &ReadOptions) -> Result<Self> {
        let format = options.format_of(path);
        if format.is_bilingual() {
            return Err(Error::input(shown(path), format!(
                "is {}, which pairs source and target itself: check it on its own (`transcheck check FILE`)", format.name())));
        }
        let limit = if format == Format::Text { MAX_BYTES } else { MAX_FILE_BYTES };
        let text = encoding::decode(shown(path), read_bytes(path, limit)?)?;
        format::read_monolingual(path, text, format, options)
    }

    /// A plain-text document from raw bytes.
    pub fn from_bytes(origin: &str, bytes: Vec<u8>) -> Result<Self> {
        check_size(shown(origin), bytes.len() as u64, MAX_BYTES)?;
        Ok(Self::from_text(origin, encoding::decode(shown(origin), bytes)?))
    }

    /// The file's text (after decoding and without a byte-order mark).
    pub fn original(&self) -> &str {
        &self.original.text
    }

    /// Where a prose span lies in the original file.
    pub fn original_span(&self, span: Span) -> Span {
        match &self.map {
            None => span,
            Some(map) => map.span(span),
        }
    }

    /// The original file's text covering a prose span (markup inside included).
    pub fn original_text(&self, span: Span) -> &str {
        let span = self.original_span(span);
        self.original().get(span.start..span.end).unwrap_or("")
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset
    /// into the original file.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        self.original.line_column(offset)
    }
}

pub(crate) fn shown(origin: &str) -> &str {
    if origin == "-" { "<stdin>" } else { origin }
}

fn read_bytes(path: &str, limit: usize) -> Result<Vec<u8>> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| Error::Io { path: "<stdin>".into(), error })?;
        check_size("<stdin>", bytes.len() as u64, limit)?;
        return Ok(bytes);
    }
    let shown = Path::new(path).display().to_string();
    let meta = std::fs::metadata(path).map_err(|error| Error::Io { path: shown.clone(), error })?;
    if meta.is_dir() {
        return Err(Error::input(shown, "is a directory; pass a text file"));
    }
    check_size(&shown, meta.len(), limit)?;
    std::fs::read(path).map_err(|error| Error::Io { path: shown, error })
}

fn check_size(shown: &str, len: u64, limit: usize) -> Result<()> {
    if len > limit as u64 {
        return Err(Error::input(shown, format!(
            "file is larger than {} MiB; split it into articles and check them one by one",
            limit / (1024 * 1024))));
    }
    Ok(())
}

pub(crate) fn read_original(path: &str) -> Result<Arc<Original>> {
    let text = encoding::decode(shown(path), read_bytes(path, MAX_FILE_BYTES)?)?;
    Ok(Arc::new(Original::new(text)))
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "première ligne\nça va, Трамп";
        let offset = text.find("Трамп").unwrap();
        assert_eq!(line_column(text, offset), (2, 8));
        assert_eq!(line_column(text, 0), (1, 1));
    }

    #[test]
    fn rejects_binary_and_bad_utf8() {
        assert!(Document::from_bytes("x.bin", vec![0x7f, 0x45, 0x00, 0x01]).is_err());
        let err = Document::from_bytes("x.txt", vec![b'a', 0xff, b'b']).unwrap_err();
        assert!(err.to_string().contains("x.txt"));
        assert!(err.to_string().contains("UTF-8"));
    }

    #[test]
    fn strips_byte_order_mark() {
        let doc = Document::from_bytes("x", b"\xEF\xBB\xBFhello".to_vec()).unwrap();
        assert_eq!(doc.text, "hello");
    }
}
