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
//! The modules, in the order the work runs: `passes` (the first pass, the lexicon
//! learned from it, the second pass; [`align_all`] shares one lexicon among many
//! pairs), [`model`] (what is known of a unit, and the cost and confidence of a
//! bead), `prepared` (those features laid out for the
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
mod names;
mod pairs;
mod passes;
mod prepared;
mod search;

use std::borrow::Cow;

use compact_str::CompactString;
use rayon::prelude::*;
use serde::Serialize;

use crate::lexicon::Glossary;
use crate::model::{Document, UnitKind};
use lexical::TermIds;
use model::LengthModel;
pub use passes::align_all;
use passes::{first_pass, learn, second_pass, vocabulary};
use prepared::Prepared;

/// How many 1-1 pairs the first pass must find for the lexicon learned from them to
/// weigh in full in the second pass's search. On the NTREX documents (`tests/synth.rs`,
/// about 16 lines each) a full lexicon learned from one document cost accuracy with
/// every seed tried, and the same documents in one text gained from it, as they do
/// aligned together by [`align_all`], whose pairs of all documents count together.
/// From fewer pairs, the search weighs only the links of terms met in several pairs,
/// and those less (`passes::SMALL_LEXICON_WEIGHT`).
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
    pub r#ref: CompactString,
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
        self.refs_of(s).into_owned()
    }

    /// The text of side `s`, several units joined with a newline.
    pub fn text(&self, s: usize) -> String {
        self.text_of(s).into_owned()
    }

    /// [`Pair::refs`], borrowed where the side is one segment (most pairs).
    pub(crate) fn refs_of(&self, s: usize) -> Cow<'_, str> {
        joined(&self.sides[s], |x| x.r#ref.as_str(), "+")
    }

    /// [`Pair::text`], borrowed where the side is one segment (most pairs).
    pub(crate) fn text_of(&self, s: usize) -> Cow<'_, str> {
        joined(&self.sides[s], |x| x.text.as_ref(), "\n")
    }

    /// The link type, `1-1`, `2-1`, `0-1` …
    pub fn link(&self) -> String {
        format!("{}-{}", self.sides[0].len(), self.sides[1].len())
    }
}

/// A field of some segments joined with `sep`: borrowed where there is one segment
/// (most pairs), not copied.
fn joined<'a>(segments: &'a [Segment<'_>], field: impl Fn(&'a Segment<'_>) -> &'a str, sep: &str) -> Cow<'a, str> {
    match segments {
        [one] => Cow::Borrowed(field(one)),
        many => Cow::Owned(many.iter().map(field).collect::<Vec<_>>().join(sep)),
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
    let (mut beads, model, units, terms) = align_prepared(a, b, options);
    signatures_by_name([a, b], &mut beads);
    alignment_of([a, b], &beads, model, &units, terms.as_ref(), options)
}

/// Pairs the signatures of a run of one-to-one signature pairs by the states they
/// name, where their order differs between the texts: each text of a bilateral
/// agreement names its own state first (`中华人民共和国政府代表` / `俄罗斯联邦政府代表`
/// against `За Правительство Российской Федерации` / `За Правительство Китайской
/// Народной Республики`). A signature whose states are those of exactly one signature
/// of each text is paired with that one; the others, in their order, with the
/// signatures left (a state changed in one signature leaves the others paired by
/// their states, and only the changed one against what is left).
fn signatures_by_name(docs: [&Document; 2], beads: &mut [UnitBead]) {
    let names = |s: usize, i: usize| -> std::collections::BTreeSet<String> {
        let doc = docs[s];
        crate::text::anchors::read(doc.lang, &doc.units[i].text)
            .into_iter()
            .filter(|a| a.kind == crate::text::anchors::AnchorKind::Name)
            .map(|a| a.value)
            .collect()
    };
    let is_signature = |bead: &UnitBead| {
        matches!((bead.a.as_slice(), bead.b.as_slice()), ([x], [y])
            if docs[0].units[*x].kind == UnitKind::Signature && docs[1].units[*y].kind == UnitKind::Signature)
    };
    let mut start = 0;
    while start < beads.len() {
        if !is_signature(&beads[start]) {
            start += 1;
            continue;
        }
        let end = (start..beads.len()).find(|&k| !is_signature(&beads[k])).unwrap_or(beads.len());
        let run = &mut beads[start..end];
        let a: Vec<_> = run.iter().map(|b| names(0, b.a[0])).collect();
        let b: Vec<_> = run.iter().map(|b| names(1, b.b[0])).collect();
        let crossed = a.iter().zip(&b).any(|(x, y)| x != y);
        let once = |v: &[std::collections::BTreeSet<String>], x: &std::collections::BTreeSet<String>| {
            !x.is_empty() && v.iter().filter(|y| *y == x).count() == 1
        };
        // Each signature of the first text matched to the one of the second that names
        // the same states, where each text has one such.
        let matched: Vec<Option<usize>> =
            a.iter().map(|x| (once(&a, x) && once(&b, x)).then(|| b.iter().position(|y| y == x)).flatten()).collect();
        if crossed && matched.iter().any(Option::is_some) {
            let ru: Vec<usize> = run.iter().map(|bead| bead.b[0]).collect();
            let mut left = (0..b.len()).filter(|j| !matched.contains(&Some(*j)));
            for (bead, m) in run.iter_mut().zip(&matched) {
                let j = m.or_else(|| left.next()).expect("as many signatures left as unmatched");
                bead.b = vec![ru[j]];
            }
        }
        start = end;
    }
}

/// The pairs of an alignment from its unit beads.
fn alignment_of<'d>(
    [a, b]: [&'d Document; 2],
    beads: &[UnitBead],
    model: LengthModel,
    units: &[Prepared; 2],
    terms: Option<&TermIds>,
    options: &AlignOptions,
) -> Alignment<'d> {
    let mut pairs: Vec<Pair<'d>> = match options.level {
        Level::Paragraph => beads.par_iter().map(|bead| pairs::unit_pair([a, b], bead, &model, units)).collect(),
        Level::Sentence => {
            let parts: Vec<Vec<Pair<'d>>> =
                beads.par_iter().map(|bead| pairs::sentence_pairs([a, b], bead, &model, terms)).collect();
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
    let (mut first, vocabulary) =
        rayon::join(|| first_pass(a, b), || (!options.without_lexicon).then(|| vocabulary(&[[a, b]], options)));
    let terms = vocabulary.map(|v| learn(&[[a, b]], v, &mut [&mut first]));
    let weight = terms.as_ref().map(|t| t.1);
    let terms = terms.map(|t| t.0);
    let (beads, model, units) = second_pass(first, weight);
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

    #[test]
    fn no_glossary_aligns_as_the_shipped_one_given() {
        // The command line gives none where the user gives none: the aligner's shared
        // copy, not one made for the call.
        let (zh, ru) = (doc("tests/fixtures/un-charter-1945.zh.txt"), doc("tests/fixtures/un-charter-1945.ru.txt"));
        let shipped = Some(std::sync::Arc::new(Glossary::shipped().clone()));
        let with = |glossary| align(&zh, &ru, &AlignOptions { glossary, ..Default::default() }).pairs;
        let none = with(None);
        assert!(none.len() > 300);
        assert_eq!(none, with(shipped));
    }
}
