//! Reported speech without quotation marks, one sentence at a time. The cue may close
//! the sentence (`Kedua belah pihak ... ke Kairo, kata Elgeblawi.`), open it
//! (`Menurut X, ...`, `Kata dia, ...`, `Dikatakan X, bahwa ...`), sit in the middle
//! (`Tagihan pajak, kata Wisnu, bahkan ...`: the part after the cue is taken, so spans
//! stay contiguous), or be a verb with a clause (`X mengatakan (bahwa) ...`).

use super::cues::{CueClass, Hit};
use super::scan::{char_before, sentence_end, sentence_start, skip_space, trim_back, Tok, Tokens};
use super::speaker::{phrase_after, subject_before, Who};
use crate::doc::{Label, Mention, Span};

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
    "berita",
    "catatan",
    "data",
    "gosip",
    "hasil",
    "informasi",
    "isu",
    "jadwal",
    "kabar",
    "kalender",
    "ketentuan",
    "laman",
    "laporan",
    "pantauan",
    "penelitian",
    "pengamatan",
    "peraturan",
    "perhitungan",
    "perkiraan",
    "prediksi",
    "ramalan",
    "rencana",
    "riset",
    "rumor",
    "situs",
    "statistik",
    "studi",
    "survei",
    "undang-undang",
];

/// Words that may open a sentence before its cue ("Namun, menurut ...").
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

/// Lower-case words right after a verb that show it takes no clause
/// ("mengatakan kepada wartawan" without "bahwa", "menyatakan dalam ...").
const NOT_CLAUSE: &[&str] = &[
    "dalam",
    "dengan",
    "di",
    "hal",
    "itu",
    "kepada",
    "ke",
    "oleh",
    "pada",
    "saat",
    "secara",
    "sebelumnya",
    "soal",
    "tentang",
    "terkait",
    "untuk",
];

/// Auxiliaries and copulas that make a predicate ("Hamilton akan kembali").
const AUXILIARIES: &[&str] = &[
    "adalah", "akan", "bakal", "belum", "bisa", "boleh", "dapat", "harus", "ialah", "ingin",
    "lebih", "masih", "mampu", "mau", "pernah", "perlu", "sedang", "sudah", "tak", "telah",
    "tengah", "tidak",
];

/// Words opening an adverbial clause: a predicate after them is not the reported
/// clause's ("menyatakan kepuasan dirinya setelah tim ... menaklukkan ...").
const SUBORDINATORS: &[&str] = &[
    "agar", "karena", "ketika", "meski", "saat", "sebelum", "sehingga", "sejak", "setelah",
    "supaya", "untuk", "walau",
];

/// Prefixed words that are not verbs.
const NOT_VERBS: &[&str] = &[
    "berbagai", "bersama", "diri", "dirinya", "mereka", "terhadap", "terkait", "termasuk",
    "tersebut", "terutama",
];

/// Whether the words from `pos` hold a predicate (a prefixed verb or an auxiliary)
/// within twelve words, before any adverbial clause, and not the first two words of a
/// relative clause ("posisi Go-Pay yang tetap menjadi ...").
fn has_predicate(text: &str, pos: usize, end: usize) -> bool {
    let mut relative = 0;
    for t in Tokens::new(text, pos, end).filter(|t| t.is_word()).take(12) {
        let w = t.text(text);
        if t.is_capitalised(text) {
            continue;
        }
        if is_in(SUBORDINATORS, w) {
            return false;
        }
        if w == "yang" {
            relative = 2;
            continue;
        }
        if relative > 0 {
            relative -= 1;
            continue;
        }
        let prefixed = w.chars().count() >= 5
            && ["me", "ber", "di", "ter"].iter().any(|p| w.starts_with(p))
            && !is_in(NOT_VERBS, w);
        if prefixed || is_in(AUXILIARIES, w) {
            return true;
        }
    }
    false
}

/// Words before a verb that make it a purpose ("untuk memastikan", "untuk menulis").
const PURPOSE: &[&str] = &["agar", "demi", "guna", "supaya", "termasuk", "untuk"];

/// Words before an ensure verb that make it a means ("dengan memastikan").
const MEANS: &[&str] = &["dengan", "sekaligus"];

/// Verbs of making sure or confirming, which also mean securing a result
/// ("memastikan tiket ke final") or finding something out.
const ENSURE_VERBS: &[&str] = &["membenarkan", "memastikan"];

/// Words that open an indirect question, not a reported statement.
const QUESTION_WORDS: &[&str] = &["apakah", "bagaimana", "kapan", "mengapa", "siapa"];

/// Future auxiliaries: after "memastikan" they open a bare commitment ("memastikan
/// akan memburu pelaku"), not a reported clause.
const AUX_FUTURE: &[&str] = &["akan", "bakal"];

