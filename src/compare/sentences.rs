//! `sentence-missing`, `sentence-added`, `untranslated`.

use super::{excerpt, location, BeadView, Side};
use crate::extract::text::{tokenize, Class};
use crate::extract::FactKind;
use crate::report::{Finding, Rule, Severity};

pub fn check(view: &BeadView) -> Vec<Finding> {
    let mut findings = Vec::new();
    let bead = view.bead;
    if bead.target.is_empty() {
        for &i in &bead.source {
            findings.push(missing(view, i));
        }
    }
    if let Some(i) = super::merged::orphan(view) {
        findings.push(missing(view, i));
    }
    if bead.source.is_empty() {
        for &j in &bead.target {
            findings.push(added(view, j));
        }
    }
    if let Some(j) = super::merged::stray(view) {
        findings.push(added(view, j));
    }
    for &j in &bead.target {
        if let Some(finding) = untranslated(view, j) {
            findings.push(finding);
        }
    }
    findings
}

fn sentence_text<'a>(side: &'a Side, i: usize) -> &'a str {
    side.sentences.get(i).and_then(|s| side.text.get(s.span.start..s.span.end)).unwrap_or("")
}

/// Words, counting two CJK characters as one word.
pub fn word_count(text: &str) -> usize {
    let tokens = tokenize(text);
    let words = tokens.iter().filter(|t| matches!(t.class, Class::Word | Class::Digits)).count();
    let cjk = tokens.iter().filter(|t| t.class == Class::Cjk).count();
    words + cjk / 2
}

fn missing(view: &BeadView, i: usize) -> Finding {
    let side = view.source;
    let text = sentence_text(side, i);
    let severity = if word_count(text) >= view.options.substantive_words { Severity::Error } else { Severity::Warning };
    let span = side.sentences[i].span;
    let message = format!("sentence missing in the target: \"{}\"", excerpt(text, 80));
    view.finding(Rule::SentenceMissing, severity, message, Some(location(side, i, span)), None)
}

fn added(view: &BeadView, j: usize) -> Finding {
    let side = view.target;
    let text = sentence_text(side, j);
    let span = side.sentences[j].span;
    let message = format!("sentence added in the target: \"{}\"", excerpt(text, 80));
    view.finding(Rule::SentenceAdded, Severity::Warning, message, None, Some(location(side, j, span)))
}

/// A target sentence still in the source language: detected confidently,
/// long enough, and not mostly names and numbers (which read the same).
fn untranslated(view: &BeadView, j: usize) -> Option<Finding> {
    let (source, target) = (view.source, view.target);
    if source.language == target.language {
        return None;
    }
    let detection = target.sentence_languages.get(j)?.as_ref()?;
    if detection.language != source.language || detection.confidence < view.options.untranslated_confidence {
        return None;
    }
    let text = sentence_text(target, j);
    let words = word_count(text);
    if words < 4 {
        return None;
    }
    let sentence = target.sentences[j].span;
    let fact_words: usize = target.facts.get(j).map_or(0, |facts| {
        facts.iter().filter(|f| f.kind != FactKind::Quote).map(|f| word_count(target.text.get(f.span.start..f.span.end).unwrap_or(""))).sum()
    });
    if fact_words * 2 >= words {
        return None;
    }
    let message = format!("target sentence is still in {} (not translated): \"{}\"", source.language, excerpt(text, 80));
    Some(view.finding(Rule::Untranslated, Severity::Warning, message, None, Some(location(target, j, sentence))))
}
