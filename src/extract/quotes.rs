//! Direct quotes: "…", “…”, «…», „…“, ‚…‘, 「…」, 『…』, ‹…›, »…«. The value
//! is the quoted text; quotes of one or two words (titles, scare quotes,
//! names) are weak.

use super::{Fact, FactKind};
use crate::document::Span;

/// Opening mark → closing marks it accepts.
const PAIRS: &[(char, &[char])] = &[
    ('"', &['"']),
    ('“', &['”', '“']),
    ('”', &['”']),
    ('«', &['»']),
    ('»', &['«']),
    ('„', &['“', '”']),
    ('‚', &['‘', '’']),
    ('‘', &['’']),
    ('「', &['」']),
    ('『', &['』']),
    ('‹', &['›']),
];

pub fn extract(sentence: &str, _language: &str) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut position = 0;
    while let Some((offset, c)) = sentence[position..].char_indices().find(|(_, c)| PAIRS.iter().any(|(open, _)| open == c)) {
        let start = position + offset;
        position = start + c.len_utf8();
        let closers = PAIRS.iter().find(|(open, _)| *open == c).map_or(&[][..], |(_, closers)| closers);
        let Some(close) = sentence[position..].find(|ch: char| closers.contains(&ch)) else { continue };
        let content_end = position + close;
        let content = &sentence[position..content_end];
        if !content.trim().is_empty() {
            facts.push(quote(position, content));
        }
        position = content_end + sentence[content_end..].chars().next().map_or(0, char::len_utf8);
    }
    facts
}

fn quote(start: usize, content: &str) -> Fact {
    let words = content.split_whitespace().count();
    // CJK quotes have no spaces: count characters instead.
    let cjk = content.chars().filter(|ch| super::text::is_han(*ch) || super::text::is_kana(*ch)).count();
    let leading = content.len() - content.trim_start().len();
    let trimmed = content.trim();
    let mut fact = Fact::new(FactKind::Quote, Span::new(start + leading, start + leading + trimmed.len()), trimmed);
    fact.weak = words <= 2 && cjk < 6;
    fact
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        extract(text, "").into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn quote_styles() {
        assert_eq!(values("He said: \"we will rebuild it\" and left."), vec!["we will rebuild it"]);
        assert_eq!(values("Disse: «ricostruiremo il ponte»."), vec!["ricostruiremo il ponte"]);
        assert_eq!(values("Он сказал: «мы восстановим мост»."), vec!["мы восстановим мост"]);
        assert_eq!(values("他说：「我们会重建」。"), vec!["我们会重建"]);
        assert_eq!(values("„Wir bauen sie wieder auf“, sagte er."), vec!["Wir bauen sie wieder auf"]);
        assert_eq!(values("قال “سنعيد بناءه” أمس"), vec!["سنعيد بناءه"]);
    }

    #[test]
    fn unclosed_and_emoji_do_not_panic() {
        assert!(values("😀 \"open 😀 never closed").is_empty());
        let spans = extract("“😀 à 😀”", "");
        assert_eq!(spans[0].value, "😀 à 😀");
    }
}
