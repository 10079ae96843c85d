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

pub mod beads;
pub mod model;

use serde::Serialize;

use crate::model::{Document, Unit, UnitKind};
use crate::segment;
use model::{Features, LengthModel};

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
}

/// A unit taking part in a pair: its reference and text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The unit's reference (`art.8.1`, or `art.8.1.s2` for a sentence).
    #[serde(rename = "ref")]
    pub r#ref: String,
    /// Its text.
    pub text: String,
}

/// One row of an alignment: some units of each text and the confidence in them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// The segments of each side, in the order of [`Alignment::docs`].
    pub sides: [Vec<Segment>; 2],
    /// Confidence from 0 to 1.
    pub score: f64,
}

impl Pair {
    /// The refs of side `s`, joined with `+`.
    pub fn refs(&self, s: usize) -> String {
        self.sides[s].iter().map(|x| x.r#ref.as_str()).collect::<Vec<_>>().join("+")
    }

    /// The text of side `s`, several units joined with a newline.
    pub fn text(&self, s: usize) -> String {
        self.sides[s].iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join("\n")
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
    pub pairs: Vec<Pair>,
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
    let (beads, model, features) = align_units_with_features(a, b);
    let mut pairs: Vec<Pair> = match options.level {
        Level::Paragraph => beads.iter().map(|bead| unit_pair(a, b, bead, &model, &features)).collect(),
        Level::Sentence => beads.iter().flat_map(|bead| sentence_pairs(a, b, bead, &model)).collect(),
    };
    doubt_neighbours(&mut pairs);
    Alignment { docs: [a, b], pairs, model }
}

/// Errors come in clusters: where the texts stop corresponding one to one (an omission,
/// a merge), the pairs next to the spot are less sure than the rest.
fn doubt_neighbours(pairs: &mut [Pair]) {
    let odd: Vec<bool> = pairs.iter().map(|p| p.sides[0].len() != 1 || p.sides[1].len() != 1).collect();
    for (i, p) in pairs.iter_mut().enumerate() {
        let near = (i > 0 && odd[i - 1]) || odd.get(i + 1).copied().unwrap_or(false);
        if near && !odd[i] {
            p.score *= 0.75;
        }
    }
}

/// A run of consecutive units of one container.
#[derive(Debug, Clone)]
struct Block {
    key: String,
    units: std::ops::Range<usize>,
}

fn blocks(doc: &Document) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for (i, u) in doc.units.iter().enumerate() {
        match out.last_mut() {
            Some(b) if b.key == u.info.container && b.units.end == i => b.units.end = i + 1,
            _ => out.push(Block { key: u.info.container.clone(), units: i..i + 1 }),
        }
    }
    out
}

/// The kind of a container key: `art`, `chapter`, `preamble` …
fn key_kind(key: &str) -> &str {
    key.split(['.', '~']).next().unwrap_or(key)
}

/// Aligns the units of two documents: containers first, then units inside them.
pub fn align_units(a: &Document, b: &Document) -> (Vec<UnitBead>, LengthModel) {
    let (beads, model, _) = align_units_with_features(a, b);
    (beads, model)
}

/// [`align_units`], keeping the units' features for scoring the pairs.
fn align_units_with_features(a: &Document, b: &Document) -> (Vec<UnitBead>, LengthModel, [Vec<Features>; 2]) {
    let fa: Vec<Features> = a.units.iter().map(|u| Features::of(a, u)).collect();
    let fb: Vec<Features> = b.units.iter().map(|u| Features::of(b, u)).collect();
    let total = |f: &[Features]| f.iter().map(|x| x.len).sum::<f64>();
    let mut model = LengthModel::from_totals(total(&fa), total(&fb));
    let ba = blocks(a);
    let bb = blocks(b);
    // Two passes: the second with the variance re-estimated from the first's 1-1 pairs.
    let mut result = Vec::new();
    for pass in 0..2 {
        result = align_blocks(&ba, &bb, &fa, &fb, &model);
        if pass == 0 {
            let ones: Vec<(f64, f64)> = result
                .iter()
                .filter(|x| x.a.len() == 1 && x.b.len() == 1)
                .map(|x| (fa[x.a[0]].len, fb[x.b[0]].len))
                .collect();
            model = model.refine(&ones);
        }
    }
    (result, model, [fa, fb])
}

fn merged(features: &[Features]) -> Features {
    Features { len: features.iter().map(|f| f.len).sum(), anchors: model::combine(features), ..Default::default() }
}

fn align_blocks(ba: &[Block], bb: &[Block], fa: &[Features], fb: &[Features], model: &LengthModel) -> Vec<UnitBead> {
    // Block features: the merged features of their units, numbered by the key.
    let block_features = |blocks: &[Block], f: &[Features]| -> Vec<Features> {
        blocks.iter().map(|b| merged(&f[b.units.clone()])).collect()
    };
    let xa = block_features(ba, fa);
    let xb = block_features(bb, fb);
    let pairs = align_block_sequences(ba, bb, &xa, &xb, model);
    let mut out = Vec::new();
    for (ia, ib) in pairs {
        match (ia, ib) {
            (Some(i), Some(j)) => out.extend(align_inside(&ba[i], &bb[j], fa, fb, model)),
            (Some(i), None) => {
                out.extend(ba[i].units.clone().map(|u| UnitBead { a: vec![u], b: vec![], structural: false }))
            }
            (None, Some(j)) => {
                out.extend(bb[j].units.clone().map(|u| UnitBead { a: vec![], b: vec![u], structural: false }))
            }
            (None, None) => {}
        }
    }
    out
}

/// Aligns container sequences: a 1-1, 1-0, 0-1 search where equal keys are strong
/// evidence and containers of different kinds never pair.
fn align_block_sequences(
    ba: &[Block],
    bb: &[Block],
    xa: &[Features],
    xb: &[Features],
    model: &LengthModel,
) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (ba.len(), bb.len());
    const SKIP: f64 = 9.0;
    const SAME_KEY: f64 = 6.0;
    let pair_cost = |i: usize, j: usize| -> f64 {
        let (ka, kb) = (&ba[i].key, &bb[j].key);
        if key_kind(ka) != key_kind(kb) {
            return f64::INFINITY;
        }
        let p = model.p(xa[i].len, xb[j].len).max(1e-12);
        let (matched, unmatched) = model::anchor_agreement(std::slice::from_ref(&xa[i]), std::slice::from_ref(&xb[j]));
        let mut c = -p.ln() + 0.3 * unmatched as f64 - 0.6 * matched as f64;
        // Same number of units is weak evidence too.
        if ba[i].units.len() != bb[j].units.len() {
            c += 1.0;
        }
        if ka == kb {
            c -= SAME_KEY;
        }
        c
    };
    // A banded search, as for units, but with its own costs; texts have at most a few
    // thousand containers, and the band keeps an adversarial 100,000 linear.
    let width = if n * m <= 4_000_000 { n.max(m) } else { 256 + n.abs_diff(m) };
    let center = |i: usize| (i * m + n / 2) / n.max(1);
    let lo = |i: usize| center(i).saturating_sub(width);
    let hi = |i: usize| (center(i) + width).min(m);
    let mut cost: Vec<Vec<f64>> = Vec::with_capacity(n + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let (l, h) = (lo(i), hi(i));
        let mut row = vec![f64::INFINITY; h + 1 - l];
        let mut brow = vec![u8::MAX; h + 1 - l];
        for j in l..=h {
            if i == 0 && j == 0 {
                row[0] = 0.0;
                continue;
            }
            let get = |cost: &Vec<Vec<f64>>, row: &Vec<f64>, pi: usize, pj: usize| -> f64 {
                if pi == i {
                    if pj < l { f64::INFINITY } else { row[pj - l] }
                } else {
                    let pl = lo(pi);
                    if pj < pl || pj > hi(pi) { f64::INFINITY } else { cost[pi][pj - pl] }
                }
            };
            let mut best = (f64::INFINITY, u8::MAX);
            if i > 0 && j > 0 {
                let c = get(&cost, &row, i - 1, j - 1) + pair_cost(i - 1, j - 1);
                if c < best.0 {
                    best = (c, 0);
                }
            }
            if i > 0 {
                let c = get(&cost, &row, i - 1, j) + SKIP;
                if c < best.0 {
                    best = (c, 1);
                }
            }
            if j > 0 {
                let c = get(&cost, &row, i, j - 1) + SKIP;
                if c < best.0 {
                    best = (c, 2);
                }
            }
            row[j - l] = best.0;
            brow[j - l] = best.1;
        }
        cost.push(row);
        back.push(brow);
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = back[i][j - lo(i)];
        match k {
            0 => {
                out.push((Some(i - 1), Some(j - 1)));
                i -= 1;
                j -= 1;
            }
            1 => {
                out.push((Some(i - 1), None));
                i -= 1;
            }
            _ => {
                out.push((None, Some(j - 1)));
                j -= 1;
            }
        }
    }
    out.reverse();
    out
}

