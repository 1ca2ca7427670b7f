//! Hand-built features of a token in context, as 64-bit hashes.
//!
//! Each feature is `mix(template, value)`; the model looks the hash up in its weight table.
//! Nothing here allocates per token: word values are hashes computed once per token.

use super::hashing::{hash_affix, hash_lower, mix};
use super::lexicon::{self, Lexicon, Phrase};
use super::tokens::{Shape, Token};
use super::weights::{value_cap, value_class, WordTable};

/// Corpus capitalisation bucket: how often a word is capitalised mid-sentence.
pub mod cap {
    /// Not seen often enough in the unlabeled corpus.
    pub const UNKNOWN: u8 = 0;
    /// Capitalised under 5% of the time.
    pub const LOWER: u8 = 1;
    /// 5-50%.
    pub const MOSTLY_LOWER: u8 = 2;
    /// 50-95%.
    pub const MOSTLY_UPPER: u8 = 3;
    /// Over 95%.
    pub const UPPER: u8 = 4;
}

/// What the features need to know about one token, computed once.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokInfo {
    /// Hash of the lower-cased word.
    pub lower: u64,
    /// Orthographic class after case restoration in headlines.
    pub shape: u8,
    /// The shape as written.
    pub raw_shape: u8,
    /// Lexicon flags.
    pub flags: u16,
    /// Corpus capitalisation bucket.
    pub cap: u8,
    /// Self-labelled class: how a first model usually tagged the word in the corpus.
    pub class: u8,

    /// Known multi-word phrase: 0 none, 1/2 place first/inside, 3/4 organisation first/inside.
    pub phrase: u8,
    /// First word of a sentence.
    pub sent_start: bool,
    /// Hyphenated word.
    pub hyphen: bool,
    /// Length in bytes, bucketed.
    pub len: u8,
    /// Position in the run of capitalised words holding the token (0: not in one).
    pub run_pos: u8,
    /// Length of that run, capped at 5.
    pub run_len: u8,
    /// Lexicon flags of the run's earlier words, or'ed.
    pub run_before: u16,
    /// Lexicon flags of the run's later words, or'ed.
    pub run_after: u16,
    /// The word before the run (its lower-case hash).
    pub run_prev: u64,
    /// The word after the run.
    pub run_next: u64,
    /// Lexicon flags of the word before the run ("band" before "The Abdabs").
    pub run_prev_flags: u16,
    /// The run's first word ("SMK" in "SMK Negeri I Limboto").
    pub run_first: u64,
    /// The run's last word ("FC" in "Sriwijaya FC"): names often end in a type word.
    pub run_last: u64,
    /// A roman numeral ("II", "VI"), common inside names of units, schools and rulers.
    pub roman: bool,
    /// The run holds a roman numeral.
    pub run_roman: bool,
}

/// Whether a token shape code is a capitalised one (names, acronyms, initials).
pub(crate) fn capitalised(shape: u8) -> bool {
    shape == Shape::Capital as u8
        || shape == Shape::AllCaps as u8
        || shape == Shape::Mixed as u8
        || shape == Shape::Initial as u8
        || shape == Shape::AlphaNum as u8
}

/// The self-labelled class of a word seen `total` times in the unlabeled corpus, `inside`
/// of them inside a first model's PER, ORG and LOC mentions: 0 none or rare, then per label
/// (PER 1-2, ORG 3-4, LOC 5-6) a weak and a strong share; 7 when mentions disagree.
pub fn label_class(total: u32, inside: [u32; 3]) -> u8 {
    let sum: u32 = inside.iter().sum();
    if total < 3 || sum * 10 < total {
        return 0;
    }
    let (best, &n) = inside
        .iter()
        .enumerate()
        .max_by_key(|&(k, &n)| (n, std::cmp::Reverse(k)))
        .unwrap_or((0, &0));
    if n * 10 < sum * 7 {
        return 7;
    }
    let strong = u8::from(n * 2 >= total);
    1 + 2 * best as u8 + strong
}

