//! Capitals that only their position explains. An English sentence's
//! first word ("Watch:", "Sources say", "Once the…") and every word of a
//! headline in title case ("Fall Silent", "Flash Flooding") are
//! capitalised whatever they are, and a translation renders them as
//! common words that neither spelling nor word links tie back to them.
//! Such a capital is judged as a name only where the document writes the
//! word as a name elsewhere; otherwise only the places it names count
//! ("Indonesia Tsunami Toll…" must still name Indonesia).

use super::name_places::english_source_places;
use super::{BeadView, Placed};
use crate::extract::names::capital_by_position;
use crate::extract::text::base_language;
use crate::extract::FactKind;

/// For a weak name of an English source whose capital its position
/// explains and that the document never writes as a name elsewhere:
/// whether a place it names is absent from `target_text`. `None` where
/// the name is to be judged as any other.
pub(super) fn places_only(view: &BeadView, source: &Placed, written: &str, target_text: &str) -> Option<bool> {
    if !source.fact.weak || base_language(view.source.language) != "en" {
        return None;
    }
    let sentence = view.source.sentences.get(source.sentence)?;
    let at = source.fact.span.start.checked_sub(sentence.span.start)?;
    if !capital_by_position(sentence.text(view.source.text), at) || named_elsewhere(view, source) {
        return None;
    }
    Some(english_source_places(written, target_text).iter().any(|(_, found)| !found))
}

/// Whether a word of the name is part of a name the source writes with a
/// capital that is not explained by position (a strong name), or the
/// name runs on into one ("Angela" of "Angela Merkel" opening a sentence).
fn named_elsewhere(view: &BeadView, source: &Placed) -> bool {
    let words: Vec<&str> = source.fact.value.split(' ').filter(|w| w.len() >= 2).collect();
    let end = source.fact.span.end;
    let strong = || view.source.facts.iter().flatten().filter(|f| f.kind == FactKind::Name && !f.weak);
    strong().any(|f| (end..=end + 1).contains(&f.span.start)) || strong().any(|f| f.value.split(' ').any(|w| words.contains(&w)))
}