/// Aligns the units of two paired containers.
fn align_inside(x: &Block, y: &Block, fa: &[Features], fb: &[Features], model: &LengthModel) -> Vec<UnitBead> {
    let mut out = Vec::new();
    let (mut ra, mut rb) = (x.units.clone(), y.units.clone());
    let same_shape = x.key == y.key && ra.len() == rb.len();
    // Headings pair with headings.
    if fa[ra.start].heading && fb[rb.start].heading {
        out.push(UnitBead { a: vec![ra.start], b: vec![rb.start], structural: x.key == y.key });
        ra.start += 1;
        rb.start += 1;
    }
    // Signature lines are never merged or split: one state, one line.
    let allowed: &[(usize, usize)] = if x.key == "sig" { &beads::SINGLE_BEADS } else { &beads::BEADS };
    let beads = beads::align_with(model, &fa[ra.clone()], &fb[rb.clone()], allowed);
    let structural = same_shape && beads.iter().all(|&b| b == (1, 1));
    let (mut i, mut j) = (ra.start, rb.start);
    for (da, db) in beads {
        out.push(UnitBead { a: (i..i + da).collect(), b: (j..j + db).collect(), structural });
        i += da;
        j += db;
    }
    out
}

fn segment_of(unit: &Unit) -> Segment {
    Segment { r#ref: unit.r#ref.clone(), text: unit.text.clone() }
}

fn unit_pair(a: &Document, b: &Document, bead: &UnitBead, model: &LengthModel, features: &[Vec<Features>; 2]) -> Pair {
    let fa: Vec<Features> = bead.a.iter().map(|&i| features[0][i].clone()).collect();
    let fb: Vec<Features> = bead.b.iter().map(|&j| features[1][j].clone()).collect();
    Pair {
        sides: [
            bead.a.iter().map(|&i| segment_of(&a.units[i])).collect(),
            bead.b.iter().map(|&j| segment_of(&b.units[j])).collect(),
        ],
        score: model::confidence(model, &fa, &fb, bead.structural),
    }
}

/// Sentence pairs inside one unit bead: the sentences of each side, aligned.
fn sentence_pairs(a: &Document, b: &Document, bead: &UnitBead, model: &LengthModel) -> Vec<Pair> {
    let split = |doc: &Document, idx: &[usize]| -> Vec<(Segment, Features)> {
        idx.iter()
            .flat_map(|&i| {
                let u = &doc.units[i];
                let sentences = if u.kind == UnitKind::Heading {
                    vec![u.text.clone()]
                } else {
                    segment::sentences(doc.lang, &u.text)
                };
                sentences.into_iter().enumerate().map(move |(k, s)| {
                    let r = format!("{}.s{}", u.r#ref, k + 1);
                    let f = Features::of_text(doc.lang, &s, None, u.kind == UnitKind::Heading);
                    (Segment { r#ref: r, text: s }, f)
                })
            })
            .collect()
    };
    let sa = split(a, &bead.a);
    let sb = split(b, &bead.b);
    let fa: Vec<Features> = sa.iter().map(|x| x.1.clone()).collect();
    let fb: Vec<Features> = sb.iter().map(|x| x.1.clone()).collect();
    let beads = beads::align(model, &fa, &fb);
    let (mut i, mut j) = (0, 0);
    beads
        .into_iter()
        .map(|(da, db)| {
            let pair = Pair {
                sides: [
                    sa[i..i + da].iter().map(|x| x.0.clone()).collect(),
                    sb[j..j + db].iter().map(|x| x.0.clone()).collect(),
                ],
                score: model::confidence(
                    model,
                    &fa[i..i + da],
                    &fb[j..j + db],
                    bead.structural && sa.len() == sb.len(),
                ),
            };
            i += da;
            j += db;
            pair
        })
        .collect()
}
