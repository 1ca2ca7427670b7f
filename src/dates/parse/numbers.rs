//! Rules that start with digits: numeric and written-out dates, day ranges, years,
//! decades, counted relatives ("3 hari lalu"), durations, quarters and centuries.

use super::{plausible_year, Found, Parser};
use crate::calendar::Date;
use crate::dates::lexicon::{Lex, Unit};
use crate::dates::resolve::{Dir, Expr};
use crate::dates::token::{Gap, Kind};

impl Parser<'_> {
    /// Rules that start with a digit run.
    pub(super) fn numeric(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn ends_cleanly(&self, last: usize) -> bool {
        match self.adjacent(last + 1) {
            Some(t) if matches!(t.kind, Kind::Punct(b'/' | b'-' | b'.' | b',')) => {
                !self.adjacent(last + 2).is_some_and(|n| n.kind == Kind::Num)
            }
            _ => true,
        }
    }

    /// "2014-12-30".
    pub(super) fn iso(&self, i: usize) -> Option<(Found, usize)> {
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
    pub(super) fn numeric_dmy(&self, i: usize) -> Option<(Found, usize)> {
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
    pub(super) fn tanggal_dm(&self, i: usize) -> Option<(Found, usize)> {
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
    pub(super) fn bracket(&self, i: usize, weekday: Option<u32>) -> Option<(Found, usize)> {
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
    pub(super) fn day_month(&self, i: usize, weekday: Option<u32>) -> Option<(Found, usize)> {
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
    pub(super) fn day_range(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn decade(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn counted(&self, i: usize) -> bool {
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
    pub(super) fn year(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn year_list(&mut self, mut j: usize) -> usize {
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

    /// Whether a count at `i` follows "selama"/"for", possibly through "lebih dari",
    /// "kurang dari", "hampir", "sekitar" ("selama lebih dari dua dekade").
    fn duration_context(&self, i: usize) -> bool {
        let mut p = i;
        for _ in 0..3 {
            match self.prev_lex(p) {
                Lex::Selama | Lex::Last => return true,
                Lex::Approx => p = p.saturating_sub(1),
                _ => return false,
            }
        }
        false
    }

    /// Reads a count at `i`: (value or None for vague, index after it, unit if fused).
    pub(super) fn number_at(&self, i: usize) -> Option<(Option<u32>, usize, Option<Unit>)> {
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
    pub(super) fn count(&mut self, i: usize) -> Option<usize> {
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
        // "beberapa hari terakhir": a duration of unknown length.
        let duration = n.map_or(Expr::VagueDuration(unit), |n| Expr::Duration(n, unit));
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
            Lex::Terakhir | Lex::Future => (duration, self.tok(cue_at)?.end, cue_at + 1),
            Lex::Ke if self.lex_sp(j + 1) == Lex::Future => (duration, self.tok(j + 1)?.end, j + 2),
            // "dalam sehari" is "per day", not a length of time.
            _ if fused.is_some() && self.prev_word_is(i, "dalam") => return None,
            _ if self.duration_context(i) => (duration, unit_end, j),
            _ => return None,
        };
        self.emit_day(Found::new(start, end, expr), next)
    }

    /// "kuartal I 2017", "triwulan pertama", "semester I/2017", "kuartal II tahun lalu".
    pub(super) fn quarter(&mut self, i: usize) -> Option<usize> {
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

    /// "abad ke-21", "abad 20": a century, by its first two digits ("20" = 2000-2099).
    pub(super) fn century(&mut self, i: usize) -> Option<usize> {
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
}
