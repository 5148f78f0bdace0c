//! Direct quotes: "…", “…”, «…», „…“, ‚…‘, ‘…’, '…', 「…」, 『…』, ‹…›,
//! »…«. The value is the quoted text; quotes of one or two words (titles,
//! scare quotes, names) are weak. Single marks double as apostrophes
//! (`don’t`, `O'Neill`), so one between two letters or digits neither
//! opens nor closes a quote.

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
    ('\'', &['\'']),
    ('「', &['」']),
    ('『', &['』']),
    ('‹', &['›']),
];

pub fn extract(sentence: &str, _language: &str) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut position = 0;
    while let Some((offset, c)) = sentence[position..].char_indices().find(|&(i, c)| opens(sentence, position + i, c)) {
        let start = position + offset;
        position = start + c.len_utf8();
        let closers = PAIRS.iter().find(|(open, _)| *open == c).map_or(&[][..], |(_, closers)| closers);
        let close = sentence[position..]
            .char_indices()
            .find(|&(i, ch)| closers.contains(&ch) && !apostrophe(sentence, position + i, ch));
        let Some((close, _)) = close else { continue };
        let content_end = position + close;
        let content = &sentence[position..content_end];
        if !content.trim().is_empty() {
            facts.push(quote(position, content));
        }
        position = content_end + sentence[content_end..].chars().next().map_or(0, char::len_utf8);
    }
    facts
}

/// Whether `c` at byte `at` opens a quote. An ASCII `'` opens only at a
/// word's start before a letter (not `rock'n'roll`, `'90s`).
fn opens(sentence: &str, at: usize, c: char) -> bool {
    if !PAIRS.iter().any(|(open, _)| *open == c) || apostrophe(sentence, at, c) {
        return false;
    }
    c != '\'' || {
        let before = sentence[..at].chars().next_back();
        let after = sentence[at + 1..].chars().next();
        before.is_none_or(|b| b.is_whitespace() || "([{—–-:".contains(b)) && after.is_some_and(char::is_alphabetic)
    }
}

/// A single mark between two letters or digits (`don’t`, `O'Neill`).
fn apostrophe(sentence: &str, at: usize, c: char) -> bool {
    let single = matches!(c, '\'' | '’' | '‘');
    let before = sentence[..at].chars().next_back();
    let after = sentence[at + c.len_utf8()..].chars().next();
    single && before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

fn quote(start: usize, content: &str) -> Fact {
    let words = content.split_whitespace().count();
    // CJK quotes have no spaces: count characters instead.
    let cjk = content.chars().filter(|ch| super::text::is_han(*ch) || super::text::is_kana(*ch)).count();
    let leading = content.len() - content.trim_start().len();
    let trimmed = content.trim();
    let mut fact = Fact::new(FactKind::Quote, Span::new(start + leading, start + leading + trimmed.len()), trimmed);
    // Chinese and Japanese put quote marks round names of bodies, titles
    // and terms (“威尔士国民议会”): up to 12 characters without a clause
    // mark inside are taken for one of those.
    let clause = content.contains(['，', '。', '、', '！', '？', ',']);
    fact.weak = if cjk > 0 { cjk <= 12 && !clause } else { words <= 2 };
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
    fn single_quotes_are_not_apostrophes() {
        assert_eq!(values("She said: 'we don't know yet' and left."), vec!["we don't know yet"]);
        assert_eq!(values("‘I don’t think so,’ he said."), vec!["I don’t think so,"]);
        assert_eq!(values("O'Neill's rock'n'roll of the '90s"), Vec::<String>::new());
        assert_eq!(values("The minister called it 'a disgrace'."), vec!["a disgrace"]);
    }

    #[test]
    fn names_in_cjk_quote_marks_are_weak() {
        let weak = |text: &str| extract(text, "zh").iter().map(|f| f.weak).collect::<Vec<_>>();
        assert_eq!(weak("“威尔士国民议会”投票通过。"), vec![true]);
        assert_eq!(weak("他说：“我们从未见过水位这样上涨。”"), vec![false]);
        assert_eq!(weak("他说：“当然，最终决定用什么词来称呼将是议员们自己的事情”"), vec![false]);
        assert_eq!(weak("He called it \"a waste of public money\"."), vec![false]);
        assert_eq!(weak("the \"Assembly\" voted"), vec![true]);
    }

    #[test]
    fn unclosed_and_emoji_do_not_panic() {
        assert!(values("😀 \"open 😀 never closed").is_empty());
        let spans = extract("“😀 à 😀”", "");
        assert_eq!(spans[0].value, "😀 à 😀");
    }
}
