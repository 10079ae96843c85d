//! Alignment by structure: the containers of two texts (title, preamble, each
//! chapter heading, each article, closing, signatures, annexes) are aligned first,
//! with their keys as strong evidence and their content as the judge; then the
//! units inside each pair of containers, independently of the others and so in
//! parallel.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::sync::{Arc, Mutex};

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use rayon::prelude::*;

use super::UnitBead;
use super::beads::{self, BEADS, SINGLE_BEADS};
use super::model::{ANCHOR_MATCH, ANCHOR_MISS, Features, LengthModel, merge_keys, term_cost};
use super::prepared::Prepared;
use super::search::{Costs, Guide, search_around};
use crate::model::Document;

/// A run of consecutive units of one container.
#[derive(Debug, Clone)]
pub(super) struct Block {
    /// The container's key (`art.5`, `preamble`, `sig`).
    key: CompactString,
    /// How long the kind at the start of the key is (`art` of `art.5`).
    kind_len: usize,
    /// The [`code`] of the kind and the hash of the key: two containers whose codes
    /// or hashes differ differ in kind or key, told without comparing the strings
    /// (see [`Block::same`]).
    hashes: [u64; 2],
    /// Its units.
    units: Range<usize>,
}

impl Block {
    /// The lexicon term ids of the block's `units`, all of them, each as often as
    /// its units have it, in no order.
    fn terms<'u>(&self, units: &'u Prepared) -> impl Iterator<Item = &'u [u32]> + 'u {
        self.units.clone().map(|u| units.term_keys(u))
    }

    /// How many lexicon terms the block's `units` have.
    fn term_count(&self, units: &Prepared) -> usize {
        units.term_count(self.units.start, self.units.end)
    }

    /// The kind of the container: `art`, `chapter`, `preamble` …
    fn kind(&self) -> &str {
        &self.key[..self.kind_len]
    }

    /// Whether two blocks have the same kind (`part` 0) or the same key (`part` 1).
    #[inline]
    fn same(&self, other: &Block, part: usize) -> bool {
        self.hashes[part] == other.hashes[part]
            && match part {
                // The code of a kind of fewer than eight bytes is the kind.
                0 => self.kind_len < 8 || self.kind() == other.kind(),
                _ => self.key == other.key,
            }
    }
}

/// One text as the container search sees it.
pub(super) struct Containers {
    blocks: Vec<Block>,
    /// Each block as one unit: its units' lengths and anchors together; none when
    /// `alone`. Not their lexicon terms: a container's are read from its units'
    /// ([`Block::terms`]), not laid out a second time.
    features: Prepared,
    /// Whether each text is one container under the same key: the two pair without
    /// a search.
    alone: bool,
}

impl Containers {
    /// Makes the lexicon terms of the containers weigh `weight` in their search
    /// ([`Prepared::set_term_weight`]).
    pub(super) fn set_term_weight(&mut self, weight: f64) {
        self.features.set_term_weight(weight);
    }

    /// The containers of two texts, whose units have these `features`.
    pub(super) fn of(docs: [&Document; 2], features: [&[Features]; 2]) -> [Self; 2] {
        let [ba, bb] = docs.map(blocks_of);
        // A text read as lines is one container: merging every unit's keys into it
        // would cost a fifth of the memory of aligning it, and tell nothing.
        let alone = ba.len() == 1 && bb.len() == 1 && ba[0].same(&bb[0], 1);
        let of = |blocks: Vec<Block>, features: &[Features]| {
            let features = if alone { Prepared::lengths([]) } else { merged(&blocks, features) };
            Containers { blocks, features, alone }
        };
        let (a, b) = rayon::join(|| of(ba, features[0]), || of(bb, features[1]));
        [a, b]
    }
}

/// The runs of units of one container of `doc`.
fn blocks_of(doc: &Document) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for (i, u) in doc.units.iter().enumerate() {
        match blocks.last_mut() {
            Some(b) if b.key == u.info.container && b.units.end == i => b.units.end = i + 1,
            _ => {
                let key = u.info.container.clone();
                let kind_len = key.find(['.', '~']).unwrap_or(key.len());
                let hashes = [code(&key[..kind_len]), hash(&key)];
                blocks.push(Block { key, kind_len, hashes, units: i..i + 1 })
            }
        }
    }
    // Kept through both passes: without the room a growing list leaves.
    blocks.shrink_to_fit();
    blocks
}

