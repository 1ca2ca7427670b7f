//! Speaker phrases: reading them next to a cue, and naming them (an entity's canonical
//! name when a mention or alias matches, else the phrase itself).

use super::scan::{char_at, Tok, Tokens};
use crate::doc::{Entity, Label, Mention, Span};

/// Who a cue points at, before names are resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Who {
    /// A phrase in the text ("Mohamed Elgeblawi", "seorang saksi").
    Phrase(Span),
    /// A pronoun or a "-nya" cue: the most recent plausible speaker.
    Pronoun,
}

/// The most words a speaker phrase keeps.
const MAX_WORDS: usize = 10;

/// Lower-case words that end a speaker phrase after a cue ("kata Budi di Jakarta").
const STOP_AFTER: &[&str] = &[
    "after",
    "as",
    "at",
    "before",
    "dalam",
    "dan",
    "di",
    "dikutip",
    "during",
    "in",
    "kemarin",
    "kepada",
    "ketika",
    "lalu",
    "lewat",
    "melalui",
    "on",
    "pada",
    "saat",
    "sambil",
    "sebagaimana",
    "sebelum",
    "selaku",
    "seperti",
    "seraya",
    "sesudah",
    "setelah",
    "seusai",
    "to",
    "usai",
    "when",
    "where",
    "while",
    "who",
    "yang",
];

/// Day names: "kata Budi Senin (27/3)" ends before them.
const WEEKDAYS: &[&str] = &[
    "Jum'at", "Jumat", "Kamis", "Minggu", "Rabu", "Sabtu", "Selasa", "Senin",
];

/// Words that stand for a speaker named earlier.
const PRONOUNS: &[&str] = &[
    "beliau", "dia", "dirinya", "he", "ia", "mereka", "she", "they",
];

/// Lower-case words that open an adverbial before the subject ("Dalam keterangannya, ...").
const ADVERBIAL_OPENERS: &[&str] = &[
    "adapun",
    "after",
    "akan",
    "also",
    "and",
    "bahkan",
    "before",
    "but",
    "dalam",
    "dan",
    "dengan",
    "di",
    "during",
    "hingga",
    "however",
    "in",
    "jika",
    "kalau",
    "karena",
    "kemudian",
    "ketika",
    "lebih",
    "meanwhile",
    "mengenai",
    "menurut",
    "meski",
    "meskipun",
    "namun",
    "oleh",
    "on",
    "pada",
    "saat",
    "sampai",
    "sebelum",
    "sebelumnya",
    "sedangkan",
    "sejak",
    "selain",
    "sementara",
    "sesudah",
    "setelah",
    "seusai",
    "soal",
    "terkait",
    "tetapi",
    "untuk",
    "usai",
    "walau",
    "when",
    "while",
    "yang",
];

/// Words that precede the subject without belonging to it ("Sementara itu Budi ...").
const LEADING_FILLERS: &[&str] = &[
    "adapun",
    "and",
    "bahkan",
    "but",
    "itu",
    "lanjut",
    "lebih",
    "meanwhile",
    "namun",
    "pun",
    "sedangkan",
    "sementara",
    "tetapi",
];

/// Words between a subject and its verb that are not part of the subject.
const TRAILING_FILLERS: &[&str] = &[
    "akan",
    "also",
    "bahkan",
    "belum",
    "hanya",
    "juga",
    "kembali",
    "kemudian",
    "lalu",
    "lantas",
    "langsung",
    "masih",
    "pernah",
    "pula",
    "pun",
    "sebelumnya",
    "sempat",
    "sendiri",
    "sudah",
    "telah",
    "then",
    "tidak",
    "turut",
    "yang",
];

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `word` is a pronoun standing for a speaker.
pub(crate) fn is_pronoun(word: &str) -> bool {
    is_in(PRONOUNS, word)
}

