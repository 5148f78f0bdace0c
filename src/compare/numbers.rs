//! `number-mismatch`, `number-missing`, `number-added`: numbers are matched
//! by value across the bead, whatever their writing (locale, words, units).

use super::{fact_location, BeadView, Placed, Side};
use crate::extract::{FactKind, QuantityKind};
use crate::report::{Finding, Rule, Severity};

fn matches(a: &Placed, b: &Placed) -> bool {
    match (&a.fact.quantity, &b.fact.quantity) {
        (Some(x), Some(y)) => x.matches(y),
        _ => a.fact.value == b.fact.value,
    }
}

/// Unmatched strong numbers of `side` against `other`.
fn unmatched<'a>(side: &[Placed<'a>], other: &[Placed<'a>]) -> Vec<Placed<'a>> {
    side.iter().filter(|p| !p.fact.weak && !other.iter().any(|o| matches(p, o))).copied().collect()
}

fn kind(p: &Placed) -> Option<QuantityKind> {
    p.fact.quantity.as_ref().map(|q| q.kind)
}

/// Whether two unmatched numbers can be one quantity with a changed value.
/// Only quantities of one kind (and one unit) are: a bare number against a
/// clock time or a measure is more often the same fact in another notation
/// (`3 p.m.` / `15:00`, `6-foot-6` / `1,98 m`) than a changed one, so those
/// stay `number-missing`/`number-added` warnings rather than errors.
fn comparable(source: &Placed, target: &Placed) -> bool {
    use QuantityKind::*;
    match (kind(source), kind(target)) {
        (Some(Measure), Some(Measure)) => source.fact.quantity.as_ref().map(|q| &q.unit) == target.fact.quantity.as_ref().map(|q| &q.unit),
        (Some(Date), Some(Date)) | (Some(Month), Some(Month)) => true,
        (Some(a), Some(b)) => a == b || (matches!(a, Cardinal | Ordinal) && matches!(b, Cardinal | Ordinal)),
        _ => true,
    }
}

pub fn check(view: &BeadView) -> Vec<Finding> {
    let source = view.source_facts(FactKind::Number);
    let target = view.target_facts(FactKind::Number);
    let mut missing = unmatched(&source, &target);
    let added = unmatched(&target, &source);
    let mut findings = Vec::new();
    for t in added {
        let paired = missing.iter().position(|s| comparable(s, &t));
        match paired {
            Some(k) => {
                let s = missing.remove(k);
                let message = format!("number {} in the source is {} in the target", shown(view.source, &s), shown(view.target, &t));
                findings.push(view.finding(Rule::NumberMismatch, Severity::Error, message, Some(fact_location(view.source, &s)), Some(fact_location(view.target, &t))));
            }
            None => {
                let message = format!("number {} in the target has no counterpart in the source", shown(view.target, &t));
                findings.push(view.finding(Rule::NumberAdded, Severity::Warning, message, None, Some(fact_location(view.target, &t))));
            }
        }
    }
    for s in missing {
        let message = format!("number {} in the source is missing in the target", shown(view.source, &s));
        findings.push(view.finding(Rule::NumberMissing, Severity::Warning, message, Some(fact_location(view.source, &s)), None));
    }
    findings
}

/// The number as written.
fn shown(side: &Side, p: &Placed) -> String {
    side.text.get(p.fact.span.start..p.fact.span.end).unwrap_or(&p.fact.value).to_string()
}
