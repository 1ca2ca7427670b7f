//! English word lists shared across extractors.

/// Frequent English function words, sorted (binary search), none of them Indonesian words.
pub const FUNCTION_WORDS: &[&str] = &[
    "about", "after", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had",
    "has", "have", "he", "her", "his", "in", "is", "it", "its", "not", "of", "on", "or", "said",
    "she", "than", "that", "the", "their", "they", "this", "to", "was", "were", "which", "who",
    "will", "with", "would",
];

/// English month names and abbreviations, lower-case, with their month number.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];
