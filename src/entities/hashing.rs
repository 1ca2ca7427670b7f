//! Allocation-free hashing of words and feature keys.
//!
//! Features are identified by a 64-bit hash of (template, value) rather than by strings, so
//! scoring a token never builds a `String`. The mixer is the FxHash step (rotate, xor, multiply):
//! fast and good enough for keys that are themselves hashes.

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Mixes `value` into the running hash `state`.
#[inline]
pub fn mix(state: u64, value: u64) -> u64 {
    (state.rotate_left(5) ^ value).wrapping_mul(SEED)
}

/// A final avalanche so that keys differing in one bit land far apart in the table.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of raw bytes (case kept).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = mix(0, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    for &b in chunks.remainder() {
        h = mix(h, u64::from(b));
    }
    h
}

/// Hash of the lower-cased form of `word`, computed without allocating.
///
/// ASCII is folded byte by byte; other characters go through `char::to_lowercase`, so
/// "MESIR", "Mesir" and "mesir" hash alike, and so do "ÉCOLE" and "école".
#[inline]
pub fn hash_lower(word: &str) -> u64 {
    if word.is_ascii() {
        let bytes = word.as_bytes();
        let mut h = mix(0, bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            for (dst, src) in w.iter_mut().zip(chunk) {
                *dst = src.to_ascii_lowercase();
            }
            h = mix(h, u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            h = mix(h, u64::from(b.to_ascii_lowercase()));
        }
        return h;
    }
    // Non-ASCII: hash the lower-cased string as it would be allocated, char by char, so that
    // the result equals `hash_bytes(word.to_lowercase().as_bytes())` for tables built from it.
    let mut buf = [0u8; 8];
    let mut fill = 0usize;
    let mut len = 0u64;
    // The length prefix comes first and lower-casing can change the byte length: count it first.
    for c in word.chars() {
        for l in c.to_lowercase() {
            len += l.len_utf8() as u64;
        }
    }
    let mut h = mix(0, len);
    for c in word.chars() {
        for l in c.to_lowercase() {
            let mut enc = [0u8; 4];
            for &b in l.encode_utf8(&mut enc).as_bytes() {
                if let Some(slot) = buf.get_mut(fill) {
                    *slot = b;
                }
                fill += 1;
                if fill == 8 {
                    h = mix(h, u64::from_le_bytes(buf));
                    fill = 0;
                }
            }
        }
    }
    for &b in buf.iter().take(fill) {
        h = mix(h, u64::from(b));
    }
    h
}

/// Hash of the first or last `n_chars` lower-cased characters of `word` (prefix/suffix features).
#[inline]
pub fn hash_affix(word: &str, from_end: bool, n_chars: usize) -> u64 {
    let mut h = mix(if from_end { 0xa11 } else { 0xb22 }, n_chars as u64);
    if from_end {
        for c in word.chars().rev().take(n_chars) {
            for l in c.to_lowercase() {
                h = mix(h, u64::from(l));
            }
        }
    } else {
        for c in word.chars().take(n_chars) {
            for l in c.to_lowercase() {
                h = mix(h, u64::from(l));
            }
        }
    }
    h
}

/// A `Hasher` for small per-article maps: the FxHash step over the written bytes.
#[derive(Default, Clone, Copy, Debug)]
pub struct FxHasher {
    state: u64,
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.state = mix(self.state, hash_bytes(bytes));
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.state = mix(self.state, u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.state = mix(self.state, i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        finish(self.state)
    }
}

/// `BuildHasher` for [`FxHasher`].
pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_matches_allocated_lowercase() {
        for w in [
            "Mesir",
            "MESIR",
            "Ça",
            "ÉCOLE",
            "abcdefghijKLMNOP",
            "İstanbul",
            "x",
        ] {
            assert_eq!(
                hash_lower(w),
                hash_bytes(w.to_lowercase().as_bytes()),
                "{w}"
            );
        }
        assert_eq!(hash_lower("Mesir"), hash_lower("mesir"));
    }
}
