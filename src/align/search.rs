//! The banded dynamic programme both levels of the aligner share: containers (1-1,
//! 1-0, 0-1) and units (the beads of [`BEADS`](super::beads::BEADS)).
//!
//! The search fills the cells `(i, j)` of a [`Band`] — for every `i`, a range of `j`
//! — row by row; a cell's cost is the least over the allowed moves of the cost of
//! the cell the move comes from plus the cost of the move. Only the last few rows of
//! costs are kept, and one byte per cell says which move won, so memory grows with
//! the band's area in bytes, not in floats. Nothing is allocated per cell.

/// Where the search may go: for each `i` in `0..=n`, the columns `lo..=hi`.
///
/// A band must hold `(0, 0)` and `(n, m)` and let a path through; one that does not
/// is found out by the search (it returns `None`).
#[derive(Debug, Clone)]
pub struct Band {
    /// `(lo, hi)` of every row.
    rows: Vec<(usize, usize)>,
    m: usize,
}

impl Band {
    /// Every cell of an `(n + 1) × (m + 1)` table.
    pub fn full(n: usize, m: usize) -> Band {
        Band { rows: vec![(0, m); n + 1], m }
    }

    /// The cells within `width` columns of the diagonal from `(0, 0)` to `(n, m)`.
    #[cfg(test)]
    pub fn diagonal(n: usize, m: usize, width: usize) -> Band {
        let rows = (0..=n)
            .map(|i| {
                let center = (i * m + n / 2) / n.max(1);
                (center.saturating_sub(width), (center + width).min(m))
            })
            .collect();
        Band { rows, m }
    }

    /// The cells within `margins[i]` rows and columns of the path `guide` at each
    /// row `i`.
    pub fn around(guide: &Guide, m: usize, margins: &[usize]) -> Band {
        let path = &guide.rows;
        let n = path.len() - 1;
        // Both ends of the path's columns grow with `i`: the least `lo` within `w`
        // rows is the one `w` rows up, and the greatest `hi` the one `w` rows down.
        let rows = (0..=n)
            .map(|i| {
                let w = margins[i];
                let lo = path[i.saturating_sub(w)].0.saturating_sub(w);
                let hi = (path[(i + w).min(n)].1 + w).min(m);
                (lo, hi)
            })
            .collect();
        Band { rows, m }
    }

    /// The columns of row `i`.
    #[cfg(test)]
    fn row(&self, i: usize) -> (usize, usize) {
        self.rows[i]
    }

    /// The widest row.
    fn max_width(&self) -> usize {
        self.rows.iter().map(|&(lo, hi)| hi + 1 - lo).max().unwrap_or(1)
    }

    /// Whether every row spans all columns.
    pub fn is_full(&self) -> bool {
        self.rows.iter().all(|&(lo, hi)| lo == 0 && hi == self.m)
    }

    /// Whether cell `(i, j)` lies within two columns of an edge of the band that is
    /// not an edge of the table: a path there may have been pushed by the band.
    fn near_edge(&self, i: usize, j: usize) -> bool {
        let (lo, hi) = self.rows[i];
        (lo > 0 && j <= lo + 2) || (hi < self.m && j + 2 >= hi)
    }
}

/// A path to search around: the columns it takes in each row.
#[derive(Debug, Clone)]
pub struct Guide {
    /// `(lo, hi)` of every row; both grow with the row.
    rows: Vec<(usize, usize)>,
}

impl Guide {
    /// The path of straight steps `(i0, j0, i1, j1)`, each from `(i0, j0)` to `(i1,
    /// j1)`, in order from `(0, 0)` to `(n, _)`.
    pub fn of_steps(n: usize, steps: impl IntoIterator<Item = (usize, usize, usize, usize)>) -> Guide {
        let mut rows = vec![(usize::MAX, 0usize); n + 1];
        for (i0, j0, i1, j1) in steps {
            for (i, row) in rows.iter_mut().enumerate().take(i1 + 1).skip(i0) {
                let (lo, hi) = if i1 == i0 {
                    (j0, j1)
                } else {
                    let (num, den) = ((i - i0) * (j1 - j0), i1 - i0);
                    (j0 + num / den, j0 + num.div_ceil(den))
                };
                row.0 = row.0.min(lo);
                row.1 = row.1.max(hi);
            }
        }
        Guide { rows }
    }

    /// The path of moves `(di, dj)` from `(0, 0)` to `(n, _)`, in order.
    pub fn of_moves(n: usize, moves: impl IntoIterator<Item = (usize, usize)>) -> Guide {
        let steps = moves.into_iter().scan((0, 0), |(i, j), (di, dj)| {
            let step = (*i, *j, *i + di, *j + dj);
            (*i, *j) = (step.2, step.3);
            Some(step)
        });
        Guide::of_steps(n, steps)
    }
}

