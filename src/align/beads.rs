//! The dynamic-programming aligner over beads: 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3.
//!
//! Small sequences are searched in full. A long one is first aligned coarsely — its
//! units in groups of eight, known by their lengths, aligned by the same search
//! (and so on down while the groups are many) — and then searched in a narrow band
//! around the coarse path, as Vecalign does. The band follows the texts wherever
//! they drift, so it stays narrow; it is wider where the coarse path drifts from
//! the diagonal (a gap, a run of merges), since where the fine path makes the drift
//! is not settled by the coarse one; and where the best path runs along its edge,
//! the band may have cut off a better one, so it is widened there and the search
//! repeated. The cost grows linearly with the length of the texts. When the same
//! units were aligned before (the aligner's second pass, with its lexicon), the
//! band follows that earlier path instead of a coarse one.
//!
//! Features are read from arrays prepared before the search; a bead's cost is
//! computed only as far as it can still beat the best bead into its cell, and the
//! length term comes from a table: nothing is allocated and no logarithm is taken
//! in the search.

use std::cell::RefCell;
use std::ops::Range;

use super::model::{
    ANCHOR_MATCH, ANCHOR_MISS, CONTINUATION_MISS, Features, HEADING_MISS, LengthModel, NO_SHARED_TERM, NUMBER_MATCH,
    NUMBER_MISS, UNLINKED_UNIT, term_cost,
};
use super::prepared::Prepared;
use super::search::{Band, Costs, Guide, search, search_around};

/// The beads the search may use, as (units of the first text, units of the second).
pub const BEADS: [(usize, usize); 8] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)];

/// Only one-to-one, one-to-none and none-to-one: for units that are never merged or
/// split in translation, such as signature lines.
pub const SINGLE_BEADS: [(usize, usize); 3] = [(1, 1), (1, 0), (0, 1)];

/// Sequences up to this many cells are searched in full.
const FULL_SEARCH_CELLS: usize = 100_000;

/// Coarse sequences (of groups of units) up to this many cells are searched in full.
const COARSE_FULL_SEARCH_CELLS: usize = 10_000;

/// Units per group of the coarse alignment.
const GROUP: usize = 8;

/// How many coarse steps either way are looked at for a drift.
const DRIFT_WINDOW: usize = 32;

/// The first band's reach beyond the coarse path, in rows and columns.
const FIRST_MARGIN: usize = 4;

/// Aligns two sequences of units; returns the beads in order as (na, nb).
pub fn align(model: &LengthModel, a: &[Features], b: &[Features]) -> Vec<(usize, usize)> {
    align_with(model, a, b, &BEADS)
}

/// Aligns with a chosen set of beads (a subset of [`BEADS`]; among paths of equal
/// cost, beads listed first in [`BEADS`] are preferred).
pub fn align_with(
    model: &LengthModel,
    a: &[Features],
    b: &[Features],
    beads: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let (pa, pb) = (Prepared::of(a), Prepared::of(b));
    align_prepared(model, [&pa, &pb], [0..a.len(), 0..b.len()], beads)
}

/// Aligns units `ranges[0]` of `units[0]` with units `ranges[1]` of `units[1]`.
pub(crate) fn align_prepared(
    model: &LengthModel,
    units: [&Prepared; 2],
    ranges: [Range<usize>; 2],
    beads: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    align_scaled(model, units, ranges, beads, 1.0)
}

/// Aligns with the prior and position costs of every bead multiplied by `scale`: a
/// bead of groups of `scale` units stands for about `scale` beads of units.
fn align_scaled(
    model: &LengthModel,
    units: [&Prepared; 2],
    ranges: [Range<usize>; 2],
    beads: &[(usize, usize)],
    scale: f64,
) -> Vec<(usize, usize)> {
    let scorer = Scorer::new(model, units, ranges, beads, scale);
    let (n, m) = (scorer.n, scorer.m);
    if n == 0 || m == 0 {
        return std::iter::repeat_n((1, 0), n).chain(std::iter::repeat_n((0, 1), m)).collect();
    }
    // A coarse alignment only guides a finer one: it is searched in full only when small.
    let full = if scale > 1.0 { COARSE_FULL_SEARCH_CELLS } else { FULL_SEARCH_CELLS };
    if (n + 1) * (m + 1) <= full {
        let found = search(&Band::full(n, m), &BEADS, &scorer).expect("the full table always has a path");
        return scorer.beads_of(found.moves);
    }
    let (guide, margins) = coarse_guide(&scorer);
    search_widening(&scorer, &guide, margins)
}

