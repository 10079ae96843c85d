//! Lexical evidence for the aligner: terms of a zh–ru lexicon that both sides of a
//! bead hold.
//!
//! The lexicon is bootstrapped as hunalign's `-realign` does it: the first pass aligns
//! by length and anchors; the 1-1 pairs it finds are parallel data, from which term
//! links are learned ([`Lexicon`]: Chinese character bigrams, Russian stems, Dice and
//! competitive linking); the second pass aligns with them. A glossary (the shipped
//! one, and the user's) adds links that are not learned: its entries.
//!
//! A unit's terms become the ids of the links it takes part in, so that a Chinese and
//! a Russian unit share an id exactly when they hold two linked terms; the search
//! counts shared ids by merging two sorted lists, as it does anchors.

use std::sync::Arc;

use rayon::prelude::*;

use crate::lang::Lang;
use crate::lexicon::learn::KeyLists;
use crate::lexicon::{Glossary, Lexicon};

/// A lexicon as the aligner reads it: the link ids of every term of each side.
#[derive(Debug, Clone)]
pub struct TermIds {
    /// The languages of the two sides.
    langs: [Lang; 2],
    /// The lexicon: the vocabulary of each side and the links.
    lexicon: Lexicon,
    /// For each term of side `s`, the ids of its links, sorted: those of term `t` are
    /// `links[s][start[s][t]..start[s][t + 1]]` (one list for all terms: a unit's
    /// terms are looked up for every unit of both texts).
    start: [Vec<u32>; 2],
    links: [Vec<u32>; 2],
    /// The glossary whose entries are links too, with ids after the learned ones.
    glossary: Option<Arc<Glossary>>,
    /// How many learned links there are: glossary entry `e` has id `learned + e`.
    learned: u32,
    /// The glossary entries below this one are links; those after it are not.
    entries_below: u32,
}

impl TermIds {
    /// The link ids of a lexicon and a glossary.
    pub fn new(langs: [Lang; 2], lexicon: Lexicon, glossary: Option<Arc<Glossary>>) -> Self {
        let size = [lexicon.size(0), lexicon.size(1)];
        let mut start = size.map(|n| vec![0u32; n + 1]);
        for a in 0..size[0] as u32 {
            for &b in lexicon.links(0, a) {
                start[0][a as usize + 1] += 1;
                start[1][b as usize + 1] += 1;
            }
        }
        for side in &mut start {
            for t in 1..side.len() {
                side[t] += side[t - 1];
            }
        }
        let learned = start[0][size[0]];
        let mut links = [vec![0u32; learned as usize], vec![0u32; learned as usize]];
        let mut fill = start.clone();
        // Ids in the order of the first side's terms: each term's list comes out sorted.
        let mut next = 0u32;
        for a in 0..size[0] as u32 {
            for &b in lexicon.links(0, a) {
                for (s, t) in [(0, a), (1, b)] {
                    links[s][fill[s][t as usize] as usize] = next;
                    fill[s][t as usize] += 1;
                }
                next += 1;
            }
        }
        TermIds { langs, lexicon, start, links, glossary, learned, entries_below: u32::MAX }
    }

    /// These links without the glossary entries from `first` on.
    fn without_entries_from(mut self, first: u32) -> Self {
        self.entries_below = first;
        self
    }

    /// Whether there are any links at all.
    pub fn is_empty(&self) -> bool {
        self.learned == 0 && self.glossary.is_none()
    }

    /// The terms of a unit of side `s` whose lexicon keys are `keys` and in which
    /// the glossary found the entries `entries`, as sorted link ids with counts.
    fn terms(&self, s: usize, keys: &[u32], entries: &[u32]) -> Vec<(u32, u32)> {
        let mut ids = vec![0; self.link_count(s, keys, entries)];
        self.link_ids(s, keys, entries, &mut ids);
        counted(ids)
    }

    /// The links of a unit's lexicon key `k` of side `s`.
    fn links_of(&self, s: usize, k: u32) -> &[u32] {
        let (start, links) = (&self.start[s], &self.links[s]);
        match start.get(k as usize + 1) {
            Some(&end) => &links[start[k as usize] as usize..end as usize],
            None => &[],
        }
    }