/// Whether the token is a single capital letter (an initial such as "H." or "A.").
fn is_initial(text: &str, tok: Tok) -> bool {
    let mut chars = tok.text(text).chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// The speaker phrase that starts at `pos` (after a cue), ending at punctuation, a stop
/// word or a day name, not past `limit`. A lone pronoun gives [`Who::Pronoun`].
pub(crate) fn phrase_after(text: &str, pos: usize, limit: usize) -> Option<Who> {
    let mut first: Option<Tok> = None;
    let mut last: Option<Tok> = None;
    let mut words = 0;
    let mut toks = Tokens::new(text, pos, limit).peekable();
    while let Some(tok) = toks.next() {
        if let Some(p) = tok.punct {
            // Keep the period of an initial ("H. Amir"), and the "&" of a firm's name.
            let keep = (p == '.' && last.is_some_and(|l| is_initial(text, l)))
                || (p == '&' && last.is_some());
            if keep {
                continue;
            }
            break;
        }
        let word = tok.text(text);
        if first.is_none() && word.eq_ignore_ascii_case("oleh") {
            continue;
        }
        let lower_case = char_at(text, tok.start).is_some_and(|c| !c.is_uppercase());
        if lower_case && is_in(STOP_AFTER, word) {
            // "kementerian dalam negeri": "dalam" belongs to the name there.
            let next_is_negeri = toks
                .peek()
                .is_some_and(|n| n.text(text).eq_ignore_ascii_case("negeri"));
            if !(word == "dalam" && next_is_negeri && first.is_some()) {
                break;
            }
        }
        if WEEKDAYS.contains(&word) && first.is_some() {
            break;
        }
        first.get_or_insert(tok);
        last = Some(tok);
        words += 1;
        if words >= MAX_WORDS {
            break;
        }
    }
    let (first, last) = (first?, last?);
    if words == 1 && is_pronoun(first.text(text)) {
        return Some(Who::Pronoun);
    }
    Some(Who::Phrase(Span::new(first.start, last.end)))
}

/// The subject of a verb at `verb`, read from the clause `[start, verb)`: the first PER
/// mention there (outside quotations), else the first segment between commas that is
/// not an adverbial or a relative clause, trimmed of fillers.
pub(crate) fn subject_before(
    text: &str,
    start: usize,
    verb: usize,
    mentions: &[Mention],
    quoted: &[Span],
) -> Option<Who> {
    if let Some(m) = first_person(mentions, start, verb, quoted) {
        return Some(Who::Phrase(m.span));
    }
    let toks: Vec<Tok> = Tokens::new(text, start, verb).collect();
    let mut segment_start = 0;
    for i in 0..=toks.len() {
        let at_comma = toks.get(i).is_none_or(|t| t.punct.is_some());
        if !at_comma {
            continue;
        }
        let segment = toks.get(segment_start..i).unwrap_or(&[]);
        segment_start = i + 1;
        let Some(head) = segment.first() else {
            continue;
        };
        let head_word = head.text(text);
        let is_last = i >= toks.len();
        // An adverbial or relative clause is never the subject; a filler opening the
        // last segment ("Sementara itu polisi ...") is trimmed instead.
        let opener = is_in(ADVERBIAL_OPENERS, head_word);
        if opener && !(is_last && is_in(LEADING_FILLERS, head_word)) {
            continue;
        }
        if let Some(who) = trim_subject(text, segment) {
            return Some(who);
        }
    }
    None
}

/// A subject phrase from a segment's tokens: fillers stripped at both ends, at most
/// [`MAX_WORDS`] words kept (the last ones, nearest the verb).
fn trim_subject(text: &str, segment: &[Tok]) -> Option<Who> {
    let mut a = 0;
    let mut b = segment.len();
    while a < b
        && segment
            .get(a)
            .is_some_and(|t| t.punct.is_some() || is_in(LEADING_FILLERS, t.text(text)))
    {
        a += 1;
    }
    while b > a
        && segment.get(b - 1).is_some_and(|t| {
            t.punct.is_some() || (!t.is_capitalised(text) && is_in(TRAILING_FILLERS, t.text(text)))
        })
    {
        b -= 1;
    }
    let words = segment.get(a..b)?;
    if words
        .iter()
        .any(|t| t.punct.is_some_and(|p| p != '.' && p != '-' && p != '&'))
    {
        return None;
    }
    let kept = words.get(words.len().saturating_sub(MAX_WORDS)..)?;
    let (first, last) = (kept.first()?, kept.last()?);
    if kept.len() == 1 && is_pronoun(first.text(text)) {
        return Some(Who::Pronoun);
    }
    Some(Who::Phrase(Span::new(first.start, last.end)))
}

/// Whether `span` lies inside one of the (sorted) quoted spans.
pub(crate) fn is_quoted(quoted: &[Span], span: Span) -> bool {
    let i = quoted.partition_point(|q| q.end <= span.start);
    quoted
        .get(i)
        .is_some_and(|q| q.start <= span.start && span.end <= q.end)
}

/// The first PER mention inside `[start, end)` that is not inside a quotation.
pub(crate) fn first_person<'m>(
    mentions: &'m [Mention],
    start: usize,
    end: usize,
    quoted: &[Span],
) -> Option<&'m Mention> {
    let i = mentions.partition_point(|m| m.span.start < start);
    mentions
        .get(i..)?
        .iter()
        .take_while(|m| m.span.end <= end)
        .find(|m| m.label == Label::Per && !is_quoted(quoted, m.span))
}