/// Aligns as [`align_prepared`] does, but searches around the path of an earlier
/// alignment of the same units (its beads, in order) instead of a coarse one: the
/// second pass, whose lexicon moves the first pass's path only here and there.
pub(crate) fn align_around(
    model: &LengthModel,
    units: [&Prepared; 2],
    ranges: [Range<usize>; 2],
    beads: &[(usize, usize)],
    earlier: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let scorer = Scorer::new(model, units, ranges.clone(), beads, 1.0);
    let (n, m) = (scorer.n, scorer.m);
    if n == 0 || m == 0 || (n + 1) * (m + 1) <= FULL_SEARCH_CELLS {
        return align_prepared(model, units, ranges, beads);
    }
    let (i, j) = earlier.iter().fold((0, 0), |(i, j), &(da, db)| (i + da, j + db));
    if (i, j) != (n, m) {
        // Not an alignment of these units after all.
        let (guide, margins) = coarse_guide(&scorer);
        return search_widening(&scorer, &guide, margins);
    }
    search_widening(&scorer, &Guide::of_moves(n, earlier.iter().copied()), vec![EARLIER_MARGIN; n + 1])
}

/// The band's reach beyond an earlier path of the same units, in rows and columns.
const EARLIER_MARGIN: usize = 2;

/// The best path in a band of `margins` around `guide`, widened and searched again
/// wherever the path runs along its edge.
fn search_widening(scorer: &Scorer, guide: &Guide, margins: Vec<usize>) -> Vec<(usize, usize)> {
    let found = search_around(guide, scorer.m, margins, usize::MAX, &BEADS, scorer);
    scorer.beads_of(found.expect("a band as wide as the table has a path").moves)
}

/// The coarse alignment of the scorer's units in groups of [`GROUP`], as the path
/// of its beads' corners in units, and the first band's margin at each row.
///
/// Where the coarse path drifts from the diagonal — a gap, a run of merges — where
/// the fine path makes that drift is not settled by the coarse one: within
/// [`DRIFT_WINDOW`] steps of such a drift the margin is the drift.
fn coarse_guide(scorer: &Scorer) -> (Guide, Vec<usize>) {
    let [ra, rb] = &scorer.ranges;
    let g = GROUP;
    let ga = scorer.units[0].grouped(ra.start, ra.end, g);
    let gb = scorer.units[1].grouped(rb.start, rb.end, g);
    // Groups are cut blindly, so groups of one text may merge or split those of the
    // other: all beads are allowed.
    // A bead of groups stands for about `g` beads of units: its prior and position
    // costs are `g` times theirs, so that the coarse search weighs a gap against a
    // merge as the fine one would.
    let beads = align_scaled(&scorer.model, [&ga, &gb], [0..ga.len(), 0..gb.len()], &BEADS, scorer.scale * g as f64);
    let (n, m) = (scorer.n, scorer.m);
    let (mut i, mut j) = (0, 0);
    let mut steps = Vec::with_capacity(beads.len());
    for (da, db) in beads {
        steps.push((i * g, j * g, ((i + da) * g).min(n), ((j + db) * g).min(m)));
        (i, j) = (i + da, j + db);
    }
    // How far the path is from the diagonal at the start of each step, in units.
    let offsets: Vec<f64> = steps.iter().map(|&(i0, j0, _, _)| j0 as f64 - i0 as f64 * m as f64 / n as f64).collect();
    let mut margins = vec![FIRST_MARGIN; n + 1];
    for (k, &(i0, _, i1, _)) in steps.iter().enumerate() {
        let window = &offsets[k.saturating_sub(DRIFT_WINDOW)..(k + DRIFT_WINDOW + 1).min(offsets.len())];
        let (lo, hi) = window.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &x| (l.min(x), h.max(x)));
        let drift = (hi - lo).ceil() as usize;
        if drift > 2 * FIRST_MARGIN {
            margins[i0..=i1].iter_mut().for_each(|x| *x = (*x).max(drift));
        }
    }
    (Guide::of_steps(n, steps), margins)
}

