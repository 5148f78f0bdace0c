//! XLIFF 1.2 (`trans-unit` with `source`/`target`, or `seg-source` and
//! `target` split by `<mrk mtype="seg">`) and XLIFF 2.x (`unit`/`segment`).

use quick_xml::events::Event;

use super::bilingual::{BilingualBuilder, Segment};
use super::xml::{attribute, end_name, local_name, InlineText, XmlReader};
use super::Original;
use crate::error::Result;

/// The unit being read.
#[derive(Default)]
struct Unit {
    id: String,
    /// (segment key, text) per side, in order.
    source: Vec<(String, Segment)>,
    target: Vec<(String, Segment)>,
    /// 1.2: the unit has `seg-source`, so its target is split by `mrk`.
    segmented: bool,
    /// 2.x: the id of the segment being read.
    segment: Option<String>,
    /// Inside `alt-trans` (1.2) or `ignorable` (2.x): not the unit's text.
    ignoring: usize,
}

/// The element whose text is being collected.
struct Collecting {
    target: bool,
    /// Split by `<mrk mtype="seg">`: text outside those is not a segment.
    by_mrk: bool,
    key: Option<String>,
    text: InlineText,
    /// Depth of `mrk` inside the current seg `mrk`.
    mrk_depth: usize,
}

pub fn read(shown: &str, original: &Original, builder: &mut BilingualBuilder) -> Result<()> {
    let mut reader = XmlReader::new(shown, original);
    let mut unit: Option<Unit> = None;
    let mut collecting: Option<Collecting> = None;
    let mut count = 0;
    while let Some(positioned) = reader.next()? {
        if let Some(current) = collecting.as_mut() {
            match &positioned.event {
                Event::End(tag) if matches!(end_name(tag).as_str(), "source" | "target" | "seg-source") => {
                    let done = collecting.take();
                    if let (Some(done), Some(unit)) = (done, unit.as_mut()) {
                        finish_collecting(done, unit);
                    }
                }
                _ => collect(current, &reader, &positioned, unit.as_mut()),
            }
            continue;
        }
        match &positioned.event {
            Event::Start(tag) | Event::Empty(tag) => {
                let name = local_name(tag);
                match name.as_str() {
                    "xliff" => {
                        builder.source_lang = attribute(tag, "srcLang").or(builder.source_lang.take());
                        builder.target_lang = attribute(tag, "trgLang").or(builder.target_lang.take());
                    }
                    "file" => {
                        builder.source_lang = builder.source_lang.take().or(attribute(tag, "source-language"));
                        builder.target_lang = builder.target_lang.take().or(attribute(tag, "target-language"));
                    }
                    "trans-unit" | "unit" => {
                        count += 1;
                        let id = attribute(tag, "id").unwrap_or_else(|| count.to_string());
                        unit = Some(Unit { id, ..Default::default() });
                    }
                    "segment" => {
                        if let Some(unit) = unit.as_mut() {
                            unit.segment = Some(attribute(tag, "id").unwrap_or_else(|| (unit.source.len() + 1).to_string()));
                        }
                    }
                    "alt-trans" | "ignorable" if matches!(positioned.event, Event::Start(_)) => {
                        if let Some(unit) = unit.as_mut() {
                            unit.ignoring += 1;
                        }
                    }
                    "source" | "target" | "seg-source" if matches!(positioned.event, Event::Start(_)) => {
                        if let Some(unit) = unit.as_mut().filter(|u| u.ignoring == 0) {
                            collecting = Some(start_collecting(&name, unit));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(tag) if matches!(end_name(tag).as_str(), "alt-trans" | "ignorable") => {
                if let Some(unit) = unit.as_mut() {
                    unit.ignoring = unit.ignoring.saturating_sub(1);
                }
            }
            Event::End(tag) if matches!(end_name(tag).as_str(), "trans-unit" | "unit") => {
                if let Some(unit) = unit.take() {
                    pair(unit, builder);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn start_collecting(name: &str, unit: &mut Unit) -> Collecting {
    let target = name == "target";
    if name == "seg-source" {
        unit.segmented = true;
        unit.source.clear();
    }
    let by_mrk = name == "seg-source" || (target && unit.segmented);
    let key = if by_mrk { None } else { Some(unit.segment.clone().unwrap_or_default()) };
    Collecting { target, by_mrk, key, text: InlineText::default(), mrk_depth: 0 }
}

fn collect(current: &mut Collecting, reader: &XmlReader, positioned: &super::xml::Positioned, unit: Option<&mut Unit>) {
    if current.by_mrk {
        match &positioned.event {
            Event::Start(tag) if local_name(tag) == "mrk" && current.key.is_none() => {
                if attribute(tag, "mtype").as_deref() == Some("seg") {
                    current.key = Some(attribute(tag, "mid").unwrap_or_default());
                }
                return;
            }
            Event::Start(tag) if local_name(tag) == "mrk" => current.mrk_depth += 1,
            Event::End(tag) if end_name(tag) == "mrk" && current.key.is_some() => {
                if current.mrk_depth > 0 {
                    current.mrk_depth -= 1;
                } else if let Some(unit) = unit {
                    let key = current.key.take().unwrap_or_default();
                    let segment = std::mem::take(&mut current.text).segment;
                    side(unit, current.target).push((key, segment));
                }
                return;
            }
            _ => {}
        }
        if current.key.is_none() {
            return;
        }
    }
    current.text.take(reader, positioned);
}

fn finish_collecting(done: Collecting, unit: &mut Unit) {
    if let (false, Some(key)) = (done.by_mrk, done.key) {
        side(unit, done.target).push((key, done.text.segment));
    }
}

fn side(unit: &mut Unit, target: bool) -> &mut Vec<(String, Segment)> {
    if target { &mut unit.target } else { &mut unit.source }
}

/// Source and target segments pair by key, else by position.
fn pair(unit: Unit, builder: &mut BilingualBuilder) {
    let several = unit.source.len() > 1;
    for (index, (key, source)) in unit.source.into_iter().enumerate() {
        let target = unit.target.iter().find(|(k, _)| *k == key && !key.is_empty()).or_else(|| unit.target.get(index));
        let Some((_, target)) = target else { continue };
        let id = if several { format!("{}#{}", unit.id, if key.is_empty() { (index + 1).to_string() } else { key }) } else { unit.id.clone() };
        builder.unit(id, source, target.clone());
    }
}
