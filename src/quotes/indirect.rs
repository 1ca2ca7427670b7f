//! Reported speech without quotation marks, one sentence at a time:
//! `Kedua belah pihak ... ke Kairo, kata Elgeblawi.` (cue after),
//! `Menurut X, ...` (cue before), `X mengatakan bahwa ...` / `X said that ...` (verb).

use super::cues::{CueClass, Hit};
use super::scan::{
    char_at, char_before, sentence_end, sentence_start, skip_space, trim_back, Tokens,
};
use super::speaker::{phrase_after, subject_before, Who};
use crate::doc::{Mention, Span};

/// A reported-speech sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reported {
    /// The reported words (the clause, without the cue and the final period).
    pub content: Span,
    /// The speaker as found next to the cue.
    pub who: Who,
    /// The reporting word.
    pub cue: Span,
}

/// The fewest words a reported clause must have.
const MIN_WORDS: usize = 3;

/// How many tokens may separate a verb from its "bahwa"/"that".
const MAX_GAP: usize = 8;

/// Sources that "menurut" names but that do not speak ("menurut rencana, ...").
const NOT_SPEAKERS: &[&str] = &[
    "aturan",
    "catatan",
    "data",
    "hasil",
    "jadwal",
    "kalender",
    "ketentuan",
    "laman",
    "pantauan",
    "pengamatan",
    "penelitian",
    "peraturan",
    "perhitungan",
    "perkiraan",
    "prediksi",
    "ramalan",
    "rencana",
    "riset",
    "situs",
    "statistik",
    "studi",
    "survei",
    "undang-undang",
];

/// Words that may open a sentence before "Menurut" ("Namun, menurut ...").
const OPENERS: &[&str] = &[
    "adapun",
    "bahkan",
    "however",
    "itu",
    "lanjut",
    "lebih",
    "namun",
    "sedangkan",
    "selain",
    "sementara",
    "tetapi",
];

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn word_count(text: &str, span: Span) -> usize {
    Tokens::new(text, span.start, span.end)
        .filter(|t| t.is_word())
        .take(MIN_WORDS + 1)
        .count()
}

/// The clause `[start, end)` trimmed of whitespace and of its final period or comma.
fn clause(text: &str, start: usize, end: usize) -> Span {
    let start = skip_space(text, start, end);
    let mut end = trim_back(text, start, end);
    while end > start && matches!(char_before(text, end), Some('.' | ',' | ';' | ':')) {
        end = trim_back(text, start, end - 1);
    }
    Span::new(start, end)
}

/// The reported-speech sentence the cue `h` heads or closes, if it makes one.
/// `has_marks` says whether a span holds any quotation mark (such sentences are
/// direct speech and handled elsewhere).
pub(crate) fn find(
    text: &str,
    para: Span,
    h: &Hit,
    mentions: &[Mention],
    quoted: &[Span],
    has_marks: &dyn Fn(Span) -> bool,
) -> Option<(Reported, Span)> {
    let s = sentence_start(text, para.start, h.start);
    let e = sentence_end(text, h.end, para.end);
    let sentence = Span::new(s, e);
    if has_marks(sentence) {
        return None;
    }
    let found = match h.class {
        CueClass::According => according(text, sentence, h),
        CueClass::Post | CueClass::PostPronoun => post(text, sentence, h, mentions),
        CueClass::Verb | CueClass::EnVerb => verb(text, sentence, h, mentions, quoted),
        CueClass::Passive => None,
    }?;
    (word_count(text, found.content) >= MIN_WORDS).then_some((found, sentence))
}

/// `Menurut X, <clause>.` at the head of the sentence.
fn according(text: &str, sentence: Span, h: &Hit) -> Option<Reported> {
    let openers_only = Tokens::new(text, sentence.start, h.start)
        .all(|t| t.punct == Some(',') || is_in(OPENERS, t.text(text)));
    if !openers_only {
        return None;
    }
    let comma = text.get(h.end..sentence.end)?.find(',')? + h.end;
    let who = phrase_after(text, h.end, comma)?;
    if let Who::Phrase(p) = who {
        let head = Tokens::new(text, p.start, p.end).next()?;
        if is_in(NOT_SPEAKERS, head.text(text)) || p.end != trim_back(text, p.start, comma) {
            return None;
        }
    }
    Some(Reported {
        content: clause(text, comma + 1, sentence.end),
        who,
        cue: Span::new(h.start, h.end),
    })
}

/// `<clause>, kata X.` / `<clause>, katanya.`: the cue right after a comma, the speaker
/// phrase after it.
fn post(text: &str, sentence: Span, h: &Hit, mentions: &[Mention]) -> Option<Reported> {
    let before = trim_back(text, sentence.start, h.start);
    if before <= sentence.start || char_before(text, before) != Some(',') {
        return None;
    }
    let who = if h.class == CueClass::PostPronoun {
        Who::Pronoun
    } else {
        let who = phrase_after(text, h.end, sentence.end)?;
        // A weak cue ("jelas", "lanjut") counts only with a name after it.
        if let Who::Phrase(p) = who {
            let named = char_at(text, p.start).is_some_and(char::is_uppercase)
                || mentions
                    .iter()
                    .any(|m| m.span.start < p.end && p.start < m.span.end);
            if !h.strong && !named {
                return None;
            }
        }
        who
    };
    Some(Reported {
        content: clause(text, sentence.start, before - 1),
        who,
        cue: Span::new(h.start, h.end),
    })
}

/// `X mengatakan (kepada wartawan) bahwa <clause>.` / `X said (that) <clause>.`
fn verb(
    text: &str,
    sentence: Span,
    h: &Hit,
    mentions: &[Mention],
    quoted: &[Span],
) -> Option<Reported> {
    let english = h.class == CueClass::EnVerb;
    let mut content_start = None;
    for (i, t) in Tokens::new(text, h.end, sentence.end)
        .take(MAX_GAP + 1)
        .enumerate()
    {
        let w = t.text(text);
        if w.eq_ignore_ascii_case("bahwa") || (english && w.eq_ignore_ascii_case("that")) {
            content_start = Some(t.end);
            break;
        }
        if i == 0 && matches!(t.punct, Some(',' | ':')) {
            content_start = Some(t.end);
            break;
        }
        if i == 0 && english && t.is_word() {
            content_start = Some(t.start);
            break;
        }
        if t.punct.is_some() {
            break;
        }
    }
    let content_start = content_start?;
    let who = subject_before(text, sentence.start, h.start, mentions, quoted)?;
    Some(Reported {
        content: clause(text, content_start, sentence.end),
        who,
        cue: Span::new(h.start, h.end),
    })
}