/// How much wider [`search_around`] makes a band where the path ran along its edge.
const GROWTH: usize = 4;

/// The least-cost path through a band of `margins` around `guide` ([`Band::around`]),
/// searched again wherever it runs along the band's edge, where a better one may have
/// been cut off: the margins there, and as far again around, [`GROWTH`] times wider,
/// up to `most`. `None` only if no such band lets a path through.
pub fn search_around<const K: usize>(
    guide: &Guide,
    m: usize,
    mut margins: Vec<usize>,
    most: usize,
    moves: &[(usize, usize); K],
    costs: &impl Costs,
) -> Option<Found> {
    let n = margins.len() - 1;
    loop {
        let band = Band::around(guide, m, &margins);
        let found = search(&band, moves, costs);
        // Where to widen: the path's rows along the edge, or every row if none went through.
        let rows: Vec<usize> = match &found {
            Some(f) => f.near_edge.clone(),
            None => (0..=n).collect(),
        };
        let wider: Vec<(usize, usize)> =
            rows.into_iter().filter(|&t| margins[t] < most).map(|t| (t, (margins[t] * GROWTH).min(most))).collect();
        if wider.is_empty() || band.is_full() {
            return found;
        }
        if found.is_none() {
            margins.iter_mut().for_each(|x| *x = (*x * GROWTH).min(most));
            continue;
        }
        for (t, w) in wider {
            for x in &mut margins[t.saturating_sub(w)..=(t + w).min(n)] {
                *x = (*x).max(w);
            }
        }
    }
}

/// What the search found: the moves of the best path in order, as indices into the
/// moves it was given, and whether the path runs near an edge of the band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Indices into the moves, from `(0, 0)` to `(n, m)`.
    pub moves: Vec<u8>,
    /// The rows where the path comes within two columns of an inner edge of the
    /// band, where a better path may have been cut off.
    pub near_edge: Vec<usize>,
}

const NONE: u8 = u8::MAX;

/// What a path costs.
pub trait Costs {
    /// The cost of taking move `k` into cell `(i, j)` — or, if that cost is at least
    /// `budget`, infinity: the move will not be taken, and its cost need not be
    /// known exactly.
    fn step(&self, i: usize, j: usize, k: usize, budget: f64) -> f64;

    /// The cost of passing through cell `(i, j)`, whatever the move.
    fn cell(&self, _i: usize, _j: usize) -> f64 {
        0.0
    }

    /// Told before the cells of row `i`, columns `lo..=hi`, are costed.
    fn row(&self, _i: usize, _lo: usize, _hi: usize) {}

    /// Told before a search of a band whose rows span these columns `(lo, hi)`.
    fn band(&self, _rows: &[(usize, usize)]) {}
}

/// The least-cost path through `band` from `(0, 0)` to `(n, m)`, with `moves` as
/// `(di, dj)` steps (at most 255 of them, `di` and `dj` at most 3). Among equal
/// costs, the move listed first wins. `None` if the band lets no path through.
///
/// The moves are an array, not a slice, so that the loop over them is unrolled
/// and each move's cost is computed with its `di` and `dj` known.
pub fn search<const K: usize>(band: &Band, moves: &[(usize, usize); K], costs: &impl Costs) -> Option<Found> {
    const DEPTH: usize = 4;
    debug_assert!(moves.len() < NONE as usize && moves.iter().all(|&(di, dj)| di < DEPTH && dj < DEPTH));
    let n = band.rows.len() - 1;
    let width = band.max_width();
    // Costs of the last DEPTH rows, row i at (i % DEPTH) * width.
    let mut table = vec![f64::INFINITY; DEPTH * width];
    // Back pointers of every row, row i from offsets[i].
    let mut offsets = Vec::with_capacity(n + 2);
    offsets.push(0usize);
    for &(lo, hi) in &band.rows {
        offsets.push(offsets.last().copied().unwrap_or(0) + hi + 1 - lo);
    }
    let mut back = vec![NONE; offsets[n + 1]];
    costs.band(&band.rows);
    for i in 0..=n {
        let (lo, hi) = band.rows[i];
        costs.row(i, lo, hi);
        let here = (i % DEPTH) * width;
        table[here..here + width].fill(f64::INFINITY);
        // Where each move may be taken in this row: the columns `j` whose cell it leaves
        // lies in the band (`j - dj` among the columns of row `i - di`, an empty range
        // above the first row), and where the costs of the row it leaves start in the
        // table: the cell left by a move into the first of the columns is there.
        let from: [(usize, usize, usize); K] = moves.map(|(di, dj)| match i.checked_sub(di) {
            Some(pi) => {
                let (plo, phi) = band.rows[pi];
                (plo + dj, phi + dj, (pi % DEPTH) * width)
            }
            None => (1, 0, 0),
        });
        for j in lo..=hi {
            if i == 0 && j == 0 {
                table[here] = 0.0;
                continue;
            }
            let mut best = f64::INFINITY;
            let mut best_move = NONE;
            for (k, &(first, last, start)) in from.iter().enumerate() {
                if j < first || j > last {
                    continue;
                }
                let prev = table[start + j - first];
                if prev == f64::INFINITY {
                    continue;
                }
                let c = prev + costs.step(i, j, k, best - prev);
                if c < best {
                    best = c;
                    best_move = k as u8;
                }
            }
            if best_move != NONE {
                best += costs.cell(i, j);
            }
            table[here + j - lo] = best;
            back[offsets[i] + j - lo] = best_move;
        }
    }
    trace_back(band, moves, &back, &offsets)
}

