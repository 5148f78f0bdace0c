//! Numbers: digits in any locale and script, number words, CJK numerals,
//! scale words, percentages, currencies, units, ordinals and dates, each
//! normalised to a `Quantity` that compares across languages.

use serde::Serialize;

use super::text::{tokenize, Token};
use super::{Fact, FactKind};
use crate::document::Span;

mod cjk;
mod dates;
mod numeral;
mod around;
mod scan;
mod units;
mod words;

pub use units::Unit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuantityKind {
    Cardinal,
    Ordinal,
    Percent,
    Money,
    /// A physical measure, converted to a base unit (`m`, `kg`, `c`, `km/h`).
    Measure,
    /// A day of the month, with its month when written.
    Date,
    /// A month named without a day.
    Month,
    /// A clock time, as `hhmm`.
    Time,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Every reading of the written number: more than one when the writing
    /// is ambiguous (`1.250` is 1.25 or 1250 depending on the locale).
    pub values: Vec<f64>,
    pub kind: QuantityKind,
    /// Base unit of a measure (`m`, `kg`, `c`, `km/h`) or a currency code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Converted from another unit: compare with a tolerance.
    pub converted: bool,
    /// The unit as written (`mi`, `ft`), when converted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_unit: Option<units::Unit>,
    /// Unit of the last written digit (0.1 for `48.5`, 1e5 for `48.5
    /// million`): the other side may round to it.
    pub step: f64,
    /// Month (1–12) of a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// A measure's values as written, before conversion to the base unit:
    /// the other side may give the number without its unit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub written: Vec<f64>,
}

impl Quantity {
    pub fn new(values: Vec<f64>, kind: QuantityKind) -> Self {
        Quantity { values, kind, unit: None, converted: false, written_unit: None, step: 1.0, month: None, written: Vec::new() }
    }

    /// Whether two quantities can be the same fact written differently.
    pub fn matches(&self, other: &Quantity) -> bool {
        use QuantityKind::*;
        match (self.kind, other.kind) {
            (Month, Month) => self.values == other.values,
            (Month, Date) => other.month.is_some_and(|m| self.values.contains(&(m as f64))),
            (Date, Month) => other.matches(self),
            (Month, _) | (_, Month) => false,
            (Date, Date) if self.month.is_some() && other.month.is_some() && self.month != other.month => false,
            (Measure, Cardinal) | (Cardinal, Measure) if self.unitless_match(other) => true,
            (Money, Measure) | (Measure, Money) if self.pounds_either_way(other) => true,
            _ => {
                let same_dimension = self.kind != Measure || other.kind != Measure || self.unit == other.unit;
                let pairs = |k: usize| (0..other.values.len()).map(move |m| (k, m));
                same_dimension && (0..self.values.len()).flat_map(pairs).any(|(k, m)| self.close(other, k, m))
            }
        }
    }

    /// Pounds sterling on one side, a weight in pounds on the other, with
    /// the same figures: `ポンド` and `pound` name both, and a translation
    /// keeps the word, not the sense.
    fn pounds_either_way(&self, other: &Quantity) -> bool {
        let (money, weight) = if self.kind == QuantityKind::Money { (self, other) } else { (other, self) };
        let in_pounds = weight.unit.as_deref() == Some("kg") && weight.written_unit.is_some_and(|u| u.factor == units::POUND);
        money.unit.as_deref() == Some("GBP") && in_pounds && weight.written.iter().any(|w| money.values.contains(w))
    }

    /// A measure against a bare number (`3.2 million tonnes` vs `3,2
    /// milioni` when the unit sits out of reach): compare as written.
    fn unitless_match(&self, other: &Quantity) -> bool {
        let (measure, bare) = if self.kind == QuantityKind::Measure { (self, other) } else { (other, self) };
        let step = measure.step / measure.values.first().zip(measure.written.first()).map_or(1.0, |(v, w)| if *w != 0.0 { v / w } else { 1.0 });
        measure.written.iter().any(|a| bare.values.iter().any(|b| (a - b).abs() < (step.max(bare.step) / 2.0).max(a.abs() * 1e-9)))
    }

