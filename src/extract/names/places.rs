//! Exonyms of countries, regions, cities and bodies that news names most:
//! `Germany` is `Deutschland`, `Niemcy`, `Германия`, `德国`. Without them a
//! faithful translation would look like a changed name.

use std::sync::OnceLock;

use crate::extract::text::{arabic_bares, arabic_letters, ascii_key, is_arabic, is_han, is_kana, is_katakana, tokenize, Class};

/// English names (ASCII lowercase) and the other languages' forms (lowercase;
/// stems for inflected languages).
pub struct Place {
    pub english: Vec<String>,
    pub forms: Vec<String>,
}

fn places() -> &'static [Place] {
    static PLACES: OnceLock<Vec<Place>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let mut places: Vec<Place> = Vec::new();
        let lines = include_str!("places.txt").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('|'));
        for (english, forms) in lines {
            let english: Vec<String> = english.split('/').map(|s| s.trim().to_lowercase()).collect();
            let forms: Vec<String> = forms.split('/').map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()).collect();
            // A later line adds forms to the place it names.
            match places.iter_mut().find(|p| p.english.iter().any(|e| english.contains(e))) {
                Some(place) => place.forms.extend(forms),
                None => places.push(Place { english, forms }),
            }
        }
        places
    })
}

/// The place one English word names by a derived form (Chinese, Mexican,
/// French), as `Place::named_in_english` reads it.
pub fn by_english_adjective(word: &str) -> Option<&'static Place> {
    let keys = english_keys(word);
    places().iter().find(|p| p.named_by_keys(&keys))
}

/// The place an English name (ASCII-lowercase words joined by spaces) is.
pub fn by_english(name: &str) -> Option<&'static Place> {
    places().iter().find(|p| p.english.iter().any(|e| e == name))
}

/// The place a word of another language is a form of (`Katarom` → Qatar).
pub fn by_form(name: &str) -> Option<&'static Place> {
    let name = name.to_lowercase();
    let words: Vec<&str> = name.split([' ', '-']).collect();
    places().iter().find(|p| {
        p.forms.iter().any(|f| if f.contains(' ') { name.contains(f.as_str()) } else { words.iter().any(|w| form_matches(f, w)) })
    })
}

/// The place `phrase` (one or more words as written) is entirely a form
/// of: a form of several words or with a hyphen equal to it (`Corée du
/// Nord`, `États-Unis`), or a one-word form it matches (with an ending).
pub fn by_whole_form(phrase: &str) -> Option<&'static Place> {
    let phrase = phrase.to_lowercase();
    let one_word = !phrase.contains([' ', '-']);
    places().iter().find(|p| p.forms.iter().any(|f| *f == phrase || (one_word && !f.contains([' ', '-']) && form_matches(f, &phrase))))
}

/// The place one word is a form of, by a stem of five letters or more or
/// the whole word: short stems also begin common words (`zem`, Earth, begins
/// Země, a land; `stan` begins Stando), which a capital opening a sentence
/// does not make names.
pub fn by_long_form(word: &str) -> Option<&'static Place> {
    let word = word.to_lowercase();
    places().iter().find(|p| p.forms.iter().any(|f| !f.contains(' ') && (*f == word || (f.chars().count() >= 5 && form_matches(f, &word)))))
}

fn form_matches(form: &str, word: &str) -> bool {
    if is_arabic(form) {
        // Most words of a text are not Arabic, and this runs for every
        // word and form.
        if !is_arabic(word) {
            return false;
        }
        let form = arabic_letters(form);
        return arabic_bares(&arabic_letters(word)).iter().any(|bare| stem_matches(&form, bare));
    }
    if form.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x2000 || c == '-' || c == '.') {
        // Stems of cased scripts: the word starts with the form, and is not
        // much longer (case endings only; short stems begin other names:
        // `kub` Kubera, `stan` Stanley).
        stem_matches(form, word)
    } else {
        word == form
    }
}

/// The word starts with the stem and is not much longer. A form of two
/// letters is an acronym (`us`, `eu`, `un`) and a whole word: as a stem it
/// would take `used` and German `uns`.
fn stem_matches(form: &str, word: &str) -> bool {
    let (form_length, word_length) = (form.chars().count(), word.chars().count());
    if form_length <= 2 {
        return word == form;
    }
    word.starts_with(form) && word_length <= form_length + if form_length <= 4 { 2 } else { 4 }
}

/// Compass and region prefixes a German compound puts before a place
/// (Nordmexiko, Zentralmexiko, Südostasien).
const COMPOUND_PREFIXES: &[&str] = &["nordost", "nordwest", "südost", "südwest", "nord", "süd", "ost", "west", "zentral", "mittel"];

