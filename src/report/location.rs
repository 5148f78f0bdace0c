//! Helpers the CI printers share: where a finding points, its end position,
//! and a fingerprint that survives unrelated edits.

use sha2::{Digest, Sha256};

use super::{Finding, Location, Report};

/// The location an annotation is attached to: the target side when there is
/// one (that is the file under review), else the source side.
pub fn primary<'r>(finding: &'r Finding, report: &'r Report) -> Option<(&'r str, &'r Location)> {
    match (&finding.target, &finding.source) {
        (Some(target), _) => Some((report.target.path.as_str(), target)),
        (None, Some(source)) => Some((report.source.path.as_str(), source)),
        (None, None) => None,
    }
}

/// 1-based end line and exclusive end column (Unicode scalar values).
pub fn end_of(location: &Location) -> (usize, usize) {
    match location.text.rfind('\n') {
        None => (location.line, location.column + location.text.chars().count()),
        Some(i) => (location.line + location.text.matches('\n').count(), location.text[i + 1..].chars().count() + 1),
    }
}

/// A stable id for a finding: rule, files and the texts involved, never line
/// numbers, so that edits elsewhere in the file keep it.
pub fn fingerprint(finding: &Finding, report: &Report) -> String {
    let mut hash = Sha256::new();
    for part in [
        finding.rule.id(),
        &report.source.path,
        &report.target.path,
        finding.source.as_ref().map_or("", |l| l.text.as_str()),
        finding.target.as_ref().map_or("", |l| l.text.as_str()),
        &finding.message,
    ] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hash.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// A path as given, relative to the working folder when it lies inside it,
/// with `/` separators (what SARIF and CI annotations expect).
pub fn relative_uri(path: &str) -> String {
    let given = std::path::Path::new(path);
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| given.strip_prefix(cwd).ok().map(|p| p.to_path_buf()))
        .unwrap_or_else(|| given.to_path_buf());
    relative.to_string_lossy().replace('\\', "/").trim_start_matches("./").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn location(line: usize, column: usize, text: &str) -> Location {
        Location { sentence: 0, start: 0, end: text.len(), line, column, text: text.into(), unit: None }
    }

    #[test]
    fn end_position_counts_characters_and_lines() {
        assert_eq!(end_of(&location(3, 5, "Трамп")), (3, 10));
        assert_eq!(end_of(&location(3, 5, "ab\ncd")), (4, 3));
    }
}
