//! Organisations named after a place are one mention ("Kepolisian Daerah Jawa Timur",
//! "Kedutaan Besar Amerika Serikat", "Badan Intelijen Mesir"): mentions are flat and the
//! place is part of the name. The training sets often split them into ORG + LOC, so the
//! tagger does too; this rule joins them when the organisation opens with a head that takes
//! a place complement (`data/lexicon/place_named_orgs.txt`) and the place follows directly.

use std::sync::OnceLock;

use super::cluster::Found;
use super::hashing::hash_lower;
use super::lexicon::{entries, PLACE};
use super::tokens::{tokenize, Shape, Token};
use crate::doc::Label;

/// Word hashes of each head phrase, longest first.
fn heads() -> &'static [Vec<u64>] {
    static HEADS: OnceLock<Vec<Vec<u64>>> = OnceLock::new();
    HEADS.get_or_init(|| {
        let list = include_str!("data/lexicon/place_named_orgs.txt");
        let mut toks = Vec::new();
        let mut out: Vec<Vec<u64>> = Vec::new();
        for entry in entries(list) {
            toks.clear();
            tokenize(entry, 0, entry.len(), &mut toks);
            if toks.len() <= MAX_HEAD {
                out.push(toks.iter().map(|t| hash_lower(t.text(entry))).collect());
            }
        }
        out.sort_by_key(|h| std::cmp::Reverse(h.len()));
        out
    })
}

/// Heads are at most this many words long (longer lines are ignored).
const MAX_HEAD: usize = 6;

/// The words from `at` open with a head phrase that starts before `place` (where the place
/// mention starts) and leaves at least one word before `end` outside it.
fn opens_with_head(text: &str, tokens: &[Token], at: usize, place: usize, end: usize) -> bool {
    // A lower-case head is a common noun ("polisi Jawa Timur", "pengadilan Stockport").
    if at >= place || !tokens.get(at).is_some_and(capitalised) {
        return false;
    }
    let mut words = [0u64; MAX_HEAD];
    let n = end.saturating_sub(at).min(MAX_HEAD);
    for (k, w) in words.iter_mut().take(n).enumerate() {
        *w = tokens.get(at + k).map_or(0, |t| hash_lower(t.text(text)));
    }
    heads()
        .iter()
        .any(|h| h.len() < end - at && words.get(..h.len()) == Some(h.as_slice()))
}

/// Last words that continue a known place into a longer place name ("Jawa Timur",
/// "Bandung Barat", "Amerika Serikat").
const PLACE_SUFFIXES: &[&str] = &[
    "utara", "selatan", "barat", "timur", "tengah", "tenggara", "daya", "laut", "raya", "jaya",
    "pusat", "kota", "serikat", "besar", "baru", "leste", "hulu", "hilir", "kulon", "wetan",
];

/// A place mention that opens with a known one-word place and ends in a word that is neither
/// a place nor a place suffix ("Padang Suardi"): the tagger glued a name to the place, so
/// joining it into an organisation would swallow the name.
fn glued(text: &str, tokens: &[Token], flags: &[u16], m: &Found) -> bool {
    let flag = |i: usize| flags.get(i).copied().unwrap_or(0);
    let last = m.last - 1;
    m.last - m.first >= 2
        && flag(m.first) & PLACE != 0
        && flag(last) & PLACE == 0
        && tokens.get(last).is_some_and(|t| {
            let w = t.text(text);
            !PLACE_SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(w))
        })
}

fn capitalised(t: &Token) -> bool {
    matches!(
        t.shape,
        Shape::Capital | Shape::AllCaps | Shape::Mixed | Shape::AlphaNum
    )
}

/// Joins an organisation and the place mention right after it into one organisation
/// mention; a place mention that opens with such a head ("Polda Metro Jaya" tagged LOC) is
/// an organisation. The organisation may also be words the tagger left untagged right
/// before the place ("Kedutaan Besar" + "Amerika Serikat"). `found` holds one paragraph's
/// mentions over `tokens` (`flags`: their lexicon flags); it is left sorted by start when it
/// holds a place.
pub fn join(text: &str, tokens: &[Token], flags: &[u16], found: &mut Vec<Found>) {
    if !found.iter().any(|m| m.label == Label::Loc) {
        return;
    }
    found.sort_by_key(|m| m.first);
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for m in found.iter() {
        let mut m = *m;
        if m.label == Label::Loc && m.gaz.is_none() && !glued(text, tokens, flags, &m) {
            if opens_with_head(text, tokens, m.first, m.last, m.last) {
                m.label = Label::Org;
            }
            let prev = out.last().copied();
            match prev {
                // An organisation mention ending right where the place starts.
                Some(p)
                    if p.label == Label::Org
                        && p.gaz.is_none()
                        && p.last == m.first
                        && opens_with_head(text, tokens, p.first, m.first, m.last) =>
                {
                    if let Some(last) = out.last_mut() {
                        last.last = m.last;
                    }
                    continue;
                }
                _ => {}
            }
            // Untagged capitalised words right before the place that open with a head.
            let floor = prev.map_or(0, |p| p.last);
            let mut start = m.first;
            while start > floor
                && m.first - start < 6
                && tokens.get(start - 1).is_some_and(capitalised)
            {
                start -= 1;
            }
            if let Some(at) =
                (start..m.first).find(|&at| opens_with_head(text, tokens, at, m.first, m.last))
            {
                m.first = at;
                m.label = Label::Org;
            }
        }
        out.push(m);
    }
    *found = out;
}
