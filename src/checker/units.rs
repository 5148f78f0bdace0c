//! Bilingual files (XLIFF, TMX, PO): units are already paired, so each unit's
//! sentences align only among themselves, and inline codes are compared.

use std::time::Instant;

use super::{Checker, Languages, Prepared};
use crate::align::{self, AlignOptions, Alignment, Bead, Mode};
use crate::document::{Bilingual, Span, UnitPair};
use crate::embed::{cosine, Embeddings};
use crate::error::Result;
use crate::report::{Finding, Location, Report, Rule};

impl Checker {
    /// Checks every unit of a bilingual file against its own translation.
    pub fn check_units(&self, file: &Bilingual, languages: &Languages) -> Result<Report> {
        let started = Instant::now();
        let config = self.config();
        let source_lang = languages.source.as_deref().or(config.source_lang.as_deref()).or(file.source_lang.as_deref());
        let target_lang = languages.target.as_deref().or(config.target_lang.as_deref()).or(file.target_lang.as_deref());
        let source = self.prepare(&file.source, source_lang)?;
        let target = self.prepare(&file.target, target_lang)?;
        let source_units = by_unit(file, &source, false);
        let target_units = by_unit(file, &target, true);
        let (alignment, first_bead) = align_units(&source_units, &target_units, &source, &target, &config.align);
        let report = self.finish(&source, &target, alignment, started, |mut findings| {
            for (index, unit) in file.units.iter().enumerate() {
                let sentences = (&source_units[index], &target_units[index]);
                findings.extend(placeholder_finding(unit, sentences, first_bead[index]));
            }
            for finding in &mut findings {
                label(finding, file);
            }
            findings
        });
        Ok(report)
    }
}

/// Sentence indices of each unit on one side.
fn by_unit(file: &Bilingual, prepared: &Prepared, target: bool) -> Vec<Vec<usize>> {
    let mut units = vec![Vec::new(); file.units.len()];
    for (index, sentence) in prepared.sentences.iter().enumerate() {
        if let Some(unit) = file.unit_at(target, sentence.span.start) {
            units[unit].push(index);
        }
    }
    units
}

/// One bead per single-sentence unit; the aligner inside longer units. Also
/// the index of each unit's first bead.
fn align_units<'d>(
    source_units: &[Vec<usize>],
    target_units: &[Vec<usize>],
    source: &Prepared<'d>,
    target: &Prepared<'d>,
    options: &AlignOptions,
) -> (Alignment, Vec<Option<usize>>) {
    let options = AlignOptions { mode: Mode::Translation, ..options.clone() };
    let (source_texts, target_texts) = (source.sentence_texts(), target.sentence_texts());
    let mut beads = Vec::new();
    let mut first_bead = Vec::with_capacity(source_units.len());
    for (source_ids, target_ids) in source_units.iter().zip(target_units) {
        first_bead.push((!source_ids.is_empty() || !target_ids.is_empty()).then_some(beads.len()));
        if source_ids.len() <= 1 && target_ids.len() <= 1 {
            let similarity = match (source_ids.first(), target_ids.first()) {
                (Some(&i), Some(&j)) => cosine(source.embeddings.row(i), target.embeddings.row(j)),
                _ => 0.0,
            };
            beads.push(Bead { source: source_ids.clone(), target: target_ids.clone(), similarity });
            continue;
        }
        let (source_rows, target_rows) = (subset(&source.embeddings, source_ids), subset(&target.embeddings, target_ids));
        let pick = |all: &[&'d str], ids: &[usize]| -> Vec<&'d str> { ids.iter().map(|&i| all[i]).collect() };
        let (source_marks, target_marks) = align::document_marks(&pick(&source_texts, source_ids), &pick(&target_texts, target_ids));
        let inner = align::align_sides(
            align::Side { marks: Some(&source_marks), ..align::Side::new(&source_rows) },
            align::Side { marks: Some(&target_marks), ..align::Side::new(&target_rows) },
            &options,
        );
        beads.extend(inner.beads.into_iter().map(|bead| Bead {
            source: bead.source.iter().map(|&i| source_ids[i]).collect(),
            target: bead.target.iter().map(|&j| target_ids[j]).collect(),
            similarity: bead.similarity,
        }));
    }
    (Alignment { beads, mode: Mode::Translation }, first_bead)
}

fn subset(embeddings: &Embeddings, rows: &[usize]) -> Embeddings {
    Embeddings {
        dim: embeddings.dim,
        data: rows.iter().flat_map(|&i| embeddings.row(i).iter().copied()).collect(),
        tokens: rows.iter().map(|&i| embeddings.tokens[i]).collect(),
        truncated: Vec::new(),
    }
}

/// `placeholder-mismatch` when the two sides' codes differ as multisets.
fn placeholder_finding(unit: &UnitPair, sentences: (&Vec<usize>, &Vec<usize>), bead: Option<usize>) -> Option<Finding> {
    let (mut source, mut target) = (unit.source_placeholders.clone(), unit.target_placeholders.clone());
    source.sort();
    target.sort();
    if source == target {
        return None;
    }
    let missing = difference(&source, &target);
    let added = difference(&target, &source);
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("the target lacks {}", missing.join(", ")));
    }
    if !added.is_empty() {
        parts.push(format!("the target adds {}", added.join(", ")));
    }
    let rule = Rule::PlaceholderMismatch;
    Some(Finding {
        rule,
        severity: rule.default_severity(),
        message: format!("inline codes differ: {}", parts.join("; ")),
        source: Some(unit_location(unit.source, sentences.0)),
        target: Some(unit_location(unit.target, sentences.1)),
        bead,
    })
}

/// Items of `left` not matched one for one in `right` (both sorted).
fn difference(left: &[String], right: &[String]) -> Vec<String> {
    let mut rest: Vec<&String> = right.iter().collect();
    left.iter()
        .filter(|item| match rest.iter().position(|r| r == item) {
            Some(i) => {
                rest.remove(i);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

/// A whole unit, in prose offsets (moved to the original by the caller).
fn unit_location(span: Span, sentences: &[usize]) -> Location {
    let sentence = sentences.first().copied().unwrap_or(0);
    Location { sentence, start: span.start, end: span.end, line: 0, column: 0, text: String::new(), unit: None }
}

fn label(finding: &mut Finding, file: &Bilingual) {
    for (location, target) in [(finding.source.as_mut(), false), (finding.target.as_mut(), true)] {
        if let Some(location) = location {
            location.unit = file.unit_at(target, location.start).map(|i| file.units[i].id.clone());
        }
    }
}
