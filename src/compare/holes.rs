//! Traces a dropped name leaves in English text: a preposition or article
//! with nothing after it ("registered in ."), a possessive with no owner
//! ("of 's water"), a title with no name ("Congresswoman finished"), a
//! sentence that starts with its verb ("Told the reporter…").

use crate::extract::text::{is_capitalized, tokenize, Class, Token};

const FUNCTION_WORDS: &[&str] = &["in", "of", "at", "on", "from", "to", "by", "with", "for", "the", "and", "between", "about", "against", "than", "like", "near", "into"];
const TITLES: &[&str] = &[
    "president", "minister", "congresswoman", "congressman", "senator", "governor", "sheikh", "king", "queen", "prince",
    "princess", "chancellor", "mr", "mrs", "ms", "dr", "pope", "secretary", "mayor", "coach", "captain", "general", "judge",
    "ambassador", "spokesman", "spokeswoman", "emir", "sultan", "premier", "director", "officer", "inspector", "sergeant",
    "detective", "professor", "lieutenant", "colonel", "commander", "chairman",
];
/// Prepositions that open a sentence before its subject ("In Houston, the
/// consulate…"), which a dropped subject leaves touching the verb.
const OPENING_PREPOSITIONS: &[&str] = &["in", "at", "on", "from", "for", "with", "by", "near", "after", "before", "during"];
/// Words that open a subject after an opening phrase.
const SUBJECT_STARTS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you", "there", "which", "who"];
/// Verbs that report what "that" introduces.
const REPORTING: &[&str] = &["said", "found", "announced", "reported", "noted", "stated", "added", "claimed", "believed", "revealed", "confirmed", "learned", "discovered", "showed", "says", "believes", "knew", "thought"];
/// Auxiliaries that need a subject before them.
const AUXILIARIES: &[&str] = &["had", "has", "have", "was", "were", "is", "are", "will", "would"];
const VERBS: &[&str] = &[
    "said", "told", "announced", "added", "took", "had", "has", "have", "was", "were", "is", "are", "will", "would", "could",
    "says", "tells", "became", "won", "lost", "made", "met", "visited", "stated", "noted", "explained", "reported",
    "claimed", "warned", "confirmed", "denied", "called", "urged", "argued", "insisted", "admitted", "revealed",
    "signed", "launched", "released", "received", "scored", "finished", "beat", "defeated", "led", "died", "arrived",
    "spoke", "began", "started", "helped", "wrote", "founded", "joined", "left", "returned",
];
/// Words that cannot follow a preposition directly.
const AFTER_PREPOSITION: &[&str] = &["and", "at", "in", "of", "from", "have", "has", "is", "was", "were", "are", "so", "for"];
const PREPOSITIONS: &[&str] = &["in", "of", "at", "on", "from", "between", "about", "near", "with", "before"];
/// Words that cannot follow "the".
const AFTER_THE: &[&str] = &["as", "of", "in", "and", "is", "was", "said", "has", "to", "for", "with", "on", "but", "which", "who", "will", "had", "would", "could"];
/// Sentence openings ending in -s that are not verbs.
const OPENERS_IN_S: &[&str] = &["perhaps", "sometimes", "nevertheless", "nonetheless", "besides", "towards", "afterwards", "thus", "always", "unless", "whereas", "plus", "as", "its", "this", "his", "is", "was", "has", "does", "across", "various", "numerous", "news", "analysts", "officials"];
const DETERMINERS_AFTER_VERB: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "that"];
const DETERMINERS: &[&str] = &["the", "a", "an", "our", "his", "her", "their", "its", "former", "late", "new", "then"];

/// A trace of a dropped name in an English sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trace {
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    /// Grammar no fluent sentence has ("in and Calvados", "Retail and .",
    /// "Is salted trout"): a name was dropped even when the source names
    /// nothing the target lacks. A weak trace ("water for, depending",
    /// "Thomas Cook" read as a verb and its object) needs that backing.
    pub strong: bool,
}

/// The first trace of a dropped name in an English sentence, a strong one
/// first.
pub fn find(text: &str) -> Option<Trace> {
    let tokens = tokenize(text);
    let question = text.trim_end().ends_with('?');
    let traces: Vec<((usize, usize), bool)> = (0..tokens.len()).filter_map(|i| trace_at(&tokens, i, question)).collect();
    let ((a, b), strong) = traces.iter().find(|(_, strong)| *strong).or(traces.first()).copied()?;
    Some(Trace { start: tokens[a].start, end: tokens[b].end, strong })
}

