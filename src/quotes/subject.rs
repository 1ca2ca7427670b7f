//! The subject of a reporting verb ("Bashagha, yang mengunjungi Kairo bulan lalu,
//! mencuit" → "Bashagha"): the person nearest the verb, else the clause's first
//! person, else the comma-separated segment that reads as a name.

use super::scan::{Tok, Tokens};
use super::speaker::{
    first_person, is_calendar_word, is_epithet, is_in, is_name_head, is_pronoun, looks_like_verb,
    Who,
};
use crate::doc::{Mention, Span};

/// The most words a subject phrase keeps.
const MAX_WORDS: usize = 10;

/// Conjunctions that open a second clause with its own subject.
const CLAUSE_JOINERS: &[&str] = &["sedangkan", "sementara", "whereas", "while"];

/// Lower-case words that open an adverbial before the subject ("Dalam keterangannya, ...").
const ADVERBIAL_OPENERS: &[&str] = &[
    "adapun",
    "after",
    "akan",
    "also",
    "and",
    "atas",
    "bagi",
    "bahkan",
    "before",
    "berdasarkan",
    "but",
    "dalam",
    "dan",
    "dari",
    "dengan",
    "di",
    "diberitakan",
    "dihubungi",
    "dijumpai",
    "dikonfirmasi",
    "dikutip",
    "dilansir",
    "disinggung",
    "ditanya",
    "ditemui",
    "during",
    "hingga",
    "however",
    "in",
    "jika",
    "kalau",
    "karena",
    "kemudian",
    "kepada",
    "ketika",
    "lebih",
    "lewat",
    "meanwhile",
    "melalui",
    "mengenai",
    "menjelang",
    "menurut",
    "meski",
    "meskipun",
    "namun",
    "oleh",
    "on",
    "pada",
    "padahal",
    "saat",
    "sampai",
    "sebagai",
    "sebagaimana",
    "sebelum",
    "sebelumnya",
    "sedangkan",
    "seiring",
    "sejak",
    "selain",
    "selama",
    "semasa",
    "sementara",
    "seperti",
    "sesudah",
    "setelah",
    "seusai",
    "sewaktu",
    "soal",
    "tapi",
    "tentang",
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
    "akhirnya",
    "and",
    "bahkan",
    "begitu",
    "but",
    "demikian",
    "itu",
    "kemudian",
    "kini",
    "lalu",
    "lanjut",
    "lebih",
    "meanwhile",
    "nah",
    "namun",
    "pun",
    "rupanya",
    "sayangnya",
    "sebelumnya",
    "sedangkan",
    "sekarang",
    "selanjutnya",
    "sementara",
    "sepertinya",
    "tampaknya",
    "tapi",
    "ternyata",
    "tetapi",
    "untungnya",
    "ya",
];

/// Words that open a time adverbial ("Tahun lalu, ...", "Kemarin, ...").
const TIME_WORDS: &[&str] = &[
    "besok",
    "hari",
    "kemarin",
    "kemudian",
    "malam",
    "pagi",
    "pekan",
    "siang",
    "sore",
    "tahun",
    "yesterday",
    "today",
];

/// Lower-case prepositions that end a subject phrase before its verb.
const SUBJECT_STOPS: &[&str] = &[
    "dalam", "di", "kepada", "ketika", "lewat", "melalui", "pada", "saat", "seusai", "usai",
];

