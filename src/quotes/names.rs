//! Speaker names without an entity to lean on (no mention covers the phrase): job titles
//! and ranks stripped ("Kombes Argo Yuwono" → "Argo Yuwono"), and a lone surname
//! completed from the article's fullest capitalised run containing it ("Elgeblawi" →
//! "Mohamed Elgeblawi"), as the entity model would name it.

use super::scan::{char_at, char_before, is_word_char, Tok, Tokens};
use crate::doc::{Label, Mention, Span};

/// Capitalised words that are titles, ranks or role nouns, not parts of a name
/// (matched case-insensitively, sorted).
const ROLE_WORDS: &[&str] = &[
    "ahli",
    "aipda",
    "aiptu",
    "ajun",
    "akbp",
    "akp",
    "aktor",
    "aktris",
    "analyst",
    "anggota",
    "asisten",
    "bapak",
    "bek",
    "besar",
    "bharada",
    "bicara",
    "bidang",
    "bos",
    "brigadir",
    "brigjen",
    "bripka",
    "briptu",
    "bu",
    "bupati",
    "business",
    "camat",
    "ceo",
    "cfo",
    "chairman",
    "chief",
    "co-founder",
    "coach",
    "coo",
    "cto",
    "dalam",
    "dandim",
    "danramil",
    "deputi",
    "development",
    "director",
    "direktur",
    "dirut",
    "dokter",
    "dosen",
    "dr",
    "eks",
    "executive",
    "founder",
    "gelandang",
    "gen",
    "gov",
    "governor",
    "gubernur",
    "guru",
    "h",
    "habib",
    "hakim",
    "head",
    "hj",
    "humas",
    "ibu",
    "inspektur",
    "ipda",
    "iptu",
    "ir",
    "irjen",
    "jaksa",
    "jenderal",
    "jubir",
    "kabag",
    "kabareskrim",
    "kabid",
    "kades",
    "kadis",
    "kadispen",
    "kadiv",
    "kapendam",
    "kapolda",
    "kapolres",
    "kapolresta",
    "kapolrestabes",
    "kapolri",
    "kapolsek",
    "kapten",
    "kapuspen",
    "kapuspenkum",
    "karo",
    "kasad",
    "kasal",
    "kasat",
    "kasau",
    "kasi",
    "kasubag",
    "kasubbag",
    "kepala",
    "ketua",
    "ketum",
    "kh",
    "kiai",
    "kiper",
    "kolonel",
    "kombes",
    "komisaris",
    "komjen",
    "kompol",
    "koordinator",
    "laksda",
    "letjen",
    "letkol",
    "luar",
    "lurah",
    "madya",
    "manager",
    "managing",
    "manajer",
    "mantan",
    "marketing",
    "marsekal",
    "mayjen",
    "mayor",
    "mendagri",
    "menkeu",
    "menko",
    "menkopolhukam",
    "menlu",
    "menteri",
    "minister",
    "mr",
    "mrs",
    "ms",
    "muda",
    "negeri",
    "officer",
    "pak",
    "pangdam",
    "panglima",
    "partner",
    "pelatih",
    "pemain",
    "pendiri",
    "peneliti",
    "pengamat",
    "penulis",
    "penyanyi",
    "penyerang",
    "perdana",
    "pm",
    "polisi",
    "pratama",
    "presiden",
    "president",
    "produser",
    "prof",
    "psikolog",
    "raja",
    "ratu",
    "sekda",
    "sekjen",
    "sekretaris",
    "senator",
    "senior",
    "sir",
    "spokesman",
    "staf",
    "staff",
    "striker",
    "sutradara",
    "syekh",
    "umum",
    "ustad",
    "ustadz",
    "ustaz",
    "utama",
    "vice",
    "wakil",
    "walikota",
    "wapres",
];

