//! Names: runs of capitalised words in scripts with case (Latin, Cyrillic,
//! Greek); in scripts without case, Latin-script words and (weakly)
//! katakana runs. Values are ASCII keys (`Трамп` → `tramp`).

use super::text::{base_language, ascii_key, is_capitalized, is_katakana, Class, Token, tokenize};
use super::{Fact, FactKind};
use crate::document::Span;

mod generic;
pub mod acronyms;
pub mod glossary;
pub mod places;
mod stop;

pub use generic::is_generic;
pub mod rendering;
pub mod similarity;

pub use similarity::{classify, Likeness};

/// Words that join the parts of one name ("Ludwig van Beethoven", "Abu al-Hassan").
const PARTICLES: &[&str] = &["van", "von", "der", "de", "del", "della", "di", "da", "du", "le", "la", "al", "el", "bin", "ibn", "ben", "dos", "das", "y", "zu", "ter", "den"];

/// Whether a word of a name (ASCII key) is a particle joining its parts
/// (`de` in "Charles de Gaulle", "World Vision de Donggala"): it needs
/// no counterpart of its own.
pub fn is_particle(key: &str) -> bool {
    PARTICLES.contains(&key)
}

pub fn extract(sentence: &str, language: &str) -> Vec<Fact> {
    let language = base_language(language);
    let tokens = tokenize(sentence);
    if cased(&tokens) {
        cased_names(&tokens, language)
    } else {
        uncased_names(&tokens)
    }
}

/// Whether the sentence is mostly in a script with upper and lower case.
fn cased(tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|t| matches!(t.class, Class::Word | Class::Cjk));
    let (mut with_case, mut total) = (0, 0);
    for token in words {
        total += 1;
        if token.text.chars().any(|c| c.is_uppercase() || c.is_lowercase()) {
            with_case += 1;
        }
    }
    total > 0 && with_case * 2 > total
}

fn fact(tokens: &[Token], first: usize, last: usize, weak: bool) -> Fact {
    let value = tokens[first..=last].iter().filter(|t| t.class == Class::Word || t.class == Class::Cjk).map(|t| ascii_key(t.text)).filter(|k| !k.is_empty()).collect::<Vec<_>>().join(" ");
    let mut fact = Fact::new(FactKind::Name, Span::new(tokens[first].start, tokens[last].end), value);
    fact.weak = weak;
    fact
}

/// True for a token after which a capital says nothing: sentence start,
/// opening quote, colon, dash. The full stop of a title before a name
/// (`Mr.`, `Dr.`, French `M.`) ends no sentence.
fn starts_clause(tokens: &[Token], i: usize) -> bool {
    let Some(at) = tokens[..i].iter().rposition(|t| !matches!(t.text, "(" | "[")) else { return true };
    let title = at > 0 && tokens[at].text == "." && !tokens[at].space_before && TITLES.contains(&tokens[at - 1].text);
    !title && matches!(tokens[at].text, "." | "!" | "?" | ":" | ";" | "\"" | "“" | "«" | "„" | "‘" | "‚" | "–" | "—" | "¿" | "¡" | "'" | "‹" | "”" | "»")
}

/// Abbreviated titles written with a full stop before a name.
const TITLES: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "St", "M", "Mme", "Mlle", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Det", "Insp", "Rev", "Sr", "Sra", "Jr", "Hr", "Fr"];

/// English `May` as a surname (Theresa May, Mrs May, PM May): after a
/// name word or a title, and not before a day's number (`on May 3`).
fn surname_may(tokens: &[Token], i: usize, language: &str) -> bool {
    if language != "en" || tokens[i].text != "May" || tokens.get(i + 1).is_some_and(|t| t.class == Class::Digits) {
        return false;
    }
    let before = i.checked_sub(1).map(|b| &tokens[b]);
    before.is_some_and(|t| name_word(t) && !stop::is_stop(language, &t.norm) || MAY_TITLES.contains(&t.norm.as_str()))
}

const MAY_TITLES: &[&str] = &["mrs", "ms", "mr", "pm", "minister", "premier", "leader"];

/// An English stop word that opens a listed place with the next word
/// (`New York`, `New Zealand`): without it `York City` would be the name.
fn opens_place(tokens: &[Token], i: usize, language: &str) -> bool {
    let next = tokens.get(i + 1).filter(|t| name_word(t) && t.space_before);
    language == "en" && next.is_some_and(|next| places::by_english(&format!("{} {}", tokens[i].norm, next.norm)).is_some())
}

