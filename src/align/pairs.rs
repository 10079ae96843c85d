//! Beads made into the pairs a user reads: the units' refs and texts, and the
//! confidence in each pair.

use std::borrow::Cow;

use compact_str::format_compact;

use super::lexical::TermIds;
use super::model::{self, Features, LengthModel, Tally};
use super::prepared::Prepared;
use super::{Pair, Segment, UnitBead, beads};
use crate::model::{Document, Unit, UnitKind};
use crate::segment;

fn segment_of(unit: &Unit) -> Segment<'_> {
    Segment { r#ref: unit.r#ref.clone(), text: Cow::Borrowed(&unit.text) }
}

/// The pair of a unit bead, scored with the features the search read.
pub(super) fn unit_pair<'d>(
    docs: [&'d Document; 2],
    bead: &UnitBead,
    model: &LengthModel,
    units: &[Prepared; 2],
) -> Pair<'d> {
    let [a, b] = docs;
    let score = match (bead.a.as_slice(), bead.b.as_slice()) {
        ([], _) | (_, []) => 0.0,
        (sa, sb) => model::confidence_of(model, &tally(units, sa, sb), bead.structural),
    };
    Pair {
        sides: [
            bead.a.iter().map(|&i| segment_of(&a.units[i])).collect(),
            bead.b.iter().map(|&j| segment_of(&b.units[j])).collect(),
        ],
        score,
    }
}

/// The tally of a bead of consecutive units `sa` and `sb` (at most three a side).
fn tally(units: &[Prepared; 2], sa: &[usize], sb: &[usize]) -> Tally {
    let [pa, pb] = units;
    let (ra, rb) = (sa[0]..sa[0] + sa.len(), sb[0]..sb[0] + sb.len());
    let matched = pa.anchor_lists(ra.start, ra.end).shared(pb.anchor_lists(rb.start, rb.end));
    let terms = pa.term_lists(ra.start, ra.end).shared(pb.term_lists(rb.start, rb.end));
    Tally {
        len: [pa.length_of(ra.start, ra.end), pb.length_of(rb.start, rb.end)],
        matched,
        unmatched: pa.anchor_count(ra.start, ra.end) + pb.anchor_count(rb.start, rb.end) - 2 * matched,
        numbers: (ra.len() == 1 && rb.len() == 1).then(|| [pa.number(ra.start), pb.number(rb.start)]),
        terms: [terms, pa.term_count(ra.start, ra.end) + pb.term_count(rb.start, rb.end) - 2 * terms],
    }
}

/// Sentence pairs inside one unit bead: the sentences of each side, aligned.
pub(super) fn sentence_pairs<'d>(
    docs: [&'d Document; 2],
    bead: &UnitBead,
    model: &LengthModel,
    terms: Option<&TermIds>,
) -> Vec<Pair<'d>> {
    let [a, b] = docs;
    let (sa, fa) = sentences(a, &bead.a, terms.map(|t| (t, 0)));
    let (sb, fb) = sentences(b, &bead.b, terms.map(|t| (t, 1)));
    let beads = beads::align(model, &fa, &fb);
    let structural = bead.structural && sa.len() == sb.len();
    let (mut i, mut j) = (0, 0);
    beads
        .into_iter()
        .map(|(da, db)| {
            let pair = Pair {
                sides: [sa[i..i + da].to_vec(), sb[j..j + db].to_vec()],
                score: model::confidence(model, &fa[i..i + da], &fb[j..j + db], structural),
            };
            i += da;
            j += db;
            pair
        })
        .collect()
}

/// The sentences of units `idx` of `doc`, with their features (and their terms, with
/// the link ids of a lexicon and the side `doc` is on); a heading is one sentence.
fn sentences<'d>(
    doc: &'d Document,
    idx: &[usize],
    terms: Option<(&TermIds, usize)>,
) -> (Vec<Segment<'d>>, Vec<Features>) {
    idx.iter()
        .flat_map(|&i| {
            let u = &doc.units[i];
            let heading = u.kind == UnitKind::Heading;
            let sentences = if heading { vec![u.text.clone()] } else { segment::sentences(doc.lang, &u.text) };
            sentences.into_iter().enumerate().map(move |(k, s)| {
                let mut f = Features::of_text(doc.lang, &s, None, heading);
                if let Some((ids, side)) = terms {
                    f.terms = ids.terms_of_text(side, &s);
                }
                (Segment { r#ref: format_compact!("{}.s{}", u.r#ref, k + 1), text: Cow::Owned(s) }, f)
            })
        })
        .unzip()
}

/// Errors come in clusters: where the texts stop corresponding one to one (an omission,
/// a merge), the pairs next to the spot are less sure than the rest.
pub(super) fn doubt_neighbours(pairs: &mut [Pair]) {
    let odd: Vec<bool> = pairs.iter().map(|p| p.sides[0].len() != 1 || p.sides[1].len() != 1).collect();
    for (i, p) in pairs.iter_mut().enumerate() {
        let near = (i > 0 && odd[i - 1]) || odd.get(i + 1).copied().unwrap_or(false);
        if near && !odd[i] {
            p.score *= 0.75;
        }
    }
}
