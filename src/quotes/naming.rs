//! Naming a speaker phrase from the article's entities: the person a mention in it
//! belongs to, an entity whose name, alias, surname, short form or role it is, an
//! organisation behind an acronym.

use super::speaker::{is_person, overlapping, Named};
use crate::doc::{Entity, Label, Mention, Span};

/// Names a speaker phrase: the PER entity a mention in it belongs to, an entity whose
/// mention is exactly the phrase, an entity whose name, alias or surname the phrase
/// is, or else the phrase as written.
pub(crate) fn name_phrase(
    text: &str,
    phrase: Span,
    mentions: &[Mention],
    entities: &[Entity],
) -> Named {
    let entity_named = |e: usize| {
        let e = if is_relative(text, mentions, e) {
            e
        } else {
            fuller_person(e, entities)
        };
        entities.get(e).map(|ent| (ent.name.clone(), Some(e)))
    };
    let mut exact = None;
    for m in overlapping(mentions, phrase) {
        if is_person(text, m) {
            if let Some(named) = entity_named(m.entity) {
                return named;
            }
        }
        // A place does not speak: "Bima Sakti" tagged LOC stays a phrase.
        if m.span == phrase && m.label != Label::Loc {
            exact = Some(m.entity);
        }
    }
    if let Some(named) = exact.and_then(entity_named) {
        return named;
    }
    let words = phrase.slice(text);
    if let Some(e) = entity_by_name(words, entities) {
        if let Some(named) = entity_named(e) {
            return named;
        }
    }
    (words.to_string(), None)
}

/// Whether a mention of the one-word person entity `e` is followed directly by a
/// kinship apposition ("Larson sang ibu"): a relative of the person with the fuller
/// name, whom the entity clustering kept apart on purpose.
pub(crate) fn is_relative(text: &str, mentions: &[Mention], e: usize) -> bool {
    mentions.iter().filter(|m| m.entity == e).take(64).any(|m| {
        let mut words = text
            .get(m.span.end..)
            .unwrap_or("")
            .split_whitespace()
            .take(2);
        let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        let second = second.trim_end_matches(|c: char| !c.is_alphanumeric());
        let first_word = first.chars().all(char::is_alphanumeric);
        first_word && crate::entities::cluster::is_kin_apposition(first, second)
    })
}

/// How many entities the name heuristics look through (an article with more is not
/// news prose; the bound keeps every look-up short).
const MAX_ENTITIES: usize = 512;

/// For a person known by one word ("Octavian", "Syarif"), the one other person entity
/// whose fuller name holds that word or a word starting with it ("Amarulla Octavian",
/// "Syarifuddin"): the entity clustering may have left the short form apart.
fn fuller_person(e: usize, entities: &[Entity]) -> usize {
    let Some(ent) = entities.get(e) else { return e };
    if ent.label == Label::Org {
        return expanded_acronym(e, entities);
    }
    let short = ent.name.as_str();
    if ent.label != Label::Per || short.contains(char::is_whitespace) || short.chars().count() < 4 {
        return e;
    }
    let mut fuller = entities
        .iter()
        .take(MAX_ENTITIES)
        .enumerate()
        .filter(|(i, other)| {
            *i != e
                && other.label == Label::Per
                && other.name.len() > short.len()
                && other.name.split_whitespace().any(|w| w.starts_with(short))
        });
    match (fuller.next(), fuller.next()) {
        (Some((i, _)), None) => i,
        _ => e,
    }
}

/// For an organisation named by an acronym ("M.U.S.T", "PSSI"), the one other
/// organisation whose capitalised words have those initials.
fn expanded_acronym(e: usize, entities: &[Entity]) -> usize {
    let Some(ent) = entities.get(e) else { return e };
    let letters: String = ent.name.chars().filter(|c| c.is_alphanumeric()).collect();
    let is_acronym = letters.chars().count() >= 2 && letters.chars().all(|c| c.is_uppercase());
    if !is_acronym {
        return e;
    }
    let mut found = entities
        .iter()
        .take(MAX_ENTITIES)
        .enumerate()
        .filter(|(i, other)| {
            let initials: String = other
                .name
                .split_whitespace()
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect();
            *i != e && other.label == Label::Org && initials == letters
        });
    match (found.next(), found.next()) {
        (Some((i, _)), None) => i,
        _ => e,
    }
}

/// The entity (PER first) whose canonical name or an alias is `phrase`; for a
/// one-word capitalised phrase, the person whose name holds it (a surname) or starts a
/// word with it (a short form: "Syarif" for "Syarifuddin"); else the one person whose
/// role the phrase is ("presenter My Trip My Adventure").
fn entity_by_name(phrase: &str, entities: &[Entity]) -> Option<usize> {
    let one_word = !phrase.contains(char::is_whitespace);
    let capitalised = phrase.starts_with(char::is_uppercase);
    if capitalised {
        let exact = |e: &Entity| e.name == phrase || e.aliases.iter().any(|a| a == phrase);
        let surname = |e: &Entity| one_word && e.name.split_whitespace().any(|w| w == phrase);
        let short = |e: &Entity| {
            one_word
                && phrase.chars().count() >= 4
                && e.name.split_whitespace().any(|w| w.starts_with(phrase))
        };
        let person = |f: &dyn Fn(&Entity) -> bool| {
            entities
                .iter()
                .take(MAX_ENTITIES)
                .position(|e| e.label == Label::Per && f(e))
        };
        let found = person(&exact)
            .or_else(|| person(&surname))
            .or_else(|| person(&short))
            .or_else(|| {
                entities
                    .iter()
                    .take(MAX_ENTITIES)
                    .position(|e| e.label != Label::Loc && exact(e))
            });
        if found.is_some() {
            return found;
        }
    }
    let lower = phrase.to_lowercase();
    if lower.chars().count() < 6 {
        return None;
    }
    let mut by_role = entities
        .iter()
        .take(MAX_ENTITIES)
        .enumerate()
        .filter(|(_, e)| {
            e.label == Label::Per
                && e.roles.iter().any(|r| {
                    let r = r.to_lowercase();
                    r.chars().count() >= 6 && (r.contains(&lower) || lower.contains(&r))
                })
        });
    match (by_role.next(), by_role.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}
