//! The length and anchor model that scores a bead: how likely it is that some units
//! of one text translate some units of the other.
//!
//! Length follows Gale & Church (1993): the length of a translation is about `c`
//! times the length of the original, with variance growing with length. Neither text
//! is the original here; `c` is simply the ratio of the second text's length to the
//! first's, estimated from the document pair itself, and so is the variance.

use crate::anchors::{self, AnchorKind};
use crate::model::{Document, Unit};

/// What the scorer knows about one unit.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Characters, not counting spaces.
    pub len: f64,
    /// Anchors as hashed `kind:value` keys with counts, sorted by key: compared by a
    /// merge of two sorted lists, without building maps in the search's inner loop.
    /// [`Features::of`] reads a unit's own; the aligner adds the names the two texts
    /// write in Latin and in Cyrillic letters (`names`).
    pub anchors: Vec<(u64, u32)>,
    /// Terms of a bilingual lexicon the unit contains, as link ids with counts,
    /// sorted by id: a Chinese unit and a Russian unit share an id when they hold
    /// two linked terms. Shared terms make a bead cheaper ([`term_cost`]), compared
    /// like anchors (one merge of precomputed sorted lists per bead).
    /// [`Features::of`] reads no terms: the aligner lays a unit's out straight in its
    /// search lists from the lexicon it learns, and fills in a sentence's
    /// ([`super::lexical`]).
    pub terms: Vec<(u32, u32)>,
    /// The ordinal of a numbered paragraph or heading, if it has one.
    pub number: Option<u32>,
    /// Whether this unit is a heading.
    pub heading: bool,
    /// Whether the unit ends in a comma: its sentence goes on in the next unit.
    pub continues: bool,
}

impl Features {
    /// Reads the features of a unit of `doc`.
    pub fn of(doc: &Document, unit: &Unit) -> Self {
        Self::of_text(
            doc.lang,
            &unit.text,
            unit.info.ordinal.map(|o| o.1).or(unit.info.number.map(|n| n.1)),
            unit.kind == crate::UnitKind::Heading,
        )
    }

    /// Reads the features of a text.
    pub fn of_text(lang: crate::Lang, text: &str, number: Option<u32>, heading: bool) -> Self {
        let mut keys: Vec<u64> = anchors::read(lang, text)
            .into_iter()
            .filter(|a| !(a.kind == AnchorKind::Number && a.value == "1"))
            .map(|a| {
                let class = match a.kind {
                    AnchorKind::Number | AnchorKind::Reference => 'n',
                    AnchorKind::Latin => 'l',
                    AnchorKind::Quote => 'q',
                    AnchorKind::Punctuation => 'p',
                    AnchorKind::Name => 'm',
                };
                key(class, if a.kind == AnchorKind::Quote { "" } else { &a.value })
            })
            .collect();
        keys.sort_unstable();
        let mut counted: Vec<(u64, u32)> = Vec::new();
        for k in keys {
            match counted.last_mut() {
                Some((last, n)) if *last == k => *n += 1,
                _ => counted.push((k, 1)),
            }
        }
        Features {
            len: crate::lang::chars::non_space_count(text) as f64,
            anchors: counted,
            terms: Vec::new(),
            number,
            heading,
            continues: text.trim_end().chars().next_back().is_some_and(|c| lang.profile().marks.commas.contains(&c)),
        }
    }
}

/// The length model's two parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    /// Characters of the second text per character of the first.
    pub ratio: f64,
    /// Variance of the second text's length per character of the first.
    pub variance: f64,
}

impl LengthModel {
    /// A first estimate: the ratio of total lengths, and a variance proportional to it.
    pub fn from_totals(a: f64, b: f64) -> Self {
        let ratio = if a > 0.0 && b > 0.0 { b / a } else { 1.0 };
        LengthModel { ratio, variance: 6.8 * ratio.max(0.1) }
    }

