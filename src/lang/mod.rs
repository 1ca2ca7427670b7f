//! Language identification and the per-language word lists shared by the extractors.

pub mod en;
pub mod id;

use crate::doc::Lang;

/// Detects Indonesian or English from function words; `Und` when neither is credible.
///
/// Function words are frequent, short and nearly disjoint between the two languages,
/// so counting them is both fast and reliable on a sentence or more of text.
pub fn detect(text: &str) -> Lang {
    let mut id_hits = 0usize;
    let mut en_hits = 0usize;
    let mut words = 0usize;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(400)
    {
        words += 1;
        if word.len() > 12 {
            continue;
        }
        let lower = word.to_lowercase();
        if id::FUNCTION_WORDS.binary_search(&lower.as_str()).is_ok() {
            id_hits += 1;
        }
        if en::FUNCTION_WORDS.binary_search(&lower.as_str()).is_ok() {
            en_hits += 1;
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
