//! A title abbreviation standing alone as a speaker ("kata Menpora") named after the
//! person the article gives that title in full ("Menteri Pemuda dan Olahraga Imam
//! Nahrawi"). Only general knowledge: the standard Indonesian abbreviations of offices.

use crate::doc::{Label, Mention, Span};

/// Office abbreviations and the full titles they stand for (lower case, sorted by
/// abbreviation).
const TITLES: &[(&str, &[&str])] = &[
    ("kapolda", &["kepala kepolisian daerah"]),
    ("kapolres", &["kepala kepolisian resor"]),
    (
        "kapolri",
        &[
            "kepala kepolisian negara republik indonesia",
            "kepala kepolisian republik indonesia",
            "kepala kepolisian ri",
        ],
    ),
    ("kasad", &["kepala staf angkatan darat"]),
    ("kasal", &["kepala staf angkatan laut"]),
    ("kasau", &["kepala staf angkatan udara"]),
    ("menag", &["menteri agama"]),
    (
        "menaker",
        &["menteri ketenagakerjaan", "menteri tenaga kerja"],
    ),
    ("mendag", &["menteri perdagangan"]),
    ("mendagri", &["menteri dalam negeri"]),
    ("mendikbud", &["menteri pendidikan dan kebudayaan"]),
    ("menhan", &["menteri pertahanan"]),
    ("menhub", &["menteri perhubungan"]),
    ("menkes", &["menteri kesehatan"]),
    ("menkeu", &["menteri keuangan"]),
    ("menkominfo", &["menteri komunikasi dan informatika"]),
    (
        "menkumham",
        &[
            "menteri hukum dan hak asasi manusia",
            "menteri hukum dan ham",
        ],
    ),
    ("menlu", &["menteri luar negeri"]),
    ("menpar", &["menteri pariwisata"]),
    ("menperin", &["menteri perindustrian"]),
    ("menpora", &["menteri pemuda dan olahraga"]),
    ("mensos", &["menteri sosial"]),
    ("mentan", &["menteri pertanian"]),
    ("wapres", &["wakil presiden"]),
];

/// How far past a full title its holder's name may start (a region or a rank between:
/// "Kepala Kepolisian Daerah Jawa Timur Irjen Machfud Arifin").
const MAX_GAP: usize = 48;

/// The person entity the article names with the full title an abbreviation stands for:
/// the holder named last before `before`, else the first one after it.
pub(crate) fn titled_person(
    text: &str,
    mentions: &[Mention],
    abbreviation: &str,
    before: usize,
) -> Option<usize> {
    let lower = abbreviation.to_ascii_lowercase();
    let (_, titles) = TITLES.iter().find(|(a, _)| *a == lower)?;
    let folded = text.to_ascii_lowercase();
    let mut last_before = None;
    let mut first_after = None;
    for title in titles.iter() {
        for (at, _) in folded.match_indices(title) {
            let end = at + title.len();
            let Some(e) = holder(text, mentions, end, abbreviation) else {
                continue;
            };
            if at < before {
                if last_before.is_none_or(|(p, _)| p < at) {
                    last_before = Some((at, e));
                }
            } else if first_after.is_none_or(|(p, _)| p > at) {
                first_after = Some((at, e));
            }
        }
    }
    last_before.or(first_after).map(|(_, e)| e)
}

/// The person named right after a title ending at `end`, in the same clause; the
/// abbreviation may stand between in brackets ("Menteri Perhubungan (Menhub) Budi").
fn holder(text: &str, mentions: &[Mention], end: usize, abbreviation: &str) -> Option<usize> {
    let from = mentions.partition_point(|m| m.span.start < end);
    let m = mentions
        .get(from..)?
        .iter()
        .find(|m| m.label == Label::Per && m.span.slice(text) != abbreviation)?;
    let gap = Span::new(end, m.span.start).slice(text);
    let bracketed = format!("({abbreviation})");
    let gap = gap.replacen(bracketed.as_str(), "", 1);
    let clause = !gap.contains(['.', '"', ';', '(', '\n', '“', '”']);
    (m.span.start - end <= MAX_GAP && clause).then_some(m.entity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_sorted() {
        assert!(TITLES.windows(2).all(|w| match w {
            [a, b] => a.0 < b.0,
            _ => true,
        }));
    }
}
