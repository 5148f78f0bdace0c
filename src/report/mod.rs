//! The finished report and its printers. Printers only read a `Report`.

use serde::Serialize;

use crate::align::{Bead, Mode};
use crate::embed::ModelInfo;

pub mod json;
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
}

impl Rule {
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
        }
    }
}

/// Where a finding sits in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    /// 0-based sentence index.
    pub sentence: usize,
    /// Byte range into the document.
    pub start: usize,
    pub end: usize,
    /// 1-based; column in Unicode scalar values.
    pub line: usize,
    pub column: usize,
    pub text: String,
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
