//! Built-in word lists: titles, organisation and place cues, known places and organisations,
//! month and day names, given names. Compiled once into hash tables keyed by lower-cased word.

use super::hashing::{hash_bytes, hash_lower};
use super::table::U64Table;
use super::tokens::{tokenize, Token};

/// The word precedes person names as a title or honorific ("Presiden", "Pak").
pub const TITLE: u16 = 1;
/// The word heads an organisation name ("Kementerian", "Partai").
pub const ORG_HEAD: u16 = 1 << 1;
/// The word heads or announces a place name ("Kabupaten", "Jalan").
pub const LOC_CUE: u16 = 1 << 2;
/// A known place ("Mesir").
pub const PLACE: u16 = 1 << 3;
/// A known organisation ("KPK", "Golkar").
pub const ORG: u16 = 1 << 4;
/// A month or day name.
pub const TIME: u16 = 1 << 5;
/// A common given name.
pub const GIVEN: u16 = 1 << 6;
/// An Indonesian function word.
pub const FUNCTION: u16 = 1 << 7;
/// The word announces an organisation named after it ("band", "klub", "perusahaan").
pub const ORG_CUE: u16 = 1 << 8;
/// A given name or surname from the generated list of names in many languages: broad, so
/// kept apart from the hand-written [`GIVEN`].
pub const PERSON_NAME: u16 = 1 << 9;
/// Number of flag bits above.
pub const FLAG_BITS: u32 = 10;

/// Category of a multi-word list entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Phrase {
    /// Not part of a phrase.
    #[default]
    None,
    /// A known place phrase ("Uni Emirat Arab").
    Place,
    /// A known organisation phrase ("Bank Indonesia").
    Org,
}

/// The compiled lists.
#[derive(Debug, Clone)]
pub struct Lexicon {
    flags: U64Table<u16>,
    /// Exact-case acronyms of known organisations ("DPR" but not "dpr").
    org_acronyms: U64Table<u8>,
    /// Multi-word phrases by the hash of their first word: (word hashes, category).
    phrases: Vec<(Vec<u64>, Phrase)>,
    /// First-word hash -> (index of the first phrase with that head, number of them).
    phrase_heads: U64Table<(u32, u32)>,
}

const LISTS: &[(&str, u16)] = &[
    (include_str!("data/lexicon/titles.txt"), TITLE),
    (include_str!("data/lexicon/org_heads.txt"), ORG_HEAD),
    (include_str!("data/lexicon/loc_cues.txt"), LOC_CUE),
    (include_str!("data/lexicon/places.txt"), PLACE),
    (include_str!("data/lexicon/orgs.txt"), ORG),
    (include_str!("data/lexicon/time_words.txt"), TIME),
    (include_str!("data/lexicon/given_names.txt"), GIVEN),
    (include_str!("data/lexicon/org_cues.txt"), ORG_CUE),
    (include_str!("data/lexicon/person_names.txt"), PERSON_NAME),
];

/// The entries of a word-list file: its trimmed lines, less blank lines and `#` comments.
pub(crate) fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|e| !e.is_empty() && !e.starts_with('#'))
}