/// Fills the capitalised-run fields: names are runs of capitalised words, and what opens the
/// run ("Menteri", "Kabupaten") or precedes it ("di", "kata") says what the run is.
fn mark_runs(infos: &mut [TokInfo]) {
    let mut a = 0;
    while a < infos.len() {
        if !infos.get(a).is_some_and(|t| capitalised(t.shape)) {
            a += 1;
            continue;
        }
        let mut b = a;
        while infos.get(b).is_some_and(|t| capitalised(t.shape)) {
            b += 1;
        }
        let prev = a
            .checked_sub(1)
            .and_then(|k| infos.get(k))
            .map_or(BOUNDARY, |t| t.lower);
        let next = infos.get(b).map_or(BOUNDARY, |t| t.lower);
        let prev_flags = a
            .checked_sub(1)
            .and_then(|k| infos.get(k))
            .map_or(0, |t| t.flags);
        let len = (b - a).min(5) as u8;
        let first = infos.get(a).map_or(BOUNDARY, |t| t.lower);
        let last = infos.get(b - 1).map_or(BOUNDARY, |t| t.lower);
        let roman = infos.get(a..b).is_some_and(|r| r.iter().any(|t| t.roman));
        let mut before = 0u16;
        for k in a..b {
            if let Some(t) = infos.get_mut(k) {
                t.run_pos = (k - a + 1).min(4) as u8;
                t.run_len = len;
                t.run_before = before;
                t.run_prev = prev;
                t.run_next = next;
                t.run_prev_flags = prev_flags;
                t.run_first = first;
                t.run_last = last;
                t.run_roman = roman;
                before |= t.flags;
            }
        }
        let mut after = 0u16;
        for k in (a..b).rev() {
            if let Some(t) = infos.get_mut(k) {
                t.run_after = after;
                after |= t.flags;
            }
        }
        a = b;
    }
}

const BOUNDARY: u64 = 0xdead_beef;

/// Fills `infos` for the tokens of one paragraph.
///
/// `headline`: the paragraph is a title or subheading, whose capitals say little; capitalised
/// words the corpus usually writes in lower case are then treated as lower case.
pub fn prepare(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    words: &WordTable,
    headline: bool,
    infos: &mut Vec<TokInfo>,
    scratch: &mut Scratch,
) {
    infos.clear();
    lexicon::lower_hashes(text, tokens, &mut scratch.lowers);
    lex.mark_phrases(&scratch.lowers, &mut scratch.phrases);
    let n_words = tokens.iter().filter(|t| t.shape != Shape::Punct).count();
    let capitalised = tokens
        .iter()
        .filter(|t| matches!(t.shape, Shape::Capital | Shape::AllCaps))
        .count();
    // A line where nearly every word is capitalised is a headline whatever its kind.
    let headline = headline || (n_words >= 4 && capitalised * 10 >= n_words * 8);
    // A line written all in lower case (social posts, lower-cased data): words the corpus
    // capitalises, and listed names, are read as capitalised so the tagger can see them.
    let any_capital = tokens.iter().any(|t| {
        matches!(
            t.shape,
            Shape::Capital | Shape::AllCaps | Shape::Mixed | Shape::Initial
        )
    });
    let lower_line = n_words >= 3 && !any_capital;
    // A line in capitals ("PEJABAT TINGGI MESIR KUNJUNGI LIBYA"): words the corpus writes in
    // lower case are read as lower case, other words as capitalised, known acronyms as written.
    let all_caps = tokens.iter().filter(|t| t.shape == Shape::AllCaps).count();
    let caps_line = n_words >= 3 && all_caps * 10 >= n_words * 8;
    let mut sent_start = true;
    for (k, tok) in tokens.iter().enumerate() {
        let lower = scratch.lowers.get(k).copied().unwrap_or(0);
        let flags = lex.flags(lower);
        let value = words.get(lower).unwrap_or(0);
        let cap = value_cap(value);
        let class = value_class(value);
        let raw_shape = tok.shape as u8;
        let mut shape = raw_shape;
        let restorable = tok.shape == Shape::Capital
            && (cap == cap::LOWER || (cap == cap::MOSTLY_LOWER && headline))
            && flags & (lexicon::PLACE | lexicon::ORG | lexicon::GIVEN) == 0;
        if restorable && (headline || sent_start) {
            shape = Shape::Lower as u8;
        }
        let raisable = tok.shape == Shape::Lower
            && flags & lexicon::FUNCTION == 0
            && (cap == cap::UPPER
                || cap == cap::MOSTLY_UPPER
                || flags & (lexicon::PLACE | lexicon::ORG | lexicon::GIVEN) != 0);
        if lower_line && raisable {
            shape = Shape::Capital as u8;
        }
        if caps_line && tok.shape == Shape::AllCaps && !lex.is_org_acronym(tok.text(text)) {
            let common = flags & lexicon::FUNCTION != 0
                || (matches!(cap, cap::LOWER | cap::MOSTLY_LOWER)
                    && flags & (lexicon::PLACE | lexicon::ORG | lexicon::GIVEN) == 0);
            shape = if common {
                Shape::Lower as u8
            } else {
                Shape::Capital as u8
            };
        }
        let phrase = match scratch.phrases.get(k) {
            Some((Phrase::Place, true)) => 1,
            Some((Phrase::Place, false)) => 2,
            Some((Phrase::Org, true)) => 3,
            Some((Phrase::Org, false)) => 4,
            _ => 0,
        };
        let len = (tok.end - tok.start).min(12) as u8;
        let t = tok.text(text);
        let roman = tok.shape == Shape::AllCaps
            && t.len() <= 4
            && t.bytes().all(|c| matches!(c, b'I' | b'V' | b'X'));
        infos.push(TokInfo {
            lower,
            shape,
            raw_shape,
            flags,
            cap,
            class,
            phrase,
            sent_start,
            hyphen: tok.hyphen,
            len,
            roman,
            ..TokInfo::default()
        });
        // Quotes and brackets after a full stop keep the next word sentence-initial.
        sent_start = match t {
            "." | "!" | "?" | ":" => true,
            "\"" | "“" | "'" | "‘" | "(" | "-" | "–" | "—" => sent_start,
            _ => false,
        };
    }
    mark_runs(infos);
}