    /// Re-estimates the variance from pairs believed to be 1-1 translations.
    ///
    /// The estimate is pulled towards the first one as if that had come from
    /// [`PRIOR_PAIRS`] pairs: a news article's 15 pairs gave variances from 3 to 33 on
    /// the NTREX documents (`tests/synth.rs`), and the extremes
    /// misjudged their merges and gaps. A long text's own pairs outweigh the prior.
    pub fn refine(self, pairs: &[(f64, f64)]) -> Self {
        let usable: Vec<&(f64, f64)> = pairs.iter().filter(|(a, b)| *a > 0.0 && *b > 0.0).collect();
        if usable.len() < 5 {
            return self;
        }
        let (sa, sb): (f64, f64) = usable.iter().fold((0.0, 0.0), |(x, y), (a, b)| (x + a, y + b));
        let ratio = sb / sa;
        let var = usable.iter().map(|(a, b)| (b - ratio * a).powi(2) / a).sum::<f64>() / usable.len() as f64;
        let n = usable.len() as f64;
        let var = (n * var + PRIOR_PAIRS * self.variance) / (n + PRIOR_PAIRS);
        LengthModel { ratio, variance: var.clamp(0.5 * ratio, 50.0 * ratio) }
    }

    /// The standardised difference of lengths `a` and `b`.
    pub fn z(&self, a: f64, b: f64) -> f64 {
        let mean = ((a + b / self.ratio) / 2.0).max(1.0);
        (b - self.ratio * a) / (self.variance * mean).sqrt()
    }

    /// The probability of a length difference at least this large (two-sided).
    pub fn p(&self, a: f64, b: f64) -> f64 {
        2.0 * (1.0 - phi(self.z(a, b).abs()))
    }
}

/// How many pairs the first estimate of the variance counts as when
/// [`LengthModel::refine`] re-estimates it.
pub const PRIOR_PAIRS: f64 = 30.0;

/// The standard normal distribution function.
///
/// Written by hand (Abramowitz & Stegun 7.1.26, error below 1.5e-7): one function
/// is not worth a dependency.
pub fn phi(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs() / std::f64::consts::SQRT_2);
    let poly =
        t * (0.254_829_592 + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 { 0.5 * (1.0 + erf) } else { 0.5 * (1.0 - erf) }
}

/// `−ln poly(t)` of [`phi`]'s formula, tabulated on `z` (see [`LengthModel::cost`]).
struct TailTable(Vec<f64>);

impl TailTable {
    /// Steps of the table per unit of `z`.
    const STEPS: f64 = 256.0;
    /// Beyond this `z` the cost is at its ceiling.
    const Z_MAX: f64 = 8.0;
    /// The ceiling, `−ln 1e-12`.
    const CEILING: f64 = 27.631_021_115_928_547;

