//! Tokenisation with byte offsets: words and single punctuation marks.
//!
//! One pass over the characters, no allocation per token. Hyphens, apostrophes and `&` stay
//! inside a word when letters or digits follow them ("Bangsa-Bangsa", "O'Neill", "AT&T"); a
//! period stays inside a number ("2.5"). The clitic "-nya" is split off ("Twitter-nya") so the
//! name before it can be a mention on its own.

/// Coarse orthographic class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Shape {
    /// "pemerintah"
    Lower = 0,
    /// "Mesir"
    Capital = 1,
    /// "GNA"
    AllCaps = 2,
    /// "A"
    Initial = 3,
    /// "iPhone", "McDonald"
    Mixed = 4,
    /// "2014"
    Digits = 5,
    /// "G20", "3D"
    AlphaNum = 6,
    /// ",", "("
    Punct = 7,
    /// Emoji, symbols without letters.
    Other = 8,
}

/// A token: a byte range into the text and its shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Orthographic class.
    pub shape: Shape,
    /// Whether the word contains a hyphen.
    pub hyphen: bool,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Whether `c` is a punctuation mark that forms a token of its own.
#[inline]
pub fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '–'
            | '—'
            | '―'
            | '…'
            | '•'
            | '·'
            | '„'
            | '‚'
            | '、'
            | '。'
            | '，'
            | '：'
            | '；'
            | '（'
            | '）'
            | '【'
            | '】'
            | '「'
            | '」'
            | '¡'
            | '¿'
            | '§'
            | '¶'
            | '†'
            | '‡'
            | '′'
            | '″'
    )
}

/// Character classes, one bit each; a character is in at most one of `SPACE`, `PUNCT`,
/// `WORD`, and a word character in at most one of `UPPER`, `LOWER`, `DIGIT` (tested in
/// that order, as the shape rules read them).
const SPACE: u8 = 1;
const PUNCT: u8 = 2;
const WORD: u8 = 4;
const UPPER: u8 = 8;
const LOWER: u8 = 16;
const DIGIT: u8 = 32;

/// The classes of the ASCII characters, so that the common case is one table load instead
/// of the Unicode property look-ups (`char::is_whitespace`, `is_uppercase`, ...).
static ASCII_CLASS: [u8; 128] = ascii_classes();

const fn ascii_classes() -> [u8; 128] {
    let mut table = [0u8; 128];
    let mut b = 0u8;
    while b < 128 {
        table[b as usize] = match b {
            // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed,
            // carriage return, space.
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => SPACE,
            _ if b.is_ascii_punctuation() => PUNCT,
            _ if b.is_ascii_uppercase() => WORD | UPPER,
            _ if b.is_ascii_lowercase() => WORD | LOWER,
            _ if b.is_ascii_digit() => WORD | DIGIT,
            // Other control characters are word characters without a case.
            _ => WORD,
        };
        b += 1;
    }
    table
}

/// Width of each count in a packed run (see `ASCII_RUN`).
const RUN_FIELD_BITS: u32 = 21;
const RUN_FIELD_MASK: u64 = (1 << RUN_FIELD_BITS) - 1;
/// Longest run counted in one packed `u64`: every field stays below its width.
const RUN_CHUNK: usize = 1 << 20;

/// Per byte, what one ASCII word character adds to a packed run: 1 in the upper, lower or
/// digit field (bits 0, 21, 42), and bit 63 for every word character so that the value
/// is never 0; 0 for bytes that end the run (spaces, punctuation, non-ASCII).
static ASCII_RUN: [u64; 256] = ascii_run_increments();

const fn ascii_run_increments() -> [u64; 256] {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 128 {
        let bits = ASCII_CLASS[b];
        if bits & WORD != 0 {
            table[b] = 1 << 63
                | if bits & UPPER != 0 {
                    1
                } else if bits & LOWER != 0 {
                    1 << RUN_FIELD_BITS
                } else if bits & DIGIT != 0 {
                    1 << (2 * RUN_FIELD_BITS)
                } else {
                    0
                };
        }
        b += 1;
    }
    table
}

/// The class bits of `c`.
#[inline]
fn class(c: char) -> u8 {
    match ASCII_CLASS.get(c as usize) {
        Some(&bits) => bits,
        None => non_ascii_class(c),
    }
}

