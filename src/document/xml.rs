//! What the XML formats (XLIFF, TMX) share: positioned events, attributes,
//! entity decoding and the inline codes that never count as text.

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::Reader;

use super::bilingual::Segment;
use super::{Original, Span};
use crate::error::{Error, Result};

/// Inline elements whose content is native code (not text), one placeholder each.
const CODE: &[&str] = &["ph", "bpt", "ept", "it", "ut"];
/// Empty inline elements: one placeholder each.
const EMPTY_CODES: &[&str] = &["x", "bx", "ex", "ph", "sc", "ec", "sm", "em", "it", "ut"];
/// Elements wrapping text: the tag is a placeholder, the content is text.
const WRAPPERS: &[&str] = &["g", "pc"];

/// One event and the original byte range it came from.
pub struct Positioned<'a> {
    pub event: Event<'a>,
    pub span: Span,
}

/// Reads events with their positions; checks nesting to the end.
pub struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    original: &'a Original,
    shown: &'a str,
    open: Vec<String>,
}

impl<'a> XmlReader<'a> {
    pub fn new(shown: &'a str, original: &'a Original) -> Self {
        let mut reader = Reader::from_str(&original.text);
        reader.config_mut().check_end_names = true;
        XmlReader { reader, original, shown, open: Vec::new() }
    }

    /// The next event, or `None` at a well-formed end.
    pub fn next(&mut self) -> Result<Option<Positioned<'a>>> {
        let start = self.reader.buffer_position() as usize;
        let event = self.reader.read_event().map_err(|e| {
            let at = self.reader.error_position() as usize;
            self.error(at, &e.to_string())
        })?;
        let span = Span::new(start, self.reader.buffer_position() as usize);
        match &event {
            Event::Start(tag) => self.open.push(local_name(tag)),
            Event::End(_) => {
                self.open.pop();
            }
            Event::Eof => {
                return match self.open.last() {
                    Some(name) => Err(self.error(start, &format!("<{name}> is never closed (file truncated?)"))),
                    None => Ok(None),
                };
            }
            _ => {}
        }
        Ok(Some(Positioned { event, span }))
    }

    pub fn error(&self, offset: usize, what: &str) -> Error {
        let (line, column) = self.original.line_column(offset);
        Error::input(self.shown, format!("malformed XML at line {line}, column {column}: {what}"))
    }

    pub fn text(&self, span: Span) -> &'a str {
        self.original.text.get(span.start..span.end).unwrap_or("")
    }
}

pub fn local_name(tag: &BytesStart) -> String {
    let name = tag.local_name();
    name.as_ref().to_string()
}

pub fn end_name(tag: &BytesEnd) -> String {
    let name = tag.local_name();
    name.as_ref().to_string()
}

/// An attribute by qualified name (`id`, `xml:lang`).
pub fn attribute(tag: &BytesStart, name: &str) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::default()).ok().map(|v| v.into_owned()))
}

/// Character data into a segment: plain runs verbatim, each reference
/// decoded and mapped to its whole `&…;`.
pub fn push_text(segment: &mut Segment, raw: &str, at: usize) {
    let mut rest = 0;
    while let Some(found) = raw[rest..].find('&') {
        let start = rest + found;
        let Some(length) = raw[start..].find(';') else { break };
        let end = start + length + 1;
        segment.verbatim(Span::new(at + rest, at + start));
        match decode_reference(&raw[start + 1..end - 1]) {
            Some(text) => segment.decoded(text, Span::new(at + start, at + end)),
            None => segment.verbatim(Span::new(at + start, at + end)),
        }
        rest = end;
    }
    segment.verbatim(Span::new(at + rest, at + raw.len()));
}

fn decode_reference(name: &str) -> Option<String> {
    let code = match name {
        "lt" => return Some("<".into()),
        "gt" => return Some(">".into()),
        "amp" => return Some("&".into()),
        "apos" => return Some("'".into()),
        "quot" => return Some("\"".into()),
        _ => name.strip_prefix('#')?,
    };
    let value = match code.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => code.parse().ok()?,
    };
    char::from_u32(value).map(String::from)
}

/// Collects one segment's text and inline codes.
#[derive(Default)]
pub struct InlineText {
    pub segment: Segment,
    /// Depth inside native-code elements.
    code: usize,
}

impl InlineText {
    /// Takes an event inside the segment; false when it is none of its business.
    pub fn take(&mut self, reader: &XmlReader, positioned: &Positioned) -> bool {
        let span = positioned.span;
        match &positioned.event {
            Event::Text(_) | Event::GeneralRef(_) if self.code == 0 => push_text(&mut self.segment, reader.text(span), span.start),
            Event::CData(_) if self.code == 0 => self.segment.verbatim(Span::new(span.start + 9, span.end.saturating_sub(3))),
            Event::Start(tag) => {
                let name = local_name(tag);
                if CODE.contains(&name.as_str()) {
                    self.code += 1;
                    self.segment.placeholders.push(code_key(&name, tag));
                } else if WRAPPERS.contains(&name.as_str()) {
                    self.segment.placeholders.push(code_key(&name, tag));
                }
            }
            Event::End(tag) => {
                let name = end_name(tag);
                if CODE.contains(&name.as_str()) {
                    self.code = self.code.saturating_sub(1);
                }
            }
            Event::Empty(tag) => {
                let name = local_name(tag);
                if name == "cp" {
                    let text = attribute(tag, "hex").and_then(|h| u32::from_str_radix(&h, 16).ok()).and_then(char::from_u32);
                    self.segment.decoded(text.map(String::from).unwrap_or_default(), span);
                } else if EMPTY_CODES.contains(&name.as_str()) || WRAPPERS.contains(&name.as_str()) {
                    self.segment.placeholders.push(code_key(&name, tag));
                }
            }
            _ => return false,
        }
        true
    }
}

/// `x#1`, `bpt#2`, `ec#3`: what must match between source and target.
fn code_key(name: &str, tag: &BytesStart) -> String {
    let id = ["id", "startRef", "rid", "i", "x"].iter().find_map(|a| attribute(tag, a)).unwrap_or_default();
    format!("{name}#{id}")
}
