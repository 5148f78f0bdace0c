//! Dates: `17.07.2020`, `7/17/2020`, and the day–month pairs that the
//! scanner assembles from month names (`July 17` = `17 luglio` = `7月17日`).

use super::{Found, Quantity, QuantityKind};
use crate::extract::text::{Class, Token};

pub fn date(day: f64, month: Option<u8>, start: usize, end: usize) -> Found {
    let mut quantity = Quantity::new(vec![day], QuantityKind::Date);
    quantity.month = month;
    Found { start, end, quantity, weak: false }
}

pub fn month_only(month: u8, start: usize, end: usize) -> Found {
    // A month alone is weak: "May" and "March" are also ordinary words, and
    // declined month names are easily missed on the other side.
    Found { start, end, quantity: Quantity::new(vec![month as f64], QuantityKind::Month), weak: true }
}

fn small(token: Option<&Token>, max: u32) -> Option<u32> {
    let token = token?;
    if token.class != Class::Digits || token.norm.len() > 2 {
        return None;
    }
    token.norm.parse().ok().filter(|v| (1..=max).contains(v))
}

/// `dd.mm.yyyy`, `dd/mm/yyyy` or (English) `mm/dd/yyyy` at token `i`: the
/// date and its year, and the token after them.
pub fn numeric(tokens: &[Token], i: usize, language: &str) -> Option<(Vec<Found>, usize)> {
    let first = small(tokens.get(i), 31)?;
    let sep = tokens.get(i + 1)?;
    if !matches!(sep.text, "." | "/") || sep.space_before {
        return None;
    }
    let second = small(tokens.get(i + 2), 31)?;
    let sep2 = tokens.get(i + 3)?;
    let year = tokens.get(i + 4)?;
    if sep2.text != sep.text || sep2.space_before || year.class != Class::Digits || !matches!(year.norm.len(), 2 | 4) {
        return None;
    }
    let (day, month) = if first > 12 || (sep.text == "." && second <= 12) || (language != "en" && second <= 12) {
        (first, second)
    } else {
        (second, first)
    };
    if month > 12 {
        return None;
    }
    let mut year_value: f64 = year.norm.parse().ok()?;
    if year.norm.len() == 2 {
        year_value += if year_value < 50.0 { 2000.0 } else { 1900.0 };
    }
    let found = vec![
        date(day as f64, Some(month as u8), tokens[i].start, tokens[i + 2].end),
        Found { start: year.start, end: year.end, quantity: Quantity::new(vec![year_value], QuantityKind::Cardinal), weak: false },
    ];
    Some((found, i + 5))
}
