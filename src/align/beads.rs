//! The dynamic-programming aligner over beads: 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3.
//!
//! The search runs in a band around the diagonal, so its cost grows linearly with
//! the length of the texts. Where the best path runs along the edge of the band —
//! the texts drift further apart than the band allows — the band is doubled and the
//! search repeated, so it widens only where the score says it must.

use super::model::{Features, LengthModel, bead_cost};

/// The beads the search may use, as (units of the first text, units of the second).
pub const BEADS: [(usize, usize); 8] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3)];

/// Sequences up to this many cells are searched in full.
const FULL_SEARCH_CELLS: usize = 100_000;

/// The first band's half-width.
const FIRST_BAND: usize = 48;

/// Only one-to-one, one-to-none and none-to-one: for units that are never merged or
/// split in translation, such as signature lines.
pub const SINGLE_BEADS: [(usize, usize); 3] = [(1, 1), (1, 0), (0, 1)];

/// Aligns two sequences of units; returns the beads in order as (na, nb).
pub fn align(model: &LengthModel, a: &[Features], b: &[Features]) -> Vec<(usize, usize)> {
    align_with(model, a, b, &BEADS)
}

/// Aligns with a chosen set of beads (a subset of [`BEADS`]).
pub fn align_with(
    model: &LengthModel,
    a: &[Features],
    b: &[Features],
    beads: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return std::iter::repeat_n((1, 0), n).chain(std::iter::repeat_n((0, 1), m)).collect();
    }
    let full = n.max(m);
    let mut width = if (n + 1) * (m + 1) <= FULL_SEARCH_CELLS { full } else { FIRST_BAND };
    loop {
        let (found, touched_edge) = search(model, a, b, width, beads);
        if !touched_edge || width >= full {
            return found;
        }
        width = (width * 2).min(full);
    }
}

/// Position, as a weak prior: a bead far from the diagonal costs a little more, so
/// that where length and anchors say nothing the texts keep in step.
fn position_cost(i: usize, j: usize, n: usize, m: usize) -> f64 {
    const WEIGHT: f64 = 1.0;
    WEIGHT * (i as f64 / n as f64 - j as f64 / m as f64).abs()
}

struct Band {
    n: usize,
    m: usize,
    width: usize,
}

impl Band {
    fn center(&self, i: usize) -> usize {
        (i * self.m + self.n / 2) / self.n.max(1)
    }
    fn lo(&self, i: usize) -> usize {
        self.center(i).saturating_sub(self.width)
    }
    fn hi(&self, i: usize) -> usize {
        (self.center(i) + self.width).min(self.m)
    }
}

fn search(
    model: &LengthModel,
    a: &[Features],
    b: &[Features],
    width: usize,
    allowed: &[(usize, usize)],
) -> (Vec<(usize, usize)>, bool) {
    let (n, m) = (a.len(), b.len());
    let band = Band { n, m, width };
    let mut rows: Vec<(usize, Vec<f64>, Vec<u8>)> = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let (lo, hi) = (band.lo(i), band.hi(i));
        let len = hi + 1 - lo;
        let mut cost = vec![f64::INFINITY; len];
        let mut back = vec![u8::MAX; len];
        for j in lo..=hi {
            if i == 0 && j == 0 {
                cost[0] = 0.0;
                continue;
            }
            let mut best = f64::INFINITY;
            let mut best_bead = u8::MAX;
            for (k, &(da, db)) in BEADS.iter().enumerate() {
                if da > i || db > j || !allowed.contains(&(da, db)) {
                    continue;
                }
                let (pi, pj) = (i - da, j - db);
                let prev = if pi == i {
                    // Same row: already filled to the left.
                    if pj < lo { f64::INFINITY } else { cost[pj - lo] }
                } else {
                    let (plo, ref pcost, _) = rows[pi];
                    if pj < plo || pj >= plo + pcost.len() { f64::INFINITY } else { pcost[pj - plo] }
                };
                if !prev.is_finite() {
                    continue;
                }
                let c = prev + bead_cost(model, &a[pi..i], &b[pj..j]) + position_cost(i, j, n, m);
                if c < best {
                    best = c;
                    best_bead = k as u8;
                }
            }
            cost[j - lo] = best;
            back[j - lo] = best_bead;
        }
        rows.push((lo, cost, back));
    }
    // Trace back from (n, m).
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    let mut touched = false;
    while i > 0 || j > 0 {
        let (lo, _, ref back) = rows[i];
        let k = back[j - lo];
        if k == u8::MAX {
            // Unreachable inside the band; the caller widens it.
            return (Vec::new(), true);
        }
        let c = band.center(i);
        if width < n.max(m) && (j + 2 >= c + width || j + width <= c + 2) && j != 0 && j != m {
            touched = true;
        }
        let (da, db) = BEADS[k as usize];
        beads.push((da, db));
        i -= da;
        j -= db;
    }
    beads.reverse();
    (beads, touched)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn banded_search_matches_full_search() {
        // Sequences longer than a full search is run on, 150 units dropped in one
        // place: the banded search must find what the search over every cell finds.
        let model = LengthModel::from_totals(1.0, 2.0);
        let a: Vec<Features> = (0..600).map(|i| f(10.0 + (i * 7919 % 97) as f64)).collect();
        let mut b: Vec<Features> = a.iter().map(|x| f(x.len * 2.0)).collect();
        b.drain(300..450);
        b.remove(400);
        assert!((a.len() + 1) * (b.len() + 1) > FULL_SEARCH_CELLS);
        let banded = align(&model, &a, &b);
        let (full, _) = search(&model, &a, &b, a.len().max(b.len()), &BEADS);
        assert_eq!(banded, full);
        assert_eq!(banded.iter().map(|x| x.0).sum::<usize>(), 600);
        assert_eq!(banded.iter().map(|x| x.1).sum::<usize>(), 449);
    }
}