/// A German compound, adjective or demonym made from a place's form:
/// `Nordmexiko`, `mazedonischen` (Mazedonien), `schottischen`
/// (Schottland), `mexikanische`, `Mazedonier`, `Italiener`, `Mexikaner`.
/// Forms under five letters are stems that begin too many words to take
/// more letters.
fn derived_form(form: &str, word: &str) -> bool {
    if form.chars().count() < 5 || !form.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x250) {
        return false;
    }
    let bare = COMPOUND_PREFIXES.iter().find_map(|p| word.strip_prefix(p).filter(|rest| rest.chars().count() >= 5)).unwrap_or(word);
    // Every match below begins with the form's first three letters; most
    // words of a text do not, and this runs for every word and form.
    let head = form.char_indices().nth(3).map_or(form, |(i, _)| &form[..i]);
    if !bare.starts_with(head) {
        return false;
    }
    if bare != word && form_matches(form, bare) {
        return true;
    }
    let roots = std::iter::once(form).chain(["land", "ien", "en", "a", "o", "e"].iter().filter_map(|end| form.strip_suffix(end)));
    roots.filter(|r| r.chars().count() >= 3).any(|root| {
        ["isch", "anisch", "esisch", "ier", "iener", "er", "aner"].iter().any(|suffix| {
            bare.strip_prefix(root).and_then(|rest| rest.strip_prefix(suffix)).is_some_and(|ending| ending.chars().count() <= 2)
        })
    })
}

/// Adjectives and demonyms that do not begin like their place's English
/// name: a translation says "French" or "British" for 法国, 英国.
const IRREGULAR_ADJECTIVES: &[(&str, &str)] = &[
    ("france", "french"),
    ("spain", "spanish"),
    ("britain", "british"),
    ("england", "english"),
    ("wales", "welsh"),
    ("netherlands", "dutch"),
    ("switzerland", "swiss"),
    ("philippines", "filipino"),
    ("philippines", "philippine"),
    ("poland", "polish"),
    ("sweden", "swedish"),
    ("scotland", "scottish"),
    ("ireland", "irish"),
    ("thailand", "thai"),
    ("european union", "european"),
    ("new zealand", "kiwi"),
];

/// Places whose forms in a script without case or spaces between names
/// (Han, kana, Devanagari) occur in `text`, each with the byte range of the
/// first form found. Han forms of one character are left out (米 is also
/// rice and metre); katakana and Devanagari forms must be whole words (チリ,
/// Chile, is inside ビーチリゾート; रोम, Rome, begins रोमांच).
pub fn named_uncased(text: &str) -> Vec<(&'static Place, std::ops::Range<usize>)> {
    let words: Vec<_> = tokenize(text).into_iter().filter(|t| t.class != Class::Symbol).collect();
    places()
        .iter()
        .filter_map(|place| {
            let found = place.forms.iter().find_map(|form| {
                if written_in_devanagari(form) {
                    let parts: Vec<&str> = form.split(' ').collect();
                    words.windows(parts.len()).find(|w| w.iter().zip(&parts).all(|(t, p)| t.text == *p)).map(|w| w[0].start..w[parts.len() - 1].end)
                } else if form.chars().all(is_katakana) {
                    // A katakana run is one word: チリ (Chile) is inside ビーチリゾート.
                    words.iter().find(|t| t.text == form).map(|t| t.start..t.end)
                } else if form.chars().all(|c| is_han(c) || is_kana(c)) && form.chars().count() >= 2 {
                    text.find(form.as_str()).map(|start| start..start + form.len())
                } else {
                    None
                }
            });
            found.map(|range| (place, range))
        })
        .collect()
}

/// A form of Devanagari letters and spaces only.
fn written_in_devanagari(form: &str) -> bool {
    form.chars().all(|c| crate::extract::text::is_devanagari(c) || c == ' ')
}

impl Place {
    /// Whether English `text` names this place: its name, a form of it
    /// (Russian for Russia), an irregular adjective (French), or initials
    /// written with stops (U.S.).
    pub fn named_in_english(&self, text: &str) -> bool {
        self.named_by_keys(&english_keys(text))
    }

    /// `named_in_english` over the text's keys (see `english_keys`).
    pub fn named_by_keys(&self, words: &[String]) -> bool {
        let irregular = IRREGULAR_ADJECTIVES.iter().filter(|(place, _)| self.english.iter().any(|e| e == place)).map(|(_, adjective)| *adjective);
        self.english.iter().any(|e| contains_words(words, e)) || irregular.into_iter().any(|a| words.iter().any(|w| w == a))
    }

