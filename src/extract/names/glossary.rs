//! Names that translations render by meaning, not by spelling or sound:
//! Google is 谷歌 in Chinese, the White House is das Weiße Haus, Brexit is
//! 脱欧. Neither the spelling rules nor the sound rules can see these, and
//! word links across scripts are weak for them. A newsroom adds its own
//! spellings in the configuration (`[allow] names`), in the same form.

use super::is_generic;
use crate::extract::text::{ascii_key, tokenize, Class};

/// Spellings of one name, the English first. Forms in a script without
/// case are found anywhere in the text; the others as runs of words,
/// hyphens left out (see [`writes`]), which may take an ending when they
/// hold a lower-case letter.
const GROUPS: &[&[&str]] = &[
    &["Google", "谷歌", "グーグル", "Гугл"],
    &["Microsoft", "微软", "マイクロソフト", "Майкрософт"],
    &["Apple", "苹果", "アップル"],
    &["Facebook", "脸书", "脸谱", "フェイスブック", "Фейсбук"],
    &["Twitter", "推特", "ツイッター", "Твиттер"],
    &["Amazon", "亚马逊", "アマゾン", "Амазон"],
    &["Brexit", "脱欧", "ブレグジット", "Брексит"],
    &["Bible", "Bibel", "Biblia", "Bibbia", "Библи", "圣经", "聖書"],
    &["Champions League", "Ligue des champions", "Liga de Campeones", "Liga dei Campioni", "Liga Mistrzów", "Liga mistrů", "Лига чемпионов", "Лиги чемпионов", "欧冠", "冠军联赛", "チャンピオンズリーグ"],
    &["White House", "Weiße Haus", "Weißen Haus", "Weißes Haus", "Maison Blanche", "Casa Blanca", "Casa Bianca", "Biały Dom", "Bílý dům", "Белый дом", "Белого дома", "白宫", "ホワイトハウス"],
    &["Labour", "工党", "travailliste", "laborista", "laburista", "лейборист", "労働党"],
    &["Conservative", "Conservatives", "Tory", "Tories", "Konservativ", "conservateur", "conservador", "conservator", "консерватор", "保守党"],
    &["Republican", "Republicans", "Republikaner", "républicain", "republicano", "repubblicano", "republikán", "республиканц", "共和党"],
    &["Democrat", "Democrats", "Democratic", "Demokrat", "démocrate", "demócrata", "демократ", "民主党"],
    &["Senate", "Senat", "Sénat", "Senado", "Senato", "сенат", "参议院", "上院"],
    &["Kremlin", "Kreml", "Кремль", "Кремля", "克里姆林宫", "クレムリン"],
    &["Vatican", "Vatikan", "Vaticano", "Watykan", "Ватикан", "梵蒂冈", "バチカン"],
    &["Artificial Intelligence", "AI", "künstliche Intelligenz", "KI", "intelligence artificielle", "IA", "inteligencia artificial", "intelligenza artificiale", "sztuczna inteligencja", "sztucznej inteligencji", "umělá inteligence", "umělé inteligence", "искусственный интеллект", "искусственного интеллекта", "人工智能", "人工知能"],
    &["Southwest", "Südwesten", "sud ouest", "suroeste", "sud ovest", "юго запад", "西南"],
    &["Southeast", "Südosten", "sud est", "sureste", "юго восток", "东南"],
    &["Northwest", "Nordwesten", "nord ouest", "noroeste", "nord ovest", "северо запад", "西北"],
    &["Northeast", "Nordosten", "nord est", "noreste", "северо восток", "东北"],
    // `Кремниев` alone: the valley is lower case (Кремниевая долина);
    // the forms take their endings (Dolinie Krzemowej, Křemíkovém údolí).
    &["Silicon Valley", "Кремниев", "Dolin Krzemow", "Křemíkov údolí", "硅谷", "シリコンバレー"],
    &["Olympics", "Olympic", "Olympische", "Olympia", "olympiques", "Olímpicos", "Olimpiadi", "Olimpiada", "Олимпиад", "奥运", "奥林匹克", "オリンピック"],
];

