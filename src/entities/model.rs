//! The tagger's weights: a quantised averaged perceptron, stored in a compact binary file.
//!
//! Layout (little endian): `b"WNER"`, version `u32`, scale `f32`, feature count `u32`, then per
//! feature its `u64` hash and `N_TAGS` `i16` weights; then `(N_TAGS + 1) * N_TAGS` `i32`
//! transition weights (the last row: sequence start); then the capitalisation table: count `u32`,
//! then `u64` word hash and `u8` bucket per entry.

use super::decode::{viterbi, N_TAGS};
use super::features::{self, Scratch, TokInfo};
use super::lexicon::Lexicon;
use super::table::U64Table;
use super::tokens::Token;
use crate::error::{Error, Result};

const MAGIC: &[u8; 4] = b"WNER";
const VERSION: u32 = 1;

/// Quantised weights and the corpus capitalisation table.
#[derive(Clone, Debug)]
pub struct Model {
    weights: U64Table<[i16; N_TAGS]>,
    trans: [[i32; N_TAGS]; N_TAGS],
    start: [i32; N_TAGS],
    /// Word hash -> capitalisation bucket (see `features::cap`).
    pub caps: U64Table<u8>,
}

/// Float weights as the trainer produces them.
pub struct FloatModel {
    /// Feature hash -> per-tag weights.
    pub weights: Vec<(u64, [f32; N_TAGS])>,
    /// `trans[prev][cur]`.
    pub trans: [[f32; N_TAGS]; N_TAGS],
    /// Start weights.
    pub start: [f32; N_TAGS],
    /// Capitalisation buckets.
    pub caps: Vec<(u64, u8)>,
}

/// Buffers one tagging call reuses.
#[derive(Default, Debug)]
pub struct TagBuffers {
    infos: Vec<TokInfo>,
    scratch: Scratch,
    emissions: Vec<[i32; N_TAGS]>,
    back: Vec<[u8; N_TAGS]>,
    /// The tags of the last call.
    pub tags: Vec<usize>,
}

impl TagBuffers {
    /// Lexicon flags of the tokens of the last call.
    pub fn flags(&self) -> impl Iterator<Item = u16> + '_ {
        self.infos.iter().map(|i| i.flags)
    }

    /// Lexicon flags of the tokens of the last call, collected.
    pub fn flag_slice(&self) -> Vec<u16> {
        self.flags().collect()
    }
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
    fn i16(&mut self) -> Result<i16> {
        Ok(i16::from_le_bytes(self.arr()?))
    }
}

impl Model {
    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC || r.u32()? != VERSION {
            return Err(Error::Model("not a warta entity model (bad magic or version)".into()));
        }
        let _scale = f32::from_le_bytes(r.arr()?);
        let n = r.u32()? as usize;
        let mut weights = U64Table::with_capacity(n);
        for _ in 0..n {
            let key = r.u64()?;
            let mut w = [0i16; N_TAGS];
            for x in &mut w {
                *x = r.i16()?;
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
        let n_caps = r.u32()? as usize;
        let mut caps = U64Table::with_capacity(n_caps);
        for _ in 0..n_caps {
            let key = r.u64()?;
            let b = r.arr::<1>()?;
            caps.insert(key, b[0]);
        }
        Ok(Model {
            weights,
            trans,
            start,
            caps,
        })
    }

    /// Quantises float weights to `i16` and writes the model file. Weights whose largest
    /// magnitude is under `prune` are dropped.
    pub fn to_bytes(model: &FloatModel, prune: f32) -> Vec<u8> {
        let max = model
            .weights
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0.0f32, |m, &x| m.max(x.abs()));
        // Map the largest weight to 16000 so that sums of ~60 features stay far from i32 limits.
        let scale = if max > 0.0 { 16000.0 / max } else { 1.0 };
        let q = |x: f32| (x * scale).round().clamp(-32767.0, 32767.0) as i16;
        let kept: Vec<&(u64, [f32; N_TAGS])> = model
            .weights
            .iter()
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= prune) && w.iter().any(|&x| q(x) != 0))
            .collect();
        let mut out = Vec::with_capacity(16 + kept.len() * 22 + model.caps.len() * 9);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        for (key, w) in kept {
            out.extend_from_slice(&key.to_le_bytes());
            for &x in w {
                out.extend_from_slice(&q(x).to_le_bytes());
            }
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
        out.extend_from_slice(&(model.caps.len() as u32).to_le_bytes());
        for (key, b) in &model.caps {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(*b);
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
            &self.caps,
            headline,
            &mut buf.infos,
            &mut buf.scratch,
        );
        buf.emissions.clear();
        for i in 0..tokens.len() {
            let mut score = [0i32; N_TAGS];
            features::features(text, tokens, &buf.infos, i, |h| {
                if let Some(w) = self.weights.get(h) {
                    for (s, &x) in score.iter_mut().zip(w) {
                        *s += i32::from(x);
                    }
                }
            });
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
