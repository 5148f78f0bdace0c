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
