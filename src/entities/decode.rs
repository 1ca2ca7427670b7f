//! BIO tags and Viterbi decoding under the BIO constraint (I-X only after B-X or I-X).

use crate::doc::Label;

/// Number of tags: O, then B/I for PER, ORG, LOC.
pub const N_TAGS: usize = 7;
/// The outside tag.
pub const O: usize = 0;

/// The tag index of B-`label` (I- is one more).
#[inline]
pub fn begin(label: Label) -> usize {
    match label {
        Label::Per => 1,
        Label::Org => 3,
        Label::Loc => 5,
    }
}

/// The label of a tag, and whether it begins a mention.
#[inline]
pub fn label_of(tag: usize) -> Option<(Label, bool)> {
    match tag {
        1 => Some((Label::Per, true)),
        2 => Some((Label::Per, false)),
        3 => Some((Label::Org, true)),
        4 => Some((Label::Org, false)),
        5 => Some((Label::Loc, true)),
        6 => Some((Label::Loc, false)),
        _ => None,
    }
}

/// Whether `cur` may follow `prev` (`None`: sequence start).
#[inline]
pub fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    matches!(prev, Some(p) if p == cur || p + 1 == cur)
}

/// `ALLOWED[prev][cur]`: [`allowed`] for every pair of tags.
const ALLOWED: [[bool; N_TAGS]; N_TAGS] = {
    let mut table = [[false; N_TAGS]; N_TAGS];
    let mut prev = 0;
    while prev < N_TAGS {
        let mut cur = 0;
        while cur < N_TAGS {
            table[prev][cur] = cur == 0 || cur % 2 == 1 || prev == cur || prev + 1 == cur;
            cur += 1;
        }
        prev += 1;
    }
    table
};

/// Scores the decoder adds up: i32 for the quantised model, f32 while training.
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    /// A value below any reachable score.
    const FLOOR: Self;

    /// Shifts one step's scores so that they cannot grow without bound along a long
    /// sentence; the best path is unchanged by a shift shared by all tags.
    fn rebase(_row: &mut [Self; N_TAGS]) {}
}

impl Score for i32 {
    const FLOOR: i32 = i32::MIN / 4;

    // Integer sums over a sentence of millions of tokens would overflow: keep the best
    // score of each step at zero. (f32 keeps the default: its range is ample, and
    // training must stay bit-for-bit reproducible.)
    fn rebase(row: &mut [i32; N_TAGS]) {
        let peak = row.iter().copied().max().unwrap_or(0);
        for s in row.iter_mut() {
            *s = s.saturating_sub(peak).max(Self::FLOOR);
        }
    }
}

impl Score for f32 {
    const FLOOR: f32 = -1.0e30;
}

/// The best tag sequence for per-token emission scores, given transition scores
/// `trans[prev][cur]` and start scores `start[cur]`. Linear in the number of tokens.
pub fn viterbi<S: Score>(
    emissions: &[[S; N_TAGS]],
    trans: &[[S; N_TAGS]; N_TAGS],
    start: &[S; N_TAGS],
    back: &mut Vec<[u8; N_TAGS]>,
    out: &mut Vec<usize>,
) {
    out.clear();
    back.clear();
    let Some(first) = emissions.first() else {
        return;
    };
    let mut best = [S::FLOOR; N_TAGS];
    for t in 0..N_TAGS {
        if allowed(None, t) {
            best[t] = start[t] + first[t];
        }
    }
    back.push([0; N_TAGS]);
    for em in emissions.iter().skip(1) {
        // Previous tag outermost, so that the seven current tags are updated side by side;
        // per current tag the previous tags are still tried in order with a strict `>`, so
        // ties resolve as in a loop over previous tags per current tag.
        let mut top = [S::FLOOR; N_TAGS];
        let mut ptr = [0u8; N_TAGS];
        for (prev, (row, ok)) in trans.iter().zip(&ALLOWED).enumerate() {
            let from = best[prev];
            for cur in 0..N_TAGS {
                let s = from + row[cur];
                if ok[cur] && s > top[cur] {
                    top[cur] = s;
                    ptr[cur] = prev as u8;
                }
            }
        }
        let mut next = [S::FLOOR; N_TAGS];
        for cur in 0..N_TAGS {
            next[cur] = top[cur] + em[cur];
        }
        S::rebase(&mut next);
        best = next;
        back.push(ptr);
    }
    let mut tag = 0usize;
    let mut top = S::FLOOR;
    for (t, &s) in best.iter().enumerate() {
        if s > top {
            top = s;
            tag = t;
        }
    }
    out.resize(emissions.len(), O);
    for k in (0..emissions.len()).rev() {
        if let Some(slot) = out.get_mut(k) {
            *slot = tag;
        }
        tag = back.get(k).map_or(0, |b| usize::from(b[tag]));
    }
}

