//! Language identification and the per-language word lists shared by the extractors.

pub mod en;
pub mod id;

use crate::doc::Lang;

/// Detects Indonesian or English from function words; `Und` when neither is credible.
///
/// Function words are frequent, short and nearly disjoint between the two languages,
/// so counting them is both fast and reliable on a sentence or more of text.
pub fn detect(text: &str) -> Lang {
    let table = function_words();
    let mut id_hits = 0usize;
    let mut en_hits = 0usize;
    let mut words = 0usize;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(400)
    {
        words += 1;
        let Some(key) = ascii_key(word) else {
            continue;
        };
        let langs = table.get(key);
        id_hits += usize::from(langs & ID != 0);
        en_hits += usize::from(langs & EN != 0);
        // A long article settles early: stop once one language clearly leads.
        if words >= 120 && (id_hits >= 3 * en_hits + 10 || en_hits >= 3 * id_hits + 10) {
            break;
        }
    }
    let best = id_hits.max(en_hits);
    // Need at least one function word, and a clear share of the words, to say anything.
    if best == 0 || (words >= 8 && best * 30 < words) {
        return Lang::Und;
    }
    if id_hits > en_hits {
        Lang::Id
    } else if en_hits > id_hits {
        Lang::En
    } else {
        Lang::Und
    }
}

/// Whether `word` (any case) is an Indonesian or English function word.
pub fn is_function_word(word: &str) -> bool {
    ascii_key(word).is_some_and(|k| function_words().get(k) != 0)
}

/// A short ASCII word lower-cased and packed into an integer, so that lookups compare
/// integers instead of allocating and comparing strings.
fn ascii_key(word: &str) -> Option<u128> {
    if word.len() > 16 || !word.is_ascii() {
        return None;
    }
    let mut key = 0u128;
    for b in word.bytes() {
        key = (key << 8) | u128::from(b.to_ascii_lowercase());
    }
    Some(key)
}

/// Marks of a function word: Indonesian, English (a few words are both).
const ID: u8 = 1;
const EN: u8 = 2;

/// Function words (packed keys) -> language marks: an open-addressing set probed once per
/// word, where two binary searches took a dozen unpredictable branches each.
struct WordSet {
    slots: Vec<(u128, u8)>,
    mask: usize,
}

impl WordSet {
    fn new(lists: &[(&[&str], u8)]) -> WordSet {
        let n: usize = lists.iter().map(|(words, _)| words.len()).sum();
        let size = (n.max(4) * 4).next_power_of_two();
        let mut set = WordSet {
            slots: vec![(0, 0); size],
            mask: size - 1,
        };
        for &(words, mark) in lists {
            for key in words.iter().filter_map(|w| ascii_key(w)) {
                let mut i = Self::home(key) & set.mask;
                while let Some(slot) = set.slots.get_mut(i) {
                    if slot.1 == 0 || slot.0 == key {
                        *slot = (key, slot.1 | mark);
                        break;
                    }
                    i = (i + 1) & set.mask;
                }
            }
        }
        set
    }

    #[inline]
    fn home(key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize
    }

    /// The marks of `key`, 0 when it is no function word.
    #[inline]
    fn get(&self, key: u128) -> u8 {
        let mut i = Self::home(key) & self.mask;
        while let Some(&(k, mark)) = self.slots.get(i) {
            if mark == 0 || k == key {
                return mark;
            }
            i = (i + 1) & self.mask;
        }
        0
    }
}

/// The function-word set, built once.
fn function_words() -> &'static WordSet {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(&[(id::FUNCTION_WORDS, ID), (en::FUNCTION_WORDS, EN)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        assert!(id::FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(en::FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn word_set_matches_the_lists() {
        let set = function_words();
        for (words, mark) in [(id::FUNCTION_WORDS, ID), (en::FUNCTION_WORDS, EN)] {
            for w in words {
                assert!(set.get(ascii_key(w).unwrap_or(0)) & mark != 0, "{w}");
                assert!(is_function_word(&w.to_uppercase()), "{w}");
            }
        }
        for w in [
            "Jakarta",
            "presiden",
            "menteri",
            "government",
            "x",
            "abcdefghijklmnop",
        ] {
            assert!(!is_function_word(w), "{w}");
        }
    }

    #[test]
    fn detects_languages() {
        assert_eq!(detect("Delegasi diplomat dan pejabat intelijen Mesir mengunjungi ibu kota Libya pada hari Minggu."), Lang::Id);
        assert_eq!(
            detect("The delegation met senior officials of the government in Tripoli on Sunday."),
            Lang::En
        );
        assert_eq!(detect("12345 !!! ???"), Lang::Und);
        assert_eq!(detect(""), Lang::Und);
    }
}
