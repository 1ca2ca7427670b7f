//! Quotes and speaker attribution.
//!
//! Body paragraphs are scanned once for quotation marks (`marks`) and once, with one
//! automaton, for reporting words (`cues`). Each marked quotation looks for a cue right
//! after its closing mark or earlier in its sentence (`direct`); sentences without
//! marks that carry a cue become indirect quotes (`indirect`). Speaker phrases are
//! named from the entity mentions (`speaker`, `phrase`, `subject`, `naming`, `names`); pronouns, "-nya" cues and
//! uncued continuation paragraphs take the most recent plausible speaker (`resolve`).
//!
//! The speaker is the entity's canonical name when a person mention names it; a person
//! the entity model knows by one word only is given the fullest form the article
//! writes ("Octavian" → "Amarulla Octavian"), and titles, ranks and leading
//! organisation or place words are left out ("Kombes Argo Yuwono" → "Argo Yuwono"),
//! while `speaker_entity` still points at the entity. Without mentions, capitalised
//! names after cues are used as written, titles stripped, surnames completed.

mod cues;
mod direct;
mod indirect;
mod marks;
mod names;
mod naming;
mod phrase;
mod resolve;
mod scan;
mod speaker;
mod subject;
mod titled;

use crate::doc::{Entity, Lang, Mention, Paragraph, ParagraphKind, Quote, QuoteKind, Span};
use cues::{hits_in, Cues};
use marks::Marked;
use resolve::Resolver;
use scan::{char_at, skip_space, Tokens};
use speaker::{is_quoted, Who};

/// Finds quotes and their speakers. Built once per pipeline, shared across threads.
#[derive(Debug, Clone)]
pub struct QuoteExtractor {
    cues: Cues,
    /// The built-in word lists (titles, organisation heads, given names), shared.
    lexicon: std::sync::Arc<crate::entities::lexicon::Lexicon>,
}

impl Default for QuoteExtractor {
    fn default() -> Self {
        QuoteExtractor::new()
    }
}

/// A quote before its speaker is named.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    span: Span,
    kind: QuoteKind,
    who: Option<Who>,
    cue: Option<Span>,
    para: usize,
}

/// Facts about a marked quotation that decide whether it is speech or a scare quote.
struct Shape {
    words: usize,
    ends_with_punct: bool,
    starts_sentence: bool,
    ends_sentence: bool,
    whole_paragraph: bool,
}

/// Words counted up to this many; the shape tests need no more.
const WORD_CAP: usize = 8;

impl QuoteExtractor {
    /// Compiles the cue patterns.
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {
            cues: Cues::new(),
            lexicon: std::sync::Arc::new(crate::entities::lexicon::Lexicon::builtin()),
        }
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
        // Both lexicons apply whatever the language: Indonesian articles quote English
        // and the cue words of one language are not words of the other.
        let _ = lang;
        let is_body = |i: usize| {
            paragraphs
                .get(i)
                .is_some_and(|p| p.kind == ParagraphKind::Body)
        };
        let mut marked: Vec<Marked> = Vec::new();
        // Related-link lines are paired too: a corpus artefact ("Baca_Juga \"...,\"
        // urainya.") can glue a quote to one; only quotes with a cue are kept there.
        for (i, p) in paragraphs.iter().enumerate() {
            if matches!(p.kind, ParagraphKind::Body | ParagraphKind::Related) {
                marks::pair(text, p.span, i, &mut marked);
            }
        }
        if marked.is_empty() && paragraphs.is_empty() {
            return Vec::new();
        }
        let quoted: Vec<Span> = marked
            .iter()
            .map(|m| Span::new(m.open.end, m.close.map_or(m.content.end, |c| c.start)))
            .collect();
        let hits = self.cues.hits(text);

