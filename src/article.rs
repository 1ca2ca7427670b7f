//! Article structure: title, dateline, paragraphs, subheadings, credits.
//!
//! Each input line is a paragraph. The first line can be a headline; the first body
//! paragraph can open with a dateline ("JAKARTA, KOMPAS.com -", "28 Desember 2020")
//! that is split off into its own paragraph; the last lines (or the tail of the last
//! paragraph) can be a credit line. Short unpunctuated lines between body paragraphs
//! are subheadings; "Baca juga: ..." lines are related links.

mod credits;
mod dateline;

use crate::calendar::Date;
use crate::doc::{Credits, Lang, Paragraph, ParagraphKind, Span};

pub use dateline::Dateline;

/// How to read a text's structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// A news article: headline, dateline, subheadings and credit line are detected.
    #[default]
    Article,
    /// Everything is body text: for sentences, transcripts and social posts.
    Plain,
}

impl Layout {
    /// Parses "article" or "plain".
    pub fn from_name(name: &str) -> Option<Layout> {
        match name {
            "article" => Some(Layout::Article),
            "plain" => Some(Layout::Plain),
            _ => None,
        }
    }
}

/// The structure of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structure {
    /// The headline.
    pub title: Option<Span>,
    /// Every paragraph, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Subheadings, in text order.
    pub subheadings: Vec<Span>,
    /// The credit line.
    pub credits: Option<Credits>,
    /// The dateline, if the first body paragraph opens with one.
    pub dateline: Option<Dateline>,
    /// The date the dateline gives, if any.
    pub dateline_date: Option<Date>,
}

/// Splits `text` into paragraphs and finds its structure.
pub fn structure(text: &str, layout: Layout, lang: Lang) -> Structure {
    let _ = lang;
    let lines: Vec<Span> = lines(text).collect();
    if layout == Layout::Plain {
        let paragraphs = lines
            .into_iter()
            .map(|span| para(span, ParagraphKind::Body))
            .collect();
        return Structure {
            paragraphs,
            ..Structure::default()
        };
    }
    let mut kinds: Vec<ParagraphKind> = lines
        .iter()
        .map(|&span| {
            let line = span.slice(text);
            if is_related_link(line) {
                ParagraphKind::Related
            } else if is_caption(line) {
                ParagraphKind::Caption
            } else {
                ParagraphKind::Body
            }
        })
        .collect();

    let title = find_title(text, &lines);
    if let (Some(_), Some(kind)) = (title, kinds.first_mut()) {
        *kind = ParagraphKind::Title;
    }

    let credit = find_credit_lines(text, &lines, &mut kinds);
    mark_subheadings(text, &lines, &mut kinds);

    // The dateline opens the first body paragraph.
    let first_body = kinds.iter().position(|&k| k == ParagraphKind::Body);
    let dateline = first_body
        .and_then(|i| lines.get(i))
        .and_then(|&span| dateline::find(text, span));

    // The credit can also trail the last body paragraph: "... kata Edy. (bac/nva)".
    let last_body = kinds.iter().rposition(|&k| k == ParagraphKind::Body);
    let (credit, trailing) = match credit {
        Some(credit) => (Some(credit), None),
        None => match last_body.and_then(|i| lines.get(i)) {
            Some(&span) => match credits::trailing(text, span) {
                Some(credit) => {
                    let span = credit.span;
                    (Some(credit), Some(span))
                }
                None => (None, None),
            },
            None => (None, None),
        },
    };

    let mut paragraphs = Vec::with_capacity(lines.len() + 2);
    let mut subheadings = Vec::new();
    for (i, (&span, &kind)) in lines.iter().zip(&kinds).enumerate() {
        let mut span = span;
        if Some(i) == first_body {
            if let Some(d) = &dateline {
                paragraphs.push(para(d.span, ParagraphKind::Dateline));
                span.start = d.body_start;
            }
        }
        let tail = if Some(i) == last_body { trailing } else { None };
        if let Some(tail) = tail {
            span.end = trim_end(text, span.start, tail.start);
        }
        if !span.is_empty() {
            if kind == ParagraphKind::Subheading {
                subheadings.push(span);
            }
            paragraphs.push(para(span, kind));
        }
        if let Some(tail) = tail {
            paragraphs.push(para(tail, ParagraphKind::Credit));
        }
    }

    let dateline_date = dateline.as_ref().and_then(|d| d.date);
    Structure {
        title,
        paragraphs,
        subheadings,
        credits: credit,
        dateline,
        dateline_date,
    }
}

fn para(span: Span, kind: ParagraphKind) -> Paragraph {
    Paragraph { span, kind }
}

