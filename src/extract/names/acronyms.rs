//! Acronyms that languages spell differently: `AI` is `KI` in German, `IA`
//! in French, `ИИ` in Russian, 人工智能 in Chinese. A translation that
//! writes its own language's form has kept the name. (Bodies named by
//! acronym, EU and UN, are places: see `places.txt`.)

use super::glossary::writes;
use crate::extract::text::{tokenize, Class};

/// Every form of one acronym, the English first. Forms in capitals are
/// whole words, written-out forms may take an ending, and forms in a
/// script without case are found anywhere in the text.
const ACRONYMS: &[&[&str]] = &[
    &["AI", "KI", "IA", "SI", "UI", "ИИ", "ШІ", "人工智能", "人工知能", "एआई", "الذكاء الاصطناعي"],
    &["WHO", "OMS", "ВОЗ", "世卫组织", "世界卫生组织", "世界保健機関", "डब्ल्यूएचओ", "منظمة الصحة العالمية"],
    &["GDP", "BIP", "PIB", "PKB", "HDP", "ВВП", "国内生产总值", "国内総生産", "الناتج المحلي"],
    &["CEO", "PDG", "генеральный директор", "首席执行官", "最高経営責任者", "الرئيس التنفيذي", "الرئيسة التنفيذية"],
    &["MP", "Abgeordnete", "Abgeordneten", "député", "diputado", "deputato", "poseł", "poslanec", "депутат", "议员", "議員", "نائب", "نواب", "البرلمان"],
    // Assembly Member (Wales).
    &["AM", "Abgeordnete", "Mitglied", "Mitglieder", "Nationalversammlungsmitglied", "membre", "miembro", "membro", "депутат", "议员"],
    &["PM", "Premierminister", "Premier", "premier ministre", "primer ministro", "primo ministro", "premier", "премьер", "首相", "总理", "رئيس الوزراء", "رئيسة الوزراء"],
    &["ATM", "Geldautomat", "Bankautomat", "distributeur", "DAB", "GAB", "cajero", "bancomat", "bankomat", "банкомат", "自动取款机", "取款机", "提款机", "ＡＴＭ", "الصراف الآلي", "الصرف الآلي", "صراف آلي"],
    // British Summer Time, also given as the local time.
    &["BST", "Sommerzeit", "Ortszeit", "heure d'été", "heure locale", "horario de verano", "hora local", "ora legale", "ora locale", "летнему времени", "летнее время", "местному времени", "夏令时", "当地时间", "夏時間", "現地時間", "توقيت"],
    &["PhD", "Doktor", "Doktorand", "promoviert", "doctorat", "docteur", "doctorado", "dottorato", "doktorat", "doktor", "доктор", "кандидат", "博士"],
    &["FBI", "ФБР", "联邦调查局", "مكتب التحقيقات الفيدرالي", "إف بي آي"],
    &["CIA", "ЦРУ", "中情局", "中央情报局", "المخابرات المركزية", "سي آي إيه"],
    &["NGO", "NRO", "ONG", "НКО", "НПО", "非政府组织", "غير حكومية", "غير الحكومية"],
    &["DNA", "DNS", "ADN", "ДНК", "脱氧核糖核酸", "الحمض النووي"],
    // Broadcasters, spelled out letter by letter in Arabic.
    &["CNN", "美国有线电视新闻网", "有线电视新闻网", "سي إن إن"],
    &["CBS", "哥伦比亚广播公司", "سي بي إس"],
    &["NBC", "全国广播公司", "إن بي سي"],
    &["ABC", "美国广播公司", "إيه بي سي"],
    &["BBC", "英国广播公司", "بي بي سي"],
    &["ITV", "آي تي في"],
    &["DM", "Direktnachricht", "message privé", "mensaje directo", "messaggio diretto", "личное сообщение", "私信"],
];

/// Whether `name` (as written in the source) ends in an acronym, in the
/// singular or plural (`AMs`, `Labour MP`), that `text` writes in one of
/// its forms: its own (`AM` for `AMs`) or another language's. The words
/// before it are often translated by meaning (Labour as 工党).
pub fn written_otherwise(name: &str, text: &str) -> bool {
    let Some(last) = name.split(' ').next_back() else { return false };
    let capitals = |word: &str| word.chars().count() >= 2 && word.chars().all(char::is_uppercase);
    let singular = last.strip_suffix('s').filter(|s| capitals(s)).unwrap_or(last);
    let words: Vec<&str> = tokenize(text).into_iter().filter(|t| t.class == Class::Word).map(|t| t.text).collect();
    let Some(forms) = ACRONYMS.iter().find(|forms| forms.contains(&singular)) else {
        // An acronym with no other spelling, kept in the singular (AMs → AM).
        return singular != last && words.contains(&singular);
    };
    forms.iter().any(|form| writes(text, &words, form))
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
        assert!(written_otherwise("AI", "في مجال الذكاء الاصطناعي"));
        assert!(written_otherwise("CNN", "على قنوات سي بي أس وسي إن إن"), "letter names, alif written either way");
        assert!(written_otherwise("CBS", "على قنوات سي بي أس وسي إن إن"));
        assert!(written_otherwise("KI", "AI will change the market"));
        assert!(written_otherwise("MPs", "Labour-Abgeordnete stimmten dagegen"));
        assert!(written_otherwise("Labour AM", "一位工党的 AM 表示"), "the acronym kept, Labour translated");
        assert!(written_otherwise("AMs", "有些 AM 惊愕不已"), "the plural of an acronym");
        assert!(written_otherwise("PhD", "promovierten Personen"));
        assert!(written_otherwise("ATM", "beim Auffüllen eines Geldautomaten"));
        assert!(!written_otherwise("ATM", "beim Auffüllen eines Automaten"));
        assert!(!written_otherwise("Labour", "Labour-Abgeordnete"), "not an acronym");
        // Not a word that merely begins like a form, nor the form in lower case.
        assert!(!written_otherwise("AI", "Kiel liegt im Norden"));
        assert!(!written_otherwise("AI", "Die Ki wird"));
        assert!(!written_otherwise("AI", "The market will change"));
        assert!(!written_otherwise("NASA", "La NASA a dit"));
    }
}
