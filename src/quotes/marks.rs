//! Quotation-mark pairing inside one paragraph.
//!
//! Typographic marks say which way they face; straight marks do not, so their role is
//! read from what flanks them (a space before and a letter after opens; a letter before
//! and a space or punctuation after closes). Pairs never cross a paragraph: a mark left
//! open at the paragraph's end is reported as unclosed and the caller decides whether
//! it is the multi-paragraph pattern (each paragraph opens, only the last one closes).

use super::scan::{char_at, char_before, skip_space, trim_back};
use crate::doc::Span;

/// A quotation found between marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marked {
    /// The opening mark.
    pub open: Span,
    /// The closing mark, or `None` when the paragraph ends first.
    pub close: Option<Span>,
    /// The words between the marks, trimmed of whitespace.
    pub content: Span,
    /// Index of the paragraph in the article's paragraph list.
    pub para: usize,
}

/// Which way a mark can face.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    /// A straight mark with space (or nothing) on both sides.
    Either,
    /// A straight mark inside a word ("Jum"at", 18"): not a quotation mark.
    Neither,
}

/// Whether a mark's neighbour counts as "space" for flanking.
fn is_open_side(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '/' | ':'),
    }
}

fn is_close_side(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…'
                )
        }
    }
}

/// The double quotation mark starting at byte `i`, with its length and facing.
fn mark_at(text: &str, bytes: &[u8], i: usize) -> Option<(usize, Facing)> {
    match bytes.get(i)? {
        b'"' => {
            let before_space = is_open_side(char_before(text, i));
            let after = char_at(text, i + 1);
            let after_space = after.is_none_or(char::is_whitespace);
            let after_punct = !after_space && is_close_side(after);
            let facing = match (before_space, after_space, after_punct) {
                (true, true, _) => Facing::Either,
                (true, false, false) => Facing::Open,
                (false, true, _) | (false, false, true) => Facing::Close,
                _ => Facing::Neither,
            };
            Some((1, facing))
        }
        // “ ” „ are E2 80 9C / 9D / 9E; « » are C2 AB / BB.
        0xE2 => match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(0x80), Some(0x9C | 0x9E)) => Some((3, Facing::Open)),
            (Some(0x80), Some(0x9D)) => Some((3, Facing::Close)),
            _ => None,
        },
        0xC2 => match bytes.get(i + 1) {
            Some(0xAB) => Some((2, Facing::Open)),
            Some(0xBB) => Some((2, Facing::Close)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the mark at `pos` follows a space that follows sentence punctuation.
fn punct_before_space(text: &str, pos: usize) -> bool {
    let Some(' ') = char_before(text, pos) else {
        return false;
    };
    matches!(
        char_before(text, pos - 1),
        Some(',' | '.' | '!' | '?' | ';' | '…')
    )
}

/// Whether a space and then a capital letter follow `pos`.
fn space_then_capital(text: &str, pos: usize) -> bool {
    matches!(char_at(text, pos), Some(' '))
        && char_at(text, pos + 1).is_some_and(char::is_uppercase)
}

/// The text between two offsets, trimmed of whitespace, as a span.
fn inner(text: &str, start: usize, end: usize) -> Span {
    let s = skip_space(text, start, end);
    Span::new(s, trim_back(text, s, end))
}

/// Appends every marked quotation of paragraph `para` (spanning `span`) to `out`.
pub(crate) fn pair(text: &str, span: Span, para: usize, out: &mut Vec<Marked>) {
    // Marks around no words at all (`""""`, `" - "`) quote nothing.
    let mut out = WordyOnly { text, out };
    let out = &mut out;
    let bytes = text.as_bytes();
    let end = span.end.min(bytes.len());
    let mut open: Option<Span> = None;
    let mut i = span.start;
    while i < end {
        let Some((len, facing)) = mark_at(text, bytes, i) else {
            i += 1;
            continue;
        };
        let mark = Span::new(i, i + len);
        i += len;
        // Straight marks spaced on the wrong side (a corpus artefact of re-pairing):
        // `Masters, "tutur Jun-Jin.` closes the open quote; `pers." Gastronomi` with
        // nothing open opens one.
        let facing = match (open, facing, bytes.get(mark.start)) {
            (Some(_), Facing::Open, Some(b'"')) if punct_before_space(text, mark.start) => {
                Facing::Close
            }
            (None, Facing::Close, Some(b'"')) if space_then_capital(text, mark.end) => Facing::Open,
            _ => facing,
        };
        match (open, facing) {
            (_, Facing::Neither) => {}
            (None, Facing::Open | Facing::Either) => open = Some(mark),
            // A closing mark with nothing open is stray: skip it.
            (None, Facing::Close) => {}
            (Some(o), Facing::Close | Facing::Either) => {
                out.push(Marked {
                    open: o,
                    close: Some(mark),
                    content: inner(text, o.end, mark.start),
                    para,
                });
                open = None;
            }
            // A second opening mark: the first was never closed. Keep its words as an
            // unclosed piece (it usually runs on into this quote) and start again.
            (Some(o), Facing::Open) => {
                out.push(Marked {
                    open: o,
                    close: None,
                    content: inner(text, o.end, mark.start),
                    para,
                });
                open = Some(mark);
            }
        }
    }
    if let Some(o) = open {
        out.push(Marked {
            open: o,
            close: None,
            content: inner(text, o.end, end),
            para,
        });
    }
}

/// Collects marked pieces, dropping those whose content holds no letter or digit.
struct WordyOnly<'a> {
    text: &'a str,
    out: &'a mut Vec<Marked>,
}

impl WordyOnly<'_> {
    fn push(&mut self, marked: Marked) {
        if marked
            .content
            .slice(self.text)
            .chars()
            .any(char::is_alphanumeric)
        {
            self.out.push(marked);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        pair(text, Span::new(0, text.len()), 0, &mut out);
        out.iter()
            .map(|m| (m.content.slice(text), m.close.is_some()))
            .collect()
    }

    #[test]
    fn straight_and_typographic() {
        assert_eq!(
            contents("Ia bilang \"ya, benar,\" lalu “ tidak ” dan «non»."),
            [("ya, benar,", true), ("tidak", true), ("non", true)]
        );
    }

    #[test]
    fn inner_word_marks_are_not_quotes() {
        assert_eq!(
            contents("hari Jum\"at (18 \") kata \"dia\""),
            [("dia", true)]
        );
    }

    #[test]
    fn misplaced_straight_marks() {
        assert_eq!(
            contents("\"Saya senang ke Jakarta, \"tutur Jun-Jin. \"Dan ini benar,\" katanya."),
            [("Saya senang ke Jakarta,", true), ("Dan ini benar,", true)]
        );
        assert_eq!(
            contents("kata dia.\" Gastronomi itu kebanggaan,\" kata Jean."),
            [("Gastronomi itu kebanggaan,", true)]
        );
    }

    #[test]
    fn unclosed_runs_to_paragraph_end() {
        assert_eq!(
            contents("\"Kami datang. Lalu pulang"),
            [("Kami datang. Lalu pulang", false)]
        );
    }

    #[test]
    fn reopened_mark_splits() {
        assert_eq!(
            contents("“ Saya senang. “ Saya pulang, ” ujar Cole."),
            [("Saya senang.", false), ("Saya pulang,", true)]
        );
    }
}
