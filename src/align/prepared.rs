//! The features of a sequence of units laid out for the search: flat arrays read
//! by index, computed once before the search starts, so that scoring a bead reads a
//! few numbers and merges sorted lists of integers, and allocates nothing.

use super::model::Features;

/// A sequence of units, as the search reads them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prepared {
    /// The summed length of the units before each unit, and of all: lengths are
    /// counts of characters, so that differences of these sums are exact.
    ends: Vec<f64>,
    /// The anchor keys of unit `i` are `anchors[anchor_start[i]..anchor_start[i + 1]]`.
    anchor_start: Vec<usize>,
    /// Anchor keys, each repeated as often as the unit has it, sorted within a unit.
    anchors: Vec<u64>,
    /// A 64-bit signature of each unit's anchor keys (bit `key % 64` of each): two
    /// runs of units whose signatures share no bit share no key, and most pairs the
    /// search looks at are of that kind.
    signature: Vec<u64>,
    /// The term ids of unit `i` are `terms[term_start[i]..term_start[i + 1]]`.
    term_start: Vec<usize>,
    /// Lexicon term ids, laid out as the anchors are.
    terms: Vec<u32>,
    /// The printed number of each unit.
    number: Vec<Option<u32>>,
    /// Whether each unit is a heading.
    heading: Vec<bool>,
    /// Whether each unit ends in a comma.
    continues: Vec<bool>,
    /// How much less than in full the terms weigh ([`Prepared::term_weight`]): 0,
    /// as it is by default, for a lexicon learned from enough pairs.
    term_discount: f64,
}

/// Keys with counts, one key per count: the merge that compares two units then
/// counts `min(count, count)` for each key by stepping over equal keys.
fn push_keys<K: Copy>(out: &mut Vec<K>, starts: &mut Vec<usize>, keys: &[(K, u32)]) {
    for &(key, count) in keys {
        out.extend(std::iter::repeat_n(key, count as usize));
    }
    starts.push(out.len());
}

/// How many keys a list of keys with counts holds, each as often as counted.
fn occurrences<K>(keys: &[(K, u32)]) -> usize {
    keys.iter().map(|&(_, n)| n as usize).sum()
}

impl Prepared {
    /// The features of these units.
    pub fn of(features: &[Features]) -> Self {
        let mut p = Prepared::with_capacity(features.len());
        p.reserve(features);
        for f in features {
            p.push(f);
        }
        p
    }

    /// No units yet, room for `n`.
    pub fn with_capacity(n: usize) -> Self {
        let mut ends = Vec::with_capacity(n + 1);
        ends.push(0.0);
        Prepared {
            ends,
            anchor_start: vec![0],
            term_start: vec![0],
            number: Vec::with_capacity(n),
            heading: Vec::with_capacity(n),
            continues: Vec::with_capacity(n),
            signature: Vec::with_capacity(n),
            ..Default::default()
        }
    }

    /// Room in the key lists for the keys of `features`, exactly: grown by doubling,
    /// they were a sixth of the peak memory of aligning long texts.
    pub fn reserve(&mut self, features: &[Features]) {
        self.anchors.reserve_exact(features.iter().map(|f| occurrences(&f.anchors)).sum());
        self.terms.reserve_exact(features.iter().map(|f| occurrences(&f.terms)).sum());
    }

    /// Replaces the units' lexicon terms: unit `i`'s term ids are
    /// `terms[start[i]..start[i + 1]]`, sorted, each as often as the unit has it.
    pub fn set_terms(&mut self, (start, terms): (Vec<usize>, Vec<u32>)) {
        debug_assert_eq!(start.len(), self.len() + 1);
        self.term_start = start;
        self.terms = terms;
    }

    /// Adds a unit after the others.
    pub fn push(&mut self, f: &Features) {
        self.ends.push(self.ends[self.ends.len() - 1] + f.len);
        self.signature.push(f.anchors.iter().fold(0, |sig, &(key, _)| sig | 1 << (key % 64)));
        push_keys(&mut self.anchors, &mut self.anchor_start, &f.anchors);
        push_keys(&mut self.terms, &mut self.term_start, &f.terms);
        self.number.push(f.number);
        self.heading.push(f.heading);
        self.continues.push(f.continues);
    }