/// Each block's units' lengths and anchors together, as one unit's (one block's merge
/// at a time).
fn merged(blocks: &[Block], features: &[Features]) -> Prepared {
    let mut merged = Prepared::with_capacity(blocks.len());
    // Merged lists hold the keys of their units, each as often: the lists of all
    // units give the lists' exact size.
    let all = blocks.first().map_or(0, |b| b.units.start)..blocks.last().map_or(0, |b| b.units.end);
    merged.reserve(&features[all]);
    for b in blocks {
        let units = &features[b.units.clone()];
        merged.push(&Features {
            len: units.iter().map(|f| f.len).sum(),
            anchors: merge_keys(units.iter().map(|f| f.anchors.as_slice())),
            ..Default::default()
        });
    }
    merged
}

/// A short string's bytes and length as one number (two short strings are equal
/// when their codes are), or for a longer one its hash with the top byte set.
fn code(s: &str) -> u64 {
    if s.len() < 8 {
        s.bytes().fold(0, |code, b| code << 8 | u64::from(b)) | (s.len() as u64) << 56
    } else {
        hash(s) | 0xFF << 56
    }
}

/// A hash of a string that is the same in every run.
fn hash(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// An alignment of two texts: the pairs of containers (indices into each text's
/// containers, `None` for a container without a counterpart) and the unit beads.
pub(super) struct Aligned {
    pub(super) containers: Vec<(Option<usize>, Option<usize>)>,
    pub(super) beads: Vec<UnitBead>,
}

impl Aligned {
    /// The alignment as a later search around it reads it (`earlier` in [`align`]):
    /// its beads only where each text is one container, else its pairs of containers
    /// alone (a long text's beads are most of the memory a first pass keeps).
    pub(super) fn into_earlier(mut self, containers: &Containers) -> Aligned {
        if !containers.alone {
            self.beads = Vec::new();
        }
        self
    }
}

/// Aligns the units of two texts, containers first, then the units inside each
/// pair of containers (in parallel: each pair alone). With an `earlier` alignment
/// of the same texts, a long sequence of containers is searched around its pairs of
/// containers, and where each text is one container, its units around its beads.
pub(super) fn align(
    containers: [&Containers; 2],
    units: [&Prepared; 2],
    model: &LengthModel,
    earlier: Option<&Aligned>,
) -> Aligned {
    let [ca, cb] = containers;
    if ca.alone {
        let earlier: Option<Vec<(usize, usize)>> =
            earlier.map(|e| e.beads.iter().map(|b| (b.a.len(), b.b.len())).collect());
        let beads = align_inside(&ca.blocks[0], &cb.blocks[0], units, model, earlier.as_deref());
        return Aligned { containers: vec![(Some(0), Some(0))], beads };
    }
    let pairs = align_block_sequences([ca, cb], units, model, earlier.map(|e| e.containers.as_slice()));
    let parts: Vec<Vec<UnitBead>> = pairs
        .par_iter()
        .map(|&pair| match pair {
            (Some(i), Some(j)) => align_inside(&ca.blocks[i], &cb.blocks[j], units, model, None),
            (Some(i), None) => {
                ca.blocks[i].units.clone().map(|u| UnitBead { a: vec![u], b: vec![], structural: false }).collect()
            }
            (None, Some(j)) => {
                cb.blocks[j].units.clone().map(|u| UnitBead { a: vec![], b: vec![u], structural: false }).collect()
            }
            (None, None) => Vec::new(),
        })
        .collect();
    Aligned { containers: pairs, beads: parts.into_iter().flatten().collect() }
}

/// The cost of leaving a container without a counterpart.
const SKIP: f64 = 9.0;
/// The gain of two containers under the same key (`art.5` and `art.5`).
const SAME_KEY: f64 = 6.0;
/// The cost of two containers with different numbers of units.
const OTHER_SHAPE: f64 = 1.0;
/// Container sequences up to this many cells may be searched in full.
const FULL_SEARCH_CELLS: usize = 4_000_000;
/// The band's widest half-width beyond the difference in length of longer sequences.
const BAND: usize = 256;
/// The band's first reach beyond its guide: the diagonal, less the difference in
/// length, or the pairs of an earlier alignment.
const EARLIER_MARGIN: usize = 16;

/// Aligns container sequences: a 1-1, 1-0, 0-1 search where equal keys are strong
/// evidence and containers of different kinds never pair.
fn align_block_sequences(
    [ca, cb]: [&Containers; 2],
    units: [&Prepared; 2],
    model: &LengthModel,
    earlier: Option<&[(Option<usize>, Option<usize>)]>,
) -> Vec<(Option<usize>, Option<usize>)> {
    const MOVES: [(usize, usize); 3] = [(1, 1), (1, 0), (0, 1)];
    let (n, m) = (ca.blocks.len(), cb.blocks.len());
    let index = rayon::join(
        || Postings::of(cb.blocks.len(), |j| runs(cb.features.anchor_keys(j)), Slots::Hashed(FxHashMap::default())),
        || Postings::of(cb.blocks.len(), |j| cb.blocks[j].terms(units[1]).flat_map(runs), Slots::Direct(Vec::new())),
    );
    let index = [index.0, index.1];
    let pairing = Pairing { ca, cb, units, model, index: &index };
    let filled = Mutex::new(Vec::new());
    // The search runs in a band around a guide, widened where the path runs along
    // its edge (see `search_around`): around the diagonal, as wide as the texts
    // differ in length and a margin more, or around the pairs of an earlier
    // alignment. Texts have at most a few thousand containers and may widen it to
    // the whole table; past `FULL_SEARCH_CELLS` only up to the diagonal band's
    // width, which keeps an adversarial 100,000 linear. An earlier alignment of these
    // containers takes each of them once.
    let most = if n * m <= FULL_SEARCH_CELLS { n.max(m) } else { BAND + n.abs_diff(m) };
    let earlier = earlier
        .filter(|e| e.iter().filter(|p| p.0.is_some()).count() == n && e.iter().filter(|p| p.1.is_some()).count() == m);
    let (guide, margin) = match earlier {
        Some(earlier) => (
            Guide::of_moves(n, earlier.iter().map(|p| (usize::from(p.0.is_some()), usize::from(p.1.is_some())))),
            EARLIER_MARGIN,
        ),
        None => (Guide::of_steps(n, [(0, 0, n, m)]), EARLIER_MARGIN + n.abs_diff(m)),
    };
    let found = rayon::scope(|scope| {
        let costs = ContainerCosts {
            pairing,
            rows: RefCell::default(),
            block: RefCell::default(),
            scope,
            filled: &filled,
            band: Cell::new(0),
            pending: Cell::new(None),
        };
        search_around(&guide, m, vec![margin.min(most); n + 1], most, &MOVES, &costs)
    });
    let moves = found.expect("a diagonal band always has a path").moves;
    let (mut i, mut j) = (0, 0);
    moves
        .into_iter()
        .map(|k| {
            let (di, dj) = MOVES[k as usize];
            let pair = ((di > 0).then_some(i), (dj > 0).then_some(j));
            (i, j) = (i + di, j + dj);
            pair
        })
        .collect()
}

/// What the costs of pairing two containers are read from.
#[derive(Clone, Copy)]
struct Pairing<'c> {
    ca: &'c Containers,
    cb: &'c Containers,
    /// The units of each text.
    units: [&'c Prepared; 2],
    model: &'c LengthModel,
    /// Where the second text's anchor keys and term ids are: `[anchors, terms]`.
    index: &'c [Postings; 2],
}

/// The costs of a container search, worked out a block of the band's rows at a time
/// ([`CostBlock`]): while the search reads one block, on one thread, the next is
/// filled on the others.
struct ContainerCosts<'c, 's> {
    pairing: Pairing<'c>,
    /// The columns of each row of the band searched.
    rows: RefCell<Arc<[(usize, usize)]>>,
    /// The costs of the rows the search is in.
    block: RefCell<CostBlock>,
    scope: &'s rayon::Scope<'c>,
    /// The blocks filled ahead, each with the band it is of.
    filled: &'c Mutex<Vec<(u64, CostBlock)>>,
    /// Which band is searched: a search around a wider band is another, and a block
    /// filled for one searched before is not read.
    band: Cell<u64>,
    /// The first row of the block being filled ahead, if one is.
    pending: Cell<Option<usize>>,
}

/// The costs of the diagonal moves into the cells of some rows of a band: into
/// `(i, j)`, pairing container `i - 1` with `j - 1`.
///
/// A pairing's cost does not hang on the path, so the costs of a block of rows are
/// worked out on every thread before the search reaches them: the search itself
/// goes row after row, on one.
#[derive(Default)]
struct CostBlock {
    rows: Range<usize>,
    /// For each row of the block, its first column and where its costs start.
    starts: Vec<(usize, usize)>,
    costs: Vec<f64>,
}

/// How many cells a block of costs holds, at least: enough to share out among
/// threads, few enough to stay in cache.
const BLOCK_CELLS: usize = 1 << 16;

impl Pairing<'_> {
    /// The costs of a block of the rows of `band` from `first`, worked out on every
    /// thread.
    fn block(self, band: &[(usize, usize)], first: usize) -> CostBlock {
        let mut end = first;
        let mut cells = 0;
        while end < band.len() && cells < BLOCK_CELLS {
            cells += band[end].1 + 1 - band[end].0;
            end += 1;
        }
        // A few pieces for each thread, each read row after row (its cursors set once).
        let per = cells.div_ceil(2 * rayon::current_num_threads()).max(1);
        let mut bounds = vec![first];
        let mut piece = 0;
        for (i, &(lo, hi)) in band.iter().enumerate().take(end).skip(first) {
            piece += hi + 1 - lo;
            if piece >= per || i + 1 == end {
                bounds.push(i + 1);
                piece = 0;
            }
        }
        let Pairing { ca, cb, units, model, index } = self;
        let costed: Vec<Vec<f64>> = bounds
            .par_windows(2)
            .map(|w| {
                let mut shared = SharedRow::default();
                let mut costs = Vec::new();
                for (i, &(lo, hi)) in band.iter().enumerate().take(w[1]).skip(w[0]) {
                    shared.fill(i - 1, lo.saturating_sub(1)..hi, ca, units[0], index);
                    costs.extend((lo..=hi).map(|j| {
                        if j == 0 {
                            f64::INFINITY
                        } else {
                            pair_cost([ca, cb], units, i - 1, j - 1, shared.get(j - 1), model)
                        }
                    }));
                }
                costs
            })
            .collect();
        let mut starts = Vec::with_capacity(end - first);
        let mut start = 0;
        for &(lo, hi) in &band[first..end] {
            starts.push((lo, start));
            start += hi + 1 - lo;
        }
        CostBlock { rows: first..end, starts, costs: costed.concat() }
    }
}

