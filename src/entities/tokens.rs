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

#[inline]
fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !is_punct(c)
}

#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '&' | '‐' | '‑')
}

/// Appends the tokens of `text[start..end]` to `out`, with absolute byte offsets.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
