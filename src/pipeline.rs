//! The configured pipeline: every extractor built once, then shared by all threads.

use crate::article::{self, Layout};
use crate::calendar::Date;
use crate::dates::DateExtractor;
use crate::doc::{Article, Lang};
use crate::entities::{EntityExtractor, GazetteerEntry};
use crate::error::Result;
use crate::lang;
use crate::quotes::QuoteExtractor;

/// One article to parse, with what the caller knows about it.
#[derive(Clone, Debug, Default)]
pub struct Input<'a> {
    /// The article text.
    pub text: &'a str,
    /// Publication date, when known; otherwise taken from the dateline.
    pub published: Option<Date>,
    /// Language, when known; otherwise detected.
    pub lang: Option<Lang>,
    /// How to read the text's structure.
    pub layout: Layout,
}

impl<'a> Input<'a> {
    /// An input with only text: everything else is detected.
    pub fn new(text: &'a str) -> Input<'a> {
        Input {
            text,
            ..Input::default()
        }
    }
}

/// Options for building a [`Pipeline`].
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The newsroom's own names; they take precedence over built-in knowledge.
    pub gazetteer: Vec<GazetteerEntry>,
    /// An entity model trained with `warta.train` (its file's bytes), used for every
    /// language instead of the built-in models.
    pub ner_model: Option<Vec<u8>>,
}

/// A configured, immutable pipeline. Cheap to share across threads (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Pipeline {
    entities: EntityExtractor,
    dates: DateExtractor,
    quotes: QuoteExtractor,
}

impl Pipeline {
    /// Builds every extractor once.
    pub fn new(config: &Config) -> Result<Pipeline> {
        Ok(Pipeline {
            entities: match &config.ner_model {
                Some(bytes) => EntityExtractor::from_model_bytes(bytes, &config.gazetteer)?,
                None => EntityExtractor::new(&config.gazetteer)?,
            },
            dates: DateExtractor::new(),
            quotes: QuoteExtractor::new(),
        })
    }

    /// Parses one article. Never panics on any input text.
    pub fn parse(&self, input: &Input<'_>) -> Article {
        let text = input.text;
        let lang = input.lang.unwrap_or_else(|| lang::detect(text));
        let structure = article::structure(text, input.layout, lang);
        let published = input.published.or(structure.dateline_date);
        let extraction = self.entities.extract(text, &structure.paragraphs, lang);
        let dates = self.dates.find(text, lang, published);
        let quotes = self.quotes.find(
            text,
            &structure.paragraphs,
            lang,
            &extraction.mentions,
            &extraction.entities,
        );
        Article {
            lang,
            title: structure.title,
            published,
            paragraphs: structure.paragraphs,
            subheadings: structure.subheadings,
            credits: structure.credits,
            dateline: structure.dateline,
            mentions: extraction.mentions,
            entities: extraction.entities,
            acronyms: extraction.acronyms,
            dates,
            quotes,
        }
    }
}