/// Mentions in a tag sequence: (first token, one past the last token, label).
pub fn spans(tags: &[usize], out: &mut Vec<(usize, usize, Label)>) {
    out.clear();
    let mut open: Option<(usize, Label)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let lab = label_of(tag);
        let continues = matches!((open, lab), (Some((_, l)), Some((l2, false))) if l == l2);
        if continues {
            continue;
        }
        if let Some((s, l)) = open.take() {
            out.push((s, i, l));
        }
        if let Some((l, _)) = lab {
            open = Some((i, l));
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio() {
        // Token 1 prefers I-PER but token 0 prefers O: I-PER after O is not allowed.
        let em: Vec<[f32; N_TAGS]> = vec![
            [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 0.5, 2.0, 0.0, 0.0, 0.0, 0.0],
        ];
        let trans = [[0.0f32; N_TAGS]; N_TAGS];
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi(&em, &trans, &[0.0; N_TAGS], &mut back, &mut out);
        assert_eq!(out, [1, 2]);
        let mut sp = Vec::new();
        spans(&out, &mut sp);
        assert_eq!(sp, [(0, 2, Label::Per)]);
        spans(&[0, 5, 5, 6, 0, 3], &mut sp);
        assert_eq!(
            sp,
            [(1, 2, Label::Loc), (2, 4, Label::Loc), (5, 6, Label::Org)]
        );
    }

    /// The decoder as first written (one current tag at a time), for comparison.
    fn reference(em: &[[i32; N_TAGS]], trans: &[[i32; N_TAGS]; N_TAGS]) -> Vec<usize> {
        let mut best = [i32::FLOOR; N_TAGS];
        for t in 0..N_TAGS {
            if allowed(None, t) {
                best[t] = em[0][t];
            }
        }
        let mut back = vec![[0u8; N_TAGS]];
        for e in &em[1..] {
            let mut next = [i32::FLOOR; N_TAGS];
            let mut ptr = [0u8; N_TAGS];
            for cur in 0..N_TAGS {
                let (mut top, mut arg) = (i32::FLOOR, 0);
                for prev in 0..N_TAGS {
                    let s = best[prev] + trans[prev][cur];
                    if allowed(Some(prev), cur) && s > top {
                        (top, arg) = (s, prev);
                    }
                }
                next[cur] = top + e[cur];
                ptr[cur] = arg as u8;
            }
            i32::rebase(&mut next);
            best = next;
            back.push(ptr);
        }
        let mut tag = (0..N_TAGS).fold(0, |b, t| if best[t] > best[b] { t } else { b });
        let mut out = vec![0; em.len()];
        for k in (0..em.len()).rev() {
            out[k] = tag;
            tag = usize::from(back[k][tag]);
        }
        out
    }

    #[test]
    fn viterbi_matches_reference_with_ties() {
        // Scores from a tiny range, so that ties are everywhere.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 5) as i32 - 2
        };
        for len in 1..40 {
            let trans: [[i32; N_TAGS]; N_TAGS] =
                std::array::from_fn(|_| std::array::from_fn(|_| next()));
            let em: Vec<[i32; N_TAGS]> =
                (0..len).map(|_| std::array::from_fn(|_| next())).collect();
            let (mut back, mut out) = (Vec::new(), Vec::new());
            viterbi(&em, &trans, &[0; N_TAGS], &mut back, &mut out);
            assert_eq!(out, reference(&em, &trans), "length {len}");
        }
    }
}
