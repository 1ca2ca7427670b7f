//! An open-addressing hash table keyed by `u64` hashes, for the model and the word lists.
//!
//! Keys are already well-mixed hashes, so slots are picked from their low bits and probed
//! linearly. Key and value sit side by side: one cache line per lookup on the hot path.

use super::hashing::finish;

/// A fixed-capacity table from non-zero `u64` keys to copyable values.
#[derive(Clone, Debug)]
pub struct U64Table<V: Copy> {
    slots: Vec<(u64, V)>,
    mask: usize,
    len: usize,
}

/// Slot keys are never zero: zero marks an empty slot.
#[inline]
fn slot_key(key: u64) -> u64 {
    if key == 0 {
        1
    } else {
        key
    }
}

impl<V: Copy + Default> U64Table<V> {
    /// A table with room for `n` entries at a load of at most one half.
    pub fn with_capacity(n: usize) -> U64Table<V> {
        let size = (n.max(4) * 2).next_power_of_two();
        U64Table {
            slots: vec![(0, V::default()); size],
            mask: size - 1,
            len: 0,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (finish(key) as usize) & self.mask
    }

    /// Inserts or replaces; grows when half full.
    pub fn insert(&mut self, key: u64, value: V) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let key = slot_key(key);
        let mut i = self.home(key);
        loop {
            let Some(slot) = self.slots.get_mut(i) else {
                return;
            };
            if slot.0 == 0 {
                *slot = (key, value);
                self.len += 1;
                return;
            }
            if slot.0 == key {
                slot.1 = value;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The value stored for `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&V> {
        let key = slot_key(key);
        let mut i = self.home(key);
        loop {
            let slot = self.slots.get(i)?;
            if slot.0 == key {
                return Some(&slot.1);
            }
            if slot.0 == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// A mutable reference to the value for `key`, inserting `V::default()` first if absent.
    pub fn entry(&mut self, key: u64) -> Option<&mut V> {
        if self.get(key).is_none() {
            self.insert(key, V::default());
        }
        let key = slot_key(key);
        let mut i = self.home(key);
        loop {
            // Split the borrow: find the index first, then return the mutable reference.
            let found = match self.slots.get(i) {
                Some(slot) if slot.0 == key => true,
                Some(slot) if slot.0 == 0 => return None,
                Some(_) => false,
                None => return None,
            };
            if found {
                return self.slots.get_mut(i).map(|s| &mut s.1);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Every (key, value), in slot order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &V)> {
        self.slots.iter().filter(|s| s.0 != 0).map(|s| (s.0, &s.1))
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let size = (old.len() * 2).max(8);
        self.slots = vec![(0, V::default()); size];
        self.mask = size - 1;
        self.len = 0;
        for (k, v) in old {
            if k != 0 {
                self.insert(k, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_grow() {
        let mut t: U64Table<u32> = U64Table::with_capacity(2);
        for k in 0..1000u64 {
            t.insert(k * 7919, k as u32);
        }
        assert_eq!(t.len(), 1000);
        for k in 0..1000u64 {
            assert_eq!(t.get(k * 7919), Some(&(k as u32)));
        }
        assert_eq!(t.get(3), None);
        if let Some(v) = t.entry(5) {
            *v += 2;
        }
        assert_eq!(t.get(5), Some(&2));
    }
}
