//! PER/ORG/LOC mentions, entity clusters with roles and aliases, and acronyms.
//!
//! The pipeline: tokenise each title, body and subheading paragraph once ([`tokens`]); tag
//! BIO with an averaged structured perceptron over hashed hand-built features ([`features`],
//! [`model`], [`decode`]); let the user's gazetteer override it and known acronyms fill gaps
//! ([`gazetteer`], [`lexicon`]); then group mentions into entities with names, aliases, roles
//! and acronym expansions ([`cluster`], [`roles`]). Training and evaluation live in [`train`],
//! [`corpus`] and [`eval`].

pub mod cluster;
pub mod corpus;
pub mod decode;
pub mod eval;
pub mod features;
pub mod gazetteer;
pub mod hashing;
pub mod lexicon;
pub mod local_scores;
pub mod model;
pub mod org_places;
pub mod roles;
pub mod rules;
pub mod table;
pub mod tokens;
pub mod train;
pub mod weights;

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use crate::doc::{Acronym, Entity, Label, Lang, Mention, Paragraph, ParagraphKind};
use crate::error::{Error, Result};
use cluster::{Article, Found};
use decode::spans;
use gazetteer::{GazMatch, Gazetteer};
use lexicon::Lexicon;
use model::{Model, TagBuffers};
use tokens::{tokenize, Shape, Token};

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

/// The models shipped with warta (see `data/README.md` for their provenance): one for
/// Indonesian (and undetermined text), one for English.
static BUILTIN_ID: &[u8] = include_bytes!("data/ner-id.bin");
static BUILTIN_EN: &[u8] = include_bytes!("data/ner-en.bin");

fn builtin_model(lang: Lang) -> Result<Arc<Model>> {
    type Slot = OnceLock<std::result::Result<Arc<Model>, Error>>;
    static ID: Slot = OnceLock::new();
    static EN: Slot = OnceLock::new();
    let (slot, bytes) = match lang {
        Lang::En => (&EN, BUILTIN_EN),
        _ => (&ID, BUILTIN_ID),
    };
    slot.get_or_init(|| Model::from_bytes(bytes).map(Arc::new))
        .clone()
}

fn builtin_lexicon() -> Arc<Lexicon> {
    static LEX: OnceLock<Arc<Lexicon>> = OnceLock::new();
    LEX.get_or_init(|| Arc::new(Lexicon::builtin())).clone()
}

/// Buffers one extraction uses, kept per thread between calls.
#[derive(Default)]
struct Work {
    tokens: Vec<Token>,
    flags: Vec<u16>,
    para: Vec<u32>,
    buf: TagBuffers,
    ptoks: Vec<Token>,
    sp: Vec<(usize, usize, Label)>,
    gaz_matches: Vec<GazMatch>,
    lowered: Vec<bool>,
    raised: Vec<bool>,
    positional: Vec<bool>,
}

#[derive(Debug)]
struct Inner {
    model: Arc<Model>,
    /// The model for English text; `None`: `model` serves every language.
    english: Option<Arc<Model>>,
    lex: Arc<Lexicon>,
    gazetteer: Option<Gazetteer>,
}

/// Finds entities. Built once per pipeline (models, automata), shared across threads.
#[derive(Debug, Clone)]
pub struct EntityExtractor {
    inner: Arc<Inner>,
}

impl EntityExtractor {
    /// Builds the extractor with the user's gazetteer, which takes precedence over built-in knowledge.
    pub fn new(gazetteer: &[GazetteerEntry]) -> Result<EntityExtractor> {
        Self::with_models(
            builtin_model(Lang::Id)?,
            Some(builtin_model(Lang::En)?),
            gazetteer,
        )
    }

    /// Builds the extractor with a model file's bytes (one trained with [`train`]), used for
    /// every language.
    pub fn from_model_bytes(bytes: &[u8], gazetteer: &[GazetteerEntry]) -> Result<EntityExtractor> {
        Self::with_models(Arc::new(Model::from_bytes(bytes)?), None, gazetteer)
    }

