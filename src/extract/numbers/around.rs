//! What is written around a number: scale words, ordinal suffixes,
//! percent, currency, units, CJK date characters, month names.

use super::words;
use super::{cjk, dates, units, Found, Quantity, QuantityKind};
use crate::extract::text::{is_capitalized, Class, Token};

/// A number before its surroundings are read.
pub struct Base {
    pub values: Vec<f64>,
    /// Unit of the last written digit.
    pub step: f64,
    /// Token range taken so far.
    pub first: usize,
    pub next: usize,
    pub from_digits: bool,
    /// Digits without separators: may be a day, year or time.
    pub plain: bool,
    pub ordinal: bool,
    pub weak: bool,
}

impl Base {
    fn found(&self, tokens: &[Token], quantity: Quantity) -> Found {
        let end = tokens[self.next.saturating_sub(1).max(self.first)].end;
        Found { start: tokens[self.first].start, end, quantity, weak: self.weak }
    }

    fn day(&self) -> Option<f64> {
        let value = *self.values.first()?;
        (self.plain && value.fract() == 0.0 && (1.0..=31.0).contains(&value)).then_some(value)
    }
}

pub fn finish(mut base: Base, tokens: &[Token], language: &str) -> (Vec<Found>, usize) {
    scale(&mut base, tokens);
    if let Some(found) = cjk_date(&mut base, tokens) {
        return (vec![found], base.next);
    }
    suffix_ordinal(&mut base, tokens, language);
    if let Some(found) = day_month(&mut base, tokens, language) {
        return (vec![found], base.next);
    }
    let quantity = quantity(&mut base, tokens);
    let found = base.found(tokens, quantity);
    (vec![found], base.next)
}

/// "48,5 Mio.", "2 lakh", "4.8亿", "mil millones".
fn scale(base: &mut Base, tokens: &[Token]) {
    while let Some(token) = tokens.get(base.next) {
        let factor = match token.class {
            Class::Word => words::scale(&token.norm),
            // Chinese news often spaces digits from 万/亿 ("38 万"); a
            // digit run before them is still scaled.
            Class::Cjk if !token.space_before || base.from_digits => token.text.chars().next().and_then(cjk::large_unit).or(match token.text {
                "千" if base.from_digits && !token.space_before => Some(1e3),
                _ => None,
            }),
            _ => None,
        };
        let Some(factor) = factor else { break };
        base.values.iter_mut().for_each(|v| *v *= factor);
        base.step *= factor;
        base.next += 1;
        // "1万1000": the digits after a CJK unit add up.
        if token.class == Class::Cjk {
            if let Some(rest) = tokens.get(base.next).filter(|t| t.class == Class::Digits && !t.space_before) {
                let rest_value: f64 = rest.norm.parse().unwrap_or(0.0);
                if rest_value < factor {
                    base.values.iter_mut().for_each(|v| *v += rest_value);
                    base.step = 1.0;
                    base.next += 1;
                }
            }
        }
        base.plain = false;
        base.weak = false;
        if tokens.get(base.next).is_some_and(|t| t.text == "." && !t.space_before) && token.norm.len() <= 4 {
            base.next += 1;
        }
    }
}

/// `7月17日`, `7月`, `20日`.
fn cjk_date(base: &mut Base, tokens: &[Token]) -> Option<Found> {
    let marker = tokens.get(base.next)?;
    if marker.class != Class::Cjk {
        return None;
    }
    let value = *base.values.first()?;
    match marker.text {
        "月" if base.day().is_some() && value <= 12.0 => {
            let month = value as u8;
            base.next += 1;
            let day = day_after(tokens, base.next);
            if let Some((day, after)) = day {
                base.next = after;
                return Some(dates::date(day, Some(month), tokens[base.first].start, tokens[after - 1].end));
            }
            Some(dates::month_only(month, tokens[base.first].start, marker.end))
        }
        "日" | "号" if base.day().is_some() => {
            base.next += 1;
            Some(dates::date(value, None, tokens[base.first].start, marker.end))
        }
        _ => None,
    }
}

fn day_after(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let (value, next) = match tokens.get(i)?.class {
        Class::Digits => (tokens[i].norm.parse().ok()?, i + 1),
        Class::Cjk => cjk::parse(tokens, i)?,
        _ => return None,
    };
    let marker = tokens.get(next)?;
    (matches!(marker.text, "日" | "号") && (1.0..=31.0).contains(&value)).then_some((value, next + 1))
}

