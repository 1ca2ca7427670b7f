//! The model's weight table, laid out for the hot loop: 12-byte slots (a 32-bit fingerprint
//! and seven `i8` weight codes), so a model of ~100k features stays within a couple of MB of
//! cache. Codes are square-law quantised (`value = sign * (code / 127)^2 * cap`): fine steps
//! for the many small weights, coarse ones for the few large.

use super::decode::N_TAGS;
use super::hashing::finish;

#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
struct Slot {
    /// Non-zero fingerprint of the feature hash; zero marks an empty slot.
    fp: u32,
    w: [i8; N_TAGS],
}

/// Feature hash -> quantised per-tag weights.
#[derive(Clone, Debug)]
pub struct WeightTable {
    slots: Vec<Slot>,
    mask: usize,
    len: usize,
    /// Code (offset by 128) -> integer weight.
    lut: [i32; 256],
}

/// The integer a weight of magnitude `cap` becomes.
pub const UNIT: f32 = 16384.0;

/// The code of weight `x` given the saturating magnitude `cap`.
pub fn encode(x: f32, cap: f32) -> i8 {
    let c = (127.0 * (x.abs() / cap).min(1.0).sqrt()).round();
    (c.copysign(x)) as i8
}

fn decode_table() -> [i32; 256] {
    let mut lut = [0i32; 256];
    for (i, slot) in lut.iter_mut().enumerate() {
        let c = i as f32 - 128.0;
        let mag = (c.abs() / 127.0).powi(2) * UNIT;
        *slot = mag.copysign(c).round() as i32;
    }
    lut
}

#[inline]
fn place(key: u64) -> (usize, u32) {
    let g = finish(key);
    // Home from the low bits, fingerprint from the high ones: independent of each other.
    (g as usize, ((g >> 32) as u32) | 1)
}

impl WeightTable {
    /// A table for `n` features (load at most 0.7).
    pub fn with_capacity(n: usize) -> WeightTable {
        let size = ((n.max(4) * 10) / 7 + 1).next_power_of_two();
        WeightTable {
            slots: vec![Slot::default(); size],
            mask: size - 1,
            len: 0,
            lut: decode_table(),
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Inserts a feature; a second insert of the same key replaces the first. Full tables
    /// (more inserts than the capacity given) ignore further features.
    pub fn insert(&mut self, key: u64, w: [i8; N_TAGS]) {
        if (self.len + 1) * 10 > self.slots.len() * 9 {
            return;
        }
        let (home, fp) = place(key);
        let mut i = home & self.mask;
        loop {
            let Some(slot) = self.slots.get_mut(i) else {
                return;
            };
            if slot.fp == 0 || slot.fp == fp {
                if slot.fp == 0 {
                    self.len += 1;
                }
                *slot = Slot { fp, w };
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of every feature in `keys` to `score`.
    ///
    /// Two passes: first every feature's home slot is read (independent loads the CPU overlaps,
    /// where one probe after another would wait for each cache miss in turn), then the
    /// weights are summed from slots now in cache.
    #[inline]
    pub fn add_all(
        &self,
        keys: &[u64],
        places: &mut Vec<(usize, u32, u32)>,
        score: &mut [i32; N_TAGS],
    ) {
        places.clear();
        for &key in keys {
            let (home, fp) = place(key);
            let i = home & self.mask;
            let seen = self.slots.get(i).map_or(0, |s| s.fp);
            places.push((i, fp, seen));
        }
        for &(i, fp, seen) in places.iter() {
            if seen == 0 {
                continue;
            }
            if seen == fp {
                if let Some(slot) = self.slots.get(i) {
                    self.add_slot(slot, score);
                }
                continue;
            }
            let mut j = (i + 1) & self.mask;
            while let Some(slot) = self.slots.get(j) {
                if slot.fp == fp {
                    self.add_slot(slot, score);
                    break;
                }
                if slot.fp == 0 {
                    break;
                }
                j = (j + 1) & self.mask;
            }
        }
    }

    #[inline]
    fn add_slot(&self, slot: &Slot, score: &mut [i32; N_TAGS]) {
        for (s, &x) in score.iter_mut().zip(&slot.w) {
            *s += self
                .lut
                .get((i16::from(x) + 128) as usize)
                .copied()
                .unwrap_or(0);
        }
    }

    /// Adds the weights of feature `key` to `score`, if the model has it.
    #[inline]
    pub fn add_to(&self, key: u64, score: &mut [i32; N_TAGS]) {
        let (home, fp) = place(key);
        let mut i = home & self.mask;
        loop {
            let Some(slot) = self.slots.get(i) else {
                return;
            };
            if slot.fp == fp {
                self.add_slot(slot, score);
                return;
            }
            if slot.fp == 0 {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Word hash -> what the unlabeled corpus says about the word (capitalisation bucket, word
/// class), four bytes a word: a 21-bit fingerprint above an 11-bit value.
#[derive(Clone, Debug)]
pub struct WordTable {
    slots: Vec<u32>,
    mask: usize,
    len: usize,
}

const VALUE_BITS: u32 = 11;
const VALUE_MASK: u32 = (1 << VALUE_BITS) - 1;

/// Packs a capitalisation bucket (0-7) and an optional word class (0-254) into a word value.
pub fn word_value(cap: u8, class: Option<u8>) -> u16 {
    let class = class.map_or(0, |c| u16::from(c.min(254)) + 1);
    u16::from(cap & 7) | (class << 3)
}

/// The capitalisation bucket of a word value.
pub fn value_cap(v: u16) -> u8 {
    (v & 7) as u8
}

/// The word class of a word value, plus one (0: none).
pub fn value_class(v: u16) -> u8 {
    (v >> 3) as u8
}

impl WordTable {
    /// A table for `n` words.
    pub fn with_capacity(n: usize) -> WordTable {
        let size = ((n.max(4) * 10) / 7 + 1).next_power_of_two();
        WordTable {
            slots: vec![0; size],
            mask: size - 1,
            len: 0,
        }
    }

    #[inline]
    fn place(key: u64) -> (usize, u32) {
        let g = finish(key);
        (
            g as usize,
            ((g >> 32) as u32 & !VALUE_MASK) | (1 << VALUE_BITS),
        )
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Stores the value of a word.
    pub fn insert(&mut self, key: u64, value: u16) {
        if (self.len + 1) * 10 > self.slots.len() * 9 {
            return;
        }
        let (home, fp) = Self::place(key);
        let mut i = home & self.mask;
        while let Some(slot) = self.slots.get_mut(i) {
            if *slot == 0 || *slot & !VALUE_MASK == fp {
                if *slot == 0 {
                    self.len += 1;
                }
                *slot = fp | (u32::from(value) & VALUE_MASK);
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The value of a word, if known.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u16> {
        let (home, fp) = Self::place(key);
        let mut i = home & self.mask;
        while let Some(&slot) = self.slots.get(i) {
            if slot == 0 {
                return None;
            }
            if slot & !VALUE_MASK == fp {
                return Some((slot & VALUE_MASK) as u16);
            }
            i = (i + 1) & self.mask;
        }
        None
    }
}
