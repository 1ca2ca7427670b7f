//! Quotes and speaker attribution.

use crate::doc::{Entity, Lang, Mention, Paragraph, Quote};

/// Finds quotes and their speakers. Built once per pipeline, shared across threads.
#[derive(Debug, Clone, Default)]
pub struct QuoteExtractor {}

impl QuoteExtractor {
    /// Compiles the cue patterns.
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {}
    }

    /// Every quote in the article's paragraphs, in text order.
    pub fn find(
        &self,
        text: &str,
        paragraphs: &[Paragraph],
        lang: Lang,
        mentions: &[Mention],
        entities: &[Entity],
    ) -> Vec<Quote> {
        let _ = (text, paragraphs, lang, mentions, entities);
        Vec::new()
    }
}