/// `17th`, `1er`, `5-й`, Czech/German/Polish `8.` before a lowercase word.
fn suffix_ordinal(base: &mut Base, tokens: &[Token], language: &str) {
    if !base.from_digits || base.ordinal {
        return;
    }
    let Some(next) = tokens.get(base.next) else { return };
    if next.space_before {
        return;
    }
    let latin = matches!(next.norm.as_str(), "st" | "nd" | "rd" | "th" | "er" | "ère" | "re" | "e" | "ème" | "eme" | "º" | "ª" | "o" | "a");
    let russian = next.text == "-"
        && tokens.get(base.next + 1).is_some_and(|t| !t.space_before && matches!(t.norm.as_str(), "й" | "я" | "е" | "го" | "ого" | "ей" | "ый" | "ой" | "ом" | "м" | "х" | "ий" | "ти"));
    let dotted = next.text == "."
        && matches!(language, "cs" | "sk" | "pl" | "de" | "da" | "nb" | "no" | "fi" | "hu" | "sl" | "hr" | "sr" | "et" | "lv")
        && tokens.get(base.next + 1).is_some_and(|t| t.space_before && t.class == Class::Word && (!is_capitalized(t.text) || words::lookup(language, &t.norm).is_some_and(|e| e.month)));
    if latin {
        base.next += 1;
    } else if russian {
        base.next += 2;
    } else if dotted {
        base.next += 1;
    } else {
        return;
    }
    base.ordinal = true;
}

/// `17 luglio`, `17 de julio`, `17th of July`, `17. července`.
fn day_month(base: &mut Base, tokens: &[Token], language: &str) -> Option<Found> {
    let day = if base.from_digits { base.day().or_else(|| base.ordinal.then(|| base.values[0]).filter(|d| (1.0..=31.0).contains(d)))? } else { return None };
    let mut at = base.next;
    if tokens.get(at).is_some_and(|t| matches!(t.norm.as_str(), "de" | "of")) {
        at += 1;
    }
    let month_token = tokens.get(at)?;
    let entry = words::lookup(language, &month_token.norm).filter(|e| e.month)?;
    if entry.weak && !is_capitalized(month_token.text) {
        return None;
    }
    base.next = at + 1;
    Some(dates::date(day, Some(entry.value as u8), tokens[base.first].start, month_token.end))
}

fn quantity(base: &mut Base, tokens: &[Token]) -> Quantity {
    let kind = if base.ordinal { QuantityKind::Ordinal } else { QuantityKind::Cardinal };
    let mut quantity = Quantity::new(base.values.clone(), kind);
    quantity.step = base.step;
    if let Some(taken) = units::percent(tokens, base.next) {
        base.next += taken;
        quantity.kind = QuantityKind::Percent;
    } else if let Some((code, taken)) = currency_after(tokens, base.next) {
        base.next += taken;
        money(&mut quantity, code);
    } else if let Some((unit, taken)) = unit_after(tokens, base.next) {
        base.next += taken;
        let unit = if unit.base == "m" && speed_before(tokens, base.first) { speed(unit) } else { unit };
        quantity.written = quantity.values.clone();
        quantity.values = quantity.values.iter().map(|v| unit.convert(*v)).collect();
        if unit.either_scale {
            let fahrenheit = units::Unit { fahrenheit: true, ..unit };
            quantity.values.extend(quantity.written.iter().map(|v| fahrenheit.convert(*v)));
        }
        quantity.converted = unit.factor != 1.0 || unit.fahrenheit || unit.either_scale;
        quantity.step *= unit.factor;
        if quantity.converted {
            quantity.written_unit = Some(unit);
        }
        if let Some((inches, taken)) = inches_after_feet(tokens, base.next, unit) {
            base.next += taken;
            quantity.values.iter_mut().for_each(|v| *v += inches);
        }
        quantity.kind = QuantityKind::Measure;
        quantity.unit = Some(unit.base.to_string());
    } else if let Some((code, first)) = currency_before(tokens, base.first) {
        base.first = first;
        money(&mut quantity, code);
        // "$5m": a scale letter glued to a money amount.
        if let Some(t) = tokens.get(base.next).filter(|t| !t.space_before) {
            let factor = match t.norm.as_str() { "m" => 1e6, "bn" | "b" => 1e9, "k" => 1e3, _ => 1.0 };
            if factor != 1.0 {
                quantity.values.iter_mut().for_each(|v| *v *= factor);
                quantity.step *= factor;
                base.next += 1;
            }
        }
    }
    if quantity.kind != QuantityKind::Cardinal && quantity.kind != QuantityKind::Ordinal {
        base.weak = false;
    }
    quantity
}

fn money(quantity: &mut Quantity, code: &str) {
    quantity.kind = QuantityKind::Money;
    quantity.unit = Some(code.to_string());
}

