//! CMS JSON exports: the string fields that hold copy, chosen by JSON
//! pointer (`--fields /headline,/body`) or by name. Offsets map into the JSON
//! file itself, escapes included.

use super::{Original, ProseBuilder, Span};
use crate::error::{Error, Result};

/// Fields read when no pointers are given (and strings nested under them).
const DEFAULT_KEYS: &[&str] = &["headline", "title", "standfirst", "body", "text", "caption"];

pub fn read(shown: &str, original: &Original, fields: &[String]) -> Result<ProseBuilder> {
    let source = original.text.as_str();
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(source) {
        return Err(Error::input(shown, format!("malformed JSON at line {}, column {}: {e}", e.line(), e.column())));
    }
    let mut strings = Vec::new();
    let mut scanner = Scanner { bytes: source.as_bytes(), pos: 0 };
    scanner.value(&mut String::new(), false, &mut strings);
    let mut prose = ProseBuilder::default();
    for string in strings.iter().filter(|s| wanted(s, fields)) {
        unescape(&mut prose, source, string.content);
        prose.paragraph_break();
    }
    Ok(prose)
}

/// A string value and where it sits.
struct JsonString {
    pointer: String,
    /// Under a key named like copy.
    named: bool,
    /// Between the quotes.
    content: Span,
}

fn wanted(string: &JsonString, fields: &[String]) -> bool {
    if fields.is_empty() {
        return string.named;
    }
    fields.iter().any(|f| string.pointer == *f || string.pointer.starts_with(&format!("{f}/")))
}

/// Walks JSON already known to be valid (serde_json checked it).
struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn skip_space(&mut self) {
        while self.bytes.get(self.pos).is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    fn value(&mut self, pointer: &mut String, named: bool, out: &mut Vec<JsonString>) {
        self.skip_space();
        match self.bytes.get(self.pos) {
            Some(b'{') => self.object(pointer, named, out),
            Some(b'[') => self.array(pointer, named, out),
            Some(b'"') => {
                let content = self.string();
                out.push(JsonString { pointer: pointer.clone(), named, content });
            }
            _ => {
                while self.bytes.get(self.pos).is_some_and(|b| !matches!(b, b',' | b'}' | b']')) {
                    self.pos += 1;
                }
            }
        }
    }

    fn object(&mut self, pointer: &mut String, named: bool, out: &mut Vec<JsonString>) {
        self.pos += 1;
        loop {
            self.skip_space();
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    let key = self.string();
                    let key = unescaped(&self.bytes[key.start..key.end]);
                    self.skip_space();
                    self.pos += 1; // ':'
                    let length = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                    let child_named = named || DEFAULT_KEYS.contains(&key.to_lowercase().as_str());
                    self.value(pointer, child_named, out);
                    pointer.truncate(length);
                }
                Some(b',') => self.pos += 1,
                _ => {
                    self.pos += 1; // '}'
                    return;
                }
            }
        }
    }

    fn array(&mut self, pointer: &mut String, named: bool, out: &mut Vec<JsonString>) {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_space();
            match self.bytes.get(self.pos) {
                Some(b']') | None => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => self.pos += 1,
                Some(_) => {
                    let length = pointer.len();
                    pointer.push_str(&format!("/{index}"));
                    self.value(pointer, named, out);
                    pointer.truncate(length);
                    index += 1;
                }
            }
        }
    }

    /// The content span of the string at `pos`, leaving `pos` after it.
    fn string(&mut self) -> Span {
        let start = self.pos + 1;
        let mut i = start;
        while i < self.bytes.len() && self.bytes[i] != b'"' {
            i += if self.bytes[i] == b'\\' { 2 } else { 1 };
        }
        self.pos = (i + 1).min(self.bytes.len());
        Span::new(start, i.min(self.bytes.len()))
    }
}

fn unescaped(raw: &[u8]) -> String {
    let quoted = [b"\"".as_slice(), raw, b"\""].concat();
    serde_json::from_slice(&quoted).unwrap_or_default()
}

/// A string's content into prose: plain runs verbatim, each escape decoded
/// and mapped to its whole source (`\u00e9`, `\"`, a surrogate pair).
fn unescape(prose: &mut ProseBuilder, source: &str, content: Span) {
    let raw = &source[content.start..content.end];
    let mut rest = 0;
    while let Some(found) = raw[rest..].find('\\') {
        let at = rest + found;
        prose.verbatim(&raw[rest..at], content.start + rest);
        let end = escape_end(raw, at);
        let decoded = unescaped(&raw.as_bytes()[at..end]);
        prose.decoded(&decoded, Span::new(content.start + at, content.start + end));
        rest = end;
    }
    prose.verbatim(&raw[rest..], content.start + rest);
}

/// End of the escape at `at`; a `\uD83D\uDE00` surrogate pair is one escape.
fn escape_end(raw: &str, at: usize) -> usize {
    if raw.as_bytes().get(at + 1) != Some(&b'u') {
        return (at + 2).min(raw.len());
    }
    let end = (at + 6).min(raw.len());
    let high = raw.get(at + 2..end).and_then(|h| u16::from_str_radix(h, 16).ok()).is_some_and(|u| (0xD800..0xDC00).contains(&u));
    if high && raw.get(end..end + 2) == Some("\\u") {
        (end + 6).min(raw.len())
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use std::sync::Arc;

    fn document(source: &str, fields: &[&str]) -> Result<Document> {
        let original = Arc::new(Original::new(source.into()));
        let fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        let prose = read("x.json", &original, &fields)?;
        Document::from_prose("x.json", original, prose)
    }

    #[test]
    fn reads_named_fields_and_maps_escapes() {
        let source = r#"{"id": 7, "headline": "Caf\u00e9 \"open\"", "meta": {"author": "A"}, "body": ["One.", "Two \ud83d\ude00."]}"#;
        let doc = document(source, &[]).unwrap();
        assert_eq!(doc.text, "Café \"open\"\n\nOne.\n\nTwo 😀.");
        assert_eq!(doc.original_text(Span::new(0, 5)), r"Caf\u00e9");
        let at = doc.text.find('😀').unwrap();
        assert_eq!(doc.original_text(Span::new(at, at + 4)), r"\ud83d\ude00");
        let only = document(source, &["/meta/author"]).unwrap();
        assert_eq!(only.text, "A");
    }

    #[test]
    fn malformed_json_names_the_line() {
        let error = document("{\n\"title\": \"x\",\n}", &[]).unwrap_err().to_string();
        assert!(error.contains("x.json") && error.contains("line 3"), "{error}");
    }
}
