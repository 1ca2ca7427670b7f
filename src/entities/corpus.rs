//! Readers for annotated NER data: CoNLL-style columns (IOB/IOB2), CoNLL-U-like `.iob2`
//! files and JSONL, all turned into one shape: a text and its gold mention byte spans.

use crate::doc::Label;
use crate::error::{Error, Result};

/// File formats the readers understand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Whitespace-separated columns, token first and tag last; blank line between sentences
    /// (idner-news-2k, NERGrit, NERP, CoNLL-2003).
    Conll,
    /// CoNLL-U-like: tab-separated, column 2 the token, column 3 the tag; `#` comment lines
    /// (Universal NER).
    Iob2,
    /// One JSON object a line: `{"tokens": [...], "tags": [...]}` or
    /// `{"text": "...", "entities": [{"start", "end", "label"}]}` (code-point offsets).
    Jsonl,
}

impl Format {
    /// Parses "conll", "iob2" or "jsonl".
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "conll" | "iob" | "bio" | "txt" => Some(Format::Conll),
            "iob2" | "conllu" | "conll-u" => Some(Format::Iob2),
            "jsonl" | "json" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// One annotated text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Example {
    /// The text: a sentence's tokens joined by single spaces, or the JSONL text.
    pub text: String,
    /// Gold mentions as byte spans with labels, in text order.
    pub gold: Vec<(usize, usize, Label)>,
    /// Byte ranges of the source tokens, when the data is tokenised.
    pub tokens: Option<Vec<(usize, usize)>>,
    /// Which training file the example came from (1, 2, ...; 0: unknown), for
    /// dataset-specific feature copies in training.
    pub domain: u8,
}

/// Reads a file in the given format.
pub fn read_file(path: &str, format: Format) -> Result<Vec<Example>> {
    let data = std::fs::read_to_string(path)
        .map_err(|e| Error::Input(format!("cannot read {path}: {e}")))?;
    parse(&data, format)
}

/// Parses annotated data held in memory.
pub fn parse(data: &str, format: Format) -> Result<Vec<Example>> {
    match format {
        Format::Conll => Ok(parse_columns(data, false)),
        Format::Iob2 => Ok(parse_columns(data, true)),
        Format::Jsonl => parse_jsonl(data),
    }
}

/// A tag like "B-PER", "I-ORGANISATION", "O": (label, starts a mention). Unknown types are O.
fn parse_tag(tag: &str) -> Option<(Label, bool)> {
    let tag = tag.trim();
    let (prefix, name) = match tag.split_once(['-', '_']) {
        Some((p, n)) if p.len() == 1 => (p, n),
        _ => return None,
    };
    let label = Label::from_name(name)?;
    match prefix {
        "B" | "S" | "U" => Some((label, true)),
        "I" | "E" | "L" => Some((label, false)),
        _ => None,
    }
}

/// Builds an example from tokens and their tags; an I- tag that does not continue a
/// mention of its type starts one (IOB1 and sloppy IOB2).
pub fn from_tokens<S: AsRef<str>>(tokens: &[S], tags: &[Option<(Label, bool)>]) -> Example {
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(tokens.len());
    for tok in tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(tok.as_ref());
        bounds.push((start, text.len()));
    }
    let mut gold = Vec::new();
    let mut open: Option<(usize, usize, Label)> = None;
    for (&(s, e), tag) in bounds
        .iter()
        .zip(tags.iter().chain(std::iter::repeat(&None)))
    {
        match (*tag, open.as_mut()) {
            (Some((l, false)), Some(cur)) if cur.2 == l => cur.1 = e,
            (Some((l, _)), _) => {
                if let Some(done) = open.take() {
                    gold.push(done);
                }
                open = Some((s, e, l));
            }
            (None, _) => {
                if let Some(done) = open.take() {
                    gold.push(done);
                }
            }
        }
    }
    if let Some(done) = open {
        gold.push(done);
    }
    Example {
        text,
        gold,
        tokens: Some(bounds),
        domain: 0,
    }
}