fn word<'t>(tokens: &'t [Token], i: usize) -> Option<&'t str> {
    tokens.get(i).filter(|t| t.class == Class::Word).map(|t| t.norm.as_str())
}

fn trace_at(tokens: &[Token], i: usize, question: bool) -> Option<((usize, usize), bool)> {
    let token = &tokens[i];
    let next = tokens.get(i + 1);
    // "of 's", "'s" opening the sentence.
    if matches!(token.text, "'" | "’") && next.is_some_and(|n| n.norm == "s" && !n.space_before) && (i == 0 || token.space_before) {
        return Some(((i, i + 1), true));
    }
    // ",,", "(,", "( )".
    if token.class == Class::Symbol && matches!(token.text, "," | "(") && next.is_some_and(|n| matches!(n.text, "," | ")" | ".")) {
        return Some(((i, i + 1), true));
    }
    // "in .", "in, Norwich", "the ." and a sentence ending "… by". Before a
    // comma it may open an aside ("in water for, depending on how…").
    if word(tokens, i).is_some_and(|w| FUNCTION_WORDS.contains(&w)) {
        match next {
            Some(n) if matches!(n.text, "," | "." | ";" | ":" | ")") && !(token.norm == "to" && n.text != ",") => return Some(((i, i + 1), n.text != ",")),
            Some(n) if token.norm == "the" && n.class == Class::Word && AFTER_THE.contains(&n.norm.as_str()) => return Some(((i, i + 1), false)),
            _ => {}
        }
    }
    // "done by (27)": a person's age in brackets with no person before it.
    if word(tokens, i).is_some_and(|w| FUNCTION_WORDS.contains(&w)) && next.is_some_and(|n| n.text == "(") {
        let age = tokens.get(i + 2).is_some_and(|t| t.class == Class::Digits) && tokens.get(i + 3).is_some_and(|t| t.text == ")");
        if age {
            return Some(((i, i + 1), true));
        }
    }
    // "the demanded to close": an article before a verb.
    if token.norm == "the" && word(tokens, i + 1).is_some_and(|w| w.len() >= 6 && w.ends_with("ed")) && word(tokens, i + 2).is_some_and(|w| matches!(w, "to" | "that")) {
        return Some(((i, i + 1), false));
    }
    // "found that had passed": a clause with no subject.
    if token.norm == "that" && i > 0 && word(tokens, i - 1).is_some_and(|w| REPORTING.contains(&w)) && word(tokens, i + 1).is_some_and(|w| AUXILIARIES.contains(&w)) {
        return Some(((i, i + 1), false));
    }
    // "Returning to after living abroad", "diverted to and landed".
    if token.norm == "to" && word(tokens, i + 1).is_some_and(|w| matches!(w, "after" | "and")) && word(tokens, i + 2) != Some("fro") {
        return Some(((i, i + 1), false));
    }
    // "used by over the years": "by" before another preposition (not "by
    // over 50%", "by at least").
    if token.norm == "by" && word(tokens, i + 1).is_some_and(|w| matches!(w, "over" | "during" | "since" | "from" | "with" | "in" | "after" | "before")) && tokens.get(i + 2).is_some_and(|t| t.class == Class::Word) {
        return Some(((i, i + 1), false));
    }
    // "Egyptians of marveled at": "of" before a verb.
    if token.norm == "of" && word(tokens, i + 1).is_some_and(|w| w.len() >= 6 && w.ends_with("ed")) && word(tokens, i + 2).is_some_and(|w| matches!(w, "at" | "that" | "the" | "to" | "a")) {
        return Some(((i, i + 1), false));
    }
    // "the diocese of and", "born in to", "waved at in front".
    if let (Some(first), Some(second)) = (word(tokens, i), word(tokens, i + 1)) {
        let idiom = matches!((first, second), ("on", "in") | ("in", "on") | ("by", "and"));
        // "coming in was": a verb's particle, not a preposition.
        let particle = i.checked_sub(1).and_then(|b| word(tokens, b)).is_some_and(|b| b.ends_with("ing"));
        if PREPOSITIONS.contains(&first) && AFTER_PREPOSITION.contains(&second) && !idiom && !particle {
            return Some(((i, i + 1), true));
        }
    }
    // Empty quotes: `""`, `“”`.
    if matches!(token.text, "\"" | "“") && next.is_some_and(|n| matches!(n.text, "\"" | "”") && !n.space_before) {
        return Some(((i, i + 1), true));
    }
    // `…," said.`, `…, spoke of`: a verb with no subject after a clause.
    if matches!(token.text, "," | "\"" | "”") && word(tokens, i + 1).is_some_and(|w| VERBS.contains(&w)) && !closes_apposition(tokens, i) {
        let after = tokens.get(i + 2);
        if after.is_some_and(|a| matches!(a.text, "." | "," | ":") || matches!(a.norm.as_str(), "on" | "of" | "in" | "at" | "to" | "that" | "about" | "with")) {
            return Some(((i + 1, i + 1), false));
        }
    }
    // "Officer, a native of…": a title opening the sentence, then a comma.
    if i == first_word(tokens)? && word(tokens, i).is_some_and(|w| TITLES.contains(&w)) && next.is_some_and(|n| n.text == ",") {
        return Some(((i, i + 1), false));
    }
    // "Congresswoman finished", "Sheikh is expected".
    if is_capitalized(token.text) && word(tokens, i).is_some_and(|w| TITLES.contains(&w)) {
        let after = next.filter(|n| n.class == Class::Word && !is_capitalized(n.text) && !matches!(n.norm.as_str(), "of" | "for" | "and" | "in" | "at" | "to" | "on"));
        let before = i.checked_sub(1).and_then(|b| word(tokens, b));
        if after.is_some() && !before.is_some_and(|b| DETERMINERS.contains(&b)) {
            return Some(((i, i + 1), false));
        }
    }
    // "Told the reporter…", "Is salted trout…": the sentence starts with
    // its verb (a question may).
    if i == first_word(tokens)? && word(tokens, i).is_some_and(|w| VERBS.contains(&w)) && next.is_some_and(|n| n.class == Class::Word && !is_capitalized(n.text)) && !question {
        return Some(((i, i), true));
    }
    if i == first_word(tokens)? {
        if let Some(verb) = subject_dropped_after_place(tokens, i) {
            return Some(((verb, verb), false));
        }
        return opens_with_verb(tokens, i).map(|strong| ((i, i), strong));
    }
    None
}