#[cold]
fn non_ascii_class(c: char) -> u8 {
    if c.is_whitespace() {
        SPACE
    } else if is_punct(c) {
        PUNCT
    } else if c.is_uppercase() {
        WORD | UPPER
    } else if c.is_lowercase() {
        WORD | LOWER
    } else if c.is_numeric() {
        WORD | DIGIT
    } else {
        WORD
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    class(c) & WORD != 0
}

#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '&' | '‐' | '‑')
}

/// The character starting at byte `i` of `s` and its length in bytes; ASCII without
/// decoding. `None` at the end (or off a character boundary, which callers never pass).
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Appends the tokens of `text[start..end]` to `out`, with absolute byte offsets.
///
/// Walks bytes, not chars: runs of ASCII letters and digits (most of any text) take one
/// table load per byte; other characters are decoded one at a time.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let bytes = slice.as_bytes();
    let mut i = 0;
    while let Some((c, len)) = char_at(slice, i) {
        let bits = class(c);
        if bits & SPACE != 0 || c == '\u{feff}' || c == '\u{200b}' {
            i += len;
            continue;
        }
        if bits & WORD == 0 {
            out.push(Token {
                start: start + i,
                end: start + i + len,
                shape: Shape::Punct,
                hyphen: false,
            });
            i += len;
            continue;
        }
        let mut shape = ShapeAcc::new(bits);
        let mut word_end = i + len;
        let mut hyphen = false;
        // Whether the last character taken is an ASCII digit (a '.' after it may join).
        let mut prev_digit = c.is_ascii_digit();
        loop {
            let run_start = word_end;
            word_end += shape.add_ascii_run(bytes.get(word_end..).unwrap_or_default());
            if word_end > run_start {
                prev_digit = bytes.get(word_end - 1).is_some_and(u8::is_ascii_digit);
            }
            let Some((d, d_len)) = char_at(slice, word_end) else {
                break;
            };
            let d_bits = class(d);
            if d_bits & WORD != 0 {
                // Not ASCII: the run above took those.
                shape.add(d_bits);
                word_end += d_len;
                prev_digit = false;
                continue;
            }
            // A joiner or a decimal point continues the word only if a word character follows.
            let joiner = is_joiner(d);
            if !(joiner || (d == '.' && prev_digit)) {
                break;
            }
            let rest = slice.get(word_end + d_len..).unwrap_or("");
            let Some((next, _)) = char_at(rest, 0) else {
                break;
            };
            if !is_word_char(next) || (d == '.' && !next.is_ascii_digit()) {
                break;
            }
            if joiner && starts_clitic(rest) {
                break;
            }
            hyphen |= joiner;
            word_end += d_len;
            prev_digit = false;
        }
        out.push(Token {
            start: start + i,
            end: start + word_end,
            shape: shape.finish(),
            hyphen,
        });
        i = word_end;
    }
}

/// "nya", "ku", "mu" ending the word: a clitic to split off after a hyphen.
fn starts_clitic(rest: &str) -> bool {
    let ends_at = |k: usize| char_at(rest, k).is_none_or(|(c, _)| !is_word_char(c));
    let head = rest.as_bytes();
    (head
        .get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"nya"))
        && ends_at(3))
        || (matches!(head.get(..2), Some(b"ku" | b"mu")) && ends_at(2))
}

/// Counts of the character classes of one word.
struct ShapeAcc {
    upper: u32,
    lower: u32,
    digit: u32,
    first_upper: bool,
}

impl ShapeAcc {
    /// Starts a word at a character with class `bits`.
    #[inline]
    fn new(bits: u8) -> Self {
        let mut acc = ShapeAcc {
            upper: 0,
            lower: 0,
            digit: 0,
            first_upper: bits & UPPER != 0,
        };
        acc.add(bits);
        acc
    }

    #[inline]
    fn add(&mut self, bits: u8) {
        self.upper += u32::from(bits & UPPER != 0);
        self.lower += u32::from(bits & LOWER != 0);
        self.digit += u32::from(bits & DIGIT != 0);
    }

    /// Adds the run of ASCII word characters that `bytes` starts with; returns its length.
    /// The counts of a chunk go into one `u64` (one add per byte), in fields wide enough
    /// for a chunk.
    #[inline]
    fn add_ascii_run(&mut self, bytes: &[u8]) -> usize {
        let mut taken = 0;
        for chunk in bytes.chunks(RUN_CHUNK) {
            let mut packed = 0u64;
            let mut n = 0;
            for &b in chunk {
                let inc = ASCII_RUN[usize::from(b)];
                if inc == 0 {
                    break;
                }
                packed = packed.wrapping_add(inc);
                n += 1;
            }
            let field = |k: u32| ((packed >> (k * RUN_FIELD_BITS)) & RUN_FIELD_MASK) as u32;
            self.upper += field(0);
            self.lower += field(1);
            self.digit += field(2);
            taken += n;
            if n < chunk.len() {
                break;
            }
        }
        taken
    }