    /// Units known by their lengths alone.
    pub fn lengths(len: impl IntoIterator<Item = f64>) -> Self {
        let mut ends = vec![0.0];
        for l in len {
            ends.push(ends[ends.len() - 1] + l);
        }
        let n = ends.len() - 1;
        Prepared {
            ends,
            anchor_start: vec![0; n + 1],
            signature: vec![0; n],
            term_start: vec![0; n + 1],
            number: vec![None; n],
            heading: vec![false; n],
            continues: vec![false; n],
            ..Default::default()
        }
    }

    /// The number of units.
    pub fn len(&self) -> usize {
        self.ends.len() - 1
    }

    /// The length of unit `i`.
    pub fn length(&self, i: usize) -> f64 {
        self.length_of(i, i + 1)
    }

    /// The summed length of units `start..end`.
    #[inline]
    pub fn length_of(&self, start: usize, end: usize) -> f64 {
        self.ends[end] - self.ends[start]
    }

    /// How much the terms weigh in a bead's cost: 1, in full, unless set lower
    /// ([`Prepared::set_term_weight`]).
    #[inline]
    pub fn term_weight(&self) -> f64 {
        1.0 - self.term_discount
    }

    /// Makes the terms weigh `weight` (from 0 to 1) in a bead's cost: less than in
    /// full for a lexicon learned from few pairs.
    pub fn set_term_weight(&mut self, weight: f64) {
        self.term_discount = 1.0 - weight;
    }

    /// Whether any unit has lexicon terms.
    #[inline]
    pub fn has_terms(&self) -> bool {
        !self.terms.is_empty()
    }

    /// How many anchors units `start..end` have.
    #[inline]
    pub fn anchor_count(&self, start: usize, end: usize) -> usize {
        self.anchor_start[end] - self.anchor_start[start]
    }

    /// The signature of the anchor keys of units `start..end`.
    #[inline]
    pub fn signature(&self, start: usize, end: usize) -> u64 {
        self.signature[start..end].iter().fold(0, |sig, s| sig | s)
    }

    /// The lists of anchor keys of units `start..end` (at most three units).
    #[inline]
    pub fn anchor_lists(&self, start: usize, end: usize) -> Lists<'_, u64> {
        Lists::of(&self.anchors, &self.anchor_start, start, end)
    }

    /// How many lexicon terms units `start..end` have.
    #[inline]
    pub fn term_count(&self, start: usize, end: usize) -> usize {
        self.term_start[end] - self.term_start[start]
    }

    /// The lists of term ids of units `start..end` (at most three units).
    #[inline]
    pub fn term_lists(&self, start: usize, end: usize) -> Lists<'_, u32> {
        Lists::of(&self.terms, &self.term_start, start, end)
    }

    /// The anchor keys of unit `i`, sorted, each as often as the unit has it.
    pub fn anchor_keys(&self, i: usize) -> &[u64] {
        &self.anchors[self.anchor_start[i]..self.anchor_start[i + 1]]
    }

    /// The term ids of unit `i`, sorted, each as often as the unit has it.
    pub fn term_keys(&self, i: usize) -> &[u32] {
        &self.terms[self.term_start[i]..self.term_start[i + 1]]
    }

    /// The printed number of unit `i`.
    #[inline]
    pub fn number(&self, i: usize) -> Option<u32> {
        self.number[i]
    }

    /// Whether unit `i` is a heading.
    #[inline]
    pub fn heading(&self, i: usize) -> bool {
        self.heading[i]
    }

    /// Whether units `start..end` end in a comma: the last of them does (none if
    /// there are none).
    #[inline]
    pub fn continues(&self, start: usize, end: usize) -> bool {
        end > start && self.continues[end - 1]
    }

    /// The units in groups of `k` (the last one may be shorter), known by their
    /// summed lengths: the coarse sequence whose alignment guides the fine one.
    pub fn grouped(&self, start: usize, end: usize, k: usize) -> Prepared {
        Prepared::lengths((start..end).step_by(k).map(|s| self.length_of(s, (s + k).min(end))))
    }
}

/// Up to three sorted lists of keys, read as one sorted list without merging them
/// into a new one.
#[derive(Debug, Clone, Copy)]
pub struct Lists<'a, K> {
    lists: [&'a [K]; 3],
    /// How many of `lists` are in use.
    count: usize,
}