    /// Equal up to rounding to the coarser side's last digit, or within 6%
    /// after a unit conversion (`500 feet` for `150 m`).
    fn close(&self, other: &Quantity, k: usize, m: usize) -> bool {
        let (a, b) = (self.values[k], other.values[m]);
        let scale = a.abs().max(b.abs());
        let unknown_scale = |q: &Quantity| q.written_unit.is_some_and(|u| u.either_scale);
        let conversion = (self.converted || other.converted) && (self.written_unit != other.written_unit || unknown_scale(self));
        if conversion {
            // Everyday degrees are rounded to whole ones on either scale
            // (half a degree Celsius apart at most); furnace heats to tens.
            let tolerance = if self.unit.as_deref() == Some("c") { (scale * 0.02).max(0.6) } else { scale * 0.06 };
            return (a - b).abs() <= tolerance || self.rounds(k, b) || other.rounds(m, a);
        }
        (a - b).abs() < (self.step_at(k).max(other.step_at(m)) / 2.0).max(scale * 1e-9)
    }

    /// Whether reading `k`, in metric units, writes `converted` as a
    /// translation rounds a conversion: to as many significant digits as
    /// it writes (`200 miles` as `300 km`, 322), or cut to whole units (`80
    /// °F` as `26 °C`, 26.7; `3 inches` as `7 cm`). Only the metric side
    /// rounds: a mile figure read as a rounding of `301 km` would hide a
    /// changed `300`.
    fn rounds(&self, k: usize, converted: f64) -> bool {
        let (value, step) = (self.values[k], self.step_at(k));
        // Unconverted: written in the base unit.
        let (factor, fahrenheit, either_scale) = self.written_unit.map_or((1.0, false, false), |u| (u.factor, u.fahrenheit, u.either_scale));
        let either_reading = either_scale && k >= self.written.len();
        let metric = factor > 0.0 && (factor.log10() - factor.log10().round()).abs() < 1e-9 && !fahrenheit && !either_reading;
        let digits = value / step;
        if !metric || step <= 0.0 || digits.round() == 0.0 || (digits - digits.round()).abs() > 1e-6 {
            return false;
        }
        // Trailing zeros of hundreds and more are taken as rounding; of a
        // two-digit figure (`30 m` for 30 yards, 27.4) as a digit.
        let mut precision = step;
        let mut significant = digits.round() as i64;
        let hundreds = significant.abs() >= 100;
        while hundreds && significant % 10 == 0 {
            significant /= 10;
            precision *= 10.0;
        }
        let same = |x: f64| (x - value).abs() <= step * 1e-6;
        same((converted / precision).round() * precision) || same((converted / step).trunc() * step)
    }

    /// `step` is the last digit's unit in the first reading; another
    /// reading of the same digits (`3.0` for `3,000`) ends in a digit as
    /// many times smaller as the reading is. Never coarser than `step`:
    /// a year read from a decade (`30` → `1930`) stays exact.
    fn step_at(&self, k: usize) -> f64 {
        let first = self.value();
        if k == 0 || first == 0.0 {
            return self.step;
        }
        self.step * (self.values[k] / first).abs().min(1.0)
    }

    /// The preferred reading.
    pub fn value(&self) -> f64 {
        self.values.first().copied().unwrap_or(0.0)
    }
}

/// A number found by the scanner, before it becomes a `Fact`.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub quantity: Quantity,
    pub weak: bool,
}

pub fn extract(sentence: &str, language: &str) -> Vec<Fact> {
    let tokens: Vec<Token> = tokenize(sentence);
    let mut found = scan::scan(sentence, &tokens, language);
    share_range_units(sentence, &mut found);
    found.into_iter().map(to_fact).collect()
}

/// Words that join the two ends of a range (`2 to 4 inches`, `5 bis 10 cm`).
const RANGE_JOINERS: &[&str] = &["to", "bis", "a", "à", "al", "and", "und", "e", "et", "y", "до", "и", "-", "–", "—", "~", "至", "到", "〜", "～", "से"];

/// In a range the unit is written once, after the second number: the first
/// number takes it too.
fn share_range_units(sentence: &str, found: &mut [Found]) {
    for k in 1..found.len() {
        let (before, after) = found.split_at_mut(k);
        let (first, second) = (&mut before[k - 1], &after[0]);
        let between = sentence.get(first.end..second.start).unwrap_or("").trim().to_lowercase();
        let joined = RANGE_JOINERS.contains(&between.as_str());
        let (q, unit) = (&second.quantity, &second.quantity.unit);
        if !joined || first.quantity.kind != QuantityKind::Cardinal || q.kind != QuantityKind::Measure || unit.is_none() {
            continue;
        }
        let factor = match (q.values.first(), q.written.first()) {
            (Some(v), Some(w)) if *w != 0.0 => v / w,
            _ => 1.0,
        };
        // °F needs its offset: `Unit::convert` knows it.
        let fahrenheit = q.written_unit.filter(|u| u.fahrenheit);
        let quantity = &mut first.quantity;
        quantity.written = quantity.values.clone();
        quantity.values = quantity.values.iter().map(|v| fahrenheit.map_or(v * factor, |u| u.convert(*v))).collect();
        quantity.step *= factor.abs().max(f64::MIN_POSITIVE);
        quantity.kind = QuantityKind::Measure;
        quantity.unit = unit.clone();
        quantity.converted = q.converted;
        quantity.written_unit = q.written_unit;
    }
}

