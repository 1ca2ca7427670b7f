//! The date grammar: reads tokens left to right and records every expression it
//! recognises, longest first at each position, so results never overlap.
//!
//! Rules are small functions, one per family ("Senin (27/3)", "28 Desember 2020",
//! "bulan lalu", ...). Each takes a token index and returns the expression and the index
//! after it, or `None`. Spans cover the date words only: prepositions ("sejak", "pada"),
//! "tanggal" and "tahun" before a year stay outside; modifiers ("akhir"), direction words
//! ("lalu", "depan"), parts of the day and clock times stay inside.

use super::lexicon::{Lex, Mod, Part, Unit};
use super::resolve::{Clock, Dir, Expr};
use super::token::{Gap, Kind, Tok};
use crate::calendar::Date;

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
}

impl<'a> Parser<'a> {
    /// A parser over `toks`, the tokens of `text`.
    pub(crate) fn new(text: &'a str, toks: &'a [Tok], quoted_deictics: bool) -> Parser<'a> {
        Parser {
            text,
            toks,
            out: Vec::new(),
            quoted_deictics,
        }
    }

    /// Every expression, in text order.
    pub(crate) fn run(mut self) -> Vec<Found> {
        let mut i = 0;
        while i < self.toks.len() {
            match self.at(i) {
                Some(next) if next > i => i = next,
                _ => i += 1,
            }
        }
        self.out
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
    fn in_quote(&self, pos: usize) -> bool {
        let Some(before) = self.text.get(..pos) else {
            return false;
        };
        let line_start = before.rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let line = before.get(line_start..).unwrap_or("");
        let mut open = false;
        let mut prev = ' ';
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                // A straight quote opens after a space and closes before one; else it toggles.
                '"' => {
                    let next = chars.peek().copied().unwrap_or(' ');
                    open = if prev.is_whitespace() || prev == '(' {
                        true
                    } else if next.is_whitespace() || next.is_ascii_punctuation() {
                        false
                    } else {
                        !open
                    }
                }
                '\u{201C}' => open = true,
                '\u{201D}' => open = false,
                _ => {}
            }
            prev = c;
        }
        open
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
                        Kind::Num | Kind::Word(Lex::NumWord(_) | Lex::Counter | Lex::Vague)
                    )
                });
                if counted || self.blocked(i) {
                    return None;
                }
                let (f, next) = self.bracket(i, None)?;
                self.emit_day(f, next)
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

    // ---- numbers -------------------------------------------------------------------

    /// Rules that start with a digit run.
    fn numeric(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        // Part of a larger token: "G20", "Rp2014", "1.500", "27/12" (second half).
        if t.gap == Gap::None {
            if let Some(p) = i.checked_sub(1).and_then(|p| self.tok(p)) {
                match p.kind {
                    Kind::Word(_) | Kind::Num => return None,
                    Kind::Punct(b'.' | b',' | b'/' | b'-' | b':' | b'+' | b'$') => {
                        let before_is_num = i
                            .checked_sub(2)
                            .and_then(|q| self.tok(q))
                            .is_some_and(|q| q.kind == Kind::Num && p.gap == Gap::None);
                        if before_is_num || p.is_punct(b'$') || p.is_punct(b'+') {
                            return None;
                        }
                    }
                    _ => {}
                }
            }
        }
        if self.blocked(i) {
            // Skip the whole name: "Stadion 17 Mei" must not leave a bare "Mei" behind.
            return Some(self.day_month(i, None).map_or(i + 1, |(_, next)| next));
        }
        let len = t.len();
        if len == 4 {
            if let Some((f, next)) = self.iso(i) {
                return self.emit_day(f, next);
            }
            if let Some(next) = self.decade(i) {
                return Some(next);
            }
            return self.year(i);
        }
        if (1..=2).contains(&len) {
            if let Some((f, next)) = self.numeric_dmy(i) {
                return self.emit_day(f, next);
            }
            if let Some(next) = self.day_range(i) {
                return Some(next);
            }
            if let Some((f, next)) = self.tanggal_dm(i) {
                return self.emit_day(f, next);
            }
            if let Some((f, next)) = self.day_month(i, None) {
                return self.emit_day(f, next);
            }
            if let Some(next) = self.decade(i) {
                return Some(next);
            }
            if let Some(next) = self.zoned_time(i) {
                return Some(next);
            }
        }
        if len <= 3 {
            return self.count(i);
        }
        None
    }

    /// Whether the numeric date ending at token `last` is not part of a longer number run.
    fn ends_cleanly(&self, last: usize) -> bool {
        match self.adjacent(last + 1) {
            Some(t) if matches!(t.kind, Kind::Punct(b'/' | b'-' | b'.' | b',')) => {
                !self.adjacent(last + 2).is_some_and(|n| n.kind == Kind::Num)
            }
            _ => true,
        }
    }

    /// "2014-12-30".
    fn iso(&self, i: usize) -> Option<(Found, usize)> {
        let y = self.tok(i)?;
        if !(self.adj_punct(i + 1, b'-') && self.adj_punct(i + 3, b'-')) {
            return None;
        }
        let m = self.adjacent(i + 2).filter(|t| t.is_num_len(2, 2))?;
        let d = self.adjacent(i + 4).filter(|t| t.is_num_len(2, 2))?;
        if !self.ends_cleanly(i + 4) {
            return None;
        }
        let date = Date::new(i32::try_from(y.num).ok()?, m.num, d.num)?;
        Some((Found::new(y.start, d.end, Expr::Full(date)), i + 5))
    }

    /// "30/12/2014", "30-12-2014", "30.12.2014", "27/3/17".
    fn numeric_dmy(&self, i: usize) -> Option<(Found, usize)> {
        let d = self.tok(i)?;
        let sep = match self.adjacent(i + 1)?.kind {
            Kind::Punct(p @ (b'/' | b'-' | b'.')) => p,
            _ => return None,
        };
        let m = self.adjacent(i + 2).filter(|t| t.is_num_len(1, 2))?;
        if !self.adj_punct(i + 3, sep) {
            return None;
        }
        let y = self.adjacent(i + 4).filter(|t| t.kind == Kind::Num)?;
        let year = match y.len() {
            4 => y.num,
            2 if sep == b'/' => 2000 + y.num,
            _ => return None,
        };
        if !self.ends_cleanly(i + 4) {
            return None;
        }
        let date = Date::new(i32::try_from(year).ok()?, m.num, d.num)?;
        Some((Found::new(d.start, y.end, Expr::Full(date)), i + 5))
    }

    /// "tanggal 17/8": day/month without a year, only after "tanggal" (else "pasal 27/12").
    fn tanggal_dm(&self, i: usize) -> Option<(Found, usize)> {
        if self.prev_lex(i) != Lex::Tanggal {
            return None;
        }
        let d = self.tok(i)?;
        if !self.adj_punct(i + 1, b'/') {
            return None;
        }
        let m = self.adjacent(i + 2).filter(|t| t.is_num_len(1, 2))?;
        if !self.ends_cleanly(i + 2) {
            return None;
        }
        Date::new(2000, m.num, d.num)?;
        let expr = Expr::DayMonth {
            day: d.num,
            month: m.num,
            weekday: None,
            dir: Dir::Bare,
        };
        Some((Found::new(d.start, m.end, expr), i + 3))
    }

    /// "(27/12)", "(27/3/2017)"; `weekday` is the weekday written before it, if any.
    fn bracket(&self, i: usize, weekday: Option<u32>) -> Option<(Found, usize)> {
        let open = self.tok(i)?;
        if !open.is_punct(b'(') {
            return None;
        }
        let d = self.adjacent(i + 1).filter(|t| t.is_num_len(1, 2))?;
        if !self.adj_punct(i + 2, b'/') {
            return None;
        }
        let m = self.adjacent(i + 3).filter(|t| t.is_num_len(1, 2))?;
        let (expr, close) = if self.adj_punct(i + 4, b'/') {
            // "(13/3/ 2017)": a stray space before the year happens in scraped text.
            let y = self
                .tok(i + 5)
                .filter(|t| t.kind == Kind::Num && t.gap != Gap::Break)?;
            let year = match y.len() {
                4 => y.num,
                2 => 2000 + y.num,
                _ => return None,
            };
            let date = Date::new(i32::try_from(year).ok()?, m.num, d.num)?;
            (Expr::Full(date), i + 6)
        } else {
            // Validate day and month against a leap year so 29/2 passes here.
            Date::new(2000, m.num, d.num)?;
            (
                Expr::DayMonth {
                    day: d.num,
                    month: m.num,
                    weekday,
                    dir: Dir::Bare,
                },
                i + 4,
            )
        };
        let c = self.adjacent(close).filter(|t| t.is_punct(b')'))?;
        Some((Found::new(open.start, c.end, expr), close + 1))
    }

    /// "28 Desember 2020", "6 Nop 2019", "17 Agustus", "28 December 2020".
    fn day_month(&self, i: usize, weekday: Option<u32>) -> Option<(Found, usize)> {
        let d = self.tok(i)?;
        if !d.is_num_len(1, 2) || !(1..=31).contains(&d.num) {
            return None;
        }
        let Lex::Month(month, _) = self.lex_sp(i + 1) else {
            return None;
        };
        let mut j = i + 2;
        let mut end = self.tok(i + 1)?.end;
        if let Some(dot) = self.adjacent(j).filter(|t| t.is_punct(b'.')) {
            // "6 Nop. 2019": the dot belongs to the abbreviation only when a year follows.
            if self.tok(j + 1).is_some_and(|t| t.is_num_len(4, 4)) {
                end = dot.end;
                j += 1;
            }
        }
        if let Some(y) = self
            .tok(j)
            .filter(|t| t.gap == Gap::Space && t.is_num_len(4, 4))
        {
            let date = Date::new(i32::try_from(y.num).ok()?, month, d.num)?;
            return Some(self.with_dir_tail(Found::new(d.start, y.end, Expr::Full(date)), j + 1));
        }
        Date::new(2000, month, d.num)?;
        let (dir, end, next) = match self.tail_dir(j) {
            Some((dir, next, end)) => (dir, end, next),
            None => (Dir::Bare, end, j),
        };
        let expr = Expr::DayMonth {
            day: d.num,
            month,
            weekday,
            dir,
        };
        Some((Found::new(d.start, end, expr), next))
    }

    /// "17-18 Desember 2020", "17 dan 18 Agustus": both days, the first taking the second's month.
    fn day_range(&mut self, i: usize) -> Option<usize> {
        let first = *self.tok(i)?;
        if !(1..=31).contains(&first.num) {
            return None;
        }
        let joiner = self.same_line(i + 1)?;
        let ok = joiner.is_punct(b'-') || matches!(joiner.lex(), Lex::Until | Lex::Joiner);
        if !ok || joiner.gap == Gap::Break {
            return None;
        }
        if !self.same_line(i + 2).is_some_and(|t| t.is_num_len(1, 2)) {
            return None;
        }
        let (second, next) = self.day_month(i + 2, None)?;
        let expr = match second.expr {
            Expr::Full(d) => Expr::Full(Date::new(d.year, d.month, first.num)?),
            Expr::DayMonth { month, dir, .. } => {
                Date::new(2000, month, first.num)?;
                Expr::DayMonth {
                    day: first.num,
                    month,
                    weekday: None,
                    dir,
                }
            }
            _ => return None,
        };
        self.push(Found::new(first.start, first.end, expr));
        self.emit_day(second, next)
    }

    /// "1990-an", "era 90-an", "the 1990s".
    fn decade(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        let end = if self.adj_punct(i + 1, b'-') {
            let an = self.adjacent(i + 2)?;
            let word = self.text.get(an.start..an.end)?;
            if !word.eq_ignore_ascii_case("an") {
                return None;
            }
            an.end
        } else {
            let s = self.adjacent(i + 1)?;
            if self.text.get(s.start..s.end)? != "s" {
                return None;
            }
            s.end
        };
        let decade = match t.len() {
            4 if t.num % 10 == 0 && (1000..=2100).contains(&t.num) => t.num / 10,
            2 if t.num % 10 == 0
                && matches!(self.prev_lex(i), Lex::Era | Lex::Unit(Unit::Year)) =>
            {
                if t.num < 30 {
                    200 + t.num / 10
                } else {
                    190 + t.num / 10
                }
            }
            _ => return None,
        };
        let expr = Expr::Decade(i32::try_from(decade).ok()?);
        self.push(Found::new(t.start, end, expr));
        Some(i + 3)
    }

    /// Whether the 4-digit number at `i` is followed by something that makes it a count.
    fn counted(&self, i: usize) -> bool {
        if self.lex_sp(i + 1) == Lex::Counter {
            return true;
        }
        match self.adjacent(i + 1).map(|t| t.kind) {
            Some(Kind::Punct(b'%')) => true,
            Some(Kind::Punct(b'.' | b',')) => {
                self.adjacent(i + 2).is_some_and(|t| t.kind == Kind::Num)
            }
            _ => false,
        }
    }

    /// A bare year in a year context: "sejak 2014", "tahun 2011", "2016 lalu", "in 2014".
    fn year(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        if !plausible_year(t.num) || self.counted(i) {
            return None;
        }
        let prev = self.prev_lex(i);
        // "Undang-Undang Nomor 31 Tahun 1999": the year of a law's number, part of a name.
        let law = prev == Lex::Unit(Unit::Year)
            && i.checked_sub(2)
                .and_then(|p| self.tok(p))
                .is_some_and(|p| p.kind == Kind::Num);
        if law {
            return Some(i + 1);
        }
        let before = matches!(
            prev,
            Lex::YearCtx | Lex::Until | Lex::Selama | Lex::Unit(Unit::Year)
        ) && t.gap == Gap::Space;
        let after = matches!(self.tail_dir(i + 1), Some((Dir::Past | Dir::Future, _, _)));
        if !(before || after) {
            return None;
        }
        let expr = Expr::Year(i32::try_from(t.num).ok()?);
        let (f, next) = self.with_dir_tail(Found::new(t.start, t.end, expr), i + 1);
        self.push(f);
        Some(self.year_list(next))
    }

    /// Years continuing a list or range after an accepted year: "2014-2019", "2016 dan 2017".
    fn year_list(&mut self, mut j: usize) -> usize {
        loop {
            let Some(joiner) = self.same_line(j) else {
                return j;
            };
            let joins = joiner.is_punct(b'-')
                || joiner.is_punct(b'/')
                || joiner.is_punct(b',')
                || matches!(joiner.lex(), Lex::Until | Lex::Joiner);
            let Some(y) = self.same_line(j + 1).copied() else {
                return j;
            };
            if !joins || !y.is_num_len(4, 4) || !plausible_year(y.num) || self.counted(j + 1) {
                return j;
            }
            if let Some(next) = self.decade(j + 1) {
                return next;
            }
            let Ok(year) = i32::try_from(y.num) else {
                return j;
            };
            self.push(Found::new(y.start, y.end, Expr::Year(year)));
            j += 2;
        }
    }

    // ---- counts and durations ------------------------------------------------------

    /// Reads a count at `i`: (value or None for vague, index after it, unit if fused).
    fn number_at(&self, i: usize) -> Option<(Option<u32>, usize, Option<Unit>)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num if t.len() <= 3 && t.num > 0 => Some((Some(t.num), i + 1, None)),
            Kind::Word(Lex::SeUnit(u)) => Some((Some(1), i + 1, Some(u))),
            Kind::Word(Lex::Vague) => Some((None, i + 1, None)),
            Kind::Word(Lex::NumWord(n)) => match self.lex_sp(i + 1) {
                Lex::Belas => Some((Some(n + 10), i + 2, None)),
                Lex::Puluh => match self.lex_sp(i + 2) {
                    Lex::NumWord(k) if k < 10 => Some((Some(n * 10 + k), i + 3, None)),
                    _ => Some((Some(n * 10), i + 2, None)),
                },
                _ => Some((Some(n), i + 1, None)),
            },
            _ => None,
        }
    }

    /// "3 hari lalu", "dua pekan lalu", "beberapa hari lalu", "tiga hari lagi",
    /// "selama tiga tahun", "lima tahun terakhir", "two years ago".
    fn count(&mut self, i: usize) -> Option<usize> {
        let start = self.tok(i)?.start;
        let (n, mut j, fused) = self.number_at(i)?;
        let unit = match fused {
            Some(u) => u,
            None => {
                let u = match self.lex_sp(j) {
                    Lex::Unit(u) => u,
                    Lex::Minggu => Unit::Week,
                    // "24 jam": "jam" is also the clock word ("jam 10.00").
                    Lex::Pukul
                        if self
                            .tok(j)
                            .and_then(|t| self.text.get(t.start..t.end))
                            .is_some_and(|w| w.eq_ignore_ascii_case("jam")) =>
                    {
                        Unit::Hour
                    }
                    _ => return None,
                };
                j += 1;
                u
            }
        };
        let clock_unit = matches!(unit, Unit::Hour | Unit::Minute);
        let unit_end = self.tok(j - 1)?.end;
        let mut cue = self.lex_sp(j);
        let mut cue_at = j;
        if cue == Lex::Yang && self.lex_sp(j + 1) == Lex::Past {
            cue = Lex::Past;
            cue_at = j + 1;
        }
        let signed = |k: i64| n.map(|n| i64::from(n) * k);
        let (expr, end, next) = match cue {
            // "dua jam lalu" needs the publication time: not resolvable, not reported.
            Lex::Past | Lex::Lagi if clock_unit => return None,
            Lex::Past => (
                signed(-1).map_or(Expr::Vague(unit), |v| Expr::Shift(unit, v)),
                self.tok(cue_at)?.end,
                cue_at + 1,
            ),
            Lex::Lagi => (
                signed(1).map_or(Expr::Vague(unit), |v| Expr::Shift(unit, v)),
                self.tok(cue_at)?.end,
                cue_at + 1,
            ),
            Lex::Terakhir | Lex::Future => {
                (Expr::Duration(n?, unit), self.tok(cue_at)?.end, cue_at + 1)
            }
            Lex::Ke if self.lex_sp(j + 1) == Lex::Future => {
                (Expr::Duration(n?, unit), self.tok(j + 1)?.end, j + 2)
            }
            // "dalam sehari" is "per day", not a length of time.
            _ if fused.is_some() && self.prev_word_is(i, "dalam") => return None,
            _ if matches!(self.prev_lex(i), Lex::Selama | Lex::Last) => {
                (Expr::Duration(n?, unit), unit_end, j)
            }
            _ => return None,
        };
        self.emit_day(Found::new(start, end, expr), next)
    }

    // ---- words ---------------------------------------------------------------------

    /// A month name: "Oktober", "Oktober lalu", "Desember 2020", "Maret tahun lalu",
    /// "December 28, 2020", "in October".
    fn month(&self, i: usize) -> Option<(Found, usize)> {
        let t = self.tok(i)?;
        let Lex::Month(m, full) = t.lex() else {
            return None;
        };
        let prev = self.prev_lex(i);
        let in_lexicon = |mask| {
            self.text
                .get(t.start..t.end)
                .is_some_and(|w| super::lexicon::lookup(w.as_bytes(), mask) != Lex::None)
        };
        // English-only names ("October", "May") need an English context when bare;
        // any English name may take the English "December 28, 2020" order.
        let english_order = in_lexicon(super::lexicon::LangMask::EN);
        let english = english_order && !in_lexicon(super::lexicon::LangMask::ID);
        let mut j = i + 1;
        let mut end = t.end;
        if !full && self.adj_punct(j, b'.') {
            end = self.tok(j)?.end;
            j += 1;
        }
        // Month + year, directly or through "tahun": "Desember 2020", "Maret tahun 2017".
        let year_at = if self.lex_sp(j) == Lex::Unit(Unit::Year) {
            j + 1
        } else {
            j
        };
        if let Some(y) = self
            .tok(year_at)
            .filter(|y| y.gap == Gap::Space && y.is_num_len(4, 4) && (1000..=2200).contains(&y.num))
        {
            if !self.counted(year_at) {
                let expr = Expr::MonthYear(i32::try_from(y.num).ok()?, m);
                return Some(self.with_dir_tail(Found::new(t.start, y.end, expr), year_at + 1));
            }
        }
        // English "December 28, 2020" / "December 28".
        if english_order {
            if let Some(d) = self
                .tok(j)
                .filter(|d| d.gap == Gap::Space && d.is_num_len(1, 2) && (1..=31).contains(&d.num))
            {
                let mut k = j + 1;
                if self.adj_punct(k, b',') {
                    k += 1;
                }
                if let Some(y) = self.same_line(k).filter(|y| y.is_num_len(4, 4)) {
                    let date = Date::new(i32::try_from(y.num).ok()?, m, d.num)?;
                    return Some((Found::new(t.start, y.end, Expr::Full(date)), k + 1));
                }
                Date::new(2000, m, d.num)?;
                let expr = Expr::DayMonth {
                    day: d.num,
                    month: m,
                    weekday: None,
                    dir: Dir::Bare,
                };
                return Some((Found::new(t.start, d.end, expr), j + 1));
            }
        }
        if !full {
            return None;
        }
        // "Maret tahun lalu".
        if self.lex_sp(j) == Lex::Unit(Unit::Year) {
            let shift = match self.dir_word(j + 1) {
                Some(Dir::Past) => Some(-1),
                Some(Dir::Future) => Some(1),
                Some(Dir::This) => Some(0),
                _ => None,
            };
            if let Some(k) = shift {
                let end = self.tok(j + 1)?.end;
                return Some((Found::new(t.start, end, Expr::MonthShift(m, k)), j + 2));
            }
        }
        // A bare month: capitalised (Indonesian) or in an English date context.
        let context = matches!(
            prev,
            Lex::Unit(Unit::Month)
                | Lex::YearCtx
                | Lex::Until
                | Lex::Mod(_)
                | Lex::Last
                | Lex::Next
                | Lex::This
        );
        if english {
            if !(t.cap && context) {
                return None;
            }
        } else if !(t.cap || prev == Lex::Unit(Unit::Month)) {
            return None;
        }
        // "Februari hingga Maret 2017": the first month takes the second's year.
        if let Some(next_month) = self
            .same_line(j)
            .filter(|t| t.is_punct(b'-') || matches!(t.lex(), Lex::Until | Lex::Joiner))
        {
            let _ = next_month;
            let second_at = if matches!(self.lex_sp(j + 1), Lex::Mod(_)) {
                j + 2
            } else {
                j + 1
            };
            if let Some((second, _)) = self.month(second_at) {
                if let Expr::MonthYear(y, m2) = second.expr {
                    let y = if m <= m2 { y } else { y - 1 };
                    return Some((Found::new(t.start, end, Expr::MonthYear(y, m)), j));
                }
            }
        }
        // "Raja Juli Antoni": a month between two capitalised words is a name.
        let named = !english
            && prev == Lex::None
            && !self.sentence_start(i)
            && i.checked_sub(1)
                .and_then(|p| self.tok(p))
                .is_some_and(|p| p.cap)
            && self.tok(j).is_some_and(|n| n.cap && n.gap == Gap::Space);
        if named {
            return None;
        }
        let (dir, end, next) = match self.dir_word(j) {
            Some(d) => (d, self.tok(j)?.end, j + 1),
            None if self.future_cue(i) => (Dir::Future, end, j),
            None => (Dir::Bare, end, j),
        };
        let dir = match prev {
            Lex::Last => Dir::Past,
            Lex::Next => Dir::Future,
            Lex::This => Dir::This,
            _ => dir,
        };
        Some((Found::new(t.start, end, Expr::Month(m, dir)), next))
    }

    /// Extends `f` over a trailing "lalu"/"mendatang" at `j` (no effect on the value).
    fn with_dir_tail(&self, mut f: Found, j: usize) -> (Found, usize) {
        match self.tail_dir(j) {
            Some((Dir::Past | Dir::Future, next, end)) => {
                f.end = end;
                (f, next)
            }
            _ => (f, j),
        }
    }

    /// A weekday, alone or with its date: "Minggu (27/12)", "Selasa, 30 Desember 2014",
    /// "Senin lalu", "Sabtu (22/8/2020) malam", "Selasa malam (14/11)".
    fn weekday(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        let prev = self.prev_lex(i);
        if matches!(prev, Lex::Every | Lex::Prayer) {
            return None;
        }
        let wd = match t.lex() {
            Lex::Weekday(w) => w,
            Lex::Minggu => {
                let dated = self.tok(i + 1).is_some_and(|n| n.is_punct(b'('))
                    || self.tok(i + 1).is_some_and(|n| n.is_punct(b','));
                let week_word = self.dir_word(i + 1).is_some();
                let sunday = t.cap
                    && (prev == Lex::Unit(Unit::Day)
                        || dated
                        || !(self.sentence_start(i) && week_word));
                if !sunday {
                    return self.unit_rel(i, Unit::Week);
                }
                7
            }
            _ => return None,
        };
        // Lower-case weekdays count after "hari" or before a bracket date ("jumat (28/10)").
        let bracket_next = self.tok(i + 1).is_some_and(|n| n.is_punct(b'('));
        if !t.cap && prev != Lex::Unit(Unit::Day) && !bracket_next {
            return None;
        }
        let mut j = i + 1;
        let mut part = None;
        let mut dir = None;
        // Optional part of day and direction before the date: "Selasa malam (14/11)", "Sabtu kemarin (17/6)".
        if let Lex::Part(p) = self.lex_sp(j) {
            part = Some((p, j));
            j += 1;
        }
        if let Some(d) = self.dir_word(j) {
            if d != Dir::This || self.tok(j + 1).is_some_and(|n| n.is_punct(b'(')) {
                dir = Some((d, j));
                j += 1;
            }
        }
        let mut k = j;
        if self.same_line(k).is_some_and(|c| c.is_punct(b',')) {
            k += 1;
        }
        let dated = match self.same_line(k).map(|n| n.kind) {
            Some(Kind::Punct(b'(')) => self.bracket(k, Some(wd)).or_else(|| {
                // "Jumat (14 April 2017)"
                let (mut f, after) = self.day_month(k + 1, Some(wd))?;
                let close = self.tok(after).filter(|c| c.is_punct(b')'))?;
                f.end = close.end;
                Some((f, after + 1))
            }),
            Some(Kind::Num) => self.numeric_dmy(k).or_else(|| self.day_month(k, Some(wd))),
            // English "Sunday, December 27, 2020".
            Some(Kind::Word(Lex::Month(..))) => self.month(k).filter(|(f, _)| is_day(f.expr)),
            _ => None,
        };
        if let Some((mut f, mut next)) = dated {
            f.start = t.start;
            if let Some((p, _)) = part {
                f.part = Some(p);
            }
            // "Rabu (23/11) kemarin", "Minggu (18/6) mendatang": the written date decides.
            if let Some((_, after, end)) = self.tail_dir(next) {
                f.end = end;
                next = after;
            }
            return self.emit_day(f, next);
        }
        let (end, next) = match (dir, part) {
            (Some((_, at)), _) => (self.tok(at)?.end, at + 1),
            (None, Some((_, at))) => (self.tok(at)?.end, at + 1),
            (None, None) => (t.end, i + 1),
        };
        let dir = match dir {
            Some((d, _)) => d,
            None if self.future_cue(i) => Dir::Future,
            None => match prev {
                Lex::Last => Dir::Past,
                Lex::Next => Dir::Future,
                Lex::This => Dir::This,
                _ => Dir::Bare,
            },
        };
        let mut f = Found::new(t.start, end, Expr::Weekday(wd, dir));
        f.part = part.map(|(p, _)| p);
        self.emit_day(f, next)
    }

    /// "awal 2014", "akhir Desember", "pertengahan tahun ini", "akhir pekan ini", "mid-2014".
    fn modified(&mut self, i: usize, m: Mod) -> Option<usize> {
        let start = self.tok(i)?.start;
        let mut j = i + 1;
        // "mid-2014"
        if self.adj_punct(j, b'-') && self.adjacent(j + 1).is_some_and(|t| t.is_num_len(4, 4)) {
            j += 1;
        } else if self.tok(j)?.gap != Gap::Space {
            return None;
        }
        let lex = self.lex(j);
        if lex == Lex::Unit(Unit::Month) && matches!(self.lex_sp(j + 1), Lex::Month(..)) {
            j += 1;
        }
        if let Lex::Month(..) = self.lex(j) {
            let (mut f, next) = self.month(j)?;
            f.start = start;
            self.push(f);
            return Some(next);
        }
        let year_at = if lex == Lex::Unit(Unit::Year) && self.lex_sp(j + 1) == Lex::None {
            j + 1
        } else {
            j
        };
        if let Some(y) = self.tok(year_at).copied() {
            if y.kind == Kind::Num {
                // "medio 2000-an"
                let before = self.out.len();
                if let Some(next) = self.decade(year_at) {
                    if let Some(f) = self.out.get_mut(before) {
                        f.start = start;
                    }
                    return Some(next);
                }
            }
            if y.is_num_len(4, 4) && plausible_year(y.num) && !self.counted(year_at) {
                let expr = Expr::Year(i32::try_from(y.num).ok()?);
                let (f, next) = self.with_dir_tail(Found::new(start, y.end, expr), year_at + 1);
                self.push(f);
                return Some(next);
            }
        }
        let unit = match lex {
            Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Year)) => u,
            Lex::Minggu => Unit::Week,
            _ => return None,
        };
        let (k, end, next) = match self.dir_word(j + 1) {
            Some(Dir::Past) => (-1, self.tok(j + 1)?.end, j + 2),
            Some(Dir::Future) => (1, self.tok(j + 1)?.end, j + 2),
            Some(Dir::This | Dir::Bare) => (0, self.tok(j + 1)?.end, j + 2),
            // "akhir tahun", "awal bulan": the anchor's own year or month. A bare
            // "akhir pekan" is any weekend, so it needs its "ini"/"lalu".
            None if unit != Unit::Week && self.lex_sp(j + 1) != Lex::Yang => {
                (0, self.tok(j)?.end, j + 1)
            }
            None => return None,
        };
        let expr = if m == Mod::End && unit == Unit::Week {
            Expr::Weekend(k)
        } else {
            Expr::Shift(unit, k)
        };
        self.push(Found::new(start, end, expr));
        Some(next)
    }

    /// "bulan lalu", "tahun ini", "pekan depan", "minggu lalu", "hari ini" (with "(21/7)").
    fn unit_rel(&mut self, i: usize, unit: Unit) -> Option<usize> {
        let t = *self.tok(i)?;
        // "bertahun-tahun lalu" is no date; "pemain 30 tahun ini" is an age, not this year.
        if t.gap == Gap::None {
            return None;
        }
        if matches!(
            i.checked_sub(1).and_then(|p| self.tok(p)).map(|p| p.kind),
            Some(Kind::Num | Kind::Word(Lex::NumWord(_)))
        ) {
            return None;
        }
        let mut j = i + 1;
        let k = match (self.lex_sp(j), unit) {
            (Lex::Ini, _) => 0,
            // "hari depan" is "the future", "hari lalu" is not said of a day.
            (_, Unit::Day) => return None,
            (Lex::Past | Lex::Yesterday, _) => -1,
            (Lex::Future, _) => 1,
            (Lex::Yang, _) if self.lex_sp(j + 1) == Lex::Past => {
                j += 1;
                -1
            }
            _ => return None,
        };
        if !matches!(unit, Unit::Week | Unit::Month | Unit::Year | Unit::Day) {
            return None;
        }
        let end = self.tok(j)?.end;
        let f = Found::new(t.start, end, Expr::Shift(unit, k));
        if unit == Unit::Day {
            return self.deictic_found(f, j + 1);
        }
        self.push(f);
        Some(j + 1)
    }

    /// A speech-time word ("hari ini", "kemarin") already read as `f`, next token `next`:
    /// takes an explicit date in brackets after it, else applies the quotation rule.
    fn deictic_found(&mut self, mut f: Found, next: usize) -> Option<usize> {
        if let Some((b, after)) = self
            .bracket(next, None)
            .filter(|_| self.tok(next).is_some_and(|t| t.gap != Gap::Break))
        {
            f.end = b.end;
            f.expr = b.expr;
            return self.emit_day(f, after);
        }
        // "Besok Jumat (3/11)", "hari ini, Selasa (9/5)": the written date wins.
        let mut w = next;
        if self.same_line(w).is_some_and(|t| t.is_punct(b',')) {
            w += 1;
        }
        if let Some(wt) = self.same_line(w).filter(|t| t.cap) {
            let wd = match wt.lex() {
                Lex::Weekday(wd) => Some(wd),
                Lex::Minggu => Some(7),
                _ => None,
            };
            if let Some(wd) = wd {
                let mut b = w + 1;
                if self.same_line(b).is_some_and(|t| t.is_punct(b',')) {
                    b += 1;
                }
                if let Some((d, after)) = self.bracket(b, Some(wd)) {
                    f.end = d.end;
                    f.expr = d.expr;
                    return self.emit_day(f, after);
                }
            }
        }
        let (f, after) = self.attach(f, next);
        // Inside direct speech "hari ini" means the day the words were said, which the
        // article does not give (a tweet, yesterday's press conference): no value is
        // better than a wrong one, and an unresolvable deictic is not worth reporting.
        if self.quoted_deictics || !self.in_quote(f.start) {
            self.push(f);
        }
        Some(after)
    }

    /// "kemarin", "besok", "lusa", "kemarin lusa", "today", "yesterday", "tonight".
    fn deictic(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        // "hari esok" is "the future", not tomorrow.
        if t.lex() == Lex::Tomorrow && self.prev_lex(i) == Lex::Unit(Unit::Day) {
            return None;
        }
        let (k, next, end) = match t.lex() {
            Lex::Yesterday if self.lex_sp(i + 1) == Lex::Lusa => (-2, i + 2, self.tok(i + 1)?.end),
            Lex::Yesterday => (-1, i + 1, t.end),
            // "esok hari", "besok hari".
            Lex::Tomorrow if self.lex_sp(i + 1) == Lex::Unit(Unit::Day) => {
                (1, i + 2, self.tok(i + 1)?.end)
            }
            Lex::Tomorrow => (1, i + 1, t.end),
            Lex::Lusa => (2, i + 1, t.end),
            Lex::Today | Lex::Tonight => (0, i + 1, t.end),
            _ => return None,
        };
        let mut f = Found::new(t.start, end, Expr::Shift(Unit::Day, k));
        if t.lex() == Lex::Tonight {
            f.part = Some(Part::Night);
        }
        self.deictic_found(f, next)
    }

    /// "tadi malam", "tadi pagi", "malam ini", "pagi tadi".
    fn part_deictic(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        let (part, k) = match (t.lex(), self.lex_sp(i + 1)) {
            (Lex::Tadi, Lex::Part(p)) => (p, if p == Part::Night { -1 } else { 0 }),
            (Lex::Part(p), Lex::Ini | Lex::Tadi) => (p, 0),
            (Lex::Part(p), _) => {
                // "malam (30/4) nanti": the bracket gives the day.
                let (mut f, mut next) = self
                    .bracket(i + 1, None)
                    .filter(|_| self.tok(i + 1).is_some_and(|b| b.gap == Gap::Space))?;
                f.start = t.start;
                f.part = Some(p);
                if let Some((_, after, end)) = self.tail_dir(next) {
                    f.end = end;
                    next = after;
                }
                return self.emit_day(f, next);
            }
            _ => return None,
        };
        let mut f = Found::new(t.start, self.tok(i + 1)?.end, Expr::Shift(Unit::Day, k));
        f.part = Some(part);
        self.deictic_found(f, i + 2)
    }

    /// English "last month", "next week", "this year", "last night", "this morning".
    fn english_rel(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        let k = match t.lex() {
            Lex::Last => -1,
            Lex::Next => 1,
            _ => 0,
        };
        let plural = self
            .tok(i + 1)
            .and_then(|n| self.text.get(n.start..n.end))
            .is_some_and(|w| w.ends_with('s'));
        match self.lex_sp(i + 1) {
            // "in last years" is vague, "last year" is not.
            Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Year)) if !plural => {
                let end = self.tok(i + 1)?.end;
                self.push(Found::new(t.start, end, Expr::Shift(u, k)));
                Some(i + 2)
            }
            Lex::Weekend => {
                let end = self.tok(i + 1)?.end;
                self.push(Found::new(t.start, end, Expr::Weekend(k)));
                Some(i + 2)
            }
            Lex::Part(p) if k <= 0 => {
                let day = if p == Part::Night { k } else { 0 };
                let mut f = Found::new(t.start, self.tok(i + 1)?.end, Expr::Shift(Unit::Day, day));
                f.part = Some(p);
                self.push(f);
                Some(i + 2)
            }
            Lex::Weekday(wd) => {
                let dir = [Dir::Past, Dir::This, Dir::Future][usize::try_from(k + 1).ok()?];
                let f = Found::new(t.start, self.tok(i + 1)?.end, Expr::Weekday(wd, dir));
                self.emit_day(f, i + 2)
            }
            Lex::Month(..) => {
                let (mut f, next) = self.month(i + 1)?;
                f.start = t.start;
                self.push(f);
                Some(next)
            }
            _ => None,
        }
    }

    /// "abad ke-21", "abad 20": a century, by its first two digits ("20" = 2000-2099).
    fn century(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        let mut j = i + 1;
        if self.lex_sp(j) == Lex::Ke && self.adj_punct(j + 1, b'-') {
            j += 2;
        } else if self.tok(j)?.gap != Gap::Space {
            return None;
        }
        let n = self
            .tok(j)
            .filter(|n| n.is_num_len(1, 2) && (1..=99).contains(&n.num))?;
        let expr = Expr::Century(i32::try_from(n.num).ok()? - 1);
        self.push(Found::new(t.start, n.end, expr));
        Some(j + 1)
    }

    // ---- clock times ---------------------------------------------------------------

    /// Reads "10.00", "10:30", "9" at `i`: the clock (no zone yet) and the index after it.
    fn clock_at(&self, i: usize, need_minutes: bool) -> Option<(Clock, usize)> {
        let h = self.tok(i).filter(|t| t.is_num_len(1, 2) && t.num <= 24)?;
        let _ = h;
        let has_minutes = (self.adj_punct(i + 1, b'.') || self.adj_punct(i + 1, b':'))
            && self
                .adjacent(i + 2)
                .is_some_and(|m| m.is_num_len(2, 2) && m.num <= 59);
        if need_minutes && !has_minutes {
            return None;
        }
        let minute = if has_minutes { self.tok(i + 2)?.num } else { 0 };
        let next = if has_minutes { i + 3 } else { i + 1 };
        let clock = Clock {
            hour: self.tok(i)?.num,
            minute,
            zone: None,
        };
        Some((clock, next))
    }

    /// A zone after a clock at `j`, also across a range ("10.00-12.00 WIB").
    fn zone_after(&self, j: usize) -> (Option<i32>, usize) {
        if let Lex::Zone(z) = self.lex_sp(j) {
            return (Some(z), j + 1);
        }
        let joins = self
            .same_line(j)
            .is_some_and(|t| t.is_punct(b'-') || t.lex() == Lex::Until);
        if joins {
            if let Some((_, after)) = self
                .same_line(j + 1)
                .and_then(|_| self.clock_at(j + 1, true))
            {
                if let Lex::Zone(z) = self.lex_sp(after) {
                    return (Some(z), j);
                }
            }
        }
        (None, j)
    }

    /// "pukul 10.00 WIB", optionally followed by its date ("pukul 10.00 WIB, Senin (27/3)").
    fn time(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        let word_is_jam = self
            .text
            .get(t.start..t.end)
            .is_some_and(|w| w.eq_ignore_ascii_case("jam"));
        if self.tok(i + 1)?.gap != Gap::Space {
            return None;
        }
        let (mut clock, mut j) = self.clock_at(i + 1, word_is_jam)?;
        // "pukul 6 sore": a part of the day after the clock says which half of the day.
        if let Lex::Part(p) = self.lex_sp(j) {
            let late = matches!(p, Part::Afternoon | Part::Evening | Part::Night);
            if clock.hour < 12 && late && !(p == Part::Night && clock.hour <= 4) {
                clock.hour += 12;
            }
            j += 1;
        }
        let (zone, j) = self.zone_after(j);
        clock.zone = zone;
        let end = self.tok(j - 1)?.end;
        self.time_then_date(t.start, end, clock, j)
    }

    /// "10.00 WIB" without "pukul": the zone makes it a time.
    fn zoned_time(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        let (mut clock, j) = self.clock_at(i, true)?;
        let Lex::Zone(z) = self.lex_sp(j) else {
            return None;
        };
        clock.zone = Some(z);
        let end = self.tok(j)?.end;
        self.time_then_date(t.start, end, clock, j + 1)
    }

    /// A clock time, merged with a day written right after it when there is one.
    fn time_then_date(
        &mut self,
        start: usize,
        end: usize,
        clock: Clock,
        j: usize,
    ) -> Option<usize> {
        let mut k = j;
        if self.same_line(k).is_some_and(|t| t.is_punct(b',')) {
            k += 1;
        }
        while matches!(
            self.lex_sp(k),
            Lex::YearCtx | Lex::Unit(Unit::Day) | Lex::Tanggal
        ) {
            k += 1;
        }
        let dated = match self.same_line(k).map(|t| (t.kind, t.cap)) {
            Some((Kind::Word(Lex::Weekday(wd)), true)) => {
                let mut b = k + 1;
                if self.same_line(b).is_some_and(|t| t.is_punct(b',')) {
                    b += 1;
                }
                match self.same_line(b).map(|t| t.kind) {
                    Some(Kind::Punct(b'(')) => self.bracket(b, Some(wd)),
                    Some(Kind::Num) => self.day_month(b, Some(wd)),
                    _ => None,
                }
            }
            Some((Kind::Num, _)) => self.numeric_dmy(k).or_else(|| self.day_month(k, None)),
            _ => None,
        };
        let (expr, end, next) = match dated {
            Some((f, next)) if is_day(f.expr) => (f.expr, f.end, next),
            _ => (Expr::TimeOnly, end, j),
        };
        let mut f = Found::new(start, end, expr);
        f.clock = Some(clock);
        self.push(f);
        Some(next)
    }

    /// After a day at `j`: a part of the day and/or a clock time ("malam", "pukul 10.00 WIB").
    fn attach(&self, mut f: Found, j: usize) -> (Found, usize) {
        if !is_day(f.expr) {
            return (f, j);
        }
        let mut k = j;
        match self.lex_sp(k) {
            Lex::Part(p) => {
                f.part = Some(p);
                f.end = self.tok(k).map_or(f.end, |t| t.end);
                k += 1;
            }
            Lex::Dini if self.lex_sp(k + 1) == Lex::Unit(Unit::Day) => {
                f.part = Some(Part::Night);
                f.end = self.tok(k + 1).map_or(f.end, |t| t.end);
                k += 2;
            }
            _ => {}
        }
        let mut c = k;
        if self.same_line(c).is_some_and(|t| t.is_punct(b',')) {
            c += 1;
        }
        // "Selasa (29/8) sekitar pukul 18.00 WIB", "... mulai pukul 15.00".
        if matches!(self.lex_sp(c), Lex::Approx | Lex::YearCtx) {
            c += 1;
        }
        // "Kamis, 28/12/2017 10:15 WIB": a clock with a zone needs no "pukul".
        if let Some((mut clock, after)) = self
            .same_line(c)
            .filter(|t| t.gap == Gap::Space)
            .and_then(|_| self.clock_at(c, true))
        {
            if let Lex::Zone(z) = self.lex_sp(after) {
                clock.zone = Some(z);
                f.clock = Some(clock);
                f.end = self.tok(after).map_or(f.end, |t| t.end);
                return (f, after + 1);
            }
        }
        if self.lex_sp(c) == Lex::Pukul {
            if let Some((mut clock, after)) = self.clock_at(c + 1, false) {
                if self.tok(c + 1).is_some_and(|t| t.gap == Gap::Space) {
                    let (zone, after) = self.zone_after(after);
                    clock.zone = zone;
                    f.clock = Some(clock);
                    f.end = self.tok(after - 1).map_or(f.end, |t| t.end);
                    return (f, after);
                }
            }
        }
        (f, k)
    }

    // ---- quarters ------------------------------------------------------------------

    /// "kuartal I 2017", "triwulan pertama", "semester I/2017", "kuartal II tahun lalu".
    fn quarter(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        let half = t.lex() == Lex::Semester;
        let n_tok = self.tok(i + 1).filter(|n| n.gap == Gap::Space)?;
        let n = match n_tok.kind {
            Kind::Word(Lex::Ordinal(n) | Lex::NumWord(n)) => n,
            Kind::Num if n_tok.len() == 1 => n_tok.num,
            _ => return None,
        };
        if n == 0 || n > if half { 2 } else { 4 } {
            return None;
        }
        let mut end = n_tok.end;
        let mut next = i + 2;
        let mut year = None;
        let mut shift = None;
        let mut j = i + 2;
        if self
            .same_line(j)
            .is_some_and(|s| s.is_punct(b'/') || s.is_punct(b'-'))
        {
            j += 1;
        } else if self.lex_sp(j) == Lex::Unit(Unit::Year) {
            match self.dir_word(j + 1) {
                Some(Dir::Past) => shift = Some(-1),
                Some(Dir::This) => shift = Some(0),
                Some(Dir::Future) => shift = Some(1),
                _ => j += 1,
            }
            if shift.is_some() {
                end = self.tok(j + 1)?.end;
                next = j + 2;
            }
        }
        if shift.is_none() {
            if let Some(y) = self
                .same_line(j)
                .filter(|y| y.is_num_len(4, 4) && plausible_year(y.num))
            {
                year = Some(i32::try_from(y.num).ok()?);
                end = y.end;
                next = j + 1;
            }
        }
        let expr = match shift {
            Some(k) => Expr::QuarterShift { n, shift: k, half },
            None => Expr::Quarter { n, year, half },
        };
        // "kuartal I lalu": the tail only confirms the past.
        let (f, next) = self.with_dir_tail(Found::new(t.start, end, expr), next);
        self.push(f);
        Some(next)
    }
}