/// Latin, Greek or Cyrillic (by the first letter), for telling runs apart.
fn script(token: &Token) -> u8 {
    match token.text.chars().find(|c| c.is_alphabetic()).map_or(0, |c| c as u32) {
        0x370..=0x3FF => 1,
        0x400..=0x52F => 2,
        _ => 0,
    }
}

fn name_word(token: &Token) -> bool {
    token.class == Class::Word && is_capitalized(token.text) && token.text.chars().count() >= 2
}

/// Whether the capital of the name starting at byte `at` of `sentence` is
/// explained by where it stands: a sentence's or clause's first word, or
/// any word of a headline in title case.
pub fn capital_by_position(sentence: &str, at: usize) -> bool {
    let tokens = tokenize(sentence);
    title_case(&tokens) || tokens.iter().position(|t| t.start == at).is_some_and(|i| starts_clause(&tokens, i))
}

/// A headline in title case ("Tsunami Toll Soars Above 800", "It Is Very
/// Bad"): every word of four letters or more capitalised, at least three
/// of them, or every word of two letters or more, at least three. Its
/// capitals say no more than a clause-initial one.
fn title_case(tokens: &[Token]) -> bool {
    let letters = |t: &&Token| t.text.chars().filter(|c| c.is_alphabetic()).count();
    let words: Vec<&Token> = tokens.iter().filter(|t| t.class == Class::Word && letters(t) >= 2).collect();
    let long: Vec<&Token> = words.iter().copied().filter(|t| letters(t) >= 4).collect();
    (long.len() >= 3 && long.iter().all(|t| is_capitalized(t.text))) || (words.len() >= 3 && words.iter().all(|t| is_capitalized(t.text)))
}

/// Small words an English title keeps in lower case between its capitals
/// that a name seldom holds: names take of, the, and, for, and news
/// places a name by in, at, from, with ("Etihad Stadium in Manchester").
const TITLE_LINKS: &[&str] = &["to", "on", "into", "over", "after", "is", "are", "be"];
/// Capitalised words of four letters or more in a quoted title.
const TITLE_CAPITALS: usize = 4;

/// Tokens inside an English title quoted in running text ("a Tehran's
/// Plan to Assassinate Donald Trump"): capitalised words joined by
/// `TITLE_LINKS` (one at least) and possessives, `TITLE_CAPITALS` of
/// them long. Its capitals say no more than a headline's.
fn in_quoted_title(tokens: &[Token], language: &str) -> Vec<bool> {
    let mut inside = vec![false; tokens.len()];
    if language != "en" {
        return inside;
    }
    let link = |t: &Token| t.class == Class::Word && TITLE_LINKS.contains(&t.text);
    let possessive = |k: usize| matches!(tokens[k].text, "'" | "’") && !tokens[k].space_before && tokens.get(k + 1).is_some_and(|t| t.text == "s" && !t.space_before);
    let mut start = 0;
    while start < tokens.len() {
        if !name_word(&tokens[start]) {
            start += 1;
            continue;
        }
        let (mut end, mut k, mut long, mut links) = (start, start, 0, 0);
        while k < tokens.len() {
            if name_word(&tokens[k]) {
                long += usize::from(tokens[k].text.chars().count() >= 4);
                end = k;
                k += 1;
            } else if possessive(k) {
                k += 2;
            } else if link(&tokens[k]) && tokens.get(k + 1).is_some_and(name_word) {
                links += 1;
                k += 1;
            } else {
                break;
            }
        }
        if long >= TITLE_CAPITALS && links >= 1 {
            inside[start..=end].iter_mut().for_each(|x| *x = true);
        }
        start = end + 1;
    }
    inside
}

