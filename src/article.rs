//! Article structure: title, dateline, paragraphs, subheadings, credits.

use crate::calendar::Date;
use crate::doc::{Credits, Lang, Paragraph, ParagraphKind, Span};

/// How to read a text's structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// A news article: headline, dateline, subheadings and credit line are detected.
    #[default]
    Article,
    /// Everything is body text: for sentences, transcripts and social posts.
    Plain,
}

/// The structure of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structure {
    /// The headline.
    pub title: Option<Span>,
    /// Every paragraph, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Subheadings, in text order.
    pub subheadings: Vec<Span>,
    /// The credit line.
    pub credits: Option<Credits>,
    /// The date the dateline gives, if any.
    pub dateline_date: Option<Date>,
}

/// Splits `text` into paragraphs and finds its structure.
pub fn structure(text: &str, layout: Layout, lang: Lang) -> Structure {
    let _ = (layout, lang);
    let paragraphs = lines(text)
        .map(|span| Paragraph {
            span,
            kind: ParagraphKind::Body,
        })
        .collect();
    Structure {
        paragraphs,
        ..Structure::default()
    }
}

/// Non-empty lines of `text`, trimmed of surrounding whitespace.
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut offset = 0;
    text.split_inclusive(['\n', '\r']).filter_map(move |line| {
        let start = offset;
        offset += line.len();
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        (!trimmed.is_empty())
            .then(|| Span::new(start + trimmed_start, start + trimmed_start + trimmed.len()))
    })
}
