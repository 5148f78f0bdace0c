//! Prose text built from pieces of an original file, with a map from prose
//! byte offsets back to original byte offsets.

use super::Span;

/// A run of prose that came from one range of the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    prose: usize,
    prose_len: usize,
    original: usize,
    original_len: usize,
    /// The prose is a byte-for-byte copy of the original range.
    verbatim: bool,
}

impl Piece {
    fn prose_end(&self) -> usize {
        self.prose + self.prose_len
    }
    fn original_end(&self) -> usize {
        self.original + self.original_len
    }
}

/// Prose offsets → original offsets. Verbatim pieces map byte for byte; a
/// decoded piece (an entity, an escape, a line break turned into a space) maps
/// as a whole to its whole source range.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The original offset where prose offset `offset` starts.
    pub fn start(&self, offset: usize) -> usize {
        let index = self.pieces.partition_point(|p| p.prose <= offset);
        let Some(piece) = index.checked_sub(1).map(|i| self.pieces[i]) else {
            return self.pieces.first().map_or(offset, |p| p.original);
        };
        if offset < piece.prose_end() {
            return if piece.verbatim { piece.original + (offset - piece.prose) } else { piece.original };
        }
        // In a gap (an inserted paragraph break): the next piece starts it.
        self.pieces.get(index).map_or(piece.original_end(), |next| next.original)
    }

    /// The original offset where a prose span ending at `offset` ends.
    pub fn end(&self, offset: usize) -> usize {
        let index = self.pieces.partition_point(|p| p.prose < offset);
        let Some(piece) = index.checked_sub(1).map(|i| self.pieces[i]) else {
            return self.pieces.first().map_or(offset, |p| p.original);
        };
        if offset <= piece.prose_end() && piece.verbatim {
            return piece.original + (offset - piece.prose);
        }
        piece.original_end()
    }

    pub fn span(&self, span: Span) -> Span {
        let start = self.start(span.start);
        Span::new(start, self.end(span.end).max(start))
    }
}

/// Builds prose and its map as a reader walks the original.
#[derive(Debug, Default)]
pub struct ProseBuilder {
    pub text: String,
    map: OffsetMap,
}

impl ProseBuilder {
    /// Appends `text`, a verbatim copy of the original from `original`.
    pub fn verbatim(&mut self, text: &str, original: usize) {
        if text.is_empty() {
            return;
        }
        let prose = self.text.len();
        self.text.push_str(text);
        if let Some(last) = self.map.pieces.last_mut() {
            if last.verbatim && last.prose_end() == prose && last.original_end() == original {
                last.prose_len += text.len();
                last.original_len += text.len();
                return;
            }
        }
        self.push(Piece { prose, prose_len: text.len(), original, original_len: text.len(), verbatim: true });
    }

    /// Appends `text`, decoded from the original range `original`.
    pub fn decoded(&mut self, text: &str, original: Span) {
        if text.is_empty() {
            return;
        }
        let prose = self.text.len();
        self.text.push_str(text);
        self.push(Piece { prose, prose_len: text.len(), original: original.start, original_len: original.len(), verbatim: false });
    }

    /// Appends original text, each whitespace run holding a line break turned
    /// into one space, so that a paragraph stays on one prose line.
    pub fn flowing(&mut self, text: &str, original: usize) {
        let mut rest = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !c.is_whitespace() {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let run = &text[i..end];
            if run.contains(['\n', '\r']) || run.len() > 1 && !run.contains(' ') {
                self.verbatim(&text[rest..i], original + rest);
                self.decoded(" ", Span::new(original + i, original + end));
                rest = end;
            }
        }
        self.verbatim(&text[rest..], original + rest);
    }

    /// Ends a paragraph: the next text starts on a new prose line.
    pub fn paragraph_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push_str(if self.text.ends_with('\n') { "\n" } else { "\n\n" });
        }
    }

    pub fn finish(mut self) -> (String, OffsetMap) {
        let trimmed = self.text.trim_end().len();
        self.text.truncate(trimmed);
        (self.text, self.map)
    }

    fn push(&mut self, piece: Piece) {
        self.map.pieces.push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_verbatim_decoded_and_gaps() {
        let original = "<p>Tom &amp; Jerry</p>\n<p>Next\n  line</p>";
        let mut prose = ProseBuilder::default();
        prose.verbatim("Tom ", 3);
        prose.decoded("&", Span::new(7, 12));
        prose.verbatim(" Jerry", 12);
        prose.paragraph_break();
        prose.flowing("Next\n  line", 26);
        let (text, map) = prose.finish();
        assert_eq!(text, "Tom & Jerry\n\nNext line");
        let whole = map.span(Span::new(0, 11));
        assert_eq!(&original[whole.start..whole.end], "Tom &amp; Jerry");
        let amp = map.span(Span::new(4, 5));
        assert_eq!(&original[amp.start..amp.end], "&amp;");
        let next = map.span(Span::new(13, text.len()));
        assert_eq!(&original[next.start..next.end], "Next\n  line");
        // A span starting in the inserted break starts at the next piece.
        assert_eq!(map.start(11), 26);
    }
}
