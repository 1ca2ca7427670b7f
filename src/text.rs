//! Byte → code-point offsets: the only place where offsets change units.

/// Maps UTF-8 byte offsets of one text to Python `str` indices (code points).
///
/// Sparse: one entry per non-ASCII character (news text has a few curly quotes and
/// accented names), found by binary search; between them bytes and code points advance
/// together.
#[derive(Clone, Debug)]
pub struct OffsetMap {
    /// Each non-ASCII character: its first byte, one past its last byte, and its
    /// code-point index, in text order. Empty when the text is ASCII.
    wide: Vec<Wide>,
    len: usize,
}

/// A multi-byte character of the text.
#[derive(Clone, Copy, Debug)]
struct Wide {
    start: usize,
    end: usize,
    index: usize,
}

impl OffsetMap {
    /// Builds the map in one pass over `text`.
    pub fn new(text: &str) -> OffsetMap {
        let mut wide = Vec::new();
        let bytes = text.as_bytes();
        // Code points before the next non-ASCII byte = that byte - `extra`.
        let mut extra = 0;
        let mut pos = 0;
        while let Some(skip) = bytes
            .get(pos..)
            .and_then(|b| b.iter().position(|c| !c.is_ascii()))
        {
            let start = pos + skip;
            let width = text
                .get(start..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
            wide.push(Wide {
                start,
                end: start + width,
                index: start - extra,
            });
            extra += width - 1;
            pos = start + width;
        }
        OffsetMap {
            wide,
            len: text.len(),
        }
    }

    /// The code-point index of byte offset `byte` (clamped to the text's end); a byte
    /// inside a character maps to that character's index.
    pub fn char_index(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let after = self.wide.partition_point(|w| w.start <= byte);
        match after.checked_sub(1).and_then(|i| self.wide.get(i)) {
            None => byte,
            Some(w) if byte < w.end => w.index,
            Some(w) => w.index + 1 + (byte - w.end),
        }
    }
}

/// Whether `c` is a letter or digit that can be part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let m = OffsetMap::new("abc");
        assert_eq!(m.char_index(2), 2);
        assert_eq!(m.char_index(9), 3);
    }

    #[test]
    fn multibyte_counts_code_points() {
        let text = "a€b😀c";
        let m = OffsetMap::new(text);
        let b = text.find('b').unwrap();
        let c = text.find('c').unwrap();
        assert_eq!(m.char_index(b), 2);
        assert_eq!(m.char_index(c), 4);
        assert_eq!(m.char_index(text.len()), 5);
    }

    #[test]
    fn matches_a_count_at_every_byte() {
        for text in [
            "",
            "abc",
            "é",
            "a€b😀c",
            "€€x",
            "ab\u{1F600}\u{1F600}é z",
            "“Kata” dia’s",
        ] {
            let m = OffsetMap::new(text);
            for byte in 0..=text.len() + 2 {
                let b = byte.min(text.len());
                let start = (0..=b).rev().find(|&i| text.is_char_boundary(i)).unwrap();
                let expected = text[..start].chars().count();
                assert_eq!(m.char_index(byte), expected, "{text:?} at {byte}");
            }
        }
    }
}