fn cased_names(tokens: &[Token], language: &str) -> Vec<Fact> {
    let headline = title_case(tokens);
    let quoted_title = in_quoted_title(tokens, language);
    let mut facts = Vec::new();
    let mut i = 0;
    let named_stop = |i: usize| surname_may(tokens, i, language) || opens_place(tokens, i, language);
    while i < tokens.len() {
        if !name_word(&tokens[i]) || stop::is_stop(language, &tokens[i].norm) && !named_stop(i) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut j = i + 1;
        while j < tokens.len() {
            let joined = tokens[j].text == "-" && !tokens[j].space_before;
            let particle = language != "de" && PARTICLES.contains(&tokens[j].norm.as_str()) && tokens.get(j + 1).is_some_and(name_word);
            if (joined || particle) && tokens.get(j + 1).is_some_and(|t| t.class == Class::Word && !t.space_before || particle) {
                j += 1;
                continue;
            }
            // A change of script ends a name: "The Hockey News Райан Кеннеди"
            // is a title and a person.
            let same_script = script(&tokens[j]) == script(&tokens[last]);
            let stop = stop::is_stop(language, &tokens[j].norm) && !surname_may(tokens, j, language);
            if name_word(&tokens[j]) && same_script && !stop && !tokens[j - 1].text.ends_with([',', '.', ';', ':']) {
                last = j;
                j += 1;
                continue;
            }
            break;
        }
        i = j.max(last + 1);
        // A clause-initial capital says nothing: "Glava Dagestana Vladimir…"
        // starts with a common noun. That word stands alone, weak.
        let mut first = first;
        if starts_clause(tokens, first) && !hyphenated_name(tokens, first, last, language) {
            facts.push(fact(tokens, first, first, true));
            first += 1;
            while first <= last && tokens[first].class != Class::Word {
                first += 1;
            }
            if first > last {
                continue;
            }
        }
        let words = tokens[first..=last].iter().filter(|t| t.class == Class::Word).count();
        // German capitalises every noun; a generic word alone is no name.
        // German capitalises every noun: its capitalised words are weak. So
        // are Slavic capitalised adjectives (of organisations: "Severnogo
        // flota") and acronyms outside English, which are usually translated.
        let text = &tokens[first].text;
        let acronym = words == 1 && text.chars().count() <= 6 && text.chars().all(char::is_uppercase);
        let weak = language == "de"
            || headline
            || quoted_title[first]
            || (acronym && language != "en")
            || (words == 1 && stop::adjective(language, &tokens[first].norm))
            || (words == 1 && stop::is_common(language, &tokens[first].norm))
            || tokens[first..=last].iter().filter(|t| t.class == Class::Word).all(|t| generic::is_generic(&ascii_key(t.text)));
        facts.push(fact(tokens, first, last, weak));
    }
    facts
}

/// A clause-initial word joined by a hyphen to a capitalised one of the
/// same name (`Grande-Bretagne`, `Saint-Denis`, `Jean-Pierre`): the second
/// capital is no clause's, so the whole is a name. Not in German, which
/// capitalises every noun of a compound (`Latenight-Moderator`).
fn hyphenated_name(tokens: &[Token], first: usize, last: usize, language: &str) -> bool {
    let joined = last >= first + 2 && tokens[first + 1].text == "-" && !tokens[first + 1].space_before;
    language != "de" && joined && name_word(&tokens[first + 2])
}

/// Devanagari spells English names with a sign native words lack: the
/// candra o (जॉनसन). A word after श्री (Mr.) is a name.
fn foreign_in_devanagari(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    let devanagari = token.class == Class::Word && token.text.chars().all(crate::extract::text::is_devanagari);
    let after_title = i > 0 && matches!(tokens[i - 1].text, "श्री" | "श्रीमती" | "डॉ");
    devanagari && token.text.chars().count() >= 3 && (token.text.contains(['\u{0949}', '\u{0911}']) || after_title)
}

