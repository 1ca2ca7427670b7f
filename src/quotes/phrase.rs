//! The speaker phrase after a cue ("kata Mohamed Elgeblawi, juru bicara ..." →
//! "Mohamed Elgeblawi"): where it ends, when it is a pronoun or an epithet pointing
//! back, and when the name stands in apposition after a title.

use super::scan::{char_at, Tok, Tokens};
use super::speaker::{
    is_epithet, is_in, is_initial, is_name_head, is_person, is_pronoun, looks_like_verb,
    overlapping, Who, NOT_SUBJECT_AFTER, WEEKDAYS,
};
use super::subject::TRAILING_FILLERS;
use crate::doc::{Label, Mention, Span};

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

/// Nouns for unnamed speakers: "orang yang mengaku dekat ..." is a new speaker, not a
/// description of someone named before.
const GENERIC_NOUNS: &[&str] = &[
    "dokumen",
    "keterangan",
    "laporan",
    "narasumber",
    "orang",
    "pernyataan",
    "pihak",
    "putusan",
    "rilis",
    "saksi",
    "seseorang",
    "sumber",
    "surat",
    "warga",
    "warganet",
];

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
    let head = first.text(text);
    let role_like = !first.is_capitalised(text) || super::names::is_role(head);
    // A title of two words whose second is the role ("General Manager Arema FC, ...").
    let second_is_role = Tokens::new(text, first.end, last.end)
        .find(|t| t.is_word())
        .is_some_and(|t| super::names::is_role(t.text(text)));
    // "pelatih kepala Lakers, Luke Walton", "vokalis Java Jive, Dany Spreet": the person
    // in apposition speaks, even when the tagger reads the team or band as a person.
    // A one-word apposition after a phrase that already names a person is more often a
    // misspelt day ("..., Mingggu (18/2)") than the speaker.
    let names_person = overlapping(mentions, phrase).any(|m| is_person(text, m));
    // "cucu mursyid Shiddiqiyah Jombang, KH Muchtar Mu'ti ini": a description ending in
    // a demonstrative right after the name points back; the name in it is a relative's.
    if role_like || second_is_role {
        let named = apposition(text, first.start, last.end, limit, mentions).filter(|&n| {
            let demonstrative = Tokens::new(text, n.end, limit)
                .next()
                .is_some_and(|t| matches!(t.text(text), "ini" | "itu" | "tersebut"));
            if demonstrative {
                return false;
            }
            let person = overlapping(mentions, n).any(|m| is_person(text, m));
            let words = Tokens::new(text, n.start, n.end)
                .filter(|t| t.is_word())
                .count();
            (mentions.is_empty() || person) && (words >= 2 || !names_person)
        });
        if let Some(name) = named {
            return Some(Who::Phrase(name));
        }
    }
    let speaker_person =
        overlapping(mentions, phrase).any(|m| is_person(text, m) && !complement(m));
    if speaker_person {
        return Some(Who::Phrase(phrase));
    }
    // "gelandang bertinggi 175 cm itu", "sumber itu", "pria terkaya di dunia ini lagi":
    // a description pointing back, not a new speaker.
    let demonstrative_inside = Tokens::new(text, first.end, last.end)
        .any(|t| matches!(t.text(text), "itu" | "ini" | "tersebut"));
    // "seorang petinggi pabrikan itu" stays an unnamed speaker: "seorang" is indefinite.
    let indefinite = head.eq_ignore_ascii_case("seorang") || head.eq_ignore_ascii_case("salah");
    // A title as epithet ("Putri Indonesia 2005 yang pernah mewakili ... ini") points
    // back too, when a relative clause follows it.
    let relative_follows = Tokens::new(text, last.end, limit)
        .find(|t| !t.text(text).chars().all(|c| c.is_ascii_digit()))
        .is_some_and(|t| t.text(text) == "yang");
    let points_back = demonstrative_inside || epithet_tail(text, first.end, limit);
    if (role_like || relative_follows) && !indefinite && points_back {
        return Some(Who::Epithet(phrase));
    }
    let bare_noun_then_yang = words == 1
        && !first.is_capitalised(text)
        && !is_in(GENERIC_NOUNS, head)
        && Tokens::new(text, last.end, limit)
            .next()
            .is_some_and(|t| t.text(text) == "yang");
    if (is_epithet(text, first, last) && !indefinite) || bare_noun_then_yang {
        return Some(Who::Epithet(phrase));
    }
    if role_like {
        if let Some(name) = apposition(text, first.start, last.end, limit, mentions) {
            return Some(Who::Phrase(name));
        }
        // "Ketua Panitia yang juga Kepala Dinas ... Suardi": the person later in the
        // relative clause (not a source after a comma: ", seperti dilaporkan Yonhap").
        let relative = Tokens::new(text, last.end, limit)
            .next()
            .is_some_and(|t| t.text(text) == "yang");
        if relative {
            if let Some(m) = clause_person(text, last.end, limit, mentions) {
                return Some(Who::Phrase(m));
            }
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
    let clause = Span::new(pos, end);
    overlapping(mentions, clause)
        .find(|m| is_person(text, m))
        .map(|m| m.span)
        .or_else(|| place_glued_name(text, clause, mentions))
}

/// A person's name the tagger glued to a place and filed as the place ("... Kepala
/// Dinas Pemuda dan Olahraga Padang Suardi, di Padang"): the first mention of the
/// clause that ends at a comma or the clause's end, of two or more capitalised words,
/// whose first word is a place or organisation the article also names on its own; the
/// rest is the name.
fn place_glued_name(text: &str, clause: Span, mentions: &[Mention]) -> Option<Span> {
    let glued = |m: &Mention| -> Option<Span> {
        let next = Tokens::new(text, m.span.end, clause.end).next();
        let closes = next.is_none_or(|t| t.punct == Some(','));
        if m.label == Label::Per || !closes {
            return None;
        }
        let mut words = Tokens::new(text, m.span.start, m.span.end).filter(|t| t.is_word());
        let (head, rest) = (words.next()?, words.next()?);
        let head_word = head.text(text);
        let alone = mentions
            .iter()
            .take(512)
            .any(|o| o.label != Label::Per && o.span != m.span && o.span.slice(text) == head_word);
        let rest_capitalised = Tokens::new(text, rest.start, m.span.end)
            .filter(|t| t.is_word())
            .all(|t| t.is_capitalised(text));
        (alone && rest_capitalised).then(|| Span::new(rest.start, m.span.end))
    };
    overlapping(mentions, clause)
        .filter(|m| m.span.end <= clause.end)
        .find_map(glued)
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
        // A rank or title opening the apposition ("Kapolres Kediri Kota, AKBP Anthon
        // Haryadi") is not part of the name.
        if first.is_none() && super::names::is_role(tok.text(text)) {
            continue;
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
