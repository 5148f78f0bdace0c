//! `name-mismatch`, `name-variant`, `name-missing`, `name-added`.
//!
//! Every word of a name must have a counterpart on the other side: the same
//! word, a transliteration variant or an inflected form, found among the
//! other side's names or (for names that are also words, and for scripts
//! without capitals) among all its words. Across scripts that have no case,
//! words are compared by consonant classes of their transliteration.

use super::name_links::{Counterpart, Evidence, NameLinks, LOST_WORD_BELOW, NEIGHBOUR_BELOW, SWAPPED_BELOW, TRANSLATED_FROM, WEAK_UNLINKED_BELOW, WEAK_WORD_UNLINKED_BELOW};
use super::name_places::{english_source_places, places_absent, places_in, places_named_in_english, source_places, swapped_place};
use super::rendered::{self, Rendered};
use super::{capitals, excerpt, fact_location, holes, romaji, BeadView, Placed, Side};
use crate::extract::names::{acronyms, glossary, is_generic, is_particle, places};
use crate::extract::names::rendering::{rendering, Rendering, Script};
use crate::extract::names::similarity::{classify, consonants, misspelt, Likeness};
use crate::extract::text::{ascii_key, is_cyrillic, is_katakana_word, tokenize, Class};
use crate::extract::FactKind;
use crate::report::{Finding, Rule, Severity};

/// The words of one side of a bead, keyed for comparison.
struct Words {
    /// ASCII keys of every word (and of each CJK character or kana run).
    keys: Vec<String>,
    /// Consonant classes of runs of up to four words, for scripts without
    /// case, with the number of words in the run.
    runs: Vec<(String, usize)>,
    /// The same runs' ASCII keys joined (`Hu Nan` → `hunan`): pinyin names.
    run_keys: Vec<String>,
    cased: bool,
    /// Han characters present (Japanese names in kanji have readings no
    /// transliteration table gives).
    han: bool,
}

impl Words {
    fn of(text: &str) -> Words {
        let tokens: Vec<_> = tokenize(text).into_iter().filter(|t| matches!(t.class, Class::Word | Class::Cjk)).collect();
        let keys: Vec<String> = tokens.iter().map(|t| ascii_key(t.text)).collect();
        let cased_words = tokens.iter().filter(|t| t.text.chars().any(|c| c.is_uppercase() || c.is_lowercase())).count();
        let cased = cased_words * 2 > tokens.len();
        let (mut runs, mut run_keys) = (Vec::new(), Vec::new());
        if !cased {
            for start in 0..keys.len() {
                for end in start + 1..=(start + 4).min(keys.len()) {
                    let joined = keys[start..end].concat();
                    runs.push((consonants(&joined), end - start));
                    run_keys.push(joined);
                }
            }
        }
        let han = text.chars().any(crate::extract::text::is_han);
        Words { keys, runs, run_keys, cased, han }
    }
}

/// One word of a name fact.
struct NameWord<'a> {
    placed: Placed<'a>,
    key: String,
    /// Written in capitals (`HIV`, `ONU`): compared by letters, in any order.
    acronym: bool,
    /// Written in Latin script: vowels as written count.
    latin: bool,
    /// Written in ASCII letters: a name with diacritics (Phänomenal) is a
    /// language's own form, never a typing slip of the plain one.
    plain: bool,
    /// Written in Cyrillic or katakana: heard, not spelled.
    spoken: Option<Spoken<'a>>,
}

/// A script that renders a Latin name as it is heard, not spelled.
#[derive(Clone, Copy)]
enum Spoken<'w> {
    Cyrillic,
    /// Katakana as written: read from the kana themselves (the key loses ッ
    /// and ー), each word between ・ on its own.
    Kana(&'w str),
}

