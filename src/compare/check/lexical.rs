//! Findings from the lexicon learned from the pairs themselves: neighbouring pairs
//! whose contents are swapped under their numbers (`crossed_pairs`). A warning: the
//! evidence is statistical.

use super::{Finding, Kind, Severity, pair_refs};
use crate::align::Alignment;
use crate::lexicon::Lexicon;
use crate::model::UnitKind;

/// A clause needs this many linked terms of its own before its absence is evidence.
/// How much better the crossed contents must match than the paired ones (the sum of
/// two scores from 0 to 1). The lexicon is learned from these same pairs, swapped
/// ones included, so it leans towards the pairs as they are: a small margin already
/// means much. On the treaty, the UN Charter and the SDG texts no neighbours come
/// within it; paragraphs 1 and 2 of the treaty's Article 8 swapped clear it.
const CROSSED_MARGIN: f64 = 0.1;

/// The lexicon learned from the alignment's own pairs.
pub(super) fn learn(alignment: &Alignment) -> Lexicon {
    let texts: Vec<[String; 2]> = alignment
        .pairs
        .iter()
        .filter(|p| !p.sides[0].is_empty() && !p.sides[1].is_empty())
        .map(|p| [p.text(0), p.text(1)])
        .collect();
    let pairs: Vec<[&str; 2]> = texts.iter().map(|t| [t[0].as_str(), t[1].as_str()]).collect();
    Lexicon::learn([alignment.docs[0].lang, alignment.docs[1].lang], &pairs)
}

/// A surer lexicon learned from the alignment's own pairs: only terms that are each
/// other's best link, for evidence about single words (the polarity check).
pub(super) fn learn_mutual(alignment: &Alignment) -> Lexicon {
    let langs = [alignment.docs[0].lang, alignment.docs[1].lang];
    let texts: [Vec<String>; 2] = [0, 1].map(|s| {
        alignment.pairs.iter().filter(|p| !p.sides[0].is_empty() && !p.sides[1].is_empty()).map(|p| p.text(s)).collect()
    });
    let refs: [Vec<&str>; 2] = [0, 1].map(|s| texts[s].iter().map(String::as_str).collect());
    let mut lexicon = Lexicon::default();
    let [a, b] = lexicon.intern_all(langs, [&refs[0], &refs[1]]);
    lexicon.learn_links(a.iter().zip(b.iter()).map(|(x, y)| [x, y]), true, 2);
    lexicon
}

/// Crossed pairs.
pub(super) fn check(alignment: &Alignment, lexicon: &Lexicon, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let langs = [docs[0].lang, docs[1].lang];
    let keys: Vec<[Vec<u32>; 2]> =
        alignment.pairs.iter().map(|p| [0, 1].map(|s| lexicon.keys(s, langs[s], &p.text(s)))).collect();
    crossed(alignment, lexicon, &keys, out);
}

/// Neighbouring 1-1 pairs of paragraphs in one container whose contents match each
/// other's counterparts clearly better than their own.
fn crossed(alignment: &Alignment, lexicon: &Lexicon, keys: &[[Vec<u32>; 2]], out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let pairs = &alignment.pairs;
    let body = |i: usize| {
        let p = &pairs[i];
        (0..2).all(|s| {
            p.sides[s].len() == 1
                && docs[s]
                    .unit(&p.sides[s][0].r#ref)
                    .is_some_and(|u| matches!(u.kind, UnitKind::Paragraph | UnitKind::Item))
        })
    };
    let container = |i: usize, s: usize| docs[s].unit(&pairs[i].sides[s][0].r#ref).map(|u| u.info.container.as_str());
    for i in 1..pairs.len() {
        let j = i - 1;
        if !body(i) || !body(j) || container(i, 0) != container(j, 0) || container(i, 1) != container(j, 1) {
            continue;
        }
        let own = lexicon.score(&keys[j][0], &keys[j][1]) + lexicon.score(&keys[i][0], &keys[i][1]);
        let cross = lexicon.score(&keys[j][0], &keys[i][1]) + lexicon.score(&keys[i][0], &keys[j][1]);
        if cross > own + CROSSED_MARGIN {
            out.push(Finding {
                severity: Severity::Warning,
                kind: Kind::CrossedPairs,
                side: None,
                refs: {
                    let ([mut a, mut b], [c, d]) = (pair_refs(&pairs[j]), pair_refs(&pairs[i]));
                    a.extend(c);
                    b.extend(d);
                    [a, b]
                },
                message: format!(
                    "the contents of {} and {} match each other's counterparts better than their own (term agreement {:.2} crossed, {:.2} as paired)",
                    pairs[j].refs(0),
                    pairs[i].refs(0),
                    cross / 2.0,
                    own / 2.0
                ),
                order: j,
            });
        }
    }
}
