//! `sentence-missing`, `sentence-added`, `untranslated`.

use super::{excerpt, location, BeadView, Placed, Side};
use crate::extract::text::{tokenize, Class};
use crate::extract::FactKind;
use crate::report::{Finding, Rule, Severity};

/// `facts`: the bead's number, name and quote findings.
pub fn check(view: &BeadView, facts: &[Finding]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let bead = view.bead;
    if bead.target.is_empty() {
        for &i in &bead.source {
            findings.push(missing(view, i));
        }
    }
    if let Some(i) = super::merged::orphan(view).filter(|&i| !numbers_rendered(view, i, true, facts)) {
        findings.push(missing(view, i));
    }
    if bead.source.is_empty() {
        for &j in &bead.target {
            findings.push(added(view, j));
        }
    }
    if let Some(j) = super::merged::stray(view).filter(|&j| !numbers_rendered(view, j, false, facts)) {
        findings.push(added(view, j));
    }
    for &j in &bead.target {
        if let Some(finding) = untranslated(view, j) {
            findings.push(finding);
        }
    }
    findings
}

/// Whether the other side renders sentence `i` of a merged bead (on the
/// source side when `source`): a number that no other sentence of its side
/// of the bead holds has its counterpart (no number finding points at it).
/// A translator who writes one sentence as two leaves each half's numbers
/// in the other side's one sentence, where the sentence vectors miss them;
/// a dropped sentence takes its numbers with it. Names do not tell: news
/// repeats them in the next sentence (3 of 40 dropped lines of the de news
/// benchmark were excused by a name).
fn numbers_rendered(view: &BeadView, i: usize, source: bool, facts: &[Finding]) -> bool {
    let numbers = if source { view.source_facts(FactKind::Number) } else { view.target_facts(FactKind::Number) };
    let all: Vec<Placed> = numbers.into_iter().filter(|p| !p.fact.weak).collect();
    let reported = |p: &Placed| {
        facts.iter().any(|f| {
            let at = if source { f.source.as_ref() } else { f.target.as_ref() };
            matches!(f.rule, Rule::NumberMismatch | Rule::NumberMissing | Rule::NumberAdded)
                && at.is_some_and(|l| l.start < p.fact.span.end && p.fact.span.start < l.end)
        })
    };
    let unique = |p: &Placed| all.iter().all(|o| o.sentence == i || o.fact.value != p.fact.value);
    all.iter().any(|p| p.sentence == i && unique(p) && !reported(p))
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
