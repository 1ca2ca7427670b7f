//! The tagger's weights: a quantised averaged perceptron, stored in a compact binary file.
//!
//! Layout (little endian): `b"WNER"`, version `u32`, scale `f32`, feature count `u32`, then per
//! feature its `u64` hash and `N_TAGS` `i8` weights; then `(N_TAGS + 1) * N_TAGS` `i32`
//! transition weights (the last row: sequence start); then the word table: count `u32`,
//! then `u64` word hash and `u16` value (capitalisation bucket, word class) per entry.

use super::decode::{viterbi, N_TAGS};
use super::features::{self, Part, Scratch, TokInfo};
use super::lexicon::Lexicon;
use super::local_scores::LocalScores;
use super::tokens::{Shape, Token};
use super::weights::{WeightTable, WordTable};
use crate::error::{Error, Result};

const MAGIC: &[u8; 4] = b"WNER";
/// Emission of the mention tags where no name can be: low enough to lose, far from overflow.
const OUTSIDE_ONLY: i32 = -(1 << 24);

const VERSION: u32 = 3;

/// Models a thread keeps local-feature memos for at once (the Indonesian and English
/// models, a custom one).
const MEMOS: usize = 3;

/// A process-unique id for a model just read: memos of summed weights are kept per model.
fn next_model_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Quantised weights and the corpus capitalisation table.
#[derive(Clone, Debug)]
pub struct Model {
    /// Process-unique id (clones share it: same weights).
    id: u64,
    weights: WeightTable,
    trans: [[i32; N_TAGS]; N_TAGS],
    start: [i32; N_TAGS],
    /// Word hash -> corpus capitalisation bucket and word class (see `weights::word_value`).
    pub words: WordTable,
}

/// Float weights as the trainer produces them.
pub struct FloatModel {
    /// Feature hash -> per-tag weights.
    pub weights: Vec<(u64, [f32; N_TAGS])>,
    /// `trans[prev][cur]`.
    pub trans: [[f32; N_TAGS]; N_TAGS],
    /// Start weights.
    pub start: [f32; N_TAGS],
    /// Word hash -> corpus capitalisation bucket and word class (`weights::word_value`).
    pub words: Vec<(u64, u16)>,
}

/// Buffers one tagging call reuses.
#[derive(Default, Debug)]
pub struct TagBuffers {
    infos: Vec<TokInfo>,
    scratch: Scratch,
    emissions: Vec<[i32; N_TAGS]>,
    back: Vec<[u8; N_TAGS]>,
    keys: Vec<u64>,
    places: Vec<(usize, u32, u32)>,
    /// Summed local-feature weights of recent tokens, one memo per model, latest first.
    memos: Vec<LocalScores>,
    /// The tags of the last call.
    pub tags: Vec<usize>,
}

impl TagBuffers {
    /// Lexicon flags of the tokens of the last call.
    pub fn flags(&self) -> impl Iterator<Item = u16> + '_ {
        self.infos.iter().map(|i| i.flags)
    }

    /// Whether each token of the last call was capitalised only by its position (a
    /// sentence-initial or headline word the corpus writes in lower case).
    pub fn restored_lower(&self, out: &mut Vec<bool>) {
        out.clear();
        let lower = Shape::Lower as u8;
        out.extend(
            self.infos
                .iter()
                .map(|i| i.shape == lower && i.raw_shape != lower),
        );
    }

    /// Whether each token of the last call was read as capitalised in an all-lower-case line.
    pub fn raised(&self, out: &mut Vec<bool>) {
        out.clear();
        let lower = Shape::Lower as u8;
        out.extend(
            self.infos
                .iter()
                .map(|i| i.raw_shape == lower && i.shape != lower),
        );
    }
}