impl Lexicon {
    /// Compiles the built-in lists.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon {
            flags: U64Table::with_capacity(2048),
            org_acronyms: U64Table::with_capacity(256),
            phrases: Vec::new(),
            phrase_heads: U64Table::with_capacity(256),
        };
        for word in crate::lang::id::FUNCTION_WORDS {
            lex.add_flag(hash_lower(word), FUNCTION);
        }
        let mut toks = Vec::new();
        for (list, flag) in LISTS {
            for entry in entries(list) {
                toks.clear();
                tokenize(entry, 0, entry.len(), &mut toks);
                if toks.len() == 1 {
                    lex.add_flag(hash_lower(entry), *flag);
                    let upper = entry.chars().filter(|c| c.is_uppercase()).count();
                    if *flag == ORG && upper >= 2 {
                        lex.org_acronyms.insert(hash_bytes(entry.as_bytes()), 1);
                    }
                } else if *flag == PLACE || *flag == ORG {
                    let words: Vec<u64> = toks.iter().map(|t| hash_lower(t.text(entry))).collect();
                    let kind = if *flag == PLACE {
                        Phrase::Place
                    } else {
                        Phrase::Org
                    };
                    lex.add_phrase(words, kind);
                }
            }
        }
        lex.index_phrases();
        lex
    }

    fn index_phrases(&mut self) {
        self.phrases.sort_by(|a, b| {
            a.0.first()
                .cmp(&b.0.first())
                .then(b.0.len().cmp(&a.0.len()))
        });
        let mut i = 0;
        while let Some((words, _)) = self.phrases.get(i) {
            let head = words.first().copied().unwrap_or(0);
            let n = self
                .phrases
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .take_while(|p| p.0.first().copied().unwrap_or(0) == head)
                .count();
            self.phrase_heads.insert(head, (i as u32, n as u32));
            i += n.max(1);
        }
    }

    fn add_flag(&mut self, key: u64, flag: u16) {
        if let Some(v) = self.flags.entry(key) {
            *v |= flag;
        }
    }

    fn add_phrase(&mut self, words: Vec<u64>, kind: Phrase) {
        if !words.is_empty() {
            self.phrases.push((words, kind));
        }
    }

    /// Flags of a word given the hash of its lower-cased form.
    #[inline]
    pub fn flags(&self, lower: u64) -> u16 {
        self.flags.get(lower).copied().unwrap_or(0)
    }

    /// Whether `word` is a known organisation acronym in exactly this case.
    #[inline]
    pub fn is_org_acronym(&self, word: &str) -> bool {
        self.org_acronyms.get(hash_bytes(word.as_bytes())).is_some()
    }

    /// Marks the tokens covered by known multi-word phrases: `out[i]` = (category, is_first).
    /// Longest phrase wins; phrases never overlap.
    pub fn mark_phrases(&self, lowers: &[u64], out: &mut Vec<(Phrase, bool)>) {
        out.clear();
        out.resize(lowers.len(), (Phrase::None, false));
        let mut i = 0;
        while i < lowers.len() {
            let mut best: Option<(usize, Phrase)> = None;
            if let Some(&(from, n)) = lowers.get(i).and_then(|&h| self.phrase_heads.get(h)) {
                // Phrases with one head are sorted longest first: the first match is the longest.
                let candidates = self.phrases.iter().skip(from as usize).take(n as usize);
                for (words, kind) in candidates {
                    if lowers.get(i..i + words.len()) == Some(words.as_slice()) {
                        best = Some((words.len(), *kind));
                        break;
                    }
                }
            }
            match best {
                Some((len, kind)) => {
                    for (k, slot) in out.iter_mut().skip(i).take(len).enumerate() {
                        *slot = (kind, k == 0);
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
}

/// Lower-case hashes of tokens, for phrase lookups.
pub fn lower_hashes(text: &str, tokens: &[Token], out: &mut Vec<u64>) {
    out.clear();
    out.extend(tokens.iter().map(|t| hash_lower(t.text(text))));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_phrases() {
        let lex = Lexicon::builtin();
        assert!(lex.flags(hash_lower("Presiden")) & TITLE != 0);
        assert!(lex.flags(hash_lower("kementerian")) & ORG_HEAD != 0);
        assert!(lex.flags(hash_lower("Mesir")) & PLACE != 0);
        assert!(lex.flags(hash_lower("yang")) & FUNCTION != 0);
        assert!(lex.flags(hash_lower("band")) & ORG_CUE != 0);
        assert!(lex.flags(hash_lower("FC")) & ORG_HEAD != 0);
        assert!(lex.flags(hash_lower("Adhiarja")) & PERSON_NAME != 0);
        assert!(lex.flags(hash_lower("Cardoso")) & PERSON_NAME != 0);
        assert!(lex.flags(hash_lower("pemerintah")) & PERSON_NAME == 0);
        assert!(lex.is_org_acronym("KPK"));
        assert!(!lex.is_org_acronym("kpk"));
        let text = "ke Uni Emirat Arab dan Jawa Barat";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let mut lowers = Vec::new();
        lower_hashes(text, &toks, &mut lowers);
        let mut marks = Vec::new();
        lex.mark_phrases(&lowers, &mut marks);
        let kinds: Vec<Phrase> = marks.iter().map(|m| m.0).collect();
        use Phrase::*;
        assert_eq!(kinds, [None, Place, Place, Place, None, Place, Place]);
    }
}
