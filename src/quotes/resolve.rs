//! Naming speakers, in text order: a phrase is named from the mentions; a pronoun, a
//! "-nya" cue or an uncued continuation takes the most recent plausible speaker — the
//! last speaker of the same paragraph, the first person named there outside quotation
//! marks, or the same looked up in the preceding body paragraphs. Places and
//! organisations, and anyone named inside a quotation, are never picked.

use super::cues::{CueClass, Hit};
use super::names::{complete_surname, strip_roles};
use super::scan::sentence_start;
use super::speaker::{first_person, is_quoted, name_phrase, subject_before, Named, Who};
use crate::doc::{Entity, Mention, Paragraph, ParagraphKind, Span};

/// How many body paragraphs back a pronoun may look.
const LOOKBACK: usize = 4;

/// Running state of the resolution over one article.
pub(crate) struct Resolver<'a> {
    text: &'a str,
    paragraphs: &'a [Paragraph],
    mentions: &'a [Mention],
    entities: &'a [Entity],
    /// The last named speaker of each paragraph so far.
    last_speaker: Vec<Option<Named>>,
    /// Each paragraph's first person outside quotation marks: where, and who.
    first_person: Vec<Option<(usize, Named)>>,
    /// Surnames already completed from the text, so each is looked up once.
    completed: Vec<(String, Option<String>)>,
}

/// At most this many distinct surnames are completed per article (each costs a scan).
const MAX_COMPLETIONS: usize = 64;

impl<'a> Resolver<'a> {
    /// Prepares the per-paragraph look-ups.
    pub fn new(
        text: &'a str,
        paragraphs: &'a [Paragraph],
        mentions: &'a [Mention],
        entities: &'a [Entity],
        quoted: &[Span],
        hits: &[Hit],
    ) -> Resolver<'a> {
        let mut resolver = Resolver {
            text,
            paragraphs,
            mentions,
            entities,
            last_speaker: vec![None; paragraphs.len()],
            first_person: vec![None; paragraphs.len()],
            completed: Vec::new(),
        };
        for (i, p) in paragraphs.iter().enumerate() {
            if p.kind != ParagraphKind::Body {
                continue;
            }
            let found = if mentions.is_empty() {
                // No entity model: the subject of the paragraph's first reporting verb,
                // when it looks like a name.
                subject_guess(text, p.span, hits, quoted)
            } else {
                first_person(mentions, p.span.start, p.span.end, quoted).map(|m| m.span)
            };
            let named = found.map(|span| (span.start, resolver.phrase_name(span)));
            if let Some(slot) = resolver.first_person.get_mut(i) {
                *slot = named;
            }
        }
        resolver
    }

    /// Names a speaker phrase: its entity when one matches; otherwise the phrase
    /// without titles, a lone surname completed from the text.
    fn phrase_name(&mut self, span: Span) -> Named {
        let named = name_phrase(self.text, span, self.mentions, self.entities);
        if named.1.is_some() {
            return named;
        }
        let span = strip_roles(self.text, span).unwrap_or(span);
        let phrase = span.slice(self.text);
        let one_word = !phrase.contains(char::is_whitespace);
        if !one_word || !phrase.starts_with(char::is_uppercase) {
            return (phrase.to_string(), None);
        }
        if let Some((_, full)) = self.completed.iter().find(|(w, _)| w == phrase) {
            return (full.clone().unwrap_or_else(|| phrase.to_string()), None);
        }
        if self.completed.len() >= MAX_COMPLETIONS {
            return (phrase.to_string(), None);
        }
        let full = complete_surname(self.text, phrase);
        self.completed.push((phrase.to_string(), full.clone()));
        (full.unwrap_or_else(|| phrase.to_string()), None)
    }

    /// Names the speaker of a quote starting at `pos` in paragraph `para`, and
    /// remembers it for the quotes that follow.
    pub fn name(&mut self, who: Option<Who>, pos: usize, para: usize) -> Option<Named> {
        let named = match who? {
            Who::Phrase(span) => Some(self.phrase_name(span)),
            Who::Pronoun => self.antecedent(pos, para),
        };
        if let (Some(n), Some(slot)) = (&named, self.last_speaker.get_mut(para)) {
            *slot = Some(n.clone());
        }
        named
    }

    /// The most recent plausible speaker before `pos`.
    fn antecedent(&self, pos: usize, para: usize) -> Option<Named> {
        if let Some(Some(n)) = self.last_speaker.get(para) {
            return Some(n.clone());
        }
        if let Some(Some((at, n))) = self.first_person.get(para) {
            if *at < pos {
                return Some(n.clone());
            }
        }
        let mut seen = 0;
        for q in (0..para).rev() {
            let Some(p) = self.paragraphs.get(q) else {
                break;
            };
            match p.kind {
                ParagraphKind::Body => {}
                ParagraphKind::Title => break,
                _ => continue,
            }
            if let Some(Some(n)) = self.last_speaker.get(q) {
                return Some(n.clone());
            }
            if let Some(Some((_, n))) = self.first_person.get(q) {
                return Some(n.clone());
            }
            seen += 1;
            if seen >= LOOKBACK {
                break;
            }
        }
        None
    }
}

/// Without mentions: the capitalised subject of the paragraph's first reporting verb.
fn subject_guess(text: &str, para: Span, hits: &[Hit], quoted: &[Span]) -> Option<Span> {
    let h = super::cues::hits_in(hits, para.start, para.end)
        .iter()
        .find(|h| {
            matches!(h.class, CueClass::Verb | CueClass::EnVerb)
                && !is_quoted(quoted, Span::new(h.start, h.end))
        })?;
    let start = sentence_start(text, para.start, h.start);
    match subject_before(text, start, h.start, &[], quoted)? {
        Who::Phrase(s) if s.slice(text).starts_with(char::is_uppercase) => Some(s),
        _ => None,
    }
}
