//! Splits text into the tokens the date grammar reads: ASCII words, digit runs and
//! single punctuation marks, each with its byte span and what separates it from the
//! previous token. Everything else (non-ASCII letters, symbols) is an opaque token so
//! that it still breaks adjacency.

use super::lexicon::{lookup, LangMask, Lex};

/// What lies between a token and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Nothing: the tokens touch.
    None,
    /// Spaces or tabs (including no-break and other Unicode spaces).
    Space,
    /// A line break: tokens in different paragraphs never combine.
    Break,
}

/// The kind of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of ASCII letters (apostrophes inside allowed), with its lexicon role.
    Word(Lex),
    /// A run of ASCII digits.
    Num,
    /// One ASCII punctuation mark; dashes are folded to `-`, curly quotes to `"`.
    Punct(u8),
    /// Anything else.
    Other,
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Value of a digit run (saturating); 0 for other tokens.
    pub num: u32,
    /// Separation from the previous token.
    pub gap: Gap,
    /// Whether a word starts with an upper-case letter.
    pub cap: bool,
}

impl Tok {
    /// Number of bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// The lexicon role, `Lex::None` for non-words.
    pub fn lex(&self) -> Lex {
        match self.kind {
            Kind::Word(l) => l,
            _ => Lex::None,
        }
    }

    /// Whether this is the punctuation mark `p`.
    pub fn is_punct(&self, p: u8) -> bool {
        self.kind == Kind::Punct(p)
    }

    /// Whether this is a digit run of `lo..=hi` digits.
    pub fn is_num_len(&self, lo: usize, hi: usize) -> bool {
        self.kind == Kind::Num && (lo..=hi).contains(&self.len())
    }
}

/// Tokenises `text`.
pub(crate) fn tokenize(text: &str, mask: LangMask, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut gap = Gap::Break;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphabetic() {
            let start = i;
            i += 1;
            while let Some(&c) = bytes.get(i) {
                // "Jum'at" is one word; "today's" is "today" and "'s".
                let possessive = bytes.get(i + 1).is_some_and(|s| *s == b's' || *s == b'S')
                    && !bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic);
                let apostrophe = c == b'\''
                    && !possessive
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
                if c.is_ascii_alphabetic() || apostrophe {
                    i += 1;
                } else {
                    break;
                }
            }
            let word = bytes.get(start..i).unwrap_or(&[]);
            out.push(Tok {
                start,
                end: i,
                kind: Kind::Word(lookup(word, mask)),
                num: 0,
                gap,
                cap: b.is_ascii_uppercase(),
            });
            gap = Gap::None;
        } else if b.is_ascii_digit() {
            let start = i;
            let mut value: u32 = 0;
            while let Some(&c) = bytes.get(i) {
                if !c.is_ascii_digit() {
                    break;
                }
                value = value.saturating_mul(10).saturating_add(u32::from(c - b'0'));
                i += 1;
            }
            out.push(Tok {
                start,
                end: i,
                kind: Kind::Num,
                num: value,
                gap,
                cap: false,
            });
            gap = Gap::None;
        } else if b == b'\n' || b == b'\r' {
            gap = Gap::Break;
            i += 1;
        } else if b == b' ' || b == b'\t' {
            if gap == Gap::None {
                gap = Gap::Space;
            }
            i += 1;
        } else if b < 0x80 {
            out.push(Tok {
                start: i,
                end: i + 1,
                kind: Kind::Punct(b),
                num: 0,
                gap,
                cap: false,
            });
            gap = Gap::None;
            i += 1;
        } else {
            // A multi-byte character: decode it from the str, never from raw bytes.
            let ch = text.get(i..).and_then(|s| s.chars().next());
            let width = ch.map_or(1, char::len_utf8);
            match ch {
                Some(c) if c.is_whitespace() => {
                    if c == '\u{2028}' || c == '\u{2029}' {
                        gap = Gap::Break;
                    } else if gap == Gap::None {
                        gap = Gap::Space;
                    }
                }
                Some(c) => {
                    let kind = match c {
                        '\u{2013}' | '\u{2014}' | '\u{2212}' => Kind::Punct(b'-'),
                        '\u{201C}' | '\u{201D}' | '\u{201E}' => Kind::Punct(b'"'),
                        _ => Kind::Other,
                    };
                    out.push(Tok {
                        start: i,
                        end: i + width,
                        kind,
                        num: 0,
                        gap,
                        cap: false,
                    });
                    gap = Gap::None;
                }
                None => {}
            }
            i += width;
        }
    }
}