/// The cost of every bead at every cell, from prepared units.
struct Scorer<'p> {
    model: LengthModel,
    /// `1 / model.ratio`.
    inverse_ratio: f64,
    /// `1 / n` and `1 / m`.
    inverse_n: f64,
    inverse_m: f64,
    /// Whether either side has lexicon terms.
    terms: bool,
    /// How much the terms weigh: the lesser of the two sides' [`Prepared::term_weight`].
    term_weight: f64,
    units: [&'p Prepared; 2],
    ranges: [Range<usize>; 2],
    n: usize,
    m: usize,
    /// The prior cost of each bead of [`BEADS`]; infinity for those not allowed.
    priors: [f64; BEADS.len()],
    scale: f64,
    /// The terms each unit of the first text near the current row shares with each
    /// unit of the second text near its cells, each pair merged once.
    pairs: RefCell<PairTerms>,
}

/// How many term ids units of the two texts share, pair by pair (`shared(x, y)`),
/// for the last [`ROWS`](PairTerms::ROWS) units of the first text: a merged bead's
/// terms are bounded, and often known exactly, from the pairs of its units
/// ([`Scorer::merged_terms`]), so that its units' lists are merged only when it can
/// still be the best bead into its cell.
#[derive(Debug, Default)]
struct PairTerms {
    /// For unit `x` of the first text (counted from its range's start), in slot
    /// `x % ROWS`: `x`, the first unit `y` of the second text it holds, and
    /// `shared(x, y)` for the units from there ([`PairTerms::UNKNOWN`] until needed).
    rows: [(usize, usize, Vec<u32>); PairTerms::ROWS],
}

impl PairTerms {
    /// Beads take at most three units of a text: the units of the current row and
    /// the two before it.
    const ROWS: usize = 4;
    const UNKNOWN: u32 = u32::MAX;

    /// Makes room for unit `x` of the first text with units `ys` of the second.
    fn start(&mut self, x: usize, ys: Range<usize>) {
        let row = &mut self.rows[x % Self::ROWS];
        row.0 = x;
        row.1 = ys.start;
        row.2.clear();
        row.2.resize(ys.len(), Self::UNKNOWN);
    }
}

