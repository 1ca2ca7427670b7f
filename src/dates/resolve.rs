//! Turns a recognised expression into an ISO 8601 / TimeML value, using the anchor
//! (publication date) where the expression is relative.

use super::lexicon::{Part, Unit};
use crate::calendar::Date;
use crate::doc::Grain;

/// Which way a bare month or weekday points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// No cue: the most recent one on or before the anchor (news reports the past).
    Bare,
    /// "lalu", "kemarin", "last": strictly before the anchor for weekdays.
    Past,
    /// "depan", "mendatang", "akan", "next": on or after the anchor.
    Future,
    /// "ini", "this": the nearest one either way.
    This,
}

/// A recognised expression before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A complete date ("28 Desember 2020", "30/12/2014").
    Full(Date),
    /// Day and month; the year comes from the anchor ("Minggu (27/12)", "17 Agustus").
    DayMonth {
        /// Day of month.
        day: u32,
        /// Month.
        month: u32,
        /// Weekday written next to it, used to pick the year.
        weekday: Option<u32>,
        /// "lalu" / "mendatang" after it.
        dir: Dir,
    },
    /// Month and year ("Desember 2020").
    MonthYear(i32, u32),
    /// A month without a year ("Oktober", "Januari mendatang").
    Month(u32, Dir),
    /// A month in a year relative to the anchor ("Maret tahun lalu").
    MonthShift(u32, i64),
    /// A year ("2014").
    Year(i32),
    /// A decade, by its first three digits ("1990-an" = 199).
    Decade(i32),
    /// A century, by its first two digits ("abad ke-21" = 20).
    Century(i32),
    /// A weekday without a date ("Senin lalu").
    Weekday(u32, Dir),
    /// The anchor's unit shifted by n ("kemarin" = Day -1, "bulan lalu" = Month -1).
    Shift(Unit, i64),
    /// The weekend of the anchor's week shifted by n weeks ("akhir pekan ini").
    Weekend(i64),
    /// A count too vague to resolve ("beberapa hari lalu").
    Vague(Unit),
    /// A quarter (or half with `half`), year given or taken from the anchor.
    Quarter {
        /// 1..=4 (1..=2 for halves).
        n: u32,
        /// Explicit year.
        year: Option<i32>,
        /// A half-year ("semester").
        half: bool,
    },
    /// A quarter or half of the anchor's year shifted by `shift` years ("kuartal I tahun lalu").
    QuarterShift {
        /// 1..=4 (1..=2 for halves).
        n: u32,
        /// Years from the anchor's.
        shift: i64,
        /// A half-year.
        half: bool,
    },
    /// A length of time ("selama tiga tahun").
    Duration(u32, Unit),
    /// A length of time with a vague count ("beberapa hari terakhir").
    VagueDuration(Unit),
    /// A clock time with no date of its own ("pukul 10.00 WIB").
    TimeOnly,
}

/// A clock time: hour, minute and optional zone offset in hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    /// 0..=24.
    pub hour: u32,
    /// 0..=59.
    pub minute: u32,
    /// Hours east of UTC (WIB = 7).
    pub zone: Option<i32>,
}

/// A resolved value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    /// A day.
    Day(Date),
    /// Year and month.
    Month(i32, u32),
    /// A year.
    Year(i32),
    /// A decade by its first three digits.
    Decade(i32),
    /// A century by its first two digits.
    Century(i32),
    /// ISO week-year, week, and whether only its weekend is meant.
    Week(i32, u32, bool),
    /// Year, quarter (or half), and whether it is a half.
    Quarter(i32, u32, bool),
    /// A count of units.
    Duration(u32, Unit),
}

impl Value {
    /// The grain of this value.
    pub(crate) fn grain(self) -> Grain {
        match self {
            Value::Day(_) => Grain::Day,
            Value::Month(..) => Grain::Month,
            Value::Year(_) => Grain::Year,
            Value::Decade(_) | Value::Century(_) => Grain::Decade,
            Value::Week(..) => Grain::Week,
            Value::Quarter(..) => Grain::Quarter,
            Value::Duration(..) => Grain::Duration,
        }
    }

    /// The ISO 8601 / TimeML string, `None` if a year falls outside 1..=9999.
    pub(crate) fn render(self) -> Option<String> {
        let ok = |y: i32| (1..=9999).contains(&y);
        match self {
            Value::Day(d) => ok(d.year).then(|| d.to_string()),
            Value::Month(y, m) => ok(y).then(|| format!("{y:04}-{m:02}")),
            Value::Year(y) => ok(y).then(|| format!("{y:04}")),
            Value::Decade(d) => (1..=999).contains(&d).then(|| format!("{d:03}")),
            Value::Century(c) => (0..=99).contains(&c).then(|| format!("{c:02}")),
            Value::Week(y, w, weekend) => ok(y).then(|| {
                let we = if weekend { "-WE" } else { "" };
                format!("{y:04}-W{w:02}{we}")
            }),
            Value::Quarter(y, n, half) => ok(y).then(|| {
                let q = if half { 'H' } else { 'Q' };
                format!("{y:04}-{q}{n}")
            }),
            Value::Duration(n, unit) => Some(match unit {
                Unit::Day => format!("P{n}D"),
                Unit::Week => format!("P{n}W"),
                Unit::Month => format!("P{n}M"),
                Unit::Year => format!("P{n}Y"),
                Unit::Decade => format!("P{n}DE"),
                Unit::Hour => format!("PT{n}H"),
                Unit::Minute => format!("PT{n}M"),
            }),
        }
    }
}

