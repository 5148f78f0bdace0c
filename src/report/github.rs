//! GitHub Actions workflow commands: one `::error …::` line per finding, so
//! findings show up as annotations on the pull request.

use std::fmt::Write;

use super::location::{end_of, primary, relative_uri};
use super::{Report, Severity};

/// GitHub shows only so many annotations per step; the rest are counted.
pub const MAX_ANNOTATIONS: usize = 50;

pub fn render(reports: &[Report]) -> String {
    let mut out = String::new();
    let mut shown = 0;
    let total: usize = reports.iter().map(|r| r.findings.len()).sum();
    for report in reports {
        for finding in &report.findings {
            let Some((path, at)) = primary(finding, report) else { continue };
            if shown == MAX_ANNOTATIONS {
                break;
            }
            shown += 1;
            let command = match finding.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (end_line, end_column) = end_of(at);
            let _ = writeln!(out, "::{command} file={},line={},col={},endLine={end_line},endColumn={end_column},title={}::{}",
                property(&relative_uri(path)), at.line, at.column,
                property(&format!("transcheck {}", finding.rule.id())), data(&finding.message));
        }
    }
    let _ = writeln!(out, "transcheck: {total} finding{} in {} pair{}{}", if total == 1 { "" } else { "s" },
        reports.len(), if reports.len() == 1 { "" } else { "s" },
        if total > shown { format!(" ({} not annotated; see the JSON or SARIF report)", total - shown) } else { String::new() });
    out
}

/// Escapes a message (`%`, CR, LF).
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: also `:` and `,`, which separate properties.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_command_syntax() {
        assert_eq!(data("50% of\nit"), "50%25 of%0Ait");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