/// "In Buenos Aires announced…", "In Houston was established…", "At the
/// US Department of Defense office is tracking…", "On the 24th, and 49
/// staff were…": an opening preposition and its object, then straight the
/// verb (or a comma and "and"); the index where the subject was. A second
/// determiner or a pronoun starts a subject ("At the office the minister
/// said"), so the object holds one "the" at most.
fn subject_dropped_after_place(tokens: &[Token], i: usize) -> Option<usize> {
    if !OPENING_PREPOSITIONS.contains(&word(tokens, i)?) {
        return None;
    }
    let finite = |w: &str| VERBS.contains(&w) || (w.len() >= 5 && w.ends_with("ed"));
    let name = (i + 1..tokens.len().min(i + 5)).take_while(|&k| tokens[k].class == Class::Word && is_capitalized(tokens[k].text)).count();
    if name >= 1 && word(tokens, i + 1 + name).is_some_and(finite) {
        return Some(i + 1 + name);
    }
    if word(tokens, i + 1) != Some("the") {
        return None;
    }
    let object = (i + 2..tokens.len().min(i + 9)).take_while(|&k| tokens[k].class != Class::Symbol && word(tokens, k).is_none_or(|w| !SUBJECT_STARTS.contains(&w) && !AUXILIARIES.contains(&w))).count();
    let after = i + 2 + object;
    let verb = object >= 1 && word(tokens, after).is_some_and(|w| AUXILIARIES.contains(&w));
    let and = object >= 1 && tokens.get(after).is_some_and(|t| t.text == ",") && word(tokens, after + 1) == Some("and");
    (verb || and).then_some(after)
}

/// "Reiterated the…", "Considers Iran…", "Also hopes…": a finite verb
/// (-ed, -s) opening the sentence before its object, or after "Also";
/// `Some(strong)`. Before a capitalised object it is weak: "Thomas Cook"
/// and "Brooks Koepka" read the same way.
fn opens_with_verb(tokens: &[Token], i: usize) -> Option<bool> {
    let (first, second) = (word(tokens, i)?, word(tokens, i + 1)?);
    let finite = |w: &str| w.len() >= 5 && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !OPENERS_IN_S.contains(&w)));
    if (finite(first) && DETERMINERS_AFTER_VERB.contains(&second)) || (first == "also" && finite(second)) {
        return Some(true);
    }
    (finite(first) && tokens.get(i + 1).is_some_and(|t| is_capitalized(t.text))).then_some(false)
}

