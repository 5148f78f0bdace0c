//! Files that pair source and target per unit (XLIFF, TMX, PO): two prose
//! documents over the same original file, and the units that pair them.

use std::sync::Arc;

use super::{format::Format, po, tmx, xliff, Document, Original, ProseBuilder, ReadOptions, Span};
use crate::error::{Error, Result};

/// One translation unit: where its text lies in each prose document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitPair {
    /// The unit's id in the file (`tu-1`, `42#2` for segment 2 of unit 42).
    pub id: String,
    /// Prose span of the unit in `Bilingual::source` / `::target`.
    pub source: Span,
    pub target: Span,
    /// Inline codes and placeholders on each side (`x#1`, `%s`), in order.
    pub source_placeholders: Vec<String>,
    pub target_placeholders: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Bilingual {
    pub source: Document,
    pub target: Document,
    pub units: Vec<UnitPair>,
    /// Languages the file declares (ISO 639-1 where known).
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
}

impl Bilingual {
    /// Reads an XLIFF, TMX or PO file.
    pub fn read(path: &str, options: &ReadOptions) -> Result<Bilingual> {
        let original = super::read_original(path)?;
        let shown = super::shown(path);
        let mut builder = BilingualBuilder::default();
        match options.format_of(path) {
            Format::Xliff => xliff::read(shown, &original, &mut builder)?,
            Format::Tmx => tmx::read(shown, &original, &mut builder)?,
            Format::Po => po::read(shown, &original, &mut builder)?,
            other => return Err(Error::input(shown, format!("{} is not a bilingual format (XLIFF, TMX or PO)", other.name()))),
        }
        builder.finish(path, original)
    }

    /// The unit whose prose holds `offset` on one side.
    pub fn unit_at(&self, target: bool, offset: usize) -> Option<usize> {
        let span = |u: &UnitPair| if target { u.target } else { u.source };
        let index = self.units.partition_point(|u| span(u).start <= offset);
        index.checked_sub(1).filter(|&i| offset <= span(&self.units[i]).end)
    }
}

/// One side of a unit as read: text pieces of the original, and its codes.
#[derive(Debug, Default, Clone)]
pub struct Segment {
    parts: Vec<(Option<String>, Span)>,
    pub placeholders: Vec<String>,
}

impl Segment {
    /// Text that is the original's bytes in `span`.
    pub fn verbatim(&mut self, span: Span) {
        if !span.is_empty() {
            self.parts.push((None, span));
        }
    }

    /// Text decoded from the original's bytes in `span`.
    pub fn decoded(&mut self, text: impl Into<String>, span: Span) {
        self.parts.push((Some(text.into()), span));
    }

    fn is_blank(&self, original: &str) -> bool {
        self.parts.iter().all(|(text, span)| match text {
            Some(text) => text.trim().is_empty(),
            None => original.get(span.start..span.end).is_none_or(|t| t.trim().is_empty()),
        })
    }

    /// Writes the segment as one prose line; returns its prose span.
    fn write(&self, prose: &mut ProseBuilder, original: &str) -> Span {
        prose.paragraph_break();
        let start = prose.text.len();
        for (text, span) in &self.parts {
            match text {
                Some(text) if text.contains('\n') => prose.decoded(&text.replace(['\n', '\r'], " "), *span),
                Some(text) => prose.decoded(text, *span),
                None => prose.flowing(original.get(span.start..span.end).unwrap_or(""), span.start),
            }
        }
        Span::new(start, prose.text.len())
    }
}

#[derive(Debug, Default)]
pub struct BilingualBuilder {
    pending: Vec<(String, Segment, Segment)>,
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
}

impl BilingualBuilder {
    /// A unit; one whose target is blank (untranslated) is left out.
    pub fn unit(&mut self, id: String, source: Segment, target: Segment) {
        self.pending.push((id, source, target));
    }

    #[cfg(test)]
    pub fn finish_for_tests(self, path: &str, original: Arc<Original>) -> Bilingual {
        self.finish(path, original).expect("units to check")
    }

    fn finish(self, path: &str, original: Arc<Original>) -> Result<Bilingual> {
        let (mut source, mut target) = (ProseBuilder::default(), ProseBuilder::default());
        let mut units = Vec::new();
        for (id, source_segment, target_segment) in self.pending {
            if source_segment.is_blank(&original.text) || target_segment.is_blank(&original.text) {
                continue;
            }
            units.push(UnitPair {
                id,
                source: source_segment.write(&mut source, &original.text),
                target: target_segment.write(&mut target, &original.text),
                source_placeholders: source_segment.placeholders,
                target_placeholders: target_segment.placeholders,
            });
        }
        if units.is_empty() {
            return Err(Error::input(super::shown(path), "has no translated units to check"));
        }
        Ok(Bilingual {
            source: Document::from_prose(path, original.clone(), source)?,
            target: Document::from_prose(path, original, target)?,
            units,
            source_lang: self.source_lang.as_deref().and_then(language),
            target_lang: self.target_lang.as_deref().and_then(language),
        })
    }
}

/// `en-US` → `en`; unknown codes are left to detection.
fn language(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    crate::detect::normalize_code(&primary).ok()
}
