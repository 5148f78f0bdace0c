//! Capitalised words that are not names: sentence starters, titles, days
//! and months, per language.

const EN: &str = "the a an this that these those there here it its he she we they i you his her their our my your
in on at of for from by with to as if when while after before since during about against under over into
and but or nor so yet also however meanwhile although though because despite then thus still now today
yesterday tomorrow last next first new some many most all no not one two several every each such other
what who which where why how whether according mr mrs ms dr sir madam president minister prime governor
senator congresswoman congressman representative king queen prince princess pope chancellor secretary
general captain colonel lieutenant sergeant chairman chairwoman director judge justice mayor professor
lord lady ceo chief head spokesman spokeswoman ambassador officer police city university institute
ministry department party council court committee agency monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december
covid coronavirus internet rev reverend capt det detective sen rep lt sgt col insp inspector supt cpl prof
feb apr aug sep sept oct nov dec";
const IT: &str = "il lo la i gli le un una uno di da in con su per tra fra e o ma anche se quando mentre dopo
prima questo questa questi quelle quello quella nel nella nei negli nelle del della dei degli delle al alla
ai agli alle è sono ha hanno secondo oggi ieri domani però inoltre intanto presidente ministro premier
governatore sindaco papa re regina signor signora dottor lunedì martedì mercoledì giovedì venerdì sabato
domenica gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
se fate non ci si";
const DE: &str = "der die das ein eine einer eines einem einen den dem des und oder aber auch wenn als nach
vor seit bei mit von zu im in am an auf aus für über unter durch gegen ohne um es er sie wir ihr ich sein
seine ihre dieser diese dieses jener heute gestern morgen doch noch schon bisher so dann da dort hier
präsident minister ministerin kanzler kanzlerin bürgermeister herr frau doktor montag dienstag mittwoch
donnerstag freitag samstag sonntag januar februar märz april mai juni juli august september oktober
november dezember";
const FR: &str = "le la les l un une des du de d au aux et ou mais si quand lorsque après avant depuis pendant
dans en sur sous pour par avec sans ce cet cette ces il elle ils elles on nous vous je son sa ses leur
leurs selon cependant pourtant ainsi aujourd hier demain président ministre premier gouverneur maire
sénatrice sénateur monsieur madame lundi mardi mercredi jeudi vendredi samedi dimanche janvier février
mars avril mai juin juillet août septembre octobre novembre décembre";
const ES: &str = "el la los las un una unos unas de del al y o pero si cuando mientras después antes desde
durante en con sin por para sobre entre este esta estos estas ese esa eso él ella ellos ellas nosotros
su sus según sin embargo también además hoy ayer mañana presidente ministro primer gobernador alcalde
señor señora lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio
julio agosto septiembre octubre noviembre diciembre";
const PT: &str = "o a os as um uma de do da dos das no na nos nas em e ou mas se quando depois antes desde
durante com sem por para sobre entre este esta isso ele ela eles elas seu sua segundo também hoje ontem
presidente ministro governador prefeito senhor senhora janeiro fevereiro março abril maio junho julho
agosto setembro outubro novembro dezembro";
const PL: &str = "w we z ze na do od po przy przez dla o i a ale lub oraz jak gdy kiedy jeśli to ten ta te
tego tej ich jego jej on ona oni my wy ja nie tak też także jednak według dziś dzisiaj wczoraj jutro
prezydent premier minister burmistrz pan pani sąd poniedziałek wtorek środa czwartek piątek sobota
niedziela od";
const CS: &str = "v ve z ze na do od po při pro o a ale nebo jak když jestli to ten ta te toho jeho její
on ona oni my vy já ne tak také však podle dnes včera zítra prezident premiér ministr starosta pan paní
pondělí úterý středa čtvrtek pátek sobota neděle";
const RU: &str = "в во на с со к ко по о об от до из за для при через и а но или как когда если это этот
эта эти тот та он она они мы вы я его её их не так также однако по словам сегодня вчера завтра
президент премьер министр губернатор мэр господин госпожа понедельник вторник среда четверг пятница
суббота воскресенье";
const UK: &str = "в у на з із до від по про і й а але або як коли якщо це цей ця ці він вона вони ми ви я
його її їх не так також однак сьогодні вчора завтра президент прем'єр міністр";

fn list(language: &str) -> &'static str {
    match language {
        "en" => EN,
        "it" => IT,
        "de" => DE,
        "fr" => FR,
        "es" => ES,
        "pt" => PT,
        "pl" => PL,
        "cs" => CS,
        "ru" => RU,
        "uk" => UK,
        _ => "",
    }
}

/// A capitalised word that never starts or continues a name. English words
/// are stopped everywhere: English is quoted in every language's news.
pub fn is_stop(language: &str, word: &str) -> bool {
    let found = |list: &str| list.split_whitespace().any(|w| w == word);
    found(list(language)) || (language != "en" && matches!(word, "the" | "and" | "of"))
}

/// Single capitalised words that are usually common nouns even mid-sentence.
pub fn is_common(_language: &str, word: &str) -> bool {
    matches!(word, "internet" | "web" | "god" | "earth")
}

/// Endings of Slavic adjectives in oblique cases and feminine/neuter forms:
/// capitalised, they are parts of organisation names, not people. The
/// masculine surname endings (-ский, -ski, -ský) are left out.
pub fn adjective(language: &str, word: &str) -> bool {
    let endings: &[&str] = match language {
        "ru" | "uk" | "be" | "bg" => &["ского", "ской", "ском", "ских", "скому", "ская", "ское", "ного", "ной", "ном", "ных", "ный", "ная", "ное", "ого", "ому", "ому", "ые", "ую", "ьного", "ського", "ської", "ська", "ське", "ний", "на", "не", "ого"],
        "pl" => &["skiego", "skiej", "skich", "ską", "ska", "skie", "nego", "nej", "nych", "owej", "owego", "owych", "ny", "na", "ne"],
        "cs" | "sk" => &["ského", "ské", "ských", "ském", "skou", "ného", "né", "ných", "ní", "ním", "nou"],
        _ => &[],
    };
    word.chars().count() >= 5 && endings.iter().any(|e| word.ends_with(e))
}