impl<'w> Spoken<'w> {
    /// How `written` renders its name (katakana first); `cyrillic` when
    /// the whole name is in Cyrillic.
    fn of(written: &'w str, cyrillic: bool) -> Option<Spoken<'w>> {
        if is_katakana_word(written) {
            Some(Spoken::Kana(written))
        } else {
            cyrillic.then_some(Spoken::Cyrillic)
        }
    }
}

fn name_words<'a>(side: &Side<'a>, names: &[Placed<'a>]) -> Vec<NameWord<'a>> {
    names
        .iter()
        .flat_map(|p| {
            let text = side.text.get(p.fact.span.start..p.fact.span.end).unwrap_or("");
            let acronym = text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && text.chars().count() <= 6;
            let latin = text.chars().all(|c| (c as u32) < 0x250);
            let cyrillic = text.chars().any(is_cyrillic);
            let tokens: Vec<(String, &str)> = tokenize(text).into_iter().map(|t| (ascii_key(t.text), t.text)).collect();
            p.fact.value.split(' ').filter(|k| k.len() >= 2).map(move |k| {
                let plain = tokens.iter().any(|(key, word)| key == k && word.is_ascii());
                let kana = tokens.iter().find(|(key, word)| key == k && is_katakana_word(word)).map_or("", |(_, word)| *word);
                let spoken = Spoken::of(kana, cyrillic);
                NameWord { placed: *p, key: k.to_string(), acronym, latin, plain, spoken }
            })
        })
        .collect()
}

/// `HIV`/`VIH`, `UN`/`ONU`: the same letters, or all but one.
fn same_acronym(a: &str, b: &str) -> bool {
    let sorted = |s: &str| {
        let mut c: Vec<char> = s.chars().collect();
        c.sort_unstable();
        c
    };
    let (a, b) = (sorted(a), sorted(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (long.len() == short.len() + 1 && short.iter().all(|c| long.contains(c)))
}

/// A target name of two or more translatable words only (Federal Migration
/// Service) has nothing to spell; from a source without capitals, where a
/// body's name is translated word by word and links closely, it was added
/// when some word of it links to nothing. (In cased sources paraphrased
/// titles link loosely: on DEMETR cs and pl clean pairs flagged 0.07 →
/// 0.10 and 0.14 when they counted too.)
fn generic_untranslated(view: &BeadView, target: &Placed, all_keys: &[&str], covered: &[&str], checked: &[&str], source_words: &Words, links: Option<&NameLinks>) -> bool {
    let keys: Vec<&str> = all_keys.iter().copied().filter(|k| k.len() >= 2 && !covered.contains(k)).collect();
    checked.is_empty() && keys.len() >= 2 && !source_words.cased && links.is_some_and(|links| links.judge(view, target, &keys, false) == Evidence::Unlinked)
}

/// Consonant skeletons equal, or (long ones) one consonant apart: Devanagari
/// transliterations carry nasal marks (`skoNttlaiNdd` for Scotland).
fn sounds_alike(source: &str, target: &str) -> bool {
    source == target || (source.len() >= 4 && target.len() >= 4 && strsim::levenshtein(source, target) <= 1)
}

/// One word of a name looked for on the other side.
#[derive(Clone, Copy)]
struct Key<'k> {
    text: &'k str,
    latin: bool,
    plain: bool,
    acronym: bool,
    spoken: Option<Spoken<'k>>,
    /// The whole name the word belongs to (its words' keys).
    name: &'k str,
}

impl<'k> Key<'k> {
    /// A word looked up by its spelling alone (no typing-slip or acronym
    /// reading): whether a name has any counterpart at all.
    fn spelling(text: &'k str) -> Key<'k> {
        Key { text, latin: true, plain: false, acronym: false, spoken: None, name: text }
    }
}

/// How well `wanted` is found on the other side, and the name word it matched.
fn best<'a, 'b>(wanted: &Key, names: &'b [NameWord<'a>], words: &Words, cross_language: bool, japanese: bool) -> (Likeness, Option<&'b NameWord<'a>>) {
    let Key { text: key, latin: key_latin, plain: key_plain, acronym, .. } = *wanted;
    let mut result = (Likeness::Different, None);
    let mut slip = None;
    for word in names {
        if acronym && word.acronym && same_acronym(&word.key, key) {
            return (Likeness::Variant, Some(word));
        }
        let mut likeness = classify(&word.key, key, cross_language);
        if cross_language && word.plain && key_plain && misspelt(&word.key, key) {
            // A typing slip, not an exonym: decided here, before the looser
            // cross-language matches below can excuse it.
            slip = Some(word);
            continue;
        }
        // Across scripts vowels are written at will: Prais/Price, Raian/Ryan.
        let skeleton = consonants(&word.key);
        let long_enough = skeleton.len() >= 3 || (skeleton.len() == 2 && (!word.latin || !key_latin));
        if likeness < Likeness::Variant && cross_language && long_enough && skeleton == consonants(key) {
            likeness = Likeness::Variant;
        }
        if likeness < Likeness::Variant && cross_language && heard_alike(word, wanted) {
            likeness = Likeness::Variant;
        }
        if likeness == Likeness::Similar && cross_language {
            // Exonyms differ by more than a misspelling (Spanien/Spain).
            likeness = Likeness::Inflected;
        }
        if likeness > result.0 {
            result = (likeness, Some(word));
        }
    }
    if result.0 >= Likeness::Inflected {
        return result;
    }
    if slip.is_some() {
        return (Likeness::Similar, slip);
    }
    // Across languages a close spelling among all words is a cognate or
    // an adjective of the name (Pensylvánské/Pennsylvania).
    let floor = if cross_language { Likeness::Similar } else { Likeness::Inflected };
    let in_words = words.keys.iter().map(|w| classify(w, key, cross_language)).filter(|l| *l >= floor).max().map(|l| l.max(Likeness::Inflected));
    if let Some(likeness) = in_words {
        return (likeness, None);
    }
    if words.cased {
        return result;
    }
    let skeleton = consonants(key);
    // Two consonants match by chance across words: only within one word.
    let sounds = |(run, count): &(String, usize)| if skeleton.len() >= 3 { sounds_alike(run, &skeleton) } else { *count == 1 && *run == skeleton };
    if (skeleton.len() >= 2 && words.runs.iter().any(sounds)) || words.run_keys.iter().any(|r| classify(r, key, false) >= Likeness::Variant) {
        return (Likeness::Variant, None);
    }
    if japanese && words.han && romaji::is_romaji(key) {
        // A Japanese reading of a kanji name: plausible, not checkable here.
        return (Likeness::Inflected, None);
    }
    result
}

/// Cyrillic and katakana render a Latin name as it is said (Гвардиола for
/// Guardiola, リバプール for Liverpool): the same sounds are the same name.
fn heard_alike(word: &NameWord, key: &Key) -> bool {
    let same = |latin: &str, rendered: &str, script| rendering(latin, rendered, script) == Rendering::Same;
    match (word.spoken, key.spoken) {
        (Some(spoken), None) if key.latin => match spoken {
            Spoken::Kana(kana) => heard_in_kana(key.text, key.name, kana),
            Spoken::Cyrillic => same(key.text, &word.key, Script::Cyrillic),
        },
        (None, Some(spoken)) if word.latin => match spoken {
            Spoken::Kana(kana) => heard_in_kana(&word.key, &word.placed.fact.value, kana),
            Spoken::Cyrillic => same(&word.key, key.text, Script::Cyrillic),
        },
        _ => false,
    }
}

/// Whether the Latin name word `key` of the name `name` is heard in the
/// katakana token `kana`: as one of its words (between ・), or the whole
/// name as the whole token, since names of several words are often written
/// as one (ニューヨーク, ラスベガス).
fn heard_in_kana(key: &str, name: &str, kana: &str) -> bool {
    let same = |latin: &str, rendered: &str| rendering(latin, rendered, Script::Kana) == Rendering::Same;
    let as_one = || {
        let joined: String = name.split(' ').collect();
        let whole: String = kana.chars().filter(|&c| c != '・').collect();
        same(&joined, &whole)
    };
    kana.split('・').any(|word| same(key, word)) || (name.contains(' ') && as_one())
}

pub fn check(view: &BeadView) -> Vec<Finding> {
    let bead = NameBead::of(view);
    let mut findings = Vec::new();
    let mut explained: Vec<&Placed> = Vec::new();
    for target in &bead.target_names {
        check_target(&bead, target, &mut findings, &mut explained);
    }
    // A source name that a target word misspells is reported by that
    // mismatch alone.
    for source in &bead.source_names {
        if explained.iter().any(|e| e.fact.span == source.fact.span) {
            continue;
        }
        findings.extend(check_source(&bead, source));
    }
    if let Some(finding) = dropped(view, &bead.source_names, &bead.target_name_words, &bead.target_words, bead.cross_language, &findings) {
        findings.push(finding);
    }
    if !bead.source_words.cased && !findings.iter().any(|f| f.rule == Rule::NameMissing) {
        findings.extend(uncased_missing(&bead));
    }
    dedup(findings)
}

/// What the rules share about one bead: both sides' names, words and
/// texts, how the two languages relate, and the names' word links.
struct NameBead<'a> {
    view: &'a BeadView<'a>,
    source_names: Vec<Placed<'a>>,
    target_names: Vec<Placed<'a>>,
    source_words: Words,
    target_words: Words,
    source_name_words: Vec<NameWord<'a>>,
    target_name_words: Vec<NameWord<'a>>,
    source_text: String,
    target_text: String,
    cross_language: bool,
    japanese: bool,
    german_source: bool,
    german_target: bool,
    same_script: bool,
    name_links: Option<NameLinks>,
}

impl<'a> NameBead<'a> {
    fn of(view: &'a BeadView<'a>) -> NameBead<'a> {
        let source_names = view.source_facts(FactKind::Name);
        let target_names = view.target_facts(FactKind::Name);
        let (source_text, target_text) = (view.source_text(), view.target_text());
        let source_words = Words::of(&source_text);
        let target_words = Words::of(&target_text);
        let source_name_words = name_words(view.source, &source_names);
        let target_name_words = name_words(view.target, &target_names);
        let cross_language = view.source.language != view.target.language;
        let japanese = crate::extract::text::base_language(view.source.language) == "ja";
        let german_source = crate::extract::text::base_language(view.source.language) == "de";
        let german_target = crate::extract::text::base_language(view.target.language) == "de";
        let same_script = source_words.cased == target_words.cased && !cross_language;
        let strong = |names: &[Placed]| names.iter().any(|n| !n.fact.weak);
        let name_links = if cross_language && (strong(&target_names) || !source_names.is_empty() || !source_words.cased) { NameLinks::compute(view) } else { None };
        NameBead { view, source_names, target_names, source_words, target_words, source_name_words, target_name_words, source_text, target_text, cross_language, japanese, german_source, german_target, same_script, name_links }
    }

    /// Whether the source has any counterpart of a word, by spelling alone.
    fn in_source(&self, key: &str) -> bool {
        best(&Key::spelling(key), &self.source_name_words, &self.source_words, self.cross_language, false).0 != Likeness::Different
    }
}

/// How the words of a target name were found in the source.
struct TargetSpelling<'k> {
    /// Words spelled like nothing in the source.
    unsupported_keys: Vec<&'k str>,
    spelled_alike: bool,
    misspelled: bool,
    /// Some word is a one-word source name (Kim, Jones): the target
    /// writes that name out more fully (Kim Jong Un, Peter Jones).
    fuller_form: bool,
}