impl ContainerCosts<'_, '_> {
    /// The block from row `first` filled ahead, once it is: the thread waits doing
    /// other work of the pool, or its own (with one thread, the filling itself).
    fn filled_ahead(&self, first: usize) -> Option<CostBlock> {
        if self.pending.take() != Some(first) {
            return None;
        }
        let band = self.band.get();
        loop {
            {
                let mut filled = self.filled.lock().expect("no thread filling costs panicked");
                // Blocks of a band searched before are of no use.
                filled.retain(|(b, _)| *b == band);
                if let Some(k) = filled.iter().position(|(_, block)| block.rows.start == first) {
                    return Some(filled.swap_remove(k).1);
                }
            }
            if rayon::yield_now() != Some(rayon::Yield::Executed) {
                std::thread::yield_now();
            }
        }
    }
}

impl Costs for ContainerCosts<'_, '_> {
    fn band(&self, rows: &[(usize, usize)]) {
        *self.rows.borrow_mut() = rows.into();
        self.block.borrow_mut().rows = 0..0;
        self.band.set(self.band.get() + 1);
        self.pending.set(None);
    }

    fn row(&self, i: usize, _lo: usize, _hi: usize) {
        if i == 0 || self.block.borrow().rows.contains(&i) {
            return;
        }
        let rows = Arc::clone(&self.rows.borrow());
        let block = self.filled_ahead(i).unwrap_or_else(|| self.pairing.block(&rows, i));
        let next = block.rows.end;
        *self.block.borrow_mut() = block;
        if next < rows.len() {
            // The next block, on the other threads, while the search reads this one.
            let (pairing, filled, band) = (self.pairing, self.filled, self.band.get());
            self.pending.set(Some(next));
            self.scope.spawn(move |_| {
                let block = pairing.block(&rows, next);
                filled.lock().expect("no thread filling costs panicked").push((band, block));
            });
        }
    }