/// Scripts without case: Latin-script words written inside them are names
/// or acronyms (strong); katakana runs may be names or loanwords (weak).
fn uncased_names(tokens: &[Token]) -> Vec<Fact> {
    let mut facts = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let latin = |t: &Token| t.class == Class::Word && t.text.chars().all(|c| c.is_ascii_alphabetic() || c.is_alphabetic() && (c as u32) < 0x250);
        if latin(&tokens[i]) && tokens[i].text.chars().count() >= 2 {
            let mut last = i;
            while last + 1 < tokens.len() && latin(&tokens[last + 1]) {
                last += 1;
            }
            facts.push(fact(tokens, i, last, false));
            i = last + 1;
        } else if foreign_in_devanagari(tokens, i) {
            facts.push(fact(tokens, i, i, false));
            i += 1;
        } else if tokens[i].class == Class::Cjk && tokens[i].text.chars().all(is_katakana) && tokens[i].text.chars().filter(|c| *c != 'ー' && *c != '・').count() >= 2 {
            facts.push(fact(tokens, i, i, true));
            i += 1;
        } else {
            i += 1;
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::extract;

    fn values(sentence: &str, language: &str) -> Vec<String> {
        extract(sentence, language).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn a_change_of_script_ends_a_name() {
        let found = values("сообщает журналист The Hockey News Райан Кеннеди.", "ru");
        assert!(found.contains(&"hockey news".to_string()), "{found:?}");
        assert!(found.contains(&"raian kennedi".to_string()), "{found:?}");
        // Within one script a run goes on (the first word opens the clause).
        assert_eq!(values("Mluvil s Jaroslavem Kuberou.", "cs"), vec!["mluvil", "jaroslavem kuberou"]);
    }

    #[test]
    fn may_as_a_surname_and_as_a_month() {
        let names = |sentence: &str| extract(sentence, "en").into_iter().map(|f| f.value).collect::<Vec<_>>();
        assert_eq!(names("The talks with Prime Minister Helen May ended early."), vec!["helen may"]);
        assert_eq!(names("The talks with Mrs May ended early."), vec!["may"]);
        assert!(names("The talks ended in May without a deal.").is_empty());
        assert_eq!(names("The deal with Helen Ward May 3 was signed."), vec!["helen ward"], "a date after a name");
    }

    #[test]
    fn a_place_opened_by_a_stop_word() {
        let names = |sentence: &str| extract(sentence, "en").into_iter().map(|f| f.value).collect::<Vec<_>>();
        assert_eq!(names("It was warm in New York City on Tuesday."), vec!["new york"]);
        assert_eq!(names("The team flew to New Zealand."), vec!["new zealand"]);
        assert_eq!(names("They met at the club, and New Milford voted no."), vec!["milford"], "not a listed place");
    }

    #[test]
    fn names_in_a_title_quoted_in_running_text_are_weak() {
        let weak = |sentence: &str| extract(sentence, "en").into_iter().map(|f| (f.value, f.weak)).collect::<Vec<_>>();
        let quoted = weak("The paper reported a Tehran's Plan to Assassinate Donald Trump weeks before.");
        assert!(quoted.iter().all(|(_, weak)| *weak), "{quoted:?}");
        // A name placed by "in" is no title.
        let placed = weak("The boy was flown to Rady Children's Hospital in San Diego yesterday.");
        let strong = |name: &str| placed.iter().any(|(value, weak)| value == name && !*weak);
        assert!(strong("rady children") && strong("san diego"), "{placed:?}");
        // Four capitals, but no stretch of them holds four.
        let names = weak("Two envoys from Namibia met Maria Lopez in Geneva yesterday.");
        assert!(names.iter().all(|(_, weak)| !*weak), "{names:?}");
        // Too few capitals: a name and a place.
        let short = weak("They sent Maria Lopez to Geneva yesterday.");
        assert!(short.iter().all(|(_, weak)| !*weak), "{short:?}");
    }

    #[test]
    fn names_in_a_title_case_headline_are_weak() {
        let weak = |sentence: &str| extract(sentence, "en").into_iter().filter(|f| f.value != "the").map(|f| (f.value, f.weak)).collect::<Vec<_>>();
        assert!(weak("The Bells of St. Martin's Fall Silent as Churches in Harlem Struggle").iter().all(|(_, w)| *w));
        assert!(weak("It Is Very Bad.").iter().all(|(_, w)| *w));
        assert_eq!(weak("Mr. Doseba said so."), vec![("doseba".to_string(), false)], "a title's full stop ends no sentence");
        assert!(weak("Selon M. Doesbi, rien.").contains(&("doesbi".to_string(), false)));
        assert_eq!(weak("Erdogan then headed for Cologne to open a new mosque."), vec![("erdogan".to_string(), true), ("cologne".to_string(), false)]);
        assert_eq!(weak("Prime Minister Theresa May arrives in Birmingham."), vec![("theresa may".to_string(), false), ("birmingham".to_string(), false)]);
        assert_eq!(weak("Grande-Bretagne : la crise."), vec![("grande bretagne".to_string(), false)], "a hyphenated name opening a sentence");
    }
}