    /// Whether `text` names this place in any of its forms, initials
    /// written with stops among them (`U.S.` for `us`).
    pub fn named_in(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        let mut words: Vec<String> = tokenize(&lower).into_iter().filter(|t| t.class == Class::Word).map(|t| t.norm).collect();
        words.extend(initials(&lower));
        let arabic_text = is_arabic(&lower).then(|| arabic_letters(&lower));
        let in_words = |form: &str| {
            if let (true, Some(text)) = (form.contains(' ') && is_arabic(form), &arabic_text) {
                text.contains(&arabic_letters(form))
            } else if form.contains([' ', '.', '-']) {
                lower.contains(form)
            } else {
                words.iter().any(|w| form_matches(form, w) || derived_form(form, w))
            }
        };
        self.forms.iter().chain(&self.english).any(|form| {
            let cased_script = form.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x900 || " .-".contains(c));
            if cased_script { in_words(form) } else { lower.contains(form.as_str()) }
        })
    }
}

/// Initials written with stops (`u.s.`, `u.k.`), each joined into a word.
fn initials(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let starts_word = at == 0 || !chars[at - 1].is_alphanumeric();
        let mut letters = String::new();
        let mut end = at;
        while starts_word && end + 1 < chars.len() && chars[end].is_alphabetic() && chars[end + 1] == '.' {
            letters.push(chars[end]);
            end += 2;
        }
        if letters.chars().count() >= 2 && chars.get(end).is_none_or(|c| !c.is_alphanumeric()) {
            found.push(letters);
            at = end;
        } else {
            at += 1;
        }
    }
    found
}

/// The ASCII keys of English text's words, stops dropped so that `U.S.`
/// reads as `us`.
pub fn english_keys(text: &str) -> Vec<String> {
    tokenize(&text.replace('.', "")).into_iter().filter(|t| t.class == Class::Word).map(|t| ascii_key(t.text)).collect()
}

/// `phrase` among `words` (ASCII keys); its last word may be a derived form
/// (`Russian` for `Russia`, `Swedish` for `Sweden`, `Chinese` for `China`).
/// The stem kept is four letters or more: three begin too many words
/// ("part" for Paris, "children" for China), and a short name is a whole
/// word (`un` begins "under", `uk` "Ukrainian").
pub fn contains_words(words: &[String], phrase: &str) -> bool {
    let wanted: Vec<&str> = phrase.split(' ').collect();
    let derived = |word: &str, base: &str| {
        word == base || base.len() >= 4 && (word.starts_with(base) || derived_stem(base).is_some_and(|s| word.starts_with(s)))
    };
    words.windows(wanted.len()).any(|w| w.iter().zip(&wanted).enumerate().all(|(k, (a, b))| if k + 1 == wanted.len() { derived(a, b) } else { a == b }))
}