/// Non-empty lines of `text`, trimmed of surrounding whitespace (and a BOM).
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut offset = 0;
    text.split_inclusive(['\n', '\r', '\u{2028}', '\u{2029}'])
        .filter_map(move |line| {
            let start = offset;
            offset += line.len();
            let is_space = |c: char| c.is_whitespace() || c == '\u{feff}';
            let lead = line.len() - line.trim_start_matches(is_space).len();
            let trimmed = line.trim_matches(is_space);
            (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
        })
}

/// `end` moved left over whitespace, not past `start`.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let slice = text.get(start..end).unwrap_or("");
    start + slice.trim_end().len()
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Whether a line ends like a sentence (so it is not a headline or subheading).
fn ends_with_sentence_punctuation(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', ',', ';', ':', '"', '”', '\'', '’', ')', ']', '»'])
}

/// A headline: the first line, shorter than a paragraph and not ending a sentence,
/// followed by more text.
fn find_title(text: &str, lines: &[Span]) -> Option<Span> {
    let (&first, rest) = lines.split_first()?;
    let line = first.slice(text);
    let looks_like_headline = !rest.is_empty()
        && line.chars().count() <= 160
        && (2..=20).contains(&word_count(line))
        && !has_sentence_break(line)
        && !is_caption(line)
        && credits::line(text, first).is_none()
        && !line.trim_end().ends_with(['.', ',', ';', ':'])
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '"' || c == '“')
        && dateline::find(text, first).is_none();
    looks_like_headline.then_some(first)
}

/// Marks credit lines at the end of the article and returns the parsed credits.
fn find_credit_lines(text: &str, lines: &[Span], kinds: &mut [ParagraphKind]) -> Option<Credits> {
    let mut found: Option<Credits> = None;
    // Credit lines sit at the end, possibly several ("Penulis: X" then "Editor: Y").
    for (i, &span) in lines.iter().enumerate().rev().take(3) {
        if i == 0 || kinds.get(i) == Some(&ParagraphKind::Related) {
            continue;
        }
        let Some(parsed) = credits::line(text, span) else {
            break;
        };
        if let Some(kind) = kinds.get_mut(i) {
            *kind = ParagraphKind::Credit;
        }
        found = Some(match found {
            None => parsed,
            Some(later) => credits::merge(parsed, later),
        });
    }
    found
}

/// Marks short unpunctuated lines standing between body paragraphs as subheadings.
fn mark_subheadings(text: &str, lines: &[Span], kinds: &mut [ParagraphKind]) {
    let is_prose = |i: usize| {
        kinds.get(i) == Some(&ParagraphKind::Body)
            && lines.get(i).is_some_and(|s| {
                let line = s.slice(text);
                ends_with_sentence_punctuation(line) || word_count(line) > 15
            })
    };
    let candidates: Vec<usize> = (1..lines.len().saturating_sub(1))
        .filter(|&i| {
            let line = lines[i].slice(text);
            kinds.get(i) == Some(&ParagraphKind::Body)
                && word_count(line) <= 12
                && line.chars().count() <= 100
                && !ends_with_sentence_punctuation(line)
                && !line.ends_with(['!', '?'])
                && line
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                && is_prose(i + 1)
                && (i == 1 && kinds.first() == Some(&ParagraphKind::Title) || is_prose(i - 1))
        })
        .collect();
    for i in candidates {
        if let Some(kind) = kinds.get_mut(i) {
            *kind = ParagraphKind::Subheading;
        }
    }
}

/// Whether a sentence ends inside the line ("Apa kabar? Baik."): headlines are one sentence.
fn has_sentence_break(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars
        .windows(3)
        .any(|w| matches!(w[0], '.' | '?' | '!') && w[1] == ' ' && w[2].is_uppercase())
}

/// Photo captions and photo credits: "Foto: Shutterstock", "Tim Cook (Foto: Reuters)".
fn is_caption(line: &str) -> bool {
    const STARTS: [&str; 5] = ["foto:", "foto :", "photo:", "ilustrasi:", "ilustrasi foto"];
    const TAILS: [&str; 5] = ["(foto", "(photo", "(ilustrasi", "(dok", "(sumber foto"];
    if STARTS.iter().any(|p| lower_starts_with(line, p)) {
        return true;
    }
    // Lower-casing turns no other character into a bracket: the line's own brackets are
    // those of its lower-cased form.
    line.ends_with(')')
        && line
            .rfind('(')
            .and_then(|i| line.get(i..))
            .is_some_and(|tail| TAILS.iter().any(|p| lower_starts_with(tail, p)))
}