/// Follows the back pointers from `(n, m)` to `(0, 0)`.
fn trace_back(band: &Band, moves: &[(usize, usize)], back: &[u8], offsets: &[usize]) -> Option<Found> {
    let n = band.rows.len() - 1;
    let (mut i, mut j) = (n, band.m);
    let (lo, hi) = band.rows[n];
    if j < lo || j > hi {
        return None;
    }
    let mut path = Vec::new();
    let mut near_edge = Vec::new();
    while i > 0 || j > 0 {
        let k = back[offsets[i] + j - band.rows[i].0];
        if k == NONE {
            return None;
        }
        // The path must reach the table's first and last columns wherever the band is.
        if j != 0 && j != band.m && band.near_edge(i, j) {
            near_edge.push(i);
        }
        path.push(k);
        let (di, dj) = moves[k as usize];
        i -= di;
        j -= dj;
    }
    path.reverse();
    Some(Found { moves: path, near_edge })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOVES: [(usize, usize); 3] = [(1, 1), (1, 0), (0, 1)];

    /// Edit distance: a diagonal move costs 0 where the items agree.
    struct Edits<'a>(&'a [u8], &'a [u8]);

    impl Costs for Edits<'_> {
        fn step(&self, i: usize, j: usize, k: usize, _: f64) -> f64 {
            if k > 0 {
                1.0
            } else if self.0[i - 1] == self.1[j - 1] {
                0.0
            } else {
                2.0
            }
        }
    }

    fn edit_path(a: &[u8], b: &[u8], band: &Band) -> Option<Found> {
        search(band, &MOVES, &Edits(a, b))
    }

    #[test]
    fn finds_the_cheapest_path() {
        let (a, b) = (b"abcde", b"abxde");
        let found = edit_path(a, b, &Band::full(5, 5)).unwrap();
        assert_eq!(found.moves, [0, 0, 0, 0, 0]);
        let found = edit_path(b"abcde", b"abde", &Band::full(5, 4)).unwrap();
        assert_eq!(found.moves, [0, 0, 1, 0, 0]);
        assert!(found.near_edge.is_empty());
    }

    #[test]
    fn a_band_that_cuts_the_path_is_seen() {
        // The best path leaves the diagonal by four columns: a band of two is pushed.
        let a = b"xxxxabcdefgh";
        let b = b"abcdefghyyyy";
        let full = edit_path(a, b, &Band::full(12, 12)).unwrap();
        let narrow = edit_path(a, b, &Band::diagonal(12, 12, 2)).unwrap();
        assert!(!narrow.near_edge.is_empty());
        assert_ne!(narrow.moves, full.moves);
        let wide = edit_path(a, b, &Band::diagonal(12, 12, 8)).unwrap();
        assert_eq!(wide.moves, full.moves);
    }

    #[test]
    fn band_around_a_path_holds_it() {
        let guide = Guide::of_steps(6, [(0, 0, 2, 2), (2, 2, 2, 4), (2, 4, 6, 6)]);
        let band = Band::around(&guide, 6, &[0; 7]);
        let rows = [band.row(0), band.row(1), band.row(2), band.row(3), band.row(6)];
        assert_eq!(rows, [(0, 0), (1, 1), (2, 4), (4, 5), (6, 6)]);
        let band = Band::around(&guide, 6, &[1; 7]);
        assert_eq!([band.row(0), band.row(1), band.row(2), band.row(6)], [(0, 2), (0, 5), (0, 6), (4, 6)]);
        let band = Band::around(&guide, 6, &[0, 0, 0, 0, 0, 2, 0]);
        assert_eq!([band.row(4), band.row(5), band.row(6)], [(5, 5), (2, 6), (6, 6)]);
        let no_way = Band { rows: vec![(0, 0), (3, 3)], m: 3 };
        assert_eq!(search(&no_way, &MOVES, &Edits(b"a", b"abc")), None);
    }
}
