//! gettext PO: `msgid` against `msgstr` (plural forms: `msgid` against
//! `msgstr[0]`, `msgid_plural` against the others). The header, fuzzy,
//! obsolete and untranslated entries are skipped.

use std::sync::OnceLock;

use regex::Regex;

use super::bilingual::{BilingualBuilder, Segment};
use super::{Original, Span};
use crate::error::{Error, Result};

/// One string of an entry: where it is, what it says.
#[derive(Default, Clone)]
struct Field {
    segment: Segment,
    decoded: String,
}

#[derive(Default)]
struct Entry {
    flags: Vec<String>,
    context: Option<String>,
    /// 1-based line of `msgid`.
    line: usize,
    /// `msgctxt`, `msgid`, `msgid_plural`, `msgstr`, `msgstr[n]`, in order.
    fields: Vec<(String, Field)>,
}

pub fn read(shown: &str, original: &Original, builder: &mut BilingualBuilder) -> Result<()> {
    let text = original.text.as_str();
    let mut entry = Entry::default();
    let mut offset = 0;
    for (number, raw_line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let at = line_start + (line.len() - trimmed.len());
        let error = |what: &str| Error::input(shown, format!("malformed PO at line {}: {what}", number + 1));
        if trimmed.is_empty() || trimmed.starts_with("#~") {
            continue;
        }
        if let Some(flags) = trimmed.strip_prefix("#,") {
            flush(&mut entry, builder);
            entry.flags.extend(flags.split(',').map(|f| f.trim().to_string()));
        } else if trimmed.starts_with('#') {
            if entry.fields.iter().any(|(k, _)| k.starts_with("msgstr")) {
                flush(&mut entry, builder);
            }
        } else if trimmed.starts_with('"') {
            let Some((_, field)) = entry.fields.last_mut() else { return Err(error("a string continues no keyword")) };
            string(field, trimmed, at).map_err(error)?;
        } else {
            let (keyword, rest) = trimmed.split_once(|c: char| c.is_whitespace()).ok_or_else(|| error("expected a keyword and a string"))?;
            if !is_keyword(keyword) {
                return Err(error(&format!("unknown keyword '{keyword}'")));
            }
            let starts_entry = matches!(keyword, "msgctxt" | "msgid");
            if starts_entry && entry.fields.iter().any(|(k, _)| k.starts_with("msgstr")) {
                flush(&mut entry, builder);
            }
            if keyword == "msgid" {
                entry.line = number + 1;
            }
            let mut field = Field::default();
            let rest_trimmed = rest.trim_start();
            string(&mut field, rest_trimmed, at + (trimmed.len() - rest_trimmed.len())).map_err(error)?;
            entry.fields.push((keyword.to_string(), field));
        }
    }
    flush(&mut entry, builder);
    Ok(())
}

fn is_keyword(keyword: &str) -> bool {
    matches!(keyword, "msgctxt" | "msgid" | "msgid_plural" | "msgstr")
        || keyword.strip_prefix("msgstr[").and_then(|n| n.strip_suffix(']')).is_some_and(|n| n.parse::<usize>().is_ok())
}

/// One `"…"` literal: plain runs verbatim, escapes decoded.
fn string(field: &mut Field, literal: &str, at: usize) -> Result<(), &'static str> {
    let body = literal.strip_prefix('"').ok_or("expected a quoted string")?;
    let mut chars = body.char_indices();
    let mut run = 0;
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                push_run(field, &body[run..i], at + 1 + run);
                return if body[i + 1..].trim().is_empty() { Ok(()) } else { Err("text after the closing quote") };
            }
            '\\' => {
                push_run(field, &body[run..i], at + 1 + run);
                let (j, escaped) = chars.next().ok_or("string ends in a backslash")?;
                let decoded = match escaped {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    other => other,
                };
                field.decoded.push(decoded);
                field.segment.decoded(decoded.to_string(), Span::new(at + 1 + i, at + 1 + j + escaped.len_utf8()));
                run = j + escaped.len_utf8();
            }
            _ => {}
        }
    }
    Err("string is never closed")
}

