//! Fact extraction: numbers, names and quotes found in one sentence.

use serde::Serialize;

use crate::document::Span;

pub mod names;
pub mod numbers;
pub mod quotes;
pub mod text;

pub use numbers::{Quantity, QuantityKind};

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
    /// The parsed quantity of a number fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// A fact that may not be one ("one of them", "First", a German noun):
    /// it can match a counterpart but is never reported on its own.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
}

impl Fact {
    pub fn new(kind: FactKind, span: Span, value: impl Into<String>) -> Self {
        Fact { kind, span, value: value.into(), quantity: None, weak: false }
    }
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
