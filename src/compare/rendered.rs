//! A Latin-script source name in a Chinese or Arabic target: found by
//! sound (see `extract::names::rendering`), misspelt when a rendering one
//! consonant off stands where the name does, possibly missing when nothing
//! renders it. Where it stands is told by another word of the same name
//! rendered right next to it (埃莱娜·莫雷利) and by word alignment.

use std::ops::Range;

use super::links::Links;
use super::{fact_location, location, BeadView, Placed};
use crate::extract::names::rendering::{Heard, Rendering, Script};
use crate::extract::names::similarity::{classify, Likeness};
use crate::extract::text::{ascii_key, base_language, is_arabic, is_han, tokenize, Class};
use crate::report::{Finding, Rule, Severity};

pub(super) enum Rendered {
    Present,
    Misspelt(Box<Finding>),
    Absent,
}

/// A Han rendering is rarely longer than this many characters per word.
const MAX_HAN_CHARS: usize = 8;

fn script(language: &str) -> Option<Script> {
    match base_language(language) {
        "zh" => Some(Script::Han),
        "ar" => Some(Script::Arabic),
        _ => None,
    }
}

/// Pieces of the target that may render one word: runs of Han characters
/// up to `MAX_HAN_CHARS`, or single Arabic words. Cyrillic and katakana
/// are never searched for in running text: they are compared name word to
/// name word (`names::heard_alike`).
fn candidates(text: &str, script: Script) -> Vec<Range<usize>> {
    match script {
        Script::Arabic => tokenize(text)
            .into_iter()
            .filter(|t| t.class == Class::Word && is_arabic(t.text))
            .map(|t| t.start..t.end)
            .collect(),
        Script::Cyrillic | Script::Kana => Vec::new(),
        Script::Han => {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let end_of = |k: usize| chars.get(k + 1).map_or(text.len(), |c| c.0);
            let mut out = Vec::new();
            for (first, &(start, c)) in chars.iter().enumerate() {
                if !is_han(c) {
                    continue;
                }
                let run = chars[first..].iter().take(MAX_HAN_CHARS).take_while(|c| is_han(c.1)).count();
                out.extend((first..first + run).map(|last| start..end_of(last)));
            }
            out
        }
    }
}

/// Only separators between two ranges (`·`, a space, a hyphen), at least
/// one: Han characters run on without them.
fn adjacent(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let between = if a.end <= b.start { a.end..b.start } else if b.end <= a.start { b.end..a.start } else { return false };
    text.get(between).is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c.is_whitespace() || matches!(c, '·' | '・' | '-' | '‧' | '•')))
}

/// Target words (joined-text ranges) that the source words of `key` in
/// `span` link to best.
fn linked_targets(links: &Links, source_text: &str, span: &Range<usize>, key: &str) -> Vec<Range<usize>> {
    links
        .source
        .within(span)
        .into_iter()
        .filter(|&i| source_text.get(links.source.spans[i].clone()).is_some_and(|w| crate::extract::text::ascii_key(w) == key))
        .filter_map(|i| links.from_source(i))
        .map(|l| links.target.spans[l.other].clone())
        .collect()
}

/// Whether a near rendering stands where the name does: on or next to a
/// target word the name links to.
fn in_place(text: &str, near: &Range<usize>, linked: &[Range<usize>]) -> bool {
    linked.iter().any(|l| (l.start < near.end && near.start < l.end) || adjacent(text, l, near))
}

/// Judges a Latin-script source name against a Chinese or Arabic target;
/// `None` when the pair is not such or the name is too short to tell.
pub(super) fn judge(view: &BeadView, source: &Placed, links: Option<&Links>) -> Option<Rendered> {
    let script = script(view.target.language)?;
    let written = view.source.text.get(source.fact.span.start..source.fact.span.end)?;
    if !written.chars().all(|c| (c as u32) < 0x250) {
        return None;
    }
    let keys: Vec<(&str, Heard)> = source.fact.value.split(' ').map(|k| (k, Heard::new(k, script))).filter(|(_, heard)| heard.judgeable()).collect();
    if keys.is_empty() {
        return None;
    }
    let (source_text, target_text) = (view.source_text(), view.target_text());
    let words: Vec<&str> = keys.iter().map(|(key, _)| *key).collect();
    if written_in_latin(&target_text, &words) {
        return None;
    }
    let pieces = candidates(&target_text, script);
    let span = view.joined_span(source, true);
    let linked: Vec<Vec<Range<usize>>> = keys.iter().map(|(key, _)| links.map_or(Vec::new(), |l| linked_targets(l, &source_text, &span, key))).collect();
    let found: Vec<Option<&Range<usize>>> = keys
        .iter()
        .zip(&linked)
        .map(|((_, heard), linked)| {
            pieces.iter().find(|p| match heard.rendering(&target_text[(*p).clone()]) {
                Rendering::Same => true,
                Rendering::Placed => in_place(&target_text, p, linked),
                Rendering::Near | Rendering::Different => false,
            })
        })
        .collect();
    let mut unplaced_near = false;
    for (((key, heard), found_here), linked) in keys.iter().zip(&found).zip(&linked) {
        if found_here.is_some() {
            continue;
        }
        for near in pieces.iter().filter(|p| heard.rendering(&target_text[(*p).clone()]) == Rendering::Near) {
            // Alignment alone places near renderings wrongly in news text
            // (凤凰城 for Phoenix): the name's other word must be beside it.
            let anchored = found.iter().flatten().any(|f| adjacent(&target_text, f, near));
            if anchored && (links.is_none() || in_place(&target_text, near, linked)) {
                return Some(Rendered::Misspelt(Box::new(misspelt(view, source, key, near))));
            }
            unplaced_near = true;
        }
    }
    if found.iter().any(Option::is_some) {
        Some(Rendered::Present)
    } else if unplaced_near {
        None
    } else {
        Some(Rendered::Absent)
    }
}