    fn step(&self, i: usize, j: usize, k: usize, _: f64) -> f64 {
        if k != 0 {
            return SKIP;
        }
        let block = self.block.borrow();
        let (lo, start) = block.starts[i - block.rows.start];
        block.costs[start + j - lo]
    }
}

/// For each key of one text, the containers that hold it and how often: the sorted
/// `(container, count)` postings of an inverted index.
///
/// All lists are in one array, each key's from `start[slot]` to `start[slot + 1]`,
/// counted first and then filled: one allocation, not one per key.
struct Postings {
    /// Where each key's postings are: its slot in `start`.
    slots: Slots,
    start: Vec<u32>,
    entries: Vec<(u32, u32)>,
}

impl Postings {
    /// The postings of `n` containers whose keys, with how often each occurs, are
    /// `keys(j)` for container `j`: a key may come more than once in a container's
    /// (once for each of its units that has it), its counts added up.
    fn of<I: Iterator<Item = (u64, usize)>>(n: usize, keys: impl Fn(usize) -> I, mut slots: Slots) -> Self {
        let mut start = vec![0u32];
        // The last container counted in each slot: a container is one posting.
        let mut last: Vec<u32> = Vec::new();
        for j in 0..n as u32 {
            for (key, _) in keys(j as usize) {
                let next = (start.len() - 1) as u32;
                let slot = slots.get_or_insert(key, next) as usize;
                if slot == start.len() - 1 {
                    start.push(0);
                    last.push(u32::MAX);
                }
                if last[slot] != j {
                    last[slot] = j;
                    start[slot + 1] += 1;
                }
            }
        }
        drop(last);
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut fill = start.clone();
        let mut entries = vec![(0, 0); start[start.len() - 1] as usize];
        for j in 0..n as u32 {
            for (key, count) in keys(j as usize) {
                let slot = slots.get(key).expect("every key was given a slot") as usize;
                let at = fill[slot] as usize;
                match entries[..at].last_mut() {
                    Some(e) if at > start[slot] as usize && e.0 == j => e.1 += count as u32,
                    _ => {
                        entries[at] = (j, count as u32);
                        fill[slot] += 1;
                    }
                }
            }
        }
        Postings { slots, start, entries }
    }

