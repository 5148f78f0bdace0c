//! Words and symbols written around a number: percent, currencies, units of
//! measure (converted to a base unit so `500 feet` compares with `150 m`).

use serde::Serialize;

use crate::extract::text::Token;

/// A unit of measure: its base unit and the factor to reach it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Unit {
    pub base: &'static str,
    pub factor: f64,
    /// °F needs an offset, not only a factor.
    pub fahrenheit: bool,
    /// `80 degrees`, `27 градусов`: a temperature whose scale is not
    /// written, read both as °C and as °F.
    pub either_scale: bool,
}

/// Metres in a foot and kilograms in a pound, which a height's inches and
/// a pound's two senses (see `Quantity::matches`) are told by.
pub const FOOT: f64 = 0.3048;
pub const POUND: f64 = 0.45359237;

const fn unit(base: &'static str, factor: f64) -> Unit {
    Unit { base, factor, fahrenheit: false, either_scale: false }
}

const LENGTH: &[(&str, Unit)] = &[
    ("m", unit("m", 1.0)), ("meter", unit("m", 1.0)), ("meters", unit("m", 1.0)), ("metre", unit("m", 1.0)),
    ("metres", unit("m", 1.0)), ("metri", unit("m", 1.0)), ("metro", unit("m", 1.0)), ("metros", unit("m", 1.0)),
    ("mètres", unit("m", 1.0)), ("mètre", unit("m", 1.0)), ("metrów", unit("m", 1.0)), ("metry", unit("m", 1.0)),
    ("metrů", unit("m", 1.0)), ("метров", unit("m", 1.0)), ("метра", unit("m", 1.0)), ("метр", unit("m", 1.0)),
    ("м", unit("m", 1.0)), ("मीटर", unit("m", 1.0)),
    ("km", unit("m", 1000.0)), ("kilometer", unit("m", 1000.0)), ("kilometers", unit("m", 1000.0)),
    ("kilometre", unit("m", 1000.0)), ("kilometres", unit("m", 1000.0)), ("chilometri", unit("m", 1000.0)),
    ("kilometern", unit("m", 1000.0)), ("kilomètres", unit("m", 1000.0)), ("kilómetros", unit("m", 1000.0)),
    ("quilômetros", unit("m", 1000.0)), ("quilómetros", unit("m", 1000.0)), ("kilometrów", unit("m", 1000.0)),
    ("kilometrů", unit("m", 1000.0)), ("км", unit("m", 1000.0)), ("километров", unit("m", 1000.0)),
    ("километра", unit("m", 1000.0)), ("किलोमीटर", unit("m", 1000.0)), ("公里", unit("m", 1000.0)),
    ("cm", unit("m", 0.01)), ("centimeter", unit("m", 0.01)), ("centimeters", unit("m", 0.01)), ("centimetre", unit("m", 0.01)),
    ("centimetres", unit("m", 0.01)), ("zentimeter", unit("m", 0.01)), ("zentimetern", unit("m", 0.01)),
    ("centimetri", unit("m", 0.01)), ("centímetros", unit("m", 0.01)), ("centimètres", unit("m", 0.01)),
    ("сантиметров", unit("m", 0.01)), ("сантиметра", unit("m", 0.01)), ("厘米", unit("m", 0.01)), ("公分", unit("m", 0.01)),
    ("mm", unit("m", 0.001)), ("см", unit("m", 0.01)), ("мм", unit("m", 0.001)),
    ("ft", unit("m", FOOT)), ("feet", unit("m", FOOT)), ("foot", unit("m", FOOT)), ("piedi", unit("m", FOOT)),
    ("fuß", unit("m", FOOT)), ("pieds", unit("m", FOOT)), ("pies", unit("m", FOOT)), ("футов", unit("m", FOOT)),
    ("mi", unit("m", 1609.344)), ("mile", unit("m", 1609.344)), ("miles", unit("m", 1609.344)),
    ("miglia", unit("m", 1609.344)), ("meilen", unit("m", 1609.344)), ("milles", unit("m", 1609.344)),
    ("millas", unit("m", 1609.344)), ("milhas", unit("m", 1609.344)), ("миль", unit("m", 1609.344)),
    ("मील", unit("m", 1609.344)), ("メートル", unit("m", 1.0)), ("センチ", unit("m", 0.01)), ("センチメートル", unit("m", 0.01)),
    ("キロメートル", unit("m", 1000.0)), ("マイル", unit("m", 1609.344)), ("ヤード", unit("m", 0.9144)), ("フィート", unit("m", FOOT)),
    ("米", unit("m", 1.0)), ("千米", unit("m", 1000.0)), ("英里", unit("m", 1609.344)), ("英尺", unit("m", FOOT)),
    ("inch", unit("m", 0.0254)), ("inches", unit("m", 0.0254)), ("yards", unit("m", 0.9144)), ("yard", unit("m", 0.9144)),
];