/// A target name: its words misspelt or written as variants of the
/// source's, or the whole name added.
fn check_target<'b>(bead: &'b NameBead, target: &Placed, findings: &mut Vec<Finding>, explained: &mut Vec<&'b Placed<'b>>) {
    // Places inside the name ("North Korea") are checked by their exonyms.
    // A place not found by its exonyms may still match by sound below.
    let written = shown(bead.view, target, false);
    if glossary::rendered_in(&written, &bead.source_text, bead.view.options.spellings) {
        return;
    }
    let mut covered = places_in(&target.fact.value, &bead.source_text);
    // A place the target writes in its own language (Corée du Nord, États-Unis).
    if crate::extract::text::base_language(bead.view.source.language) == "en" {
        let own_forms = places_named_in_english(&written, &bead.source_text);
        covered.extend(target.fact.value.split(' ').filter(|k| own_forms.iter().any(|c| c == k)));
        if !own_forms.is_empty() && target.fact.value.split(' ').all(|k| covered.contains(&k)) {
            return;
        }
    }
    let words: Vec<&str> = target.fact.value.split(' ').filter(|k| k.len() >= 2 && !is_generic(k) && !is_particle(k) && !covered.contains(k)).collect();
    let spelling = spell_target(bead, target, &words, findings, explained);
    if target_added(bead, target, &written, &words, &covered, &spelling) {
        findings.push(added(bead.view, target));
    }
}

/// Each word of a target name looked for in the source: a misspelling or
/// a variant of a source name word is reported here.
fn spell_target<'b, 'k>(bead: &'b NameBead, target: &Placed, words: &[&'k str], findings: &mut Vec<Finding>, explained: &mut Vec<&'b Placed<'b>>) -> TargetSpelling<'k> {
    let view = bead.view;
    let acronym = bead.target_name_words.iter().any(|w| w.placed.fact.span == target.fact.span && w.acronym);
    let mut spelling = TargetSpelling { unsupported_keys: Vec::new(), spelled_alike: false, misspelled: false, fuller_form: false };
    // Words of too few consonants to find by sound in a Chinese or Arabic
    // source (Rio of Rio de Janeiro, 里约热内卢): the name's other words decide.
    let mut unheard = Vec::new();
    for key in words.iter().copied() {
        let written = word_in(view, target, key, false);
        let (plain, cyrillic) = (written.is_ascii(), written.chars().any(is_cyrillic));
        let spoken = Spoken::of(&written, cyrillic);
        // A Latin name inside Chinese or Arabic text is copied, not
        // adapted: no exonym or ending excuses a different spelling.
        let copied = plain && !bead.target_words.cased;
        let cross_language = bead.cross_language && !copied;
        let (likeness, matched) = best(&Key { text: key, latin: true, plain, acronym, spoken, name: &target.fact.value }, &bead.source_name_words, &bead.source_words, cross_language, bead.japanese);
        // A copied name has no exonym to be: a typing slip too far apart
        // for the spelling likeness (Purwo as Piwro) is still a misspelling.
        let (likeness, matched) = match likeness {
            Likeness::Different if copied => bead.source_name_words.iter().find(|w| w.plain && misspelt(&w.key, key)).map_or((likeness, matched), |w| (Likeness::Similar, Some(w))),
            _ => (likeness, matched),
        };
        let anchored = |source: &NameWord| if cyrillic { heard_likeness(source, key, words) } else { anchored_likeness(source, target, key, words) };
        let likeness = match matched {
            Some(source) if cross_language => anchored(source).unwrap_or(likeness),
            // An English plural or possessive loses its s (Habitats, 多家 Habitat).
            Some(source) if copied && likeness == Likeness::Similar && source.key.strip_suffix('s') == Some(key) => Likeness::Inflected,
            _ => likeness,
        };
        // A Chinese, Japanese or Arabic source writes a Latin name by its
        // sounds: as good as spelled alike where the word's closest source
        // words are part of the rendering (by chance a two-consonant name
        // renders somewhere in most Chinese sentences).
        let by_sound = !matches!(likeness, Likeness::Same | Likeness::Similar)
            && bead.name_links.as_ref().is_some_and(|links| {
                let near = nearest_sources(links.links(), &bead.target_text, &view.joined_span(target, false), key, RENDERING_NEAR);
                rendered::rendered_in(key, &bead.source_text, view.source.language, &near)
            });
        if by_sound {
            spelling.spelled_alike = true;
            continue;
        }
        if likeness == Likeness::Different && rendered::too_short_to_hear(key, view.source.language) {
            unheard.push(key);
            continue;
        }
        // A weak source name (a German noun such as Weg) names no one,
        // unless the target word spells or sounds just like it (`Flake`
        // opening an English sentence, `Джеффа Флейка` in its translation).
        let named = |source: &NameWord| !source.placed.fact.weak || (likeness >= Likeness::Variant && !bead.german_source);
        let one_word_name = matched.is_some_and(|source| named(source) && !source.placed.fact.value.contains(' '));
        spelling.fuller_form |= words.len() > 1 && likeness >= Likeness::Inflected && one_word_name;
        match (likeness, matched) {
            (Likeness::Same, _) => spelling.spelled_alike = true,
            (Likeness::Similar, Some(source)) => {
                spelling.misspelled = true;
                explained.push(&source.placed);
                findings.push(mismatch(view, source, target, key));
            }
            (Likeness::Variant, Some(source)) if bead.same_script || anchored(source).is_some() => {
                findings.push(variant(view, source, target, key))
            }
            (Likeness::Different, _) => spelling.unsupported_keys.push(key),
            _ => {}
        }
    }
    if !spelling.spelled_alike {
        spelling.unsupported_keys.extend(unheard);
    }
    spelling
}

