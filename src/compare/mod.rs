//! Rules: aligned sentences + their facts → findings.
//!
//! Each bead is checked on its own: sentences present on one side only,
//! untranslated target sentences, then numbers, names and quotes.

use crate::align::{Alignment, Bead};
use crate::detect::Detection;
use crate::document::{line_column, Span};
use crate::extract::{Fact, FactKind};
use crate::report::{Finding, Location, Rule, Severity};
use crate::segment::Sentence;

mod capitals;
mod holes;
pub mod links;
mod merged;
mod moved;
mod name_links;
mod name_places;
mod names;
mod numbers;
mod quote_links;
mod quotes;
mod rendered;
mod romaji;
mod sentences;

pub use quotes::{LexicalQuoteSimilarity, QuotePair, QuoteSimilarity};

/// One document as the rules see it.
pub struct Side<'a> {
    pub text: &'a str,
    pub language: &'a str,
    pub sentences: &'a [Sentence],
    /// Facts of each sentence, indexed like `sentences`.
    pub facts: &'a [Vec<Fact>],
    /// Language detected for each sentence on its own.
    pub sentence_languages: &'a [Option<Detection>],
    /// Sentence embeddings, indexed like `sentences`, when a model ran:
    /// they tell which sentence of a merged bead has no counterpart.
    pub embeddings: Option<&'a crate::embed::Embeddings>,
}

/// Knobs of the rules; `Default` is what the CLI uses.
pub struct CompareOptions<'q> {
    /// Judges whether two quotes say the same thing; the default compares
    /// words (same language) or the numbers and names inside (across languages).
    pub quote_similarity: &'q dyn QuoteSimilarity,
    /// Quotes less similar than this are `quote-altered`.
    pub quote_threshold: f32,
    /// A missing sentence with at least this many words is an error.
    pub substantive_words: usize,
    /// Least per-sentence detection confidence for `untranslated`.
    pub untranslated_confidence: f64,
    /// Gives contextual token vectors for aligning the words of a bead
    /// (names); without it names are matched by spelling alone.
    pub word_encoder: Option<&'q dyn crate::embed::Embedder>,
    /// Groups of spellings of one name (house style, from the
    /// configuration): a name is on the other side when it writes one.
    pub spellings: &'q [Vec<String>],
}

impl Default for CompareOptions<'static> {
    fn default() -> Self {
        CompareOptions { quote_similarity: &LexicalQuoteSimilarity, quote_threshold: 0.5, substantive_words: 4, untranslated_confidence: 0.5, word_encoder: None, spellings: &[] }
    }
}

/// All findings for an aligned document pair, in bead order, then by rule.
pub fn compare(alignment: &Alignment, source: &Side, target: &Side) -> Vec<Finding> {
    compare_with(alignment, source, target, &CompareOptions::default())
}

pub fn compare_with(alignment: &Alignment, source: &Side, target: &Side, options: &CompareOptions) -> Vec<Finding> {
    let mut findings = Vec::new();
    let lengths = merged::Lengths::of(source, target);
    for (index, bead) in alignment.beads.iter().enumerate() {
        let view = BeadView { index, bead, source, target, options, lengths: &lengths, word_links: std::cell::OnceCell::new() };
        let mut found = Vec::new();
        if !bead.source.is_empty() && !bead.target.is_empty() {
            found.extend(numbers::check(&view));
            found.extend(names::check(&view));
            found.extend(quotes::check(&view));
        }
        // The sentence rules read the number findings: a merged sentence
        // whose own number found its counterpart is rendered.
        let sentence_findings = sentences::check(&view, &found);
        found.retain(|f| !within_reported_sentence(f, &sentence_findings));
        found.extend(sentence_findings);
        found.sort_by_key(|f| f.rule);
        findings.extend(found);
    }
    if moved::facts_may_move(alignment, source, target) {
        findings = moved::drop_moved(findings, source, target);
    }
    findings
}

/// Whether `finding` reports a number, name or quote as missing or added
/// inside a sentence that is itself reported missing or added (a sentence
/// of a merged bead that nothing renders): its facts go with it, and one
/// finding says so.
fn within_reported_sentence(finding: &Finding, sentence_findings: &[Finding]) -> bool {
    let sentence_of = |rule: Rule, source: bool| {
        sentence_findings
            .iter()
            .filter(move |f| f.rule == rule)
            .filter_map(move |f| if source { f.source.as_ref() } else { f.target.as_ref() })
            .map(|l| l.sentence)
    };
    match finding.rule {
        Rule::NumberMissing | Rule::NameMissing | Rule::QuoteMissing => {
            finding.source.as_ref().is_some_and(|l| sentence_of(Rule::SentenceMissing, true).any(|i| i == l.sentence))
        }
        Rule::NumberAdded | Rule::NameAdded | Rule::QuoteAdded => {
            finding.target.as_ref().is_some_and(|l| sentence_of(Rule::SentenceAdded, false).any(|j| j == l.sentence))
        }
        _ => false,
    }
}

