//! The pipeline in one call.

use crate::align::{self, AlignOptions, Alignment};
use crate::compare::{self, Side};
use crate::config::FileConfig;
use crate::detect::{self, Detection};
use crate::document::{Document, Span};
use crate::embed::{Embedder, Embeddings};
use crate::error::{Error, Result};
use crate::extract::{self, Fact};
use crate::report::{DocumentInfo, Report, SentenceInfo, Summary, Timing, Tool, SCHEMA_VERSION};
use crate::report::{Finding, Location};
use crate::segment::{self, Sentence};
use std::time::Instant;

mod quotes;
mod units;

pub use quotes::EncoderQuoteSimilarity;

#[derive(Debug, Clone, Default)]
pub struct Config {
    /// ISO 639 code; detected when absent.
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    /// One sentence per line: no segmentation.
    pub presegmented: bool,
    pub align: AlignOptions,
    /// Rule levels, allowlists and ignore patterns from `transcheck.toml`.
    pub file: FileConfig,
}

/// Per-pair language choices (`check --pairs`); `None` defers to the config.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    pub source: Option<String>,
    pub target: Option<String>,
}

pub struct Checker {
    embedder: Box<dyn Embedder>,
    config: Config,
}

/// A document after detect → segment → embed.
pub struct Prepared<'d> {
    pub document: &'d Document,
    pub language: Detection,
    pub sentences: Vec<Sentence>,
    pub embeddings: Embeddings,
    /// Time spent in the embedder.
    pub embed_time: std::time::Duration,
}

impl<'d> Prepared<'d> {
    pub fn sentence_texts(&self) -> Vec<&'d str> {
        self.sentences.iter().map(|s| s.text(&self.document.text)).collect()
    }
}

impl Checker {
    pub fn new(embedder: Box<dyn Embedder>, config: Config) -> Self {
        Checker { embedder, config }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn embedder(&self) -> &dyn Embedder {
        self.embedder.as_ref()
    }

    /// detect → segment → embed for one document.
    pub fn prepare<'d>(&self, document: &'d Document, language: Option<&str>) -> Result<Prepared<'d>> {
        let language = detect::resolve(&document.text, language)?;
        let sentences = if self.config.presegmented {
            segment::presegmented(&document.text)
        } else {
            segment::segment(&document.text, &language.language)
        };
        if sentences.is_empty() {
            return Err(Error::input(&document.origin, "has no text to check (the file is empty or blank)"));
        }
        let texts: Vec<&str> = sentences.iter().map(|s| s.text(&document.text)).collect();
        let started = Instant::now();
        let embeddings = self.embedder.embed(&texts)?;
        let embed_time = started.elapsed();
        Ok(Prepared { document, language, sentences, embeddings, embed_time })
    }

    /// Everything up to the alignment (the `align` subcommand).
    pub fn align<'d>(&self, source: &'d Document, target: &'d Document) -> Result<(Prepared<'d>, Prepared<'d>, Alignment)> {
        self.align_in(source, target, &Languages::default())
    }

    fn align_in<'d>(&self, source: &'d Document, target: &'d Document, languages: &Languages) -> Result<(Prepared<'d>, Prepared<'d>, Alignment)> {
        let source_lang = languages.source.as_deref().or(self.config.source_lang.as_deref());
        let target_lang = languages.target.as_deref().or(self.config.target_lang.as_deref());
        let source = self.prepare(source, source_lang)?;
        let target = self.prepare(target, target_lang)?;
        let options = AlignOptions { same_language: source.language.language == target.language.language, ..self.config.align.clone() };
        let (source_texts, target_texts) = (source.sentence_texts(), target.sentence_texts());
        let (source_marks, target_marks) = align::document_marks(&source_texts, &target_texts);
        let (source_words, target_words) = (align::document_words(&source_texts), align::document_words(&target_texts));
        let alignment = align::align_sides(
            align::Side { marks: Some(&source_marks), words: Some(&source_words), ..align::Side::new(&source.embeddings) },
            align::Side { marks: Some(&target_marks), words: Some(&target_words), ..align::Side::new(&target.embeddings) },
            &options,
        );
        Ok((source, target, alignment))
    }

    /// The whole pipeline, with the configured (or detected) languages.
    pub fn check(&self, source: &Document, target: &Document) -> Result<Report> {
        self.check_in(source, target, &Languages::default())
    }

    /// The whole pipeline; `languages` override the configured ones for this pair.
    pub fn check_in(&self, source: &Document, target: &Document, languages: &Languages) -> Result<Report> {
        let started = Instant::now();
        let (source, target, alignment) = self.align_in(source, target, languages)?;
        Ok(self.finish(&source, &target, alignment, started, |findings| findings))
    }

    /// facts → compare → report, for aligned documents; `adjust` sees the
    /// findings while they still point into the prose.
    fn finish(
        &self,
        source: &Prepared,
        target: &Prepared,
        alignment: Alignment,
        started: Instant,
        adjust: impl FnOnce(Vec<Finding>) -> Vec<Finding>,
    ) -> Report {
        let source_facts = facts(source);
        let target_facts = facts(target);
        let source_langs = sentence_languages(source);
        let target_langs = sentence_languages(target);
        let quote_similarity = EncoderQuoteSimilarity { embedder: self.embedder.as_ref() };
        let options = compare::CompareOptions { quote_similarity: &quote_similarity, word_encoder: Some(self.embedder.as_ref()), spellings: &self.config.file.allow.names, ..Default::default() };
        let findings = compare::compare_with(
            &alignment,
            &side(source, &source_facts, &source_langs),
            &side(target, &target_facts, &target_langs),
            &options,
        );
        let findings = self.config.file.apply(adjust(self.drop_ignored(findings)));
        let findings = relocate(findings, source.document, target.document);
        let mut warnings = truncation_warnings(source, "source");
        warnings.extend(truncation_warnings(target, "target"));
        Report {
            schema_version: SCHEMA_VERSION.to_string(),
            id: None,
            tool: Tool { name: "transcheck".into(), version: env!("CARGO_PKG_VERSION").into() },
            model: self.embedder.info(),
            mode: alignment.mode,
            summary: Summary::of(&findings),
            source: document_info(source),
            target: document_info(target),
            alignment: alignment.beads,
            findings,
            warnings,
            timing: Timing {
                embed_ms: (source.embed_time + target.embed_time).as_secs_f64() * 1e3,
                total_ms: started.elapsed().as_secs_f64() * 1e3,
            },
        }
    }
}

