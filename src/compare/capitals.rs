//! Capitals that only their position explains. An English sentence's
//! first word ("Watch:", "Sources say", "Once the…") and every word of a
//! headline in title case ("Fall Silent", "Flash Flooding") are
//! capitalised whatever they are, and a translation renders them as
//! common words that neither spelling nor word links tie back to them.
//! Such a capital is judged as a name only where the document writes the
//! word as a name elsewhere; otherwise only the places it names count
//! ("Indonesia Tsunami Toll…" must still name Indonesia).

use super::name_places::{english_source_places, places_named_by_forms};
use super::{BeadView, Placed, Side};
use crate::extract::names::capital_by_position;
use crate::extract::text::base_language;
use crate::extract::FactKind;

/// For a weak name of an English source whose capital its position
/// explains and that the document never writes as a name elsewhere:
/// whether a place it names is absent from `target_text`. `None` where
/// the name is to be judged as any other.
pub(super) fn places_only(view: &BeadView, source: &Placed, written: &str, target_text: &str) -> Option<bool> {
    if !source.fact.weak || base_language(view.source.language) != "en" || !by_position_only(view.source, source) {
        return None;
    }
    Some(english_source_places(written, target_text).iter().any(|(_, found)| !found))
}

/// A weak target name of one word opening a sentence ("Напомним", "Клуб",
/// "Решение" in a Russian translation) is no added name unless the target
/// writes it as a name elsewhere or it is a listed place the source does
/// not name. A second capital or an acronym (NHL) is not explained by the
/// position. English targets keep the rule for any weak name: on DEMETR
/// (x→en) a name swapped in at a sentence's start ("Stanley", "Khabarovsk
/// Krai has…") is found only that way.
pub(super) fn explained_target(view: &BeadView, target: &Placed, written: &str, source_text: &str) -> bool {
    if base_language(view.target.language) == "en" {
        return false;
    }
    let one_word = !written.trim().contains([' ', '-']);
    let acronym = written.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    target.fact.weak && one_word && !acronym && by_position_only(view.target, target) && places_named_by_forms(written, source_text).iter().all(|(_, found)| *found)
}

/// Whether the capital of a weak name is explained by where it stands and
/// the side never writes the name as a name elsewhere.
fn by_position_only(side: &Side, name: &Placed) -> bool {
    let Some(sentence) = side.sentences.get(name.sentence) else { return false };
    let Some(at) = name.fact.span.start.checked_sub(sentence.span.start) else { return false };
    capital_by_position(sentence.text(side.text), at) && !named_elsewhere(side, name)
}

/// Whether a word of the name is part of a name the side writes with a
/// capital that is not explained by position (a strong name), or the
/// name runs on into one ("Angela" of "Angela Merkel" opening a sentence).
fn named_elsewhere(side: &Side, name: &Placed) -> bool {
    let words: Vec<&str> = name.fact.value.split(' ').filter(|w| w.len() >= 2).collect();
    let end = name.fact.span.end;
    let strong = || side.facts.iter().flatten().filter(|f| f.kind == FactKind::Name && !f.weak);
    strong().any(|f| (end..=end + 1).contains(&f.span.start)) || strong().any(|f| f.value.split(' ').any(|w| words.contains(&w)))
}