/// Whether `s` lower-cased starts with `prefix` (lower case), lower-casing only as many
/// characters as the comparison needs (not the whole paragraph).
fn lower_starts_with(s: &str, prefix: &str) -> bool {
    let mut lower = s.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// "Baca juga: ...", "Simak juga", "Read more: ..." lines.
fn is_related_link(line: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "baca juga",
        "simak juga",
        "lihat juga",
        "tonton juga",
        "berita terkait",
        "artikel terkait",
        "baca selengkapnya",
        "read also",
        "read more",
        "see also",
        "related:",
    ];
    let head: String = line
        .chars()
        .take(20)
        .flat_map(char::to_lowercase)
        .map(|c| if c == '_' { ' ' } else { c })
        .collect();
    PREFIXES.iter().any(|p| head.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_as_when_the_whole_line_was_lower_cased() {
        let old = |line: &str| {
            let lower = line.to_lowercase();
            let starts = ["foto:", "foto :", "photo:", "ilustrasi:", "ilustrasi foto"];
            let tail = lower.rfind('(').map_or("", |i| &lower[i..]);
            starts.iter().any(|p| lower.starts_with(p))
                || (lower.ends_with(')')
                    && ["(foto", "(photo", "(ilustrasi", "(dok", "(sumber foto"]
                        .iter()
                        .any(|p| tail.starts_with(p)))
        };
        for line in [
            "Foto: Shutterstock",
            "FOTO : Antara",
            "İlustrasi: x",
            "Ilustrasi Foto",
            "Tim Cook (Foto: Reuters)",
            "Tim Cook (Foto: Reuters) lalu",
            "x (DOK. pribadi)",
            "x (do\u{212a})",
            "“Halo” (Sumber Foto: AP)",
            "Presiden (tengah) berbicara",
            "(",
            ")",
            "",
        ] {
            assert_eq!(is_caption(line), old(line), "{line:?}");
        }
    }

    fn kinds(text: &str) -> Vec<(&str, &'static str)> {
        structure(text, Layout::Article, Lang::Id)
            .paragraphs
            .iter()
            .map(|p| (p.span.slice(text), p.kind.name()))
            .collect()
    }

    #[test]
    fn lines_are_trimmed_and_skip_blanks() {
        let text = "\u{feff} a \r\n\r\nb\rc\n";
        let got: Vec<&str> = lines(text).map(|s| s.slice(text)).collect();
        assert_eq!(got, ["a", "b", "c"]);
    }

    #[test]
    fn headline_dateline_subheading_credit() {
        let text = "Judul Berita Hari Ini\n28 Desember 2020Delegasi tiba di Jakarta pada hari Minggu.\nSubjudul pendek\nMereka bertemu dengan menteri dan membahas kerja sama.\nrap/ha (AP, Reuters)";
        assert_eq!(
            kinds(text),
            [
                ("Judul Berita Hari Ini", "title"),
                ("28 Desember 2020", "dateline"),
                ("Delegasi tiba di Jakarta pada hari Minggu.", "body"),
                ("Subjudul pendek", "subheading"),
                (
                    "Mereka bertemu dengan menteri dan membahas kerja sama.",
                    "body"
                ),
                ("rap/ha (AP, Reuters)", "credit"),
            ]
        );
        let s = structure(text, Layout::Article, Lang::Id);
        assert_eq!(s.dateline_date, Date::new(2020, 12, 28));
    }

    #[test]
    fn captions_and_questions_are_not_headlines() {
        let text = "Tim Cook, CEO Apple (Foto: Reuters)\nApple merilis produk baru.";
        assert_eq!(
            kinds(text)[0],
            ("Tim Cook, CEO Apple (Foto: Reuters)", "caption")
        );
        let text = "Apa olahan matcha favoritmu? Kue? Es krim?\nMatcha kini populer.";
        assert_eq!(kinds(text)[0].1, "body");
        let text = "Reporter: Edy Purnomo\nPresiden tiba di Bogor.";
        assert_ne!(kinds(text)[0].1, "title");
    }

    #[test]
    fn plain_layout_is_all_body() {
        let text = "Judul\nIsi.";
        let s = structure(text, Layout::Plain, Lang::Id);
        assert!(s.title.is_none());
        assert!(s.paragraphs.iter().all(|p| p.kind == ParagraphKind::Body));
    }

    #[test]
    fn trailing_credit_is_split_off() {
        let text = "Jakarta, CNN Indonesia--Presiden tiba di Bogor.\nIa disambut warga, ujar Edy. (bac/nva)";
        assert_eq!(
            kinds(text),
            [
                ("Jakarta, CNN Indonesia", "dateline"),
                ("Presiden tiba di Bogor.", "body"),
                ("Ia disambut warga, ujar Edy.", "body"),
                ("(bac/nva)", "credit"),
            ]
        );
    }
}