/// A resolved speaker: the name users see and the entity, if any.
pub(crate) type Named = (String, Option<usize>);

/// Names a speaker phrase: the PER entity a mention in it belongs to, an entity whose
/// mention is exactly the phrase, an entity whose name, alias or surname the phrase
/// is, or else the phrase as written.
pub(crate) fn name_phrase(
    text: &str,
    phrase: Span,
    mentions: &[Mention],
    entities: &[Entity],
) -> Named {
    let entity_named = |e: usize| entities.get(e).map(|ent| (ent.name.clone(), Some(e)));
    let i = mentions.partition_point(|m| m.span.end <= phrase.start);
    let overlapping = mentions
        .get(i..)
        .unwrap_or(&[])
        .iter()
        .take_while(|m| m.span.start < phrase.end);
    let mut exact = None;
    for m in overlapping {
        if m.label == Label::Per {
            if let Some(named) = entity_named(m.entity) {
                return named;
            }
        }
        if m.span == phrase {
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

/// The entity (PER first) whose canonical name or an alias is `phrase`, or — for a
/// one-word capitalised phrase — whose name ends with it (a surname).
fn entity_by_name(phrase: &str, entities: &[Entity]) -> Option<usize> {
    if !phrase.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let one_word = !phrase.contains(char::is_whitespace);
    let matches = |e: &Entity| {
        e.name == phrase
            || e.aliases.iter().any(|a| a == phrase)
            || (one_word && e.name.split_whitespace().any(|w| w == phrase))
    };
    let per = entities
        .iter()
        .position(|e| e.label == Label::Per && matches(e));
    per.or_else(|| {
        entities.iter().position(|e| {
            e.label != Label::Loc && (e.name == phrase || e.aliases.iter().any(|a| a == phrase))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(text: &str) -> Option<&str> {
        match phrase_after(text, 0, text.len()) {
            Some(Who::Phrase(s)) => Some(s.slice(text)),
            Some(Who::Pronoun) => Some("<pronoun>"),
            None => None,
        }
    }

    #[test]
    fn phrases_end_at_stops() {
        assert_eq!(
            phrase("Mohamed Elgeblawi, juru bicara"),
            Some("Mohamed Elgeblawi")
        );
        assert_eq!(phrase("Zulkifli di Gedung DPR"), Some("Zulkifli"));
        assert_eq!(phrase("seorang sumber yang dekat"), Some("seorang sumber"));
        assert_eq!(phrase("dia kepada wartawan"), Some("<pronoun>"));
        assert_eq!(phrase("Budi Senin (27/3)."), Some("Budi"));
        assert_eq!(phrase("H. Amir Syam."), Some("H. Amir Syam"));
        assert_eq!(phrase(", kata"), None);
    }

    fn subject(text: &str) -> Option<&str> {
        let verb = text.find(" VERB").unwrap_or(text.len());
        match subject_before(text, 0, verb, &[], &[]) {
            Some(Who::Phrase(s)) => Some(s.slice(text)),
            Some(Who::Pronoun) => Some("<pronoun>"),
            None => None,
        }
    }

    #[test]
    fn subjects_skip_adverbials_and_relatives() {
        assert_eq!(
            subject("Bashagha, yang mengunjungi Kairo, VERB"),
            Some("Bashagha")
        );
        assert_eq!(
            subject("Dalam keterangannya, Kapolri juga VERB"),
            Some("Kapolri")
        );
        assert_eq!(subject("Sementara itu, ia VERB"), Some("<pronoun>"));
        assert_eq!(subject("Sementara itu polisi VERB"), Some("polisi"));
    }
}