/// Whether a target name (`written` as shown), its words spelled as
/// `spelling` found, was added by the translation.
fn target_added(bead: &NameBead, target: &Placed, written: &str, words: &[&str], covered: &[&str], spelling: &TargetSpelling) -> bool {
    let view = bead.view;
    let name_links = &bead.name_links;
    let unsupported_keys = &spelling.unsupported_keys;
    let evidence = match name_links {
        Some(links) => links.judge(view, target, words, false),
        None => Evidence::Unsure,
    };
    let all_keys: Vec<&str> = target.fact.value.split(' ').collect();
    let expanded = || name_links.as_ref().is_some_and(|links| one_counterpart(&links.counterparts(view, target, &all_keys, false), unsupported_keys));
    let unsupported = !unsupported_keys.is_empty() && !spelling.fuller_form && !expanded();
    // Spelling decides, unless alignment shows a translated name; a
    // name spelled like nothing nearby in the source is added even when
    // its sounds occur somewhere in an uncased source by chance.
    let unlinked = evidence == Evidence::Unlinked && !spelling.spelled_alike && !spelling.misspelled && !spelling.fuller_form;
    // A weak name (a capital opening the sentence) may be any word: it
    // is added only when spelled like nothing and linked to nothing. In
    // German every noun is weak, and nouns get translated loosely.
    let weak_added = target.fact.weak && !bead.german_target && unsupported && unlinked && !capitals::explained_target(view, target, written, &bead.source_text);
    // A listed place is a name wherever it stands, weak or not. The list
    // lacks some forms (adjectives, 回国 "back home" for China): the
    // place is added only when its words are spelled like nothing and
    // link closely to nothing but another place.
    // (Only English names are looked up by their English form: a German
    // "USA" may stand for a source's "$".)
    let english_target = crate::extract::text::base_language(view.target.language) == "en";
    let place_added = english_target && places_absent(&target.fact.value, &bead.source_text).iter().any(|keys| {
        // The list knows the kanji: no romaji reading excuses the name.
        let spelled = keys.iter().any(|k| bead.in_source(k));
        let linked = name_links.as_ref().map_or(Evidence::Unsure, |links| links.judge(view, target, keys, false));
        !spelled && (linked != Evidence::Linked || name_links.as_ref().is_some_and(|links| swapped_place(&links.counterparts(view, target, keys, false), keys)))
    });
    let generic_added = generic_untranslated(view, target, &all_keys, covered, words, &bead.source_words, name_links.as_ref());
    place_added || generic_added || weak_added || !target.fact.weak && ((unsupported && evidence != Evidence::Linked) || unlinked)
}

/// A source name not explained by a misspelt target name: missing from
/// the target, or misspelt in its rendering by sound.
fn check_source(bead: &NameBead, source: &Placed) -> Option<Finding> {
    let view = bead.view;
    let name_links = &bead.name_links;
    let in_source = |key: &str| bead.in_source(key);
    let acronym = bead.source_name_words.iter().any(|w| w.placed.fact.span == source.fact.span && w.acronym);
    let written = shown(view, source, true);
    if acronyms::written_otherwise(&written, &bead.target_text) || glossary::rendered_in(&written, &bead.target_text, view.options.spellings) {
        return None;
    }
    if let Some(absent) = capitals::places_only(view, source, &written, &bead.target_text) {
        return absent.then(|| missing(view, source));
    }
    if source.fact.weak {
        let target = TargetWords { names: &bead.target_name_words, words: &bead.target_words, text: &bead.target_text, cross_language: bead.cross_language };
        return weak_missing(view, source, name_links.as_ref(), &target, acronym, &in_source).then(|| missing(view, source));
    }
    let places = if crate::extract::text::base_language(view.source.language) == "en" {
        english_source_places(&written, &bead.target_text)
    } else {
        source_places(&written, &bead.target_text)
    };
    // Latin names in Chinese or Arabic are told by sound and alignment.
    let mut rendered_absent = false;
    if places.is_empty() {
        match rendered::judge(view, source, name_links.as_ref().map(NameLinks::links)) {
            Some(Rendered::Present) => return None,
            Some(Rendered::Misspelt(finding)) => return Some(*finding),
            Some(Rendered::Absent) => rendered_absent = true,
            None => {}
        }
    }
    let latin = written.chars().all(|c| (c as u32) < 0x250);
    // Parts of a name get translated ("Severnogo flota"): a name none of
    // whose words is found is missing, or one with a word lost (below).
    let mut keys: Vec<&str> = source.fact.value.split(' ').filter(|k| k.len() >= 3).collect();
    if keys.is_empty() {
        // A name of short words only (AI, EU) is judged by them; with no
        // keys at all, every test below would hold vacuously.
        keys = source.fact.value.split(' ').filter(|k| k.len() >= 2).collect();
    }
    if keys.is_empty() {
        return None;
    }
    let cyrillic = written.chars().any(is_cyrillic);
    let likeness: Vec<Likeness> = keys
        .iter()
        .map(|key| {
            let word = word_in(view, source, key, true);
            let spoken = Spoken::of(&word, cyrillic);
            best(&Key { text: key, latin, plain: word.is_ascii(), acronym, spoken, name: &source.fact.value }, &bead.target_name_words, &bead.target_words, bead.cross_language, false).0
        })
        .collect();
    let evidence = name_links.as_ref().map_or(Evidence::Unsure, |links| links.judge(view, source, &keys, true));
    // Alignment finds source names whose sounds match by chance. It does
    // not explain them: a swapped name sits in the same slot and links
    // closely (pl recall 0.97 → 0.90 on DEMETR when it did).
    let spelled_nowhere = likeness.iter().all(|l| *l == Likeness::Different) || (evidence == Evidence::Unlinked && (rendered_absent || likeness.iter().all(|l| *l < Likeness::Inflected)));
    let counterparts = name_links.as_ref().map(|links| links.counterparts(view, source, &keys, true)).unwrap_or_default();
    // A place the English names nowhere is excused by a like spelling
    // only where the word has a counterpart: Paryżu spelled like
    // "Polish" (consonants p-r-s) links loosely to it, not mutually.
    let leaning = |key: &str| counterparts.iter().any(|c| c.key == key && !c.link.mutual && c.link.similarity < LOST_WORD_BELOW);
    let spelled = |key: &str| keys.iter().zip(&likeness).any(|(k, l)| *k == key && *l >= Likeness::Inflected) && !leaning(key);
    let absent = match places {
        places if places.iter().any(|(_, found)| *found) => false,
        places if places.iter().any(|(key, _)| !spelled(key)) => true,
        _ => {
            (spelled_nowhere && !rendered_by_meaning(&counterparts, &keys)) || lost_word(&keys, &likeness, &counterparts)
        }
    };
    absent.then(|| missing(view, source))
}

