//! Chinese and Japanese numerals: 两, 十二, 四千八百万, 4.8亿.

use crate::extract::text::{Class, Token};

fn digit(c: char) -> Option<f64> {
    let value = match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(value as f64)
}

/// 十, 百, 千: multiply the digit before them within a section.
fn small_unit(c: char) -> Option<f64> {
    match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        _ => None,
    }
}

/// 万 and 亿 close a section.
pub fn large_unit(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        _ => None,
    }
}

fn single(token: &Token) -> Option<char> {
    let mut chars = token.text.chars();
    let c = chars.next()?;
    (token.class == Class::Cjk && chars.next().is_none()).then_some(c)
}

/// Counters and units that follow a counted number.
const COUNTERS: &str = "人名个個年月日岁歳才次件位家座天所条本台回つ分時时号万亿億千百倍度米元円週周カヶヵか種点社国戦階区割部枚頭羽軒店箇門期代党項章条场場届周辆輛架艘只匹张張封篇份项起例";

pub fn is_counter(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| COUNTERS.contains(c)) && (chars.next().is_none() || text.chars().all(super::super::text::is_kana))
}

pub fn is_numeral(token: &Token) -> bool {
    single(token).is_some_and(|c| digit(c).is_some() || small_unit(c).is_some() || large_unit(c).is_some())
}

/// A numeral starting at token `i`: its value and the token after it. Runs
/// of units alone (百姓 "people", 千万 "by all means") are not numbers.
pub fn parse(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let mut end = i;
    while end < tokens.len() && is_numeral(&tokens[end]) && (end == i || !tokens[end].space_before) {
        end += 1;
    }
    let chars: Vec<char> = tokens[i..end].iter().filter_map(single).collect();
    if !chars.iter().any(|&c| digit(c).is_some() || c == '十') {
        return None;
    }
    Some((value(&chars), end))
}

fn value(chars: &[char]) -> f64 {
    let (mut total, mut section, mut number) = (0.0, 0.0, 0.0);
    let mut only_digits = true;
    for &c in chars {
        if let Some(d) = digit(c) {
            number = if only_digits && number > 0.0 { number * 10.0 + d } else { d };
        } else if let Some(unit) = small_unit(c) {
            only_digits = false;
            section += if number == 0.0 { 1.0 } else { number } * unit;
            number = 0.0;
        } else if let Some(unit) = large_unit(c) {
            only_digits = false;
            total += (section + number).max(1.0) * unit;
            section = 0.0;
            number = 0.0;
        }
    }
    total + section + number
}

/// `30 年代`, `八十年代`: a decade, also read as its first year: of the
/// century written before it (`20 世纪 30 年代` is the 1930s), else of the
/// 1900s, as Chinese news uses the bare decade.
pub fn decade_year(tokens: &[Token], first: usize, next: usize, value: f64) -> Option<f64> {
    let text = |k: usize| tokens.get(k).map_or("", |t| t.text);
    if text(next) != "年" || text(next + 1) != "代" || !(10.0..100.0).contains(&value) || value % 10.0 != 0.0 {
        return None;
    }
    let century = century_before(tokens, first).unwrap_or(20.0);
    Some((century - 1.0) * 100.0 + value)
}

/// The number of `N 世纪` ending just before token `first`.
fn century_before(tokens: &[Token], first: usize) -> Option<f64> {
    if first < 3 || tokens[first - 2].text != "世" || tokens[first - 1].text != "纪" {
        return None;
    }
    let last = first - 3;
    if tokens[last].class == crate::extract::text::Class::Digits {
        return tokens[last].norm.parse().ok();
    }
    let mut start = last;
    while start > 0 && is_numeral(&tokens[start - 1]) && !tokens[start].space_before {
        start -= 1;
    }
    parse(tokens, start).filter(|(_, end)| *end == last + 1).map(|(v, _)| v)
}

/// `20 世纪 30 年代`: the century only dates the decade after it, which
/// carries the year, so it is not a quantity of its own.
pub fn dates_a_decade(tokens: &[Token], next: usize) -> bool {
    let text = |k: usize| tokens.get(k).map_or("", |t| t.text);
    text(next) == "世" && text(next + 1) == "纪" && (next + 3..next + 7).any(|k| text(k) == "年" && text(k + 1) == "代")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn read(text: &str) -> Option<f64> {
        parse(&tokenize(text), 0).map(|(v, _)| v)
    }

    #[test]
    fn numerals() {
        assert_eq!(read("两国"), Some(2.0));
        assert_eq!(read("十二"), Some(12.0));
        assert_eq!(read("四千八百万"), Some(48_000_000.0));
        assert_eq!(read("三亿五千万"), Some(350_000_000.0));
        assert_eq!(read("二〇二〇年"), Some(2020.0));
        assert_eq!(read("百姓"), None);
    }
}
