//! `transcheck.toml`: per-publication settings, discovered from the working
//! folder upward (`transcheck.toml`, `.transcheck.toml`, or
//! `[tool.transcheck]` in `pyproject.toml`). Unknown keys are errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::align::Mode;
use crate::error::{Error, Result};
use crate::report::{Finding, Rule, Severity};

const FILE_NAMES: [&str; 2] = ["transcheck.toml", ".transcheck.toml"];

/// A rule's level in the config: a severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// ISO 639 code of the originals; detected when absent.
    pub source_lang: Option<String>,
    /// ISO 639 code of the translations; detected when absent.
    pub target_lang: Option<String>,
    pub mode: Option<Mode>,
    /// Severity per rule id, or `off`.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    #[serde(default)]
    pub allow: Allow,
    /// Sentences matching any of these regular expressions are not checked.
    #[serde(default)]
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    /// Spellings of one name that house style accepts, in any script:
    /// `[["Kyiv", "Kiev"]]`. Never a mismatch between each other; a name
    /// is present where the other side writes one (see `compare`).
    #[serde(default)]
    pub names: Vec<Vec<String>>,
    /// Values never reported, as written in either text: `["24/7"]`.
    #[serde(default)]
    pub numbers: Vec<String>,
}

#[derive(Deserialize)]
struct PyProject {
    tool: Option<PyProjectTool>,
}

#[derive(Deserialize)]
struct PyProjectTool {
    transcheck: Option<toml::Value>,
}

impl FileConfig {
    /// Parses a config file; errors name the file, the line and the key.
    pub fn parse(path: &Path, text: &str) -> Result<Self> {
        if path.file_name().is_some_and(|n| n == "pyproject.toml") {
            let project: PyProject = toml::from_str(text).map_err(|e| toml_error(path, text, e))?;
            let Some(section) = project.tool.and_then(|t| t.transcheck) else { return Ok(Self::default()) };
            let config: Self = section.try_into().map_err(|e: toml::de::Error| {
                Error::Config(format!("{}: [tool.transcheck]: {}", path.display(), first_line(e.message())))
            })?;
            return config.validated(path);
        }
        let config: Self = toml::from_str(text).map_err(|e| toml_error(path, text, e))?;
        config.validated(path)
    }

    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| Error::Io { path: path.display().to_string(), error })?;
        Self::parse(path, &text)
    }

    fn validated(self, path: &Path) -> Result<Self> {
        for id in self.rules.keys() {
            if !Rule::ALL.iter().any(|r| r.id() == id) {
                return Err(Error::Config(format!("{}: [rules]: unknown rule '{id}'", path.display())));
            }
        }
        for pattern in &self.ignore {
            Regex::new(pattern).map_err(|e| Error::Config(format!(
                "{}: ignore: invalid pattern '{pattern}': {}", path.display(), first_line(&e.to_string()))))?;
        }
        Ok(self)
    }

    /// Applies severities, `off` and allowlists to a pair's findings.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut finding| {
                match self.rules.get(finding.rule.id()) {
                    Some(Level::Off) => return None,
                    Some(Level::Error) => finding.severity = Severity::Error,
                    Some(Level::Warning) => finding.severity = Severity::Warning,
                    Some(Level::Info) => finding.severity = Severity::Info,
                    None => {}
                }
                (!self.allows(&finding)).then_some(finding)
            })
            .collect()
    }

    fn allows(&self, finding: &Finding) -> bool {
        let texts: Vec<&str> = [&finding.source, &finding.target].iter()
            .filter_map(|l| l.as_ref().map(|l| l.text.as_str()))
            .collect();
        let rule = finding.rule.id();
        if rule.starts_with("number-") {
            return texts.iter().any(|t| self.allow.numbers.iter().any(|n| n == t));
        }
        if rule.starts_with("name-") {
            // A name missing or added on one side was judged with the
            // groups' spellings: the other side writes none of them.
            return texts.len() == 2 && self.allow.names.iter().any(|group| texts.iter().all(|t| group.iter().any(|n| n == t)));
        }
        false
    }

    /// Compiled `ignore` patterns (validated at load).
    pub fn ignore_patterns(&self) -> Vec<Regex> {
        self.ignore.iter().filter_map(|p| Regex::new(p).ok()).collect()
    }
}

/// `file:line:column: message` for a TOML error.
fn toml_error(path: &Path, text: &str, error: toml::de::Error) -> Error {
    let position = error.span().map(|span| {
        let (line, column) = crate::document::line_column(text, span.start);
        format!(":{line}:{column}")
    });
    Error::Config(format!("{}{}: {}", path.display(), position.unwrap_or_default(), first_line(error.message())))
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or("").trim().to_string()
}

/// The nearest config file from `start` upward, if any.
pub fn discover(start: &Path) -> Option<PathBuf> {
    for folder in start.ancestors() {
        for name in FILE_NAMES {
            let candidate = folder.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        let pyproject = folder.join("pyproject.toml");
        if pyproject.is_file()
            && std::fs::read_to_string(&pyproject).is_ok_and(|t| t.contains("[tool.transcheck]"))
        {
            return Some(pyproject);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_the_key_and_line() {
        let text = "source_lang = \"en\"\n\n[rules]\nname-variant = \"off\"\n\n[allow]\nnmes = []\n";
        let err = FileConfig::parse(Path::new("transcheck.toml"), text).unwrap_err().to_string();
        assert!(err.starts_with("transcheck.toml:7:"), "{err}");
        assert!(err.contains("nmes"), "{err}");
    }

    #[test]
    fn unknown_rule_is_an_error() {
        let err = FileConfig::parse(Path::new("t.toml"), "[rules]\nname-typo = \"off\"\n").unwrap_err();
        assert!(err.to_string().contains("name-typo"));
    }

    #[test]
    fn reads_pyproject_section() {
        let text = "[project]\nname = \"x\"\n\n[tool.transcheck]\ntarget_lang = \"it\"\n";
        let config = FileConfig::parse(Path::new("pyproject.toml"), text).unwrap();
        assert_eq!(config.target_lang.as_deref(), Some("it"));
    }

    #[test]
    fn house_spellings_silence_two_sided_name_findings_only() {
        let config = FileConfig::parse(Path::new("t.toml"), "[allow]\nnames = [[\"Kyiv\", \"Kiev\"]]\n").unwrap();
        let location = |text: &str| Some(crate::report::Location { sentence: 0, start: 0, end: text.len(), line: 1, column: 1, text: text.into(), unit: None });
        let finding = |rule, source: &str, target: Option<&str>| Finding { rule, severity: Severity::Warning, message: String::new(), source: location(source), target: target.and_then(location), bead: None };
        let kept = config.apply(vec![
            finding(Rule::NameVariant, "Kyiv", Some("Kiev")),
            finding(Rule::NameMissing, "Kyiv", None),
        ]);
        assert_eq!(kept.iter().map(|f| f.rule).collect::<Vec<_>>(), vec![Rule::NameMissing], "Kyiv missing is judged in compare and kept");
    }

    #[test]
    fn severity_overrides_and_off() {
        let config = FileConfig::parse(Path::new("t.toml"), "[rules]\nname-variant = \"off\"\nsentence-added = \"error\"\n").unwrap();
        let finding = |rule| Finding { rule, severity: Severity::Warning, message: String::new(), source: None, target: None, bead: None };
        let kept = config.apply(vec![finding(Rule::NameVariant), finding(Rule::SentenceAdded)]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].severity, Severity::Error);
    }
}
