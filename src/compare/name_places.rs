//! Places inside names: which listed places (see `extract::names::places`)
//! an English name names, whether the other side names them in any of its
//! forms, and a place swapped for another.

use super::name_links::Counterpart;
use crate::extract::names::places;
use crate::extract::text::{ascii_key, tokenize, Class};

/// The listed places inside an English name, longest first from the left:
/// each with the words naming it.
fn english_places(name: &str) -> Vec<(Vec<&str>, &'static places::Place)> {
    let words: Vec<&str> = name.split(' ').collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let longest = (start + 1..=words.len().min(start + 4)).rev().find_map(|end| places::by_english(&words[start..end].join(" ")).map(|p| (end, p)));
        match longest {
            Some((end, place)) => {
                out.push((words[start..end].to_vec(), place));
                start = end;
            }
            None => start += 1,
        }
    }
    out
}

/// Words of an English name covered by places named in `other_text`.
pub(super) fn places_in<'n>(name: &'n str, other_text: &str) -> Vec<&'n str> {
    english_places(name).into_iter().filter(|(_, place)| place.named_in(other_text)).flat_map(|(words, _)| words).collect()
}

/// Keys of the words of a name written in another language than English
/// that make up a listed place the English text names: `Corée du Nord`
/// and `États-Unis` are "North Korea" and "the U.S.".
pub(super) fn places_named_in_english(name: &str, english_text: &str) -> Vec<String> {
    let words: Vec<_> = tokenize(name).into_iter().filter(|t| t.class == Class::Word).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let english = places::english_keys(english_text);
    let mut covered = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let named = |end: &usize| places::by_whole_form(&name[words[start].start..words[end - 1].end]).is_some_and(|place| place.named_by_keys(&english));
        match (start + 1..=words.len()).rev().find(named) {
            Some(end) => {
                covered.extend(words[start..end].iter().map(|w| ascii_key(w.text)));
                start = end;
            }
            None => start += 1,
        }
    }
    covered
}

/// A place inside an English name (`Europe`, `Hong Kong`) that `other_text`
/// names in none of its forms although the list has forms in its script:
/// a place named only in the translation was put there.
pub(super) fn places_absent<'n>(name: &'n str, other_text: &str) -> Vec<Vec<&'n str>> {
    let Some(script) = main_script(other_text) else { return Vec::new() };
    let listed = |place: &places::Place| place.forms.iter().any(|f| f.chars().find(|c| c.is_alphabetic()).and_then(script_of) == Some(script));
    english_places(name).into_iter().filter(|(_, place)| listed(place) && !place.named_in(other_text)).map(|(words, _)| words).collect()
}

/// A place whose counterpart is a form of another listed place (Philippines
/// linked to Singapour, Europe to 日本) was swapped: alignment links places
/// to places, so a close link there explains nothing.
pub(super) fn swapped_place(counterparts: &[Counterpart], keys: &[&str]) -> bool {
    let own = places::by_english(&keys.join(" "));
    counterparts.iter().filter_map(|c| places::by_form(&c.word)).any(|other| own.is_none_or(|own| !std::ptr::eq(own, other)))
}

/// Writing systems, as far as the place list tells them apart (kanji and
/// kana go with Han).
fn script_of(c: char) -> Option<u8> {
    match c as u32 {
        _ if !c.is_alphabetic() => None,
        0..=0x24F => Some(0),
        0x400..=0x52F => Some(1),
        0x600..=0x6FF => Some(2),
        _ if crate::extract::text::is_devanagari(c) => Some(3),
        _ if crate::extract::text::is_han(c) || crate::extract::text::is_kana(c) => Some(4),
        _ => None,
    }
}

/// The script most letters of `text` are written in.
fn main_script(text: &str) -> Option<u8> {
    let mut counts = [0usize; 5];
    text.chars().filter_map(script_of).for_each(|s| counts[s as usize] += 1);
    (0u8..5).max_by_key(|&s| counts[s as usize]).filter(|&s| counts[s as usize] > 0)
}

/// The places a source name names in the source's own forms (`USA` in
/// "USA Donald Trump"), each with the key of the word naming it and whether
/// the English text names the place. A place the English lacks leaves that
/// word missing, unless it is spelled alike there (a form is a stem: `kolín`
/// for Cologne also begins Kolínsku, the Kolín region).
pub(super) fn source_places(name: &str, english_text: &str) -> Vec<(String, bool)> {
    let found = |place: &places::Place| place.named_in_english(english_text);
    let words: Vec<(String, bool)> = tokenize(name)
        .into_iter()
        .filter(|t| t.class == Class::Word)
        .filter_map(|t| places::by_form(t.text).map(|place| (ascii_key(t.text), found(place))))
        .collect();
    if words.is_empty() {
        // Forms of several words ("stanach zjednoczonych").
        return places::by_form(name).map(|place| vec![(String::new(), found(place))]).unwrap_or_default();
    }
    words
}

