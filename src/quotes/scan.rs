//! Character, word and sentence helpers over byte offsets. Nothing here allocates, and
//! every backward or forward walk is capped, so a pathological paragraph stays linear.

/// How far (bytes) any walk looks for a sentence boundary or a speaker phrase.
pub(crate) const WINDOW: usize = 800;

/// The character that ends just before `pos`.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character that starts at `pos`.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// Letters, digits and the handle sigil: what a word is made of.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '@'
}

/// Joiners that stay inside a word when a letter follows ("Twitter-nya", "Jum'at").
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐')
}

/// `pos` moved right over whitespace, not past `end`.
pub(crate) fn skip_space(text: &str, mut pos: usize, end: usize) -> usize {
    while pos < end {
        match char_at(text, pos) {
            Some(c) if c.is_whitespace() => pos += c.len_utf8(),
            _ => break,
        }
    }
    pos
}

/// `end` moved left over whitespace, not past `start`.
pub(crate) fn trim_back(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match char_before(text, end) {
            Some(c) if c.is_whitespace() => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// A token: a word or one punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The punctuation character, or `None` for a word.
    pub punct: Option<char>,
}

impl Tok {
    /// The token's text.
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether it is a word.
    pub fn is_word(self) -> bool {
        self.punct.is_none()
    }

    /// Whether it is a word starting with an upper-case letter.
    pub fn is_capitalised(self, text: &str) -> bool {
        self.is_word() && char_at(text, self.start).is_some_and(char::is_uppercase)
    }
}

/// Tokens of `text[pos..end]`, left to right.
pub(crate) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> Tokens<'a> {
    /// Tokens between `pos` and `end`.
    pub fn new(text: &'a str, pos: usize, end: usize) -> Tokens<'a> {
        Tokens {
            text,
            pos,
            end: end.min(text.len()),
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let text = self.text;
        self.pos = skip_space(text, self.pos, self.end);
        let start = self.pos;
        let first = char_at(text, start).filter(|_| start < self.end)?;
        if !is_word_char(first) {
            self.pos = start + first.len_utf8();
            return Some(Tok {
                start,
                end: self.pos,
                punct: Some(first),
            });
        }
        let mut pos = start + first.len_utf8();
        while pos < self.end {
            let Some(c) = char_at(text, pos) else { break };
            let joins = is_joiner(c)
                && pos + c.len_utf8() < self.end
                && char_at(text, pos + c.len_utf8()).is_some_and(is_word_char);
            if !(is_word_char(c) || joins) {
                break;
            }
            pos += c.len_utf8();
        }
        self.pos = pos;
        Some(Tok {
            start,
            end: pos,
            punct: None,
        })
    }
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "a.n", "bpk", "dll", "dr", "drs", "dsb", "dst", "hj", "ibu", "ir", "jend", "jl", "jln", "kol",
    "mr", "mrs", "ms", "no", "prof", "sdr", "st", "tbk", "u.s", "vs",
];

/// Whether the period at `dot` ends a sentence (not "Dr.", "H.", "3.5").
fn period_ends_sentence(text: &str, start: usize, dot: usize) -> bool {
    if char_at(text, dot + 1).is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // The word before the period.
    let mut w = dot;
    while w > start {
        match char_before(text, w) {
            Some(c) if c.is_alphanumeric() || c == '.' => w -= c.len_utf8(),
            _ => break,
        }
    }
    let word = text.get(w..dot).unwrap_or("");
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    if single_capital {
        return false;
    }
    !in_sorted_lower(ABBREVIATIONS, word)
}

/// Whether `word`, ASCII lower-cased, is in `sorted` (a sorted list of lower-case
/// words); lower-cases on the stack, so words of up to 32 bytes allocate nothing.
pub(crate) fn in_sorted_lower(sorted: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower: &[u8] = lower;
            sorted.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
        }
        None => sorted
            .binary_search(&word.to_ascii_lowercase().as_str())
            .is_ok(),
    }
}

/// Characters that can sit between a sentence's final punctuation and the next sentence.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Start of the sentence that contains `pos`, not before `floor`. Looks back at most
/// [`WINDOW`] bytes; returns the window's edge (on a word boundary) when no boundary is
/// found there.
pub(crate) fn sentence_start(text: &str, floor: usize, pos: usize) -> usize {
    let limit = pos.saturating_sub(WINDOW).max(floor);
    let mut i = pos;
    while i > limit {
        let Some(c) = char_before(text, i) else { break };
        let at = i - c.len_utf8();
        if matches!(c, '.' | '!' | '?' | '…') {
            // The next character after the terminator (and any closers) must be a space.
            let mut j = i;
            while let Some(n) = char_at(text, j).filter(|&n| is_closer(n)) {
                j += n.len_utf8();
            }
            let spaced = char_at(text, j).is_some_and(char::is_whitespace);
            if spaced && (c != '.' || period_ends_sentence(text, limit, at)) && j <= pos {
                return skip_space(text, j, pos);
            }
        }
        i = at;
    }
    if limit == floor {
        return floor;
    }
    // Cut inside a very long run: start at the next space so no word is split.
    let mut j = limit;
    while j < pos && !text.is_char_boundary(j) {
        j += 1;
    }
    j
}

/// End of the sentence that starts at or before `pos` (one past its terminator, or
/// `ceiling`), looking ahead at most [`WINDOW`] bytes.
pub(crate) fn sentence_end(text: &str, pos: usize, ceiling: usize) -> usize {
    let limit = (pos + WINDOW).min(ceiling);
    let mut i = pos;
    while i < limit {
        let Some(c) = char_at(text, i) else { break };
        let next = i + c.len_utf8();
        if matches!(c, '!' | '?' | '…')
            || (c == '.' && period_ends_sentence(text, pos, i) && {
                let after = char_at(text, next);
                after.is_none() || after.is_some_and(|a| a.is_whitespace() || is_closer(a))
            })
        {
            let mut j = next;
            while let Some(n) = char_at(text, j).filter(|&n| is_closer(n) && j < ceiling) {
                j += n.len_utf8();
            }
            if j >= ceiling || char_at(text, j).is_some_and(char::is_whitespace) {
                return j;
            }
        }
        i = next;
    }
    if limit == ceiling {
        return ceiling;
    }
    let mut j = limit;
    while j > pos && !text.is_char_boundary(j) {
        j -= 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn tokens_keep_joined_words() {
        let text = "akun Twitter-nya, \"hasil\" Jum'at.";
        let toks: Vec<&str> = Tokens::new(text, 0, text.len())
            .map(|t| t.text(text))
            .collect();
        assert_eq!(
            toks,
            [
                "akun",
                "Twitter-nya",
                ",",
                "\"",
                "hasil",
                "\"",
                "Jum'at",
                "."
            ]
        );
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let text = "Kata Dr. Budi tadi. Lalu H. Amir datang ke sini.";
        let pos = text.find("datang").unwrap_or(0);
        assert_eq!(sentence_start(text, 0, pos), text.find("Lalu").unwrap_or(0));
        assert_eq!(
            sentence_end(text, 0, text.len()),
            text.find(" Lalu").unwrap_or(0)
        );
    }
}