    /// How many keys have postings.
    fn len(&self) -> usize {
        self.start.len() - 1
    }

    fn list(&self, slot: usize) -> &[(u32, u32)] {
        &self.entries[self.start[slot] as usize..self.start[slot + 1] as usize]
    }
}

/// Where each key's postings are: found by hashing the key (anchor keys, hashes
/// themselves), or, for term ids, which are counted from 0, at the id in a table.
enum Slots {
    Hashed(FxHashMap<u64, u32>),
    /// The slot of each id; [`NO_SLOT`] where it has none.
    Direct(Vec<u32>),
}

/// An id without postings in [`Slots::Direct`].
const NO_SLOT: u32 = u32::MAX;

impl Slots {
    fn get(&self, key: u64) -> Option<u32> {
        match self {
            Slots::Hashed(slots) => slots.get(&key).copied(),
            Slots::Direct(slots) => {
                usize::try_from(key).ok().and_then(|k| slots.get(k)).copied().filter(|&s| s != NO_SLOT)
            }
        }
    }

    /// The slot of `key`, given `next` if it has none yet.
    fn get_or_insert(&mut self, key: u64, next: u32) -> u32 {
        match self {
            Slots::Hashed(slots) => *slots.entry(key).or_insert(next),
            Slots::Direct(slots) => {
                let k = usize::try_from(key).expect("a term id fits in memory");
                if k >= slots.len() {
                    slots.resize(k + 1, NO_SLOT);
                }
                if slots[k] == NO_SLOT {
                    slots[k] = next;
                }
                slots[k]
            }
        }
    }
}

