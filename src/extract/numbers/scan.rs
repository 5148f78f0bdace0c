//! The scanner: walks tokens, reads a number (digits, words or CJK
//! numerals), then what is written around it (scale, ordinal suffix,
//! percent, currency, unit, month).

use super::around::{finish, drop_conversions, Base};
use super::words::{self, Entry};
use super::{cjk, dates, Found, Quantity, QuantityKind};
use crate::extract::text::{base_language, Class, Token};

pub fn scan(sentence: &str, tokens: &[Token], language: &str) -> Vec<Found> {
    let language = base_language(language);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((dates, next)) = dates::numeric(tokens, i, language) {
            found.extend(dates);
            i = next;
            continue;
        }
        let step = match tokens[i].class {
            Class::Digits => digits(sentence, tokens, i, language),
            Class::Word => word_number(tokens, i, language),
            Class::Cjk => cjk_number(tokens, i),
            Class::Symbol => None,
        };
        match step {
            Some((items, next)) => {
                found.extend(items);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    drop_conversions(sentence, &mut found);
    found
}

fn digits(sentence: &str, tokens: &[Token], i: usize, language: &str) -> Option<(Vec<Found>, usize)> {
    let numeral = super::numeral::parse(sentence, tokens, i, language);
    if let Some(time) = twelve_hour(tokens, i, language).or_else(|| hour_dot(tokens, i, &numeral)) {
        return Some(time);
    }
    if numeral.plain {
        if let Some(time) = clock(tokens, i) {
            return Some(time);
        }
    }
    let mut values = numeral.values;
    // "années 70 et 80", "anni '80": decades of the 1900s.
    let decade_word = tokens[i.saturating_sub(3)..i].iter().any(|t| matches!(t.norm.as_str(), "années" | "anni" | "años" | "anos" | "jahre" | "lata" | "léta" | "'" | "’" | "годы" | "годах" | "decade"))
        || decade_after(tokens, numeral.next);
    if decade_word && values[0] >= 10.0 && values[0] < 100.0 && values[0] % 10.0 == 0.0 {
        values.push(1900.0 + values[0]);
    }
    values.extend(cjk::decade_year(tokens, i, numeral.next, values[0]));
    // Japanese era years (明治28年) restate a Western year nearby.
    let era = i >= 2 && matches!(format!("{}{}", tokens[i - 2].text, tokens[i - 1].text).as_str(), "明治" | "大正" | "昭和" | "平成" | "令和");
    let weak = era || cjk::dates_a_decade(tokens, numeral.next);
    let base = Base { values, step: numeral.step, first: i, next: numeral.next, from_digits: true, plain: numeral.plain, ordinal: false, weak };
    Some(finish(base, tokens, language))
}

/// `30-е годы`, `90-х годов`, `20er Jahre`: the decade word after the
/// number and its ending.
fn decade_after(tokens: &[Token], next: usize) -> bool {
    let after = tokens.iter().skip(next).take(3).filter(|t| t.class == Class::Word);
    after.take(2).any(|t| matches!(t.norm.as_str(), "годы" | "годов" | "годах" | "годам" | "роки" | "років" | "роках" | "jahre" | "jahren"))
}

/// German `3.40 Uhr` and `15 Uhr`, French `15 h`, CJK `15时50分`: a time.
fn hour_dot(tokens: &[Token], i: usize, numeral: &super::numeral::Numeral) -> Option<(Vec<Found>, usize)> {
    let marker = tokens.get(numeral.next)?;
    let hours: f64 = tokens[i].norm.parse().ok().filter(|h: &f64| *h <= 24.0)?;
    let minutes_follow = tokens.get(numeral.next + 1).is_some_and(|t| t.class == Class::Digits);
    let (minutes, end) = if marker.norm == "uhr" && numeral.next == i + 3 && tokens[i + 2].norm.len() == 2 {
        (tokens[i + 2].norm.parse::<f64>().ok()?, numeral.next)
    } else if matches!(marker.norm.as_str(), "uhr" | "h" | "heure" | "heures") && numeral.next == i + 1 && numeral.plain && !minutes_follow {
        // `15 Uhr`, French `15 h`: on the hour (`12 h 30` is a `clock`).
        (0.0, numeral.next)
    } else if matches!(marker.text, "时" | "時") && numeral.plain {
        match (tokens.get(numeral.next + 1), tokens.get(numeral.next + 2)) {
            (Some(m), Some(unit)) if m.class == Class::Digits && unit.text == "分" => (m.norm.parse::<f64>().ok()?, numeral.next + 2),
            _ => (0.0, numeral.next),
        }
    } else {
        return None;
    };
    let mut values = vec![hours * 100.0 + minutes];
    if minutes == 0.0 {
        values.push(hours);
    }
    let quantity = Quantity::new(values, QuantityKind::Time);
    Some((vec![Found { start: tokens[i].start, end: tokens[end].end, quantity, weak: false }], end + 1))
}

/// English `3 p.m.`, `3:30pm`, `11 a.m.`: a time, read on the 24-hour
/// clock and as written (`1500` and `300`, on the hour also `15` and `3`:
/// `15 h`, `15:00` and `下午3点` all say it).
fn twelve_hour(tokens: &[Token], i: usize, language: &str) -> Option<(Vec<Found>, usize)> {
    let hours: f64 = tokens[i].norm.parse().ok().filter(|h: &f64| (1.0..=12.0).contains(h) && h.fract() == 0.0)?;
    let colon = tokens.get(i + 1).is_some_and(|t| t.text == ":" && !t.space_before);
    let minutes_token = tokens.get(i + 2).filter(|t| colon && t.class == Class::Digits && t.norm.len() == 2 && !t.space_before);
    let (minutes, after) = match minutes_token {
        Some(t) => (t.norm.parse::<f64>().ok().filter(|m| *m < 60.0)?, i + 3),
        None => (0.0, i + 1),
    };
    let (afternoon, end) = meridiem(tokens, after, language)?;
    let day_hours = hours % 12.0 + if afternoon { 12.0 } else { 0.0 };
    let mut values = vec![day_hours * 100.0 + minutes, hours * 100.0 + minutes];
    if minutes == 0.0 {
        values.extend([day_hours, hours]);
    }
    let quantity = Quantity::new(values, QuantityKind::Time);
    Some((vec![Found { start: tokens[i].start, end: tokens[end].end, quantity, weak: false }], end + 1))
}

/// `a.m.`, `p.m.`, and in English `am`, `PM`, at `i`: whether afternoon,
/// and the index of its last token. (German `am` after a number is "on
/// the": `3 am Tag`.)
fn meridiem(tokens: &[Token], i: usize, language: &str) -> Option<(bool, usize)> {
    let first = tokens.get(i)?;
    let letter = |norm: &str| match norm {
        "a" | "am" => Some(false),
        "p" | "pm" => Some(true),
        _ => None,
    };
    let afternoon = letter(&first.norm)?;
    if first.norm.len() == 2 {
        return (language == "en").then_some((afternoon, i));
    }
    let tight = |k: usize| tokens.get(k).filter(|t| !t.space_before);
    let (dot, m) = (tight(i + 1)?, tight(i + 2)?);
    if dot.text != "." || m.norm != "m" {
        return None;
    }
    let end = if tight(i + 3).is_some_and(|t| t.text == ".") { i + 3 } else { i + 2 };
    Some((afternoon, end))
}

/// `12:30`, French `12 h 30`: a time as `hhmm` (also readable as `12` when on the hour).
fn clock(tokens: &[Token], i: usize) -> Option<(Vec<Found>, usize)> {
    let hours: f64 = tokens[i].norm.parse().ok().filter(|h: &f64| *h <= 24.0)?;
    let sep = tokens.get(i + 1)?;
    let minutes_token = tokens.get(i + 2)?;
    let colon = sep.text == ":" && !sep.space_before && !minutes_token.space_before;
    let french = sep.norm == "h";
    if !(colon || french) || minutes_token.class != Class::Digits || minutes_token.norm.len() != 2 {
        return None;
    }
    let minutes: f64 = minutes_token.norm.parse().ok().filter(|m: &f64| *m < 60.0)?;
    let mut values = vec![hours * 100.0 + minutes];
    if minutes == 0.0 {
        values.push(hours);
    }
    let quantity = Quantity::new(values, QuantityKind::Time);
    Some((vec![Found { start: tokens[i].start, end: minutes_token.end, quantity, weak: false }], i + 3))
}

/// A word at `i` joined with the next when split by an apostrophe (`п'ять`).
fn joined_word(tokens: &[Token], i: usize) -> (String, usize) {
    let token = &tokens[i];
    match (tokens.get(i + 1), tokens.get(i + 2)) {
        (Some(mark), Some(rest)) if matches!(mark.text, "'" | "’" | "ʼ") && !mark.space_before && !rest.space_before && rest.class == Class::Word => {
            (format!("{}'{}", token.norm, rest.norm), i + 3)
        }
        _ => (token.norm.clone(), i + 1),
    }
}

fn word_entry(tokens: &[Token], i: usize, language: &str) -> Option<(Vec<Entry>, usize)> {
    if tokens.get(i)?.class != Class::Word {
        return None;
    }
    let (word, next) = joined_word(tokens, i);
    if let Some(entry) = words::lookup(language, &word).or_else(|| words::lookup(language, &tokens[i].norm)) {
        let next = if words::lookup(language, &word).is_some() { next } else { i + 1 };
        return Some((vec![entry], next));
    }
    let parts = words::compound(language, &word)?;
    let entries = parts.into_iter().map(|value| Entry { value, ordinal: false, weak: false, month: false, connector: false }).collect();
    Some((entries, i + 1))
}

fn word_number(tokens: &[Token], i: usize, language: &str) -> Option<(Vec<Found>, usize)> {
    let (entries, next) = word_entry(tokens, i, language)?;
    let entry = entries[0];
    if entry.connector {
        return None;
    }
    if entry.month {
        return month_name(tokens, i, next, entry);
    }
    let mut values: Vec<f64> = entries.iter().map(|e| e.value).collect();
    let mut weak = entries.iter().all(|e| e.weak);
    let mut ordinal = entry.ordinal;
    let mut j = next;
    while !ordinal || arabic_unit_ordinal(language, &values) {
        let at = if tokens.get(j).is_some_and(|t| t.text == "-" && !t.space_before) { j + 1 } else { j };
        let Some((more, after)) = word_entry(tokens, at, language) else { break };
        let (more, after) = if more[0].connector && at == j {
            match word_entry(tokens, after, language) {
                Some((m, a)) if !m[0].connector && !m[0].month => (m, a),
                _ => break,
            }
        } else {
            (more, after)
        };
        if more[0].month || more[0].connector || more[0].value < 1.0 {
            break;
        }
        if ordinal && !(more[0].value == 10.0 || (20.0..100.0).contains(&more[0].value)) {
            break;
        }
        values.extend(more.iter().map(|e| e.value));
        weak &= more.iter().all(|e| e.weak);
        ordinal |= more[0].ordinal;
        j = after;
    }
    // "thousands", "millions" alone are amounts, not quantities; a
    // capitalised number word inside a sentence belongs to a name ("Ninth
    // Ward"); "a third" is a fraction.
    weak |= values.iter().all(|v| *v >= 100.0);
    weak |= crate::extract::text::is_capitalized(tokens[i].text) && i > 0 && tokens[i - 1].class != Class::Symbol;
    weak |= ordinal && i > 0 && matches!(tokens[i - 1].norm.as_str(), "a" | "one" | "un" | "una" | "uno");
    let value = words::combine(&values);
    let mut readings = vec![value];
    readings.extend(arabic_century_year(tokens, i, language, value));
    let base = Base { values: readings, step: 1.0, first: i, next: j, from_digits: false, plain: false, ordinal, weak };
    Some(finish(base, tokens, language))
}

/// Arabic writes decades through their century: ثلاثينيات القرن العشرين
/// "the thirties of the twentieth century" is the 1930s, and "the early
/// 2000s" is often بداية القرن الواحد والعشرين. A century read at `i` also
/// reads as the year its decade (or itself) starts.
fn arabic_century_year(tokens: &[Token], i: usize, language: &str, century: f64) -> Option<f64> {
    let before = |back: usize| i.checked_sub(back).map(|k| &tokens[k]).filter(|t| t.class == Class::Word);
    if language != "ar" || !(1.0..=30.0).contains(&century) || !before(1)?.norm.ends_with("قرن") {
        return None;
    }
    let decade = before(2).and_then(|t| arabic_decade(&t.norm)).unwrap_or(0.0);
    Some((century - 1.0) * 100.0 + decade)
}

/// عشرينيات … تسعينيات "the twenties … nineties", with a clitic or not.
fn arabic_decade(word: &str) -> Option<f64> {
    const DECADES: [&str; 8] = ["عشرينيات", "ثلاثينيات", "أربعينيات", "خمسينيات", "ستينيات", "سبعينيات", "ثمانينيات", "تسعينيات"];
    let bare = ['و', 'ب', 'ل', 'ف'].iter().find_map(|c| word.strip_prefix(*c).filter(|rest| DECADES.contains(rest))).unwrap_or(word);
    DECADES.iter().position(|d| *d == bare).map(|k| 20.0 + 10.0 * k as f64)
}

/// Arabic ordinals above ten begin with the unit and keep the ten or the
/// tens as a cardinal: التاسع عشر "nineteenth", الرابعة والثلاثين "thirty-fourth".
fn arabic_unit_ordinal(language: &str, values: &[f64]) -> bool {
    language == "ar" && matches!(values, [unit] if *unit < 10.0)
}

/// A month name, with the day after it when written (`July 17`, `July 17th`).
fn month_name(tokens: &[Token], i: usize, next: usize, entry: Entry) -> Option<(Vec<Found>, usize)> {
    if entry.weak && !crate::extract::text::is_capitalized(tokens[i].text) {
        return None;
    }
    let month = entry.value as u8;
    let day = tokens.get(next).filter(|t| t.class == Class::Digits && t.norm.len() <= 2);
    let day_value = day.and_then(|t| t.norm.parse::<f64>().ok()).filter(|d| (1.0..=31.0).contains(d));
    match (day, day_value) {
        (Some(day), Some(value)) if tokens.get(next + 1).is_none_or(|t| t.text != ":") => {
            let end_token = if ordinal_suffix(tokens, next + 1) { next + 1 } else { next };
            let end = tokens[end_token].end;
            Some((vec![dates::date(value, Some(month), tokens[i].start, end.max(day.end))], end_token + 1))
        }
        _ if entry.weak => None,
        _ => Some((vec![dates::month_only(month, tokens[i].start, tokens[next - 1].end)], next)),
    }
}

fn ordinal_suffix(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        !t.space_before && matches!(t.norm.as_str(), "st" | "nd" | "rd" | "th" | "er" | "ère" | "re" | "e" | "ème" | "eme" | "º" | "ª" | "°")
    })
}

fn cjk_number(tokens: &[Token], i: usize) -> Option<(Vec<Found>, usize)> {
    let (value, next) = cjk::parse(tokens, i)?;
    let ordinal = i > 0 && tokens[i - 1].text == "第";
    // A lone numeral character is a number only before a counter (三名, 两国);
    // otherwise it is usually part of a word (赤十字, 一些).
    let counted = tokens.get(next).is_some_and(|t| cjk::is_counter(t.text));
    let weak = (next == i + 1 && !counted && !ordinal) || (value == 1.0 && next == i + 1) || cjk::dates_a_decade(tokens, next);
    let first = if ordinal { i - 1 } else { i };
    let mut values = vec![value];
    values.extend(cjk::decade_year(tokens, i, next, value));
    let base = Base { values, step: 1.0, first, next, from_digits: false, plain: true, ordinal, weak };
    Some(finish(base, tokens, "zh"))
}
