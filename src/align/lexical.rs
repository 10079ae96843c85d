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

use rayon::prelude::*;

use super::model::Features;
use crate::lang::Lang;
use crate::lexicon::learn::Keys;
use crate::lexicon::{Glossary, Lexicon};

/// A lexicon as the aligner reads it: the link ids of every term of each side.
#[derive(Debug, Clone)]
pub struct TermIds {
    /// The languages of the two sides.
    langs: [Lang; 2],
    /// The lexicon: the vocabulary of each side and the links.
    lexicon: Lexicon,
    /// For each term of side `s`, the ids of its links, sorted.
    ids: [Vec<Vec<u64>>; 2],
    /// The glossary whose entries are links too, with ids after the learned ones.
    glossary: Option<Glossary>,
    /// How many learned links there are: glossary entry `e` has id `learned + e`.
    learned: u64,
}

impl TermIds {
    /// The link ids of a lexicon and a glossary.
    pub fn new(langs: [Lang; 2], lexicon: Lexicon, glossary: Option<Glossary>) -> Self {
        let mut ids = [vec![Vec::new(); lexicon.size(0)], vec![Vec::new(); lexicon.size(1)]];
        let mut next = 0u64;
        for a in 0..lexicon.size(0) as u32 {
            for &b in lexicon.links(0, a) {
                ids[0][a as usize].push(next);
                ids[1][b as usize].push(next);
                next += 1;
            }
        }
        for side in &mut ids {
            for l in side.iter_mut() {
                l.sort_unstable();
            }
        }
        TermIds { langs, lexicon, ids, glossary, learned: next }
    }

    /// Whether there are any links at all.
    pub fn is_empty(&self) -> bool {
        self.learned == 0 && self.glossary.is_none()
    }

    /// The terms of a unit of side `s` whose lexicon keys are `keys` and whose text
    /// is `text`, as sorted link ids with counts.
    pub fn terms(&self, s: usize, keys: &[u32], text: &str) -> Vec<(u64, u32)> {
        let mut out: Vec<u64> =
            keys.iter().flat_map(|&k| self.ids[s].get(k as usize).into_iter().flatten().copied()).collect();
        if let Some(g) = &self.glossary {
            for hit in g.find(self.langs[s], text) {
                out.extend(hit.entries.iter().map(|&e| self.learned + u64::from(e)));
            }
        }
        counted(out)
    }

    /// The terms of a text of side `s` (a sentence): its known terms' link ids.
    pub fn terms_of_text(&self, s: usize, text: &str) -> Vec<(u64, u32)> {
        let keys = self.lexicon.keys(s, self.langs[s], text);
        self.terms(s, &keys, text)
    }
}

/// Sorted keys with counts.
fn counted(mut keys: Vec<u64>) -> Vec<(u64, u32)> {
    keys.sort_unstable();
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(keys.len());
    for k in keys {
        match out.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => out.push((k, 1)),
        }
    }
    out
}

/// The terms of every unit of both texts, and a lexicon ready to learn from them.
pub(super) struct Vocabulary {
    pub(super) lexicon: Lexicon,
    /// The keys of each unit of each side.
    pub(super) keys: [Vec<Keys>; 2],
}

impl Vocabulary {
    /// The terms of the units of two texts.
    pub(super) fn of(langs: [Lang; 2], texts: [&[&str]; 2]) -> Self {
        let mut lexicon = Lexicon::default();
        let keys = lexicon.intern_all(langs, texts);
        Vocabulary { lexicon, keys }
    }

    /// Learns links from the pairs of units `pairs` (one unit a side, by index);
    /// returns the links' ids and the keys of every unit, for [`TermIds::fill`].
    pub(super) fn learn(
        mut self,
        langs: [Lang; 2],
        pairs: &[(usize, usize)],
        glossary: Option<Glossary>,
    ) -> (TermIds, [Vec<Keys>; 2]) {
        let keys = &self.keys;
        // Mutual best links only: the aligner weighs every link, and on the NTREX
        // documents (`tests/synth.rs`) the fewer, surer links align better. A lexicon
        // the search weighs (learned from many pairs, where two terms meet twice by
        // chance more often) needs three pairs of a link; one only for the confidence
        // (from few pairs, where three would leave almost no links) needs two.
        let together = if pairs.len() >= super::MIN_PAIRS_TO_SEARCH { 3 } else { 2 };
        self.lexicon.learn_links(
            pairs.iter().map(|&(i, j)| [keys[0][i].as_slice(), keys[1][j].as_slice()]),
            true,
            together,
        );
        (TermIds::new(langs, self.lexicon, glossary), self.keys)
    }
}

impl TermIds {
    /// Fills in the terms of units of side `s` whose keys are `keys` and texts `texts`.
    pub(super) fn fill(&self, s: usize, keys: &[Keys], texts: &[&str], features: &mut [Features]) {
        features.par_iter_mut().zip(keys).zip(texts).for_each(|((f, k), t)| f.terms = self.terms(s, k, t));
    }
}