/// One bead with both documents, as the rules read it.
pub(crate) struct BeadView<'a> {
    pub index: usize,
    pub bead: &'a Bead,
    pub source: &'a Side<'a>,
    pub target: &'a Side<'a>,
    pub options: &'a CompareOptions<'a>,
    /// Sentence lengths of both documents, counted once for all beads.
    pub lengths: &'a merged::Lengths,
    /// The bead's word links, computed on first use and shared by the name
    /// and quote rules (one encoder pass per side).
    word_links: std::cell::OnceCell<Option<std::rc::Rc<links::Links>>>,
}

/// A fact with the sentence it sits in.
#[derive(Clone, Copy)]
pub(crate) struct Placed<'a> {
    pub sentence: usize,
    pub fact: &'a Fact,
}

impl<'a> BeadView<'a> {
    /// Word links across the bead's two sides, when the rules have an encoder.
    pub fn word_links(&self) -> Option<std::rc::Rc<links::Links>> {
        self.word_links
            .get_or_init(|| {
                let encoder = self.options.word_encoder?;
                links::Links::compute(encoder, &self.source_text(), &self.target_text()).map(std::rc::Rc::new)
            })
            .clone()
    }

    pub fn source_facts(&self, kind: FactKind) -> Vec<Placed<'a>> {
        placed(self.source, &self.bead.source, kind)
    }

    pub fn target_facts(&self, kind: FactKind) -> Vec<Placed<'a>> {
        placed(self.target, &self.bead.target, kind)
    }

    pub fn source_text(&self) -> String {
        joined(self.source, &self.bead.source)
    }

    pub fn target_text(&self) -> String {
        joined(self.target, &self.bead.target)
    }

    /// The bead's sentences on one side, each with its index and the
    /// offset where it starts in `source_text()` / `target_text()`.
    pub fn joined_sentences(&self, source: bool) -> Vec<(usize, &'a Sentence, usize)> {
        let (side, indices) = if source { (self.source, &self.bead.source) } else { (self.target, &self.bead.target) };
        let mut offset = 0;
        let mut out = Vec::with_capacity(indices.len());
        for &i in indices {
            let Some(sentence) = side.sentences.get(i) else { continue };
            out.push((i, sentence, offset));
            // `joined` puts one space between sentences.
            offset += sentence.span.len() + 1;
        }
        out
    }

    /// Where `placed` sits in `target_text()` (or `source_text()`).
    pub fn joined_span(&self, placed: &Placed, source: bool) -> std::ops::Range<usize> {
        let found = self.joined_sentences(source).into_iter().find(|(i, _, _)| *i == placed.sentence);
        let Some((_, sentence, offset)) = found else { return 0..0 };
        let start = offset + placed.fact.span.start.saturating_sub(sentence.span.start);
        start..start + placed.fact.span.len()
    }

    pub fn finding(&self, rule: Rule, severity: Severity, message: String, source: Option<Location>, target: Option<Location>) -> Finding {
        Finding { rule, severity, message, source, target, bead: Some(self.index) }
    }
}

fn placed<'a>(side: &'a Side, indices: &[usize], kind: FactKind) -> Vec<Placed<'a>> {
    indices
        .iter()
        .filter_map(|&i| side.facts.get(i).map(|facts| (i, facts)))
        .flat_map(|(sentence, facts)| facts.iter().filter(move |f| f.kind == kind).map(move |fact| Placed { sentence, fact }))
        .collect()
}

fn joined(side: &Side, indices: &[usize]) -> String {
    let texts: Vec<&str> = indices.iter().filter_map(|&i| side.sentences.get(i)).filter_map(|s| side.text.get(s.span.start..s.span.end)).collect();
    texts.join(" ")
}

/// Where a span sits, for a report.
pub(crate) fn location(side: &Side, sentence: usize, span: Span) -> Location {
    let (line, column) = line_column(side.text, span.start);
    let text = side.text.get(span.start..span.end).unwrap_or("").to_string();
    Location { sentence, start: span.start, end: span.end, line, column, text, unit: None }
}

pub(crate) fn fact_location(side: &Side, placed: &Placed) -> Location {
    location(side, placed.sentence, placed.fact.span)
}

/// The text of a span, at most `max` characters, for one-line messages.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    let clean: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.chars().count() <= max {
        clean
    } else {
        let cut: String = clean.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests;
