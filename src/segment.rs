//! Sentence segmentation. Paragraphs (lines) are split with Wikimedia's
//! `sentencex` rules for the document's language, which keep abbreviations
//! ("U.S.", "Dr."), decimals and quoted speech together.

use serde::Serialize;

use crate::document::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph (non-blank line run) the sentence belongs to.
    pub paragraph: usize,
}

impl Sentence {
    pub fn text<'t>(&self, document_text: &'t str) -> &'t str {
        &document_text[self.span.start..self.span.end]
    }
}

/// sentencex has no rules of its own for these; the nearest set is used.
fn rules_for(language: &str) -> &str {
    match language {
        // Chinese and Korean end sentences with the same full-width marks as Japanese.
        "zh" | "ko" | "cmn" | "yue" => "ja",
        other => other,
    }
}

/// Splits `text` into sentences in `language` (ISO 639-1).
pub fn segment(text: &str, language: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (paragraph, line) in lines(text).enumerate() {
        let pieces: Vec<Span> = if language == "th" {
            split_thai(&text[line.start..line.end])
        } else {
            let paragraph = &text[line.start..line.end];
            let spans = sentencex::get_sentence_boundaries(rules_for(language), paragraph)
                .iter()
                .map(|b| Span::new(b.start_byte, b.end_byte))
                .collect();
            mend_cuts(paragraph, spans, language)
        };
        for piece in pieces {
            if let Some(span) = trim(text, piece.shift(line.start)) {
                sentences.push(Sentence { span, paragraph });
            }
        }
    }
    sentences
}

/// One sentence per non-blank line (`--presegmented`).
pub fn presegmented(text: &str) -> Vec<Sentence> {
    lines(text)
        .filter_map(|line| trim(text, line))
        .enumerate()
        .map(|(paragraph, span)| Sentence { span, paragraph })
        .collect()
}

/// Abbreviations missing from sentencex's lists that news writes before a
/// capitalised name (`Св. Мартина`, Saint Martin), where its rules cut.
fn missing_abbreviations(language: &str) -> &'static [&'static str] {
    match language {
        "ru" => &["св", "им", "ген", "пл"],
        _ => &[],
    }
}

/// Mends two cuts of sentencex: a piece that ends in one of
/// `missing_abbreviations` joins the next, and a piece of closing marks
/// only (the `»` of `„Меня укусили!“»`) joins the one before.
fn mend_cuts(paragraph: &str, spans: Vec<Span>, language: &str) -> Vec<Span> {
    let words = missing_abbreviations(language);
    let mut joined: Vec<Span> = Vec::with_capacity(spans.len());
    let mut open = false;
    for span in spans {
        let piece = &paragraph[span.start..span.end];
        let marks_only = !piece.chars().any(char::is_alphanumeric);
        match joined.last_mut() {
            Some(last) if open || marks_only => last.end = span.end,
            _ => joined.push(span),
        }
        let last_word = piece.trim_end().strip_suffix('.').and_then(|p| p.split_whitespace().last());
        open = last_word.is_some_and(|w| words.contains(&w.to_lowercase().as_str()));
    }
    joined
}

/// Non-blank lines as spans (without the line break).
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let span = Span::new(start, start + line.trim_end_matches(['\n', '\r']).len());
        start += line.len();
        (!text[span.start..span.end].trim().is_empty()).then_some(span)
    })
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let slice = &text[span.start..span.end];
    let leading = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (!trimmed.is_empty()).then(|| Span::new(span.start + leading, span.start + leading + trimmed.len()))
}

/// Thai writes no sentence punctuation; a space separates sentences.
fn split_thai(paragraph: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, c) in paragraph.char_indices() {
        if c.is_whitespace() {
            spans.push(Span::new(start, i));
            start = i + c.len_utf8();
        }
    }
    spans.push(Span::new(start, paragraph.len()));
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'t>(text: &'t str, language: &str) -> Vec<&'t str> {
        segment(text, language).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn keeps_abbreviations_and_decimals_together() {
        let text = "Dr. Rossi met U.S. officials on Monday. The bridge is 150.5 m long.\nA new paragraph.";
        assert_eq!(
            texts(text, "en"),
            ["Dr. Rossi met U.S. officials on Monday.", "The bridge is 150.5 m long.", "A new paragraph."]
        );
    }

    #[test]
    fn keeps_russian_saint_with_its_name() {
        let text = "Служба прошла в церкви Св. Мартина в Лондоне. Пришли сотни людей.";
        assert_eq!(texts(text, "ru"), ["Служба прошла в церкви Св. Мартина в Лондоне.", "Пришли сотни людей."]);
    }

    #[test]
    fn closing_marks_stay_with_their_sentence() {
        // A line that closes a quotation opened on the line before.
        let text = "Он понял, что тот кричал «„Помогите!\nПомогите!“»\nПотом он поплыл.";
        assert_eq!(texts(text, "ru"), ["Он понял, что тот кричал «„Помогите!", "Помогите!“»", "Потом он поплыл."]);
    }

    #[test]
    fn splits_chinese_on_full_width_marks() {
        let text = "市长承诺建一座新桥。费用为四千八百万欧元！";
        assert_eq!(texts(text, "zh"), ["市长承诺建一座新桥。", "费用为四千八百万欧元！"]);
    }

    #[test]
    fn spans_slice_back_to_sentences() {
        let text = "  Première phrase. Deuxième phrase.  \r\n\r\nTroisième.";
        for sentence in segment(text, "fr") {
            let slice = sentence.text(text);
            assert_eq!(slice, slice.trim());
            assert!(!slice.is_empty());
        }
        assert_eq!(segment(text, "fr").len(), 3);
        assert_eq!(segment(text, "fr")[2].paragraph, 1);
    }

    #[test]
    fn presegmented_is_one_sentence_per_line() {
        let text = "One. Two.\n\nThree\n";
        assert_eq!(presegmented(text).len(), 2);
    }
}
