//! The aligner: pairs the units of two texts.
//!
//! By structure first: the texts are cut into containers (title, preamble, each
//! chapter heading, each article, closing, signatures, annexes), and the two
//! sequences of containers are aligned with their numbers as strong evidence and
//! their content as the judge, so that a missing, extra or renumbered article does
//! not shift the rest. Inside each pair of containers, units are aligned by content
//! ([`beads`]: length, anchors, numbering) with 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1
//! and 1-3 beads. At sentence level the same search pairs the sentences inside each
//! paired unit.
//!
//! Which function to use: [`align`] for two parsed documents (it handles both
//! levels); [`beads::align`] for two plain sequences of [`model::Features`].
//!
//! The modules, in the order the work runs: [`model`] (what is known of a unit, and
//! the cost and confidence of a bead), `prepared` (those features laid out for the
//! search), `containers` (the alignment by structure), [`beads`] (the alignment of
//! units), `search` (the banded dynamic programme both levels share), `pairs`
//! (beads made into the pairs a user reads).
//!
//! Features are computed once per unit, before any search, and containers are
//! aligned in parallel; the result does not depend on the number of threads.

pub mod beads;
mod containers;
pub mod lexical;
pub mod model;
mod pairs;
mod prepared;
mod search;

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::lexicon::Glossary;
use crate::model::Document;
use containers::Containers;
use lexical::{TermIds, Vocabulary};
use model::{Features, LengthModel};
use prepared::Prepared;

/// How many 1-1 pairs the first pass must find for the lexicon learned from them to
/// weigh in the second pass's search. On the NTREX documents (`tests/synth.rs`, about
/// 16 lines each) a lexicon learned from one document cost accuracy with every seed
/// tried, and the same documents in one text gained from it.
pub(crate) const MIN_PAIRS_TO_SEARCH: usize = 50;

/// What the aligner pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Level {
    /// The structural units (paragraphs, items, headings).
    #[default]
    Paragraph,
    /// The sentences inside paired units.
    Sentence,
}

/// Settings of the aligner.
#[derive(Debug, Clone, Default)]
pub struct AlignOptions {
    /// The level of the pairs.
    pub level: Level,
    /// The glossary whose entries are links of the lexicon: `None` for the shipped
    /// one, or the shipped one with a user's ([`Glossary::shipped_and`]).
    pub glossary: Option<std::sync::Arc<Glossary>>,
    /// Align by length and anchors alone, without a lexicon (for comparison).
    pub without_lexicon: bool,
}

/// A unit taking part in a pair: its reference and text.
///
/// A unit's text is borrowed from its document, not copied: an alignment holds no
/// second copy of the texts. A sentence's text, cut from its unit, is its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment<'d> {
    /// The unit's reference (`art.8.1`, or `art.8.1.s2` for a sentence).
    #[serde(rename = "ref")]
    pub r#ref: String,
    /// Its text.
    pub text: Cow<'d, str>,
}

/// One row of an alignment: some units of each text and the confidence in them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair<'d> {
    /// The segments of each side, in the order of [`Alignment::docs`].
    pub sides: [Vec<Segment<'d>>; 2],
    /// Confidence from 0 to 1.
    pub score: f64,
}

impl Pair<'_> {
    /// The refs of side `s`, joined with `+`.
    pub fn refs(&self, s: usize) -> String {
        self.sides[s].iter().map(|x| x.r#ref.as_str()).collect::<Vec<_>>().join("+")
    }

    /// The text of side `s`, several units joined with a newline.
    pub fn text(&self, s: usize) -> String {
        self.sides[s].iter().map(|x| x.text.as_ref()).collect::<Vec<_>>().join("\n")
    }

    /// The link type, `1-1`, `2-1`, `0-1` …
    pub fn link(&self) -> String {
        format!("{}-{}", self.sides[0].len(), self.sides[1].len())
    }
}

/// The alignment of two documents.
#[derive(Debug, Clone)]
pub struct Alignment<'d> {
    /// The two documents, ordered by language (Chinese before Russian), whatever
    /// order they were given in.
    pub docs: [&'d Document; 2],
    /// The pairs in document order; every unit of both texts is in exactly one.
    pub pairs: Vec<Pair<'d>>,
    /// The length model estimated from the pair.
    pub model: LengthModel,
}

/// A unit-level bead: indices into each document's units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitBead {
    /// Indices of units of the first document.
    pub a: Vec<usize>,
    /// Indices of units of the second document.
    pub b: Vec<usize>,
    /// Whether the structure of both texts agrees on this bead.
    pub structural: bool,
}