    fn with_models(
        model: Arc<Model>,
        english: Option<Arc<Model>>,
        gazetteer: &[GazetteerEntry],
    ) -> Result<EntityExtractor> {
        Ok(EntityExtractor {
            inner: Arc::new(Inner {
                model,
                english,
                lex: builtin_lexicon(),
                gazetteer: Gazetteer::new(gazetteer)?,
            }),
        })
    }

    /// Mentions, entities and acronyms in the article's title, body and subheading paragraphs.
    pub fn extract(&self, text: &str, paragraphs: &[Paragraph], lang: Lang) -> Extraction {
        thread_local! {
            static WORK: RefCell<Work> = RefCell::new(Work::default());
        }
        // Buffers are reused across calls on a thread; a re-entrant call or one during thread
        // teardown gets fresh ones instead.
        let reused = WORK.try_with(|cell| {
            cell.try_borrow_mut().ok().map(|mut work| {
                let out = self.extract_with(text, paragraphs, lang, &mut work);
                if work.tokens.capacity() > 1 << 20 {
                    *work = Work::default(); // do not keep a huge article's buffers alive
                }
                out
            })
        });
        match reused {
            Ok(Some(out)) => out,
            _ => self.extract_with(text, paragraphs, lang, &mut Work::default()),
        }
    }

    fn extract_with(
        &self,
        text: &str,
        paragraphs: &[Paragraph],
        lang: Lang,
        work: &mut Work,
    ) -> Extraction {
        let inner = &*self.inner;
        let model = match (lang, &inner.english) {
            (Lang::En, Some(en)) => en,
            _ => &inner.model,
        };
        let Work {
            tokens,
            flags,
            para,
            buf,
            ptoks,
            sp,
            gaz_matches,
            lowered,
            raised,
            positional,
        } = work;
        tokens.clear();
        positional.clear();
        flags.clear();
        para.clear();
        let mut found: Vec<Found> = Vec::new();
        for (pi, p) in paragraphs.iter().enumerate() {
            let headline = match p.kind {
                ParagraphKind::Body => false,
                ParagraphKind::Title | ParagraphKind::Subheading => true,
                _ => continue,
            };
            ptoks.clear();
            tokenize(text, p.span.start, p.span.end, ptoks);
            if ptoks.is_empty() {
                continue;
            }
            model.tag(text, ptoks, &inner.lex, headline, buf);
            spans(&buf.tags, sp);
            let base = tokens.len();
            flags.extend(buf.flags());
            let mut local: Vec<Found> = sp
                .iter()
                .map(|&(s, e, label)| Found {
                    first: s,
                    last: e,
                    label,
                    gaz: None,
                })
                .collect();
            buf.restored_lower(lowered);
            positional.extend_from_slice(lowered);
            buf.raised(raised);
            tidy(text, ptoks, lowered, raised, &mut local);
            rules::long_forms(text, ptoks, flags.get(base..).unwrap_or(&[]), &mut local);
            // Known acronyms the model left out ("KPK", "DPR").
            for (i, t) in ptoks.iter().enumerate() {
                if t.shape == Shape::AllCaps
                    && buf.tags.get(i) == Some(&decode::O)
                    && inner.lex.is_org_acronym(t.text(text))
                {
                    local.push(Found {
                        first: i,
                        last: i + 1,
                        label: Label::Org,
                        gaz: None,
                    });
                }
            }
            org_places::join(text, ptoks, flags.get(base..).unwrap_or(&[]), &mut local);
            if let Some(g) = &inner.gazetteer {
                g.find(text, ptoks, gaz_matches);
                if !gaz_matches.is_empty() {
                    local.retain(|m| {
                        gaz_matches
                            .iter()
                            .all(|g| m.last <= g.first || m.first >= g.last)
                    });
                    local.extend(gaz_matches.iter().map(|g| Found {
                        first: g.first,
                        last: g.last,
                        label: g.label,
                        gaz: Some(g.entry),
                    }));
                }
            }
            local.sort_by_key(|m| m.first);
            found.extend(local.into_iter().map(|m| Found {
                first: m.first + base,
                last: m.last + base,
                ..m
            }));
            para.extend(std::iter::repeat_n(pi as u32, ptoks.len()));
            tokens.extend_from_slice(ptoks);
        }
        let art = Article {
            text,
            tokens,
            flags,
            para,
            positional,
        };
        rules::propagate(&art, &mut found);
        keep_flat(&mut found);
        cluster::build(&art, found, inner.gazetteer.as_ref())
    }
}

