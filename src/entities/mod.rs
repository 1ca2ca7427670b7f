//! PER/ORG/LOC mentions, entity clusters with roles and aliases, and acronyms.

use crate::doc::{Acronym, Entity, Label, Lang, Mention, Paragraph};
use crate::error::Result;

/// One entry of a user's gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerEntry {
    /// The surface form to match.
    pub name: String,
    /// Its type.
    pub label: Label,
    /// The canonical name entities matching it take.
    pub canonical: Option<String>,
    /// The user's identifier for it.
    pub id: Option<String>,
}

/// What entity extraction finds in one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Entities; `mentions[i].entity` indexes here.
    pub entities: Vec<Entity>,
    /// Acronym expansions.
    pub acronyms: Vec<Acronym>,
}

/// Finds entities. Built once per pipeline (models, automata), shared across threads.
#[derive(Debug, Clone, Default)]
pub struct EntityExtractor {}

impl EntityExtractor {
    /// Builds the extractor with the user's gazetteer, which takes precedence over built-in knowledge.
    pub fn new(gazetteer: &[GazetteerEntry]) -> Result<EntityExtractor> {
        let _ = gazetteer;
        Ok(EntityExtractor {})
    }

    /// Mentions, entities and acronyms in the article's title, body and subheading paragraphs.
    pub fn extract(&self, text: &str, paragraphs: &[Paragraph], lang: Lang) -> Extraction {
        let _ = (text, paragraphs, lang);
        Extraction::default()
    }
}
