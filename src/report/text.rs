//! The human-readable printer: each finding with its source and target
//! sentences, the divergent spans marked, then a summary line.

use std::fmt::Write;

use super::{Finding, Location, Report, Severity};

/// How to mark spans: ANSI colours on a terminal, brackets elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Colour,
}

pub fn render(report: &Report, style: Style) -> String {
    let mut out = String::new();
    header(&mut out, report);
    for finding in &report.findings {
        render_finding(&mut out, finding, report, style);
    }
    for warning in &report.warnings {
        let _ = writeln!(out, "note: {warning}");
    }
    let s = &report.summary;
    let _ = writeln!(out, "{} error{}, {} warning{}, {} info{}", s.errors, plural(s.errors),
        s.warnings, plural(s.warnings), s.infos, plural(s.infos));
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn header(out: &mut String, report: &Report) {
    let (source, target) = (&report.source, &report.target);
    for (side, document) in [("source", source), ("target", target)] {
        let count = document.sentences.len();
        let _ = writeln!(out, "{side}: {} ({}, {count} sentence{})", document.path, document.language, plural(count));
    }
    let mode = serde_json::to_value(report.mode).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
    let beads = report.alignment.len();
    let _ = writeln!(out, "alignment: {beads} bead{}, {mode} mode\n", plural(beads));
}

fn render_finding(out: &mut String, finding: &Finding, report: &Report, style: Style) {
    let severity = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    let title = format!("{severity}[{}]", finding.rule.id());
    let _ = writeln!(out, "{}: {}", paint(&title, finding.severity, style), finding.message);
    if let Some(location) = &finding.source {
        show(out, "source", location, &report.source.sentences, finding.severity, style);
    }
    if let Some(location) = &finding.target {
        show(out, "target", location, &report.target.sentences, finding.severity, style);
    }
    out.push('\n');
}

/// One line: `  source 3:12  the sentence, with the span marked`.
fn show(out: &mut String, side: &str, at: &Location, sentences: &[super::SentenceInfo], severity: Severity, style: Style) {
    let Some(sentence) = sentences.get(at.sentence) else { return };
    let marked = mark(sentence, at, severity, style);
    let _ = writeln!(out, "  {side} {}:{}  {}", at.line, at.column, marked.replace('\n', " "));
}

fn mark(sentence: &super::SentenceInfo, at: &Location, severity: Severity, style: Style) -> String {
    let text = &sentence.text;
    let whole = at.start <= sentence.start && at.end >= sentence.end;
    let (Some(start), Some(end)) = (at.start.checked_sub(sentence.start), at.end.checked_sub(sentence.start)) else {
        return text.clone();
    };
    if whole || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return text.clone();
    }
    let span = &text[start..end];
    let marked = match style {
        Style::Plain => format!("[[{span}]]"),
        Style::Colour => paint(span, severity, style),
    };
    format!("{}{marked}{}", &text[..start], &text[end..])
}

fn paint(text: &str, severity: Severity, style: Style) -> String {
    if style == Style::Plain {
        return text.to_string();
    }
    let code = match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}