impl Checker {
    /// Findings in sentences that match an `ignore` pattern are dropped.
    fn drop_ignored(&self, findings: Vec<crate::report::Finding>) -> Vec<crate::report::Finding> {
        let patterns = self.config.file.ignore_patterns();
        if patterns.is_empty() {
            return findings;
        }
        findings
            .into_iter()
            .filter(|f| {
                ![&f.source, &f.target].iter().filter_map(|l| l.as_ref()).any(|l| patterns.iter().any(|p| p.is_match(&l.text)))
            })
            .collect()
    }
}

fn side<'a>(prepared: &'a Prepared, facts: &'a [Vec<Fact>], languages: &'a [Option<Detection>]) -> Side<'a> {
    Side {
        text: &prepared.document.text,
        language: &prepared.language.language,
        sentences: &prepared.sentences,
        facts,
        sentence_languages: languages,
        embeddings: Some(&prepared.embeddings),
    }
}

fn facts(prepared: &Prepared) -> Vec<Vec<Fact>> {
    let text = &prepared.document.text;
    prepared
        .sentences
        .iter()
        .map(|s| extract::extract(s.text(text), s.span.start, &prepared.language.language))
        .collect()
}

fn sentence_languages(prepared: &Prepared) -> Vec<Option<Detection>> {
    prepared.sentence_texts().iter().map(|t| detect::detect(t)).collect()
}

fn document_info(prepared: &Prepared) -> DocumentInfo {
    let document = prepared.document;
    DocumentInfo {
        path: prepared.document.origin.clone(),
        language: prepared.language.language.clone(),
        language_confidence: prepared.language.confidence,
        sentences: prepared
            .sentences
            .iter()
            .map(|s| {
                let span = document.original_span(s.span);
                let (line, column) = document.line_column(span.start);
                SentenceInfo { start: span.start, end: span.end, line, column, text: document.original_text(s.span).to_string() }
            })
            .collect(),
    }
}

fn truncation_warnings(prepared: &Prepared, side: &str) -> Vec<String> {
    prepared
        .embeddings
        .truncated
        .iter()
        .map(|&i| format!("{side} sentence {i} is longer than the model's 512 tokens; only its start was compared"))
        .collect()
}

/// Findings point into the prose; reports point into the original files.
fn relocate(mut findings: Vec<Finding>, source: &Document, target: &Document) -> Vec<Finding> {
    for finding in &mut findings {
        if let Some(location) = finding.source.as_mut() {
            to_original(location, source);
        }
        if let Some(location) = finding.target.as_mut() {
            to_original(location, target);
        }
    }
    findings
}

fn to_original(location: &mut Location, document: &Document) {
    let prose = Span::new(location.start, location.end);
    let span = document.original_span(prose);
    let (line, column) = document.line_column(span.start);
    location.text = document.original_text(prose).to_string();
    (location.start, location.end, location.line, location.column) = (span.start, span.end, line, column);
}
