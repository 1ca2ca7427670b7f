//! Roles of people: titles before a name ("Menteri Dalam Negeri Fathi Bashagha") and
//! appositions around it ("Ayman Badea, Wakil Kepala ...,"; "Kepala Intelijen ..., Emad Trapolsi").

use super::lexicon::{FUNCTION, TITLE};
use super::tokens::{Shape, Token};

/// Titles that are forms of address rather than roles: stripped from names, never reported.
const HONORIFICS: &[&str] = &[
    "pak",
    "bu",
    "bapak",
    "ibu",
    "mbak",
    "mas",
    "bang",
    "kang",
    "cak",
    "mr",
    "mrs",
    "ms",
    "miss",
    "sir",
    "dame",
    "haji",
    "hajjah",
    "hj",
    "h",
    "dr",
    "prof",
    "ir",
    "drs",
    "dra",
    "almarhum",
    "almarhumah",
    "tersangka",
    "terdakwa",
    "saksi",
    "korban",
    "sdr",
    "saudara",
    "saudari",
    "tuan",
    "nyonya",
    "nona",
];

/// Lower-case words that may sit inside a title phrase ("juru bicara", "luar negeri").
const CONNECTORS: &[&str] = &[
    "bicara",
    "urusan",
    "luar",
    "dalam",
    "negeri",
    "besar",
    "umum",
    "muda",
    "utama",
    "tinggi",
    "khusus",
    "bidang",
    "harian",
    "senior",
    "eksekutif",
    "daerah",
    "pusat",
    "negara",
    "wilayah",
    "provinsi",
    "kabupaten",
    "kota",
    "partai",
    "umum",
    "tim",
    "pelaksana",
    "tugas",
    "plt",
    "kementerian",
    "badan",
    "komisi",
    "terpilih",
    "nonaktif",
    "definitif",
    "sementara",
    "of",
    "for",
    "the",
    "and",
];

/// Words that end a title phrase scanned backwards before an apposition comma.
const BOUNDARIES: &[&str] = &[
    "dan",
    "serta",
    "termasuk",
    "yakni",
    "yaitu",
    "oleh",
    "bahwa",
    "kata",
    "ujar",
    "menurut",
    "adalah",
    "ialah",
    "sementara",
    "sedangkan",
    "juga",
    "seperti",
    "antara",
    "dengan",
    "bersama",
    "and",
    "including",
    "by",
    "said",
    "with",
];

/// Words that end an apposition after a name.
const APPOSITION_STOPS: &[&str] = &[
    "di",
    "yang",
    "saat",
    "ketika",
    "pada",
    "kepada",
    "mengatakan",
    "kata",
    "ujar",
    "ujarnya",
    "katanya",
    "menyebut",
    "menjelaskan",
    "menyatakan",
    "bahwa",
    "dalam",
    "sebagai",
    "usai",
    "seusai",
    "setelah",
    "sebelum",
    "kemarin",
    "mengaku",
    "menambahkan",
    "menegaskan",
    "said",
    "told",
    "who",
    "at",
    "in",
    "on",
];

fn is_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `word` is a form of address (stripped from names, not a role).
pub fn is_honorific(word: &str) -> bool {
    is_in(word.trim_end_matches('.'), HONORIFICS)
}

/// What role finding needs about the article's tokens.
pub struct RoleContext<'a> {
    /// The article text.
    pub text: &'a str,
    /// All tokens of the analysed paragraphs.
    pub tokens: &'a [Token],
    /// Lexicon flags per token.
    pub flags: &'a [u16],
    /// Paragraph index per token (phrases never cross paragraphs).
    pub para: &'a [u32],
    /// Whether each token is inside a PER mention.
    pub in_person: &'a [bool],
}

impl RoleContext<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }
    fn flag(&self, i: usize, f: u16) -> bool {
        self.flags.get(i).is_some_and(|&x| x & f != 0)
    }
    fn shape(&self, i: usize) -> Shape {
        self.tokens.get(i).map_or(Shape::Other, |t| t.shape)
    }
    fn same_para(&self, a: usize, b: usize) -> bool {
        self.para.get(a).is_some() && self.para.get(a) == self.para.get(b)
    }
    fn person(&self, i: usize) -> bool {
        self.in_person.get(i).copied().unwrap_or(false)
    }
    fn span_text(&self, first: usize, last: usize) -> Option<String> {
        let (a, b) = (
            self.tokens.get(first)?,
            self.tokens.get(last.checked_sub(1)?)?,
        );
        self.text.get(a.start..b.end).map(str::to_string)
    }

    /// A title phrase directly before the name at token `first`: scanned back over
    /// capitalised words and title connectors, starting at the earliest title word.
    pub fn title_before(&self, first: usize) -> Option<String> {
        let mut k = first;
        let mut start = None;
        for _ in 0..8 {
            let Some(j) = k.checked_sub(1) else { break };
            if !self.same_para(j, first) || self.person(j) {
                break;
            }
            let w = self.word(j);
            // "Gubernur Bank Indonesia (BI) Perry Warjiyo": an acronym in brackets stays inside.
            if w == ")" && j >= 2 && self.word(j - 2) == "(" && self.same_para(j - 2, first) {
                k = j - 2;
                continue;
            }
            let title = self.flag(j, TITLE);
            let capital = matches!(
                self.shape(j),
                Shape::Capital | Shape::AllCaps | Shape::Mixed
            ) && !self.flag(j, FUNCTION);
            if !(title || capital || is_in(w, CONNECTORS)) {
                break;
            }
            if title && !is_honorific(w) {
                start = Some(j);
            }
            k = j;
        }
        let s = start?;
        self.span_text(s, first)
    }

    /// "Name, <title phrase>," — the apposition after the name ending at token `last`.
    pub fn apposition_after(&self, last: usize) -> Option<String> {
        if self.word(last) != "," || !self.same_para(last, last + 1) {
            return None;
        }
        let s = last + 1;
        if !self.flag(s, TITLE) || is_honorific(self.word(s)) {
            return None;
        }
        let mut e = s;
        while e < s + 15 && self.same_para(e, s) {
            let t = self.tokens.get(e)?;
            if t.shape == Shape::Punct && !matches!(self.word(e), "-" | "&" | "/") {
                break;
            }
            if e > s && (is_in(self.word(e), APPOSITION_STOPS) || self.person(e)) {
                break;
            }
            e += 1;
        }
        if e == s + 15 {
            return None;
        }
        self.span_text(s, e)
    }

    /// "<title phrase>, Name" — the apposition before the name starting at token `first`.
    /// The phrase must start right after a clause boundary with a title word.
    pub fn apposition_before(&self, first: usize) -> Option<String> {
        let comma = first.checked_sub(1)?;
        if self.word(comma) != "," || !self.same_para(comma, first) {
            return None;
        }
        let mut k = comma;
        let mut bounded = false;
        for _ in 0..12 {
            let Some(j) = k.checked_sub(1) else {
                bounded = true;
                break;
            };
            if !self.same_para(j, comma) {
                bounded = true;
                break;
            }
            if self.person(j) {
                return None;
            }
            let t = self.tokens.get(j)?;
            if t.shape == Shape::Punct || is_in(self.word(j), BOUNDARIES) {
                bounded = true;
                break;
            }
            k = j;
        }
        if !bounded || k == comma || !self.flag(k, TITLE) || is_honorific(self.word(k)) {
            return None;
        }
        self.span_text(k, comma)
    }
}