/// Whether `name` (as written on one side) has a spelling in a listed
/// group, or in one of `extra`, that `text` (the other side) writes.
/// A listed name inside a longer one counts where the other words are
/// translatable ("Microsoft Research" as 微软研究院).
pub fn rendered_in(name: &str, text: &str, extra: &[Vec<String>]) -> bool {
    let words: Vec<&str> = tokenize(text).into_iter().filter(|t| t.class == Class::Word).map(|t| t.text).collect();
    names_within(name).iter().any(|name| {
        GROUPS.iter().any(|group| holds(group, name, text, &words)) || extra.iter().any(|group| holds(group, name, text, &words))
    })
}

/// The name in lower case, and each run of its words whose other words
/// are translatable.
fn names_within(name: &str) -> Vec<String> {
    let parts: Vec<String> = name.split([' ', '-']).map(str::to_lowercase).collect();
    let mut out = vec![parts.join(" ")];
    for start in 0..parts.len() {
        for end in start + 1..=parts.len() {
            let rest_generic = parts[..start].iter().chain(&parts[end..]).all(|w| is_generic(&ascii_key(w)));
            if end - start < parts.len() && rest_generic {
                out.push(parts[start..end].join(" "));
            }
        }
    }
    out
}

/// Whether a group of two spellings or more has `name` (lower case) and
/// `text` writes one of them.
fn holds<S: AsRef<str>>(group: &[S], name: &str, text: &str, words: &[&str]) -> bool {
    group.len() >= 2 && group.iter().any(|form| is_form(name, form.as_ref())) && group.iter().any(|form| writes(text, words, form.as_ref()))
}

/// Whether `name` (lower case) is `form`, its words perhaps with an ending
/// (`юго запада` for `юго запад`) where the form is written out.
fn is_form(name: &str, form: &str) -> bool {
    let form_words: Vec<&str> = form.split([' ', '-']).collect();
    let name_words: Vec<&str> = name.split(' ').collect();
    form.to_lowercase() == name || (form_words.len() == name_words.len() && name_words.iter().zip(&form_words).all(|(w, f)| **w == f.to_lowercase() || (f.chars().count() >= 4 && fits(w, f))))
}

/// Whether `text` (its `words` given) writes `form`: anywhere for a form
/// in a script without case, as a run of whole words otherwise (see `fits`).
pub fn writes(text: &str, words: &[&str], form: &str) -> bool {
    if crate::extract::text::is_arabic(form) {
        // Alif and ya are written more than one way.
        use crate::extract::text::arabic_letters;
        return arabic_letters(text).contains(&arabic_letters(form));
    }
    if !form.chars().any(|c| c.is_uppercase() || c.is_lowercase()) {
        return text.contains(form);
    }
    let parts: Vec<&str> = form.split(' ').collect();
    words.windows(parts.len()).any(|w| w.iter().zip(&parts).all(|(word, part)| fits(word, part)))
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
    fn names_rendered_by_meaning() {
        assert!(rendered_in("Google", "谷歌公司表示", &[]));
        assert!(rendered_in("White House", "Das Weiße Haus teilte mit", &[]));
        assert!(rendered_in("Weißes Haus", "The White House said", &[]));
        assert!(rendered_in("Maison-Blanche", "The White House said", &[]));
        assert!(rendered_in("Republican", "这位温和的共和党议员", &[]));
        assert!(rendered_in("Artificial Intelligence", "die Entwicklung künstlicher Intelligenz", &[]));
        assert!(rendered_in("AI", "над системой искусственного интеллекта", &[]), "an acronym written out");
        assert!(!rendered_in("Google", "微软公司表示", &[]), "another company");
        assert!(rendered_in("Microsoft Research", "他担任微软研究院院长", &[]), "with a translatable word");
        assert!(rendered_in("Southwest", "la pluie dans le sud-ouest du pays", &[]), "hyphens are no words");
        assert!(rendered_in("Юго-Запада", "rain in the Desert Southwest", &[]), "a form with an ending");
        assert!(rendered_in("Silicon Valley", "компании Кремниевой долины", &[]));
        assert!(rendered_in("Кремниевая", "tech firms in Silicon Valley", &[]), "the one capitalised word");
        assert!(!rendered_in("Microsoft Tara", "他担任微软院长", &[]), "with a name beside it");
        assert!(!rendered_in("White House", "Das Haus teilte mit", &[]));
        // A newsroom's own spellings.
        let house = vec![vec!["Rangers".to_string(), "流浪者".to_string()]];
        assert!(rendered_in("Rangers", "流浪者队获胜", &house));
        assert!(!rendered_in("Rangers", "凯尔特人队获胜", &house));
    }
}