/// Resolves `expr` against `anchor`: the value (if any) and whether the anchor was used.
pub(crate) fn resolve(expr: Expr, anchor: Option<Date>) -> (Option<Value>, bool) {
    match expr {
        Expr::Full(d) => (Some(Value::Day(d)), false),
        Expr::MonthYear(y, m) => (Some(Value::Month(y, m)), false),
        Expr::Year(y) => (Some(Value::Year(y)), false),
        Expr::Decade(d) => (Some(Value::Decade(d)), false),
        Expr::Century(c) => (Some(Value::Century(c)), false),
        Expr::Duration(n, u) => (Some(Value::Duration(n, u)), false),
        Expr::TimeOnly | Expr::VagueDuration(_) => (None, false),
        Expr::Vague(_) => (None, true),
        Expr::DayMonth {
            day,
            month,
            weekday,
            dir,
        } => (
            anchor.and_then(|a| day_month(a, day, month, weekday, dir)),
            true,
        ),
        Expr::Month(m, dir) => (anchor.map(|a| month_near(a, m, dir)), true),
        Expr::MonthShift(m, k) => (
            anchor.and_then(|a| {
                let y = i32::try_from(i64::from(a.year).checked_add(k)?).ok()?;
                Some(Value::Month(y, m))
            }),
            true,
        ),
        Expr::Weekday(wd, dir) => (anchor.map(|a| Value::Day(weekday_near(a, wd, dir))), true),
        Expr::Shift(unit, n) => (anchor.and_then(|a| shift(a, unit, n)), true),
        Expr::Weekend(n) => (
            anchor.and_then(|a| {
                let d = a.add_days(n.checked_mul(7)?);
                let (y, w) = iso_week(d);
                Some(Value::Week(y, w, true))
            }),
            true,
        ),
        Expr::QuarterShift { n, shift, half } => (
            anchor.and_then(|a| {
                let y = i32::try_from(i64::from(a.year).checked_add(shift)?).ok()?;
                Some(Value::Quarter(y, n, half))
            }),
            true,
        ),
        Expr::Quarter { n, year, half } => match year {
            Some(y) => (Some(Value::Quarter(y, n, half)), false),
            None => (
                anchor.map(|a| {
                    // The named quarter of the anchor's year, or last year's if it has not begun.
                    let first_month = if half {
                        (n - 1) * 6 + 1
                    } else {
                        (n - 1) * 3 + 1
                    };
                    let y = if first_month > a.month {
                        a.year - 1
                    } else {
                        a.year
                    };
                    Value::Quarter(y, n, half)
                }),
                true,
            ),
        },
    }
}

/// The anchor's `unit` moved by `n`.
fn shift(a: Date, unit: Unit, n: i64) -> Option<Value> {
    // Keep shifts sane: nobody writes "10,000 tahun lalu" about a date.
    if n.abs() > 5000 {
        return None;
    }
    Some(match unit {
        Unit::Day => Value::Day(a.add_days(n)),
        Unit::Week => {
            let (y, w) = iso_week(a.add_days(n * 7));
            Value::Week(y, w, false)
        }
        Unit::Month => {
            let d = a.add_months(n);
            Value::Month(d.year, d.month)
        }
        Unit::Year => Value::Year(i32::try_from(i64::from(a.year) + n).ok()?),
        Unit::Decade => Value::Decade(i32::try_from((i64::from(a.year) + n * 10) / 10).ok()?),
        // A clock shift needs the publication time, which the anchor does not carry.
        Unit::Hour | Unit::Minute => return None,
    })
}

/// The year for day/month: among last, this and next year, the date whose weekday
/// matches (if given) and that lies closest to the anchor, the past winning ties;
/// "lalu" keeps it on or before the anchor, "mendatang" on or after.
fn day_month(a: Date, day: u32, month: u32, weekday: Option<u32>, dir: Dir) -> Option<Value> {
    let anchor_days = a.to_days();
    let mut best: Option<(i64, Date)> = None;
    for pass in 0..2 {
        for y in [a.year - 1, a.year, a.year + 1] {
            let Some(d) = Date::new(y, month, day) else {
                continue;
            };
            if pass == 0 && weekday.is_some_and(|w| w != d.weekday()) {
                continue;
            }
            // Past dates rank first on equal distance: double the distance, add one for the future.
            let delta = d.to_days() - anchor_days;
            if (dir == Dir::Past && delta > 0) || (dir == Dir::Future && delta < 0) {
                continue;
            }
            let cost = delta.abs() * 2 + i64::from(delta > 0);
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, d));
            }
        }
        if best.is_some() || weekday.is_none() {
            break;
        }
    }
    best.map(|(_, d)| Value::Day(d))
}

