//! The date grammar: reads tokens left to right and records every expression it
//! recognises, longest first at each position, so results never overlap.
//!
//! Rules are small functions, one per family ("Senin (27/3)", "28 Desember 2020",
//! "bulan lalu", ...). Each takes a token index and returns the expression and the index
//! after it, or `None`. Spans cover the date words only: prepositions ("sejak", "pada"),
//! "tanggal" and "tahun" before a year stay outside; modifiers ("akhir"), direction words
//! ("lalu", "depan"), parts of the day and clock times stay inside.

mod clock;
mod numbers;
mod relative;
mod words;

use super::lexicon::{Lex, Part, Unit};
use super::resolve::{Clock, Dir, Expr};
use super::token::{Gap, Kind, Tok};

/// A recognised expression with its byte span.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it says.
    pub expr: Expr,
    /// A clock time attached to it.
    pub clock: Option<Clock>,
    /// A part of the day attached to it.
    pub part: Option<Part>,
}

impl Found {
    fn new(start: usize, end: usize, expr: Expr) -> Found {
        Found {
            start,
            end,
            expr,
            clock: None,
            part: None,
        }
    }
}

/// Whether a bare year in 1900..=2100 may be read as one.
fn plausible_year(n: u32) -> bool {
    (1900..=2100).contains(&n)
}

/// Whether an expression names a single day (so a time or part of day can attach).
fn is_day(expr: Expr) -> bool {
    matches!(
        expr,
        Expr::Full(_) | Expr::DayMonth { .. } | Expr::Weekday(..) | Expr::Shift(Unit::Day, _)
    )
}

/// The parser state over one text.
pub(crate) struct Parser<'a> {
    text: &'a str,
    toks: &'a [Tok],
    out: Vec<Found>,
    /// Whether "hari ini"/"kemarin"/"besok" inside direct speech are still reported.
    quoted_deictics: bool,
    /// Where the quotation scan has got to.
    quote: QuoteScan,
}

/// State of the left-to-right scan for quotation marks.
#[derive(Clone, Copy, Debug)]
struct QuoteScan {
    /// Byte up to which the text has been scanned.
    pos: usize,
    /// Whether a quotation is open there.
    open: bool,
    /// The character before `pos`.
    prev: char,
}

impl Default for QuoteScan {
    fn default() -> QuoteScan {
        QuoteScan {
            pos: 0,
            open: false,
            prev: ' ',
        }
    }
}

