//! Credit lines: "rap/ha (AP, Reuters)", "(ant/dpa)", "[ega]", "Penulis: X | Editor: Y",
//! "Reporter: X", "(Antara)", and the same trailing the last paragraph.

use std::sync::OnceLock;

use regex::Regex;

use crate::doc::{Credits, Span};

/// News agencies and outlets that appear in credit lines, lower-case.
const AGENCIES: &[&str] = &[
    "afp",
    "ant",
    "antara",
    "ap",
    "bbc",
    "bernama",
    "cnn",
    "dpa",
    "epd",
    "kna",
    "kyodo",
    "reuters",
    "rtr",
    "sid",
    "xinhua",
    "yonhap",
    "aljazeera",
    "al jazeera",
    "anadolu",
    "tass",
    "ria novosti",
    "upi",
    "efe",
    "ansa",
    "kompas",
    "tempo",
    "detik",
    "kumparan",
    "tribunnews",
    "liputan6",
    "suara",
    "merdeka",
    "okezone",
    "republika",
    "bloomberg",
    "nyt",
    "guardian",
    "wsj",
    "abc",
];

/// Markers that close an article but name nobody.
const END_MARKERS: &[&str] = &["end", "selesai", "habis", "***"];

/// A credit line occupying a whole paragraph.
pub fn line(text: &str, para: Span) -> Option<Credits> {
    let line = para.slice(text);
    // Credit lines are short; a paragraph of prose needs no regex to say so.
    if line.len() > 240 {
        return None;
    }
    labelled(line)
        .or_else(|| initials(line))
        .or_else(|| bracketed(line))
        .map(|(authors, agencies)| Credits {
            span: para,
            authors,
            agencies,
        })
}

/// A bracketed credit trailing the last paragraph after its final sentence.
pub fn trailing(text: &str, para: Span) -> Option<Credits> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#"[.!?"”'’)\]]\s*(?P<c>[(\[][^()\[\]\n]{1,40}[)\]])$"#)
            .unwrap_or_else(|e| unreachable!("credit pattern: {e}"))
    });
    // The credit is the paragraph's last few dozen bytes: scan only those.
    let line = para.slice(text);
    let mut cut = line.len().saturating_sub(64);
    while !line.is_char_boundary(cut) {
        cut += 1;
    }
    let tail = line.get(cut..)?;
    let c = re.captures(tail)?.name("c")?;
    let (authors, agencies) = bracketed(c.as_str())?;
    let start = para.start + cut;
    Some(Credits {
        span: Span::new(start + c.start(), start + c.end()),
        authors,
        agencies,
    })
}

/// Joins an earlier and a later credit line ("Penulis: X" then "Editor: Y").
pub fn merge(earlier: Credits, later: Credits) -> Credits {
    let mut merged = earlier;
    merged.span.end = later.span.end;
    merged.authors.extend(later.authors);
    merged.agencies.extend(later.agencies);
    merged
}

type People = (Vec<String>, Vec<String>);

/// "Penulis: X | Editor: Y", "Reporter: X", "Sumber: Antara".
fn labelled(line: &str) -> Option<People> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:penulis|reporter|pewarta|editor|redaktur|penyunting|wartawan|writer|sumber|source|kontributor)\s*:|(?:additional )?(?:reporting|editing|writing) by\s)")
            .unwrap_or_else(|e| unreachable!("credit pattern: {e}"))
    });
    if !re.is_match(line) || line.chars().count() > 160 {
        return None;
    }
    let mut authors = Vec::new();
    let mut agencies = Vec::new();
    for part in line.split(['|', ';']) {
        let split = part
            .split_once(':')
            .or_else(|| part.find(" by ").map(|i| (&part[..i], &part[i + 4..])));
        let Some((label, names)) = split else {
            continue;
        };
        let label = label.trim().to_lowercase();
        let is_source = matches!(label.as_str(), "sumber" | "source");
        for name in names
            .split([',', '/', '&'])
            .flat_map(|n| n.split(" and "))
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            if is_source {
                agencies.push(name.to_string());
            } else {
                authors.push(name.to_string());
            }
        }
    }
    Some((authors, agencies))
}

