//! Clock times ("pukul 10.00 WIB") and what attaches after a day (part of day, time).

use super::{is_day, Found, Parser};
use crate::dates::lexicon::{Lex, Part, Unit};
use crate::dates::resolve::{Clock, Expr};
use crate::dates::token::{Gap, Kind};

impl Parser<'_> {
    /// Reads "10.00", "10:30", "9" at `i`: the clock (no zone yet) and the index after it.
    pub(super) fn clock_at(&self, i: usize, need_minutes: bool) -> Option<(Clock, usize)> {
        let hour = self
            .tok(i)
            .filter(|t| t.is_num_len(1, 2) && t.num <= 24)?
            .num;
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
            hour,
            minute,
            zone: None,
        };
        Some((clock, next))
    }

    /// A zone after a clock at `j`, also across a range ("10.00-12.00 WIB").
    pub(super) fn zone_after(&self, j: usize) -> (Option<i32>, usize) {
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
    pub(super) fn time(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn zoned_time(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn time_then_date(
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
    pub(super) fn attach(&self, mut f: Found, j: usize) -> (Found, usize) {
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
        // "Senin, 29 Desember 2014 | 10:15 WIB" (web datelines).
        if self
            .same_line(c)
            .is_some_and(|t| t.is_punct(b',') || t.is_punct(b'|'))
        {
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
}