/// The memo of model `id`, moved to the front; made (evicting the oldest) if missing.
fn memo_for(memos: &mut Vec<LocalScores>, id: u64) -> &mut LocalScores {
    match memos.iter().position(|m| m.model() == id) {
        Some(0) => {}
        Some(k) => memos[..=k].rotate_right(1),
        None => {
            if memos.len() >= MEMOS {
                memos.pop();
            }
            memos.insert(0, LocalScores::new(id));
        }
    }
    &mut memos[0]
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(Error::Model("entity model file is truncated".into()));
        };
        let out = self.bytes.get(self.pos..end).unwrap_or(&[]);
        self.pos = end;
        Ok(out)
    }
    fn arr<const K: usize>(&mut self) -> Result<[u8; K]> {
        let mut a = [0u8; K];
        a.copy_from_slice(self.take(K)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    fn i32(&mut self) -> Result<i32> {
        Ok(i32::from_le_bytes(self.arr()?))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
}

impl Model {
    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC || r.u32()? != VERSION {
            return Err(Error::Model(
                "not a warta entity model (bad magic or version)".into(),
            ));
        }
        let _scale = f32::from_le_bytes(r.arr()?);
        let n = r.u32()? as usize;
        let mut weights = WeightTable::with_capacity(n);
        for _ in 0..n {
            let key = r.u64()?;
            let mut w = [0i8; N_TAGS];
            for x in &mut w {
                *x = i8::from_le_bytes(r.arr::<1>()?);
            }
            weights.insert(key, w);
        }
        let mut trans = [[0i32; N_TAGS]; N_TAGS];
        for row in &mut trans {
            for x in row.iter_mut() {
                *x = r.i32()?;
            }
        }
        let mut start = [0i32; N_TAGS];
        for x in &mut start {
            *x = r.i32()?;
        }
        let n_words = r.u32()? as usize;
        let mut words = WordTable::with_capacity(n_words);
        for _ in 0..n_words {
            let key = r.u64()?;
            words.insert(key, u16::from_le_bytes(r.arr()?));
        }
        Ok(Model {
            id: next_model_id(),
            weights,
            trans,
            start,
            words,
        })
    }

    /// Quantises float weights to `i8` and writes the model file. Features whose weights
    /// all round to zero, or whose largest magnitude is under `prune`, are dropped.
    pub fn to_bytes(model: &FloatModel, prune: f32) -> Vec<u8> {
        let cap = model
            .weights
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0.0f32, |m, &x| m.max(x.abs()))
            .max(1e-6);
        let scale = super::weights::UNIT / cap;
        let q = |x: f32| super::weights::encode(x, cap);
        let kept: Vec<&(u64, [f32; N_TAGS])> = model
            .weights
            .iter()
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= prune) && w.iter().any(|&x| q(x) != 0))
            .collect();
        let mut out = Vec::with_capacity(16 + kept.len() * 15 + model.words.len() * 10);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        for (key, w) in kept {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend(w.iter().map(|&x| q(x).to_le_bytes()[0]));
        }
        let qi = |x: f32| (x * scale).round() as i32;
        for row in &model.trans {
            for &x in row {
                out.extend_from_slice(&qi(x).to_le_bytes());
            }
        }
        for &x in &model.start {
            out.extend_from_slice(&qi(x).to_le_bytes());
        }
        out.extend_from_slice(&(model.words.len() as u32).to_le_bytes());
        for (key, v) in &model.words {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// Number of weighted features.
    pub fn n_features(&self) -> usize {
        self.weights.len()
    }

    /// Tags the tokens of one paragraph; the result is in `buf.tags`.
    pub fn tag(
        &self,
        text: &str,
        tokens: &[Token],
        lex: &Lexicon,
        headline: bool,
        buf: &mut TagBuffers,
    ) {
        features::prepare(
            text,
            tokens,
            lex,
            &self.words,
            headline,
            &mut buf.infos,
            &mut buf.scratch,
        );
        buf.emissions.clear();
        // Names need a capitalised word: a token with none within one token either side is
        // outside any mention, so its features are not even computed (most tokens of prose).
        let cap = |t: &TokInfo| features::capitalised(t.shape) || t.phrase != 0;
        let memo = memo_for(&mut buf.memos, self.id);
        for (i, (tok, info)) in tokens.iter().zip(&buf.infos).enumerate() {
            let near = |k: usize| buf.infos.get(k).is_some_and(cap);
            let active = cap(info) || near(i + 1) || (i > 0 && near(i - 1));
            if !active {
                let mut forced = [OUTSIDE_ONLY; N_TAGS];
                forced[0] = 0;
                buf.emissions.push(forced);
                continue;
            }
            // Local features from the memo (or scored and remembered), then the contextual.
            let word = tok.text(text).as_bytes();
            let key = features::local_key(info);
            let mut score = match memo.get(info.lower, key, word) {
                Some(&local) => local,
                None => {
                    let mut local = [0i32; N_TAGS];
                    buf.keys.clear();
                    features::features_of(text, tokens, &buf.infos, i, Part::Local, |h| {
                        buf.keys.push(h)
                    });
                    self.weights.add_all(&buf.keys, &mut buf.places, &mut local);
                    memo.put(info.lower, key, word, &local);
                    local
                }
            };
            buf.keys.clear();
            features::features_of(text, tokens, &buf.infos, i, Part::Context, |h| {
                buf.keys.push(h)
            });
            self.weights.add_all(&buf.keys, &mut buf.places, &mut score);
            buf.emissions.push(score);
        }
        viterbi(
            &buf.emissions,
            &self.trans,
            &self.start,
            &mut buf.back,
            &mut buf.tags,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tokens::tokenize;

    /// Emissions with the local-feature memo (cold and warm) equal the plain sum of every
    /// feature's weights.
    #[test]
    fn memo_keeps_emissions_exact() {
        let Ok(model) = Model::from_bytes(crate::entities::BUILTIN_ID) else {
            panic!("built-in model");
        };
        let lex = Lexicon::builtin();
        let text = "JAKARTA - Presiden Joko Widodo bertemu Menteri Keuangan Sri Mulyani di \
                    Istana Merdeka, Jakarta. \"Kami siap,\" kata Jokowi. Presiden Joko Widodo \
                    lalu terbang ke Surabaya bersama Sri Mulyani dan Ketua KPK.";
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &mut tokens);
        let mut buf = TagBuffers::default();
        for headline in [false, false, true] {
            model.tag(text, &tokens, &lex, headline, &mut buf);
            let mut keys = Vec::new();
            let mut places = Vec::new();
            for (i, got) in buf.emissions.iter().enumerate() {
                if got[1] == OUTSIDE_ONLY {
                    continue;
                }
                keys.clear();
                features::features(text, &tokens, &buf.infos, i, |h| keys.push(h));
                // Local and contextual features are the same features, split.
                let mut split = Vec::new();
                for part in [Part::Local, Part::Context] {
                    features::features_of(text, &tokens, &buf.infos, i, part, |h| split.push(h));
                }
                let mut all = keys.clone();
                all.sort_unstable();
                split.sort_unstable();
                assert_eq!(all, split, "token {i}");
                let mut want = [0i32; N_TAGS];
                model.weights.add_all(&keys, &mut places, &mut want);
                assert_eq!(got, &want, "token {i}");
            }
        }
    }
}
