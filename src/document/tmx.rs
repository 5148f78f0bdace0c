//! TMX: each `tu` holds one `tuv` per language with its `seg`; the source is
//! the `tuv` in the header's `srclang`, the target the first other one.

use quick_xml::events::Event;

use super::bilingual::{BilingualBuilder, Segment};
use super::xml::{attribute, end_name, local_name, InlineText, XmlReader};
use super::Original;
use crate::error::Result;

pub fn read(shown: &str, original: &Original, builder: &mut BilingualBuilder) -> Result<()> {
    let mut reader = XmlReader::new(shown, original);
    let mut source_lang: Option<String> = None;
    let mut unit: Option<(String, Vec<(String, Segment)>)> = None;
    let mut language = String::new();
    let mut seg: Option<InlineText> = None;
    let mut count = 0;
    while let Some(positioned) = reader.next()? {
        if let Some(text) = seg.as_mut() {
            match &positioned.event {
                Event::End(tag) if end_name(tag) == "seg" => {
                    if let (Some(text), Some((_, variants))) = (seg.take(), unit.as_mut()) {
                        variants.push((language.clone(), text.segment));
                    }
                }
                _ => {
                    text.take(&reader, &positioned);
                }
            }
            continue;
        }
        match &positioned.event {
            Event::Start(tag) | Event::Empty(tag) => match local_name(tag).as_str() {
                "header" => source_lang = attribute(tag, "srclang").filter(|l| l != "*all*"),
                "tu" => {
                    count += 1;
                    unit = Some((attribute(tag, "tuid").unwrap_or_else(|| count.to_string()), Vec::new()));
                }
                "tuv" => language = attribute(tag, "xml:lang").or_else(|| attribute(tag, "lang")).unwrap_or_default(),
                "seg" if matches!(positioned.event, Event::Start(_)) => seg = Some(InlineText::default()),
                _ => {}
            },
            Event::End(tag) if end_name(tag) == "tu" => {
                if let Some((id, variants)) = unit.take() {
                    pair(id, variants, source_lang.as_deref(), builder);
                }
            }
            _ => {}
        }
    }
    builder.source_lang = source_lang;
    Ok(())
}

fn pair(id: String, mut variants: Vec<(String, Segment)>, source_lang: Option<&str>, builder: &mut BilingualBuilder) {
    let same = |lang: &str| source_lang.is_some_and(|s| primary(s) == primary(lang));
    let source_index = variants.iter().position(|(lang, _)| same(lang)).unwrap_or(0);
    if variants.len() < 2 {
        return;
    }
    let (source_language, source) = variants.remove(source_index);
    let Some((target_language, target)) = variants.into_iter().find(|(lang, _)| primary(lang) != primary(&source_language)) else { return };
    if builder.target_lang.is_none() {
        builder.target_lang = Some(target_language);
    }
    builder.unit(id, source, target);
}

fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}