impl<'p> Scorer<'p> {
    fn new(
        model: &LengthModel,
        units: [&'p Prepared; 2],
        ranges: [Range<usize>; 2],
        beads: &[(usize, usize)],
        scale: f64,
    ) -> Self {
        // Beads not allowed cost infinity.
        let priors =
            BEADS.map(
                |(da, db)| {
                    if beads.contains(&(da, db)) { scale * super::model::prior_cost(da, db) } else { f64::INFINITY }
                },
            );
        let (n, m) = (ranges[0].len(), ranges[1].len());
        Scorer {
            model: *model,
            inverse_ratio: 1.0 / model.ratio,
            units,
            ranges,
            n,
            m,
            inverse_n: 1.0 / n as f64,
            inverse_m: 1.0 / m as f64,
            priors,
            scale,
            terms: units[0].has_terms() || units[1].has_terms(),
            term_weight: units[0].term_weight().min(units[1].term_weight()),
            pairs: RefCell::default(),
        }
    }

    /// How many term ids unit `x` of the first range and unit `y` of the second share
    /// (both counted from the start of their range): merged once and kept while
    /// the search is near them.
    #[inline]
    fn pair_terms(&self, x: usize, y: usize) -> usize {
        let [a, b] = self.units;
        let (ua, ub) = (self.ranges[0].start + x, self.ranges[1].start + y);
        let merge = || a.term_lists(ua, ua + 1).shared(b.term_lists(ub, ub + 1));
        let mut pairs = self.pairs.borrow_mut();
        let (row, first, shared) = &mut pairs.rows[x % PairTerms::ROWS];
        match y.checked_sub(*first).filter(|&k| *row == x && k < shared.len()) {
            Some(k) => {
                if shared[k] == PairTerms::UNKNOWN {
                    shared[k] = merge() as u32;
                }
                shared[k] as usize
            }
            None => merge(),
        }
    }

    /// The term ids the units of a bead share, `units` of each range (counted from
    /// their starts): from the pairs of its units when at most one pair shares any
    /// (then every key the bead shares is held by that pair's units alone, and the
    /// bead shares what the pair does), otherwise by merging the units' lists if
    /// `bound` says the bead can still be the best: `bound(most)` is false if the
    /// bead cannot be, even with `most` ids shared. `None` when it cannot be.
    ///
    /// `most`, the sum over the pairs, is at least what the bead shares: a key
    /// shared `min(Σa, Σb)` times is shared at least as often by the pairs,
    /// `Σ min(a, b)`.
    fn merged_terms(&self, units: [Range<usize>; 2], bound: impl Fn(usize) -> bool) -> Option<usize> {
        let (mut most, mut sharing) = (0, 0);
        for x in units[0].clone() {
            for y in units[1].clone() {
                let s = self.pair_terms(x, y);
                most += s;
                sharing += usize::from(s > 0);
            }
        }
        if sharing <= 1 {
            return Some(most);
        }
        if !bound(most) {
            return None;
        }
        let [a, b] = self.units;
        let [ra, rb] = units;
        let (sa, sb) = (self.ranges[0].start, self.ranges[1].start);
        Some(a.term_lists(sa + ra.start, sa + ra.end).shared(b.term_lists(sb + rb.start, sb + rb.end)))
    }

    /// [`LengthModel::cost`], with the model's ratio inverted once for all.
    #[inline]
    fn length_cost(&self, a: f64, b: f64) -> f64 {
        let LengthModel { ratio, variance } = self.model;
        let mean = ((a + b * self.inverse_ratio) / 2.0).max(1.0);
        super::model::cost_of_z((b - ratio * a).abs() / (variance * mean).sqrt())
    }

    fn beads_of(&self, moves: Vec<u8>) -> Vec<(usize, usize)> {
        moves.into_iter().map(|k| BEADS[k as usize]).collect()
    }

    /// The cost of bead `k` ending after unit `i` of the first range and unit `j` of
    /// the second (both counted from the start of their range) — or, as soon as it
    /// is sure to be at least `budget`, infinity: the parts of the
    /// cost that are dear to compute (lengths, the merges of anchors and terms) are
    /// computed only while the bead can still be the best.
    #[inline(always)]
    fn cost(&self, i: usize, j: usize, k: usize, budget: f64) -> f64 {
        let (da, db) = BEADS[k];
        if self.priors[k] == f64::INFINITY {
            return f64::INFINITY;
        }
        let [a, b] = self.units;
        let (ea, eb) = (self.ranges[0].start + i, self.ranges[1].start + j);
        let (sa, sb) = (ea - da, eb - db);
        let paired = da > 0 && db > 0;
        let (anchors_a, anchors_b) = (a.anchor_count(sa, ea), b.anchor_count(sb, eb));
        // A unit without a counterpart says nothing about terms.
        let (terms_a, terms_b) =
            if self.terms && paired { (a.term_count(sa, ea), b.term_count(sb, eb)) } else { (0, 0) };
        // The least the cost can be: every anchor and term one side could share
        // with the other shared, numbers agreeing, lengths in proportion.
        let most_anchors = if paired { anchors_a.min(anchors_b) } else { 0 };
        let most_terms = if paired { terms_a.min(terms_b) } else { 0 };
        // A lexicon learned from few pairs weighs less ([`Prepared::term_weight`]).
        let w = self.term_weight;
        let term_cost = |matched: usize| w * term_cost(matched, terms_a, terms_b);
        let mut cost = self.priors[k] + term_cost(most_terms);
        if da == 1 && db == 1 {
            cost += match (a.number(sa), b.number(sb)) {
                (Some(x), Some(y)) if x == y => NUMBER_MATCH,
                (Some(_), Some(_)) => NUMBER_MISS,
                _ => 0.0,
            };
            if a.heading(sa) != b.heading(sb) {
                cost += HEADING_MISS;
            }
        }
        if a.continues(sa, ea) != b.continues(sb, eb) {
            cost += CONTINUATION_MISS;
        }
        let anchor_cost =
            |matched: usize| ANCHOR_MISS * (anchors_a + anchors_b - 2 * matched) as f64 + ANCHOR_MATCH * matched as f64;
        if cost + anchor_cost(most_anchors) >= budget {
            return f64::INFINITY;
        }
        // A unit without a counterpart says nothing about lengths: its cost is the
        // prior alone (and its anchors), as in hunalign, not Gale & Church's length
        // term, which would make a long omission dearer than a wrong merge.
        if paired {
            cost += self.length_cost(a.length_of(sa, ea), b.length_of(sb, eb));
            if cost + anchor_cost(most_anchors) >= budget {
                return f64::INFINITY;
            }
        }
        let matched = if most_anchors > 0 && a.signature(sa, ea) & b.signature(sb, eb) != 0 {
            a.anchor_lists(sa, ea).shared(b.anchor_lists(sb, eb))
        } else {
            0
        };
        cost += anchor_cost(matched);
        if most_terms > 0 {
            // Back out the terms counted as shared above, then count the shared ones.
            cost -= term_cost(most_terms);
            let units = [i - da..i, j - db..j];
            let shared = if da + db == 2 {
                self.pair_terms(i - 1, j - 1)
            } else {
                // What is added after the terms is never negative.
                match self.merged_terms(units.clone(), |most| cost + term_cost(most) < budget) {
                    Some(shared) => shared,
                    None => return f64::INFINITY,
                }
            };
            cost += term_cost(shared);
            if shared == 0 && da + db == 2 {
                cost += w * NO_SHARED_TERM;
            }
            if da + db > 2 {
                // Unlinked units only add to the cost: none to look for past the budget.
                if cost >= budget {
                    return f64::INFINITY;
                }
                cost += w * self.unlinked_units(units);
            }
        }
        cost
    }

    /// What the units of a merged bead that hold lexicon terms but share none with
    /// the other side add to its cost ([`UNLINKED_UNIT`] each): such a unit is more
    /// likely one without a counterpart (1-0, 0-1) than a part of its neighbour's.
    /// A unit shares none with the other side's units when it shares none with each.
    #[inline(never)]
    fn unlinked_units(&self, units: [Range<usize>; 2]) -> f64 {
        let mut cost = 0.0;
        for s in 0..2 {
            if units[s].len() < 2 {
                continue;
            }
            for u in units[s].clone() {
                let start = self.ranges[s].start + u;
                let shared = |v: usize| if s == 0 { self.pair_terms(u, v) } else { self.pair_terms(v, u) };
                if self.units[s].term_count(start, start + 1) > 0 && units[1 - s].clone().all(|v| shared(v) == 0) {
                    cost += UNLINKED_UNIT;
                }
            }
        }
        cost
    }
}

impl Costs for Scorer<'_> {
    #[inline(always)]
    fn step(&self, i: usize, j: usize, k: usize, budget: f64) -> f64 {
        self.cost(i, j, k, budget)
    }

