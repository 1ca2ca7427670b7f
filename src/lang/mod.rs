//! Language identification and the per-language word lists shared by the extractors.

pub mod en;
pub mod id;

use crate::doc::Lang;

/// Detects Indonesian or English from function words; `Und` when neither is credible.
///
/// Function words are frequent, short and nearly disjoint between the two languages,
/// so counting them is both fast and reliable on a sentence or more of text.
pub fn detect(text: &str) -> Lang {
    let (id_words, en_words) = function_word_keys();
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
        id_hits += usize::from(id_words.binary_search(&key).is_ok());
        en_hits += usize::from(en_words.binary_search(&key).is_ok());
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
    let (id_words, en_words) = function_word_keys();
    ascii_key(word)
        .is_some_and(|k| id_words.binary_search(&k).is_ok() || en_words.binary_search(&k).is_ok())
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

/// The function-word lists as sorted integer keys, built once.
fn function_word_keys() -> &'static (Vec<u128>, Vec<u128>) {
    static KEYS: std::sync::OnceLock<(Vec<u128>, Vec<u128>)> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let keys = |words: &[&str]| {
            let mut keys: Vec<u128> = words.iter().filter_map(|w| ascii_key(w)).collect();
            keys.sort_unstable();
            keys
        };
        (keys(id::FUNCTION_WORDS), keys(en::FUNCTION_WORDS))
    })
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
