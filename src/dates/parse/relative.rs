//! Rules relative to the publication date: "bulan lalu", "hari ini", "kemarin",
//! "tadi malam", English "last month".

use super::{Found, Parser};
use crate::dates::lexicon::{Lex, Part, Unit};
use crate::dates::resolve::{Dir, Expr};
use crate::dates::token::{Gap, Kind};

impl Parser<'_> {
    /// "bulan lalu", "tahun ini", "pekan depan", "minggu lalu", "hari ini" (with "(21/7)").
    pub(super) fn unit_rel(&mut self, i: usize, unit: Unit) -> Option<usize> {
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
    pub(super) fn deictic_found(&mut self, mut f: Found, next: usize) -> Option<usize> {
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
    pub(super) fn deictic(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn part_deictic(&mut self, i: usize) -> Option<usize> {
        let t = *self.tok(i)?;
        let (part, k) = match (t.lex(), self.lex_sp(i + 1)) {
            (Lex::Tadi, Lex::Part(p)) => (p, if p == Part::Night { -1 } else { 0 }),
            // "malam ini", "pagi tadi", "malam nanti".
            (Lex::Part(p), Lex::Ini | Lex::Tadi) => (p, 0),
            (Lex::Part(p), Lex::Future) if self.prev_lex(i) != Lex::Unit(Unit::Day) => (p, 0),
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
    pub(super) fn english_rel(&mut self, i: usize) -> Option<usize> {
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
}