/// The reverse direction: whether the Latin name word `key` of an English
/// target is rendered by sound somewhere in a Chinese or Arabic source
/// (舒马赫 for Schumacher). Kanji are read as Chinese characters (九龍
/// Kowloon, 諏訪 Suwa): Sino-Japanese readings keep their consonants. The
/// rendering must take in one of the source words in `near` (where
/// alignment places the word).
pub(super) fn rendered_in(key: &str, source_text: &str, language: &str, near: &[Range<usize>]) -> bool {
    let Some(script) = source_script(language) else { return false };
    let heard = Heard::new(key, script);
    if !heard.judgeable() {
        return false;
    }
    let placed = |p: &Range<usize>| near.iter().any(|n| n.start < p.end && p.start < n.end);
    candidates(source_text, script).into_iter().filter(placed).any(|p| heard.rendering(&source_text[p]) >= Rendering::Placed)
}

/// Whether the Latin name word `key` has too few consonants to be found
/// by sound in a source in `language`'s script (Chinese, Japanese kanji,
/// Arabic); false for other languages.
pub(super) fn too_short_to_hear(key: &str, language: &str) -> bool {
    source_script(language).is_some_and(|script| !Heard::new(key, script).judgeable())
}

/// The script a source in `language` renders Latin names in; kanji are
/// read as Chinese characters.
fn source_script(language: &str) -> Option<Script> {
    if base_language(language) == "ja" {
        Some(Script::Han)
    } else {
        script(language)
    }
}

/// The name is (perhaps misspelt) in Latin letters in the target: the
/// Latin-script rules judge it.
fn written_in_latin(target_text: &str, keys: &[&str]) -> bool {
    tokenize(target_text)
        .into_iter()
        .filter(|t| t.class == Class::Word && t.text.is_ascii())
        .any(|t| keys.iter().any(|k| classify(k, &ascii_key(t.text), false) >= Likeness::Similar))
}

fn misspelt(view: &BeadView, source: &Placed, key: &str, near: &Range<usize>) -> Finding {
    let target_text = view.target_text();
    let rendered = &target_text[near.clone()];
    let written = view.source.text.get(source.fact.span.start..source.fact.span.end).unwrap_or("");
    let word = written.split_whitespace().find(|w| crate::extract::text::ascii_key(w) == key).unwrap_or(written);
    let target = view.joined_sentences(false).into_iter().find(|(_, s, offset)| near.start >= *offset && near.end <= offset + s.span.len());
    let target = target.map(|(i, s, offset)| location(view.target, i, crate::document::Span::new(s.span.start + near.start - offset, s.span.start + near.end - offset)));
    let message = format!("name \"{word}\" is spelled \"{rendered}\"");
    view.finding(Rule::NameMismatch, Severity::Error, message, Some(fact_location(view.source, source)), target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_candidates_stop_at_other_characters() {
        let text = "据州长·莫雷";
        let pieces: Vec<&str> = candidates(text, Script::Han).into_iter().map(|r| &text[r]).collect();
        assert!(pieces.contains(&"州长") && pieces.contains(&"莫雷"));
        assert!(!pieces.iter().any(|p| p.contains('·')));
    }

    #[test]
    fn given_and_surname_are_adjacent_across_a_dot() {
        let text = "埃莱娜·莫雷利称";
        assert!(adjacent(text, &(0..9), &(11..20)));
        assert!(!adjacent(text, &(0..6), &(11..20)));
        assert!(!adjacent("莫雷利称", &(0..9), &(9..12)));
    }

    #[test]
    fn latin_names_rendered_in_the_source_where_alignment_places_them() {
        let text = "迈克尔·舒马赫在阿隆索退赛后";
        let at = |c: &str| text.find(c).map(|i| i..i + c.len()).unwrap();
        assert!(rendered_in("schumacher", text, "zh", &[at("马")]));
        assert!(rendered_in("alonso", text, "zh-CN", &[at("索")]));
        // Rendered elsewhere than the word's counterpart: by chance.
        assert!(!rendered_in("schumacher", text, "zh", &[at("退")]));
        assert!(!rendered_in("schumacher", text, "zh", &[]));
        // Kanji read as Chinese characters; no such reading for Latin sources.
        assert!(rendered_in("kowloon", "島から出て九龍のウォーターフロント", "ja", std::slice::from_ref(&(15..18))));
        assert!(!rendered_in("schumacher", text, "de", &[at("马")]));
    }

    #[test]
    fn words_too_short_to_hear() {
        // Rio (one consonant) of Rio de Janeiro 里约热内卢; Janeiro can be heard.
        assert!(too_short_to_hear("rio", "zh"));
        assert!(too_short_to_hear("rio", "ja"));
        assert!(!too_short_to_hear("janeiro", "zh"));
        // Latin-script and Cyrillic sources spell names: nothing is heard.
        assert!(!too_short_to_hear("rio", "pt"));
        assert!(!too_short_to_hear("rio", "ru"));
    }

    #[test]
    fn latin_spellings_in_the_target_are_left_to_the_latin_rules() {
        assert!(written_in_latin("据Isntagram称", &["instagram"]));
        assert!(!written_in_latin("据BBC称", &["instagram"]));
    }
}