    /// Beads into row `i` pair unit `i - 1` with the units of up to three columns
    /// before the row's own; those of the next two rows, with those of their own.
    fn row(&self, i: usize, lo: usize, hi: usize) {
        if self.terms && i > 0 {
            // The rows below reach a few columns further.
            self.pairs.borrow_mut().start(i - 1, lo.saturating_sub(3)..(hi + 3).min(self.m));
        }
    }

    /// Position, as a weak prior: a bead far from the diagonal costs a little more,
    /// so that where length and anchors say nothing the texts keep in step.
    #[inline]
    fn cell(&self, i: usize, j: usize) -> f64 {
        const WEIGHT: f64 = 1.0;
        self.scale * WEIGHT * (i as f64 * self.inverse_n - j as f64 * self.inverse_m).abs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::model::bead_cost;

    fn f(len: f64) -> Features {
        Features { len, ..Default::default() }
    }

    #[test]
    fn finds_merges_and_gaps() {
        let model = LengthModel::from_totals(100.0, 200.0);
        let a = [f(10.0), f(30.0), f(20.0), f(40.0)];
        // 10→20, 30+20→100, 40→80
        let b = [f(20.0), f(100.0), f(80.0)];
        assert_eq!(align(&model, &a, &b), [(1, 1), (2, 1), (1, 1)]);
    }

    #[test]
    fn prepared_costs_are_the_bead_costs() {
        let model = LengthModel::from_totals(100.0, 230.0);
        let unit = |len: f64, anchors: &[(u64, u32)], terms: &[(u32, u32)], number: Option<u32>, heading: bool| {
            Features { len, anchors: anchors.to_vec(), terms: terms.to_vec(), number, heading, continues: false }
        };
        let a = [
            unit(10.0, &[(3, 1)], &[(7, 1)], Some(1), true),
            unit(31.0, &[(3, 1), (9, 2)], &[], Some(2), false),
            unit(5.0, &[], &[(7, 2)], None, false),
            unit(44.0, &[(1, 1)], &[(8, 1)], Some(4), false),
        ];
        let b = [
            unit(25.0, &[(3, 1)], &[(7, 1)], Some(1), true),
            unit(70.0, &[(9, 1), (4, 1)], &[(7, 1), (8, 1)], Some(3), false),
            unit(90.0, &[(1, 1)], &[], None, false),
        ];
        // A sentence going on in the next unit, on each side.
        let (mut a, mut b) = (a, b);
        a[1].continues = true;
        b[0].continues = true;
        let (pa, pb) = (Prepared::of(&a), Prepared::of(&b));
        let scorer = Scorer::new(&model, [&pa, &pb], [0..4, 0..3], &BEADS, 1.0);
        for i in 0..=4 {
            for j in 0..=3 {
                for (k, &(da, db)) in BEADS.iter().enumerate() {
                    if da > i || db > j || (i, j) == (0, 0) {
                        continue;
                    }
                    let want = bead_cost(&model, &a[i - da..i], &b[j - db..j]);
                    let got = scorer.cost(i, j, k, f64::INFINITY);
                    assert!((got - want).abs() < 1e-5, "({i}, {j}) bead {da}-{db}: {got} != {want}");
                }
            }
        }
    }

    /// Lengths of a text and of its rendering, with a share of units merged, split or
    /// dropped on one side, and the position of every change.
    fn damaged(n: usize, seed: u64) -> (Vec<Features>, Vec<Features>) {
        let mut state = seed;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..n {
            let len = 5.0 + (next() % 60) as f64;
            let other = (len * 2.0 + (next() % 9) as f64 - 4.0).max(1.0);
            match next() % 40 {
                0 => a.push(f(len)),
                1 => b.push(f(other)),
                2 => {
                    a.push(f(len));
                    b.push(f((other / 2.0).floor()));
                    b.push(f(other - (other / 2.0).floor()));
                }
                _ => {
                    a.push(f(len));
                    b.push(f(other));
                }
            }
        }
        (a, b)
    }

    /// Units whose terms come from a small vocabulary, so that neighbours share some
    /// and a merged bead's pairs share some each.
    fn with_terms(units: &mut [Features], seed: u64) {
        let mut state = seed;
        for f in units {
            let mut terms: Vec<u32> = (0..(state % 7) as usize)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state % 12) as u32
                })
                .collect();
            terms.sort_unstable();
            f.terms = terms.chunk_by(|x, y| x == y).map(|run| (run[0], run.len() as u32)).collect();
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
    }

    #[test]
    fn a_bead_is_left_out_only_when_it_costs_at_least_its_budget() {
        // A bead's terms are taken from the pairs of its units where they tell, and
        // its units' lists are merged only when it may cost less than its budget:
        // whatever the budget, the cost is the bead's or infinity, and infinity only
        // at or over the budget.
        let model = LengthModel::from_totals(1.0, 2.0);
        let (mut a, mut b) = damaged(40, 3);
        with_terms(&mut a, 5);
        with_terms(&mut b, 9);
        let (pa, pb) = (Prepared::of(&a), Prepared::of(&b));
        let (n, m) = (a.len(), b.len());
        let scorer = Scorer::new(&model, [&pa, &pb], [0..n, 0..m], &BEADS, 1.0);
        let mut left_out = 0;
        for i in 0..=n {
            scorer.row(i, 0, m);
            for j in 0..=m {
                for (k, &(da, db)) in BEADS.iter().enumerate() {
                    if da > i || db > j || (i, j) == (0, 0) {
                        continue;
                    }
                    let exact = scorer.cost(i, j, k, f64::INFINITY);
                    let want = bead_cost(&model, &a[i - da..i], &b[j - db..j]);
                    // The length term is read from a table: close to the formula, not equal.
                    assert!((exact - want).abs() < 1e-3, "({i}, {j}) bead {da}-{db}: {exact} != {want}");
                    for budget in [exact - 3.0, exact - 0.01, exact, exact + 0.01, exact + 3.0] {
                        let got = scorer.cost(i, j, k, budget);
                        assert!(got == exact || (got == f64::INFINITY && exact >= budget), "({i}, {j}) {da}-{db}");
                        left_out += usize::from(got == f64::INFINITY);
                    }
                }
            }
        }
        assert!(left_out > 1000, "{left_out}");
    }

    #[test]
    fn banded_search_matches_full_search() {
        // Long enough that the banded search is guided by a coarse pass, and damaged
        // enough that the path leaves the diagonal; a drop of 300 units on one side
        // pushes it far from it. The full search must find the same path.
        let model = LengthModel::from_totals(1.0, 2.0);
        for (seed, gap) in [(7, 0), (11, 300)] {
            let (mut a, b) = damaged(1200, seed);
            let tail = a.split_off(600);
            a.extend((0..gap).map(|k| f(10.0 + (k % 17) as f64)));
            a.extend(tail);
            let (n, m) = (a.len(), b.len());
            assert!((n + 1) * (m + 1) > FULL_SEARCH_CELLS);
            let banded = align(&model, &a, &b);
            let (pa, pb) = (Prepared::of(&a), Prepared::of(&b));
            let scorer = Scorer::new(&model, [&pa, &pb], [0..n, 0..m], &BEADS, 1.0);
            let full = scorer.beads_of(search(&Band::full(n, m), &BEADS, &scorer).unwrap().moves);
            assert_eq!(banded, full, "seed {seed}");
            assert!(full.iter().filter(|x| **x != (1, 1)).count() >= 20);
            // Around an earlier path that leaves out the first units of each text,
            // the band must widen to find the best one.
            let k = 40;
            let (skip_a, skip_b) = full[..k].iter().fold((0, 0), |(x, y), &(da, db)| (x + da, y + db));
            let mut wrong = vec![(1, 0); skip_a];
            wrong.extend(std::iter::repeat_n((0, 1), skip_b));
            wrong.extend(&full[k..]);
            assert_eq!(align_around(&model, [&pa, &pb], [0..n, 0..m], &BEADS, &wrong), full, "seed {seed}");
            // A path that is not one of these units is no guide: the coarse one is.
            let short = &full[..full.len() - 1];
            assert_eq!(align_around(&model, [&pa, &pb], [0..n, 0..m], &BEADS, short), full, "seed {seed}");
        }
    }
}
