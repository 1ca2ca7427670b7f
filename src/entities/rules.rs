//! Rules that repair the tagger's output with article-level evidence.

use super::cluster::{Article, Found};
use super::hashing::FxHashMap;
use super::lexicon::{FUNCTION, LOC_CUE, ORG_HEAD, PLACE, TIME, TITLE};
use super::roles::is_honorific;
use super::tokens::{Shape, Token};
use crate::doc::Label;

fn capitalised(t: &Token) -> bool {
    matches!(
        t.shape,
        Shape::Capital | Shape::AllCaps | Shape::Mixed | Shape::AlphaNum
    )
}

/// Lower-case words allowed inside a long form ("Badan Usaha Milik Negara", "Komisi untuk Orang Hilang").
const INNER: &[&str] = &[
    "dan", "untuk", "dari", "bagi", "atas", "of", "for", "and", "the", "de", "la",
];

/// "Pemerintah Kesepakatan Nasional (GNA)": a run of capitalised words right before a
/// parenthesised acronym is a name even when the tagger missed it. Organisation unless the
/// run opens with a place cue. Leading titles ("Wakil Ketua") stay out of it.
pub fn long_forms(text: &str, tokens: &[Token], flags: &[u16], found: &mut Vec<Found>) {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let flag = |i: usize| flags.get(i).copied().unwrap_or(0);
    let mut added = Vec::new();
    let mut covered = vec![false; tokens.len()];
    let mut ends = vec![false; tokens.len() + 1];
    for m in found.iter() {
        for c in covered.iter_mut().take(m.last).skip(m.first) {
            *c = true;
        }
        if let Some(e) = ends.get_mut(m.last) {
            *e = true;
        }
    }
    for open in 1..tokens.len() {
        if word(open) != "(" || word(open + 2) != ")" {
            continue;
        }
        let short = word(open + 1);
        if short.chars().filter(|c| c.is_uppercase()).count() < 2 || short.chars().count() > 10 {
            continue;
        }
        if ends.get(open).copied().unwrap_or(true) || covered.get(open).copied().unwrap_or(true) {
            continue; // the tagger has a mention ending here: trust it
        }
        let mut first = open;
        while first > 0 && open - first < 12 {
            let Some(t) = tokens.get(first - 1) else {
                break;
            };
            // A word the tagger already put in a mention is not part of this name
            // ("Tripoli dan Tentara Nasional Libya (LNA)").
            if covered.get(first - 1).copied().unwrap_or(true) {
                break;
            }
            if capitalised(t) || (INNER.contains(&word(first - 1)) && first < open) {
                first -= 1;
            } else {
                break;
            }
        }
        // Inner lower-case words cannot open the run; titles and honorifics are not part of it.
        while first < open
            && (!tokens.get(first).is_some_and(capitalised)
                || flag(first) & TITLE != 0
                || is_honorific(word(first))
                || flag(first) & FUNCTION != 0 && flag(first) & ORG_HEAD == 0)
        {
            first += 1;
        }
        let taken = covered
            .get(first..open)
            .is_none_or(|c| c.iter().any(|&x| x));
        if open - first < 2 || taken {
            continue;
        }
        for c in covered.iter_mut().take(open).skip(first) {
            *c = true;
        }
        let label = if flag(first) & LOC_CUE != 0 {
            Label::Loc
        } else {
            Label::Org
        };
        added.push(Found {
            first,
            last: open,
            label,
            gaz: None,
        });
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| m.first);
    }
}

/// One sense per article: a name the tagger found once is the same name elsewhere in the
/// article. Adds mentions for untagged capitalised occurrences of (a) every mention's full
/// surface form and (b) single words of multi-word person names ("Bashagha", "Zulkifli").
pub fn propagate(art: &Article, found: &mut Vec<Found>) {
    let word = |i: usize| art.tokens.get(i).map_or("", |t| t.text(art.text));
    // Surface form (as token words) -> label. Longest forms are tried first.
    let mut forms: FxHashMap<Vec<&str>, Label> = FxHashMap::default();
    for m in found.iter() {
        let words: Vec<&str> = (m.first..m.last).map(word).collect();
        if m.label == Label::Per && m.last - m.first >= 2 {
            for k in m.first..m.last {
                let w = word(k);
                let f = art.flags.get(k).copied().unwrap_or(0);
                let usable = art.tokens.get(k).is_some_and(|t| t.shape == Shape::Capital)
                    && w.chars().count() >= 3
                    && f & (TITLE | FUNCTION | PLACE | TIME) == 0;
                if usable {
                    forms.entry(vec![w]).or_insert(Label::Per);
                }
            }
        }
        forms.entry(words).or_insert(m.label);
        // "Tentara Nasional Libya (LNA)": the acronym is a name of the same type.
        let (open, short, close) = (m.last, m.last + 1, m.last + 2);
        let upper = word(short).chars().filter(|c| c.is_uppercase()).count();
        if word(open) == "(" && word(close) == ")" && upper >= 2 && m.last - m.first >= 2 {
            forms.entry(vec![word(short)]).or_insert(m.label);
        }
    }
    if forms.is_empty() {
        return;
    }
    // Long forms are rare; capping the length keeps the scan linear on any input.
    let max_len = forms.keys().map(Vec::len).max().unwrap_or(1).min(8);
    let mut covered = vec![false; art.tokens.len()];
    for m in found.iter() {
        for c in covered.iter_mut().take(m.last).skip(m.first) {
            *c = true;
        }
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < art.tokens.len() {
        // A common word capitalised only by its position ("Indah sekali ...") is no name.
        let starts = !covered.get(i).copied().unwrap_or(true)
            && !art.positional.get(i).copied().unwrap_or(false)
            && art.tokens.get(i).is_some_and(capitalised);
        let mut hit = None;
        if starts {
            for len in (1..=max_len).rev() {
                let end = i + len;
                if end > art.tokens.len()
                    || art.para.get(i) != art.para.get(end - 1)
                    || covered.get(i..end).is_none_or(|c| c.iter().any(|&x| x))
                {
                    continue;
                }
                // The next token must not continue a longer capitalised name.
                if art
                    .tokens
                    .get(end)
                    .is_some_and(|t| t.shape == Shape::Capital)
                    && art.para.get(end) == art.para.get(i)
                {
                    continue;
                }
                let key: Vec<&str> = (i..end).map(word).collect();
                if let Some(&label) = forms.get(&key) {
                    hit = Some((end, label));
                    break;
                }
            }
        }
        match hit {
            Some((end, label)) => {
                added.push(Found {
                    first: i,
                    last: end,
                    label,
                    gaz: None,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| m.first);
    }
}
