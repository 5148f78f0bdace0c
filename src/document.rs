//! Reading documents. Every later span is a byte range into `Document::text`.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};

/// Files larger than this are refused: a news article is a few dozen KiB, and
/// a mistaken path (a video, a database dump, a whole archive) should fail
/// fast instead of embedding for an hour.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

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

#[derive(Debug, Clone)]
pub struct Document {
    /// Where the text came from: a path, `-` for stdin, or a pair id.
    pub origin: String,
    pub text: String,
}

impl Document {
    pub fn from_text(origin: impl Into<String>, text: impl Into<String>) -> Self {
        Document { origin: origin.into(), text: text.into() }
    }

    /// Reads a file, or stdin when `path` is `-`.
    pub fn read(path: &str) -> Result<Self> {
        let bytes = if path == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(MAX_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(|error| Error::Io { path: "<stdin>".into(), error })?;
            bytes
        } else {
            read_file(Path::new(path))?
        };
        Self::from_bytes(path, bytes)
    }

    pub fn from_bytes(origin: &str, bytes: Vec<u8>) -> Result<Self> {
        let shown = if origin == "-" { "<stdin>" } else { origin };
        if bytes.len() > MAX_BYTES {
            return Err(Error::input(shown, format!(
                "file is larger than {} MiB; split it into articles and check them one by one",
                MAX_BYTES / (1024 * 1024))));
        }
        let bytes = strip_bom(bytes);
        if bytes.contains(&0) {
            return Err(Error::input(shown, "looks like a binary file (contains NUL bytes); pass a UTF-8 text file"));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::input(shown, format!(
                "is not valid UTF-8 (invalid byte at offset {}); convert it to UTF-8 first",
                e.utf8_error().valid_up_to()))
        })?;
        Ok(Document { origin: origin.to_string(), text })
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        line_column(&self.text, offset)
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|error| Error::Io { path: shown.clone(), error })?;
    if meta.is_dir() {
        return Err(Error::input(shown, "is a directory; pass a text file"));
    }
    if meta.len() > MAX_BYTES as u64 {
        return Err(Error::input(shown, format!(
            "file is larger than {} MiB; split it into articles and check them one by one",
            MAX_BYTES / (1024 * 1024))));
    }
    std::fs::read(path).map_err(|error| Error::Io { path: shown, error })
}

fn strip_bom(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    bytes
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
