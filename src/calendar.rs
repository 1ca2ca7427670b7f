//! A proleptic Gregorian calendar date, just enough for anchoring and arithmetic.
//!
//! Days are counted with Howard Hinnant's `days_from_civil`, so adding days,
//! weeks and months never needs a lookup table or a dependency.

use std::fmt;

/// A calendar date (no time, no zone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2020.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of month, 1..=31.
    pub day: u32,
}

impl Date {
    /// A date if `year`, `month` and `day` name a real day.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time part (`T...` or ` ...`), which is ignored.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let head = s.get(..10)?;
        let rest = &s[10..];
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return None;
        }
        let b = head.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = head[..4].parse().ok()?;
        let month = head[5..7].parse().ok()?;
        let day = head[8..10].parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date shifted by `n` days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// This date shifted by `n` months, the day clamped to the target month's length.
    pub fn add_months(self, n: i64) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u32;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for days in [-800_000, -1, 0, 1, 18_000, 18_624, 2_000_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::from_days(0), Date::new(1970, 1, 1).unwrap());
    }

    #[test]
    fn weekday_and_arithmetic() {
        let d = Date::new(2020, 12, 27).unwrap();
        assert_eq!(d.weekday(), 7); // a Sunday
        assert_eq!(d.add_days(5).to_string(), "2021-01-01");
        assert_eq!(
            Date::new(2020, 3, 31).unwrap().add_months(-1).to_string(),
            "2020-02-29"
        );
        assert_eq!(
            Date::new(2020, 1, 15).unwrap().add_months(-1).to_string(),
            "2019-12-15"
        );
    }

    #[test]
    fn parse_iso_accepts_dates_and_datetimes() {
        assert_eq!(Date::parse_iso("2020-12-28"), Date::new(2020, 12, 28));
        assert_eq!(
            Date::parse_iso("2020-12-28T10:00:00+07:00"),
            Date::new(2020, 12, 28)
        );
        assert_eq!(Date::parse_iso("2020-02-30"), None);
        assert_eq!(Date::parse_iso("28/12/2020"), None);
        assert_eq!(Date::parse_iso("2020-1"), None);
    }
}