/// Words between a subject and its verb that are not part of the subject.
pub(crate) const TRAILING_FILLERS: &[&str] = &[
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

/// Whether a (lower-case) word opens an adverbial or a connecting phrase ("selain",
/// "sementara", "menurut"): a capitalised one is a sentence opener, not a name.
pub(crate) fn is_opener(word: &str) -> bool {
    is_in(ADVERBIAL_OPENERS, word) || is_in(LEADING_FILLERS, word)
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
    let toks: Vec<Tok> = Tokens::new(text, start, verb).collect();
    // The words right before the verb, after the last comma, hold the subject when
    // they are a pronoun or name a person ("..., Emil mengklaim", "..., ia
    // mengatakan"); otherwise the clause's first person ("Bashagha, yang ..., mencuit").
    // A closing quotation mark bounds the tail too: `X mengatakan, "..." sementara Y
    // mengatakan, "..."` gives the second quotation to Y.
    let last_comma = toks
        .iter()
        .rposition(|t| matches!(t.punct, Some(',' | '"' | '”' | '»')));
    let tail = toks.get(last_comma.map_or(0, |c| c + 1)..).unwrap_or(&[]);
    if let (Some(first), Some(last)) = (tail.first(), tail.last()) {
        let tail_span = Span::new(first.start, last.end);
        // "..., sementara Boris Johnson mengatakan": a new clause with its own subject.
        let joins = is_in(CLAUSE_JOINERS, first.text(text)) && tail.len() > 1;
        let opens_clause = is_in(ADVERBIAL_OPENERS, first.text(text)) && !joins;
        if !opens_clause {
            if let Some(m) = first_person(text, mentions, tail_span.start, tail_span.end, quoted) {
                return Some(Who::Phrase(m.span));
            }
            if tail.len() == 1 && is_pronoun(first.text(text)) {
                return Some(Who::Pronoun);
            }
        }
    }
    // "Salah seorang Aremania, Ahmad Ghozali, mengaku": a name standing alone between
    // the last two commas is an apposition naming the subject.
    if tail.is_empty() && !toks.is_empty() {
        let end = toks.len() - 1;
        let from = toks
            .get(..end)
            .and_then(|t| t.iter().rposition(|t| t.punct.is_some()))
            .map_or(0, |c| c + 1);
        if let (Some(a), Some(b)) = (toks.get(from), end.checked_sub(1).and_then(|i| toks.get(i))) {
            if from > 0 && a.start < b.end {
                let segment = Span::new(a.start, b.end);
                let whole = first_person(text, mentions, segment.start, segment.end, quoted)
                    .filter(|m| m.span.start == segment.start && m.span.end == segment.end);
                if let Some(m) = whole {
                    return Some(Who::Phrase(m.span));
                }
            }
        }
    }
    if let Some(m) = first_person(text, mentions, start, verb, quoted) {
        return Some(Who::Phrase(m.span));
    }
    // Without a person: of the comma-separated segments that are neither adverbials,
    // relative clauses, times nor numbers, the last one opening with a name
    // ("Dihubungi ..., Penerbit Gramedia menjelaskan"; "Budi, Kepala Dinas, ...");
    // failing that, the last one ("Sementara itu, pelatih Persib mengatakan").
    let mut candidates: Vec<Who> = Vec::new();
    let mut named: Option<Who> = None;
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
        let opener = is_in(ADVERBIAL_OPENERS, head_word);
        // "Juli lalu, ia mengatakan", "Senin (27/3), polisi ...": a time, not a subject.
        let time = is_calendar_word(head_word)
            || is_in(TIME_WORDS, head_word)
            || head_word.starts_with(|c: char| c.is_ascii_digit());
        if time || (opener && !is_last) {
            continue;
        }
        let segment = if opener && !is_in(LEADING_FILLERS, head_word) {
            // "Ketika dokter mengatakan", "sebelumnya Tere menyebut": past the opener,
            // to the first capitalised word if there is one.
            let rest = segment.get(1..).unwrap_or(&[]);
            let cap = rest.iter().take(3).position(|t| t.is_capitalised(text));
            rest.get(cap.unwrap_or(0)..).unwrap_or(&[])
        } else {
            segment
        };
        if let Some(who) = trim_subject(text, segment) {
            let name_like = segment.first().is_some_and(|t| is_name_head(text, *t));
            if name_like || who == Who::Pronoun {
                named = Some(who);
            }
            candidates.push(who);
        }
    }
    named.or_else(|| candidates.last().copied())
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
    // "Malaysia berada di posisi yang sama dan seorang pejabat di sana": after a verb,
    // a conjunction opens a new clause whose subject is the one wanted.
    if let Some(v) = segment.get(a..b).and_then(|w| {
        w.iter()
            .position(|t| t.is_word() && !t.is_capitalised(text) && looks_like_verb(t.text(text)))
    }) {
        let conj = segment.get(a + v..b).and_then(|w| {
            w.iter().rposition(|t| {
                matches!(
                    t.text(text),
                    "dan" | "tetapi" | "namun" | "sedangkan" | "sementara"
                )
            })
        });
        if let Some(c) = conj {
            if a + v + c + 1 < b {
                a = a + v + c + 1;
            }
        }
    }
    // An epithet ending in a demonstrative points back ("laki-laki yang sering
    // dipanggil Kobi itu", "eks kapten timnas itu").
    let tail = segment.get(a..b).and_then(|w| {
        w.iter()
            .rev()
            .find(|t| t.is_word() && !is_in(TRAILING_FILLERS, t.text(text)))
    });
    if let (Some(head), Some(tail)) = (segment.get(a), tail) {
        if head.start != tail.start && is_epithet(text, *head, *tail) {
            return Some(Who::Pronoun);
        }
    }
    // A relative clause or a preposition after the subject ends it ("orang yang ...",
    // "Olivier Gerhardt dalam rilisnya").
    if let Some(v) = segment.get(a + 1..b).and_then(|rest| {
        rest.iter().position(|t| {
            t.is_word() && (t.text(text) == "yang" || is_in(SUBJECT_STOPS, t.text(text)))
        })
    }) {
        b = a + 1 + v;
    }
    // A verb inside the segment ends the subject ("Ia mengaku senang dan ...").
    if let Some(v) = segment.get(a + 1..b).and_then(|rest| {
        rest.iter()
            .position(|t| t.is_word() && !t.is_capitalised(text) && looks_like_verb(t.text(text)))
    }) {
        b = a + 1 + v;
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
    // "ia", or "ia masih enggan", "Ia baru": a pronoun and adverbs.
    let rest_lower = kept.iter().skip(1).all(|t| !t.is_capitalised(text));
    if is_pronoun(first.text(text)) && rest_lower {
        return Some(Who::Pronoun);
    }
    // A capitalised subject ends at its first lower-case word ("Keenan dengan ...").
    if is_name_head(text, *first) {
        if let Some(cut) = kept
            .iter()
            .position(|t| !t.is_capitalised(text) && t.text(text) != "dan")
        {
            if let Some(prev) = cut.checked_sub(1).and_then(|c| kept.get(c)) {
                return Some(Who::Phrase(Span::new(first.start, prev.end)));
            }
        }
    }
    if is_epithet(text, *first, *last) {
        return Some(Who::Pronoun);
    }
    Some(Who::Phrase(Span::new(first.start, last.end)))
}
