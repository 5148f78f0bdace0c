//! In a rewrite (or a same-language edit) facts move between sentences: a
//! name or number missing from its aligned sentence but present anywhere in
//! the other document has moved, not gone, and is not reported.

use super::Side;
use crate::align::{Alignment, Mode};
use crate::extract::{Fact, FactKind};
use crate::report::{Finding, Location, Rule};

/// Whether facts may move: rewrite mode, or both documents in one language.
pub fn facts_may_move(alignment: &Alignment, source: &Side, target: &Side) -> bool {
    alignment.mode == Mode::Rewrite || source.language == target.language
}

/// Drops `*-missing` / `*-added` findings for names and numbers whose fact
/// occurs somewhere in the other document.
pub fn drop_moved(findings: Vec<Finding>, source: &Side, target: &Side) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|finding| match finding.rule {
            Rule::NameMissing | Rule::NumberMissing => !present(finding.source.as_ref(), source, target),
            Rule::NameAdded | Rule::NumberAdded => !present(finding.target.as_ref(), target, source),
            _ => true,
        })
        .collect()
}

/// Whether the fact at `at` in `own` has a counterpart anywhere in `other`.
fn present(at: Option<&Location>, own: &Side, other: &Side) -> bool {
    let Some(at) = at else { return false };
    let Some(fact) = fact_at(own, at) else { return false };
    other.facts.iter().flatten().filter(|f| f.kind == fact.kind).any(|f| same(fact, f))
}

fn fact_at<'a>(side: &'a Side, at: &Location) -> Option<&'a Fact> {
    side.facts.get(at.sentence)?.iter().find(|f| f.span.start <= at.start && at.end <= f.span.end)
}

fn same(fact: &Fact, other: &Fact) -> bool {
    match (fact.kind, &fact.quantity, &other.quantity) {
        (FactKind::Number, Some(mine), Some(theirs)) => mine.matches(theirs),
        (FactKind::Name, _, _) => {
            let words = |f: &Fact| f.value.to_lowercase().split_whitespace().map(String::from).collect::<Vec<_>>();
            let (mine, theirs) = (words(fact), words(other));
            mine.iter().any(|w| w.chars().count() >= 3 && theirs.contains(w))
        }
        _ => fact.value == other.value,
    }
}