/// A source without capitals where no name was found missing: a listed
/// place the target does not name, or source words linked to nothing.
fn uncased_missing(bead: &NameBead) -> Option<Finding> {
    let view = bead.view;
    let name_links = bead.name_links.as_ref();
    if let Some((place, range)) = places::named_uncased(&bead.source_text).into_iter().find(|(place, _)| !place.named_in_english(&bead.target_text)) {
        let english = place.english[0].clone();
        Some(unlinked(view, range, |words| format!("place \"{words}\" ({english}) in the source is missing in the target")))
    } else if let Some(run) = name_links.and_then(NameLinks::unlinked_source_run) {
        Some(unlinked(view, run, |words| format!("source words \"{words}\" have no counterpart in the target (a name may be missing)")))
    } else {
        leaning(name_links, &bead.source_text, &bead.target_name_words, &bead.target_words)
            .map(|run| unlinked(view, run, |words| format!("source word \"{words}\" links only to another word's counterpart (a name may be missing)")))
    }
}

/// How many of a target word's most similar source words a rendering by
/// sound must take in. Fitted on DEMETR zh/ja (see the README): with 1 or
/// 2 Schumacher/舒马赫 links past its rendering, with 5 a replaced name
/// renders by chance near its slot.
const RENDERING_NEAR: usize = 3;

/// The `count` source words most similar to the target word(s) `key` in
/// `span`: where a rendering of the word would stand.
fn nearest_sources(links: &crate::compare::links::Links, target_text: &str, span: &std::ops::Range<usize>, key: &str, count: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for j in links.target.within(span) {
        if target_text.get(links.target.spans[j].clone()).is_none_or(|w| ascii_key(w) != key) {
            continue;
        }
        let mut ranked: Vec<usize> = (0..links.source.len()).collect();
        ranked.sort_by(|&a, &b| links.similarity(b, j).total_cmp(&links.similarity(a, j)));
        out.extend(ranked.into_iter().take(count).map(|i| links.source.spans[i].clone()));
    }
    out
}

/// One word of a longer name left out ("Vladimira Putina" rendered
/// "Vladimir", "Hershey y Chase" rendered "Chase"): spelled like nothing,
/// not a translatable word, not rendered by meaning, and linked weakly or to
/// a name word of the target that is another source word's counterpart.
fn lost_word(keys: &[&str], likeness: &[Likeness], counterparts: &[Counterpart]) -> bool {
    if keys.len() < 2 {
        return false;
    }
    let taken = |c: &Counterpart| !c.link.mutual && c.word.chars().next().is_some_and(char::is_uppercase) && !is_generic(&ascii_key(&c.word));
    keys.iter().zip(likeness).filter(|(key, l)| **l == Likeness::Different && !is_generic(key)).any(|(key, _)| {
        counterparts
            .iter()
            .filter(|c| c.key == *key)
            .any(|c| (taken(c) || c.link.similarity < LOST_WORD_BELOW) && !rendered_by_meaning(std::slice::from_ref(c), keys))
    })
}

/// A source name that the translation rendered by meaning: one of its words
/// links closely to a common word (Paesi → countries, Twitter → tweeted) or
/// to a form sharing its stem (Afroamerykanów → Americans, polski →
/// Polish). A name swapped for another links to that other name instead.
fn rendered_by_meaning(counterparts: &[Counterpart], keys: &[&str]) -> bool {
    counterparts.iter().filter(|c| c.link.similarity >= TRANSLATED_FROM).any(|Counterpart { word, .. }| {
        let common = word.chars().next().is_some_and(char::is_lowercase);
        let stem: String = consonants(&ascii_key(word)).chars().take(3).collect();
        common || (stem.len() == 3 && keys.iter().any(|k| consonants(k).contains(&stem)))
    })
}

/// Words of a target name, spelled like nothing in the source, whose best
/// source word is the close mutual counterpart of another word of the same
/// name that is spelled alike or translatable:
/// the name written out more fully ("Vladimir Putin" for 普京, "Polish
/// Football Association" for PZPN). A swapped part links elsewhere, and a
/// swapped name of two words links loosely to the one it replaced.
fn one_counterpart(counterparts: &[Counterpart], unsupported: &[&str]) -> bool {
    let anchored = |c: &Counterpart| counterparts.iter().any(|d| d.key != c.key && !unsupported.contains(&d.key.as_str()) && d.link.mutual && d.link.similarity >= TRANSLATED_FROM && d.link.other == c.link.other);
    !unsupported.is_empty() && unsupported.iter().all(|key| counterparts.iter().any(|c| c.key == *key && anchored(c)))
}

/// A Devanagari source word leaning on another word's counterpart (see
/// `NameLinks::leaning_source_words`) that sounds like no target word: a
/// name transliterated (गारन्टी, guarantee; कैनेडी, Kennedy) is present.
fn leaning(links: Option<&NameLinks>, source_text: &str, target_name_words: &[NameWord], target_words: &Words) -> Option<std::ops::Range<usize>> {
    let sounds_like_nothing = |range: &std::ops::Range<usize>| {
        let key = source_text.get(range.clone()).map(ascii_key).unwrap_or_default();
        let skeleton = consonants(&key);
        let sounds = |word: &String| skeleton.len() >= 3 && sounds_alike(&consonants(word), &skeleton);
        best(&Key::spelling(&key), target_name_words, target_words, true, false).0 == Likeness::Different && !target_words.keys.iter().any(sounds)
    };
    links?.leaning_source_words().into_iter().find(sounds_like_nothing)
}