impl<'a, K: Copy + Ord> Lists<'a, K> {
    fn of(keys: &'a [K], starts: &[usize], start: usize, end: usize) -> Self {
        debug_assert!(end - start <= 3);
        let mut lists: [&[K]; 3] = [&[]; 3];
        for (slot, i) in lists.iter_mut().zip(start..end) {
            *slot = &keys[starts[i]..starts[i + 1]];
        }
        Lists { lists, count: end - start }
    }

    /// The least key left, taken off its list.
    #[inline]
    fn next(&mut self) -> Option<K> {
        let mut best: Option<(usize, K)> = None;
        for (k, list) in self.lists.iter().enumerate() {
            if let Some(&key) = list.first()
                && best.is_none_or(|(_, b)| key < b)
            {
                best = Some((k, key));
            }
        }
        let (k, key) = best?;
        self.lists[k] = &self.lists[k][1..];
        Some(key)
    }

    /// How many keys both have, each key counted as often as both have it.
    #[inline]
    pub fn shared(self, other: Lists<'_, K>) -> usize {
        match (self.count, other.count) {
            (1, 1) => shared(self.lists[0], other.lists[0]),
            (1, _) => shared_with_several(self.lists[0], &other.lists[..other.count]),
            (_, 1) => shared_with_several(other.lists[0], &self.lists[..self.count]),
            _ => self.shared_merged(other),
        }
    }

    /// [`Lists::shared`] of several lists, merged as they are read.
    fn shared_merged(mut self, mut other: Lists<'_, K>) -> usize {
        let (mut x, mut y) = (self.next(), other.next());
        let mut shared = 0;
        while let (Some(p), Some(q)) = (x, y) {
            match p.cmp(&q) {
                std::cmp::Ordering::Less => x = self.next(),
                std::cmp::Ordering::Greater => y = other.next(),
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    x = self.next();
                    y = other.next();
                }
            }
        }
        shared
    }
}

/// How many keys a sorted list shares with several sorted lists read as one, each key
/// counted as often as both have it: for each key of `one`, how often the others
/// hold it, each of them read once from start to end, without merging them.
#[inline]
fn shared_with_several<K: Ord + Copy>(one: &[K], several: &[&[K]]) -> usize {
    let mut at = [0usize; 3];
    let (mut i, mut shared) = (0, 0);
    while i < one.len() {
        let key = one[i];
        let run = one[i..].iter().take_while(|&&k| k == key).count();
        let mut found = 0;
        for (list, at) in several.iter().zip(&mut at) {
            while *at < list.len() && list[*at] < key {
                *at += 1;
            }
            while *at < list.len() && list[*at] == key {
                *at += 1;
                found += 1;
            }
        }
        shared += run.min(found);
        i += run;
    }
    shared
}

/// How many keys two sorted lists share, each key counted as often as both have it.
///
/// Without branches on the keys' order, which the processor cannot predict: each
/// step moves on in the list whose key is not the greater, or in both.
#[inline]
fn shared<K: Ord + Copy>(left: &[K], right: &[K]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        let (x, y) = (left[i], right[j]);
        shared += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::model;

    fn f(anchors: &[(u64, u32)]) -> Features {
        Features { len: 1.0, anchors: anchors.to_vec(), ..Default::default() }
    }

    #[test]
    fn shared_keys_of_several_units_match_their_merged_lists() {
        let a = [f(&[(1, 1), (5, 2)]), f(&[(2, 1), (5, 1)]), f(&[(9, 3)])];
        let b = [f(&[(5, 2), (9, 1)]), f(&[(1, 1), (2, 2)])];
        let (pa, pb) = (Prepared::of(&a), Prepared::of(&b));
        for (sa, ea) in [(0, 1), (0, 2), (0, 3), (1, 3), (2, 3)] {
            for (sb, eb) in [(0, 1), (0, 2), (1, 2)] {
                let want = model::shared(&model::combine(&a[sa..ea]), &model::combine(&b[sb..eb]));
                assert_eq!(pa.anchor_lists(sa, ea).shared(pb.anchor_lists(sb, eb)), want, "{sa}..{ea} {sb}..{eb}");
                assert_eq!(pb.anchor_lists(sb, eb).shared(pa.anchor_lists(sa, ea)), want, "{sb}..{eb} {sa}..{ea}");
            }
        }
        assert_eq!(pa.anchor_count(0, 3), 8);
    }
}