/// DW style: "rap/ha (AP, Reuters)", "rap/ha".
fn initials(line: &str) -> Option<People> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?P<who>[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})+)\s*(?:\((?P<src>[^()]{1,60})\))?$")
            .unwrap_or_else(|e| unreachable!("credit pattern: {e}"))
    });
    let caps = re.captures(line)?;
    let authors = split_names(caps.name("who")?.as_str());
    let agencies = caps
        .name("src")
        .map(|m| split_names(m.as_str()))
        .unwrap_or_default();
    Some((authors, agencies))
}

/// "(ant/dpa)", "[ega]", "(bac/nva)", "(Antara)", "(T.H-ZG/S023)".
fn bracketed(line: &str) -> Option<People> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[(\[](?P<inner>[\p{L}\d][\p{L}\d.\- /,]*)[)\]]$")
            .unwrap_or_else(|e| unreachable!("credit pattern: {e}"))
    });
    let inner = re.captures(line)?.name("inner")?.as_str();
    // Longer phrases in brackets are asides, not credits: keep to codes and agency names.
    let names = split_names(inner);
    let too_long = |n: &String| n.split_whitespace().count() > 2 || n.chars().count() > 25;
    if names.len() > 6 || names.iter().any(too_long) {
        return None;
    }
    let mut authors = Vec::new();
    let mut agencies = Vec::new();
    for name in names {
        let lower = name.to_lowercase();
        if END_MARKERS.contains(&lower.as_str()) {
            continue;
        }
        if AGENCIES.contains(&lower.as_str()) || lower.ends_with(".com") {
            agencies.push(name);
        } else if lower.split_whitespace().count() == 1 && lower.chars().count() <= 8 {
            authors.push(name);
        } else {
            return None;
        }
    }
    Some((authors, agencies))
}

fn split_names(s: &str) -> Vec<String> {
    s.split(['/', ','])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Option<People> {
        line(s, Span::new(0, s.len())).map(|c| (c.authors, c.agencies))
    }

    fn people(authors: &[&str], agencies: &[&str]) -> Option<People> {
        let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Some((own(authors), own(agencies)))
    }

    #[test]
    fn credit_line_styles() {
        assert_eq!(
            parse("rap/ha (AP, Reuters)"),
            people(&["rap", "ha"], &["AP", "Reuters"])
        );
        assert_eq!(parse("(ant/dpa)"), people(&[], &["ant", "dpa"]));
        assert_eq!(parse("[ega]"), people(&["ega"], &[]));
        assert_eq!(parse("(bac/nva)"), people(&["bac", "nva"], &[]));
        assert_eq!(parse("(Antara)"), people(&[], &["Antara"]));
        assert_eq!(parse("(end)"), people(&[], &[]));
        assert_eq!(
            parse("Penulis: Ihsanuddin | Editor: Sabrina Asril"),
            people(&["Ihsanuddin", "Sabrina Asril"], &[])
        );
        assert_eq!(
            parse("Reporter: Budi Santoso"),
            people(&["Budi Santoso"], &[])
        );
        assert_eq!(parse("Sumber: Antara"), people(&[], &["Antara"]));
        assert_eq!(
            parse("Reporting by Jeff Mason and Steve Holland; Editing by Sandra Maler"),
            people(&["Jeff Mason", "Steve Holland", "Sandra Maler"], &[])
        );
    }

    #[test]
    fn prose_is_not_a_credit() {
        assert_eq!(parse("(Foto: dok. kepolisian daerah setempat)"), None);
        assert_eq!(parse("Presiden tiba di Jakarta."), None);
        assert_eq!(
            parse("(sebelumnya bernama Partai Demokrat Indonesia Perjuangan)"),
            None
        );
    }

    #[test]
    fn trailing_credit() {
        let s = "Ia disambut warga, ujar Edy. (bac/nva)";
        let c = trailing(s, Span::new(0, s.len())).unwrap();
        assert_eq!(c.span.slice(s), "(bac/nva)");
        let s = "Ia tiba pada 2012 (saat itu)";
        assert_eq!(trailing(s, Span::new(0, s.len())), None);
    }
}
