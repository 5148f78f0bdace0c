//! English words that are capitalised inside names but get translated
//! ("Premier League", "Northern Fleet", "Russian Federation"): the other
//! side need not carry them in the same form.

const WORDS: &str = "united states kingdom nations nation republic federation federal union european league
party fleet navy army force forces air national international council ministry department office agency
bureau court supreme house senate parliament assembly congress committee commission organization
organisation association foundation institute university college school academy hospital center centre
museum church cathedral bank company corporation group club team cup championship championships olympic
olympics games world north south east west northern southern eastern western central main great new old
grand royal general democratic democrats people peoples liberal conservative labour labor socialist
communist green prime minister president secretary technical security defense defence health education
justice foreign affairs interior state city town province region district county island islands river
lake mountain mountains sea ocean gulf bay strait canal valley park square street road avenue bridge
station airport port tower palace hall parade day war revolution peace prize award festival st saint mount
fort cape coast gate guard police service services agency authority administration government
economic social science sciences research development trade financial finance energy nuclear atomic
water environment environmental agriculture transport culture media news press radio television tv
times post daily herald journal network channel system systems program programme project mission
summit conference forum treaty agreement accord pact act law bill constitution charter declaration
election elections vote referendum campaign movement front alliance coalition bloc opposition
hall arena stadium cathedral temple mosque synagogue monastery castle zoo library gallery theatre theater
high low upper lower middle little big first second third holy blessed sacred father mother brother sister
sir lady lord king queen prince princess emperor empress duke sheikh emir sultan pope cardinal bishop
admiral rear vice deputy acting chief head executive director chairman leader speaker spokesman
russian american chinese japanese korean indian german french italian spanish polish czech british english
european asian african arab arabic islamic muslim christian catholic orthodox jewish israeli iranian
iraqi syrian turkish ukrainian belgian dutch swiss swedish norwegian danish finnish greek austrian
hungarian romanian bulgarian serbian croatian portuguese mexican brazilian canadian australian
vietnamese thai indonesian filipino pakistani afghan egyptian saudi nigerian soviet latin western
village villages prefecture domain cross manager managers regional strategy strategic command commander
commanders blacks whites armed baltic consulate consul banner public railway railways aircraft accident
airlines airline motor motors airways bus metro line lines space agency mediterranean pacific atlantic
arctic antarctic indian ocean argentine milky way polo cup open grand prix formula tour league division
museum gardens garden hotel restaurant market markets exchange stock index fund funds bank banks
prison hospital clinic medical centre center police fire brigade rescue emergency
covid coronavirus virus chambre ville republique assemblee ministere conseil cour parti universite
guerra camara ciudad republica ministerio consejo partido universidad camera citta repubblica ministero
consiglio partito universita izba miasto republika ministerstwo rada partia uniwersytet wojna komora mesto
ministerstvo strana univerzita valka voenno dnia olimpiadas olimpiadi usd eur gbp pln czk jpy cny rub uah inr chf gdp us usa uk eu un
football soccer hockey basketball volleyball handball cultural agricultural industry industrial expo reclamation gov ltd co inc corp home wonders premier territory krai oblast economy chamber deputies member sun moon star wonders pound dollar euro black white red blue";

/// Endings of English common nouns and adjectives (Cooperation, Management,
/// Opportunities, Environmental): a capitalised word with one is translated.
const SUFFIXES: &[&str] = &["tion", "tions", "ment", "ments", "ness", "ity", "ities", "ies", "ship", "ical", "ance", "ence", "ism", "ist", "ists", "ing", "ary", "ous", "ive", "ers", "ful", "less", "ology", "ional"];

/// Whether an ASCII-lowercase name word is a translatable common word.
pub fn is_generic(word: &str) -> bool {
    let listed = |w: &str| WORDS.split_whitespace().any(|x| x == w);
    // Plurals of listed words and demonyms ("Egyptians", "Forces") too.
    listed(word) || word.strip_suffix('s').is_some_and(listed) || (word.len() >= 6 && SUFFIXES.iter().any(|s| word.ends_with(s)))
}

#[cfg(test)]
mod tests {
    use super::is_generic;

    #[test]
    fn translatable_words() {
        for word in ["league", "egyptians", "cooperation", "prefecture", "northern"] {
            assert!(is_generic(word), "{word}");
        }
        for word in ["kanaani", "obama", "werth", "lyon"] {
            assert!(!is_generic(word), "{word}");
        }
    }
}