/// The keys of a sorted list with how often each occurs.
fn runs<K: Copy + PartialEq + Into<u64>>(keys: &[K]) -> impl Iterator<Item = (u64, usize)> + '_ {
    keys.chunk_by(|a, b| a == b).map(|run| (run[0].into(), run.len()))
}

/// How many anchor keys and term ids one container shares with each container of a
/// range of the other text, each key counted as often as both have it.
///
/// Containers hold hundreds of keys, and merging two such lists for every cell of
/// the search was most of the work of aligning a long text; read from an index, a
/// row costs the postings of its keys that fall in the row.
#[derive(Default)]
struct SharedRow {
    columns: Range<usize>,
    /// `[anchors, terms]` shared with each container of `columns`.
    counts: Vec<[usize; 2]>,
    /// For each list of postings, where the last row's columns began in it: the
    /// band's rows start further right row by row, so a cursor moves only forward.
    /// [`UNSET`] before the list's first row.
    cursors: [Vec<usize>; 2],
    /// The row's container's term ids, sorted.
    terms: Vec<u32>,
}

/// A cursor not set yet: its list is searched.
const UNSET: usize = usize::MAX;

impl SharedRow {
    /// The keys container `i` of `containers`, whose units are `units`, shares
    /// with each container of `columns` of the text indexed in `index`.
    fn fill(
        &mut self,
        i: usize,
        columns: Range<usize>,
        containers: &Containers,
        units: &Prepared,
        index: &[Postings; 2],
    ) {
        self.counts.clear();
        self.counts.resize(columns.len() + 1, [0; 2]);
        self.fill_kind(0, runs(containers.features.anchor_keys(i)), &columns, &index[0]);
        let mut terms = std::mem::take(&mut self.terms);
        terms.clear();
        containers.blocks[i].terms(units).for_each(|t| terms.extend_from_slice(t));
        terms.sort_unstable();
        self.fill_kind(1, runs(&terms), &columns, &index[1]);
        self.terms = terms;
        self.columns = columns;
    }

    /// Adds the keys of one kind (0 anchors, 1 terms) of the row's container.
    fn fill_kind(
        &mut self,
        kind: usize,
        keys: impl Iterator<Item = (u64, usize)>,
        columns: &Range<usize>,
        postings: &Postings,
    ) {
        let cursors = &mut self.cursors[kind];
        cursors.resize(postings.len(), UNSET);
        for (key, count) in keys {
            let Some(slot) = postings.slots.get(key) else { continue };
            let slot = slot as usize;
            let list = postings.list(slot);
            let mut from = cursors[slot];
            if from == UNSET || (from > 0 && list[from - 1].0 as usize >= columns.start) {
                from = list.partition_point(|&(j, _)| (j as usize) < columns.start);
            }
            while from < list.len() && (list[from].0 as usize) < columns.start {
                from += 1;
            }
            cursors[slot] = from;
            for &(j, other) in list[from..].iter().take_while(|&&(j, _)| j as usize <= columns.end) {
                self.counts[j as usize - columns.start][kind] += count.min(other as usize);
            }
        }
    }

    fn get(&self, j: usize) -> [usize; 2] {
        self.counts[j - self.columns.start]
    }
}

/// The cost of pairing container `i` of one text with container `j` of the other,
/// which share `[anchors, terms]`.
fn pair_cost(
    [ca, cb]: [&Containers; 2],
    units: [&Prepared; 2],
    i: usize,
    j: usize,
    shared: [usize; 2],
    model: &LengthModel,
) -> f64 {
    let (x, y) = (&ca.blocks[i], &cb.blocks[j]);
    if !x.same(y, 0) {
        return f64::INFINITY;
    }
    let (fa, fb) = (&ca.features, &cb.features);
    let [matched, terms] = shared;
    let unmatched = fa.anchor_count(i, i + 1) + fb.anchor_count(j, j + 1) - 2 * matched;
    // Anchors count half as much as inside a container: a container holds many.
    let mut c = model.cost(fa.length(i), fb.length(j))
        + (ANCHOR_MISS * unmatched as f64 + ANCHOR_MATCH * matched as f64) / 2.0
        + fa.term_weight() * term_cost(terms, x.term_count(units[0]), y.term_count(units[1]));
    // Same number of units is weak evidence too.
    if x.units.len() != y.units.len() {
        c += OTHER_SHAPE;
    }
    if x.same(y, 1) {
        c -= SAME_KEY;
    }
    c
}

