//! Acronyms that languages spell differently: `AI` is `KI` in German, `IA`
//! in French, `ИИ` in Russian, 人工智能 in Chinese. A translation that
//! writes its own language's form has kept the name. (Bodies named by
//! acronym, EU and UN, are places: see `places.txt`.)

use crate::extract::text::{tokenize, Class};

/// Every form of one acronym, the English first. Forms in capitals are
/// whole words, written-out forms may take an ending, and forms in a
/// script without case are found anywhere in the text.
const ACRONYMS: &[&[&str]] = &[
    &["AI", "KI", "IA", "SI", "UI", "ИИ", "ШІ", "人工智能", "人工知能", "एआई"],
    &["WHO", "OMS", "ВОЗ", "世卫组织", "世界卫生组织", "世界保健機関", "डब्ल्यूएचओ"],
    &["GDP", "BIP", "PIB", "PKB", "HDP", "ВВП", "国内生产总值", "国内総生産"],
    &["CEO", "PDG", "генеральный директор", "首席执行官", "最高経営責任者"],
    &["MP", "MPs", "Abgeordnete", "Abgeordneten", "député", "députés", "diputado", "deputato", "poseł", "poslanec", "депутат", "议员", "議員"],
];

/// Whether `name` (as written in the source) is a listed acronym that
/// `text` writes in another of its forms.
pub fn written_otherwise(name: &str, text: &str) -> bool {
    let Some(forms) = ACRONYMS.iter().find(|forms| forms.contains(&name)) else { return false };
    let words: Vec<&str> = tokenize(text).into_iter().filter(|t| t.class == Class::Word).map(|t| t.text).collect();
    forms.iter().filter(|form| **form != name).any(|form| {
        if !form.chars().any(|c| c.is_uppercase() || c.is_lowercase()) {
            return text.contains(form);
        }
        let parts: Vec<&str> = form.split(' ').collect();
        words.windows(parts.len()).any(|w| w.iter().zip(&parts).all(|(word, part)| fits(word, part)))
    })
}

/// A form in capitals is the whole word as written (`KI`, not `Kiel` or
/// `Ki`); a written-out form may take an ending (`députés`, `депутатов`).
fn fits(word: &str, form: &str) -> bool {
    if form.chars().all(|c| !c.is_lowercase()) {
        word == form
    } else {
        word.to_lowercase().starts_with(&form.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_in_other_spellings() {
        assert!(written_otherwise("AI", "Die KI wird den Arbeitsmarkt verändern"));
        assert!(written_otherwise("AI", "L'IA va changer le marché"));
        assert!(written_otherwise("AI", "развитие ИИ в Китае"));
        assert!(written_otherwise("AI", "人工智能的发展"));
        assert!(written_otherwise("KI", "AI will change the market"));
        assert!(written_otherwise("MPs", "Labour-Abgeordnete stimmten dagegen"));
        // Not a word that merely begins like a form, nor the form in lower case.
        assert!(!written_otherwise("AI", "Kiel liegt im Norden"));
        assert!(!written_otherwise("AI", "Die Ki wird"));
        assert!(!written_otherwise("AI", "The market will change"));
        assert!(!written_otherwise("NASA", "La NASA a dit"));
    }
}