/// Whether a word is a title or role, or an acronym standing for an organisation ("MPR").
pub(crate) fn is_role(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    if ROLE_WORDS.binary_search(&lower.as_str()).is_ok() {
        return true;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// The name inside a capitalised speaker phrase: the words after its last title, rank
/// or acronym, when those are all capitalised. `None` leaves the phrase as it is.
pub(crate) fn strip_roles(text: &str, phrase: Span) -> Option<Span> {
    let toks: Vec<Tok> = Tokens::new(text, phrase.start, phrase.end)
        .filter(|t| t.is_word())
        .take(16)
        .collect();
    let last_role = toks.iter().rposition(|t| is_role(t.text(text)))?;
    let name = toks.get(last_role + 1..)?;
    if name.is_empty() || !name.iter().all(|t| t.is_capitalised(text)) {
        return None;
    }
    Some(Span::new(name.first()?.start, name.last()?.end))
}

/// A name without the organisation or place words that precede it in a role phrase
/// ("Persib Herrie Setyawan" → "Herrie Setyawan"): leading words covered by an ORG/LOC
/// mention go; without mentions, a leading word of a three-or-more-word name goes when
/// it also stands elsewhere in the text without the next word (a club, a firm).
pub(crate) fn shed_prefix(text: &str, span: Span, mentions: &[Mention]) -> Span {
    let toks: Vec<Tok> = Tokens::new(text, span.start, span.end)
        .filter(|t| t.is_word())
        .take(16)
        .collect();
    if !toks.iter().all(|t| t.is_capitalised(text)) {
        return span;
    }
    let mut first = 0;
    while first + 1 < toks.len() {
        let Some(&tok) = toks.get(first) else { break };
        let Some(&next) = toks.get(first + 1) else {
            break;
        };
        let drop = if mentions.is_empty() {
            toks.len() - first >= 3
                && tok.text(text).chars().count() >= 3
                && stands_alone(text, tok, next)
        } else {
            let i = mentions.partition_point(|m| m.span.end <= tok.start);
            mentions.get(i).is_some_and(|m| {
                m.label != Label::Per && m.span.start <= tok.start && tok.end <= m.span.end
            }) && next.is_capitalised(text)
        };
        if !drop {
            break;
        }
        first += 1;
    }
    match (toks.get(first), toks.last()) {
        (Some(a), Some(b)) if first > 0 => Span::new(a.start, b.end),
        _ => span,
    }
}

/// Whether the word `tok` occurs elsewhere in `text` as a whole word not followed by
/// the word `next`.
fn stands_alone(text: &str, tok: Tok, next: Tok) -> bool {
    let word = tok.text(text);
    let follower = next.text(text);
    text.match_indices(word).take(16).any(|(at, _)| {
        let end = at + word.len();
        let whole = !char_before(text, at).is_some_and(is_word_char)
            && !char_at(text, end).is_some_and(is_word_char);
        let rest = text.get(end..).unwrap_or("").trim_start();
        at != tok.start && whole && !rest.starts_with(follower)
    })
}

/// Words that end a capitalised run even when capitalised (they open sentences).
fn is_run_breaker(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    crate::lang::id::FUNCTION_WORDS
        .binary_search(&lower.as_str())
        .is_ok()
        || crate::lang::en::FUNCTION_WORDS
            .binary_search(&lower.as_str())
            .is_ok()
        || matches!(
            lower.as_str(),
            "senin" | "selasa" | "rabu" | "kamis" | "jumat" | "sabtu" | "minggu" | "menurut"
        )
}

/// The fullest name in `text` that contains the single word `surname`: the longest run
/// of capitalised words around one of its occurrences, cut after its last title or
/// acronym. `None` when no run is longer than the word itself.
pub(crate) fn complete_surname(text: &str, surname: &str) -> Option<String> {
    if surname.is_empty() || !surname.starts_with(char::is_uppercase) {
        return None;
    }
    let mut best: Option<Span> = None;
    for (at, _) in text.match_indices(surname).take(32) {
        let end = at + surname.len();
        let bounded = !char_before(text, at).is_some_and(is_word_char)
            && !char_at(text, end).is_some_and(is_word_char);
        if !bounded {
            continue;
        }
        let run = run_around(text, at, end);
        if run.end - run.start > best.map_or(surname.len(), |b| b.end - b.start) {
            best = Some(run);
        }
    }
    best.map(|b| b.slice(text).to_string())
}

/// The capitalised, role-free run of words around `[at, end)`, on one line. A word
/// that also stands elsewhere without its neighbour (a club or a firm before a name:
/// "Blibli Kusumo Martanto") ends the run.
fn run_around(text: &str, at: usize, end: usize) -> Span {
    let mut start = at;
    // Walk left over single spaces and capitalised words.
    for _ in 0..3 {
        let Some(' ') = char_before(text, start) else {
            break;
        };
        let word_end = start - 1;
        let mut word_start = word_end;
        while let Some(c) = char_before(text, word_start).filter(|&c| is_word_char(c) || c == '-') {
            word_start -= c.len_utf8();
        }
        let word = text.get(word_start..word_end).unwrap_or("");
        if !is_name_word(word) || apart(text, word_start, word_end, start) {
            break;
        }
        start = word_start;
    }
    let mut stop = end;
    for _ in 0..2 {
        let Some(' ') = char_at(text, stop) else {
            break;
        };
        let word_start = stop + 1;
        let mut word_end = word_start;
        while let Some(c) = char_at(text, word_end).filter(|&c| is_word_char(c) || c == '-') {
            word_end += c.len_utf8();
        }
        let word = text.get(word_start..word_end).unwrap_or("");
        if !is_name_word(word) {
            break;
        }
        stop = word_end;
    }
    Span::new(start, stop)
}

/// A capitalised word that can be part of a person's name.
fn is_name_word(word: &str) -> bool {
    !word.is_empty()
        && word.starts_with(char::is_uppercase)
        && !is_role(word)
        && !is_run_breaker(word)
}

/// Whether the word at `[start, end)` also occurs elsewhere in `text` without the word
/// that follows it here (which starts at `next`).
fn apart(text: &str, start: usize, end: usize, next: usize) -> bool {
    let word = text.get(start..end).unwrap_or("");
    let mut next_end = next;
    while let Some(c) = char_at(text, next_end).filter(|&c| is_word_char(c)) {
        next_end += c.len_utf8();
    }
    let follower = text.get(next..next_end).unwrap_or("");
    if word.chars().count() < 3 || follower.is_empty() {
        return false;
    }
    text.match_indices(word).take(16).any(|(at, _)| {
        let e = at + word.len();
        let whole = !char_before(text, at).is_some_and(is_word_char)
            && !char_at(text, e).is_some_and(is_word_char);
        let rest = text.get(e..).unwrap_or("").trim_start();
        at != start && whole && !rest.starts_with(follower)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_are_sorted() {
        assert!(ROLE_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn roles_are_stripped() {
        let text = "Kepala Bidang Humas Polda Metro Jaya Kombes Argo Yuwono";
        let got = strip_roles(text, Span::new(0, text.len())).map(|s| s.slice(text));
        assert_eq!(got, Some("Argo Yuwono"));
        let text = "seorang sumber";
        assert_eq!(strip_roles(text, Span::new(0, text.len())), None);
    }

    #[test]
    fn organisation_words_are_shed() {
        let text = "Pelatih Persib Herrie Setyawan datang. Persib menang. Tim Mohamed Salah Ghaly.";
        let span = |t: &str| {
            let at = text.find(t).unwrap_or(0);
            Span::new(at, at + t.len())
        };
        let shed = shed_prefix(text, span("Persib Herrie Setyawan"), &[]);
        assert_eq!(shed.slice(text), "Herrie Setyawan");
        let kept = shed_prefix(text, span("Mohamed Salah Ghaly"), &[]);
        assert_eq!(kept.slice(text), "Mohamed Salah Ghaly");
    }

    #[test]
    fn surnames_are_completed() {
        let text = "termasuk Menteri Dalam Negeri Fathi Bashagha, dan ... Ketua MPR Zulkifli Hasan menilai. Bashagha datang.";
        assert_eq!(
            complete_surname(text, "Bashagha").as_deref(),
            Some("Fathi Bashagha")
        );
        assert_eq!(
            complete_surname(text, "Zulkifli").as_deref(),
            Some("Zulkifli Hasan")
        );
        assert_eq!(complete_surname(text, "Kairo"), None);
    }
}