fn push_run(field: &mut Field, text: &str, at: usize) {
    field.decoded.push_str(text);
    field.segment.verbatim(Span::new(at, at + text.len()));
}

/// Pairs the finished entry's strings and starts a new entry.
fn flush(entry: &mut Entry, builder: &mut BilingualBuilder) {
    let entry = std::mem::take(entry);
    let field = |name: &str| entry.fields.iter().find(|(k, _)| k == name).map(|(_, f)| f.clone());
    let fuzzy = entry.flags.iter().any(|f| f == "fuzzy");
    let formatted = entry.flags.iter().any(|f| f.ends_with("-format") && !f.starts_with("no-"));
    let Some(msgid) = field("msgid") else { return };
    if fuzzy || msgid.decoded.is_empty() {
        return;
    }
    let context = field("msgctxt").map(|f| f.decoded).or(entry.context.clone());
    let id = context.unwrap_or_else(|| format!("L{}", entry.line));
    let plural = field("msgid_plural");
    for (key, target) in entry.fields.iter().filter(|(k, _)| k.starts_with("msgstr")) {
        let form: usize = key.trim_start_matches("msgstr").trim_matches(['[', ']']).parse().unwrap_or(0);
        let source = if form == 0 { &msgid } else { plural.as_ref().unwrap_or(&msgid) };
        let unit_id = if plural.is_some() { format!("{id}[{form}]") } else { id.clone() };
        builder.unit(unit_id, with_placeholders(source, formatted), with_placeholders(target, formatted));
    }
}

/// printf and brace placeholders (`%s`, `%1$d`, `%(name)s`, `{count}`) of
/// an entry flagged `*-format`.
fn with_placeholders(field: &Field, formatted: bool) -> Segment {
    static PLACEHOLDER: OnceLock<Regex> = OnceLock::new();
    let mut segment = field.segment.clone();
    if formatted {
        let pattern = PLACEHOLDER.get_or_init(|| {
            Regex::new(r"%(?:\d+\$|\([A-Za-z_][A-Za-z0-9_]*\))?[-+ #0']*\d*(?:\.\d+)?(?:hh|h|ll|l|z)?[sdifuxXeEgGcpo]|\{[A-Za-z0-9_]*\}")
                .expect("valid placeholder pattern")
        });
        let mut found: Vec<String> = pattern.find_iter(&field.decoded).map(|m| m.as_str().to_string()).collect();
        found.sort();
        segment.placeholders = found;
    }
    segment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_plurals_and_skips_fuzzy() {
        let text = "msgid \"\"\nmsgstr \"Language: it\\n\"\n\n#, c-format\nmsgid \"%d ship\"\nmsgid_plural \"%d ships\"\nmsgstr[0] \"%d nave\"\nmsgstr[1] \"%s navi\"\n\n#, fuzzy\nmsgid \"Old\"\nmsgstr \"Vecchio\"\n\nmsgid \"Say \\\"hi\\\"\"\n\"!\"\nmsgstr \"\"\n";
        let mut builder = BilingualBuilder::default();
        read("x.po", &Original::new(text.into()), &mut builder).unwrap();
        let original = std::sync::Arc::new(Original::new(text.into()));
        let bilingual = builder_finish(builder, original);
        assert_eq!(bilingual.units.len(), 2);
        assert_eq!(bilingual.target.text, "%d nave\n\n%s navi");
        assert_eq!(bilingual.units[1].id, "L5[1]");
        assert_ne!(bilingual.units[1].source_placeholders, bilingual.units[1].target_placeholders);
    }

    #[test]
    fn malformed_po_names_the_line() {
        let error = read("x.po", &Original::new("msgid \"a\"\nmsgstr \"b\n".into()), &mut BilingualBuilder::default()).unwrap_err();
        assert!(error.to_string().contains("x.po") && error.to_string().contains("line 2"), "{error}");
    }

    fn builder_finish(builder: BilingualBuilder, original: std::sync::Arc<Original>) -> super::super::Bilingual {
        builder.finish_for_tests("x.po", original)
    }
}