fn parse_columns(data: &str, conllu: bool) -> Vec<Example> {
    let mut out = Vec::new();
    let mut tokens: Vec<&str> = Vec::new();
    let mut tags: Vec<Option<(Label, bool)>> = Vec::new();
    let mut flush = |tokens: &mut Vec<&str>, tags: &mut Vec<Option<(Label, bool)>>| {
        if !tokens.is_empty() {
            out.push(from_tokens(tokens, tags));
        }
        tokens.clear();
        tags.clear();
    };
    for line in data.lines() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            flush(&mut tokens, &mut tags);
            continue;
        }
        if conllu {
            if line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            // Multi-word token ranges ("3-4") and empty nodes ("3.1") carry no tag of their own.
            let id = cols.first().copied().unwrap_or("");
            if id.contains('-') || id.contains('.') {
                continue;
            }
            let token = cols.get(1).copied().unwrap_or("");
            let tag = cols.get(2).copied().unwrap_or("O");
            if !token.is_empty() {
                tokens.push(token);
                tags.push(parse_tag(tag));
            }
        } else {
            let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
            let Some(&token) = cols.first() else { continue };
            let tag = if cols.len() >= 2 {
                cols.last().copied().unwrap_or("O")
            } else {
                "O"
            };
            tokens.push(token);
            tags.push(parse_tag(tag));
        }
    }
    flush(&mut tokens, &mut tags);
    out
}

fn parse_jsonl(data: &str) -> Result<Vec<Example>> {
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| Error::Input(format!("line {}: invalid JSON: {e}", n + 1)))?;
        if let (Some(toks), Some(tags)) = (
            v.get("tokens").and_then(|t| t.as_array()),
            ["tags", "ner_tags", "labels"]
                .iter()
                .find_map(|k| v.get(*k).and_then(|t| t.as_array())),
        ) {
            let tokens: Vec<&str> = toks.iter().map(|t| t.as_str().unwrap_or("")).collect();
            let tags: Vec<Option<(Label, bool)>> = tags
                .iter()
                .map(|t| t.as_str().and_then(parse_tag))
                .collect();
            out.push(from_tokens(&tokens, &tags));
            continue;
        }
        let text = v.get("text").and_then(|t| t.as_str()).ok_or_else(|| {
            Error::Input(format!(
                "line {}: needs \"tokens\"+\"tags\" or \"text\"",
                n + 1
            ))
        })?;
        // Code-point offsets -> byte offsets.
        let bytes_at: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let mut gold = Vec::new();
        let spans = ["entities", "mentions", "spans", "label"]
            .iter()
            .find_map(|k| v.get(*k).and_then(|t| t.as_array()));
        for span in spans.into_iter().flatten() {
            // Either {"start", "end", "label"} or [start, end, label] (doccano).
            let (s, e, l) = if let Some(arr) = span.as_array() {
                (arr.first(), arr.get(1), arr.get(2))
            } else {
                (
                    span.get("start"),
                    span.get("end"),
                    span.get("label").or_else(|| span.get("type")),
                )
            };
            let s = s.and_then(|x| x.as_u64()).map(|x| x as usize);
            let e = e.and_then(|x| x.as_u64()).map(|x| x as usize);
            let l = l.and_then(|x| x.as_str()).and_then(Label::from_name);
            if let (Some(s), Some(e), Some(l)) = (s, e, l) {
                if let (Some(&bs), Some(&be)) = (bytes_at.get(s), bytes_at.get(e)) {
                    if bs < be {
                        gold.push((bs, be, l));
                    }
                }
            }
        }
        gold.sort_unstable();
        out.push(Example {
            text: text.to_string(),
            gold,
            tokens: None,
            domain: 0,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_and_iob1() {
        let data = "Menurut ADP O\nHaposan NOUN B-PER\nSitu NOUN I-PER\n, PUNCT O\n\nDi\tO\nKPK\tI-ORGANISATION\n";
        let ex = parse(data, Format::Conll).unwrap_or_default();
        assert_eq!(ex.len(), 2);
        assert_eq!(ex[0].text, "Menurut Haposan Situ ,");
        assert_eq!(ex[0].gold, [(8, 20, Label::Per)]);
        assert_eq!(ex[1].gold, [(3, 6, Label::Org)]);
    }

    #[test]
    fn reads_jsonl_spans() {
        let data =
            r#"{"text": "Ké Jakarta", "entities": [{"start": 3, "end": 10, "label": "LOC"}]}"#;
        let ex = parse(data, Format::Jsonl).unwrap_or_default();
        assert_eq!(ex[0].gold, [(4, 11, Label::Loc)]);
    }
}