        let mut candidates = self.direct(text, paragraphs, &marked, &quoted, &hits, mentions);
        let mut mark_positions: Vec<usize> = marked
            .iter()
            .flat_map(|m| [Some(m.open.start), m.close.map(|c| c.start)])
            .flatten()
            .collect();
        mark_positions.sort_unstable();
        let has_marks = |s: Span| {
            let i = mark_positions.partition_point(|&p| p < s.start);
            mark_positions.get(i).is_some_and(|&p| p < s.end)
        };
        for (i, p) in paragraphs.iter().enumerate() {
            if !is_body(i) {
                continue;
            }
            let mut done_until = p.span.start;
            for h in hits_in(&hits, p.span.start, p.span.end) {
                if h.start < done_until || is_quoted(&quoted, Span::new(h.start, h.end)) {
                    continue;
                }
                if let Some((r, sentence)) =
                    indirect::find(text, p.span, h, mentions, &quoted, &has_marks)
                {
                    done_until = sentence.end;
                    candidates.push(Candidate {
                        span: r.content,
                        kind: QuoteKind::Indirect,
                        who: Some(r.who),
                        cue: Some(r.cue),
                        para: i,
                    });
                }
            }
        }
        candidates.sort_by_key(|c| (c.span.start, c.span.end));

        // Reporting verbs outside quotations name speakers too ("Ia mengatakan ..."
        // before a "katanya" paragraph), though they are not quotes themselves.
        let events = speaker_events(text, paragraphs, &hits, mentions, &quoted);
        let mut resolver =
            Resolver::new(text, paragraphs, mentions, entities, &quoted, &self.lexicon);
        let mut out = Vec::with_capacity(candidates.len());
        let mut events = events.into_iter().peekable();
        for c in &candidates {
            while let Some(e) = events.next_if(|e| e.0 < c.span.start) {
                resolver.name(Some(e.2), e.0, e.1);
            }
            let (speaker, speaker_entity) = match resolver.name(c.who, c.span.start, c.para) {
                Some((s, e)) => (Some(s), e),
                None => (None, None),
            };
            out.push(Quote {
                span: c.span,
                kind: c.kind,
                speaker,
                speaker_entity,
                cue: c.cue.map(|s| s.slice(text).to_string()),
            });
        }
        out
    }

    /// Marked quotations that are speech, with what their cues say.
    fn direct(
        &self,
        text: &str,
        paragraphs: &[Paragraph],
        marked: &[Marked],
        quoted: &[Span],
        hits: &[cues::Hit],
        mentions: &[Mention],
    ) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::with_capacity(marked.len());
        // Whether each kept quotation waits for the next paragraph's speaker.
        let mut inherits: Vec<bool> = Vec::with_capacity(marked.len());
        let mut chain_open = false;
        for m in marked {
            let Some(para) = paragraphs.get(m.para).map(|p| p.span) else {
                continue;
            };
            if m.content.is_empty() {
                chain_open = false;
                continue;
            }
            let clause = direct::clause_before(text, m, para.start);
            let attribution = direct::after(text, m, para.end, hits, mentions)
                .or_else(|| direct::before(text, clause, hits, mentions, quoted));
            let shape = shape(text, m, para, clause);
            let opens_para = m.open.start == para.start;
            let continues = m.close.is_none() && next_opens_with_mark(text, paragraphs, m.para);
            let ends_chain = chain_open && opens_para;
            let related = paragraphs
                .get(m.para)
                .is_some_and(|p| p.kind == ParagraphKind::Related);
            let keep = if related {
                attribution.is_some_and(|a| a.adjacent)
            } else if m.close.is_none() {
                continues || (shape.starts_sentence && shape.ends_with_punct && shape.words >= 4)
            } else {
                match attribution {
                    Some(a) if a.adjacent => true,
                    Some(_) => (shape.ends_with_punct && shape.words >= 2) || shape.words >= 5,
                    None => {
                        ends_chain
                            || shape.whole_paragraph
                            || (shape.starts_sentence
                                && shape.words >= 2
                                && (shape.ends_with_punct
                                    || (shape.words >= 4 && shape.ends_sentence)))
                            || (shape.words >= 6 && shape.ends_with_punct)
                    }
                }
            };
            chain_open = continues && keep;
            if !keep {
                continue;
            }
            let adjacent = attribution.is_some_and(|a| a.adjacent);
            inherits.push(continues && !adjacent);
            out.push(Candidate {
                span: m.content,
                kind: QuoteKind::Direct,
                who: Some(attribution.map_or(Who::Pronoun, |a| a.who)),
                cue: attribution.map(|a| a.cue),
                para: m.para,
            });
        }
        // A paragraph left open takes the speaker of the quotation that continues it
        // (the multi-paragraph pattern: only the last piece carries the cue).
        for i in (0..out.len()).rev() {
            if !inherits.get(i).copied().unwrap_or(false) {
                continue;
            }
            let next = out.get(i + 1).copied();
            if let (Some(next), Some(cur)) = (next, out.get_mut(i)) {
                if next.para == cur.para + 1 {
                    cur.who = next.who;
                    cur.cue = next.cue;
                }
            }
        }
        out
    }
}

