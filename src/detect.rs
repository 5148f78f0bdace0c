//! Language detection (whatlang) and ISO 639 code handling.
//!
//! Languages travel through the pipeline as ISO 639-1 codes where one exists
//! (`en`, `it`, `zh`), else the ISO 639-3 code.

use serde::Serialize;
use whatlang::{Detector, Lang};

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detection {
    pub language: String,
    /// 0..1; 1.0 when the user gave the language.
    pub confidence: f64,
}

/// ISO 639-1 ↔ 639-3 pairs; the 639-3 side also covers whatlang's codes
/// (`cmn` for Chinese, `pes` for Persian, `nob` for Norwegian).
const CODES: &[(&str, &str)] = &[
    ("af", "afr"), ("ak", "aka"), ("am", "amh"), ("ar", "ara"), ("az", "aze"), ("be", "bel"),
    ("bg", "bul"), ("bn", "ben"), ("bs", "bos"), ("ca", "cat"), ("cs", "ces"), ("cy", "cym"),
    ("da", "dan"), ("de", "deu"), ("el", "ell"), ("en", "eng"), ("eo", "epo"), ("es", "spa"),
    ("et", "est"), ("eu", "eus"), ("fa", "pes"), ("fa", "fas"), ("fi", "fin"), ("fr", "fra"),
    ("ga", "gle"), ("gl", "glg"), ("gu", "guj"), ("he", "heb"), ("hi", "hin"), ("hr", "hrv"),
    ("hu", "hun"), ("hy", "hye"), ("id", "ind"), ("is", "isl"), ("it", "ita"), ("ja", "jpn"),
    ("jv", "jav"), ("ka", "kat"), ("kk", "kaz"), ("km", "khm"), ("kn", "kan"), ("ko", "kor"),
    ("la", "lat"), ("lt", "lit"), ("lv", "lav"), ("mk", "mkd"), ("ml", "mal"), ("mr", "mar"),
    ("ms", "msa"), ("mt", "mlt"), ("my", "mya"), ("nb", "nob"), ("ne", "nep"), ("nl", "nld"),
    ("no", "nor"), ("or", "ori"), ("pa", "pan"), ("pl", "pol"), ("pt", "por"), ("ro", "ron"),
    ("ru", "rus"), ("si", "sin"), ("sk", "slk"), ("sl", "slv"), ("sn", "sna"), ("sq", "sqi"),
    ("sr", "srp"), ("sv", "swe"), ("sw", "swa"), ("ta", "tam"), ("te", "tel"), ("th", "tha"),
    ("tk", "tuk"), ("tl", "tgl"), ("tr", "tur"), ("uk", "ukr"), ("ur", "urd"), ("uz", "uzb"),
    ("vi", "vie"), ("yi", "yid"), ("zh", "cmn"), ("zh", "zho"), ("zu", "zul"),
];

/// Normalises a user-given code (`EN`, `eng`, `zh-CN`, `pt_BR`) to the
/// project's form, or fails with a message that says what is accepted.
pub fn normalize_code(code: &str) -> Result<String> {
    let lower = code.trim().to_ascii_lowercase();
    let base = lower.split(['-', '_']).next().unwrap_or("");
    if let Some((two, _)) = CODES.iter().find(|(two, three)| *two == base || *three == base) {
        return Ok(two.to_string());
    }
    if base.len() == 3 && base.bytes().all(|b| b.is_ascii_lowercase()) {
        return Ok(base.to_string());
    }
    Err(Error::UnknownLanguage(code.to_string()))
}

fn from_whatlang(lang: Lang) -> String {
    let three = lang.code();
    CODES
        .iter()
        .find(|(_, t)| *t == three)
        .map_or_else(|| three.to_string(), |(two, _)| two.to_string())
}

/// Detects the language of a whole document or a sentence.
pub fn detect(text: &str) -> Option<Detection> {
    let info = Detector::new().detect(text)?;
    Some(Detection { language: from_whatlang(info.lang()), confidence: info.confidence() })
}

/// The detected language, or the user's choice when given.
pub fn resolve(text: &str, given: Option<&str>) -> Result<Detection> {
    match given {
        Some(code) => Ok(Detection { language: normalize_code(code)?, confidence: 1.0 }),
        None => Ok(detect(text).unwrap_or(Detection { language: "und".into(), confidence: 0.0 })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_codes() {
        assert_eq!(normalize_code("EN").unwrap(), "en");
        assert_eq!(normalize_code("ita").unwrap(), "it");
        assert_eq!(normalize_code("zh-CN").unwrap(), "zh");
        assert_eq!(normalize_code("is").unwrap(), "is");
        assert!(normalize_code("klingon").is_err());
        assert!(normalize_code("x1").is_err());
    }

    #[test]
    fn detects_common_languages() {
        let it = detect("Il sindaco ha promesso un nuovo ponte entro il 2027, al costo di 48 milioni di euro.");
        assert_eq!(it.unwrap().language, "it");
        let ru = detect("Мэр пообещал построить новый мост к 2027 году.").unwrap();
        assert_eq!(ru.language, "ru");
        let zh = detect("市长承诺在2027年之前建成一座新桥。").unwrap();
        assert_eq!(zh.language, "zh");
    }
}