/// Aligns two documents. The result's sides follow the languages' order, so that
/// `align(zh, ru)` and `align(ru, zh)` give the same alignment.
pub fn align<'d>(x: &'d Document, y: &'d Document, options: &AlignOptions) -> Alignment<'d> {
    let (a, b) = if y.lang < x.lang { (y, x) } else { (x, y) };
    let (beads, model, units, terms) = align_prepared(a, b, options);
    let mut pairs: Vec<Pair<'d>> = match options.level {
        Level::Paragraph => beads.par_iter().map(|bead| pairs::unit_pair([a, b], bead, &model, &units)).collect(),
        Level::Sentence => {
            let parts: Vec<Vec<Pair<'d>>> =
                beads.par_iter().map(|bead| pairs::sentence_pairs([a, b], bead, &model, terms.as_ref())).collect();
            parts.into_iter().flatten().collect()
        }
    };
    pairs::doubt_neighbours(&mut pairs);
    Alignment { docs: [a, b], pairs, model }
}

/// Aligns the units of two documents: containers first, then units inside them.
pub fn align_units(a: &Document, b: &Document) -> (Vec<UnitBead>, LengthModel) {
    let (beads, model, _, _) = align_prepared(a, b, &AlignOptions::default());
    (beads, model)
}

/// [`align_units`], keeping the units' prepared features for scoring the pairs, and
/// the lexicon's link ids.
fn align_prepared(
    a: &Document,
    b: &Document,
    options: &AlignOptions,
) -> (Vec<UnitBead>, LengthModel, [Prepared; 2], Option<TermIds>) {
    let features = |doc: &Document| -> Vec<Features> { doc.units.par_iter().map(|u| Features::of(doc, u)).collect() };
    let (mut fa, mut fb) = rayon::join(|| features(a), || features(b));
    let total = |f: &[Features]| f.iter().map(|x| x.len).sum::<f64>();
    let mut model = LengthModel::from_totals(total(&fa), total(&fb));
    let mut containers = [Containers::of(a, &fa), Containers::of(b, &fb)];
    let mut units = [Prepared::of(&fa), Prepared::of(&fb)];
    // The first pass, by length and anchors.
    let first = containers::align([&containers[0], &containers[1]], [&units[0], &units[1]], &model);
    let ones: Vec<(usize, usize)> =
        first.iter().filter(|x| x.a.len() == 1 && x.b.len() == 1).map(|x| (x.a[0], x.b[0])).collect();
    // The second with the variance re-estimated from the first's 1-1 pairs, and the
    // lexicon learned from them.
    let lengths: Vec<(f64, f64)> = ones.iter().map(|&(i, j)| (units[0].length(i), units[1].length(j))).collect();
    drop(first);
    model = model.refine(&lengths);
    let terms = (!options.without_lexicon).then(|| {
        let langs = [a.lang, b.lang];
        let texts = [a, b].map(|d| d.units.iter().map(|u| u.text.as_str()).collect::<Vec<_>>());
        let texts = [texts[0].as_slice(), texts[1].as_slice()];
        let glossary = options.glossary.as_deref().unwrap_or(Glossary::shipped()).clone();
        Vocabulary::of(langs, texts).learn(langs, &ones, Some(glossary), texts, [&mut fa, &mut fb])
    });
    // A lexicon learned from few pairs links terms that met twice by chance: it
    // weighs in the confidence of the pairs, not in their search.
    let mut scored = None;
    if terms.is_some() {
        if ones.len() >= MIN_PAIRS_TO_SEARCH {
            containers = [Containers::of(a, &fa), Containers::of(b, &fb)];
            units = [Prepared::of(&fa), Prepared::of(&fb)];
        } else {
            scored = Some([Prepared::of(&fa), Prepared::of(&fb)]);
        }
    }
    drop((fa, fb));
    let beads = containers::align([&containers[0], &containers[1]], [&units[0], &units[1]], &model);
    let units = scored.unwrap_or(units);
    (beads, model, units, terms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{LoadOptions, load};

    fn doc(rel: &str) -> Document {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
        load(&path, &LoadOptions::default()).unwrap()
    }

    #[test]
    fn same_alignment_on_one_thread_and_on_two() {
        let zh = doc("texts/sco-treaty-2007.zh.txt");
        let ru = doc("texts/sco-treaty-2007.ru.txt");
        let on = |threads: usize, level: Level| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| align(&zh, &ru, &AlignOptions { level, ..Default::default() }).pairs)
        };
        for level in [Level::Paragraph, Level::Sentence] {
            let one = on(1, level);
            assert!(one.len() > 50);
            assert_eq!(one, on(2, level), "{level:?}");
        }
    }
}
