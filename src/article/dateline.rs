//! Datelines: "JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -", "WASHINGTON (Reuters) -",
//! "Jakarta, CNN Indonesia--", "Merdeka.com-", and a date glued to the first word
//! ("28 Desember 2020Delegasi ...").

use std::sync::OnceLock;

use regex::Regex;

use crate::calendar::Date;
use crate::doc::Span;
use crate::lang;

/// The dateline that opens an article's first body paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline text, without the separator dash.
    pub span: Span,
    /// Where the body text starts after the dateline.
    pub body_start: usize,
    /// The place ("JAKARTA").
    pub place: Option<String>,
    /// The agency or outlet ("KOMPAS.com", "ANTARA", "Reuters").
    pub agency: Option<String>,
    /// The date, when the dateline gives one.
    pub date: Option<Date>,
}

// Datelines are written in Latin script: small classes keep the automata small
// (Unicode classes under bounded repeats cost tens of milliseconds to compile).
const PLACE: &str = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'.]*(?:[ \t][A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'.]*){0,3}";
const AGENCY: &str =
    r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ\d.]*(?:[ \t][A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ\d.]*){0,2}";
const DOMAIN: &str = r"[A-Za-z][A-Za-z\d]*\.(?i:com|net|co\.id|co|id)";
/// Outlet names that open datelines on their own ("Rimanews-", "Poskotanews -").
const OUTLET: &str = r"[A-Z][A-Za-z]+(?i:news|post|times|online)";
const DATE: &str = r"\d{1,2}[ \t]+[A-Za-z]{3,9}\.?[ \t]+\d{4}";

fn with_agency() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"^(?P<dl>(?:(?P<a1>{DOMAIN}),[ \t]*(?P<p1>{PLACE})|(?P<p2>{PLACE}(?:,[ \t]*{PLACE}){{0,2}}),?[ \t]*\((?P<a3>[^()\n]{{2,40}})\)|(?P<p4>{PLACE})[ \t]*,[ \t]*(?P<a2>{DOMAIN}|{AGENCY})|(?P<a4>{DOMAIN}|{OUTLET})|(?P<p3>\p{{Lu}}{{3,}}(?:[ \t]\p{{Lu}}{{2,}}){{0,2}}))(?:,[ \t]*(?P<date>{DATE}))?)[ \t]*(?:--?|–|—)[ \t]*"
        );
        Regex::new(&pattern).unwrap_or_else(|e| unreachable!("dateline pattern: {e}"))
    })
}

fn place_only() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?P<dl>(?P<p>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?))[ \t]+(?:-|–|—)[ \t]+")
            .unwrap_or_else(|e| unreachable!("dateline pattern: {e}"))
    })
}

fn glued_date() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^(?P<dl>(?P<date>{DATE}))[ \t]*(?:--?|–|—)?[ \t]*"
        ))
        .unwrap_or_else(|e| unreachable!("dateline pattern: {e}"))
    })
}

/// The dateline at the start of `para`, if there is one.
pub fn find(text: &str, para: Span) -> Option<Dateline> {
    // A dateline sits in the first few dozen characters: never scan a whole paragraph.
    let line = head(para.slice(text), 160);
    let caps = glued_date()
        .captures(line)
        .filter(|c| {
            c.name("date")
                .and_then(|m| parse_date(m.as_str()))
                .is_some()
        })
        .or_else(|| with_agency().captures(line))
        .or_else(|| place_only().captures(line))?;
    let whole = caps.get(0)?;
    let dl = caps.name("dl")?;
    let line_len = para.end - para.start;
    // A dateline alone on its line ("Merdeka.com-") must end with its dash;
    // otherwise a whole line matching is a short sentence, not a dateline.
    if whole.end() >= line_len && whole.as_str().trim_end() == dl.as_str() {
        return None;
    }
    let group = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| caps.name(n))
            .map(|m| m.as_str().to_string())
    };
    Some(Dateline {
        span: Span::new(para.start + dl.start(), para.start + dl.end()),
        body_start: para.start + whole.end(),
        place: group(&["p1", "p2", "p3", "p4", "p"]),
        agency: group(&["a1", "a2", "a3", "a4"]),
        date: caps.name("date").and_then(|m| parse_date(m.as_str())),
    })
}

