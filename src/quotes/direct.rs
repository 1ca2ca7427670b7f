//! Cues around a marked quotation: the reporting word right after the closing mark
//! (`"...," kata Budi`, `", katanya`, `" Budi menambahkan`), or before the opening mark
//! in the same sentence (`kata Budi: "...`, `Budi mengatakan, "...`, `Menurut X, ... "..."`,
//! `Bashagha mencuit bahwa pertemuan itu "..."`).

use super::cues::{hit_at, hits_in, CueClass, Hit};
use super::marks::Marked;
use super::scan::{char_at, sentence_start, skip_space, trim_back, Tok, Tokens};
use super::speaker::{is_pronoun, is_quoted, phrase_after, subject_before, Who};
use crate::doc::{Mention, Span};

/// What the text around a quotation says about its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Attribution {
    /// The speaker, as found next to the cue.
    pub who: Who,
    /// The reporting word.
    pub cue: Span,
    /// Whether the cue touches the quotation (so even one word in marks is speech).
    pub adjacent: bool,
}

/// Words that may sit between a closing mark and its cue ("demikian kata Budi").
const BRIDGES: &[&str] = &["begitu", "demikian", "seperti"];

/// The most words of a speaker phrase between a quotation and its verb ("Budi menambahkan").
const MAX_SUBJECT_WORDS: usize = 6;

/// Lower-case words that cannot open a subject phrase after a quotation.
fn is_function_word(word: &str) -> bool {
    super::scan::in_sorted_lower(crate::lang::id::FUNCTION_WORDS, word)
        || super::scan::in_sorted_lower(crate::lang::en::FUNCTION_WORDS, word)
}

/// The cue after the closing mark, if the quotation has one.
pub(crate) fn after(
    text: &str,
    m: &Marked,
    para_end: usize,
    hits: &[Hit],
    mentions: &[Mention],
) -> Option<Attribution> {
    let close = m.close?;
    let mut pos = skip_space(text, close.end, para_end);
    if matches!(char_at(text, pos), Some(',' | '—' | '–')) {
        pos = skip_space(text, pos + 1, para_end);
    }
    if let Some(h) = hit_at(hits, pos) {
        return cue_then_speaker(text, h, para_end, mentions);
    }
    let mut toks = Tokens::new(text, pos, para_end);
    let first = toks.next().filter(|t| t.is_word())?;
    if BRIDGES
        .iter()
        .any(|b| b.eq_ignore_ascii_case(first.text(text)))
    {
        let next = skip_space(text, first.end, para_end);
        if let Some(h) = hit_at(hits, next) {
            return cue_then_speaker(text, h, para_end, mentions);
        }
        // "demikian M.U.S.T kepada Daily Mail": the bridge word is the cue itself.
        let who = phrase_after(text, first.end, para_end, mentions)?;
        return Some(Attribution {
            who,
            cue: Span::new(first.start, first.end),
            adjacent: true,
        });
    }
    // "..." Budi menambahkan. / "..." he said.
    let mut last = first;
    let mut words = 1;
    loop {
        let verb_pos = skip_space(text, last.end, para_end);
        if let Some(h) = hit_at(hits, verb_pos) {
            if !matches!(h.class, CueClass::Verb | CueClass::EnVerb) {
                return None;
            }
            let head = first.text(text);
            let conjunction = matches!(
                head.to_lowercase().as_str(),
                "tapi" | "tetapi" | "namun" | "lalu" | "kemudian" | "sementara" | "but" | "and"
            );
            let ok = !conjunction
                && (is_pronoun(head) || first.is_capitalised(text) || !is_function_word(head));
            if !ok {
                return None;
            }
            let who = if words == 1 && is_pronoun(head) {
                Who::Pronoun
            } else {
                Who::Phrase(Span::new(first.start, last.end))
            };
            return Some(Attribution {
                who,
                cue: Span::new(h.start, h.end),
                adjacent: true,
            });
        }
        let tok = toks.next()?;
        if tok.punct == Some(',') && first.is_capitalised(text) {
            // `"...," Khaled Al-Maeena, editor at large at the Saudi Gazette, said.`
            return apposition_then_verb(text, first, last, tok.end, para_end, hits);
        }
        if !tok.is_word() {
            return None;
        }
        last = tok;
        words += 1;
        if words > MAX_SUBJECT_WORDS {
            return None;
        }
    }
}