    fn finish(&self) -> Shape {
        let letters = self.upper + self.lower;
        if letters == 0 {
            return if self.digit > 0 {
                Shape::Digits
            } else {
                Shape::Other
            };
        }
        if self.digit > 0 {
            return Shape::AlphaNum;
        }
        if self.lower == 0 {
            return if self.upper == 1 {
                Shape::Initial
            } else {
                Shape::AllCaps
            };
        }
        // An upper-case letter after the first character makes the word mixed.
        let upper_after_first = self.upper > u32::from(self.first_upper);
        if self.first_upper && !upper_after_first {
            return Shape::Capital;
        }
        if self.upper == 0 {
            return Shape::Lower;
        }
        Shape::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer before the ASCII fast path, kept to check that tokens, shapes and
    /// hyphen flags are unchanged (the model's features depend on them).
    mod reference {
        use super::super::{is_punct, Shape, Token};

        #[inline]
        fn is_word_char(c: char) -> bool {
            !c.is_whitespace() && !is_punct(c)
        }

        #[inline]
        fn is_joiner(c: char) -> bool {
            matches!(c, '-' | '\'' | '’' | '&' | '‐' | '‑')
        }

        /// The per-char tokenizer the byte loop replaced; appends the tokens of `text[start..end]` to `out`, with absolute byte offsets.
        pub fn tokenize_reference(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
            let Some(slice) = text.get(start..end) else {
                return;
            };
            let mut iter = slice.char_indices().peekable();
            while let Some((i, c)) = iter.next() {
                if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
                    continue;
                }
                if !is_word_char(c) {
                    out.push(Token {
                        start: start + i,
                        end: start + i + c.len_utf8(),
                        shape: Shape::Punct,
                        hyphen: false,
                    });
                    continue;
                }
                let mut shape = ShapeAcc::default();
                shape.add(c);
                let mut word_end = i + c.len_utf8();
                let mut hyphen = false;
                let mut prev = c;
                while let Some(&(j, d)) = iter.peek() {
                    if is_word_char(d) {
                        shape.add(d);
                        word_end = j + d.len_utf8();
                        prev = d;
                        iter.next();
                        continue;
                    }
                    // A joiner or a decimal point continues the word only if a word character follows.
                    let joins = is_joiner(d) || (d == '.' && prev.is_ascii_digit());
                    if !joins {
                        break;
                    }
                    let after = slice.get(j + d.len_utf8()..).and_then(|s| s.chars().next());
                    let Some(next) = after else { break };
                    if !is_word_char(next) || (d == '.' && !next.is_ascii_digit()) {
                        break;
                    }
                    if is_joiner(d) && starts_clitic(slice.get(j + d.len_utf8()..).unwrap_or("")) {
                        break;
                    }
                    hyphen |= d != '.';
                    word_end = j + d.len_utf8();
                    prev = d;
                    iter.next();
                }
                out.push(Token {
                    start: start + i,
                    end: start + word_end,
                    shape: shape.finish(),
                    hyphen,
                });
            }
        }

        /// "nya", "ku", "mu" ending the word: a clitic to split off after a hyphen.
        fn starts_clitic(rest: &str) -> bool {
            let word_len = rest
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(rest.len(), |(k, _)| k);
            let word = rest.get(..word_len).unwrap_or("");
            word.eq_ignore_ascii_case("nya") || word == "ku" || word == "mu"
        }

        #[derive(Default)]
        struct ShapeAcc {
            chars: u32,
            upper: u32,
            lower: u32,
            digit: u32,
            first_upper: bool,
            upper_after_first: bool,
        }

        impl ShapeAcc {
            #[inline]
            fn add(&mut self, c: char) {
                if self.chars == 0 {
                    self.first_upper = c.is_uppercase();
                }
                if c.is_uppercase() {
                    self.upper += 1;
                    if self.chars > 0 {
                        self.upper_after_first = true;
                    }
                } else if c.is_lowercase() {
                    self.lower += 1;
                } else if c.is_numeric() {
                    self.digit += 1;
                }
                self.chars += 1;
            }

            fn finish(&self) -> Shape {
                let letters = self.upper + self.lower;
                if letters == 0 {
                    return if self.digit > 0 {
                        Shape::Digits
                    } else {
                        Shape::Other
                    };
                }
                if self.digit > 0 {
                    return Shape::AlphaNum;
                }
                if self.lower == 0 {
                    return if self.upper == 1 {
                        Shape::Initial
                    } else {
                        Shape::AllCaps
                    };
                }
                if self.first_upper && !self.upper_after_first {
                    return Shape::Capital;
                }
                if self.upper == 0 {
                    return Shape::Lower;
                }
                Shape::Mixed
            }
        }
    }