/// Whether `w` looks like a prefixed (me-/ber-/di-) verb, not a subject.
fn is_prefixed_verb(w: &str) -> bool {
    w.chars().count() >= 6
        && ["me", "ber", "di"].iter().any(|p| w.starts_with(p))
        && !is_in(NOT_VERBS, w)
}

/// Words that introduce the reported clause.
const COMPLEMENTISERS: &[&str] = &["bahwa", "jika", "kalau"];

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn word_count(text: &str, span: Span) -> usize {
    Tokens::new(text, span.start, span.end)
        .filter(|t| t.is_word())
        .take(MIN_WORDS + 1)
        .count()
}

/// The clause `[start, end)` trimmed of whitespace, of a leading complementiser, and of
/// its final period or comma.
fn clause(text: &str, start: usize, end: usize) -> Span {
    let mut start = skip_space(text, start, end);
    if let Some(first) = Tokens::new(text, start, end).next() {
        if is_in(COMPLEMENTISERS, first.text(text)) {
            start = skip_space(text, first.end, end);
        }
    }
    let mut end = trim_back(text, start, end);
    while end > start && matches!(char_before(text, end), Some('.' | ',' | ';' | ':')) {
        end = trim_back(text, start, end - 1);
    }
    Span::new(start, end)
}

/// The reported-speech sentence the cue `h` belongs to, if it makes one, with the
/// sentence's span. `has_marks` says whether a span holds a quotation mark (such
/// sentences are direct speech, handled elsewhere).
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
    // A cue right after a closing quotation mark belongs to that quotation
    // (`"...." ungkapnya kepada ...`), not to a reported clause.
    let after_quote = matches!(
        text.get(..s).unwrap_or("").trim_end().chars().next_back(),
        Some('"' | '”' | '»')
    );
    let at_head = !after_quote
        && Tokens::new(text, s, h.start)
            .all(|t| t.punct == Some(',') || is_in(OPENERS, t.text(text)));
    let found = match h.class {
        CueClass::According | CueClass::Passive | CueClass::Post | CueClass::PostPronoun
            if at_head =>
        {
            head_cue(text, sentence, h, mentions)
        }
        CueClass::According | CueClass::Post | CueClass::PostPronoun => {
            inner_cue(text, sentence, h, mentions)
        }
        CueClass::Verb | CueClass::EnVerb if h.strong => verb(text, sentence, h, mentions, quoted),
        _ => None,
    }?;
    (word_count(text, found.content) >= MIN_WORDS).then_some((found, sentence))
}

/// The first comma in `[from, to)`.
fn comma_in(text: &str, from: usize, to: usize) -> Option<usize> {
    Some(from + text.get(from..to)?.find(',')?)
}

/// The speaker phrase of a cue that opens its sentence, ending at `end`.
fn head_speaker(text: &str, h: &Hit, end: usize, mentions: &[Mention]) -> Option<Who> {
    if h.pronoun {
        return Some(Who::Pronoun);
    }
    // "Menurut penelitian ...", "menurut data": sources that do not speak.
    let head = Tokens::new(text, h.end, end).find(|t| t.is_word())?;
    if is_in(NOT_SPEAKERS, head.text(text)) {
        return None;
    }
    phrase_after(text, h.end, end, mentions)
}

/// `Menurut X, <clause>.`, `Kata dia, <clause>.`, `Dikatakan X, bahwa <clause>.`, and
/// without the comma when a person mention (or "-nya") ends the speaker:
/// `Menurut Fadli <clause>.`, `Menurutnya <clause>.`
fn head_cue(text: &str, sentence: Span, h: &Hit, mentions: &[Mention]) -> Option<Reported> {
    let post = matches!(h.class, CueClass::Post | CueClass::PostPronoun);
    let (speaker_end, content_start) = if h.pronoun {
        match Tokens::new(text, h.end, sentence.end).next() {
            Some(Tok {
                punct: Some(','),
                end,
                ..
            }) => (h.end, end),
            // "Kata dia, ..." needs its comma; "Menurutnya ..." does not.
            _ if post => return None,
            _ => (h.end, h.end),
        }
    } else if let Some(comma) = comma_in(text, h.end, sentence.end) {
        (comma, comma + 1)
    } else if post {
        return None;
    } else {
        // No comma: the speaker is the person mention right after the cue.
        let i = mentions.partition_point(|m| m.span.start < h.end);
        let m = mentions.get(i).filter(|m| {
            m.label == Label::Per && m.span.start <= h.end + 120 && m.span.end < sentence.end
        })?;
        (m.span.end, m.span.end)
    };
    let who = head_speaker(text, h, speaker_end, mentions)?;
    Some(Reported {
        content: clause(text, content_start, sentence.end),
        who,
        cue: Span::new(h.start, h.end),
    })
}

