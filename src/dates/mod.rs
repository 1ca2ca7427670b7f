//! Temporal expressions and their normalisation against the publication date.
//!
//! Indonesian first, English second. The text is split once into tokens (ASCII words
//! with their lexicon role, digit runs, punctuation; `token.rs`, `lexicon.rs`); a small
//! hand-written grammar reads the tokens left to right (`parse/`), and each expression is
//! resolved against the anchor (`resolve.rs`). No regex runs per article, nothing is
//! compiled per call, and there is one allocation per article for the tokens.
//!
//! Values follow ISO 8601 and TimeML's TIMEX3 conventions:
//! - day `2020-12-27`, month `2020-11`, year `2014`, decade `199` (the 1990s), century `20`
//!   (grain decade, "abad ke-21"),
//! - ISO week `2020-W52`, weekend `2020-W53-WE`, quarter `2017-Q1`, half-year `2017-H1`
//!   (grain quarter),
//! - time `2020-12-27T10:00+07:00` (WIB +07:00, WITA +08:00, WIT +09:00), part of a day
//!   `2020-12-27TNI` (MO morning, MI midday, AF afternoon, EV evening, NI night; grain time),
//! - duration `P3Y`, `P2W`, `P5D`, `P6M`, `P2DE`, `PT24H`; a vague one ("beberapa hari
//!   terakhir") has grain duration and no value.
//!
//! Resolution: relative expressions need the anchor; without one their value is `None`,
//! never today's date. Day/month without a year ("Minggu (27/12)") takes the year, among
//! the anchor's and its neighbours, that matches the written weekday and lies closest to
//! the anchor (the past wins ties; "lalu"/"mendatang" force a side). A bare month is the
//! most recent one on or before the anchor, unless a future cue ("mendatang", "depan",
//! "akan") or being at most two months ahead makes it the coming one. A bare weekday is
//! the most recent one on or before the anchor ("Senin lalu": strictly before). Vague
//! counts ("beberapa hari lalu") keep their grain and have no value. A clock time without
//! its own date takes the day last named in its paragraph, else it has no value.
//!
//! Spans cover the date words only: "sejak", "pada", "tanggal" and the "tahun" of
//! "tahun 2011" stay outside; "lalu"/"depan", "awal"/"akhir", parts of the day and clock
//! times stay inside. Speech-time words ("hari ini", "kemarin", "besok") inside a direct
//! quotation are skipped unless a date is written next to them; see
//! [`DateExtractor::with_quoted_deictics`].

mod lexicon;
mod parse;
mod resolve;
mod token;

use crate::calendar::Date;
use crate::doc::{DateMention, Grain, Lang, Span};
use lexicon::{LangMask, Unit};
use resolve::{render_time, resolve, Expr, Value};

/// Finds dates in text. Built once per pipeline (all patterns compiled here), shared across threads.
///
/// ```
/// use warta::calendar::Date;
/// use warta::dates::DateExtractor;
/// use warta::doc::Lang;
///
/// let text = "Delegasi tiba pada hari Minggu (27/12), sebulan setelah kunjungan bulan lalu.";
/// let found = DateExtractor::new().find(text, Lang::Id, Date::new(2020, 12, 28));
/// let values: Vec<_> = found.iter().map(|d| d.value.as_deref()).collect();
/// assert_eq!(values, [Some("2020-12-27"), Some("2020-11")]);
/// assert_eq!(found[0].span.slice(text), "Minggu (27/12)");
/// ```
#[derive(Debug, Clone, Default)]
pub struct DateExtractor {
    quoted_deictics: bool,
}

impl DateExtractor {
    /// Compiles the date patterns (the lexicon is static, so this costs nothing).
    pub fn new() -> DateExtractor {
        DateExtractor::default()
    }

    /// Whether speech-time words ("hari ini", "kemarin", "besok", "today") inside direct
    /// quotations are reported, resolved against the anchor. Off by default: in quoted
    /// speech they refer to the day the words were said (a tweet, yesterday's press
    /// conference), which the article rarely gives, so a value from the publication date
    /// would often be wrong. A date written next to them ("hari ini (21/7)") always counts.
    pub fn with_quoted_deictics(mut self, report: bool) -> DateExtractor {
        self.quoted_deictics = report;
        self
    }

    /// Every temporal expression in `text`, in text order, resolved against `anchor`.
    pub fn find(&self, text: &str, lang: Lang, anchor: Option<Date>) -> Vec<DateMention> {
        let mask = match lang {
            Lang::Id => LangMask::ID,
            Lang::En => LangMask::EN,
            Lang::Und => LangMask::BOTH,
        };
        // Calendar arithmetic stays in range for any anchor a caller can build.
        let anchor = anchor.filter(|a| (1..=9999).contains(&a.year));
        let mut toks = Vec::with_capacity(text.len() / 6 + 1);
        token::tokenize(text, mask, &mut toks);
        let found = parse::Parser::new(text, &toks, self.quoted_deictics).run();

        let mut out = Vec::with_capacity(found.len());
        // The last day named, for a clock time that comes without its own date.
        let mut last_day: Option<(Date, usize)> = None;
        for f in found {
            let (value, relative) = resolve(f.expr, anchor);
            let mention = if f.clock.is_some() || f.part.is_some() {
                let day = match (value, f.expr) {
                    (Some(Value::Day(d)), _) => Some((d, relative)),
                    (_, Expr::TimeOnly) => {
                        // The day last named in the paragraph is the reference time.
                        // Move the checked point forward so each byte is scanned once.
                        last_day = last_day
                            .filter(|&(_, end)| same_paragraph(text, end, f.start))
                            .map(|(d, _)| (d, f.start));
                        last_day.map(|(d, _)| (d, false))
                    }
                    _ => None,
                };
                DateMention {
                    span: Span::new(f.start, f.end),
                    value: day.and_then(|(d, _)| render_time(d, f.clock, f.part)),
                    grain: Grain::Time,
                    relative: day.is_some_and(|(_, r)| r),
                }
            } else {
                DateMention {
                    span: Span::new(f.start, f.end),
                    value: value.and_then(Value::render),
                    grain: value.map_or_else(|| expr_grain(f.expr), Value::grain),
                    relative,
                }
            };
            if let Some(Value::Day(d)) = value {
                last_day = Some((d, f.end));
            }
            out.push(mention);
        }
        out
    }
}

/// Whether no line break lies between `from` and `to`.
fn same_paragraph(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to)
        .is_some_and(|between| !between.bytes().any(|c| c == b'\n' || c == b'\r'))
}

/// The grain an unresolved expression would have.
fn expr_grain(expr: Expr) -> Grain {
    let unit = |u: Unit| match u {
        Unit::Day => Grain::Day,
        Unit::Week => Grain::Week,
        Unit::Month => Grain::Month,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
        Unit::Hour | Unit::Minute => Grain::Time,
    };
    match expr {
        Expr::Full(_) | Expr::DayMonth { .. } | Expr::Weekday(..) => Grain::Day,
        Expr::MonthYear(..) | Expr::Month(..) | Expr::MonthShift(..) => Grain::Month,
        Expr::Year(_) => Grain::Year,
        Expr::Decade(_) | Expr::Century(_) => Grain::Decade,
        Expr::Shift(u, _) | Expr::Vague(u) => unit(u),
        Expr::Weekend(_) => Grain::Week,
        Expr::Quarter { .. } | Expr::QuarterShift { .. } => Grain::Quarter,
        Expr::Duration(..) | Expr::VagueDuration(_) => Grain::Duration,
        Expr::TimeOnly => Grain::Time,
    }
}
