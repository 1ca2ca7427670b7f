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

/// The most words a subject phrase keeps.
const MAX_WORDS: usize = 10;

/// The most words a speaker phrase after a cue runs to (titles can be long:
/// "Kepala Subdirektorat ... Ajun Komisaris Besar Polisi Budiyanto").
const MAX_PHRASE_WORDS: usize = 18;

/// Lower-case words that end a speaker phrase after a cue ("kata Budi di Jakarta").
const STOP_AFTER: &[&str] = &[
    "after",
    "as",
    "at",
    "before",
    "dalam",
    "di",
    "dijumpai",
    "dikutip",
    "dilansir",
    "ditemui",
    "during",
    "in",
    "juga",
    "kemarin",
    "kembali",
    "kepada",
    "ketika",
    "lagi",
    "lalu",
    "lebih",
    "lewat",
    "melalui",
    "on",
    "pada",
    "pula",
    "pun",
    "saat",
    "sambil",
    "sebagai",
    "sebagaimana",
    "sebelum",
    "selaku",
    "sembari",
    "sendiri",
    "seperti",
    "seraya",
    "sesaat",
    "sesudah",
    "setelah",
    "seusai",
    "tanpa",
    "to",
    "usai",
    "via",
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

/// Nouns for unnamed speakers: "orang yang mengaku dekat ..." is a new speaker, not a
/// description of someone named before.
const GENERIC_NOUNS: &[&str] = &[
    "narasumber",
    "orang",
    "pihak",
    "saksi",
    "seseorang",
    "sumber",
    "warga",
    "warganet",
];

/// Words that open a common-noun phrase ("Seorang juru bicara", "Para pemain").
const DETERMINERS: &[&str] = &[
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
fn is_name_head(text: &str, tok: Tok) -> bool {
    let word = tok.text(text);
    let lower = word.to_ascii_lowercase();
    tok.is_capitalised(text)
        && !super::names::is_role(word)
        && !is_in(DETERMINERS, word)
        && crate::lang::en::FUNCTION_WORDS
            .binary_search(&lower.as_str())
            .is_err()
        && crate::lang::id::FUNCTION_WORDS
            .binary_search(&lower.as_str())
            .is_err()
}

/// Whether a lower-case word looks like a verb ("menjelaskan", "berada"): it ends a
/// speaker phrase ("kata manajer itu menjelaskan ...").
fn looks_like_verb(word: &str) -> bool {
    let long = word.chars().count() >= 6;
    long && (word.starts_with("me") || word.starts_with("ber"))
}

/// The speaker phrase that starts at `pos` (after a cue), ending at punctuation, a stop
/// word, a verb or a day name, not past `limit`. A lone pronoun, or an epithet pointing
/// back ("mantan pelatih Persija tersebut", "sang ibu"), gives [`Who::Pronoun`]; a role
/// followed by the name in apposition ("asisten pelatih Timnas, Bima Sakti") gives the
/// name.
pub(crate) fn phrase_after(
    text: &str,
    pos: usize,
    limit: usize,
    mentions: &[Mention],
) -> Option<Who> {
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
        if first.is_some() && (WEEKDAYS.contains(&word) || (lower_case && looks_like_verb(word))) {
            break;
        }
        // A capitalised name ends at the first lower-case word ("Nguyen Xian Thanh
        // dari ...", "Keenan dengan singkat"), except a particle or "dan" joining
        // capitalised words ("Humas dan Protokol").
        if lower_case && first.is_some_and(|f| is_name_head(text, f)) {
            let joins = matches!(
                word,
                "dan" | "bin" | "binti" | "van" | "von" | "de" | "da" | "al"
            ) && toks.peek().is_some_and(|n| n.is_capitalised(text));
            if !joins {
                break;
            }
        }
        first.get_or_insert(tok);
        last = Some(tok);
        words += 1;
        if words >= MAX_PHRASE_WORDS {
            break;
        }
    }
    let (first, last) = (first?, last?);
    if is_pronoun(first.text(text)) {
        // "dia", "dia sembari ...": the speaker named before.
        return Some(Who::Pronoun);
    }
    let phrase = Span::new(first.start, last.end);
    // A person named as a complement ("ibunda dari musisi Axel ...") is not the speaker.
    let complement = |m: &Mention| {
        !first.is_capitalised(text)
            && Tokens::new(text, phrase.start, m.span.start)
                .any(|t| is_in(NOT_SUBJECT_AFTER, t.text(text)))
    };
    let speaker_person =
        overlapping(mentions, phrase).any(|m| is_person(text, m) && !complement(m));
    if speaker_person {
        return Some(Who::Phrase(phrase));
    }
    let head = first.text(text);
    let role_like = !first.is_capitalised(text) || super::names::is_role(head);
    // "gelandang bertinggi 175 cm itu", "sumber itu", "pria terkaya di dunia ini lagi":
    // a description pointing back, not a new speaker.
    let demonstrative_inside = Tokens::new(text, first.end, last.end)
        .any(|t| matches!(t.text(text), "itu" | "ini" | "tersebut"));
    if role_like && (demonstrative_inside || epithet_tail(text, first.end, limit)) {
        return Some(Who::Pronoun);
    }
    let bare_noun_then_yang = words == 1
        && !first.is_capitalised(text)
        && !is_in(GENERIC_NOUNS, head)
        && Tokens::new(text, last.end, limit)
            .next()
            .is_some_and(|t| t.text(text) == "yang");
    if is_epithet(text, first, last) || bare_noun_then_yang {
        return Some(Who::Pronoun);
    }
    if role_like {
        if let Some(name) = apposition(text, first.start, last.end, limit, mentions) {
            return Some(Who::Phrase(name));
        }
        // "Ketua Panitia yang juga Kepala Dinas ... Suardi": the person later in the
        // clause.
        if let Some(m) = clause_person(text, last.end, limit, mentions) {
            return Some(Who::Phrase(m));
        }
    }
    Some(Who::Phrase(phrase))
}

/// Whether the clause from `pos` ends with a demonstrative, making the whole speaker
/// phrase an epithet ("presenter ... kelahiran Hannover, Jerman, 8 Mei 1984 ini.").
fn epithet_tail(text: &str, pos: usize, limit: usize) -> bool {
    let mut last_word = None;
    for t in Tokens::new(text, pos, limit).take(25) {
        match t.punct {
            Some('.' | '!' | '?' | ';' | '"' | '“' | '”' | '(') => break,
            Some(_) => {}
            None if is_in(TRAILING_FILLERS, t.text(text)) || t.text(text) == "lagi" => {}
            None => last_word = Some(t),
        }
    }
    last_word.is_some_and(|t| matches!(t.text(text), "ini" | "itu" | "tersebut"))
}

/// The first person mention in the rest of the clause from `pos` (to the end of the
/// sentence, at most 25 tokens).
fn clause_person(text: &str, pos: usize, limit: usize, mentions: &[Mention]) -> Option<Span> {
    let mut end = pos;
    for t in Tokens::new(text, pos, limit).take(25) {
        if matches!(t.punct, Some('.' | '!' | '?' | ';')) {
            break;
        }
        end = t.end;
    }
    overlapping(mentions, Span::new(pos, end))
        .find(|m| is_person(text, m))
        .map(|m| m.span)
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
fn is_epithet(text: &str, first: Tok, last: Tok) -> bool {
    let head = first.text(text);
    let tail = last.text(text);
    head.eq_ignore_ascii_case("sang")
        || (first != last && matches!(tail, "ini" | "itu" | "tersebut"))
}

/// A name in apposition after `pos`: ", Bima Sakti" (capitalised words up to the next
/// punctuation or lower-case word), unless the tagger calls it an organisation or place.
fn apposition(
    text: &str,
    role_start: usize,
    pos: usize,
    limit: usize,
    mentions: &[Mention],
) -> Option<Span> {
    let mut toks = Tokens::new(text, pos, limit);
    if toks.next()?.punct != Some(',') {
        return None;
    }
    let mut first: Option<Tok> = None;
    let mut last: Option<Tok> = None;
    let mut words = 0;
    for tok in toks {
        if tok.punct == Some('.') && last.is_some_and(|l| is_initial(text, l)) {
            continue;
        }
        if !tok.is_capitalised(text) || WEEKDAYS.contains(&tok.text(text)) {
            break;
        }
        if first.is_none() && super::names::is_role(tok.text(text)) {
            return None;
        }
        first.get_or_insert(tok);
        last = Some(tok);
        words += 1;
        if words > 5 {
            return None;
        }
    }
    let name = Span::new(first?.start, last?.end);
    // After a title or rank ("asisten pelatih Timnas, Bima Sakti") the apposition is a
    // person whatever the tagger says; after other phrases, a name the tagger files
    // as an organisation or a place is not taken.
    let after_role = Tokens::new(text, role_start, pos)
        .next()
        .is_some_and(|t| super::names::is_role(t.text(text)));
    let other = overlapping(mentions, name).any(|m| m.label != Label::Per);
    (after_role || !other).then_some(name)
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
    let last_comma = toks.iter().rposition(|t| t.punct == Some(','));
    let tail = toks.get(last_comma.map_or(0, |c| c + 1)..).unwrap_or(&[]);
    if let (Some(first), Some(last)) = (tail.first(), tail.last()) {
        let tail_span = Span::new(first.start, last.end);
        let opens_clause = is_in(ADVERBIAL_OPENERS, first.text(text));
        if !opens_clause {
            if let Some(m) = first_person(text, mentions, tail_span.start, tail_span.end, quoted) {
                return Some(Who::Phrase(m.span));
            }
            if tail.len() == 1 && is_pronoun(first.text(text)) {
                return Some(Who::Pronoun);
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

/// Whether `span` lies inside one of the (sorted) quoted spans.
pub(crate) fn is_quoted(quoted: &[Span], span: Span) -> bool {
    let i = quoted.partition_point(|q| q.end <= span.start);
    quoted
        .get(i)
        .is_some_and(|q| q.start <= span.start && span.end <= q.end)
}

/// Words after which a person is an addressee or a source, not a speaker
/// ("kepada Ace Showbiz", "dikutip Daily Mail").
const NOT_SUBJECT_AFTER: &[&str] = &[
    "bersama", "dari", "dengan", "dikutip", "dilansir", "kepada", "melansir", "mengutip", "pada",
    "tentang", "terhadap", "untuk", "via",
];

/// Whether the word before `pos` makes a person there an addressee or a source.
fn after_preposition(text: &str, pos: usize) -> bool {
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
        let e = fuller_person(e, entities);
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

/// How many entities the name heuristics look through (an article with more is not
/// news prose; the bound keeps every look-up short).
const MAX_ENTITIES: usize = 512;

/// Month and day names, which a tagger sometimes takes for people ("Juli lalu, ia ...").
pub(crate) fn is_calendar_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    crate::lang::id::MONTHS
        .iter()
        .chain(crate::lang::en::MONTHS)
        .any(|(m, _)| m.len() > 3 && *m == lower)
        || WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(text: &str) -> Option<&str> {
        match phrase_after(text, 0, text.len(), &[]) {
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