/// After a name and a comma: an apposition, a second comma and a speech verb
/// (`Khaled Al-Maeena, editor at large at the Saudi Gazette, said`). The name is the
/// speaker.
fn apposition_then_verb(
    text: &str,
    first: Tok,
    last: Tok,
    pos: usize,
    para_end: usize,
    hits: &[Hit],
) -> Option<Attribution> {
    let mut toks = Tokens::new(text, pos, para_end).take(16);
    let comma = toks.find(|t| t.punct.is_some())?;
    if comma.punct != Some(',') {
        return None;
    }
    let verb_pos = skip_space(text, comma.end, para_end);
    let h =
        hit_at(hits, verb_pos).filter(|h| matches!(h.class, CueClass::Verb | CueClass::EnVerb))?;
    Some(Attribution {
        who: Who::Phrase(Span::new(first.start, last.end)),
        cue: Span::new(h.start, h.end),
        adjacent: true,
    })
}

/// A cue followed by its speaker ("kata Budi", "katanya", "said Smith", "dikatakan oleh X").
fn cue_then_speaker(
    text: &str,
    h: &Hit,
    limit: usize,
    mentions: &[Mention],
) -> Option<Attribution> {
    let who = match h.class {
        CueClass::PostPronoun | CueClass::Verb => Who::Pronoun,
        CueClass::According if h.pronoun => Who::Pronoun,
        // A passive verb after a quotation names its agent ("dikatakan Kapolri"); with
        // anything else after it ("disebutkan tidak senang ...") it is no cue here.
        CueClass::Passive => match phrase_after(text, h.end, limit, mentions)? {
            Who::Phrase(p) if !p.slice(text).starts_with(char::is_uppercase) => return None,
            who => who,
        },
        CueClass::Post | CueClass::According | CueClass::EnVerb => {
            phrase_after(text, h.end, limit, mentions).unwrap_or(Who::Pronoun)
        }
    };
    Some(Attribution {
        who,
        cue: Span::new(h.start, h.end),
        adjacent: true,
    })
}

/// Where the clause before an opening mark starts and ends (the end stripped of the
/// colon or comma that introduces the quotation).
pub(crate) fn clause_before(text: &str, m: &Marked, para_start: usize) -> Span {
    let start = sentence_start(text, para_start, m.open.start);
    let mut end = trim_back(text, start, m.open.start);
    if end > start && matches!(char_at(text, end - 1), Some(':' | ',')) {
        end = trim_back(text, start, end - 1);
    }
    Span::new(start, end.max(start))
}

/// The cue before the opening mark, in the same sentence.
pub(crate) fn before(
    text: &str,
    clause: Span,
    hits: &[Hit],
    mentions: &[Mention],
    quoted: &[Span],
) -> Option<Attribution> {
    let (start, end) = (clause.start, clause.end);
    let mut candidates = hits_in(hits, start, end)
        .iter()
        .filter(|h| !is_quoted(quoted, Span::new(h.start, h.end)));
    // 1. The clause ends with a cue and its speaker: `kata Budi: "`, `ujarnya, "`,
    //    `Budi mengatakan: "`, `said Smith: "`.
    if let Some(h) = candidates.clone().next_back() {
        let tail_words = Tokens::new(text, h.end, end).take(MAX_SUBJECT_WORDS + 1);
        let mut count = 0;
        let mut clean = true;
        for t in tail_words {
            if t.punct.is_some_and(|p| p != '.') {
                clean = false;
                break;
            }
            count += 1;
        }
        if clean && count <= MAX_SUBJECT_WORDS {
            let who = match h.class {
                CueClass::PostPronoun => Some(Who::Pronoun),
                CueClass::According if h.pronoun => Some(Who::Pronoun),
                CueClass::Verb | CueClass::EnVerb if count <= 3 => Some(
                    subject_before(text, start, h.start, mentions, quoted).unwrap_or(Who::Pronoun),
                ),
                CueClass::Post | CueClass::Passive | CueClass::According | CueClass::EnVerb
                    if count > 0 =>
                {
                    phrase_after(text, h.end, end, mentions)
                }
                _ => None,
            };
            if let Some(who) = who {
                return Some(Attribution {
                    who,
                    cue: Span::new(h.start, h.end),
                    adjacent: true,
                });
            }
        }
    }
    // 2. The sentence's reporting verb or "menurut" comes earlier: the quotation is a
    //    fragment of reported speech (`Budi mencuit bahwa pertemuan itu "..."`).
    let h = candidates.find(|h| {
        matches!(
            h.class,
            CueClass::Verb | CueClass::EnVerb | CueClass::According
        )
    })?;
    let who = if h.class == CueClass::According && h.pronoun {
        Who::Pronoun
    } else if h.class == CueClass::According {
        let comma = text
            .get(h.end..end)
            .and_then(|s| s.find(','))
            .map_or(end, |i| h.end + i);
        phrase_after(text, h.end, comma, mentions)?
    } else {
        subject_before(text, start, h.start, mentions, quoted).unwrap_or(Who::Pronoun)
    };
    Some(Attribution {
        who,
        cue: Span::new(h.start, h.end),
        adjacent: false,
    })
}