/// Source words (in a script without capitals) with no counterpart in the
/// target: there no name is told by its spelling, and an untranslated run
/// is most often a name left out. So is a place named in the source's own
/// script (美国, पेरिस) that the English does not name.
fn unlinked(view: &BeadView, run: std::ops::Range<usize>, message: impl Fn(&str) -> String) -> Finding {
    let holding = view.joined_sentences(true).into_iter().find(|(_, sentence, offset)| run.start >= *offset && run.end <= offset + sentence.span.len());
    let location = holding.map(|(i, sentence, offset)| {
        let span = crate::document::Span::new(sentence.span.start + run.start - offset, sentence.span.start + run.end - offset);
        super::location(view.source, i, span)
    });
    let words = location.as_ref().map_or(String::new(), |l| l.text.clone());
    let message = message(&words);
    view.finding(Rule::NameMissing, Severity::Warning, message, location, None)
}

/// The target side of a bead as the rules for source names look it up.
struct TargetWords<'t, 'a> {
    names: &'t [NameWord<'a>],
    words: &'t Words,
    text: &'t str,
    cross_language: bool,
}

/// A weak source name (German noun, clause-initial capital, katakana run)
/// is missing when no word of it is spelled like a target word and none
/// links closely to one: a name removed from the translation leaves its
/// source words linked only to unrelated words, while a common noun is
/// usually translated and links to its translation. It is also missing when
/// its counterpart is another name (`swapped_for`), when a word of it leans
/// on a neighbour's name or is lost from a longer name, when it names a
/// place the English does not name, and (an acronym) when the English has
/// no such acronym and no word its own.
fn weak_missing(view: &BeadView, source: &Placed, links: Option<&NameLinks>, target: &TargetWords, acronym: bool, in_source: &dyn Fn(&str) -> bool) -> bool {
    let Some(links) = links else { return false };
    let spelled_as = |key: &str| best(&Key::spelling(key), target.names, target.words, target.cross_language, false).0;
    // Acronyms of two letters (US, KP) count here: a link to a neighbour's
    // name says more than their spelling.
    let all_keys: Vec<&str> = source.fact.value.split(' ').filter(|k| k.len() >= 2).collect();
    let counterparts = links.counterparts(view, source, &all_keys, true);
    if acronym {
        return acronym_missing(&all_keys, &counterparts, target);
    }
    // Südafrika, Evropské: a place that the English names by no form,
    // unless spelled alike there (close spellings across languages match
    // by chance: Südafrika and "southern") or translated: a word that only
    // begins like a place's form (Северного, "northern", like Северная
    // Корея) links mutually to its rendering.
    let written = shown(view, source, true);
    let unlinked = |key: &str| counterparts.iter().any(|c| c.key == key && !c.link.mutual);
    let place_lost = tokenize(&written).into_iter().filter(|t| t.class == Class::Word).any(|t| {
        let key = ascii_key(t.text);
        places::by_long_form(t.text).is_some_and(|place| !place.named_in_english(target.text)) && spelled_as(&key) < Likeness::Variant && unlinked(&key)
    });
    if place_lost {
        return true;
    }
    // A name of two-letter words only ("Rz", an abbreviated title) is
    // judged by them.
    let long_keys: Vec<&str> = all_keys.iter().copied().filter(|k| k.len() >= 3).collect();
    let keys = if long_keys.is_empty() { all_keys.clone() } else { long_keys };
    if keys.is_empty() || keys.iter().any(|key| spelled_as(key) != Likeness::Different) {
        return false;
    }
    let swapped = || {
        let counterparts: Vec<Counterpart> = counterparts.iter().filter(|c| keys.contains(&c.key.as_str())).cloned().collect();
        !rendered_by_meaning(&counterparts, &keys) && counterparts.iter().any(|c| swapped_for(c, &keys, target.names, in_source))
    };
    let lost = counterparts.iter().any(|c| linked_to_neighbour(c, target.names, in_source) || (keys.len() >= 2 && unlinked_word(c)));
    links.all_below(view, source, &keys, true, WEAK_UNLINKED_BELOW) || swapped() || lost
}

/// An acronym kept in the source's letters (LPG, IRNA, KP, ОАЭ) that the
/// English neither writes (in any order of its letters: ONU/UN) nor has as
/// a word, whose best target word is no mutual counterpart: a translated
/// acronym (ONU → UN, USA → United States) links mutually to its
/// rendering. Close spellings do not count (IRNA and "Iranian").
fn acronym_missing(keys: &[&str], counterparts: &[Counterpart], target: &TargetWords) -> bool {
    let written = |key: &str| target.names.iter().any(|w| w.acronym && same_acronym(&w.key, key)) || target.words.keys.iter().any(|k| k == key);
    !keys.is_empty() && !keys.iter().any(|k| written(k)) && counterparts.iter().any(|c| !c.link.mutual && c.link.similarity < NEIGHBOUR_BELOW)
}

/// A word of a weak source name whose best target word is the name of
/// another source word (Colbert → Thunberg, Leicester → Lingard, Ларсон →
/// LaFasto), not mutually: its own counterpart is gone, and it leans on
/// the closest name left.
fn linked_to_neighbour(counterpart: &Counterpart, target_name_words: &[NameWord], in_source: &dyn Fn(&str) -> bool) -> bool {
    let key = ascii_key(&counterpart.word);
    let name_word = target_name_words.iter().any(|w| w.key == key);
    !counterpart.link.mutual && counterpart.link.similarity < NEIGHBOUR_BELOW && name_word && key != counterpart.key && in_source(&key)
}

/// A word of a weak name of several words (German "Moderator Stephen
/// Colbert", "National Women's Hospital") linked loosely and not mutually:
/// the others may be translated ("Moderator" → presenter), this one is gone.
fn unlinked_word(counterpart: &Counterpart) -> bool {
    !counterpart.link.mutual && counterpart.link.similarity < WEAK_WORD_UNLINKED_BELOW && !is_generic(&counterpart.key)
}

/// A source word whose mutual counterpart is a target name word spelled
/// like nothing in the source and sharing no stem with it (Murray ↔
/// Hamáček, Madagaskar ↔ Boston): the name in that slot was swapped.
fn swapped_for(counterpart: &Counterpart, keys: &[&str], target_name_words: &[NameWord], in_source: &dyn Fn(&str) -> bool) -> bool {
    let key = ascii_key(&counterpart.word);
    let stem: String = consonants(&key).chars().take(3).collect();
    let shares_stem = keys.iter().any(|k| consonants(k).contains(&stem));
    let name_word = target_name_words.iter().any(|w| w.key == key);
    counterpart.link.mutual && counterpart.link.similarity < SWAPPED_BELOW && name_word && key.len() >= 3 && !is_generic(&key) && !shares_stem && !in_source(&key)
}