const MASS: &[(&str, Unit)] = &[
    ("kg", unit("kg", 1.0)), ("kilogram", unit("kg", 1.0)), ("kilograms", unit("kg", 1.0)), ("kilo", unit("kg", 1.0)),
    ("kilos", unit("kg", 1.0)), ("chili", unit("kg", 1.0)), ("kilogramm", unit("kg", 1.0)),
    ("kilogrammes", unit("kg", 1.0)), ("kilogramos", unit("kg", 1.0)), ("kilogramů", unit("kg", 1.0)),
    ("kilogramów", unit("kg", 1.0)), ("кг", unit("kg", 1.0)), ("килограммов", unit("kg", 1.0)), ("公斤", unit("kg", 1.0)),
    ("килограмм", unit("kg", 1.0)), ("килограмма", unit("kg", 1.0)),
    ("g", unit("kg", 0.001)), ("grams", unit("kg", 0.001)), ("grammi", unit("kg", 0.001)), ("gramm", unit("kg", 0.001)),
    // `pounds` after a number is money (see CURRENCY_WORDS); the singular
    // is a weight (`a 550 pound hog`, `a 650-pound pig`).
    ("lb", unit("kg", POUND)), ("lbs", unit("kg", POUND)), ("pound", unit("kg", POUND)), ("t", unit("kg", 1000.0)),
    ("tonnes", unit("kg", 1000.0)), ("tonne", unit("kg", 1000.0)), ("tons", unit("kg", 1000.0)), ("ton", unit("kg", 1000.0)),
    ("tonnellate", unit("kg", 1000.0)), ("tonnen", unit("kg", 1000.0)), ("toneladas", unit("kg", 1000.0)),
    ("тонн", unit("kg", 1000.0)), ("тонны", unit("kg", 1000.0)), ("tun", unit("kg", 1000.0)), ("ton", unit("kg", 1000.0)),
    ("トン", unit("kg", 1000.0)), ("キログラム", unit("kg", 1.0)), ("グラム", unit("kg", 0.001)), ("吨", unit("kg", 1000.0)),
    ("किलो", unit("kg", 1.0)), ("किलोग्राम", unit("kg", 1.0)), ("टन", unit("kg", 1000.0)),
    ("mph", unit("km/h", 1.609344)), ("kmh", unit("km/h", 1.0)),
];

const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("￥", "JPY"), ("₹", "INR"), ("₽", "RUB"), ("₴", "UAH"),
    ("₩", "KRW"), ("元", "CNY"), ("円", "JPY"),
];

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"), ("dollars", "USD"), ("dollari", "USD"), ("dólares", "USD"), ("dólar", "USD"),
    ("доллар", "USD"), ("долларов", "USD"), ("доллара", "USD"), ("доларів", "USD"), ("dolarów", "USD"),
    ("dolarů", "USD"), ("dolary", "USD"), ("usd", "USD"), ("डॉलर", "USD"), ("美元", "USD"), ("ドル", "USD"),
    ("euro", "EUR"), ("euros", "EUR"), ("евро", "EUR"), ("євро", "EUR"), ("eur", "EUR"), ("eura", "EUR"),
    ("eur", "EUR"), ("欧元", "EUR"), ("ユーロ", "EUR"), ("यूरो", "EUR"),
    ("pounds", "GBP"), ("sterling", "GBP"), ("sterline", "GBP"), ("gbp", "GBP"), ("英镑", "GBP"), ("ポンド", "GBP"),
    ("yen", "JPY"), ("jpy", "JPY"), ("日元", "JPY"), ("yuan", "CNY"), ("renminbi", "CNY"), ("cny", "CNY"),
    ("рублей", "RUB"), ("рубля", "RUB"), ("рубль", "RUB"), ("руб", "RUB"), ("rubles", "RUB"), ("roubles", "RUB"),
    ("rupees", "INR"), ("rupee", "INR"), ("रुपये", "INR"), ("रुपए", "INR"), ("रुपया", "INR"), ("inr", "INR"),
    ("złotych", "PLN"), ("zł", "PLN"), ("zloty", "PLN"), ("korun", "CZK"), ("kč", "CZK"), ("crowns", "CZK"),
    ("francs", "CHF"), ("دولار", "USD"), ("يورو", "EUR"), ("franken", "CHF"), ("chf", "CHF"), ("гривень", "UAH"), ("hryvnias", "UAH"),
];

