//! Markdown: the prose of headings, paragraphs, list items, block quotes and
//! table cells; code, link targets, images, raw HTML and front matter are skipped.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{ProseBuilder, Span};

pub fn read(source: &str) -> ProseBuilder {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut prose = ProseBuilder::default();
    // Depth inside elements whose text is not prose.
    let mut skipped = 0usize;
    // Per open link: whether it is an autolink (its text is the URL).
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { link_type, .. }) => {
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                skipped += usize::from(autolink);
                links.push(autolink);
            }
            Event::End(TagEnd::Link) => skipped -= usize::from(links.pop().unwrap_or(false) && skipped > 0),
            Event::Start(tag) if is_skipped(&tag) => skipped += 1,
            Event::End(end) if is_skipped_end(&end) => {
                skipped = skipped.saturating_sub(1);
                prose.paragraph_break();
            }
            Event::End(end) if is_block_end(&end) => prose.paragraph_break(),
            Event::Text(text) if skipped == 0 => push_text(&mut prose, source, &text, range.start, range.end),
            Event::SoftBreak | Event::HardBreak if skipped == 0 => prose.decoded(" ", Span::new(range.start, range.end)),
            _ => {}
        }
    }
    prose
}

/// Verbatim when the event's text is its source; else (an escape, an
/// entity) the decoded text maps to its whole source range.
fn push_text(prose: &mut ProseBuilder, source: &str, text: &str, start: usize, end: usize) {
    match source.get(start..end) {
        Some(raw) if raw == text => prose.flowing(raw, start),
        _ => prose.decoded(text, Span::new(start, end)),
    }
}

fn is_skipped(tag: &Tag) -> bool {
    matches!(tag, Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::HtmlBlock)
}

fn is_skipped_end(end: &TagEnd) -> bool {
    matches!(end, TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock)
}

fn is_block_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::TableCell | TagEnd::FootnoteDefinition
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Original};
    use std::sync::Arc;

    fn prose(source: &str) -> Document {
        Document::from_prose("x.md", Arc::new(Original::new(source.into())), read(source)).unwrap()
    }

    #[test]
    fn keeps_prose_and_skips_code() {
        let source = "# Title\n\nA **bold**\nclaim, see <https://x.org> and `code`.\n\n```\nlet x = 1;\n```\n\n- item one\n- item &amp; two\n";
        let doc = prose(source);
        assert_eq!(doc.text, "Title\n\nA bold claim, see  and .\n\nitem one\n\nitem & two");
        let bold = doc.text.find("bold claim").unwrap();
        let span = doc.original_span(Span::new(bold, bold + "bold claim".len()));
        assert_eq!(&source[span.start..span.end], "bold**\nclaim");
        let at = doc.text.find("& two").unwrap();
        assert_eq!(doc.original_text(Span::new(at, at + 1)), "&amp;");
    }
}
