//! `quote-missing`, `quote-added`, `quote-altered`.
//!
//! Quotes pair up in order. Whether a pair says the same thing is for a
//! `QuoteSimilarity` to judge; the default compares words within one
//! language and, across languages, only what it can check without a model:
//! the numbers and names inside the quotes and their lengths. With an
//! encoder, word alignment tells how well each target quote's words link
//! into the source (`quote_links`).

use super::quote_links::{QuoteLinks, WEAK_UNLINKED_BELOW};
use super::sentences::word_count;
use super::{excerpt, fact_location, BeadView, Placed};
use crate::extract::text::{ascii_key, tokenize, Class};
use crate::extract::{numbers, names, FactKind};
use crate::report::{Finding, Rule, Severity};

/// Two paired quotes, as a `QuoteSimilarity` sees them.
pub struct QuotePair<'a> {
    pub source: &'a str,
    pub source_language: &'a str,
    pub target: &'a str,
    pub target_language: &'a str,
    /// Mean best cosine of the target quote's words to the source's words
    /// (word alignment), when an encoder ran across languages.
    pub linked: Option<f32>,
    /// Both quotes are weak (titles, terms, scare-quoted words).
    pub weak: bool,
}

/// Judges how alike two quotes are, 0..1; `None` when it cannot tell.
pub trait QuoteSimilarity {
    fn similarity(&self, pair: &QuotePair) -> Option<f32>;
}

/// Word overlap within a language; numbers, names and length across languages.
pub struct LexicalQuoteSimilarity;

impl QuoteSimilarity for LexicalQuoteSimilarity {
    fn similarity(&self, pair: &QuotePair) -> Option<f32> {
        if pair.source_language == pair.target_language {
            return Some(word_overlap(pair.source, pair.target));
        }
        cross_language(pair.source, pair.source_language, pair.target, pair.target_language)
    }
}

fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> = tokenize(text).into_iter().filter(|t| t.class != Class::Symbol).map(|t| t.norm).collect();
    words.sort();
    words.dedup();
    words
}

/// Shared words over the words of the shorter quote.
fn word_overlap(source: &str, target: &str) -> f32 {
    let (s, t) = (word_set(source), word_set(target));
    let shared = s.iter().filter(|w| t.contains(w)).count();
    let smaller = s.len().min(t.len()).max(1);
    shared as f32 / smaller as f32
}

fn cross_language(source: &str, source_language: &str, target: &str, target_language: &str) -> Option<f32> {
    let source_numbers = numbers::extract(source, source_language);
    let target_numbers = numbers::extract(target, target_language);
    let strong = |facts: &[crate::extract::Fact], other: &[crate::extract::Fact]| {
        facts.iter().filter(|f| !f.weak).all(|f| other.iter().any(|o| matches!((&f.quantity, &o.quantity), (Some(a), Some(b)) if a.matches(b))))
    };
    if !strong(&source_numbers, &target_numbers) || !strong(&target_numbers, &source_numbers) {
        return Some(0.0);
    }
    let source_names: Vec<String> = names::extract(source, source_language).into_iter().filter(|f| !f.weak).map(|f| f.value).collect();
    let target_keys = ascii_key(target);
    if source_names.iter().any(|n| n.split(' ').any(|w| w.len() >= 3 && !target_keys.contains(w))) {
        return None;
    }
    let (s, t) = (word_count(source) as f32, word_count(target) as f32);
    if s >= 6.0 && t >= 6.0 && (s / t > 3.0 || t / s > 3.0) {
        return Some(0.2);
    }
    None
}

pub fn check(view: &BeadView) -> Vec<Finding> {
    let source = view.source_facts(FactKind::Quote);
    let target = view.target_facts(FactKind::Quote);
    let mut findings = Vec::new();
    let pairs = source.len().min(target.len());
    let links = if target.is_empty() { None } else { QuoteLinks::compute(view) };
    let linked = |t: &Placed| links.as_ref().and_then(|l| l.linked(view, t));
    for (s, t) in source.iter().zip(&target) {
        let (weak, link) = (s.fact.weak && t.fact.weak, linked(t));
        // Two weak quotes are judged only with word links to go by.
        if weak && link.is_none() {
            continue;
        }
        if let Some(finding) = altered(view, s, t, link, weak) {
            findings.push(finding);
        }
    }
    for s in source.iter().skip(pairs).filter(|s| !s.fact.weak) {
        let message = format!("quote \"{}\" in the source has no quote in the target", excerpt(&s.fact.value, 60));
        findings.push(view.finding(Rule::QuoteMissing, Severity::Warning, message, Some(fact_location(view.source, s)), None));
    }
    let unpaired = &target[pairs..];
    if unpaired.is_empty() {
        return findings;
    }
    let source_text = view.source_text();
    let source_words = word_set(&source_text);
    let unlinked = |t: &Placed| linked(t).is_some_and(|l| l < WEAK_UNLINKED_BELOW);
    let unexplained = |t: &&Placed| !t.fact.weak || (source.is_empty() && carried_over_in_vain(&source_text, &source_words, &t.fact.value)) || unlinked(t);
    for t in unpaired.iter().filter(unexplained) {
        let message = format!("quote \"{}\" in the target has no quote in the source", excerpt(&t.fact.value, 60));
        findings.push(view.finding(Rule::QuoteAdded, Severity::Warning, message, None, Some(fact_location(view.target, t))));
    }
    findings
}

/// A short quote (a title, a scare-quoted word) between Latin-script
/// languages is normally carried over verbatim ("Boutique", „Boutique“);
/// one with none of its words in a source that quotes nothing was not.
fn carried_over_in_vain(source: &str, source_words: &[String], quote: &str) -> bool {
    latin(source) && latin(quote) && !word_set(quote).iter().any(|w| source_words.contains(w))
}

fn latin(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c))
}

fn altered(view: &BeadView, s: &Placed, t: &Placed, linked: Option<f32>, weak: bool) -> Option<Finding> {
    let pair = QuotePair { source: &s.fact.value, source_language: view.source.language, target: &t.fact.value, target_language: view.target.language, linked, weak };
    let similarity = view.options.quote_similarity.similarity(&pair)?;
    if similarity >= view.options.quote_threshold {
        return None;
    }
    let message = format!("quote \"{}\" is rendered \"{}\"", excerpt(&s.fact.value, 50), excerpt(&t.fact.value, 50));
    Some(view.finding(Rule::QuoteAltered, Severity::Warning, message, Some(fact_location(view.source, s)), Some(fact_location(view.target, t))))
}