fn missing(view: &BeadView, source: &Placed) -> Finding {
    let message = format!("name \"{}\" in the source is missing in the target", shown(view, source, true));
    view.finding(Rule::NameMissing, Severity::Warning, message, Some(fact_location(view.source, source)), None)
}

/// Across languages a close spelling is usually an exonym, a translated
/// title or a declension (Spanien/Spain, Hurrikan/Hurricane, Paltrows), but
/// not the surname of a Latin-script personal name whose other words are
/// written identically on both sides: `Luca Benedetti` rendered `Luca
/// Benedini` is a misspelling, `Hamid Qasemi` a transliteration variant.
/// Returns the within-language likeness in that case.
fn anchored_likeness(source: &NameWord, target: &Placed, key: &str, target_keys: &[&str]) -> Option<Likeness> {
    let latin = |t: &str| t.chars().all(|c| (c as u32) < 0x250);
    if !source.latin || !latin(&target.fact.value) {
        return None;
    }
    let source_keys: Vec<&str> = source.placed.fact.value.split(' ').filter(|k| k.len() >= 2).collect();
    let surname = |keys: &[&str], word: &str| keys.len() >= 2 && keys.last() == Some(&word);
    let given_names_equal = source_keys.len() == target_keys.len()
        && source_keys.iter().zip(target_keys).rev().skip(1).all(|(a, b)| a == b);
    let inflected = key.starts_with(source.key.as_str()) || source.key.starts_with(key);
    if !surname(&source_keys, &source.key) || !surname(target_keys, key) || !given_names_equal || inflected {
        return None;
    }
    let likeness = classify(&source.key, key, false);
    matches!(likeness, Likeness::Similar | Likeness::Variant).then_some(likeness)
}

/// `anchored_likeness` for a Latin surname rendered in Cyrillic (`Luca
/// Benedetti` as `Лука Бенедини`): heard one consonant apart, a misspelling;
/// as Cyrillic renders it (Гвардиола, Азар), not even a variant.
fn heard_likeness(source: &NameWord, key: &str, target_keys: &[&str]) -> Option<Likeness> {
    let source_keys: Vec<&str> = source.placed.fact.value.split(' ').filter(|k| k.len() >= 2).collect();
    let surname = |keys: &[&str], word: &str| keys.len() >= 2 && keys.last() == Some(&word);
    if !source.latin || !surname(&source_keys, &source.key) || !surname(target_keys, key) || source_keys.len() != target_keys.len() {
        return None;
    }
    let given_names = source_keys.iter().zip(target_keys).rev().skip(1);
    let heard = given_names.clone().all(|(a, b)| a == b || rendering(a, b, Script::Cyrillic) == Rendering::Same);
    (heard && rendering(&source.key, key, Script::Cyrillic) == Rendering::Near).then_some(Likeness::Similar)
}

/// A name dropped from an English target: its trace in the grammar (see
/// `holes`), backed by a source name with no counterpart when the source
/// is written with capitals.
fn dropped(view: &BeadView, source_names: &[Placed], target_name_words: &[NameWord], target_words: &Words, cross_language: bool, found: &[Finding]) -> Option<Finding> {
    if crate::extract::text::base_language(view.target.language) != "en" || found.iter().any(|f| f.rule == Rule::NameMissing) {
        return None;
    }
    let (target_sentence, sentence, text, trace) = view.bead.target.iter().find_map(|&j| {
        let sentence = view.target.sentences.get(j)?;
        let text = view.target.text.get(sentence.span.start..sentence.span.end)?;
        holes::find(text).map(|hole| (j, sentence, text, hole))
    })?;
    let (start, end) = (trace.start, trace.end);
    // In a script without capitals names are found only in part (Devanagari
    // names with a candra o, Latin words): the trace alone decides there,
    // as a strong trace does anywhere (a name written in lower case, such
    // as "el rakfisk", is found by no rule).
    let source_cased = Words::of(&view.source_text()).cased;
    if source_cased && !trace.strong {
        let unmatched = source_names.iter().any(|s| {
            s.fact.value.split(' ').filter(|k| k.len() >= 3).all(|key| best(&Key::spelling(key), target_name_words, target_words, cross_language, false).0 == Likeness::Different)
        });
        if !unmatched {
            return None;
        }
    }
    let span = crate::document::Span::new(sentence.span.start + start, sentence.span.start + end);
    let around = excerpt(text.get(start.saturating_sub(20)..(end + 20).min(text.len())).unwrap_or(text), 50);
    let message = format!("a name seems to be missing in the target near \"{around}\"");
    Some(view.finding(Rule::NameMissing, Severity::Warning, message, None, Some(super::location(view.target, target_sentence, span))))
}

fn added(view: &BeadView, target: &Placed) -> Finding {
    let message = format!("name \"{}\" in the target has no counterpart in the source", shown(view, target, false));
    view.finding(Rule::NameAdded, Severity::Warning, message, None, Some(fact_location(view.target, target)))
}

fn shown(view: &BeadView, placed: &Placed, source: bool) -> String {
    let side = if source { view.source } else { view.target };
    side.text.get(placed.fact.span.start..placed.fact.span.end).unwrap_or(&placed.fact.value).to_string()
}

/// The original spelling of one key of a name fact.
fn word_in(view: &BeadView, placed: &Placed, key: &str, source: bool) -> String {
    let text = shown(view, placed, source);
    tokenize(&text).into_iter().find(|t| ascii_key(t.text) == key).map_or(text.clone(), |t| t.text.to_string())
}

fn mismatch(view: &BeadView, source: &NameWord, target: &Placed, key: &str) -> Finding {
    let message = format!("name \"{}\" is spelled \"{}\"", word_in(view, &source.placed, &source.key, true), word_in(view, target, key, false));
    view.finding(Rule::NameMismatch, Severity::Error, message, Some(fact_location(view.source, &source.placed)), Some(fact_location(view.target, target)))
}

fn variant(view: &BeadView, source: &NameWord, target: &Placed, key: &str) -> Finding {
    let message = format!("name \"{}\" is written \"{}\" (transliteration variant)", word_in(view, &source.placed, &source.key, true), word_in(view, target, key, false));
    view.finding(Rule::NameVariant, Severity::Info, message, Some(fact_location(view.source, &source.placed)), Some(fact_location(view.target, target)))
}