    /// A small deterministic generator of awkward text: ASCII, joiners, digits and dots,
    /// curly quotes, non-ASCII letters of both cases, numerals, emoji, invisible spaces.
    fn awkward_text(seed: &mut u64, len: usize) -> String {
        const PIECES: &[&str] = &[
            "a", "Z", "q", "M", "0", "7", " ", " ", "\n", "\t", "\u{b}", "\u{1f}", "\u{7f}", "\0",
            "-", "--", "'", "&", ".", ",", "(", ")", "\"", "’", "‘", "“", "”", "‐", "‑", "—", "…",
            "nya", "Nya", "NYA", "ku", "mu", "kun", "-nya", "-ku", "-mu", "é", "É", "ß", "Ⅻ", "ⅻ",
            "٣", "²", "½", "😀", "\u{a0}", "\u{2009}", "\u{feff}", "\u{200b}", "\u{85}", "ǅ", "İ",
            "ı", "中", "。", "，", "§", "×", "2.5", "G20", "iPhone",
        ];
        let mut s = String::new();
        for _ in 0..len {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let k = (*seed >> 33) as usize % PIECES.len();
            s.push_str(PIECES.get(k).copied().unwrap_or(""));
        }
        s
    }

    #[test]
    fn same_tokens_as_the_per_char_tokenizer() {
        let mut seed = 7u64;
        for round in 0..4000 {
            let text = awkward_text(&mut seed, 1 + round % 40);
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            tokenize(&text, 0, text.len(), &mut fast);
            reference::tokenize_reference(&text, 0, text.len(), &mut slow);
            assert_eq!(fast, slow, "{text:?}");
        }
        // Offsets into a larger text, and each ASCII byte alone and inside a word.
        for b in 0u8..128 {
            let c = char::from(b);
            for text in [format!("x{c}y"), format!("{c}"), format!("1{c}2 A{c}b")] {
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                tokenize(&text, 0, text.len(), &mut fast);
                reference::tokenize_reference(&text, 0, text.len(), &mut slow);
                assert_eq!(fast, slow, "{text:?}");
            }
        }
        // Words longer than one packed chunk of counts.
        for piece in ["a", "B", "7", "aB", "\u{1}"] {
            let text = format!("{} x", piece.repeat(2 * RUN_CHUNK + 3));
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            tokenize(&text, 0, text.len(), &mut fast);
            reference::tokenize_reference(&text, 0, text.len(), &mut slow);
            assert_eq!(fast, slow, "{piece:?}");
        }
        let text = "Di Jakarta, Presiden Joko Widodo (Jokowi) berkata-kata 2.5 kali.";
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        tokenize(text, 3, 40, &mut fast);
        reference::tokenize_reference(text, 3, 40, &mut slow);
        assert_eq!(fast, slow);
    }

    #[test]
    fn ascii_table_matches_the_unicode_properties() {
        for b in 0u8..128 {
            assert_eq!(class(char::from(b)), non_ascii_class(char::from(b)), "{b}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        assert_eq!(
            words("Perserikatan Bangsa-Bangsa (PBB), 2.5 persen."),
            [
                "Perserikatan",
                "Bangsa-Bangsa",
                "(",
                "PBB",
                ")",
                ",",
                "2.5",
                "persen",
                "."
            ]
        );
        assert_eq!(words("akun Twitter-nya"), ["akun", "Twitter", "-", "nya"]);
        assert_eq!(words("“Halo”—kata"), ["“", "Halo", "”", "—", "kata"]);
        assert_eq!(
            words("a--b -x x-"),
            ["a", "-", "-", "b", "-", "x", "x", "-"]
        );
    }

    #[test]
    fn shapes() {
        let text = "Mesir GNA pemerintah iPhone 2014 G20 A 😀";
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        let shapes: Vec<Shape> = out.iter().map(|t| t.shape).collect();
        use Shape::*;
        assert_eq!(
            shapes,
            [Capital, AllCaps, Lower, Mixed, Digits, AlphaNum, Initial, Other]
        );
    }
}