    fn new() -> Self {
        let size = (Self::Z_MAX * Self::STEPS) as usize + 2;
        TailTable(
            (0..size)
                .map(|k| {
                    let z = k as f64 / Self::STEPS;
                    let t = 1.0 / (1.0 + 0.327_591_1 * z / std::f64::consts::SQRT_2);
                    let poly = t
                        * (0.254_829_592
                            + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
                    -poly.ln()
                })
                .collect(),
        )
    }
}

static TAIL: std::sync::LazyLock<TailTable> = std::sync::LazyLock::new(TailTable::new);

impl LengthModel {
    /// The length term of a bead's cost: `−ln p(a, b)`, at most `−ln 1e-12`, read
    /// from a table instead of computed, since the search asks for it at every cell
    /// and bead.
    ///
    /// With [`phi`]'s formula, `p = poly(t) · exp(−z²/2)` where `t = 1/(1 +
    /// 0.3275911 · z/√2)`, so `−ln p = z²/2 − ln poly(t)`. The second term is smooth
    /// and grows slowly; it is tabulated once on `z` and interpolated linearly,
    /// which is exact to about 1e-6. The first is computed.
    #[inline]
    pub fn cost(&self, a: f64, b: f64) -> f64 {
        cost_of_z(self.z(a, b).abs())
    }
}

/// `−ln p` of a standardised length difference `z ≥ 0` (see [`LengthModel::cost`]).
#[inline]
pub fn cost_of_z(z: f64) -> f64 {
    if z >= TailTable::Z_MAX {
        return TailTable::CEILING;
    }
    let table = &TAIL.0;
    let x = z * TailTable::STEPS;
    let k = x as usize;
    let tail = table[k] + (x - k as f64) * (table[k + 1] - table[k]);
    (z * z / 2.0 + tail).min(TailTable::CEILING)
}

/// The hashed key of an anchor. `DefaultHasher::new()` has fixed keys, so the same
/// anchor hashes the same in every run; a collision would only merge two anchors.
pub(super) fn key(class: char, value: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    class.hash(&mut h);
    value.hash(&mut h);
    h.finish()
}

/// The anchors of several units as one sorted list.
pub fn combine(features: &[Features]) -> Vec<(u64, u32)> {
    merge_keys(features.iter().map(|f| f.anchors.as_slice()))
}

/// Several sorted lists of keys with counts as one, the counts of equal keys added.
pub fn merge_keys<'a, K: Ord + Copy + 'a>(lists: impl IntoIterator<Item = &'a [(K, u32)]>) -> Vec<(K, u32)> {
    let mut all: Vec<(K, u32)> = lists.into_iter().flatten().copied().collect();
    all.sort_unstable_by_key(|x| x.0);
    let mut out: Vec<(K, u32)> = Vec::with_capacity(all.len());
    for (k, n) in all {
        match out.last_mut() {
            Some((last, m)) if *last == k => *m += n,
            _ => out.push((k, n)),
        }
    }
    out
}

/// How many anchors two sides share, and how many they do not.
pub fn anchor_agreement(a: &[Features], b: &[Features]) -> (usize, usize) {
    let (ca, cb);
    let left: &[(u64, u32)] = if let [one] = a {
        &one.anchors
    } else {
        ca = combine(a);
        &ca
    };
    let right: &[(u64, u32)] = if let [one] = b {
        &one.anchors
    } else {
        cb = combine(b);
        &cb
    };
    let matched = shared(left, right);
    let total: usize = left.iter().chain(right).map(|x| x.1 as usize).sum();
    (matched, total - 2 * matched)
}

/// How many keys two sorted lists of keys with counts share (counting each key as
/// often as both lists have it): one merge, no allocation.
#[inline]
pub fn shared<K: Ord>(left: &[(K, u32)], right: &[(K, u32)]) -> usize {
    let (mut i, mut j, mut matched) = (0, 0, 0usize);
    while i < left.len() && j < right.len() {
        match left[i].0.cmp(&right[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                matched += left[i].1.min(right[j].1) as usize;
                i += 1;
                j += 1;
            }
        }
    }
    matched
}

/// The cost of each anchor both sides of a bead have (a gain, so negative).
pub const ANCHOR_MATCH: f64 = -1.2;
/// The cost of each anchor one side of a bead has and the other does not.
pub const ANCHOR_MISS: f64 = 0.6;
/// The most a bead's lexicon terms can lower its cost: when every term of each side
/// has its linked term on the other side, and they are many.
/// Measured on the NTREX documents aligned with a shared lexicon ([`super::align_all`],
/// three seeds), 12 lowers errors against 8 at both rates; much more lets the lexicon
/// overrule the structure of the UN Charter (`tests/checking.rs`).
pub const TERM_GAIN: f64 = 12.0;
/// How many terms (of both sides together) give a bead half of [`TERM_GAIN`].
pub const TERM_HALF_GAIN: f64 = 8.0;

/// The lexicon terms' part of the cost of a bead with units on both sides, of which
/// `shared` terms are on both sides and `a` and `b` on each: a gain (negative) that
/// grows with the share of the terms that have their counterpart, and with how many
/// terms there are, up to [`TERM_GAIN`].
///
/// A share, not a count: units merged into one bead hold more terms, and some of
/// them find a counterpart in the other units by chance, so a count would favour
/// merges; a share favours the beads whose units render each other. A term one side
/// has and the other does not lowers the share: a lexicon knows only some of the
/// ways to render a term, so it is no proof against the pair.
#[inline]
pub fn term_cost(shared: usize, a: usize, b: usize) -> f64 {
    let seen = (a + b) as f64;
    if seen == 0.0 {
        return 0.0;
    }
    -TERM_GAIN * (2.0 * shared as f64 / seen) * seen / (seen + TERM_HALF_GAIN)
}

/// The cost of each unit of a merged bead (2-1, 1-2 …) that holds lexicon terms of
/// which none is on the other side: a dropped unit absorbed into its neighbour's pair
/// looks so. Measured on the NTREX documents in one text and with a shared lexicon
/// (`tests/synth.rs`, three seeds), it lowers errors at every rate.
pub const UNLINKED_UNIT: f64 = 3.0;
/// The cost of a 1-1 bead whose two units both hold lexicon terms and share none:
/// more likely two units without counterparts (1-0 and 0-1). Small, as a lexicon
/// knows only some renderings; measured as [`UNLINKED_UNIT`] is, it lowers errors or
/// leaves them as they are with every seed.
pub const NO_SHARED_TERM: f64 = 0.5;

/// The cost of a paired unit whose printed number agrees with its counterpart's.
pub const NUMBER_MATCH: f64 = -2.0;
/// The cost of a paired unit whose printed number differs from its counterpart's.
pub const NUMBER_MISS: f64 = 2.0;
/// The cost of pairing a heading with a unit that is not one.
pub const HEADING_MISS: f64 = 4.0;

/// The most weight term agreement has in a pair's confidence.
pub const TERM_WEIGHT: f64 = 0.7;
/// How many terms give term agreement half its most weight.
pub const TERM_HALF: f64 = 8.0;

/// Bead priors (Gale & Church's, with 2-2 and 3-1 added), as costs. A unit without
/// a counterpart is four times likelier than Gale & Church's 0.005 (from
/// parliamentary proceedings): with that, most lines dropped from the NTREX documents
/// (`tests/synth.rs`) were taken into a neighbour's pair. Higher still, the clean
/// documents' pairs of very unequal length are cut into two gaps, and a clause
/// deleted from the UN Charter (`tests/checking.rs`) too.
pub fn prior_cost(na: usize, nb: usize) -> f64 {
    let p = match (na, nb) {
        (1, 1) => 0.89,
        (1, 0) | (0, 1) => 0.02,
        (2, 1) | (1, 2) => 0.0445,
        (2, 2) => 0.002,
        (3, 1) | (1, 3) => 0.004,
        _ => 0.001,
    };
    -f64::ln(p)
}

/// The cost of a bead: length, anchors, lexicon terms, numbering and prior. Lower
/// is likelier.
///
/// This is the definition; the search computes the same from features of runs of
/// units prepared before it starts, and only as far as the bead can still win.
pub fn bead_cost(model: &LengthModel, a: &[Features], b: &[Features]) -> f64 {
    let la: f64 = a.iter().map(|f| f.len).sum();
    let lb: f64 = b.iter().map(|f| f.len).sum();
    // A unit without a counterpart says nothing about lengths: its cost is the prior
    // alone (and its anchors, below), as in hunalign, not Gale & Church's length
    // term, which would make a long omission dearer than a wrong merge.
    let mut cost = prior_cost(a.len(), b.len());
    if !a.is_empty() && !b.is_empty() {
        cost -= model.p(la, lb).max(1e-12).ln();
    }
    let (matched, unmatched) = anchor_agreement(a, b);
    cost += ANCHOR_MISS * unmatched as f64 + ANCHOR_MATCH * matched as f64;
    let terms = |side: &[Features]| merge_keys(side.iter().map(|f| f.terms.as_slice()));
    let (ta, tb) = (terms(a), terms(b));
    let matched = shared(&ta, &tb);
    let count = |t: &[(u32, u32)]| t.iter().map(|x| x.1 as usize).sum::<usize>();
    if !a.is_empty() && !b.is_empty() {
        cost += term_cost(matched, count(&ta), count(&tb));
    }
    if a.len() == 1 && b.len() == 1 && count(&ta) > 0 && count(&tb) > 0 && matched == 0 {
        cost += NO_SHARED_TERM;
    }
    if a.len() + b.len() > 2 && count(&ta) > 0 && count(&tb) > 0 {
        for (side, other) in [(a, &tb), (b, &ta)] {
            if side.len() > 1 {
                let unlinked = side.iter().filter(|f| !f.terms.is_empty() && shared(&f.terms, other) == 0).count();
                cost += UNLINKED_UNIT * unlinked as f64;
            }
        }
    }
    if let ([x], [y]) = (a, b) {
        cost += pair_cost(x, y);
    }
    let continues = |side: &[Features]| side.last().is_some_and(|f| f.continues);
    if continues(a) != continues(b) {
        cost += CONTINUATION_MISS;
    }
    cost
}

/// The cost of a bead whose last unit on one side ends in a comma, its sentence
/// going on in the next unit, and on the other side does not: a sentence cut in two
/// on one side pairs as a whole with the other side's. The commas are the language
/// profiles' ([`crate::lang::Marks::commas`]); both sides ending in one (the items of
/// a list) cost nothing. Small: a comma ends some lines of clean NTREX documents whose
/// counterpart ends in a stop, and a larger cost merged them with the next.
pub const CONTINUATION_MISS: f64 = 1.0;

/// The cost of pairing one unit with one unit beyond length and anchors: printed
/// numbers and headings.
#[inline]
pub fn pair_cost(x: &Features, y: &Features) -> f64 {
    let mut cost = match (x.number, y.number) {
        (Some(m), Some(n)) if m == n => NUMBER_MATCH,
        (Some(_), Some(_)) => NUMBER_MISS,
        _ => 0.0,
    };
    if x.heading != y.heading {
        cost += HEADING_MISS;
    }
    cost
}

/// What the confidence of a bead is computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    /// The length of each side.
    pub len: [f64; 2],
    /// Anchors both sides have.
    pub matched: usize,
    /// Anchors one side has and the other does not.
    pub unmatched: usize,
    /// For a bead of one unit on each side, their printed numbers.
    pub numbers: Option<[Option<u32>; 2]>,
    /// Lexicon terms both sides have, and terms one side has and the other does not.
    pub terms: [usize; 2],
}