fn currency_after(tokens: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let first = tokens.get(i)?;
    // "millions of dollars", "milioni di euro", "millones de dólares", "d'euros".
    if matches!(first.norm.as_str(), "of" | "di" | "de" | "d") {
        let skip = 1 + usize::from(tokens.get(i + 1).is_some_and(|t| matches!(t.text, "'" | "’")));
        let word = tokens.get(i + skip)?;
        return units::currency_word(&word.norm).map(|code| (code, skip + 1));
    }
    if first.class == Class::Cjk {
        let two: String = tokens.iter().skip(i).take(2).filter(|t| t.class == Class::Cjk).map(|t| t.text).collect();
        if let Some(code) = units::currency_word(&two) {
            return Some((code, 2));
        }
    }
    units::currency_symbol(first.text).or_else(|| units::currency_word(&first.norm)).map(|code| (code, 1))
}

fn currency_before(tokens: &[Token], first: usize) -> Option<(&'static str, usize)> {
    let before = tokens.get(first.checked_sub(1)?)?;
    let code = units::currency_symbol(before.text).or(match before.norm.as_str() {
        "usd" | "us$" => Some("USD"),
        "eur" => Some("EUR"),
        "gbp" => Some("GBP"),
        "rs" | "inr" => Some("INR"),
        _ => None,
    })?;
    // "US$": take the "US" too.
    let start = if first >= 2 && tokens[first - 2].text == "US" && !before.space_before { first - 2 } else { first - 1 };
    Some((code, start))
}

/// The inches of a height after its feet (`6-foot-6`, `6 feet 2 inches`),
/// in metres, and the tokens they take.
fn inches_after_feet(tokens: &[Token], i: usize, unit: units::Unit) -> Option<(f64, usize)> {
    if unit.base != "m" || unit.factor != units::FOOT {
        return None;
    }
    let digits = |k: usize| tokens.get(k).filter(|t| t.class == Class::Digits).and_then(|t| t.norm.parse::<f64>().ok());
    let joined = tokens.get(i).is_some_and(|t| t.text == "-" && !t.space_before) && tokens.get(i + 1).is_some_and(|t| !t.space_before);
    if joined {
        return digits(i + 1).map(|n| (n * 0.0254, 2));
    }
    let inches = tokens.get(i + 1).is_some_and(|t| matches!(t.norm.as_str(), "inches" | "inch" | "in"));
    digits(i).filter(|_| inches).map(|n| (n * 0.0254, 2))
}

fn unit_after(tokens: &[Token], i: usize) -> Option<(units::Unit, usize)> {
    if let Some(found) = units::temperature(tokens, i) {
        return Some(found);
    }
    let first = tokens.get(i)?;
    if first.class == Class::Cjk {
        let two: String = tokens.iter().skip(i).take(2).map(|t| t.text).collect();
        return units::measure(&two).map(|u| (u, 2)).or_else(|| units::measure(first.text).map(|u| (u, 1)));
    }
    if first.text == "-" && !first.space_before {
        // `650-pound`, `300-килограммовое`: the unit joined by a hyphen.
        let word = tokens.get(i + 1).filter(|t| !t.space_before)?;
        let unit = units::measure(&word.norm).or_else(|| units::measure_stem(&word.norm))?;
        return Some((unit, 2));
    }
    let unit = units::measure(&first.norm)?;
    // `km/h`, `miles per hour`: a speed, not a length.
    if let Some(taken) = units::per_hour(tokens, i + 1).filter(|_| unit.base == "m") {
        return Some((speed(unit), 1 + taken));
    }
    Some((unit, 1))
}

/// A length unit made a speed (`km` → `km/h`).
fn speed(length: units::Unit) -> units::Unit {
    let factor = if length.factor == 1000.0 { 1.0 } else { length.factor / 1000.0 };
    units::Unit { base: "km/h", factor, ..length }
}

/// Chinese and Japanese write a speed's "per hour" before the number
/// (時速85マイル, 每小时85英里).
fn speed_before(tokens: &[Token], first: usize) -> bool {
    let before: String = tokens[first.saturating_sub(3)..first].iter().map(|t| t.text).collect();
    ["時速", "时速", "每小时"].iter().any(|w| before.ends_with(w))
}

/// `150 meters (500 feet)`: the parenthesised conversion is not another number.
pub fn drop_conversions(sentence: &str, found: &mut Vec<Found>) {
    let mut k = 1;
    while k < found.len() {
        let (previous, current) = (&found[k - 1], &found[k]);
        let gap = sentence.get(previous.end..current.start).unwrap_or("");
        let parenthesised = gap.trim().trim_end_matches(['~', '≈']).trim() == "(" || gap.trim().ends_with("(about") || gap.trim().ends_with("(around");
        let conversion = current.quantity.kind == QuantityKind::Measure && previous.quantity.kind == QuantityKind::Measure;
        let mut converted = current.quantity.clone();
        converted.converted = true;
        if parenthesised && conversion && previous.quantity.matches(&converted) {
            found.remove(k);
        } else {
            k += 1;
        }
    }
}