/// Percent words, as one or two lowercase tokens.
const PERCENT: &[&[&str]] = &[
    &["%"], &["％"], &["percent"], &["per", "cent"], &["pct"], &["percento"], &["per", "cento"], &["prozent"],
    &["pour", "cent"], &["por", "ciento"], &["por", "cento"], &["procent"], &["procenta"], &["procentů"],
    &["procentu"], &["procentach"], &["проценты"], &["процентов"], &["процента"], &["процент"], &["відсотків"],
    &["відсотка"], &["प्रतिशत"], &["percentage", "points"], &["punti", "percentuali"], &["prozentpunkte"],
];

pub fn currency_symbol(text: &str) -> Option<&'static str> {
    CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == text).map(|(_, c)| *c)
}

pub fn currency_word(word: &str) -> Option<&'static str> {
    CURRENCY_WORDS.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)
}

pub fn measure(word: &str) -> Option<Unit> {
    LENGTH.iter().chain(MASS).find(|(w, _)| *w == word).map(|(_, u)| *u)
}

/// The unit an adjective made from a unit word starts with, as in Russian
/// `300-килограммовое` or `10-метровый` (the unit's genitive plural is the
/// adjective's stem).
pub fn measure_stem(word: &str) -> Option<Unit> {
    LENGTH.iter().chain(MASS).find(|(w, _)| w.chars().count() >= 5 && word.starts_with(w)).map(|(_, u)| *u)
}

/// Words after a length unit that make it a speed: `miles per hour`,
/// `километров в час`; the count of tokens they take.
pub fn per_hour(tokens: &[Token], i: usize) -> Option<usize> {
    const PER_HOUR: &[&[&str]] = &[
        &["/", "h"], &["/", "ч"], &["per", "hour"], &["an", "hour"], &["в", "час"], &["pro", "stunde"],
        &["por", "hora"], &["per", "ora"], &["orari"], &["à", "l'heure"], &["za", "hodinu"], &["na", "godzinę"],
        &["प्रति", "घंटा"], &["प्रति", "घंटे"],
    ];
    phrase_at(PER_HOUR, tokens, i)
}

/// Tokens a percent sign or word takes at `i`, if any.
pub fn percent(tokens: &[Token], i: usize) -> Option<usize> {
    phrase_at(PERCENT, tokens, i)
}

/// Tokens the first of `phrases` (lowercase words) found at `i` takes.
fn phrase_at(phrases: &[&[&str]], tokens: &[Token], i: usize) -> Option<usize> {
    phrases
        .iter()
        .find(|words| words.iter().enumerate().all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.norm == *w)))
        .map(|words| words.len())
}

/// `°C`, `° F`, `degrees Celsius` at `i`: the unit and tokens taken.
pub fn temperature(tokens: &[Token], i: usize) -> Option<(Unit, usize)> {
    let first = tokens.get(i)?;
    let scale_at = match first.norm.as_str() {
        "°" | "º" => i + 1,
        "degrees" | "gradi" | "grad" | "degrés" | "grados" | "градусов" | "градуса" | "stopni" | "stupňů" => i + 1,
        "℃" | "ºc" | "°c" => return Some((unit("c", 1.0), 1)),
        "ºf" | "°f" | "℉" => return Some((Unit { fahrenheit: true, ..unit("c", 1.0) }, 1)),
        _ => return None,
    };
    let scale = tokens.get(scale_at).map_or("", |t| t.norm.as_str());
    let fahrenheit = match scale {
        "c" | "celsius" | "с" | "цельсия" => false,
        "f" | "fahrenheit" => true,
        // A US report gives °F as bare degrees, its translation °C.
        _ if scale_at == i + 1 && first.norm != "°" && first.norm != "º" => return Some((Unit { either_scale: true, ..unit("c", 1.0) }, 1)),
        _ => return None,
    };
    Some((Unit { fahrenheit, ..unit("c", 1.0) }, scale_at + 1 - i))
}

impl Unit {
    pub fn convert(&self, value: f64) -> f64 {
        if self.fahrenheit {
            (value - 32.0) * 5.0 / 9.0
        } else {
            value * self.factor
        }
    }
}
