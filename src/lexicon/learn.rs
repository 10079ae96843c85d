//! Term correspondences learned from the paired units themselves.
//!
//! Units paired by structure are parallel data. Each unit becomes a set of terms
//! (its language profile's: Chinese character bigrams, Russian stems); a Chinese and a
//! Russian term are linked when they occur together in at least two pairs (the
//! aligner asks three of a lexicon learned from many) and their Dice coefficient is
//! the best the Chinese term has and near the best the Russian term has (competitive
//! linking against indirect associations, as hunalign's `-realign` and Melamed's
//! linking do; measured on the Charter, Dice ties with G² and IBM Model 1 at this
//! scale). Every unit's terms are kept as sorted integer ids, so that a pair is scored
//! by merging two sorted lists.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use crate::lang::Lang;

/// A learned zh–ru lexicon with the vocabulary of each side.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Term (as its [`term_hash`]) → id, per side (in the order of the pair's
    /// languages). Ids are given in the order terms are first seen; the map is only
    /// looked up, never iterated.
    vocab: [HashMap<u64, u32, BuildHasherDefault<U64Hasher>>; 2],
    /// For each term id of a side, the ids of the other side's terms it is linked to, sorted.
    links: [Vec<Vec<u32>>; 2],
}

/// A unit's terms: sorted, distinct ids.
pub type Keys = Vec<u32>;

/// The [`Keys`] of many units in one list, unit `i`'s at `ids[start[i]..start[i + 1]]`:
/// one allocation for all the units of a text, where a list each was a tenth of the
/// memory of aligning a long one, and as long to free as to fill.
#[derive(Debug, Clone)]
pub struct KeyLists {
    start: Vec<usize>,
    ids: Vec<u32>,
}

impl Default for KeyLists {
    fn default() -> Self {
        KeyLists { start: vec![0], ids: Vec::new() }
    }
}

impl KeyLists {
    /// An empty list with room for the keys of `units` units, `ids` in all.
    fn with_capacity(units: usize, ids: usize) -> KeyLists {
        let mut start = Vec::with_capacity(units + 1);
        start.push(0);
        KeyLists { start, ids: Vec::with_capacity(ids) }
    }

    /// How many units' keys the list holds.
    pub fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// Whether it holds no unit's keys.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys of unit `i`.
    pub fn get(&self, i: usize) -> &[u32] {
        &self.ids[self.start[i]..self.start[i + 1]]
    }

    /// The keys of each unit, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        self.start.windows(2).map(|w| &self.ids[w[0]..w[1]])
    }

    /// Adds the keys of a unit after the others.
    pub fn push(&mut self, keys: &[u32]) {
        self.ids.extend_from_slice(keys);
        self.start.push(self.ids.len());
    }

    /// The lists of `parts`, one after the other, in one.
    pub fn concat(parts: Vec<KeyLists>) -> KeyLists {
        let mut out =
            KeyLists::with_capacity(parts.iter().map(KeyLists::len).sum(), parts.iter().map(|p| p.ids.len()).sum());
        for p in parts {
            let base = out.ids.len();
            out.start.extend(p.start[1..].iter().map(|s| s + base));
            out.ids.extend_from_slice(&p.ids);
        }
        out
    }
}

/// Pairs whose term sets are larger than this product are left out of learning:
/// a unit of thousands of characters says little about any one term.
const MAX_PRODUCT: usize = 40_000;

/// A term as a number: rustc-hash's hash of its UTF-8 bytes (fixed seeds, the same
/// on every run; it passes the SMHasher3 suite on its 64 bits, and is a few times
/// quicker than SipHash on the short terms every word of a text gives). Two terms of
/// one text sharing a hash is a chance of about one in 10^9 even with 10^5 terms; the
/// hash itself is never written out.
fn term_hash(term: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(term.as_bytes());
    h.finish()
}

/// The hasher of maps whose keys are already hashes, or pairs of ids: one
/// multiplication (FxHash's) spreads them over the table.
#[derive(Debug, Clone, Copy, Default)]
pub struct U64Hasher(u64);

