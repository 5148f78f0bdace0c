//! Fact extraction: numbers, names and quotes found in one sentence.

use serde::Serialize;

use crate::document::Span;

pub mod names;
pub mod numbers;
pub mod quotes;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    Number,
    Name,
    Quote,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub kind: FactKind,
    /// Byte range into the document text (not the sentence).
    pub span: Span,
    /// The value normalised across locales and scripts, e.g. `1250`,
    /// `48500000 EUR`, `date:07-17`, `kanaani` (names), the quoted words.
    pub value: String,
}

/// All facts of one sentence. `offset` is the sentence's start in its document,
/// so that spans come out document-relative.
pub fn extract(sentence: &str, offset: usize, language: &str) -> Vec<Fact> {
    let mut facts = numbers::extract(sentence, language);
    facts.extend(names::extract(sentence, language));
    facts.extend(quotes::extract(sentence, language));
    for fact in &mut facts {
        fact.span = fact.span.shift(offset);
    }
    facts
}
