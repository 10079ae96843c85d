//! The two passes of the aligner over a pair of documents, and over many pairs that
//! share one lexicon: the first by length and anchors, whose 1-1 pairs re-estimate
//! the length model and teach the lexicon; the second with the lexicon's terms.

use std::sync::Arc;

use rayon::prelude::*;

use super::containers::{self, Aligned, Containers};
use super::lexical::{TermIds, Vocabulary};
use super::model::{Features, LengthModel};
use super::prepared::Prepared;
use super::{AlignOptions, Alignment, UnitBead, alignment_of};
use crate::lexicon::Glossary;
use crate::model::Document;

/// Aligns many pairs of documents with one lexicon, learned from the first pass's 1-1
/// pairs of all of them: a document too short to teach a lexicon of its own aligns
/// with what its companions teach. Each pair is otherwise aligned as [`super::align`] aligns
/// it (its own length model, its own containers); pairs of other languages than the
/// first pair's learn a lexicon of their own languages, shared in the same way.
pub fn align_all<'d>(pairs: &[(&'d Document, &'d Document)], options: &AlignOptions) -> Vec<Alignment<'d>> {
    let ordered: Vec<[&'d Document; 2]> =
        pairs.iter().map(|&(x, y)| if y.lang < x.lang { [y, x] } else { [x, y] }).collect();
    // One lexicon per pair of languages, in the order the pairs first appear.
    let mut langs: Vec<[crate::Lang; 2]> = Vec::new();
    for [a, b] in &ordered {
        if !langs.contains(&[a.lang, b.lang]) && !options.without_lexicon {
            langs.push([a.lang, b.lang]);
        }
    }
    let members: Vec<Vec<usize>> = langs
        .iter()
        .map(|&l| (0..ordered.len()).filter(|&k| [ordered[k][0].lang, ordered[k][1].lang] == l).collect())
        .collect();
    let docs: Vec<Vec<[&Document; 2]>> = members.iter().map(|m| m.iter().map(|&k| ordered[k]).collect()).collect();
    let (mut firsts, vocabularies): (Vec<FirstPass>, Vec<Vocabulary>) = rayon::join(
        || ordered.par_iter().map(|&[a, b]| first_pass(a, b)).collect(),
        || docs.par_iter().map(|d| vocabulary(d, options)).collect(),
    );
    // The lexicon of each pair of languages, and how much it weighs in the search.
    let mut lexicons: Vec<(TermIds, f64)> = Vec::new();
    let mut which: Vec<Option<usize>> = vec![None; ordered.len()];
    for ((&l, vocabulary), (members, docs)) in langs.iter().zip(vocabularies).zip(members.iter().zip(&docs)) {
        let mut group: Vec<&mut FirstPass> =
            firsts.iter_mut().zip(&ordered).filter(|(_, d)| [d[0].lang, d[1].lang] == l).map(|(f, _)| f).collect();
        lexicons.push(learn(docs, vocabulary, &mut group));
        for &k in members {
            which[k] = Some(lexicons.len() - 1);
        }
    }
    firsts
        .into_par_iter()
        .zip(ordered.par_iter())
        .zip(which.into_par_iter())
        .map(|((first, &docs), which)| {
            let lexicon = which.map(|k| &lexicons[k]);
            let (beads, model, units) = second_pass(first, lexicon.map(|t| t.1));
            alignment_of(docs, &beads, model, &units, lexicon.map(|t| &t.0), options)
        })
        .collect()
}

/// What the first pass, by length and anchors, leaves for the second.
pub(super) struct FirstPass {
    /// The length model, its variance re-estimated from the first pass's 1-1 pairs.
    model: LengthModel,
    containers: [Containers; 2],
    units: [Prepared; 2],
    /// The 1-1 pairs the first pass found, as unit indices.
    ones: Vec<(usize, usize)>,
    /// What it found.
    aligned: Aligned,
    /// The lexicon's terms of each text's units as the search weighs them
    /// ([`Prepared::set_terms`]), once learned.
    terms: Option<[Terms; 2]>,
    /// The terms the confidence counts, where they are not those the search weighs.
    scoring: Option<[Terms; 2]>,
}

/// A text's units' lexicon terms, laid out for the search: where each unit's start,
/// and their ids.
type Terms = (Vec<usize>, Vec<u32>);

/// The first pass over two documents, by length and anchors.
pub(super) fn first_pass(a: &Document, b: &Document) -> FirstPass {
    let features = |doc: &Document| -> Vec<Features> { doc.units.par_iter().map(|u| Features::of(doc, u)).collect() };
    // Names in Latin letters in one text and in Cyrillic in the other are anchors too,
    // read from the texts while the units' own anchors are.
    let ta: Vec<&str> = a.units.iter().map(|u| u.text.as_str()).collect();
    let tb: Vec<&str> = b.units.iter().map(|u| u.text.as_str()).collect();
    let ((mut fa, mut fb), names) = rayon::join(
        || rayon::join(|| features(a), || features(b)),
        || super::names::Names::read([a.lang, b.lang], [&ta, &tb]),
    );
    if let Some(names) = names {
        names.add_to([&mut fa, &mut fb]);
    }
    let total = |f: &[Features]| f.iter().map(|x| x.len).sum::<f64>();
    let model = LengthModel::from_totals(total(&fa), total(&fb));
    let containers = Containers::of([a, b], [&fa, &fb]);
    let units = prepared([&fa, &fb]);
    // The units' features are laid out in `units` and `containers`: the searches read
    // those, with the terms learned in between.
    drop((fa, fb));
    let first = containers::align([&containers[0], &containers[1]], [&units[0], &units[1]], &model, None);
    let ones: Vec<(usize, usize)> =
        first.beads.iter().filter(|x| x.a.len() == 1 && x.b.len() == 1).map(|x| (x.a[0], x.b[0])).collect();
    // The second pass with the variance re-estimated from the first's 1-1 pairs.
    let lengths: Vec<(f64, f64)> = ones.iter().map(|&(i, j)| (units[0].length(i), units[1].length(j))).collect();
    let aligned = first.into_earlier(&containers[0]);
    FirstPass { model: model.refine(&lengths), containers, units, ones, aligned, terms: None, scoring: None }
}

/// The terms of the units of some pairs of documents of the same languages, and the
/// glossary's entries in them: what the lexicon is learned from, read from the texts
/// alone (while the first pass runs).
pub(super) fn vocabulary(docs: &[[&Document; 2]], options: &AlignOptions) -> Vocabulary {
    let langs = [docs[0][0].lang, docs[0][1].lang];
    let texts: [Vec<&str>; 2] =
        [0, 1].map(|s| docs.iter().flat_map(|d| d[s].units.iter().map(|u| u.text.as_str())).collect());
    let (glossary, everyday) = match options.glossary.as_deref() {
        Some(user) => (Arc::new(user.and_everyday()), user.entries().len()),
        None => (Glossary::shipped_and_everyday_shared().clone(), Glossary::shipped_len()),
    };
    Vocabulary::of(langs, [texts[0].as_slice(), texts[1].as_slice()], glossary, everyday as u32)
}

/// Learns the lexicon from the first passes of some pairs of documents of the same
/// languages, whose [`vocabulary`] is `vocabulary`, and lays out their units' terms
/// for the second pass. Returns the lexicon the confidence counts and how much the
/// search weighs the terms laid out: learned from few pairs, the search's are only the links met in
/// several pairs ([`Vocabulary::learn`]), weighed less ([`SMALL_LEXICON_WEIGHT`]).
pub(super) fn learn(docs: &[[&Document; 2]], vocabulary: Vocabulary, firsts: &mut [&mut FirstPass]) -> (TermIds, f64) {
    let langs = [docs[0][0].lang, docs[0][1].lang];
    let mut offsets = vec![[0usize; 2]];
    for d in docs {
        let last = offsets[offsets.len() - 1];
        offsets.push([last[0] + d[0].units.len(), last[1] + d[1].units.len()]);
    }
    let ones: Vec<(usize, usize)> =
        firsts.iter().zip(&offsets).flat_map(|(f, o)| f.ones.iter().map(move |&(i, j)| (i + o[0], j + o[1]))).collect();
    let (ids, search, terms) = vocabulary.learn(langs, &ones);
    for (f, o) in firsts.iter_mut().zip(offsets.windows(2)) {
        let lists = |ids: &TermIds| [0, 1].map(|s| ids.lists(s, &terms, o[0][s]..o[1][s]));
        f.terms = Some(lists(search.as_ref().unwrap_or(&ids)));
        f.scoring = search.is_some().then(|| lists(&ids));
    }
    (ids, if search.is_some() { SMALL_LEXICON_WEIGHT } else { 1.0 })
}

/// How much the terms of a lexicon learned from fewer than [`super::MIN_PAIRS_TO_SEARCH`]
/// pairs weigh in the search, against one learned from more. On the NTREX documents
/// each aligned alone (`tests/synth.rs`, three seeds, one line in ten and in five
/// damaged), weights from 0.4 to 0.6 raised F1 alike with every seed against no
/// weight at all, where a full lexicon of so few pairs, at full weight, lowers it;
/// with the everyday words' links among the terms ([`Glossary::everyday`]), 0.7
/// raised it against 0.5 with every seed at one line in five, by 0.002 to 0.003.
pub(super) const SMALL_LEXICON_WEIGHT: f64 = 0.7;

/// The second pass: with the lexicon's terms laid out, weighed by `weight`, if
/// there is a lexicon. Returns the beads, the length model and the units' features
/// to score the pairs with.
pub(super) fn second_pass(first: FirstPass, weight: Option<f64>) -> (Vec<UnitBead>, LengthModel, [Prepared; 2]) {
    let FirstPass { model, mut containers, mut units, aligned: earlier, terms, scoring, .. } = first;
    if let (Some(w), Some([ta, tb])) = (weight, terms) {
        let lay = |u: &mut Prepared, c: &mut Containers, t: Terms| {
            u.set_terms(t);
            u.set_term_weight(w);
            c.set_term_weight(w);
        };
        // Each text's on its own thread.
        let ([ua, ub], [ca, cb]) = (&mut units, &mut containers);
        rayon::join(|| lay(ua, ca, ta), || lay(ub, cb, tb));
    }
    let beads =
        containers::align([&containers[0], &containers[1]], [&units[0], &units[1]], &model, Some(&earlier)).beads;
    // The confidence counts the terms of its own lexicon, in full, if the search's is
    // another: laid out in place of the search's once the search is done, not in a
    // copy of the units kept through it.
    if let Some(scoring) = scoring {
        for (u, t) in units.iter_mut().zip(scoring) {
            u.set_terms(t);
            u.set_term_weight(1.0);
        }
    }
    (beads, model, units)
}

/// The features of both texts laid out for the search, each text on its own thread.
fn prepared([fa, fb]: [&[Features]; 2]) -> [Prepared; 2] {
    let (pa, pb) = rayon::join(|| Prepared::of(fa), || Prepared::of(fb));
    [pa, pb]
}
