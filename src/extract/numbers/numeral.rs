//! Digit runs with locale separators: `1,250` = `1.250` (de) = `1 250` (fr).

use crate::extract::text::{decimal_comma, Class, Token};

/// A number written in digits.
#[derive(Debug, Clone)]
pub struct Numeral {
    /// Readings, the one the side's locale prefers first.
    pub values: Vec<f64>,
    /// Token index after the numeral.
    pub next: usize,
    /// Written without separators (`2020`, `17`), so it may be a year, day or time.
    pub plain: bool,
    /// Unit of the last digit of the preferred reading.
    pub step: f64,
}

/// Separators that group thousands when the gap is exactly this character.
fn grouping_gap(gap: &str, language: &str) -> bool {
    match gap {
        "\u{a0}" | "\u{202f}" | "\u{2009}" => true,
        " " => matches!(language, "fr" | "ru" | "uk" | "pl" | "cs" | "sk" | "sv" | "nb" | "no" | "fi" | "et" | "lt" | "lv" | "hu" | "bg" | "pt" | "es"),
        _ => false,
    }
}

/// Reads the numeral starting at token `i` (a `Digits` token).
pub fn parse(sentence: &str, tokens: &[Token], i: usize, language: &str) -> Numeral {
    let mut groups = vec![tokens[i].norm.as_str()];
    let mut seps: Vec<char> = Vec::new();
    let mut j = i + 1;
    // "0800 555 111": a run that is not one number (a phone number) is not
    // regrouped from its middle, where it would read as 555111.
    let continues_run = i > 0 && tokens[i - 1].class == Class::Digits && grouping_gap(&sentence[tokens[i - 1].end..tokens[i].start], language);
    while j < tokens.len() {
        let token = &tokens[j];
        if token.class == Class::Symbol && !token.space_before && matches!(token.text, "." | "," | "'" | "’") {
            match tokens.get(j + 1) {
                Some(next) if next.class == Class::Digits && !next.space_before => {
                    seps.push(token.text.chars().next().unwrap_or('.'));
                    groups.push(next.norm.as_str());
                    j += 2;
                    continue;
                }
                _ => break,
            }
        }
        let gap = &sentence[tokens[j - 1].end..token.start];
        if !continues_run && token.class == Class::Digits && token.norm.len() == 3 && groups.iter().all(|g| g.len() <= 3) && grouping_gap(gap, language) {
            seps.push(' ');
            groups.push(token.norm.as_str());
            j += 1;
            continue;
        }
        break;
    }
    match interpret(&groups, &seps, language) {
        None => Numeral { values: vec![number(groups[0])], next: i + 1, plain: true, step: 1.0 },
        Some(values) => {
            let step = step_of(values[0], &groups);
            Numeral { values, next: j, plain: seps.is_empty(), step }
        }
    }
}

/// A decimal reading's last digit is 10^-n for the n digits of its last group.
fn step_of(value: f64, groups: &[&str]) -> f64 {
    let last = groups.last().map_or(0, |g| g.len());
    if groups.len() > 1 && value.fract() != 0.0 || (groups.len() > 1 && value < number(&groups.concat())) {
        10f64.powi(-(last as i32))
    } else {
        1.0
    }
}

fn number(digits: &str) -> f64 {
    digits.parse().unwrap_or(0.0)
}

fn decimal(integer: &str, fraction: &str) -> f64 {
    format!("{integer}.{fraction}").parse().unwrap_or(0.0)
}

/// The readings of digit groups joined by separators; `None` when the
/// separators cannot be one number (then only the first group is taken).
fn interpret(groups: &[&str], seps: &[char], language: &str) -> Option<Vec<f64>> {
    let thousands = |g: &[&str]| g[0].len() <= 3 && !g[0].starts_with('0') && g[1..].iter().all(|x| x.len() == 3);
    match seps {
        [] => Some(vec![number(groups[0])]),
        [' '] | ['\''] | ['’'] => Some(vec![number(&groups.concat())]),
        [sep] => {
            let as_decimal = decimal(groups[0], groups[1]);
            if !thousands(groups) {
                return Some(vec![as_decimal]);
            }
            let as_thousands = number(&groups.concat());
            let locale_decimal = if decimal_comma(language) { ',' } else { '.' };
            Some(if *sep == locale_decimal { vec![as_decimal, as_thousands] } else { vec![as_thousands, as_decimal] })
        }
        _ => {
            let last = *seps.last()?;
            let head = &seps[..seps.len() - 1];
            if head.iter().all(|s| *s == head[0]) && head[0] != last && thousands(&groups[..groups.len() - 1]) {
                let integer = groups[..groups.len() - 1].concat();
                Some(vec![decimal(&integer, groups[groups.len() - 1])])
            } else if seps.iter().all(|s| *s == last) && thousands(groups) {
                Some(vec![number(&groups.concat())])
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn read(text: &str, language: &str) -> Vec<f64> {
        let tokens = tokenize(text);
        parse(text, &tokens, 0, language).values
    }

    #[test]
    fn locale_separators() {
        assert_eq!(read("1,250", "en"), vec![1250.0, 1.25]);
        assert_eq!(read("1.250", "de"), vec![1250.0, 1.25]);
        assert_eq!(read("1.250", "en"), vec![1.25, 1250.0]);
        assert_eq!(read("1 250", "fr"), vec![1250.0]);
        assert_eq!(read("1\u{a0}250", "en"), vec![1250.0]);
        assert_eq!(read("48,5", "it"), vec![48.5]);
        assert_eq!(read("1.250.000,5", "it"), vec![1250000.5]);
        assert_eq!(read("1,250,000", "en"), vec![1250000.0]);
        assert_eq!(read("2019 300", "fr"), vec![2019.0]);
        let phone = "0800\u{a0}555\u{a0}111";
        let tokens = tokenize(phone);
        assert_eq!(parse(phone, &tokens, 1, "de").values, vec![555.0], "{tokens:?}");
    }
}