/// `<clause>, kata X.` (the clause before), `A, kata X, <clause>.` and
/// `A, menurut X, <clause>.` (the part after the cue).
fn inner_cue(text: &str, sentence: Span, h: &Hit, mentions: &[Mention]) -> Option<Reported> {
    let before = trim_back(text, sentence.start, h.start);
    if before <= sentence.start || char_before(text, before) != Some(',') {
        return None;
    }
    let after_comma = if h.pronoun {
        match Tokens::new(text, h.end, sentence.end).next() {
            Some(Tok {
                punct: Some(','),
                end,
                ..
            }) => Some(end),
            _ => None,
        }
    } else {
        comma_in(text, h.end, sentence.end).map(|c| c + 1)
    };
    let speaker_end = after_comma.map_or(sentence.end, |c| c - 1);
    let who = if h.pronoun {
        Who::Pronoun
    } else {
        let who = phrase_after(text, h.end, speaker_end, mentions)?;
        // A weak cue ("jelas", "lanjut") counts only with a name after it.
        if let Who::Phrase(p) = who {
            let named = p.slice(text).starts_with(char::is_uppercase)
                || super::speaker::overlapping(mentions, p).next().is_some();
            if !h.strong && !named {
                return None;
            }
        }
        who
    };
    // Mid-sentence cue: the clause after it; sentence-final cue: the clause before.
    let rest = after_comma.map(|c| clause(text, c, sentence.end));
    let content = match rest {
        Some(r) if word_count(text, r) >= MIN_WORDS && h.class != CueClass::According => r,
        Some(r) if h.class == CueClass::According => r,
        _ if h.class == CueClass::According => return None,
        _ => clause(text, sentence.start, before - 1),
    };
    Some(Reported {
        content,
        who,
        cue: Span::new(h.start, h.end),
    })
}

/// `X mengatakan (kepada wartawan) bahwa <clause>.`, `X mengatakan <clause>.`,
/// `X said (that) <clause>.`
fn verb(
    text: &str,
    sentence: Span,
    h: &Hit,
    mentions: &[Mention],
    quoted: &[Span],
) -> Option<Reported> {
    let english = h.class == CueClass::EnVerb;
    let verb_word = text.get(h.start..h.end).unwrap_or("");
    // "untuk memastikan ...", "demi memastikan": a purpose, not something said.
    let before = text.get(sentence.start..h.start).unwrap_or("").trim_end();
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let ensure = is_in(ENSURE_VERBS, verb_word);
    // "dengan memastikan", "sekaligus memastikan": a means; but "dengan mengatakan
    // bahwa ..." still reports speech.
    if is_in(PURPOSE, word_before) || (ensure && is_in(MEANS, word_before)) {
        return None;
    }
    let mut content_start = None;
    for (i, t) in Tokens::new(text, h.end, sentence.end)
        .take(MAX_GAP + 1)
        .enumerate()
    {
        let w = t.text(text);
        if is_in(COMPLEMENTISERS, w) || (english && w.eq_ignore_ascii_case("that")) {
            content_start = Some(t.end);
            break;
        }
        if i == 0 && matches!(t.punct, Some(',' | ':')) {
            content_start = Some(t.end);
            break;
        }
        // A clause straight after the verb, unless a preposition shows an object or no
        // predicate follows ("menyatakan kepuasan dirinya setelah ..." is an object).
        if i == 0 && t.is_word() && !is_in(NOT_CLAUSE, w) {
            // "memastikan apakah ..." (finding out), "memastikan meraih trofi" /
            // "memastikan bakal merekrut" (securing, committing): no reported clause.
            let securing = verb_word.eq_ignore_ascii_case("memastikan");
            let bare = securing && (is_in(AUX_FUTURE, w) || is_prefixed_verb(w));
            if is_in(QUESTION_WORDS, w) || bare {
                return None;
            }
            if english || has_predicate(text, t.start, sentence.end) {
                content_start = Some(t.start);
            }
            break;
        }
        if t.punct.is_some() {
            break;
        }
    }
    let content_start = content_start?;
    let who = subject_before(text, sentence.start, h.start, mentions, quoted)?;
    // "pergeseran level turnamen memastikan ...": what secures or confirms a fact
    // is a speaker only when it names someone.
    if let (true, Who::Phrase(p)) = (ensure, who) {
        let named = p
            .slice(text)
            .split_whitespace()
            .any(|w| w.starts_with(char::is_uppercase))
            || super::speaker::overlapping(mentions, p).next().is_some();
        if !named {
            return None;
        }
    }
    // "rumor yang beredar mengatakan ...": rumours and reports are not speakers.
    if let Who::Phrase(p) = who {
        let head = Tokens::new(text, p.start, p.end).next()?;
        if is_in(NOT_SPEAKERS, head.text(text)) {
            return None;
        }
    }
    Some(Reported {
        content: clause(text, content_start, sentence.end),
        who,
        cue: Span::new(h.start, h.end),
    })
}