/// A bare month resolved against the anchor.
fn month_near(a: Date, m: u32, dir: Dir) -> Value {
    // Without a cue, a month at most two ahead of the anchor is the coming one ("mulai
    // Maret" in January); any other is the most recent one.
    let ahead = (i64::from(m) - i64::from(a.month)).rem_euclid(12);
    let dir = match dir {
        Dir::Bare if (1..=2).contains(&ahead) => Dir::Future,
        d => d,
    };
    let y = match dir {
        Dir::Bare | Dir::Past => {
            if m <= a.month {
                a.year
            } else {
                a.year - 1
            }
        }
        Dir::Future => {
            if m >= a.month {
                a.year
            } else {
                a.year + 1
            }
        }
        Dir::This => a.year,
    };
    Value::Month(y, m)
}

/// A weekday resolved against the anchor.
fn weekday_near(a: Date, wd: u32, dir: Dir) -> Date {
    let cur = i64::from(a.weekday());
    let wd = i64::from(wd);
    let back = (cur - wd).rem_euclid(7); // days back to the most recent such weekday (0 = today)
    let fwd = (wd - cur).rem_euclid(7);
    match dir {
        Dir::Bare => a.add_days(-back),
        Dir::Past => a.add_days(-(if back == 0 { 7 } else { back })),
        Dir::Future => a.add_days(if fwd == 0 { 7 } else { fwd }),
        Dir::This => {
            if back < fwd {
                a.add_days(-back)
            } else {
                a.add_days(fwd)
            }
        }
    }
}

/// ISO 8601 week-numbering year and week of `d`.
pub(crate) fn iso_week(d: Date) -> (i32, u32) {
    let thursday = d.add_days(4 - i64::from(d.weekday()));
    let jan1 = Date {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let ordinal = thursday.to_days() - jan1.to_days();
    (thursday.year, (ordinal / 7 + 1) as u32)
}

/// The value string of a day with a clock time or a part of the day.
pub(crate) fn render_time(day: Date, clock: Option<Clock>, part: Option<Part>) -> Option<String> {
    if !(1..=9999).contains(&day.year) {
        return None;
    }
    match (clock, part) {
        (Some(c), _) => Some(match c.zone {
            Some(z) => format!("{day}T{:02}:{:02}{:+03}:00", c.hour, c.minute, z),
            None => format!("{day}T{:02}:{:02}", c.hour, c.minute),
        }),
        (None, Some(p)) => Some(format!("{day}T{}", p.code())),
        (None, None) => Some(day.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(d(2020, 12, 28)), (2020, 53));
        assert_eq!(iso_week(d(2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week(d(2021, 1, 4)), (2021, 1));
        assert_eq!(iso_week(d(2017, 3, 28)), (2017, 13));
        assert_eq!(iso_week(d(2019, 12, 30)), (2020, 1));
    }

    #[test]
    fn year_inference() {
        let a = d(2020, 12, 28);
        assert_eq!(
            day_month(a, 27, 12, Some(7), Dir::Bare),
            Some(Value::Day(d(2020, 12, 27)))
        );
        assert_eq!(
            day_month(a, 3, 1, None, Dir::Bare),
            Some(Value::Day(d(2021, 1, 3)))
        );
        let a = d(2017, 1, 3);
        assert_eq!(
            day_month(a, 30, 12, None, Dir::Bare),
            Some(Value::Day(d(2016, 12, 30)))
        );
        assert_eq!(day_month(d(2022, 6, 1), 29, 2, None, Dir::Bare), None);
    }

    #[test]
    fn weekdays() {
        let a = d(2020, 12, 28); // Monday
        assert_eq!(weekday_near(a, 7, Dir::Bare), d(2020, 12, 27));
        assert_eq!(weekday_near(a, 1, Dir::Bare), a);
        assert_eq!(weekday_near(a, 1, Dir::Past), d(2020, 12, 21));
        assert_eq!(weekday_near(a, 1, Dir::Future), d(2021, 1, 4));
    }

    #[test]
    fn render_offsets() {
        let c = Clock {
            hour: 10,
            minute: 0,
            zone: Some(7),
        };
        assert_eq!(
            render_time(d(2020, 12, 27), Some(c), None).as_deref(),
            Some("2020-12-27T10:00+07:00")
        );
    }
}