/// Aligns the units of two paired containers, around the beads of an `earlier`
/// alignment of them if there is one.
fn align_inside(
    x: &Block,
    y: &Block,
    units: [&Prepared; 2],
    model: &LengthModel,
    mut earlier: Option<&[(usize, usize)]>,
) -> Vec<UnitBead> {
    let mut out = Vec::new();
    let (mut ra, mut rb) = (x.units.clone(), y.units.clone());
    let same_shape = x.key == y.key && ra.len() == rb.len();
    // Headings pair with headings.
    if units[0].heading(ra.start) && units[1].heading(rb.start) {
        out.push(UnitBead { a: vec![ra.start], b: vec![rb.start], structural: x.key == y.key });
        ra.start += 1;
        rb.start += 1;
        earlier = earlier.and_then(|e| e.split_first()).filter(|(first, _)| **first == (1, 1)).map(|(_, rest)| rest);
    }
    // Signature lines are never merged or split: one state, one line.
    let allowed: &[(usize, usize)] = if x.key == "sig" { &SINGLE_BEADS } else { &BEADS };
    let ranges = [ra.clone(), rb.clone()];
    let beads = match earlier {
        Some(earlier) => beads::align_around(model, units, ranges, allowed, earlier),
        None => beads::align_prepared(model, units, ranges, allowed),
    };
    let structural = same_shape && beads.iter().all(|&b| b == (1, 1));
    let (mut i, mut j) = (ra.start, rb.start);
    for (da, db) in beads {
        out.push(UnitBead { a: (i..i + da).collect(), b: (j..j + db).collect(), structural });
        i += da;
        j += db;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{LoadOptions, load_bytes};

    /// The UN Charter `copies` times over, as one document.
    fn charters(lang: &str, copies: impl Iterator<Item = usize>) -> Document {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/un-charter-1945.{lang}.txt"));
        let one = std::fs::read_to_string(&path).unwrap().replace('\r', "");
        let text: Vec<&str> = copies.map(|_| one.as_str()).collect();
        load_bytes(text.join("\n\n").as_bytes(), format!("charters.{lang}.txt"), &LoadOptions::default()).unwrap()
    }

    /// Term ids for each unit of `doc`, sorted, some repeated, some shared by units
    /// of other containers: made by a fixed rule, the same on every run.
    fn units_with_terms(doc: &Document) -> Prepared {
        let mut units = Prepared::lengths(doc.units.iter().map(|u| u.text.len() as f64));
        let mut start = vec![0];
        let mut ids = Vec::new();
        for (i, u) in doc.units.iter().enumerate() {
            let mut own: Vec<u32> = u.text.bytes().step_by(7).map(|b| u32::from(b) % 40 + (i % 3) as u32).collect();
            own.sort_unstable();
            ids.extend(own);
            start.push(ids.len());
        }
        units.set_terms((start, ids));
        units
    }

    #[test]
    fn containers_terms_read_from_their_units_count_as_merged_lists_do() {
        let (zh, ru) = (charters("zh", 0..2), charters("ru", 0..2));
        let (ba, bb) = (blocks_of(&zh), blocks_of(&ru));
        let (ua, ub) = (units_with_terms(&zh), units_with_terms(&ru));
        // Each block's terms as one sorted list, as the containers once kept them.
        let merged = |blocks: &[Block], units: &Prepared| -> Vec<Vec<u32>> {
            blocks
                .iter()
                .map(|b| {
                    let mut all: Vec<u32> = b.terms(units).flatten().copied().collect();
                    all.sort_unstable();
                    all
                })
                .collect()
        };
        let (ma, mb) = (merged(&ba, &ua), merged(&bb, &ub));
        assert!(mb.iter().filter(|l| l.len() > 1).count() > 10);
        let index = Postings::of(bb.len(), |j| bb[j].terms(&ub).flat_map(runs), Slots::Direct(Vec::new()));
        // The postings: for each key, each container that has it, with how often.
        for key in 0..64u64 {
            let want: Vec<(u32, u32)> = mb
                .iter()
                .enumerate()
                .filter_map(|(j, l)| {
                    let n = l.iter().filter(|&&k| u64::from(k) == key).count();
                    (n > 0).then_some((j as u32, n as u32))
                })
                .collect();
            let got = index.slots.get(key).map_or(&[][..], |slot| index.list(slot as usize));
            assert_eq!(got, want.as_slice(), "key {key}");
        }
        // A row's shared terms: each key as often as both containers have it.
        let features =
            |d: &Document| -> Vec<Features> { d.units.iter().map(|u| Features::of(d, u)).collect::<Vec<_>>() };
        let (fa, fb) = (features(&zh), features(&ru));
        let [ca, cb] = Containers::of([&zh, &ru], [&fa, &fb]);
        let anchors =
            Postings::of(cb.blocks.len(), |j| runs(cb.features.anchor_keys(j)), Slots::Hashed(FxHashMap::default()));
        let both = [anchors, index];
        let mut row = SharedRow::default();
        for i in (0..ca.blocks.len()).step_by(5) {
            row.fill(i, 0..cb.blocks.len(), &ca, &ua, &both);
            for (j, other) in mb.iter().enumerate() {
                let mut shared = 0;
                for key in 0..64u32 {
                    let count = |l: &[u32]| l.iter().filter(|&&k| k == key).count();
                    shared += count(&ma[i]).min(count(other));
                }
                assert_eq!(row.get(j)[1], shared, "containers {i} and {j}");
            }
        }
    }

    #[test]
    fn a_long_sequence_searched_around_a_wrong_earlier_path_finds_the_right_one() {
        // Too many containers to search in full, and one Charter fewer in Russian.
        let (zh, ru) = (charters("zh", 0..20), charters("ru", (0..20).filter(|&k| k != 9)));
        let features = |d: &Document| -> Vec<Features> { d.units.iter().map(|u| Features::of(d, u)).collect() };
        let (fa, fb) = (features(&zh), features(&ru));
        let [ca, cb] = Containers::of([&zh, &ru], [&fa, &fb]);
        let (n, m) = (ca.blocks.len(), cb.blocks.len());
        assert!(n * m > FULL_SEARCH_CELLS && n > m);
        let total = |f: &[Features]| f.iter().map(|x| x.len).sum::<f64>();
        let model = LengthModel::from_totals(total(&fa), total(&fb));
        let units = [&Prepared::of(&fa), &Prepared::of(&fb)];
        let diagonal = align_block_sequences([&ca, &cb], units, &model, None);
        assert!(diagonal.iter().filter(|p| p.1.is_none()).count() >= n - m);
        // An earlier path that leaves out forty containers of each text at the start:
        // the right path runs along the edge of a band around it, which must widen.
        let mut wrong: Vec<(Option<usize>, Option<usize>)> = (0..40).map(|i| (Some(i), None)).collect();
        wrong.extend((0..40).map(|j| (None, Some(j))));
        wrong.extend(diagonal.iter().filter(|p| p.0.is_none_or(|i| i >= 40) && p.1.is_none_or(|j| j >= 40)));
        assert_eq!(align_block_sequences([&ca, &cb], units, &model, Some(&wrong)), diagonal);
        // Blocks of costs filled ahead on other threads, for bands searched again wider:
        // the same path on one thread as on three.
        let on = |threads: usize, earlier: Option<&[(Option<usize>, Option<usize>)]>| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| align_block_sequences([&ca, &cb], units, &model, earlier))
        };
        for earlier in [None, Some(wrong.as_slice())] {
            assert_eq!(on(1, earlier), diagonal);
            assert_eq!(on(3, earlier), diagonal);
        }
    }
}