/// Buffers reused across paragraphs.
#[derive(Default, Debug)]
pub struct Scratch {
    lowers: Vec<u64>,
    phrases: Vec<(Phrase, bool)>,
}

#[inline]
fn f(template: u64, value: u64) -> u64 {
    mix(mix(0x9e37_79b9, template), value)
}

#[inline]
fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(mix(mix(0x7f4a_7c15, template), a), b)
}

/// Which features a call emits.
///
/// A feature is *token-local* when it reads nothing but the token's own text (`lower` and
/// whatever else follows from the text alone) and the fields [`local_key`] packs; the tagger
/// caches the summed weights of a token's local features per
/// distinct (text, key) and only looks up the *contextual* ones for each token. A new feature
/// goes through `out.local` only if it reads nothing else (else `out.context`); a local
/// feature that reads a new field must add that field to [`local_key`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Every feature, in one order (training and evaluation).
    All,
    /// Only the token-local features.
    Local,
    /// Only the contextual features.
    Context,
}

/// Routes each feature to `emit` if the call asked for its part.
struct Out<F> {
    local: bool,
    context: bool,
    emit: F,
}

impl<F: FnMut(u64)> Out<F> {
    #[inline(always)]
    fn local(&mut self, h: u64) {
        if self.local {
            (self.emit)(h);
        }
    }
    #[inline(always)]
    fn context(&mut self, h: u64) {
        if self.context {
            (self.emit)(h);
        }
    }
}

/// The fields of a token's [`TokInfo`] that its local features read besides its text,
/// packed into one word: tokens with equal text and equal keys have equal local features.
#[inline]
pub fn local_key(t: &TokInfo) -> u64 {
    u64::from(t.shape)
        | u64::from(t.raw_shape) << 8
        | u64::from(t.flags) << 16
        | u64::from(t.cap) << 32
        | u64::from(t.phrase) << 40
        | u64::from(t.len) << 48
        | u64::from(t.sent_start) << 56
        | u64::from(t.hyphen) << 57
        | u64::from(t.class) << 58
}

/// Calls `emit` with every feature hash of token `i`.
#[inline]
pub fn features(text: &str, tokens: &[Token], infos: &[TokInfo], i: usize, emit: impl FnMut(u64)) {
    features_of(text, tokens, infos, i, Part::All, emit);
}