impl Hasher for U64Hasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
}

impl Lexicon {
    /// Learns from paired texts, given as (Chinese-side text, Russian-side text) in
    /// the order of `langs`.
    pub fn learn(langs: [Lang; 2], pairs: &[[&str; 2]]) -> Lexicon {
        let mut lex = Lexicon::default();
        let units: Vec<[Keys; 2]> = pairs.iter().map(|p| [0, 1].map(|s| lex.intern(s, langs[s], p[s]))).collect();
        lex.learn_links(units.iter().map(|[a, b]| [a.as_slice(), b.as_slice()]), false, 2);
        lex
    }

    /// Links the terms of the vocabulary that occur together in `pairs` (the keys
    /// [`Lexicon::intern`] gave each side of a pair of units), as [`Lexicon::learn`]
    /// does; with `mutual`, only terms that are each other's best (ties included),
    /// for fewer and surer links; only terms that occur together in at least
    /// `together` pairs (2 or more). Links already made (a glossary's) are kept.
    pub fn learn_links<'k>(&mut self, pairs: impl IntoIterator<Item = [&'k [u32]; 2]>, mutual: bool, together: u32) {
        let n = [self.vocab[0].len(), self.vocab[1].len()];
        let pairs: Vec<[&[u32]; 2]> = pairs.into_iter().collect();
        let mut freq = [vec![0u32; n[0]], vec![0u32; n[1]]];
        for u in &pairs {
            for s in 0..2 {
                for &id in u[s] {
                    freq[s][id as usize] += 1;
                }
            }
        }
        let counted = cooccurrences(&pairs, &freq, n, together.max(2));
        drop(pairs);
        let scored = || {
            counted
                .iter()
                .flatten()
                .map(|&(a, b, c)| (a, b, 2.0 * f64::from(c) / f64::from(freq[0][a as usize] + freq[1][b as usize])))
        };
        let mut best = [vec![0f64; n[0]], vec![0f64; n[1]]];
        for (a, b, d) in scored() {
            best[0][a as usize] = best[0][a as usize].max(d);
            best[1][b as usize] = best[1][b as usize].max(d);
        }
        for (side, &len) in self.links.iter_mut().zip(&n) {
            side.resize(len, Vec::new());
        }
        for (a, b, d) in scored() {
            let (ba, bb) = (best[0][a as usize], best[1][b as usize]);
            let linked = d >= 0.3
                && if mutual { d >= ba && d >= bb } else { (d >= ba && d >= 0.5 * bb) || (d >= bb && d >= 0.5 * ba) };
            if linked {
                self.links[0][a as usize].push(b);
                self.links[1][b as usize].push(a);
            }
        }
        for side in &mut self.links {
            for l in side.iter_mut() {
                l.sort_unstable();
                l.dedup();
            }
        }
    }

    /// Adds the terms of `text` to side `s`'s vocabulary and returns its keys.
    pub fn intern(&mut self, s: usize, lang: Lang, text: &str) -> Keys {
        let mut keys = Vec::new();
        intern_into(&mut self.vocab[s], lang, text, &mut keys);
        keys
    }

    /// [`Lexicon::intern`] of many texts of each side, in order (both sides at once).
    pub fn intern_all(&mut self, langs: [Lang; 2], texts: [&[&str]; 2]) -> [KeyLists; 2] {
        let [va, vb] = &mut self.vocab;
        let side = |vocab: &mut Vocab, lang: Lang, texts: &[&str]| -> KeyLists {
            let mut found = Vec::new();
            let mut lists = KeyLists::with_capacity(texts.len(), 0);
            for t in texts {
                intern_into(vocab, lang, t, &mut found);
                lists.push(&found);
            }
            lists.ids.shrink_to_fit();
            lists
        };
        let (a, b) = rayon::join(|| side(va, langs[0], texts[0]), || side(vb, langs[1], texts[1]));
        [a, b]
    }

    /// How many terms side `s`'s vocabulary has: its ids are `0..size`.
    pub fn size(&self, s: usize) -> usize {
        self.vocab[s].len()
    }

    /// The id of a term of side `s`, if the lexicon knows it.
    pub fn id(&self, s: usize, term: &str) -> Option<u32> {
        self.vocab[s].get(&term_hash(term)).copied()
    }

    /// The known terms of `text` on side `s`, as sorted distinct ids.
    pub fn keys(&self, s: usize, lang: Lang, text: &str) -> Keys {
        let mut keys = Keys::new();
        (lang.profile().review.terms)(text, &mut |_, t| keys.extend(self.id(s, t)));
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The other side's terms linked to term `id` of side `s`.
    pub fn links(&self, s: usize, id: u32) -> &[u32] {
        self.links[s].get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// Links a term of each side (a glossary entry), adding the terms if new.
    pub fn link(&mut self, zh: &str, ru: &str) {
        let hashes = [zh, ru].map(term_hash);
        let mut id = [0u32; 2];
        for s in 0..2 {
            let next = self.vocab[s].len() as u32;
            id[s] = *self.vocab[s].entry(hashes[s]).or_insert(next);
            if self.links[s].len() <= id[s] as usize {
                self.links[s].resize(id[s] as usize + 1, Vec::new());
            }
        }
        for s in 0..2 {
            let l = &mut self.links[s][id[s] as usize];
            if let Err(k) = l.binary_search(&id[1 - s]) {
                l.insert(k, id[1 - s]);
            }
        }
    }

    /// How many of the linked terms in `a` (side `s`) have a linked term in `b`, and
    /// how many linked terms `a` has. Both key lists are sorted: each lookup is a
    /// binary search in `b`.
    pub fn covered(&self, s: usize, a: &[u32], b: &[u32]) -> (usize, usize) {
        let (mut hit, mut known) = (0, 0);
        for &id in a {
            let l = self.links(s, id);
            if l.is_empty() {
                continue;
            }
            known += 1;
            if l.iter().any(|x| b.binary_search(x).is_ok()) {
                hit += 1;
            }
        }
        (hit, known)
    }

    /// A pair's lexical score from 0 to 1: the share of linked terms of each side
    /// whose counterpart is on the other side, averaged over the two sides.
    pub fn score(&self, a: &[u32], b: &[u32]) -> f64 {
        let (h0, k0) = self.covered(0, a, b);
        let (h1, k1) = self.covered(1, b, a);
        if k0 + k1 == 0 {
            return 0.0;
        }
        (h0 + h1) as f64 / (k0 + k1) as f64
    }
}

/// A side's vocabulary: term hash → id.
type Vocab = HashMap<u64, u32, BuildHasherDefault<U64Hasher>>;

/// Adds the terms of `text` to a vocabulary and leaves its keys, sorted and distinct,
/// in `found` (a buffer that may be kept from text to text).
fn intern_into(vocab: &mut Vocab, lang: Lang, text: &str, found: &mut Keys) {
    found.clear();
    (lang.profile().review.terms)(text, &mut |_, t| {
        let next = vocab.len() as u32;
        found.push(*vocab.entry(term_hash(t)).or_insert(next));
    });
    found.sort_unstable();
    found.dedup();
}

/// How often each term of the first side occurs in the same pair as each term of the
/// other: `(a, b, pairs)` for the terms met together in at least `together` pairs, by
/// `a` then `b`, in blocks of [`TERMS_PER_BLOCK`] first-side terms (a block is as long
/// as what it found: one list of them all would be built by copying, holding the
/// blocks and the list at once).
///
/// Counted term by term of the first side, over the pairs that hold it (an inverted
/// index), in one array of counts for the other side's terms: no map of pairs of
/// terms, and the blocks of terms of the first side shared out among threads. A term
/// in only one pair can make no count of two and is left out, as are pairs above
/// [`MAX_PRODUCT`].
fn cooccurrences(
    pairs: &[[&[u32]; 2]],
    freq: &[Vec<u32>; 2],
    n: [usize; 2],
    together: u32,
) -> Vec<Vec<(u32, u32, u32)>> {
    let kept: Vec<usize> = (0..pairs.len()).filter(|&p| pairs[p][0].len() * pairs[p][1].len() <= MAX_PRODUCT).collect();
    // The other side's terms of each kept pair that occur twice or more.
    let mut other_start = Vec::with_capacity(kept.len() + 1);
    let mut other = Vec::new();
    other_start.push(0);
    for &p in &kept {
        other.extend(pairs[p][1].iter().copied().filter(|&b| freq[1][b as usize] >= 2));
        other_start.push(other.len());
    }
    // The kept pairs that hold each term of the first side.
    let mut start = vec![0usize; n[0] + 1];
    for &p in &kept {
        for &a in pairs[p][0] {
            start[a as usize + 1] += 1;
        }
    }
    for a in 0..n[0] {
        start[a + 1] += start[a];
    }
    let mut fill = start.clone();
    let mut holders = vec![0u32; start[n[0]]];
    for (k, &p) in kept.iter().enumerate() {
        for &a in pairs[p][0] {
            holders[fill[a as usize]] = k as u32;
            fill[a as usize] += 1;
        }
    }
    drop(fill);
    (0..n[0].div_ceil(TERMS_PER_BLOCK))
        .into_par_iter()
        .map_init(
            || (vec![0u32; n[1]], Vec::new()),
            |(count, touched), block| {
                let mut out = Vec::new();
                let first = block * TERMS_PER_BLOCK;
                for a in first..n[0].min(first + TERMS_PER_BLOCK) {
                    if freq[0][a] < 2 {
                        continue;
                    }
                    for &k in &holders[start[a]..start[a + 1]] {
                        for &b in &other[other_start[k as usize]..other_start[k as usize + 1]] {
                            if count[b as usize] == 0 {
                                touched.push(b);
                            }
                            count[b as usize] += 1;
                        }
                    }
                    touched.sort_unstable();
                    for &b in touched.iter() {
                        let c = std::mem::take(&mut count[b as usize]);
                        if c >= together {
                            out.push((a as u32, b, c));
                        }
                    }
                    touched.clear();
                }
                out.shrink_to_fit();
                out
            },
        )
        .collect()
}

/// How many terms of the first side [`cooccurrences`] counts in one block: enough to
/// keep a thread busy between blocks, few enough for two threads to share a small
/// vocabulary.
const TERMS_PER_BLOCK: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn key_lists_hold_each_units_keys_in_order() {
        let units: Vec<Vec<u32>> = vec![vec![3, 5], vec![], vec![1], vec![2, 4, 8], vec![]];
        let mut lists = KeyLists::default();
        assert!(lists.is_empty());
        for u in &units[..2] {
            lists.push(u);
        }
        let mut rest = KeyLists::default();
        for u in &units[2..] {
            rest.push(u);
        }
        let all = KeyLists::concat(vec![lists, KeyLists::default(), rest]);
        assert_eq!(all.len(), units.len());
        assert_eq!(all.iter().map(<[u32]>::to_vec).collect::<Vec<_>>(), units);
        assert!((0..units.len()).all(|i| all.get(i) == units[i].as_slice()));
    }

    #[test]
    fn interning_many_texts_gives_each_the_keys_interning_it_alone_does() {
        let langs = [Lang::Zh, Lang::Ru];
        let zh = ["联合国会员国", "", "大会及安全理事会", "会员国"];
        let ru = ["Члены Организации", "Генеральная Ассамблея", "", "Совет Безопасности и члены"];
        let mut all = Lexicon::default();
        let lists = all.intern_all(langs, [&zh, &ru]);
        let mut one = Lexicon::default();
        for (s, texts) in [&zh, &ru].into_iter().enumerate() {
            for (i, t) in texts.iter().enumerate() {
                assert_eq!(lists[s].get(i), one.intern(s, langs[s], t).as_slice(), "side {s}, text {i}");
            }
        }
        assert!(lists[1].iter().any(|k| k.len() > 1));
    }

    /// The blocks of counts hold, in order, every pair of terms met together in
    /// enough pairs, as a count over a map of pairs of terms gives them: over
    /// vocabularies that end inside a block, with pairs too large to count
    /// ([`MAX_PRODUCT`]) and terms met once.
    #[test]
    fn cooccurrences_are_the_pairs_of_terms_a_map_counts() {
        let n = [TERMS_PER_BLOCK * 2 + 37, 300];
        let mut state = 12345u64;
        let mut next = |m: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize % m
        };
        let mut lists: Vec<[Vec<u32>; 2]> = (0..400)
            .map(|_| {
                [0, 1].map(|s| {
                    // Most terms from a few, in the first block and the last, so that
                    // pairs share them.
                    let len = 1 + next(12);
                    let few = |k: usize| if s == 0 && k >= 20 { 2 * TERMS_PER_BLOCK + k - 20 } else { k };
                    let mut l: Vec<u32> =
                        (0..len).map(|_| (if next(3) == 0 { next(n[s]) } else { few(next(40)) }) as u32).collect();
                    l.sort_unstable();
                    l.dedup();
                    l
                })
            })
            .collect();
        // One pair past the largest counted.
        lists.push([(0..250).collect(), (0..200).collect()]);
        let pairs: Vec<[&[u32]; 2]> = lists.iter().map(|[a, b]| [a.as_slice(), b.as_slice()]).collect();
        let mut freq = [vec![0u32; n[0]], vec![0u32; n[1]]];
        for p in &pairs {
            for s in 0..2 {
                for &id in p[s] {
                    freq[s][id as usize] += 1;
                }
            }
        }
        for together in [2, 3] {
            let mut want: BTreeMap<(u32, u32), u32> = BTreeMap::new();
            for p in pairs.iter().filter(|p| p[0].len() * p[1].len() <= MAX_PRODUCT) {
                for &a in p[0].iter().filter(|&&a| freq[0][a as usize] >= 2) {
                    for &b in p[1].iter().filter(|&&b| freq[1][b as usize] >= 2) {
                        *want.entry((a, b)).or_default() += 1;
                    }
                }
            }
            let want: Vec<(u32, u32, u32)> =
                want.into_iter().filter(|&(_, c)| c >= together).map(|((a, b), c)| (a, b, c)).collect();
            let got: Vec<(u32, u32, u32)> = cooccurrences(&pairs, &freq, n, together).into_iter().flatten().collect();
            assert!(want.len() > 100 && want.iter().any(|&(a, ..)| a as usize >= 2 * TERMS_PER_BLOCK));
            assert_eq!(got, want, "together {together}");
        }
    }

    #[test]
    fn links_terms_that_occur_together() {
        let pairs = [
            ["缔约各方合作", "Договаривающиеся Стороны сотрудничают"],
            ["缔约各方保存", "Договаривающиеся Стороны хранят"],
            ["武器合作", "оружие сотрудничают"],
            ["武器保存", "оружие хранят"],
        ];
        let lex = Lexicon::learn([Lang::Zh, Lang::Ru], &pairs);
        let linked = |zh: &str, ru: &str| {
            let (a, b) = (lex.id(0, zh).unwrap(), lex.id(1, ru).unwrap());
            lex.links(0, a).contains(&b)
        };
        assert!(linked("武器", "оруж"));
        assert!(linked("合作", "сотруднича"));
        assert!(!linked("武器", "сотруднича"));
        let a = lex.keys(0, Lang::Zh, "武器合作");
        assert!(lex.score(&a, &lex.keys(1, Lang::Ru, "оружие сотрудничают")) > 0.99);
        assert!(lex.score(&a, &lex.keys(1, Lang::Ru, "Стороны хранят")) < 0.01);
    }
}
