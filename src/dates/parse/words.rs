//! Rules that start with a month or weekday name or a period modifier ("akhir").

use super::{is_day, plausible_year, Found, Parser};
use crate::calendar::Date;
use crate::dates::lexicon::{Lex, Mod, Unit};
use crate::dates::resolve::{Dir, Expr};
use crate::dates::token::{Gap, Kind};

impl Parser<'_> {
    /// A month name: "Oktober", "Oktober lalu", "Desember 2020", "Maret tahun lalu",
    /// "December 28, 2020", "in October".
    pub(super) fn month(&self, i: usize) -> Option<(Found, usize)> {
        self.month_at(i, true)
    }

    /// `month`, with or without looking ahead for a range ("Januari-April 2017"); the
    /// look-ahead reads one month only, so a long chain of months stays linear.
    fn month_at(&self, i: usize, range: bool) -> Option<(Found, usize)> {
        let t = self.tok(i)?;
        let Lex::Month(m, full) = t.lex() else {
            return None;
        };
        let prev = self.prev_lex(i);
        let in_lexicon = |mask| {
            self.text
                .get(t.start..t.end)
                .is_some_and(|w| crate::dates::lexicon::lookup(w.as_bytes(), mask) != Lex::None)
        };
        // English-only names ("October", "May") need an English context when bare;
        // any English name may take the English "December 28, 2020" order.
        let english_order = in_lexicon(crate::dates::lexicon::LangMask::EN);
        let english = english_order && !in_lexicon(crate::dates::lexicon::LangMask::ID);
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
        // "Januari (2017)": an editor's year in brackets.
        if full
            && self
                .tok(j)
                .is_some_and(|o| o.is_punct(b'(') && o.gap == Gap::Space)
        {
            if let Some(y) = self
                .adjacent(j + 1)
                .filter(|y| y.is_num_len(4, 4) && plausible_year(y.num))
            {
                if let Some(close) = self.adjacent(j + 2).filter(|c| c.is_punct(b')')) {
                    let expr = Expr::MonthYear(i32::try_from(y.num).ok()?, m);
                    return Some((Found::new(t.start, close.end, expr), j + 3));
                }
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
        let joined = self
            .same_line(j)
            .is_some_and(|t| t.is_punct(b'-') || matches!(t.lex(), Lex::Until | Lex::Joiner));
        if range && joined {
            let second_at = if matches!(self.lex_sp(j + 1), Lex::Mod(_)) {
                j + 2
            } else {
                j + 1
            };
            if let Some((second, _)) = self.month_at(second_at, false) {
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
    pub(super) fn with_dir_tail(&self, mut f: Found, j: usize) -> (Found, usize) {
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
    pub(super) fn weekday(&mut self, i: usize) -> Option<usize> {
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
        // "Pasar Minggu" is a district of Jakarta ("di Jakarta Rabu" is a date, though).
        if dir.is_none() && self.prev_word_is(i, "pasar") {
            return None;
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
    pub(super) fn modified(&mut self, i: usize, m: Mod) -> Option<usize> {
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
}
