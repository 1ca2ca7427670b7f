//! What the speaker finders share: who a cue points at, the word lists and word tests
//! they all use, and the mention look-ups. Reading a phrase after a cue is in
//! `phrase`, finding a verb's subject in `subject`, naming a phrase in `naming`.

pub(crate) use super::naming::name_phrase;
pub(crate) use super::phrase::phrase_after;
use super::scan::Tok;
pub(crate) use super::subject::subject_before;
use crate::doc::{Label, Mention, Span};

/// Who a cue points at, before names are resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Who {
    /// A phrase in the text ("Mohamed Elgeblawi", "seorang saksi").
    Phrase(Span),
    /// A pronoun or a "-nya" cue: the most recent plausible speaker.
    Pronoun,
    /// A description pointing back ("sumber itu", "pria berusia 46 tahun itu"): the
    /// recent unnamed speaker it repeats ("seorang sumber"), else as a pronoun.
    Epithet(Span),
}

/// Day names: "kata Budi Senin (27/3)" ends before them.
pub(crate) const WEEKDAYS: &[&str] = &[
    "Jum'at", "Jumat", "Kamis", "Minggu", "Rabu", "Sabtu", "Selasa", "Senin",
];

/// Words that stand for a speaker named earlier.
const PRONOUNS: &[&str] = &[
    "beliau",
    "beliaupun",
    "dia",
    "diapun",
    "dirinya",
    "he",
    "ia",
    "iapun",
    "mereka",
    "she",
    "they",
];

pub(crate) fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `word` is a pronoun standing for a speaker.
pub(crate) fn is_pronoun(word: &str) -> bool {
    is_in(PRONOUNS, word)
}

/// Whether the token is a single capital letter (an initial such as "H." or "A.").
pub(crate) fn is_initial(text: &str, tok: Tok) -> bool {
    let mut chars = tok.text(text).chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Words that open a common-noun phrase ("Seorang juru bicara", "Para pemain").
pub(crate) const DETERMINERS: &[&str] = &[
    "banyak",
    "beberapa",
    "hampir",
    "kedua",
    "mayoritas",
    "para",
    "pihak",
    "puluhan",
    "ratusan",
    "ribuan",
    "sebagian",
    "sebanyak",
    "sebuah",
    "sejumlah",
    "sekitar",
    "semua",
    "seorang",
    "setiap",
];

/// Whether a token can open a person's name: capitalised, and neither a title or role
/// ("Ketua", "Head") nor a function word ("The").
pub(crate) fn is_name_head(text: &str, tok: Tok) -> bool {
    let word = tok.text(text);
    tok.is_capitalised(text)
        && !super::names::is_role(word)
        && !is_in(DETERMINERS, word)
        && !super::scan::in_sorted_lower(crate::lang::en::FUNCTION_WORDS, word)
        && !super::scan::in_sorted_lower(crate::lang::id::FUNCTION_WORDS, word)
}

/// Whether a lower-case word looks like a verb ("menjelaskan", "berada"): it ends a
/// speaker phrase ("kata manajer itu menjelaskan ...").
pub(crate) fn looks_like_verb(word: &str) -> bool {
    let long = word.chars().count() >= 6;
    long && (word.starts_with("me") || word.starts_with("ber"))
}

/// Whether a mention is a person: tagged PER, and not only titles, roles or acronyms
/// ("Humas", "Kabag Humas") nor a month or day name.
pub(crate) fn is_person(text: &str, m: &Mention) -> bool {
    let words = m.span.slice(text);
    m.label == Label::Per
        && !is_calendar_word(words)
        && !words.split_whitespace().all(super::names::is_role)
}

/// The mentions overlapping `span` (mentions are in text order and do not nest).
pub(crate) fn overlapping(mentions: &[Mention], span: Span) -> impl Iterator<Item = &Mention> {
    let i = mentions.partition_point(|m| m.span.end <= span.start);
    mentions
        .get(i..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |m| m.span.start < span.end)
}

/// A definite description pointing back at someone already named: "sang ibu",
/// "mantan pelatih Persija Jakarta tersebut", "pemain asal Brasil itu".
pub(crate) fn is_epithet(text: &str, first: Tok, last: Tok) -> bool {
    let head = first.text(text);
    let tail = last.text(text);
    head.eq_ignore_ascii_case("sang")
        || (first != last && matches!(tail, "ini" | "itu" | "tersebut"))
}

/// Whether `span` lies inside one of the (sorted) quoted spans.
pub(crate) fn is_quoted(quoted: &[Span], span: Span) -> bool {
    let i = quoted.partition_point(|q| q.end <= span.start);
    quoted
        .get(i)
        .is_some_and(|q| q.start <= span.start && span.end <= q.end)
}

/// Words after which a person is an addressee or a source, not a speaker
/// ("kepada Ace Showbiz", "dikutip Daily Mail").
pub(crate) const NOT_SUBJECT_AFTER: &[&str] = &[
    "bersama", "dari", "dengan", "dikutip", "dilansir", "kepada", "melansir", "mengutip", "pada",
    "tentang", "terhadap", "untuk", "via",
];

/// Whether the word before `pos` makes a person there an addressee or a source.
pub(crate) fn after_preposition(text: &str, pos: usize) -> bool {
    let before = text.get(..pos).unwrap_or("");
    let trimmed = before.trim_end();
    let word_start = trimmed
        .rfind(|c: char| !super::scan::is_word_char(c))
        .map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = trimmed.get(word_start..).unwrap_or("");
    is_in(NOT_SUBJECT_AFTER, word)
}

/// The first PER mention inside `[start, end)` that is not inside a quotation, nor an
/// addressee or a source ("kepada X", "dikutip X").
pub(crate) fn first_person<'m>(
    text: &str,
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
        .take(64)
        .find(|m| {
            is_person(text, m)
                && !is_quoted(quoted, m.span)
                && !after_preposition(text, m.span.start)
        })
}

/// A resolved speaker: the name users see and the entity, if any.
pub(crate) type Named = (String, Option<usize>);

/// Month and day names, which a tagger sometimes takes for people ("Juli lalu, ia ...").
pub(crate) fn is_calendar_word(word: &str) -> bool {
    let months = || {
        crate::lang::id::MONTHS
            .iter()
            .chain(crate::lang::en::MONTHS)
    };
    let month = if word.is_ascii() {
        // No allocation for the usual case; month names are ASCII lower case.
        months().any(|(m, _)| m.len() > 3 && m.eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        months().any(|(m, _)| m.len() > 3 && *m == lower)
    };
    month || WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(text: &str) -> Option<&str> {
        match phrase_after(text, 0, text.len(), &[]) {
            Some(Who::Phrase(s)) => Some(s.slice(text)),
            Some(Who::Pronoun | Who::Epithet(_)) => Some("<pronoun>"),
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
            Some(Who::Pronoun | Who::Epithet(_)) => Some("<pronoun>"),
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