/// The first `max` bytes of `s`, cut at a char boundary.
pub(crate) fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// "28 Desember 2020", "6 Nop 2019", "28 December 2020".
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month_word = parts.next()?.trim_end_matches('.').to_lowercase();
    let year: i32 = parts.next()?.parse().ok()?;
    let month = lang::id::MONTHS
        .iter()
        .chain(lang::en::MONTHS)
        .find(|(name, _)| *name == month_word)?
        .1;
    Date::new(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        let d = find(line, Span::new(0, line.len()))?;
        Some((
            d.span.slice(line).to_string(),
            d.place,
            d.agency,
            line[d.body_start..].to_string(),
        ))
    }

    #[test]
    fn wire_datelines() {
        let cases = [
            (
                "JAKARTA, KOMPAS.com - Presiden tiba.",
                "JAKARTA, KOMPAS.com",
                Some("JAKARTA"),
                Some("KOMPAS.com"),
            ),
            (
                "Jakarta (ANTARA) - Presiden tiba.",
                "Jakarta (ANTARA)",
                Some("Jakarta"),
                Some("ANTARA"),
            ),
            (
                "WASHINGTON (Reuters) - The president arrived.",
                "WASHINGTON (Reuters)",
                Some("WASHINGTON"),
                Some("Reuters"),
            ),
            (
                "Jakarta, CNN Indonesia--Resepsi digelar.",
                "Jakarta, CNN Indonesia",
                Some("Jakarta"),
                Some("CNN Indonesia"),
            ),
            (
                "London (ANTARA News)-Alunan musik.",
                "London (ANTARA News)",
                Some("London"),
                Some("ANTARA News"),
            ),
            (
                "Merdeka.com-Turis berinisial CB.",
                "Merdeka.com",
                None,
                Some("Merdeka.com"),
            ),
            (
                "JUARA.NET, KUALA LUMPUR-Kepala Bidang.",
                "JUARA.NET, KUALA LUMPUR",
                Some("KUALA LUMPUR"),
                Some("JUARA.NET"),
            ),
            (
                "DEPOK, JUARA.net-Tim voli putri.",
                "DEPOK, JUARA.net",
                Some("DEPOK"),
                Some("JUARA.net"),
            ),
            ("Jakarta - Presiden tiba.", "Jakarta", Some("Jakarta"), None),
            ("JAKARTA - Presiden tiba.", "JAKARTA", Some("JAKARTA"), None),
            (
                "Samarinda, Kalimantan Timur (ANTARA News)- \"Saat itu saya",
                "Samarinda, Kalimantan Timur (ANTARA News)",
                Some("Samarinda, Kalimantan Timur"),
                Some("ANTARA News"),
            ),
            (
                "Singkil, Aceh, (ANTARA News)-Kawasan Danau",
                "Singkil, Aceh, (ANTARA News)",
                Some("Singkil, Aceh"),
                Some("ANTARA News"),
            ),
            (
                "Rimanews- Konsulat Jenderal",
                "Rimanews",
                None,
                Some("Rimanews"),
            ),
        ];
        for (line, dl, place, agency) in cases {
            let (got_dl, got_place, got_agency, body) =
                parts(line).unwrap_or_else(|| panic!("no dateline in {line:?}"));
            assert_eq!(got_dl, dl, "{line}");
            assert_eq!(got_place.as_deref(), place, "{line}");
            assert_eq!(got_agency.as_deref(), agency, "{line}");
            assert!(
                body.starts_with(|c: char| c.is_uppercase() || c == '"'),
                "{line}: body {body:?}"
            );
        }
    }

    #[test]
    fn dateline_alone_on_its_line() {
        let line = "Merdeka.com-";
        let d = find(line, Span::new(0, line.len())).unwrap();
        assert_eq!(d.span.slice(line), "Merdeka.com");
        assert_eq!(d.body_start, line.len());
    }

    #[test]
    fn glued_date() {
        let line = "28 Desember 2020Delegasi diplomat tiba.";
        let d = find(line, Span::new(0, line.len())).unwrap();
        assert_eq!(d.span.slice(line), "28 Desember 2020");
        assert_eq!(&line[d.body_start..], "Delegasi diplomat tiba.");
        assert_eq!(d.date, Date::new(2020, 12, 28));
    }

    #[test]
    fn ordinary_sentences_have_no_dateline() {
        for line in [
            "Ketua MPR Zulkifli Hasan menyesalkan kisruh yang terjadi.",
            "Presiden Joko Widodo - yang baru tiba - langsung berpidato.",
            "Penyanyi muda Isyana Sarasvati secara resmi meluncurkan album.",
            "Spectre 13 merupakan salah satu model notebook keluaran HP.",
        ] {
            assert_eq!(find(line, Span::new(0, line.len())), None, "{line}");
        }
    }
}