fn to_fact(found: Found) -> Fact {
    let mut fact = Fact::new(FactKind::Number, Span::new(found.start, found.end), describe(&found.quantity));
    fact.quantity = Some(found.quantity);
    fact.weak = found.weak;
    fact
}

/// The normalised value written in facts and messages.
pub fn describe(quantity: &Quantity) -> String {
    let number = format_number(quantity.value());
    match quantity.kind {
        QuantityKind::Percent => format!("{number}%"),
        QuantityKind::Date => match quantity.month {
            Some(month) => format!("date:{month:02}-{:02}", quantity.value() as u32),
            None => format!("date:{:02}", quantity.value() as u32),
        },
        QuantityKind::Month => format!("month:{:02}", quantity.value() as u32),
        QuantityKind::Time => format!("time:{:04}", quantity.value() as u32),
        QuantityKind::Ordinal => format!("#{number}"),
        _ => match &quantity.unit {
            Some(unit) => format!("{number} {unit}"),
            None => number,
        },
    }
}

pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.4}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;

    #[test]
    fn a_range_shares_its_unit() {
        let source = extract("Up to 2 to 4 inches of rain fell.", "en");
        let target = extract("Es fielen bis zu 5 bis 10 Zentimeter Regen.", "de");
        let q = |facts: &[Fact], i: usize| facts[i].quantity.clone().unwrap();
        assert!(q(&source, 0).matches(&q(&target, 0)), "{source:?} {target:?}");
        assert!(q(&source, 1).matches(&q(&target, 1)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, language: &str) -> Vec<String> {
        extract(text, language).into_iter().filter(|f| !f.weak).map(|f| f.value).collect()
    }

    /// The quantities of the facts that are not weak.
    fn strong(text: &str, language: &str) -> Vec<Quantity> {
        extract(text, language).into_iter().filter(|f| !f.weak).map(|f| f.quantity.unwrap()).collect()
    }

    #[test]
    fn scales_units_and_percent() {
        assert_eq!(values("Il costo è di 48,5 milioni di euro.", "it"), vec!["48500000 EUR"]);
        assert_eq!(values("Die Kosten: 48,5 Mio. Euro, 3,2 Prozent mehr.", "de"), vec!["48500000 EUR", "3.2%"]);
        assert_eq!(values("The tower is 150 meters (500 feet) tall.", "en"), vec!["150 m"]);
        assert_eq!(values("Выросло на 12 процентов, до 4 млрд рублей.", "ru"), vec!["12%", "4000000000 RUB"]);
        assert_eq!(values("耗资4.8亿元，共1万1000人。", "zh"), vec!["480000000 CNY", "11000"]);
        assert_eq!(values("It was 30 °C (86 °F) at noon.", "en"), vec!["30 c"]);
    }

    #[test]
    fn twelve_hour_times_and_hours_on_the_clock() {
        let three = strong("The match starts at 3 p.m. on Wednesday.", "en");
        assert_eq!(three[0].kind, QuantityKind::Time, "{three:?}");
        assert!(three[0].matches(&strong("Le match commence mercredi à 15 h.", "fr")[0]));
        assert!(three[0].matches(&strong("Das Spiel beginnt am Mittwoch um 15:00 Uhr.", "de")[0]));
        assert!(three[0].matches(&strong("Das Spiel beginnt am Mittwoch um 15 Uhr.", "de")[0]));
        assert!(three[0].matches(&strong("比赛于周三下午3点开始。", "zh")[0]), "the hour as written");
        assert!(!three[0].matches(&strong("Le match commence mercredi à 16 h.", "fr")[0]));
        let half = strong("by 11:30pm", "en");
        assert!(half[0].matches(&strong("bis 23:30 Uhr", "de")[0]), "{half:?}");
        assert!(strong("at 9 a.m. local time", "en")[0].matches(&strong("à 9 h, heure locale", "fr")[0]));
        assert!(strong("12 a.m.", "en")[0].matches(&strong("0:00", "de")[0]));
        // A duration in hours stays a number; German `am` after a number is no time.
        assert!(strong("pendant 48 h", "fr")[0].matches(&strong("for 48 hours", "en")[0]));
        assert_eq!(strong("3 am Tag", "de")[0].kind, QuantityKind::Cardinal);
    }

    #[test]
    fn decades_with_the_decade_word_after() {
        let thirties = strong("в 30-е годы", "ru");
        assert!(strong("in the 1930s", "en")[0].matches(&thirties[0]), "{thirties:?}");
        assert!(strong("in the 1990s", "en")[0].matches(&strong("в конце 90-х годов", "ru")[0]));
        assert!(!strong("in the 1940s", "en")[0].matches(&thirties[0]));
        assert!(strong("in the 1920s", "en")[0].matches(&strong("in den 20er Jahren", "de")[0]));
        assert_eq!(values("за 30 лет", "ru"), vec!["30"]);
    }

    #[test]
    fn degrees_without_a_scale_are_celsius_or_fahrenheit() {
        let bare = strong("It was 80 degrees in the afternoon.", "en");
        assert!(bare[0].matches(&strong("Днём было 27 градусов.", "ru")[0]));
        assert!(bare[0].matches(&strong("Il faisait 27 °C.", "fr")[0]));
        assert!(bare[0].matches(&strong("It was 80 °F.", "en")[0]));
        assert!(!bare[0].matches(&strong("Днём было 30 градусов.", "ru")[0]));
        assert!(!bare[0].matches(&strong("It was 85 degrees.", "en")[0]));
        assert!(!strong("It was 30 °C.", "en")[0].matches(&strong("Il faisait 32 °C.", "fr")[0]));
        assert!(strong("It burns at 5,500 °F.", "en")[0].matches(&strong("Il brûle à 3 000 °C.", "fr")[0]));
    }

    #[test]
    fn weights_and_speeds_a_translation_converts() {
        let matches = |a: (&str, &str), b: (&str, &str)| {
            let (a, b) = (strong(a.0, a.1), strong(b.0, b.1));
            !a.is_empty() && !b.is_empty() && a[0].matches(&b[0])
        };
        let hog = ("the 550 pound hog had mauled the farmer", "en");
        assert!(matches(hog, ("свинья весом в 250 килограмм загрызла фермера", "ru")));
        assert!(matches(("a 650-pound pig pinned a farmer", "en"), ("300-килограммовое животное", "ru")));
        assert!(!matches(hog, ("свинья весом в 350 килограмм", "ru")));
        assert!(matches(hog, ("550ポンドの豚", "ja")), "ポンド is money and weight");
        assert!(!matches(hog, ("650ポンドの豚", "ja")));
        let speed = ("winds of 85 miles per hour", "en");
        assert!(matches(speed, ("с ветрами до 135 км/ч", "ru")));
        assert!(matches(speed, ("winds of 85 mph", "en")));
        assert!(!matches(speed, ("в 135 км от города", "ru")));
        assert!(matches(speed, ("風速は時速85マイルだった", "ja")));
        assert!(matches(speed, ("最大风力可达每小时85英里", "zh")));
        assert!(!matches(speed, ("距离85英里", "zh")));
        assert!(matches(("at 137 kilometres per hour", "en"), ("со скоростью 137 километров в час", "ru")));
        let tall = ("the 6-foot-6 forward", "en");
        assert!(matches(tall, ("der 1,98 m große Stürmer", "de")));
        assert!(matches(("he stands 6 feet 6 inches tall", "en"), ("der 1,98 m große Stürmer", "de")));
        assert!(!matches(tall, ("der 1,83 m große Stürmer", "de")));
        assert!(matches(("at 17,500 miles per hour", "en"), ("करीब 17,500 मील प्रति घंटा की रफ़्तार से", "hi")));
    }

    #[test]
    fn words_ordinals_dates_and_times() {
        assert_eq!(values("twenty-five thousand people", "en"), vec!["25000"]);
        assert_eq!(values("dreiundzwanzig Menschen", "de"), vec!["23"]);
        assert_eq!(values("il 17 luglio alle 15:30", "it"), vec!["date:07-17", "time:1530"]);
        assert_eq!(values("17 июля в 8. минуте", "ru"), vec!["date:07-17", "8"]);
        assert_eq!(values("v 8. minutě", "cs"), vec!["#8"]);
        assert_eq!(values("7月17日15时50分", "zh"), vec!["date:07-17", "time:1550"]);
        assert_eq!(values("في القرن التاسع عشر", "ar"), vec!["#19"]);
        assert_eq!(values("للمرة الرابعة والثلاثين", "ar"), vec!["#34"]);
        assert_eq!(values("في المرة الرابعة وثلاثة أيام", "ar"), vec!["#4", "3"]);
        assert_eq!(values("on July 17th, 2020", "en"), vec!["date:07-17", "2020"]);
        assert_eq!(values("à 12 h 00 GMT", "fr"), vec!["time:1200"]);
        assert_eq!(values("dans les années 70", "fr"), vec!["70"]);
        assert_eq!(values("३ लाख लोग", "hi"), vec!["300000"]);
    }

    #[test]
    fn weak_numbers() {
        assert!(values("It is one of the best, the first time.", "en").is_empty());
        assert!(values("赤十字と一部の人", "ja").is_empty());
        assert_eq!(values("三名工人", "zh"), vec!["3"]);
    }

    #[test]
    fn chinese_decades_and_spaced_scales() {
        let zh = strong("在 20 世纪 30 年代撤出", "zh");
        assert_eq!(zh.len(), 1, "{zh:?}");
        assert!(strong("in the 1930s", "en")[0].matches(&zh[0]));
        assert!(!strong("in the 1830s", "en")[0].matches(&zh[0]));
        let eighties = strong("上世纪八十年代", "zh");
        assert!(strong("in the 1980s", "en")[0].matches(&eighties[0]));
        assert!(!strong("in the 1970s", "en")[0].matches(&eighties[0]));
        assert_eq!(values("人口超过 38 万，共 2.4 亿", "zh"), vec!["380000", "240000000"]);
        assert_eq!(values("30 年前", "zh"), vec!["30"]);
    }

    #[test]
    fn arabic_decades_written_through_their_century() {
        let thirties = strong("في ثلاثينيات القرن العشرين", "ar");
        assert_eq!(thirties.len(), 1, "{thirties:?}");
        assert!(strong("in the 1930s", "en")[0].matches(&thirties[0]));
        assert!(!strong("in the 1940s", "en")[0].matches(&thirties[0]));
        assert!(strong("in the 20th century", "en")[0].matches(&thirties[0]));
        let early = strong("في بداية القرن الواحد والعشرين", "ar");
        assert!(strong("in the early 2000s", "en")[0].matches(&early[0]));
        assert!(!strong("in the early 1900s", "en")[0].matches(&early[0]));
        // Twenty of anything else is only twenty.
        assert!(!strong("in 1900", "en")[0].matches(&strong("في العشرين", "ar")[0]));
    }

    #[test]
    fn rounding_follows_written_precision() {
        let q = |text: &str| extract(text, "en").remove(0).quantity.unwrap();
        assert!(q("48.5 million").matches(&q("48,523,000")));
        assert!(!q("2020").matches(&q("2021")));
        assert!(q("150 m").matches(&q("500 feet")));
        assert!(!q("491 miles").matches(&q("475 miles")));
        let de = |text: &str| extract(text, "de").remove(0).quantity.unwrap();
        assert!(!q("3,000").matches(&de("3.003")), "the decimal readings 3.0 and 3.003 differ");
        assert!(q("3,000").matches(&de("3.000")));
        assert!(q("1.25").matches(&de("1,25")));
    }

    #[test]
    fn a_translation_rounds_or_cuts_a_converted_figure() {
        let fr = |text: &str| extract(text, "fr").remove(0).quantity.unwrap();
        let en = |text: &str| extract(text, "en").remove(0).quantity.unwrap();
        assert!(en("within 200 miles of the city").matches(&fr("à 300 km de la ville")));
        assert!(!en("within 200 miles of the city").matches(&fr("à 301 km de la ville")));
        assert!(!en("within 250 miles of the city").matches(&fr("à 300 km de la ville")));
        assert!(!en("about 30 yards out").matches(&fr("à 30 mètres")), "27.4 m is not 30 m");
        assert!(en("a high of 80 degrees").matches(&fr("jusqu'à 26 degrés")));
        assert!(!en("a high of 80 degrees").matches(&fr("jusqu'à 25 degrés")));
        assert!(en("3 inches of rain").matches(&fr("7 cm de pluie")));
        assert!(!en("6 inches of rain").matches(&fr("10 cm de pluie")), "15.2 cm, neither rounded nor cut to 10");
    }
}