impl<'a> Parser<'a> {
    /// A parser over `toks`, the tokens of `text`.
    pub(crate) fn new(text: &'a str, toks: &'a [Tok], quoted_deictics: bool) -> Parser<'a> {
        Parser {
            text,
            toks,
            out: Vec::new(),
            quoted_deictics,
            quote: QuoteScan::default(),
        }
    }

    /// Every expression, in text order.
    pub(crate) fn run(mut self) -> Vec<Found> {
        let mut i = 0;
        while i < self.toks.len() {
            if let Some(next) = self.related_link(i) {
                i = next;
                continue;
            }
            match self.at(i) {
                Some(next) if next > i => i = next,
                _ => i += 1,
            }
        }
        self.out
    }

    /// "Baca juga: Sebelum 1 April ..." is the headline of another article: its dates are
    /// not this article's. Returns the index after the link (line end, or "]" when the
    /// link sits in brackets).
    fn related_link(&self, i: usize) -> Option<usize> {
        let word_is = |k: usize, w: &str| {
            self.tok(k)
                .and_then(|t| self.text.get(t.start..t.end))
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
        };
        if !["baca", "simak", "lihat"].iter().any(|w| word_is(i, w)) {
            return None;
        }
        if !word_is(i + 1, "juga") || !self.adj_punct(i + 2, b':') {
            return None;
        }
        let bracketed = i
            .checked_sub(1)
            .and_then(|p| self.tok(p))
            .is_some_and(|p| p.is_punct(b'['));
        // A headline ends with its line, a bracket, a full stop or a quotation; scraped text
        // sometimes runs the next paragraph on, so stop after a headline's length anyway.
        let mut k = i + 3;
        let mut words = 0;
        while let Some(t) = self.tok(k) {
            if t.gap == Gap::Break || words >= 14 {
                break;
            }
            k += 1;
            match t.kind {
                Kind::Word(_) => words += 1,
                Kind::Punct(b']') if bracketed => break,
                Kind::Punct(b'.' | b'!' | b'?' | b'"') => break,
                _ => {}
            }
        }
        Some(k)
    }

    // ---- token helpers -------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// The lexicon role of token `i`.
    fn lex(&self, i: usize) -> Lex {
        self.tok(i).map_or(Lex::None, Tok::lex)
    }

    /// The role of token `i` if it follows the previous one after a space (same line).
    fn lex_sp(&self, i: usize) -> Lex {
        match self.tok(i) {
            Some(t) if t.gap == Gap::Space => t.lex(),
            _ => Lex::None,
        }
    }

    /// Token `i` if it is on the same line as the one before it.
    fn same_line(&self, i: usize) -> Option<&Tok> {
        self.tok(i).filter(|t| t.gap != Gap::Break)
    }

    /// Token `i` if it touches the one before it.
    fn adjacent(&self, i: usize) -> Option<&Tok> {
        self.tok(i).filter(|t| t.gap == Gap::None)
    }

    /// Whether token `i` is punctuation `p` touching the previous token.
    fn adj_punct(&self, i: usize, p: u8) -> bool {
        self.adjacent(i).is_some_and(|t| t.is_punct(p))
    }

    /// The role of the word before token `i` on the same line (skipping nothing).
    fn prev_lex(&self, i: usize) -> Lex {
        match (i.checked_sub(1).and_then(|p| self.tok(p)), self.tok(i)) {
            (Some(p), Some(t)) if t.gap != Gap::Break => p.lex(),
            _ => Lex::None,
        }
    }

    /// Whether the word before token `i` is `word` (ASCII, any case).
    fn prev_word_is(&self, i: usize, word: &str) -> bool {
        i.checked_sub(1)
            .and_then(|p| self.tok(p))
            .and_then(|p| self.text.get(p.start..p.end))
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    }

    /// Whether token `i` starts a sentence.
    fn sentence_start(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if t.gap == Gap::Break || i == 0 {
            return true;
        }
        matches!(
            i.checked_sub(1).and_then(|p| self.tok(p)).map(|p| p.kind),
            Some(Kind::Punct(b'.' | b'!' | b'?' | b'"' | b':'))
        )
    }

    /// Whether the numbers at `i` are a reference ("pasal 27/12", "No. 5/2017", "skor 2-1").
    fn blocked(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        if self.prev_lex(i) == Lex::Block {
            return true;
        }
        // "No. 12/3", "Rp. 2014"
        self.tok(p).is_some_and(|t| t.is_punct(b'.'))
            && self.adjacent(p).is_some()
            && p.checked_sub(1).is_some_and(|q| self.lex(q) == Lex::Block)
    }

    /// Whether "akan"/"will" occurs in the four words before `i` (a future weekday or month).
    fn future_cue(&self, i: usize) -> bool {
        (1..=4).any(|k| {
            i.checked_sub(k)
                .and_then(|p| self.tok(p))
                .is_some_and(|t| t.lex() == Lex::Akan)
        })
    }

    /// Whether byte `pos` lies inside a direct quotation in its paragraph.
    ///
    /// Queries come in text order, so the scan resumes where the last one stopped:
    /// linear in the text however many deictics it holds.
    fn in_quote(&mut self, pos: usize) -> bool {
        if pos < self.quote.pos {
            self.quote = QuoteScan::default();
        }
        let Some(span) = self.text.get(self.quote.pos..pos) else {
            return false;
        };
        let mut q = self.quote;
        let mut chars = span.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\n' | '\r' => q.open = false,
                // A straight quote opens after a space and closes before one; else it toggles.
                '"' => {
                    let next = chars
                        .peek()
                        .copied()
                        .or_else(|| self.text.get(pos..).and_then(|s| s.chars().next()))
                        .unwrap_or(' ');
                    q.open = if q.prev.is_whitespace() || q.prev == '(' {
                        true
                    } else if next.is_whitespace() || next.is_ascii_punctuation() {
                        false
                    } else {
                        !q.open
                    }
                }
                '\u{201C}' => q.open = true,
                '\u{201D}' => q.open = false,
                _ => {}
            }
            q.prev = c;
        }
        q.pos = pos;
        self.quote = q;
        q.open
    }

    /// Direction given by the word at `i`, if it is one.
    fn dir_word(&self, i: usize) -> Option<Dir> {
        match self.lex_sp(i) {
            Lex::Past | Lex::Yesterday => Some(Dir::Past),
            Lex::Future => Some(Dir::Future),
            Lex::Ini => Some(Dir::This),
            _ => None,
        }
    }

    /// A direction phrase after a date at `j`: "lalu", "yang lalu", "silam", "kemarin",
    /// "mendatang", "nanti", "besok", "ini". Returns it, the index after it and its end.
    fn tail_dir(&self, j: usize) -> Option<(Dir, usize, usize)> {
        let (dir, at) = match self.lex_sp(j) {
            Lex::Past | Lex::Yesterday => (Dir::Past, j),
            Lex::Future | Lex::Tomorrow => (Dir::Future, j),
            Lex::Ini => (Dir::This, j),
            Lex::Yang if self.lex_sp(j + 1) == Lex::Past => (Dir::Past, j + 1),
            _ => return None,
        };
        Some((dir, at + 1, self.tok(at)?.end))
    }

    fn push(&mut self, f: Found) {
        self.out.push(f);
    }

    // ---- dispatch ------------------------------------------------------------------

    /// Tries every rule that can start at token `i`; returns the index after the match.
    fn at(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        match t.kind {
            Kind::Num => self.numeric(i),
            Kind::Punct(b'(') => {
                // "dua pertiga (2/3)", "skor (2/1)": a fraction or score, not a date.
                let counted = i.checked_sub(1).and_then(|p| self.tok(p)).is_some_and(|p| {
                    matches!(
                        p.kind,
                        Kind::Num
                            | Kind::Word(Lex::NumWord(_) | Lex::Counter | Lex::Vague | Lex::Mod(_))
                    )
                });
                // "skor akhir (2/1)": a reference word two tokens back also blocks.
                let blocked2 = i.checked_sub(1).is_some_and(|p| self.blocked(p));
                if counted || blocked2 || self.blocked(i) {
                    return None;
                }
                if let Some((f, next)) = self.bracket(i, None) {
                    return self.emit_day(f, next);
                }
                // "Anna Karenina (2012)", "Jambeck (2015)": a year in brackets.
                let y = self
                    .adjacent(i + 1)
                    .filter(|y| y.is_num_len(4, 4) && plausible_year(y.num))?;
                if !self.adj_punct(i + 2, b')') {
                    return None;
                }
                let expr = Expr::Year(i32::try_from(y.num).ok()?);
                self.push(Found::new(y.start, y.end, expr));
                Some(i + 3)
            }
            Kind::Word(lex) => match lex {
                Lex::Month(..) => {
                    let (f, next) = self.month(i)?;
                    self.emit_day(f, next)
                }
                Lex::Weekday(_) | Lex::Minggu => self.weekday(i),
                Lex::Mod(m) => self.modified(i, m),
                Lex::Unit(u) => self.unit_rel(i, u),
                Lex::SeUnit(_) | Lex::NumWord(_) | Lex::Vague => self.count(i),
                Lex::Yesterday | Lex::Tomorrow | Lex::Lusa | Lex::Today | Lex::Tonight => {
                    self.deictic(i)
                }
                Lex::Tadi | Lex::Part(_) => self.part_deictic(i),
                Lex::Pukul => self.time(i),
                Lex::Quarter | Lex::Semester => self.quarter(i),
                Lex::Last | Lex::Next | Lex::This => self.english_rel(i),
                Lex::Abad => self.century(i),
                _ => None,
            },
            _ => None,
        }
    }

    /// Pushes a day-grain (or any) expression after trying to attach a time, returns the next index.
    fn emit_day(&mut self, f: Found, next: usize) -> Option<usize> {
        let (f, next) = self.attach(f, next);
        self.push(f);
        Some(next)
    }
}