impl Tally {
    /// The tally of a bead of these units.
    pub fn of(a: &[Features], b: &[Features]) -> Self {
        let (matched, unmatched) = anchor_agreement(a, b);
        let (ta, tb) = [a, b].map(|side| merge_keys(side.iter().map(|f| f.terms.as_slice()))).into();
        let shared_terms = shared(&ta, &tb);
        let count = |t: &[(u32, u32)]| t.iter().map(|x| x.1 as usize).sum::<usize>();
        Tally {
            len: [a.iter().map(|f| f.len).sum(), b.iter().map(|f| f.len).sum()],
            matched,
            unmatched,
            numbers: match (a, b) {
                ([x], [y]) => Some([x.number, y.number]),
                _ => None,
            },
            terms: [shared_terms, count(&ta) + count(&tb) - 2 * shared_terms],
        }
    }
}

/// The confidence of a bead, from 0 to 1: how sure the pair is a translation pair.
/// Unpaired units score 0. `structural` says the two texts' structure agrees on the
/// pair (same container, same number of units, all paired one to one), which halves
/// the doubt that length and anchors leave.
pub fn confidence(model: &LengthModel, a: &[Features], b: &[Features], structural: bool) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    confidence_of(model, &Tally::of(a, b), structural)
}

/// [`confidence`] of a bead with both sides non-empty, from its tally.
pub fn confidence_of(model: &LengthModel, tally: &Tally, structural: bool) -> f64 {
    let [la, lb] = tally.len;
    // Lengths of true translations spread more than the search's model allows for
    // the *best* path; for confidence, a difference of two standard deviations is
    // doubtful, not damning.
    let p_len = 2.0 * (1.0 - phi(model.z(la, lb).abs() / 2.0));
    // The more anchors or terms, the more they say; a learned lexicon's terms say
    // less each than anchors do.
    let blend = |score: f64, [matched, unmatched]: [usize; 2], most: f64, half: f64| {
        let seen = (matched * 2 + unmatched) as f64;
        if seen == 0.0 {
            return score;
        }
        let weight = most * seen / (seen + half);
        (1.0 - weight) * score + weight * 2.0 * matched as f64 / seen
    };
    let mut score = blend(p_len, [tally.matched, tally.unmatched], 0.6, 2.0);
    score = blend(score, tally.terms, TERM_WEIGHT, TERM_HALF);
    if let Some(numbers) = tally.numbers {
        match numbers {
            [Some(m), Some(n)] if m == n => score = 1.0 - (1.0 - score) / 2.0,
            [Some(_), Some(_)] => score *= 0.5,
            _ => {}
        }
    } else {
        score *= 0.9;
    }
    if structural {
        score = 1.0 - (1.0 - score) / 2.0;
    }
    score.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phi_matches_tables() {
        assert!((phi(0.0) - 0.5).abs() < 1e-7);
        assert!((phi(1.96) - 0.975).abs() < 1e-3);
        assert!((phi(-1.0) - 0.1587).abs() < 1e-3);
    }

    #[test]
    fn tabulated_length_cost_is_minus_log_p() {
        let m = LengthModel::from_totals(100.0, 250.0).refine(&[
            (10.0, 26.0),
            (20.0, 49.0),
            (5.0, 13.0),
            (7.0, 17.0),
            (30.0, 80.0),
        ]);
        for a in [0.0, 1.0, 7.0, 30.0, 200.0] {
            for b in [0.0, 2.0, 17.0, 80.0, 500.0, 2000.0] {
                let want = -m.p(a, b).max(1e-12).ln();
                assert!((m.cost(a, b) - want).abs() < 1e-5, "{a} {b}: {} {want}", m.cost(a, b));
            }
        }
    }

    #[test]
    fn length_model_prefers_proportional_lengths() {
        let m = LengthModel::from_totals(100.0, 250.0);
        assert!(m.p(40.0, 100.0) > m.p(40.0, 200.0));
        assert!(m.p(40.0, 100.0) > 0.9);
    }
}