/// One finding per rule and pair of locations.
fn dedup(findings: Vec<Finding>) -> Vec<Finding> {
    let mut kept: Vec<Finding> = Vec::new();
    for finding in findings {
        if !kept.iter().any(|k| k.rule == finding.rule && k.message == finding.message && k.source == finding.source && k.target == finding.target) {
            kept.push(finding);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::name_links::testing::counterpart;
    use crate::document::Span;
    use crate::extract::Fact;

    #[test]
    fn latin_names_heard_in_katakana_tokens() {
        assert!(heard_in_kana("willoughby", "holly willoughby", "ホリー・ウィロビー"));
        // A name of two words written as one.
        assert!(heard_in_kana("york", "new york", "ニューヨーク"));
        // Not a word heard by chance inside another.
        assert!(!heard_in_kana("paolo", "paolo rossetti", "ベルナルディ"));
    }

    #[test]
    fn names_rendered_by_meaning_link_to_common_words_or_their_stem() {
        assert!(rendered_by_meaning(&[counterpart("paesi", 5, 0.89, true, "countries")], &["paesi"]));
        assert!(rendered_by_meaning(&[counterpart("afroamerykanow", 3, 0.75, true, "Americans")], &["afroamerykanow"]));
        // Another name in the slot, or a weak link, explains nothing.
        assert!(!rendered_by_meaning(&[counterpart("moscu", 2, 0.67, true, "Russian")], &["moscu"]));
        assert!(!rendered_by_meaning(&[counterpart("paesi", 5, 0.5, true, "countries")], &["paesi"]));
    }

    #[test]
    fn a_word_lost_from_a_longer_name() {
        let keys = ["vladimira", "putina"];
        let likeness = [Likeness::Same, Likeness::Different];
        let taken = [counterpart("vladimira", 1, 0.72, true, "Vladimir"), counterpart("putina", 2, 0.58, false, "Zelensky")];
        assert!(lost_word(&keys, &likeness, &taken));
        let translated = [counterpart("vladimira", 1, 0.72, true, "Vladimir"), counterpart("putina", 2, 0.7, true, "Putin")];
        assert!(!lost_word(&keys, &likeness, &translated));
        assert!(!lost_word(&keys[1..], &likeness[1..], &taken[1..]), "a one-word name is judged whole");
    }

    #[test]
    fn a_weak_name_swapped_for_another() {
        let fact = Fact::new(FactKind::Name, Span::new(0, 7), "hamacek");
        let placed = Placed { sentence: 0, fact: &fact };
        let hamacek = [NameWord { placed, key: "hamacek".into(), acronym: false, latin: true, plain: false, spoken: None }];
        let nowhere = |_: &str| false;
        assert!(swapped_for(&counterpart("murray", 0, 0.53, true, "Hamáček"), &["murray"], &hamacek, &nowhere));
        // A close link is a translation; a word spelled in the source is no swap.
        assert!(!swapped_for(&counterpart("murray", 0, 0.8, true, "Hamáček"), &["murray"], &hamacek, &nowhere));
        assert!(!swapped_for(&counterpart("murray", 0, 0.53, true, "Hamáček"), &["murray"], &hamacek, &|_| true));
    }

    #[test]
    fn a_weak_name_leaning_on_a_neighbour() {
        let fact = Fact::new(FactKind::Name, Span::new(0, 8), "thunberg");
        let placed = Placed { sentence: 0, fact: &fact };
        let thunberg = [NameWord { placed, key: "thunberg".into(), acronym: false, latin: true, plain: true, spoken: None }];
        let in_source = |key: &str| key == "thunberg";
        assert!(linked_to_neighbour(&counterpart("colbert", 0, 0.58, false, "Thunberg"), &thunberg, &in_source));
        // Thunberg's own source word links to it mutually; a close link, a
        // common word or a name the source lacks is no neighbour's name.
        assert!(!linked_to_neighbour(&counterpart("thunberg", 0, 0.93, true, "Thunberg"), &thunberg, &in_source));
        assert!(!linked_to_neighbour(&counterpart("colbert", 0, 0.8, false, "Thunberg"), &thunberg, &in_source));
        assert!(!linked_to_neighbour(&counterpart("colbert", 0, 0.58, false, "show"), &thunberg, &in_source));
        assert!(!linked_to_neighbour(&counterpart("colbert", 0, 0.58, false, "Thunberg"), &thunberg, &|_| false));
    }

    #[test]
    fn an_acronym_left_out() {
        let fact = Fact::new(FactKind::Name, Span::new(0, 2), "un");
        let placed = Placed { sentence: 0, fact: &fact };
        let un = [NameWord { placed, key: "un".into(), acronym: true, latin: true, plain: true, spoken: None }];
        let (words, text) = (Words::of("It is possible to refuel in the UN"), "It is possible to refuel in the UN");
        let target = TargetWords { names: &un, words: &words, text, cross_language: true };
        assert!(acronym_missing(&["lpg"], &[counterpart("lpg", 4, 0.53, false, "refuel")], &target));
        // Written in other order (ONU/UN), or rendered and linked mutually.
        assert!(!acronym_missing(&["onu"], &[counterpart("onu", 7, 0.86, false, "UN")], &target));
        assert!(!acronym_missing(&["usa"], &[counterpart("usa", 6, 0.84, true, "the")], &target));
    }

    #[test]
    fn a_loose_word_of_a_weak_name() {
        assert!(unlinked_word(&counterpart("stephen", 3, 0.37, false, "Swede")));
        assert!(!unlinked_word(&counterpart("moderator", 2, 0.73, true, "presenter")));
        assert!(!unlinked_word(&counterpart("stephen", 3, 0.45, true, "Swede")), "a mutual link is a counterpart");
    }

    #[test]
    fn a_name_written_out_more_fully() {
        let putin = [counterpart("vladimir", 0, 0.56, false, "普"), counterpart("putin", 0, 0.76, true, "普")];
        assert!(one_counterpart(&putin, &["vladimir"]));
        // Two swapped words sharing a loose counterpart explain nothing.
        let swapped = [counterpart("tehsil", 4, 0.52, true, "Moldau"), counterpart("naushera", 4, 0.52, false, "Moldau")];
        assert!(!one_counterpart(&swapped, &["naushera"]));
    }

    #[test]
    fn a_rendering_stands_where_the_word_links() {
        use crate::compare::links::testing::words;
        let source = words("舒 马 在", &[[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]]);
        let links = crate::compare::links::Links::new(source, words("Schumacher left", &[[0.9, 0.1], [0.0, 1.0]]));
        assert_eq!(nearest_sources(&links, "Schumacher left", &(0..10), "schumacher", 2), vec![0..3, 4..7]);
        assert!(nearest_sources(&links, "Schumacher left", &(0..10), "left", 2).is_empty());
    }

}
