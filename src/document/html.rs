//! HTML: the article's text. Inside `<article>` or `<main>` when the page has
//! one; scripts, styles, navigation, headers, footers, asides, forms and all
//! markup are skipped; entities are decoded and map to their source range.

use html5gum::{DefaultEmitter, Error as HtmlError, Token, Tokenizer};

use super::{Original, ProseBuilder, Span};
use crate::error::{Error, Result};

/// Elements whose content is never article prose.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "svg", "math", "iframe", "object", "canvas", "code", "pre", "figure-code",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "tr", "blockquote",
    "article", "main", "section", "figcaption", "caption", "table", "ul", "ol", "dl", "hr", "address",
];

const SCOPES: &[&str] = &["article", "main"];

pub fn read(shown: &str, original: &Original) -> Result<ProseBuilder> {
    let source = original.text.as_str();
    let scoped = has_scope(source);
    let mut prose = ProseBuilder::default();
    let (mut skipped, mut scope) = (0usize, 0usize);
    for token in tokens(source) {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if SKIPPED.contains(&name.as_str()) && !tag.self_closing {
                    skipped += 1;
                }
                scope += usize::from(SCOPES.contains(&name.as_str()));
                if BLOCKS.contains(&name.as_str()) {
                    prose.paragraph_break();
                } else if name == "br" && skipped == 0 {
                    prose.decoded(" ", Span::new(tag.span.start, tag.span.end));
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if SKIPPED.contains(&name.as_str()) {
                    skipped = skipped.saturating_sub(1);
                }
                if SCOPES.contains(&name.as_str()) {
                    scope = scope.saturating_sub(1);
                }
                if BLOCKS.contains(&name.as_str()) {
                    prose.paragraph_break();
                }
            }
            Token::String(text) if skipped == 0 && (!scoped || scope > 0) => {
                push_text(&mut prose, source, Span::new(text.span.start, text.span.end));
            }
            Token::Error(error) if is_fatal(&error.value) => {
                let (line, column) = original.line_column(error.span.start);
                return Err(Error::input(shown, format!("malformed HTML at line {line}, column {column}: {}", error.value)));
            }
            _ => {}
        }
    }
    Ok(prose)
}

fn tokens(source: &str) -> impl Iterator<Item = Token<usize>> + '_ {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script and style content is raw text, not markup.
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(source, emitter).flatten()
}

fn has_scope(source: &str) -> bool {
    tokens(source).any(|token| match token {
        Token::StartTag(tag) => SCOPES.iter().any(|s| tag.name.eq_ignore_ascii_case(s.as_bytes())),
        _ => false,
    })
}

/// A truncated file; other parse errors are recovered as browsers do.
fn is_fatal(error: &HtmlError) -> bool {
    matches!(error, HtmlError::EofInTag | HtmlError::EofInComment | HtmlError::EofBeforeTagName | HtmlError::EofInDoctype)
}

/// Text between tags, with entities decoded one by one so that each maps to
/// its own source range.
fn push_text(prose: &mut ProseBuilder, source: &str, span: Span) {
    let Some(raw) = source.get(span.start..span.end) else { return };
    let mut rest = 0;
    while let Some(found) = raw[rest..].find('&') {
        let at = rest + found;
        let end = at + entity_len(&raw[at..]);
        let decoded = decode_entity(&raw[at..end]);
        if decoded != raw[at..end] {
            prose.flowing(&raw[rest..at], span.start + rest);
            prose.decoded(&decoded, Span::new(span.start + at, span.start + end));
        } else {
            // Not an entity (a bare '&'): it stays with the text around it.
            prose.flowing(&raw[rest..end], span.start + rest);
        }
        rest = end;
    }
    prose.flowing(&raw[rest..], span.start + rest);
}

/// Bytes of `&name;`, `&#123;` or `&#x1F;` at the start of `text`.
fn entity_len(text: &str) -> usize {
    let body = &text[1..];
    let numeric = body.starts_with('#');
    let name_len = body
        .char_indices()
        .skip(usize::from(numeric))
        .find(|&(i, c)| !(c.is_ascii_alphanumeric() || (numeric && i == 1 && (c == 'x' || c == 'X'))))
        .map_or(body.len(), |(i, _)| i);
    let with_semicolon = usize::from(body[name_len..].starts_with(';'));
    1 + name_len + with_semicolon
}

/// What a browser reads for one entity, from html5gum's own tables.
fn decode_entity(entity: &str) -> String {
    Tokenizer::new(entity)
        .flatten()
        .filter_map(|token| match token {
            Token::String(text) => Some(String::from_utf8_lossy(&text.value).into_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use std::sync::Arc;

    fn document(source: &str) -> Document {
        let original = Arc::new(Original::new(source.into()));
        let prose = read("x.html", &original).unwrap();
        Document::from_prose("x.html", original, prose).unwrap()
    }

    #[test]
    fn reads_the_article_and_decodes_entities() {
        let source = "<html><head><title>T</title><script>var a = '<p>no</p>';</script></head><body>\
            <nav>Menu</nav><article><h1>Caf&eacute; news</h1><p>Tom &amp; <b>Jerry</b>\n  said <q>hi</q>.</p>\
            </article><footer>(c) 2024</footer></body></html>";
        let doc = document(source);
        assert_eq!(doc.text, "Café news\n\nTom & Jerry said hi.");
        let cafe = doc.original_text(Span::new(0, "Café".len()));
        assert_eq!(cafe, "Caf&eacute;");
        let start = doc.text.find("Tom").unwrap();
        assert_eq!(doc.original_text(Span::new(start, doc.text.len())), "Tom &amp; <b>Jerry</b>\n  said <q>hi</q>.");
    }

    #[test]
    fn truncated_html_is_an_error_with_a_line() {
        let original = Original::new("<p>One</p>\n<p>Two</p>\n<a href=\"x".into());
        let error = read("x.html", &original).unwrap_err().to_string();
        assert!(error.contains("x.html") && error.contains("line 3"), "{error}");
    }
}