/// Speakers named by reporting verbs outside quotation marks, in text order: where,
/// which paragraph, who. Only subjects that are persons (or organisations matching a
/// mention exactly), pronouns, or, without mentions, short capitalised phrases count.
fn speaker_events(
    text: &str,
    paragraphs: &[Paragraph],
    hits: &[cues::Hit],
    mentions: &[Mention],
    quoted: &[Span],
) -> Vec<(usize, usize, Who)> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if p.kind != ParagraphKind::Body {
            continue;
        }
        for h in hits_in(hits, p.span.start, p.span.end) {
            if is_quoted(quoted, Span::new(h.start, h.end)) {
                continue;
            }
            if unasserted(text, p.span.start, h.start) {
                continue;
            }
            let who = match h.class {
                cues::CueClass::Verb | cues::CueClass::EnVerb => {
                    let start = scan::sentence_start(text, p.span.start, h.start);
                    speaker::subject_before(text, start, h.start, mentions, quoted)
                }
                cues::CueClass::Passive => speaker::phrase_after(text, h.end, p.span.end, mentions),
                _ => None,
            };
            let credible = match who {
                Some(Who::Pronoun | Who::Epithet(_)) => true,
                Some(Who::Phrase(span)) => {
                    if mentions.is_empty() {
                        let words = Tokens::new(text, span.start, span.end).take(5).count();
                        span.slice(text).starts_with(char::is_uppercase) && words <= 4
                    } else {
                        speaker::overlapping(mentions, span)
                            .any(|m| speaker::is_person(text, m) || m.span == span)
                    }
                }
                None => false,
            };
            if let (true, Some(who)) = (credible, who) {
                out.push((h.start, i, who));
            }
        }
    }
    out
}

/// Words before a reporting verb that make it a wish or a plan rather than something
/// said ("yang ingin melanjutkan studi"). Not "untuk": "menolak untuk berbicara" still
/// names the person the next "katanya" points at.
const UNASSERTED: &[&str] = &[
    "akan",
    "bakal",
    "berencana",
    "hendak",
    "ingin",
    "mau",
    "will",
    "would",
];

/// Whether the word before the cue at `at` (within the paragraph from `floor`) is one
/// of [`UNASSERTED`].
fn unasserted(text: &str, floor: usize, at: usize) -> bool {
    let before = text.get(floor..at).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !word.is_empty() && UNASSERTED.iter().any(|u| u.eq_ignore_ascii_case(word))
}

/// Whether the paragraph after `para` is a body paragraph opening with a quotation mark.
fn next_opens_with_mark(text: &str, paragraphs: &[Paragraph], para: usize) -> bool {
    paragraphs.get(para + 1).is_some_and(|p| {
        p.kind == ParagraphKind::Body
            && matches!(char_at(text, p.span.start), Some('"' | '“' | '«' | '„'))
    })
}

/// Measures a marked quotation for the speech-or-scare-quote decision.
fn shape(text: &str, m: &Marked, para: Span, clause: Span) -> Shape {
    let words = Tokens::new(text, m.content.start, m.content.end)
        .filter(|t| t.is_word())
        .take(WORD_CAP)
        .count();
    let ends_with_punct = scan::char_before(text, m.content.end)
        .is_some_and(|c| matches!(c, '.' | ',' | '!' | '?' | '…' | ';' | ':'));
    let (ends_sentence, whole_paragraph) = match m.close {
        Some(close) => {
            let after = skip_space(text, close.end, para.end);
            let rest = text.get(after..para.end).unwrap_or("");
            let ends = rest.is_empty() || rest.starts_with(['.', '!', '?', '"', '“']);
            let whole = m.open.start == para.start
                && rest
                    .trim_start_matches(['.', ',', '!', '?', ' '])
                    .is_empty();
            (ends, whole)
        }
        None => (true, m.open.start == para.start),
    };
    Shape {
        words,
        ends_with_punct,
        starts_sentence: clause.is_empty(),
        ends_sentence,
        whole_paragraph,
    }
}