/// Calls `emit` with the feature hashes of token `i` of one part, in the order of
/// [`features`].
#[inline]
pub fn features_of(
    text: &str,
    tokens: &[Token],
    infos: &[TokInfo],
    i: usize,
    part: Part,
    emit: impl FnMut(u64),
) {
    let mut out = Out {
        local: part != Part::Context,
        context: part != Part::Local,
        emit,
    };
    let Some(cur) = infos.get(i) else { return };
    let at = |k: isize| -> Option<&TokInfo> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            infos.get(j as usize)
        }
    };
    let word = |k: isize| at(k).map_or(BOUNDARY, |t| t.lower);
    let shape = |k: isize| at(k).map_or(99, |t| u64::from(t.shape));
    let (p1, n1) = (word(-1), word(1));
    let (sp, sn) = (shape(-1), shape(1));
    let sc = u64::from(cur.shape);

    out.local(f(1, 0));
    out.local(f(2, cur.lower));
    out.context(f(3, p1));
    out.context(f(4, n1));
    out.context(f(5, word(-2)));
    out.context(f(6, word(2)));
    out.local(f(7, sc));
    out.context(f(8, sp));
    out.context(f(9, sn));
    out.context(f(10, mix(mix(sp, sc), sn)));
    out.context(f2(11, p1, cur.lower));
    out.context(f2(12, cur.lower, n1));
    out.context(f2(13, sc, p1));
    out.context(f2(14, sc, n1));
    out.context(f2(15, mix(sp, sc), word(-2)));
    out.local(f(16, mix(u64::from(cur.sent_start), sc)));
    out.local(f(17, mix(u64::from(cur.cap), sc)));
    out.context(f(18, mix(u64::from(at(-1).map_or(9, |t| t.cap)), sp)));
    out.context(f(19, mix(u64::from(at(1).map_or(9, |t| t.cap)), sn)));
    out.local(f(20, mix(u64::from(cur.raw_shape), sc)));
    out.local(f(21, mix(u64::from(cur.len), sc)));
    out.local(f(22, mix(u64::from(cur.hyphen), sc)));
    let cc = u64::from(cur.class);
    out.local(f(63, mix(cc, sc)));
    if out.context {
        let class = |k: isize| at(k).map_or(99, |t| u64::from(t.class));
        out.context(f2(64, class(-1), cc));
        out.context(f2(65, cc, class(1)));
    }
    if out.context && cur.run_pos != 0 {
        let pos = mix(u64::from(cur.run_pos), u64::from(cur.run_len));
        out.context(f(24, pos));
        out.context(f2(25, cur.run_prev, u64::from(cur.run_pos == 1)));
        out.context(f2(26, cur.run_next, u64::from(cur.run_pos == cur.run_len)));
        out.context(f2(27, cur.run_prev, pos));
        if cur.run_len >= 2 {
            out.context(f2(60, cur.run_first, pos));
            out.context(f2(61, cur.run_last, pos));
            if cur.run_roman {
                out.context(f(62, mix(pos, u64::from(cur.roman))));
            }
        }
        for bit in 0..lexicon::FLAG_BITS {
            if cur.run_before & (1 << bit) != 0 {
                out.context(f(28, mix(u64::from(bit), pos)));
            }
            if cur.run_after & (1 << bit) != 0 {
                out.context(f(29, mix(u64::from(bit), pos)));
            }
            if cur.run_prev_flags & (1 << bit) != 0 {
                out.context(f(35, mix(u64::from(bit), pos)));
            }
        }
    }
    if cur.phrase != 0 {
        out.local(f(23, u64::from(cur.phrase)));
    }
    // The token's own flags are local, its neighbours' contextual.
    for (template, info, local) in [
        (30u64, Some(cur), true),
        (31, at(-1), false),
        (32, at(1), false),
        (33, at(-2), false),
        (34, at(2), false),
    ] {
        let flags = info.map_or(0, |t| t.flags);
        for bit in 0..lexicon::FLAG_BITS {
            if flags & (1 << bit) != 0 {
                let h = f(template, mix(u64::from(bit), sc));
                if local {
                    out.local(h);
                } else {
                    out.context(h);
                }
            }
        }
    }
    if out.local && cur.shape != Shape::Punct as u8 {
        let tok = tokens.get(i).map_or("", |t| t.text(text));
        if tok.len() > 2 {
            for n in 2..=4 {
                out.local(f(40 + n as u64, hash_affix(tok, false, n)));
                out.local(f(50 + n as u64, hash_affix(tok, true, n)));
            }
        }
    }
}

/// The hash of a word as the features see it (for callers that build tables).
pub fn word_hash(word: &str) -> u64 {
    hash_lower(word)
}

#[cfg(test)]
mod tests {
    use super::label_class;

    #[test]
    fn label_classes() {
        // Rare or seldom tagged words have no class.
        assert_eq!(label_class(2, [2, 0, 0]), 0);
        assert_eq!(label_class(100, [5, 0, 0]), 0);
        // Mostly a person, strongly then weakly.
        assert_eq!(label_class(10, [9, 1, 0]), 2);
        assert_eq!(label_class(100, [20, 2, 0]), 1);
        // Places and organisations.
        assert_eq!(label_class(10, [0, 0, 8]), 6);
        assert_eq!(label_class(10, [0, 4, 0]), 3);
        // Labels that disagree.
        assert_eq!(label_class(10, [3, 3, 3]), 7);
    }
}
