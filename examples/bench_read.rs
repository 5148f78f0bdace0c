//! Reading cost of large markup inputs, as a share of the whole check.
//!
//! Generates a 5 MB HTML page and a 20,000-unit XLIFF file, reads each
//! (reporting peak resident memory from /proc/self/status), then checks a
//! sample with the real model and extrapolates the full check time from it
//! (checking 20,000 units takes long on a laptop). Run:
//! `cargo run --release --example bench_read`.

use std::time::{Duration, Instant};

use transcheck::document::{Bilingual, ReadOptions};
use transcheck::{Checker, Config, Document, Languages};

const SAMPLE_UNITS: usize = 100;

fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let html_path = dir.path().join("page.html");
    let xliff_path = dir.path().join("units.xlf");
    std::fs::write(&html_path, html_page(5 * 1024 * 1024))?;
    std::fs::write(&xliff_path, xliff(20_000))?;
    println!("peak RSS before reading: {} MiB", peak_rss_mib());

    let started = Instant::now();
    let page = Document::read(&html_path.to_string_lossy())?;
    let html_read = started.elapsed();
    let html_sentences = transcheck::segment::segment(&page.text, "en").len();
    println!("HTML: {} MiB file, {} KiB prose, {html_sentences} sentences, read in {:.0} ms; peak RSS {} MiB",
        page.original().len() / (1024 * 1024), page.text.len() / 1024, ms(html_read), peak_rss_mib());
    drop(page);

    let started = Instant::now();
    let units = Bilingual::read(&xliff_path.to_string_lossy(), &ReadOptions::default())?;
    let xliff_read = started.elapsed();
    println!("XLIFF: {} units, {} MiB file, read in {:.0} ms; peak RSS {} MiB",
        units.units.len(), units.source.original().len() / (1024 * 1024), ms(xliff_read), peak_rss_mib());
    drop(units);

    let model = transcheck::embed::store::default_dir().ok_or_else(|| anyhow::anyhow!("no user cache folder"))?;
    let checker = Checker::new(transcheck::embed::load(&model)?, Config::default());
    // Sample: SAMPLE_UNITS units; both inputs are one or two sentences per unit.
    let sample_path = dir.path().join("sample.xlf");
    std::fs::write(&sample_path, xliff(SAMPLE_UNITS))?;
    let sample = Bilingual::read(&sample_path.to_string_lossy(), &ReadOptions::default())?;
    let started = Instant::now();
    checker.check_units(&sample, &Languages::default())?;
    let per_unit = started.elapsed() / SAMPLE_UNITS as u32;
    let sample_sentences = transcheck::segment::segment(&sample.source.text, "en").len();
    let per_sentence = started.elapsed() / sample_sentences as u32;
    println!("check of a {SAMPLE_UNITS}-unit sample ({sample_sentences} source sentences): {:.0} ms; peak RSS {} MiB",
        ms(per_unit * SAMPLE_UNITS as u32), peak_rss_mib());

    // Extrapolated: an HTML page is checked against a translation of the same size.
    let html_check = per_sentence * html_sentences as u32;
    let xliff_check = per_unit * 20_000;
    share("HTML 5 MB", html_read, html_check);
    share("XLIFF 20,000 units", xliff_read, xliff_check);
    Ok(())
}

fn share(name: &str, read: Duration, check: Duration) {
    let percent = 100.0 * read.as_secs_f64() / (read + check).as_secs_f64();
    println!("{name}: reading is {percent:.3}% of the check (read {:.0} ms, check extrapolated from the sample: {:.0} s)",
        ms(read), check.as_secs_f64());
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// VmHWM: the process's peak resident set.
fn peak_rss_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: u64 = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.split_whitespace().next()?.parse().ok()).unwrap_or(0);
    kib / 1024
}

const SENTENCES: [&str; 4] = [
    "The port authority said on Tuesday that 1,250 containers were inspected in July.",
    "Director Marta Kowalczyk told reporters: &quot;We found no evidence of smuggling.&quot;",
    "The inspections cost 48.5 million euros, according to the city council.",
    "Deputy mayor Luca Benedetti said the new crane would be ready by 2027.",
];

/// A news page heavy with markup, as CMS templates make them.
fn html_page(size: usize) -> String {
    let mut page = String::from("<!DOCTYPE html><html><head><title>Port</title><style>p{margin:0}</style></head><body><main>\n");
    let mut i = 0;
    while page.len() < size {
        page.push_str(&format!(
            "<nav class=\"related\"><a href=\"/story/{i}\">Related story {i}</a></nav>\
             <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"position\":{i}}}</script>\n\
             <div class=\"paragraph-wrapper\" data-id=\"{i}\"><p class=\"article-body__text\">{} <em>{}</em></p></div>\n",
            SENTENCES[i % 4], SENTENCES[(i + 1) % 4]));
        i += 1;
    }
    page.push_str("</main></body></html>\n");
    page
}

fn xliff(units: usize) -> String {
    let mut file = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file source-language=\"en\" target-language=\"it\" datatype=\"html\" original=\"x\"><body>\n");
    for i in 0..units {
        let source = SENTENCES[i % 4].replace("Marta Kowalczyk", "<g id=\"1\">Marta Kowalczyk</g>");
        let target = source.replace("The port authority said", "L'autorità portuale ha detto").replace("according to the city council", "secondo il consiglio comunale");
        file.push_str(&format!("<trans-unit id=\"u{i}\"><source>{source}</source><target>{target} <x id=\"2\"/></target></trans-unit>\n"));
    }
    file.push_str("</body></file></xliff>\n");
    file
}