    /// The glossary's entries among `entries` that are link ids, as link ids.
    fn entry_ids<'a>(&'a self, entries: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
        let known = if self.glossary.is_some() { entries } else { &[] };
        known.iter().filter(|&&e| e < self.entries_below).map(|&e| self.learned + e)
    }

    /// How many link ids a unit of side `s` has ([`TermIds::link_ids`]), counted
    /// without reading them.
    fn link_count(&self, s: usize, keys: &[u32], entries: &[u32]) -> usize {
        keys.iter().map(|&k| self.links_of(s, k).len()).sum::<usize>() + self.entry_ids(entries).count()
    }

    /// Writes into `out`, which has room for [`TermIds::link_count`] of them, the
    /// link ids of a unit of side `s` whose lexicon keys are `keys` and in which the
    /// glossary found the entries `entries`: sorted, each as often as the unit has it.
    fn link_ids(&self, s: usize, keys: &[u32], entries: &[u32], out: &mut [u32]) {
        let mut at = 0;
        for &k in keys {
            let links = self.links_of(s, k);
            out[at..at + links.len()].copy_from_slice(links);
            at += links.len();
        }
        for id in self.entry_ids(entries) {
            out[at] = id;
            at += 1;
        }
        out.sort_unstable();
    }

    /// The terms of a text of side `s` (a sentence): its known terms' link ids.
    pub fn terms_of_text(&self, s: usize, text: &str) -> Vec<(u32, u32)> {
        let keys = self.lexicon.keys(s, self.langs[s], text);
        let entries = self.glossary.as_ref().map(|g| entries_in(g, self.langs[s], text)).unwrap_or_default();
        self.terms(s, &keys, &entries)
    }
}

/// The entries of a glossary found in a text, each as often as it is found.
fn entries_in(glossary: &Glossary, lang: Lang, text: &str) -> Vec<u32> {
    let mut entries = Vec::new();
    glossary.entries_into(lang, text, &mut entries);
    entries
}