/// The listed places a name written in another language than English
/// names by their forms (`Испании`, `Kolínsku`), each word's key with
/// whether `other_text` names the place, in English or in any form.
pub(super) fn places_named_by_forms(name: &str, other_text: &str) -> Vec<(String, bool)> {
    let found = |place: &places::Place| place.named_in_english(other_text) || place.named_in(other_text);
    tokenize(name).into_iter().filter(|t| t.class == Class::Word).filter_map(|t| places::by_form(t.text).map(|place| (ascii_key(t.text), found(place)))).collect()
}

/// The listed places an English source name names (`North Korea` in
/// "North Korea's top diplomat"), each word's key with whether the target
/// names the place in any of its forms (朝鲜, Nordkorea). Looking English
/// names up among the other languages' forms finds the wrong place: Korea
/// (a German form) for North Korea. A place adjective counts as its place
/// (`Chinese` in "Killer Pig Mauls Chinese Farmer", rendered
/// "chinesischen").
pub(super) fn english_source_places(name: &str, target_text: &str) -> Vec<(String, bool)> {
    let lower = name.to_lowercase();
    let named = |place: &places::Place| place.named_in(target_text) || place.named_in_english(target_text);
    let mut out: Vec<(String, bool)> = Vec::new();
    let whole = english_places(&lower);
    for (words, place) in &whole {
        out.extend(words.iter().map(|w| (ascii_key(w), named(place))));
    }
    let covered = |w: &str| whole.iter().any(|(words, _)| words.contains(&w));
    for word in lower.split(' ').filter(|w| !covered(w)) {
        if let Some(place) = places::by_english_adjective(word) {
            out.push((ascii_key(word), named(place)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::name_links::testing::counterpart;

    #[test]
    fn places_named_only_in_the_translation() {
        assert_eq!(places_absent("europe", "智利首选登山目的地"), vec![vec!["europe"]]);
        assert!(places_absent("europe", "欧洲的登山目的地").is_empty());
        assert_eq!(places_absent("lower austria and bahia", "塞阿拉州和里约热内卢州"), vec![vec!["austria"]]);
        // Not a listed place, or a short form of it (美方 the US side).
        assert!(places_absent("cochamo valley", "智利首选登山目的地").is_empty());
        assert!(places_absent("us", "此前美方要求关闭").is_empty());
        assert_eq!(main_script("東京の会議でG7が"), Some(4));
        assert_eq!(main_script("Přípravy v Praze"), Some(0));
    }

    #[test]
    fn a_place_linked_to_another_place() {
        assert!(swapped_place(&[counterpart("philippines", 0, 0.8, true, "Singapour")], &["philippines"]));
        assert!(!swapped_place(&[counterpart("singapore", 0, 0.8, true, "Singapour")], &["singapore"]));
        assert!(!swapped_place(&[counterpart("europe", 0, 0.8, true, "kontinent")], &["europe"]));
    }

    #[test]
    fn places_inside_source_names() {
        assert_eq!(source_places("USA Donald Trump", "President Donald Trump said"), vec![("usa".to_string(), false)]);
        assert_eq!(source_places("USA Donald Trump", "US President Donald Trump said"), vec![("usa".to_string(), true)]);
        assert!(source_places("Morgan Stanley", "Morgan Stanley said").is_empty());
        let found = |key: &str| (key.to_string(), true);
        assert_eq!(english_source_places("North Korea", "我们将要同朝鲜开战。"), vec![found("north"), found("korea")]);
        assert_eq!(english_source_places("North Korea", "Krieg mit Nordkorea"), vec![found("north"), found("korea")]);
        assert_eq!(english_source_places("Indonesia", "印度尼西亚发生了地震"), vec![found("indonesia")]);
        assert_eq!(english_source_places("Indonesia", "菲律宾发生了地震"), vec![("indonesia".to_string(), false)]);
        assert!(english_source_places("Morgan Stanley", "摩根士丹利").is_empty());
        assert_eq!(english_source_places("Pig Mauls Chinese Farmer", "Schwein beißt chinesischen Bauern"), vec![found("chinese")]);
        assert_eq!(places_named_in_english("Corée du Nord", "talks with North Korea"), vec!["coree", "du", "nord"]);
        assert_eq!(places_named_in_english("États-Unis", "sanctions by the U.S. continue"), vec!["etats", "unis"]);
        assert!(places_named_in_english("États-Unis", "sanctions by Mexico continue").is_empty());
    }
}