/// Whether the comma at `i` closes an apposition or a relative clause whose
/// subject stands before it: "Duan, the director, said", "The hospital,
/// where she works, announced".
fn closes_apposition(tokens: &[Token], i: usize) -> bool {
    let Some(opening) = tokens[..i].iter().rposition(|t| t.text == ",") else { return false };
    let named_before = opening.checked_sub(1).is_some_and(|b| tokens[b].class == Class::Word && is_capitalized(tokens[b].text));
    let opens_clause = word(tokens, opening + 1).is_some_and(|w| matches!(w, "the" | "a" | "an" | "who" | "which" | "where" | "whose" | "when"));
    named_before || opens_clause
}

fn first_word(tokens: &[Token]) -> Option<usize> {
    tokens.iter().position(|t| t.class == Class::Word)
}

#[cfg(test)]
mod tests {
    use super::find;

    fn strong(text: &str) -> bool {
        find(text).is_some_and(|t| t.strong)
    }

    #[test]
    fn strong_traces_need_no_backing() {
        assert!(strong("Thomas Cook Retail and ."));
        assert!(strong("They conducted operations in and Calvados."));
        assert!(strong("Is salted trout that is left to ferment."));
        assert!(strong("Activates the Kundalini energy."));
        // A question opens with its verb; an aside follows a comma.
        assert!(find("Is it true that the talks failed?").is_none());
        assert!(!strong("It is left in water for, depending on taste, a year."));
        assert!(!strong("Thomas Cook - the oldest agency - filed for bankruptcy."));
        assert!(strong("The design was done by (27), a descendant."));
    }

    #[test]
    fn subjects_and_names_left_out() {
        assert!(find("In Buenos Aires announced on Saturday that the demands failed.").is_some());
        assert!(find("In Houston was established in 1979.").is_some());
        assert!(find("Previously, the demanded to close the consulate.").is_some());
        assert!(find("The police found that had passed the checkpoint.").is_some());
        assert!(find("Returning to after living abroad, you adapt.").is_some());
        assert!(find("Officer, a native of Kumamoto, was assigned.").is_some());
        assert!(find("In Buenos Aires, officials announced the plan.").is_none());
        assert!(find("The police found that the car had passed.").is_none());
        assert!(find("They walked to and fro.").is_none());
        assert!(find("At the US Department of Defense office is tracking this debris.").is_some());
        assert!(find("On the 24th, and 49 staff were tested.").is_some());
        assert!(find("Tools used by over the years are displayed here.").is_some());
        assert!(find("The ancient Egyptians of marveled at their monuments.").is_some());
        assert!(find("At the meeting the minister said the talks failed.").is_none());
        assert!(find("On the 24th, the staff were tested.").is_none());
        assert!(find("Prices rose by over 50% last year.").is_none());
    }

    #[test]
    fn traces_of_dropped_names() {
        assert!(find("The rescue team arrived in .").is_some());
        assert!(find("It raised the price of 's oil.").is_some());
        assert!(find("The envoy, Congresswoman spoke first.").is_some());
        assert!(find("Told reporters that the talks failed.").is_some());
        assert!(find("The worst team in, Leeds, lost.").is_some());
        assert!(find("He works for the diocese of and the city.").is_some());
        assert!(find("\"We will win,\" said.").is_some());
        assert!(find("Reiterated the 2017 surveillance of a satellite.").is_some());
        assert!(find("Considers Iran to be its main enemy.").is_some());
        assert!(find("Also hopes to set up a fund.").is_some());
        assert!(find("It rained in for the next three days.").is_some());
        assert!(find("When asked to comment, said: \"Mike spoke.\"").is_some());
    }

    #[test]
    fn ordinary_sentences_have_none() {
        assert!(find("The president said the talks went well.").is_none());
        assert!(find("He spoke to reporters in Paris on Monday.").is_none());
        assert!(find("Minister for Health Jane Doe opened the hospital.").is_none());
        assert!(find("Prices rose by 5%, the bank said.").is_none());
        assert!(find("By and large, voters stayed home, said the mayor.").is_none());
        assert!(find("Perhaps the talks will resume.").is_none());
        assert!(find("Duan Mengqi, the director of the station, said that it works.").is_none());
        assert!(find("The hospital, where she works, announced on Monday that it closed.").is_none());
        assert!(find("Most people coming in was from Iraq.").is_none());
        assert!(find("Officials said the talks went well.").is_none());
        assert!(find("Located in the north, the town grew.").is_none());
        assert!(find("Prices rose before the election.").is_none());
    }
}