/// Sorted keys with counts, in a list of their exact size.
fn counted(keys: Vec<u32>) -> Vec<(u32, u32)> {
    let distinct = 1 + keys.windows(2).filter(|w| w[0] != w[1]).count();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(distinct.min(keys.len()));
    for k in keys {
        match out.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

/// How many units' glossary entries are read on one thread at a time.
const ENTRIES_CHUNK: usize = 1024;

/// The terms of every unit of both texts, and a lexicon ready to learn from them.
///
/// What it holds is read from the texts alone, so it is read while the first pass
/// runs.
pub(super) struct Vocabulary {
    lexicon: Lexicon,
    /// The keys of each unit of each side.
    keys: [KeyLists; 2],
    /// The glossary, and the entries it found in each unit of each side.
    glossary: Arc<Glossary>,
    entries: [KeyLists; 2],
    /// The first of the glossary's entries that are everyday words
    /// ([`Glossary::everyday`]), not terms.
    everyday: u32,
}

impl Vocabulary {
    /// The terms of the units of two texts, and the entries of `glossary` in them;
    /// its entries from `everyday` on are everyday words.
    pub(super) fn of(langs: [Lang; 2], texts: [&[&str]; 2], glossary: Arc<Glossary>, everyday: u32) -> Self {
        let mut lexicon = Lexicon::default();
        // Each run of units' entries in a list of its own, on every thread, the lists
        // then put together in order.
        let found = |s: usize| -> KeyLists {
            let parts = texts[s].par_chunks(ENTRIES_CHUNK).map(|chunk| {
                let (mut lists, mut found) = (KeyLists::default(), Vec::new());
                for t in chunk {
                    found.clear();
                    glossary.entries_into(langs[s], t, &mut found);
                    lists.push(&found);
                }
                lists
            });
            KeyLists::concat(parts.collect())
        };
        let (keys, entries) = rayon::join(|| lexicon.intern_all(langs, texts), || [found(0), found(1)]);
        Vocabulary { lexicon, keys, glossary, entries, everyday }
    }

    /// Learns links from the pairs of units `pairs` (one unit a side, by index);
    /// returns the links' ids, those of a second lexicon for the search if the
    /// pairs are few, and the keys and glossary entries of every unit, for
    /// [`TermIds::lists`].
    ///
    /// Mutual best links only: the aligner weighs every link, and on the NTREX
    /// documents (`tests/synth.rs`) the fewer, surer links align better. A lexicon
    /// learned from many pairs (where two terms meet twice by chance more often)
    /// links terms that occur together in three pairs, and serves both the search
    /// and the confidence. From fewer than [`super::MIN_PAIRS_TO_SEARCH`] pairs, the
    /// confidence counts the links of terms met together twice, and the search
    /// weighs only those met in [`SMALL_LEXICON_TOGETHER`] pairs: a short text's
    /// recurring names and subjects, and the everyday words, which the confidence
    /// does not count: so few links leave many of a short text's everyday words
    /// without their counterpart, and right pairs would score as wrong ones.
    pub(super) fn learn(mut self, langs: [Lang; 2], pairs: &[(usize, usize)]) -> (TermIds, Option<TermIds>, Terms) {
        let keys = &self.keys;
        let pairs_of = || pairs.iter().map(|&(i, j)| [keys[0].get(i), keys[1].get(j)]);
        let few = pairs.len() < super::MIN_PAIRS_TO_SEARCH;
        let together = if few { 2 } else { 3 };
        let search = if few {
            // The two lexicons learned at once.
            let mut small = self.lexicon.clone();
            let (search, ()) = rayon::join(
                || {
                    small.learn_links(pairs_of(), true, SMALL_LEXICON_TOGETHER);
                    TermIds::new(langs, small, Some(self.glossary.clone()))
                },
                || self.lexicon.learn_links(pairs_of(), true, together),
            );
            Some(search)
        } else {
            self.lexicon.learn_links(pairs_of(), true, together);
            None
        };
        let terms = Terms { keys: self.keys, entries: self.entries };
        let ids = TermIds::new(langs, self.lexicon, Some(self.glossary));
        let ids = if few { ids.without_entries_from(self.everyday) } else { ids };
        (ids, search, terms)
    }
}

/// In how many pairs two terms must occur together for the search to weigh their
/// link, when the lexicon is learned from few pairs. On the NTREX documents each
/// aligned alone (`tests/synth.rs`, about 15 pairs each), links met in four pairs
/// raised F1 with every seed at both rates; links met in two or three lowered it
/// with one seed, or the confidence's AUC by 0.03.
pub(super) const SMALL_LEXICON_TOGETHER: u32 = 4;

/// What [`Vocabulary::learn`] leaves of it: the keys and glossary entries of every
/// unit, for [`TermIds::lists`].
pub(super) struct Terms {
    keys: [KeyLists; 2],
    entries: [KeyLists; 2],
}

impl TermIds {
    /// The terms of units `units` of side `s`, in order, as the search lays them out
    /// ([`Prepared::set_terms`](super::prepared::Prepared::set_terms)): where each
    /// unit's start, and their ids, sorted, each as often as the unit has it. Each
    /// unit's ids are counted first, then written on every thread straight into the
    /// one list, each unit's into its own part: no list is made apart and copied, which
    /// held the terms of a long text twice at once.
    pub(super) fn lists(&self, s: usize, terms: &Terms, units: std::ops::Range<usize>) -> (Vec<usize>, Vec<u32>) {
        let (keys, entries) = (&terms.keys[s], &terms.entries[s]);
        let counts: Vec<usize> =
            units.clone().into_par_iter().map(|i| self.link_count(s, keys.get(i), entries.get(i))).collect();
        let mut start = Vec::with_capacity(counts.len() + 1);
        start.push(0);
        for n in &counts {
            start.push(start[start.len() - 1] + n);
        }
        let mut ids = vec![0; start[start.len() - 1]];
        let mut parts: Vec<&mut [u32]> = Vec::with_capacity(counts.len());
        let mut rest = ids.as_mut_slice();
        for &n in &counts {
            let (part, after) = std::mem::take(&mut rest).split_at_mut(n);
            parts.push(part);
            rest = after;
        }
        parts.into_par_iter().zip(units).for_each(|(part, i)| self.link_ids(s, keys.get(i), entries.get(i), part));
        (start, ids)
    }
}
