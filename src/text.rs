//! Byte → code-point offsets: the only place where offsets change units.

/// Maps UTF-8 byte offsets of one text to Python `str` indices (code points).
#[derive(Clone, Debug)]
pub struct OffsetMap {
    /// `None` when the text is ASCII and bytes equal code points.
    starts: Option<Vec<u32>>,
    len: usize,
}

impl OffsetMap {
    /// Builds the map in one pass over `text`.
    pub fn new(text: &str) -> OffsetMap {
        if text.is_ascii() {
            return OffsetMap {
                starts: None,
                len: text.len(),
            };
        }
        // For each byte offset, the number of code points before it. u32 halves memory;
        // texts over 4 GiB are rejected at the boundary.
        let mut starts = Vec::with_capacity(text.len() + 1);
        let mut count = 0u32;
        for (i, ch) in text.char_indices() {
            debug_assert_eq!(starts.len(), i);
            for _ in 0..ch.len_utf8() {
                starts.push(count);
            }
            count += 1;
        }
        starts.push(count);
        OffsetMap {
            starts: Some(starts),
            len: text.len(),
        }
    }

    /// The code-point index of byte offset `byte` (clamped to the text's end).
    pub fn char_index(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        match &self.starts {
            None => byte,
            Some(starts) => starts.get(byte).copied().unwrap_or(0) as usize,
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
}
