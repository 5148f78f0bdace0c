//! The finished report and its printers. Printers only read a `Report`.

use serde::Serialize;

use crate::align::{Bead, Mode};
use crate::embed::ModelInfo;

pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod location;
pub mod sarif;
pub mod text;

/// Bumped when a field changes meaning or disappears; see `schema/report.schema.json`.
pub const SCHEMA_VERSION: &str = "1.0";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    NumberMismatch,
    NumberMissing,
    NumberAdded,
    NameMismatch,
    NameVariant,
    NameMissing,
    NameAdded,
    QuoteMissing,
    QuoteAdded,
    QuoteAltered,
    SentenceMissing,
    SentenceAdded,
    Untranslated,
    PlaceholderMismatch,
}

impl Rule {
    pub const ALL: [Rule; 14] = [
        Rule::NumberMismatch, Rule::NumberMissing, Rule::NumberAdded,
        Rule::NameMismatch, Rule::NameVariant, Rule::NameMissing, Rule::NameAdded,
        Rule::QuoteMissing, Rule::QuoteAdded, Rule::QuoteAltered,
        Rule::SentenceMissing, Rule::SentenceAdded, Rule::Untranslated,
        Rule::PlaceholderMismatch,
    ];

    /// One line for rule lists (SARIF `shortDescription`, `--help`).
    pub fn description(self) -> &'static str {
        match self {
            Rule::NumberMismatch => "Aligned sentences carry the same quantity with a different value.",
            Rule::NumberMissing => "A quantity in the original has no counterpart in the translation.",
            Rule::NumberAdded => "A quantity in the translation has no counterpart in the original.",
            Rule::NameMismatch => "The same entity is spelled differently beyond a transliteration variant.",
            Rule::NameVariant => "A name is rendered as a known or likely transliteration variant.",
            Rule::NameMissing => "A name in the original has no counterpart in the translation.",
            Rule::NameAdded => "A name in the translation has no counterpart in the original.",
            Rule::QuoteMissing => "A direct quote in the original is not a direct quote in the translation.",
            Rule::QuoteAdded => "A direct quote in the translation has none in the original.",
            Rule::QuoteAltered => "Both sides quote, but the quoted words do not say the same thing.",
            Rule::SentenceMissing => "A sentence of the original has no counterpart (omission).",
            Rule::SentenceAdded => "A sentence of the translation has no counterpart (addition).",
            Rule::Untranslated => "A sentence of the translation is still in the original's language.",
            Rule::PlaceholderMismatch => "A unit's inline codes or placeholders differ between source and target.",
        }
    }

    /// What an editor should do about it.
    pub fn help(self) -> &'static str {
        match self {
            Rule::NumberMismatch | Rule::NumberMissing | Rule::NumberAdded =>
                "Check the figure against the original; equal values written in another locale format are not reported.",
            Rule::NameMismatch => "Check the spelling of the name against the original.",
            Rule::NameVariant => "Usually fine; make sure the spelling follows the house style.",
            Rule::NameMissing | Rule::NameAdded => "Check that the person, place or organisation is still named.",
            Rule::QuoteMissing | Rule::QuoteAdded | Rule::QuoteAltered =>
                "Quotes must render what was said; compare the quoted words with the original.",
            Rule::SentenceMissing => "Translate the sentence or confirm that the cut is intended.",
            Rule::SentenceAdded => "Confirm that the added sentence is intended and sourced.",
            Rule::Untranslated => "Translate the sentence.",
            Rule::PlaceholderMismatch => "Keep every tag and placeholder of the source in the target, once each.",
        }
    }

    /// The severity the rules give unless a finding is judged otherwise.
    pub fn default_severity(self) -> Severity {
        match self {
            Rule::NumberMismatch | Rule::NumberMissing | Rule::NameMismatch | Rule::NameMissing | Rule::SentenceMissing
            | Rule::PlaceholderMismatch => Severity::Error,
            Rule::NameVariant => Severity::Info,
            _ => Severity::Warning,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Rule::NumberMismatch => "number-mismatch",
            Rule::NumberMissing => "number-missing",
            Rule::NumberAdded => "number-added",
            Rule::NameMismatch => "name-mismatch",
            Rule::NameVariant => "name-variant",
            Rule::NameMissing => "name-missing",
            Rule::NameAdded => "name-added",
            Rule::QuoteMissing => "quote-missing",
            Rule::QuoteAdded => "quote-added",
            Rule::QuoteAltered => "quote-altered",
            Rule::SentenceMissing => "sentence-missing",
            Rule::SentenceAdded => "sentence-added",
            Rule::Untranslated => "untranslated",
            Rule::PlaceholderMismatch => "placeholder-mismatch",
        }
    }
}

/// Where a finding sits in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    /// 0-based sentence index.
    pub sentence: usize,
    /// Byte range into the original file (its decoded text, after any
    /// byte-order mark); `text` is the file's text there, markup included.
    pub start: usize,
    pub end: usize,
    /// 1-based; column in Unicode scalar values.
    pub line: usize,
    pub column: usize,
    pub text: String,
    /// The translation unit (XLIFF, TMX, PO) the location lies in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    pub source: Option<Location>,
    pub target: Option<Location>,
    /// Index into `Report::alignment`.
    pub bead: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentenceInfo {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub path: String,
    pub language: String,
    pub language_confidence: f64,
    pub sentences: Vec<SentenceInfo>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema_version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub tool: Tool,
    pub model: ModelInfo,
    /// The alignment mode that ran.
    pub mode: Mode,
    pub source: DocumentInfo,
    pub target: DocumentInfo,
    pub alignment: Vec<Bead>,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Things the user should know that are not findings (truncated sentences…).
    pub warnings: Vec<String>,
    pub timing: Timing,
}

/// Where the time went, in milliseconds (varies run to run).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Timing {
    /// Model work: tokenising and encoding both documents.
    pub embed_ms: f64,
    pub total_ms: f64,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Self {
        let count = |s| findings.iter().filter(|f| f.severity == s).count();
        Summary { errors: count(Severity::Error), warnings: count(Severity::Warning), infos: count(Severity::Info) }
    }
}

impl Report {
    /// The highest severity among the findings, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}