/// Abbreviations whose period stays inside a name ("Moh. Hatta", "Jl. Sudirman").
const NAME_ABBREVIATIONS: &[&str] = &[
    "moh", "muh", "mochd", "st", "jl", "jln", "dr", "ir", "drs", "prof", "h", "hj", "kh", "mr",
    "mrs", "ms", "jr", "sr", "no", "gg", "pt", "cv", "tbk", "inc", "co", "corp", "ltd",
];

/// Repairs model mentions: sentence punctuation splits a mention ("Perry Warjiyo. Sri
/// Mulyani" is two); a parenthesis ends one ("Perserikatan Bangsa-Bangsa (PBB)" becomes the
/// long form, the acronym is found later); punctuation and lower-case words at the edges are
/// dropped ("Libya barat" -> "Libya"); mentions with no capitalised word go.
fn tidy(text: &str, tokens: &[Token], lowered: &[bool], raised: &[bool], found: &mut Vec<Found>) {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    // Sentence-initial common words ("Sayang Ronaldo ...") count as lower case here, names
    // in an all-lower-case line as capitalised.
    let shape = |i: usize| match tokens.get(i) {
        Some(_) if lowered.get(i).copied().unwrap_or(false) => Shape::Lower,
        Some(_) if raised.get(i).copied().unwrap_or(false) => Shape::Capital,
        Some(t) => t.shape,
        None => Shape::Other,
    };
    let splits_at = |k: usize| match word(k) {
        "!" | "?" | ";" | "," | "\"" | "“" | "”" => true,
        "." => {
            let prev = k.checked_sub(1).map_or("", word);
            !(shape(k.wrapping_sub(1)) == Shape::Initial
                || NAME_ABBREVIATIONS
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(prev)))
        }
        _ => false,
    };
    let mut pieces = Vec::with_capacity(found.len());
    for m in found.iter() {
        let mut start = m.first;
        for k in m.first..m.last {
            if splits_at(k) {
                pieces.push(Found {
                    first: start,
                    last: k,
                    ..*m
                });
                start = k + 1;
            }
        }
        pieces.push(Found {
            first: start,
            last: m.last,
            ..*m
        });
    }
    for m in pieces.iter_mut() {
        if let Some(k) = (m.first + 1..m.last).find(|&k| matches!(word(k), "(" | ")" | "[" | "]")) {
            m.last = k;
        }
        while m.last > m.first && matches!(shape(m.last - 1), Shape::Lower | Shape::Punct) {
            m.last -= 1;
        }
        while m.first < m.last && matches!(shape(m.first), Shape::Punct)
            || (m.first + 1 < m.last && lowered.get(m.first).copied().unwrap_or(false))
        {
            m.first += 1;
        }
    }
    pieces.retain(|m| m.last > m.first && (m.first..m.last).any(|k| shape(k) != Shape::Lower));
    *found = pieces;
}

/// Mentions are flat and ordered whatever rule proposed them: at each start the longest
/// wins, and a mention overlapping an earlier one is dropped (found by fuzzing: a known
/// acronym re-found inside a longer organisation name).
fn keep_flat(found: &mut Vec<Found>) {
    found.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
    let mut end = 0;
    found.retain(|m| {
        let keep = m.first >= end && m.first < m.last;
        if keep {
            end = m.last;
        }
        keep
    });
}
