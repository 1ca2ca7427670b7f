//! The user's gazetteer: exact, whole-word matches that take precedence over the model.

use super::tokens::Token;
use super::GazetteerEntry;
use crate::doc::Label;
use crate::error::{Error, Result};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A compiled gazetteer.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    automaton: AhoCorasick,
    entries: Vec<GazetteerEntry>,
}

/// A gazetteer match: token range `[first, last)` within the paragraph and the entry index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazMatch {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// The entry's type.
    pub label: Label,
    /// Index of the entry.
    pub entry: usize,
}

impl Gazetteer {
    /// Validates and compiles the entries; `None` when there are none.
    pub fn new(entries: &[GazetteerEntry]) -> Result<Option<Gazetteer>> {
        if entries.is_empty() {
            return Ok(None);
        }
        for (i, e) in entries.iter().enumerate() {
            if e.name.trim().is_empty() {
                return Err(Error::Config(format!("gazetteer entry {i}: empty name")));
            }
            if e.name.trim() != e.name {
                return Err(Error::Config(format!(
                    "gazetteer entry {i} ({:?}): name has surrounding whitespace",
                    e.name
                )));
            }
            if e.canonical.as_deref().is_some_and(|c| c.trim().is_empty()) {
                return Err(Error::Config(format!(
                    "gazetteer entry {i} ({:?}): empty canonical name",
                    e.name
                )));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(entries.iter().map(|e| e.name.as_str()))
            .map_err(|e| Error::Config(format!("gazetteer cannot be compiled: {e}")))?;
        Ok(Some(Gazetteer {
            automaton,
            entries: entries.to_vec(),
        }))
    }

    /// The entry at `i`.
    pub fn entry(&self, i: usize) -> Option<&GazetteerEntry> {
        self.entries.get(i)
    }

    /// Whole-word matches in one paragraph, leftmost-longest where they overlap, in text order.
    pub fn find(&self, text: &str, tokens: &[Token], out: &mut Vec<GazMatch>) {
        out.clear();
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return;
        };
        let Some(hay) = text.get(first.start..last.end) else {
            return;
        };
        let base = first.start;
        let mut found: Vec<GazMatch> = Vec::new();
        for m in self.automaton.find_overlapping_iter(hay) {
            let (s, e) = (base + m.start(), base + m.end());
            let Ok(a) = tokens.binary_search_by_key(&s, |t| t.start) else {
                continue;
            };
            let Ok(b) = tokens.binary_search_by_key(&e, |t| t.end) else {
                continue;
            };
            let idx = m.pattern().as_usize();
            if let Some(entry) = self.entries.get(idx) {
                found.push(GazMatch {
                    first: a,
                    last: b + 1,
                    label: entry.label,
                    entry: idx,
                });
            }
        }
        // Leftmost, then longest; a match overlapping one already kept is dropped.
        found.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
        let mut end = 0;
        for m in found {
            if m.first >= end {
                end = m.last;
                out.push(m);
            }
        }
    }
}
