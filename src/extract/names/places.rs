//! Exonyms of countries, regions, cities and bodies that news names most:
//! `Germany` is `Deutschland`, `Niemcy`, `Германия`, `德国`. Without them a
//! faithful translation would look like a changed name.

use std::sync::OnceLock;

use crate::extract::text::{tokenize, Class};

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

fn form_matches(form: &str, word: &str) -> bool {
    if form.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x2000 || c == '-' || c == '.') {
        // Stems of cased scripts: the word starts with the form, and is not
        // much longer (case endings only; short stems begin other names:
        // `kub` Kubera, `stan` Stanley).
        let (form_length, word_length) = (form.chars().count(), word.chars().count());
        word.starts_with(form) && word_length <= form_length + if form_length <= 4 { 2 } else { 4 }
    } else {
        word == form
    }
}

impl Place {
    /// Whether `text` names this place in any of its forms.
    pub fn named_in(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        let words: Vec<String> = tokenize(&lower).into_iter().filter(|t| t.class == Class::Word).map(|t| t.norm).collect();
        let in_words = |form: &str| {
            if form.contains([' ', '.', '-']) {
                lower.contains(form)
            } else {
                words.iter().any(|w| form_matches(form, w))
            }
        };
        self.forms.iter().chain(&self.english).any(|form| {
            let cased_script = form.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x900 || " .-".contains(c));
            if cased_script { in_words(form) } else { lower.contains(form.as_str()) }
        })
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
        assert_eq!(by_form("Катаром").unwrap().english[0], "qatar");
        assert!(by_form("Niemcami").is_some());
        assert!(by_form("Ordinary").is_none());
        assert!(by_form("Kubie").is_some());
        assert!(by_form("Kubera").is_none() && by_form("Stanley").is_none());
    }
}