fn derived_stem(base: &str) -> Option<&str> {
    match base.len() {
        5 => base.get(..4),
        n if n >= 6 => base.get(..n - 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exonyms_across_scripts() {
        let germany = by_english("germany").unwrap();
        assert!(germany.named_in("Die Wahl in Deutschland"));
        assert!(germany.named_in("Выборы в Германии"));
        assert!(germany.named_in("德国大选"));
        assert!(!germany.named_in("Выборы во Франции"));
        // German compounds and adjectives.
        let mexico = by_english("mexico").unwrap();
        assert!(mexico.named_in("Regenfälle in Nordmexiko"));
        assert!(mexico.named_in("ein Beben erschütterte Zentralmexiko"));
        assert!(mexico.named_in("die mexikanische Regierung"));
        assert!(by_english("scotland").unwrap().named_in("den schottischen Kapitän"));
        assert!(by_english("italy").unwrap().named_in("die italienischen Behörden"));
        // French adjectives that do not start with the place's form.
        assert!(germany.named_in("les dirigeants turc et allemand"));
        assert!(by_english("turkey").unwrap().named_in("les dirigeants turc et allemand"));
        assert!(by_english("scotland").unwrap().named_in("le capitaine écossais"));
        assert!(by_english("britain").unwrap().named_in("le gouvernement britannique"));
        assert!(by_english("united states").unwrap().named_in("les responsables américains"));
        // Demonyms.
        assert!(by_english("macedonia").unwrap().named_in("Mazedonier stimmen ab"));
        assert!(by_english("italy").unwrap().named_in("die Italiener"));
        assert!(mexico.named_in("viele Mexikaner"));
        assert!(!mexico.named_in("die Nordmänner"));
        assert!(!by_english("china").unwrap().named_in("eine neue Maschine"));
        assert_eq!(by_form("Катаром").unwrap().english[0], "qatar");
        assert!(by_form("Niemcami").is_some());
        assert!(by_form("Ordinary").is_none());
        assert!(by_form("Kubie").is_some());
        assert!(by_form("Kubera").is_none() && by_form("Stanley").is_none());
        assert_eq!(by_long_form("Südafrika").unwrap().english[0], "south africa");
        assert_eq!(by_whole_form("Corée du Nord").unwrap().english[0], "north korea");
        assert_eq!(by_whole_form("États-Unis").unwrap().english[0], "united states");
        assert_eq!(by_whole_form("Mexique").unwrap().english[0], "mexico");
        assert!(by_whole_form("Vision de Donggala").is_none());
        assert_eq!(by_long_form("Rom").unwrap().english[0], "rome");
        assert!(by_long_form("Země").is_none() && by_long_form("Stando").is_none());
    }

    #[test]
    fn places_in_scripts_without_case() {
        let english = |text: &str| named_uncased(text).into_iter().map(|(p, _)| p.english[0].as_str()).collect::<Vec<_>>();
        assert_eq!(english("美国每隔10年就要"), vec!["united states"]);
        assert_eq!(named_uncased("美国每隔10年")[0].1, 0..6);
        assert_eq!(english("पेरिस को आज"), vec!["paris"]);
        // Not inside a longer word, nor a one-character form.
        assert!(english("有名な高級ビーチリゾート").is_empty());
        assert!(english("रोमांच है").is_empty());
        assert!(english("一公斤米").is_empty());
    }

    #[test]
    fn initials_with_stops_name_a_place() {
        assert!(by_english("us").unwrap().named_in("Iran rejected U.S. media reports"));
        assert!(by_english("uk").unwrap().named_in("the U.K. government"));
        assert!(!by_english("us").unwrap().named_in("She rode a U-boat to the coast."));
        assert!(!by_english("us").unwrap().named_in("He used the old road."), "a two-letter form is a whole word");
        assert!(!by_english("us").unwrap().named_in("Sie haben uns geholfen."));
        assert!(by_english("eu").unwrap().named_in("Die EU-Kommission tagte."));
        assert_eq!(initials("the u.s.a. and z.b. or e.g.x"), vec!["usa", "zb"]);
    }

    #[test]
    fn places_named_in_english() {
        let us = by_english("us").unwrap();
        assert!(us.named_in_english("The U.S. redistributes seats"));
        assert!(us.named_in_english("American voters"));
        assert!(!us.named_in_english("The redistributes seats"));
        let france = by_english("france").unwrap();
        assert!(france.named_in_english("the French government"));
        assert!(!france.named_in_english("the government"));
        assert!(by_english("china").unwrap().named_in_english("the Chinese consulate"));
        assert!(!by_english("paris").unwrap().named_in_english("they took part in training"));
        // Short names are whole words.
        assert!(!by_english("uk").unwrap().named_in_english("Ukrainian troops"));
        assert!(!by_english("un").unwrap().named_in_english("under pressure, unable to"));
        assert!(by_english("un").unwrap().named_in_english("the UN said"));
    }

    #[test]
    fn russian_forms_with_endings() {
        assert!(by_english("wales").unwrap().named_in("лидер валлийских консерваторов"));
        assert!(by_english("macedonia").unwrap().named_in("македонцы голосуют"));
        assert!(by_english("cologne").unwrap().named_in("в Кельне"));
        assert!(by_english("baja california").unwrap().named_in("от Нижней Калифорнии до Соноры"));
        assert!(!by_english("wales").unwrap().named_in("лидер шотландских консерваторов"));
    }

    #[test]
    fn arabic_forms_with_joined_words() {
        // The article, "and", "for" written joined to the name.
        assert!(by_english("mexico").unwrap().named_in("المياه الباردة للساحل الشمالي للمكسيك"));
        assert!(by_english("china").unwrap().named_in("في جنوب غرب الصين"));
        assert!(by_english("greece").unwrap().named_in("نزاع مع اليونان والذي"));
        assert!(by_english("europe").unwrap().named_in("والأمن الوطني، وأوروبا"));
        assert!(by_english("scotland").unwrap().named_in("بي بي سي اسكتلندا"));
        // Alif written with or without hamza, in a form of two words.
        assert!(by_english("nato").unwrap().named_in("عضوية حلف شمال الاطلسي"));
        assert!(!by_english("mexico").unwrap().named_in("في جنوب غرب الصين"));
    }

    #[test]
    fn adjectives_of_places_with_longer_names() {
        assert_eq!(by_english_adjective("british").unwrap().english[0], "britain");
        assert_eq!(by_english_adjective("american").unwrap().english[0], "united states");
        assert_eq!(by_english_adjective("chinese").unwrap().english[0], "china");
        assert!(by_english_adjective("ukrainian").is_some_and(|p| p.english[0] == "ukraine"));
        assert!(by_english_adjective("under").is_none());
    }
}
