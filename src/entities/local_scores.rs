//! A per-thread memo of the summed weights of a token's local features.
//!
//! About half of a token's features read nothing but the token itself (see
//! [`features::Part`](super::features::Part)), and news text repeats its words: remembering
//! their summed weights per distinct (text, [`local_key`](super::features::local_key)) saves
//! most weight-table probes, each a likely cache miss, and the affix hashing. Integer sums do
//! not depend on the order of their terms, so the tags are exactly those without the memo.

use super::decode::N_TAGS;
use super::hashing::mix;

/// Longest token text (in bytes) the memo holds; longer tokens are scored directly.
const MAX_TEXT: usize = 23;
/// Number of entries (a power of two): 4096 lines of 64 bytes, 256 KB.
const ENTRIES: usize = 4096;

/// One remembered token: its key, its text and the summed weights. One cache line.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(64))]
struct Entry {
    key: u64,
    /// Text length plus one; zero marks an empty entry.
    len: u8,
    text: [u8; MAX_TEXT],
    score: [i32; N_TAGS],
}

const EMPTY: Entry = Entry {
    key: 0,
    len: 0,
    text: [0; MAX_TEXT],
    score: [0; N_TAGS],
};

/// Summed local weights of recently seen tokens, for one model. Direct-mapped: a new token
/// replaces whatever shared its slot, so the memo never grows.
#[derive(Debug)]
pub struct LocalScores {
    /// The model these scores belong to (`Model::id`).
    model: u64,
    entries: Vec<Entry>,
}

impl LocalScores {
    /// An empty memo for the model with id `model`.
    pub fn new(model: u64) -> LocalScores {
        LocalScores {
            model,
            entries: vec![EMPTY; ENTRIES],
        }
    }

    /// The model these scores belong to.
    pub fn model(&self) -> u64 {
        self.model
    }

    #[inline]
    fn slot(lower: u64, key: u64) -> usize {
        (mix(lower, key) >> 40) as usize & (ENTRIES - 1)
    }

    /// The remembered scores of a token: `lower` its lower-case hash (picks the slot
    /// only), `key` its local key, `text` its text.
    #[inline]
    pub fn get(&self, lower: u64, key: u64, text: &[u8]) -> Option<&[i32; N_TAGS]> {
        let e = self.entries.get(Self::slot(lower, key))?;
        let same = e.key == key
            && usize::from(e.len) == text.len() + 1
            && e.text.get(..text.len()) == Some(text);
        same.then_some(&e.score)
    }

    /// Remembers the scores of a token (tokens over `MAX_TEXT` bytes are not kept).
    #[inline]
    pub fn put(&mut self, lower: u64, key: u64, text: &[u8], score: &[i32; N_TAGS]) {
        if text.len() > MAX_TEXT {
            return;
        }
        let Some(e) = self.entries.get_mut(Self::slot(lower, key)) else {
            return;
        };
        e.key = key;
        e.len = text.len() as u8 + 1;
        if let Some(dst) = e.text.get_mut(..text.len()) {
            dst.copy_from_slice(text);
        }
        e.score = *score;
    }
}
