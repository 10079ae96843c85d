//! Reviewing a revision of one text: what changed between OLD and NEW, by unit, and
//! which units of the other-language text must be reviewed because of it.
//!
//! Units of OLD and NEW are paired by content, not by line: first the units whose text
//! is the same (a patience diff over the texts, headings keyed by their title and the
//! start of their article), then, inside each stretch that differs, units that are
//! still alike (`similar`'s ratio ≥ 0.5, in order), then identical texts found in
//! another place. Of the pairs, the longest chain that keeps the order of both texts
//! (preferring pairs that keep their ref) stays in place; an identical pair off that
//! chain, or swapped with one on it, was moved. What is left was added or removed.
//! Pairs whose reference changed but whose text did not were renumbered: a run of them
//! is reported once. Whitespace does not count as a change unless `strict` is set;
//! repairs were made before, so a page break moved or a different encoding is no
//! change at all.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

use crate::align::align_units;
use crate::model::{Document, RepairKind, Unit, UnitKind};

/// How long pairing and inline changes may take, for a whole diff: past it, `similar`
/// returns coarser (still correct) diffs at once.
const DIFF_BUDGET: Duration = Duration::from_secs(10);

/// A stretch that differs is paired unit by unit only up to this many candidate pairs.
const REGION_LIMIT: usize = 250_000;

/// Settings of the differ.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffOptions {
    /// Report whitespace-only differences too, including whitespace the loader folded
    /// (repeated, non-breaking or trailing spaces, indentation).
    pub strict: bool,
}

/// What happened to a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// In NEW only.
    Added,
    /// In OLD only.
    Removed,
    /// The same unit, its text changed.
    Modified,
    /// The same text, in another place.
    Moved,
    /// The same text under another number, because units were inserted or removed before.
    Renumbered,
}

/// What a piece of an inline diff is, as `similar` has [`ChangeTag`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InlineTag {
    /// In both.
    Equal,
    /// In OLD only.
    Delete,
    /// In NEW only.
    Insert,
}

impl From<ChangeTag> for InlineTag {
    fn from(tag: ChangeTag) -> Self {
        match tag {
            ChangeTag::Equal => InlineTag::Equal,
            ChangeTag::Delete => InlineTag::Delete,
            ChangeTag::Insert => InlineTag::Insert,
        }
    }
}

/// A piece of an inline diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InlineOp {
    /// Equal, deleted or inserted.
    pub op: InlineTag,
    /// The text.
    pub text: String,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// The units of OLD it concerns: every unit of a removed group; the first unit of a
    /// renumbered run (`old` spans the run); empty for an added group.
    pub old_refs: Vec<String>,
    /// The units of NEW it concerns, likewise.
    pub new_refs: Vec<String>,
    /// The old text (for a renumbered run: the refs it spans).
    pub old: String,
    /// The new text.
    pub new: String,
    /// For a modified unit: the text as equal, deleted and inserted pieces.
    pub inline: Vec<InlineOp>,
    /// Where it is, for ordering.
    pub order: (usize, usize),
}

impl Change {
    /// The first unit of OLD it concerns.
    pub fn old_ref(&self) -> Option<&str> {
        self.old_refs.first().map(String::as_str)
    }

    /// The first unit of NEW it concerns.
    pub fn new_ref(&self) -> Option<&str> {
        self.new_refs.first().map(String::as_str)
    }
}

/// Why a unit of the other-language text must be reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImpactKind {
    /// An added unit belongs after it.
    InsertAfter,
    /// An added unit belongs before it.
    InsertBefore,
    /// Its counterpart was modified.
    Modified,
    /// Its counterpart was moved.
    Moved,
    /// Its counterpart was removed.
    Removed,
    /// Its counterpart was renumbered.
    Renumbered,
}

/// A unit of the other-language text that must be reviewed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Impact {
    /// The unit of the other text.
    #[serde(rename = "ref")]
    pub r#ref: String,
    /// The units of NEW (of OLD for a removed one) that make it necessary.
    pub because: Vec<String>,
    /// Why.
    pub kind: ImpactKind,
}

/// The review of a revision.
#[derive(Debug, Clone)]
pub struct Revision<'d> {
    /// OLD.
    pub old: &'d Document,
    /// NEW.
    pub new: &'d Document,
    /// The changes in document order.
    pub changes: Vec<Change>,
    /// Units paired and unchanged.
    pub unchanged: usize,
    /// The pairing: for each unit of NEW, its partner in OLD.
    pub partner_of_new: Vec<Option<usize>>,
    /// For each unit of OLD, its partner in NEW.
    pub partner_of_old: Vec<Option<usize>>,
    /// The settings it was made with.
    pub options: DiffOptions,
}

impl Revision<'_> {
    /// Counts by kind: added, removed, modified, moved, renumbered.
    pub fn counts(&self) -> BTreeMap<ChangeKind, usize> {
        let mut out = BTreeMap::new();
        for c in &self.changes {
            *out.entry(c.kind).or_insert(0) += 1;
        }
        out
    }
}

/// A unit's text with whitespace removed (or as it is, when strict).
fn norm(text: &str, strict: bool) -> String {
    if strict { text.to_string() } else { text.chars().filter(|c| !c.is_whitespace()).collect() }
}

/// Each unit's text as the differ compares it: without whitespace; when `strict`, as
/// it is, and with the whitespace the loader folded in its lines (which its text no
/// longer shows). The unified diff compares the same.
pub fn comparable(doc: &Document, strict: bool) -> Vec<String> {
    doc.units
        .iter()
        .map(|u| {
            let mut key = norm(&u.text, strict);
            if strict {
                let from = doc.repairs.partition_point(|r| r.line < u.lines[0]);
                for r in doc.repairs[from..].iter().take_while(|r| r.line <= u.lines[1]) {
                    if r.kind == RepairKind::Whitespace {
                        key.push_str(&format!("\u{0}{}@{}", r.message, r.line - u.lines[0]));
                    }
                }
            }
            key
        })
        .collect()
}

/// A heading's title: its text without its printed number (`第一章：宗旨` → `：宗旨`).
fn title(unit: &Unit) -> &str {
    match &unit.label {
        Some(l) if unit.kind == UnitKind::Heading => unit.text.strip_prefix(l.as_str()).unwrap_or(&unit.text),
        _ => &unit.text,
    }
}

/// The key units are paired by: the text; for a heading, its level, its title and the
/// start of what follows it in its container.
fn keys(doc: &Document, strict: bool) -> Vec<String> {
    let texts = comparable(doc, strict);
    doc.units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if u.kind == UnitKind::Heading {
                let level = u.info.number.map_or("h", |n| n.0.ref_word());
                let next = doc
                    .units
                    .get(i + 1)
                    .filter(|n| n.info.container == u.info.container && n.kind != UnitKind::Heading);
                let start: String = next.map(|_| texts[i + 1].chars().take(30).collect()).unwrap_or_default();
                format!("H:{level}:{}|{start}", norm(title(u), strict))
            } else {
                format!("P:{}", texts[i])
            }
        })
        .collect()
}

/// `similar`'s ratio of two texts, 0 when their lengths alone rule out 0.5.
fn similarity(a: &str, b: &str, deadline: Instant) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if 2 * la.min(lb) < (la + lb) / 2 {
        return 0.0;
    }
    let diff = TextDiff::configure().deadline(deadline).diff_chars(a, b);
    f64::from(diff.ratio())
}

/// The two texts compared, their keys, and the pairing so far.
struct Pairing<'d> {
    old: &'d Document,
    new: &'d Document,
    ok: Vec<String>,
    nk: Vec<String>,
    partner_of_old: Vec<Option<usize>>,
    partner_of_new: Vec<Option<usize>>,
    strict: bool,
    deadline: Instant,
}

impl<'d> Pairing<'d> {
    fn new(old: &'d Document, new: &'d Document, options: DiffOptions) -> Self {
        Pairing {
            old,
            new,
            ok: keys(old, options.strict),
            nk: keys(new, options.strict),
            partner_of_old: vec![None; old.units.len()],
            partner_of_new: vec![None; new.units.len()],
            strict: options.strict,
            deadline: Instant::now() + DIFF_BUDGET,
        }
    }

    fn pair(&mut self, i: usize, j: usize) {
        self.partner_of_old[i] = Some(j);
        self.partner_of_new[j] = Some(i);
    }

    /// Equal keys in order (patience), then alike units inside each stretch that differs.
    fn pair_in_order(&mut self) {
        for op in capture_diff_slices(Algorithm::Patience, &self.ok, &self.nk) {
            match op {
                DiffOp::Equal { old_index, new_index, len } => {
                    for k in 0..len {
                        self.pair(old_index + k, new_index + k);
                    }
                }
                _ => {
                    for (i, j) in self.pair_region(op.old_range(), op.new_range()) {
                        self.pair(i, j);
                    }
                }
            }
        }
    }

    /// Pairs the units of a stretch that differs: alike units of the same sort, in
    /// order, by a weighted longest common subsequence.
    fn pair_region(&self, ro: Range<usize>, rn: Range<usize>) -> Vec<(usize, usize)> {
        let (n, m) = (ro.len(), rn.len());
        if n == 0 || m == 0 || n * m > REGION_LIMIT {
            return Vec::new();
        }
        let sort = |u: &Unit| (u.kind == UnitKind::Heading, u.info.number.map(|x| x.0));
        let mut sim = vec![0.0; n * m];
        for i in 0..n {
            for j in 0..m {
                let (a, b) = (&self.old.units[ro.start + i], &self.new.units[rn.start + j]);
                if sort(a) == sort(b) {
                    // A heading under its own ref with its own title is the same heading,
                    // whatever follows it.
                    let same_heading = a.kind == UnitKind::Heading
                        && a.r#ref == b.r#ref
                        && norm(title(a), self.strict) == norm(title(b), self.strict);
                    let s = if same_heading {
                        1.0
                    } else {
                        similarity(&self.ok[ro.start + i], &self.nk[rn.start + j], self.deadline)
                    };
                    if s >= 0.5 {
                        // Alike units under the same ref are the same unit: a paragraph
                        // split in two keeps its number for its first part.
                        sim[i * m + j] = if a.r#ref == b.r#ref { s + 0.2 } else { s };
                    }
                }
            }
        }
        heaviest_common_subsequence(&sim, n, m).into_iter().map(|(i, j)| (ro.start + i, rn.start + j)).collect()
    }

    /// Identical units left unpaired on both sides are paired, wherever they are.
    fn pair_identical(&mut self) {
        let mut free_new: BTreeMap<&str, std::collections::VecDeque<usize>> = BTreeMap::new();
        for (j, k) in self.nk.iter().enumerate() {
            if self.partner_of_new[j].is_none() && !k.starts_with("H:") && k.len() > 2 {
                free_new.entry(k.as_str()).or_default().push_back(j);
            }
        }
        let mut found = Vec::new();
        for (i, k) in self.ok.iter().enumerate() {
            if self.partner_of_old[i].is_none()
                && let Some(j) = free_new.get_mut(k.as_str()).and_then(|js| js.pop_front())
            {
                found.push((i, j));
            }
        }
        for (i, j) in found {
            self.pair(i, j);
        }
    }

    /// The pairs that moved: identical pairs off the longest chain that keeps both
    /// texts' order, and pairs on it that swapped places with one of them.
    fn moved(&self) -> BTreeSet<(usize, usize)> {
        let pairs: Vec<(usize, usize)> =
            self.partner_of_new.iter().enumerate().filter_map(|(j, p)| p.map(|i| (i, j))).collect();
        let same_ref = |&(i, j): &(usize, usize)| self.old.units[i].r#ref == self.new.units[j].r#ref;
        let weights: Vec<bool> = pairs.iter().map(same_ref).collect();
        let chain = longest_chain(&pairs, &weights, self.old.units.len());
        let identical = |&(i, j): &(usize, usize)| self.ok[i] == self.nk[j];
        let off: BTreeSet<(usize, usize)> =
            pairs.iter().zip(&chain).filter(|(p, on)| !**on && identical(p)).map(|(p, _)| *p).collect();
        // A pair on the chain that took the ref of a moved unit, which took its ref, was
        // swapped with it: both moved.
        let moved_refs: BTreeSet<(&str, &str)> =
            off.iter().map(|&(i, j)| (self.old.units[i].r#ref.as_str(), self.new.units[j].r#ref.as_str())).collect();
        let swapped = pairs.iter().zip(&chain).filter(|(p, on)| {
            let (o, n) = (self.old.units[p.0].r#ref.as_str(), self.new.units[p.1].r#ref.as_str());
            **on && o != n && identical(p) && moved_refs.contains(&(n, o))
        });
        let swapped: Vec<(usize, usize)> = swapped.map(|(p, _)| *p).collect();
        off.into_iter().chain(swapped).collect()
    }
}

/// The pairs (i, j) of a heaviest common subsequence, given the weight of each pair
/// (`sim[i * m + j]`, 0 for pairs that may not be taken).
fn heaviest_common_subsequence(sim: &[f64], n: usize, m: usize) -> Vec<(usize, usize)> {
    let mut best = vec![0.0f64; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in 1..=n {
        for j in 1..=m {
            let s = sim[(i - 1) * m + (j - 1)];
            let take = if s > 0.0 { best[at(i - 1, j - 1)] + s } else { 0.0 };
            best[at(i, j)] = best[at(i - 1, j)].max(best[at(i, j - 1)]).max(take);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let s = sim[(i - 1) * m + (j - 1)];
        if s > 0.0 && (best[at(i, j)] - (best[at(i - 1, j - 1)] + s)).abs() < 1e-12 {
            out.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if best[at(i - 1, j)] >= best[at(i, j - 1)] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
}

/// Which of `pairs` (in the order of NEW) lie on the longest chain increasing in OLD
/// too; among chains as long, the one with the most pairs that keep their ref
/// (`keeps_ref`). A Fenwick tree of the best chain ending below each position of OLD
/// keeps it at O(n log n); `similar` has no weighted form of it.
fn longest_chain(pairs: &[(usize, usize)], keeps_ref: &[bool], n_old: usize) -> Vec<bool> {
    type Best = ((usize, usize), usize); // (length, pairs keeping their ref), last pair + 1
    let mut tree: Vec<Best> = vec![((0, 0), 0); n_old + 1];
    let mut prev = vec![0usize; pairs.len()];
    let mut end: Best = ((0, 0), 0);
    for (k, &(i, _)) in pairs.iter().enumerate() {
        let mut best: Best = ((0, 0), 0);
        let mut x = i; // positions 1..=i hold chains ending at OLD indices below i
        while x > 0 {
            best = best.max(tree[x]);
            x &= x - 1;
        }
        let here: Best = ((best.0.0 + 1, best.0.1 + usize::from(keeps_ref[k])), k + 1);
        prev[k] = best.1;
        let mut x = i + 1;
        while x <= n_old {
            tree[x] = tree[x].max(here);
            x += x & x.wrapping_neg();
        }
        end = end.max(here);
    }
    let mut on = vec![false; pairs.len()];
    let mut k = end.1;
    while k > 0 {
        on[k - 1] = true;
        k = prev[k - 1];
    }
    on
}

/// The inline changes of a modified unit: by character for a language without spaces
/// between words, by word otherwise.
pub fn inline(lang: crate::Lang, old: &str, new: &str) -> Vec<InlineOp> {
    inline_until(lang, old, new, Instant::now() + DIFF_BUDGET)
}

fn inline_until(lang: crate::Lang, old: &str, new: &str, deadline: Instant) -> Vec<InlineOp> {
    let mut config = TextDiff::configure();
    config.deadline(deadline);
    let diff = if lang.profile().line_joiner.is_empty() {
        config.diff_chars(old, new)
    } else {
        config.diff_unicode_words(old, new)
    };
    let mut out: Vec<InlineOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = InlineTag::from(change.tag());
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(InlineOp { op, text: change.value().to_string() }),
        }
    }
    out
}

/// A change between unit `i` of OLD and its partner, unit `j` of NEW.
fn paired(kind: ChangeKind, old: &Unit, new: &Unit, inline: Vec<InlineOp>, j: usize) -> Change {
    Change {
        kind,
        old_refs: vec![old.r#ref.to_string()],
        new_refs: vec![new.r#ref.to_string()],
        old: old.text.clone(),
        new: new.text.clone(),
        inline,
        order: (j, 2),
    }
}

/// The changes, built in one walk over NEW with OLD's unpaired units where they fall:
/// added and removed units grouped by container (a group is contiguous), renumbered
/// pairs as runs.
struct Changes<'p, 'd> {
    p: &'p Pairing<'d>,
    moved: BTreeSet<(usize, usize)>,
    strict: bool,
    changes: Vec<Change>,
    unchanged: usize,
    /// A renumbered run: first old, first new, last old, last new.
    run: Option<(usize, usize, usize, usize)>,
    /// Added or removed units of one container, in order.
    group: Option<(ChangeKind, String, Vec<usize>)>,
}

impl Changes<'_, '_> {
    fn flush_run(&mut self) {
        let Some((fo, fnw, lo, ln)) = self.run.take() else { return };
        let span = |d: &Document, a: usize, b: usize| {
            if a == b { d.units[a].r#ref.to_string() } else { format!("{} … {}", d.units[a].r#ref, d.units[b].r#ref) }
        };
        let (old, new) = (self.p.old, self.p.new);
        self.changes.push(Change {
            kind: ChangeKind::Renumbered,
            old_refs: vec![old.units[fo].r#ref.to_string()],
            new_refs: vec![new.units[fnw].r#ref.to_string()],
            old: span(old, fo, lo),
            new: span(new, fnw, ln),
            inline: Vec::new(),
            order: (fnw, 1),
        });
    }

    /// Ends the current group; removed units stand before the unit of NEW at `at`.
    fn flush_group(&mut self, at: (usize, usize)) {
        let Some((kind, _, idx)) = self.group.take() else { return };
        let removed = kind == ChangeKind::Removed;
        let d = if removed { self.p.old } else { self.p.new };
        let refs: Vec<String> = idx.iter().map(|&k| d.units[k].r#ref.to_string()).collect();
        let text = idx.iter().map(|&k| d.units[k].text.as_str()).collect::<Vec<_>>().join("\n");
        let change = if removed {
            Change {
                kind,
                old_refs: refs,
                new_refs: Vec::new(),
                old: text,
                new: String::new(),
                inline: Vec::new(),
                order: at,
            }
        } else {
            let order = (idx[0], 1);
            Change {
                kind,
                old_refs: Vec::new(),
                new_refs: refs,
                old: String::new(),
                new: text,
                inline: Vec::new(),
                order,
            }
        };
        self.changes.push(change);
    }

    /// Adds unit `k` (of OLD if removed, of NEW if added) to the group of its container.
    fn grouped(&mut self, kind: ChangeKind, k: usize, at: (usize, usize)) {
        self.flush_run();
        let d = if kind == ChangeKind::Removed { self.p.old } else { self.p.new };
        let c = &d.units[k].info.container;
        if !matches!(&self.group, Some((gk, gc, _)) if *gk == kind && gc == c) {
            self.flush_group(at);
            self.group = Some((kind, c.to_string(), Vec::new()));
        }
        if let Some((_, _, idx)) = self.group.as_mut() {
            idx.push(k);
        }
    }

    /// OLD's units before `bound`, from `*next`: the unpaired ones are removed; a paired
    /// one ends a removed group, so that a group is contiguous in OLD.
    fn removed_before(&mut self, next: &mut usize, bound: usize, j: usize) {
        while *next < bound {
            if self.p.partner_of_old[*next].is_none() {
                self.grouped(ChangeKind::Removed, *next, (j, 0));
            } else if matches!(self.group, Some((ChangeKind::Removed, ..))) {
                self.flush_group((j, 0));
            }
            *next += 1;
        }
    }

    /// Unit `j` of NEW and its partner `i` of OLD.
    fn paired(&mut self, i: usize, j: usize) {
        self.flush_group((j, 1));
        let (ou, nu) = (&self.p.old.units[i], &self.p.new.units[j]);
        if self.moved.contains(&(i, j)) {
            self.flush_run();
            self.changes.push(paired(ChangeKind::Moved, ou, nu, Vec::new(), j));
            return;
        }
        let strict = self.strict;
        let same_text = if ou.kind == UnitKind::Heading && nu.kind == UnitKind::Heading {
            norm(title(ou), strict) == norm(title(nu), strict)
                && (ou.r#ref != nu.r#ref || norm(&ou.text, strict) == norm(&nu.text, strict))
        } else {
            // A unit's key is its comparable text.
            self.p.ok[i] == self.p.nk[j]
        };
        // Only units whose text did not change are renumbered; a changed one is
        // modified, under its old and new refs, and ends a run.
        if ou.r#ref != nu.r#ref && same_text {
            self.run = Some(self.run.map_or((i, j, i, j), |(fo, fnw, _, _)| (fo, fnw, i, j)));
            return;
        }
        self.flush_run();
        if same_text {
            self.unchanged += 1;
        } else {
            let ops = inline_until(self.p.new.lang, &ou.text, &nu.text, self.p.deadline);
            self.changes.push(paired(ChangeKind::Modified, ou, nu, ops, j));
        }
    }

    fn walk(mut self) -> (Vec<Change>, usize) {
        let (n_old, n_new) = (self.p.old.units.len(), self.p.new.units.len());
        let mut next_old = 0;
        for j in 0..n_new {
            let partner = self.p.partner_of_new[j];
            if let Some(i) = partner.filter(|i| !self.moved.contains(&(*i, j))) {
                self.removed_before(&mut next_old, i, j);
                next_old = next_old.max(i + 1);
            }
            match partner {
                Some(i) => self.paired(i, j),
                None => self.grouped(ChangeKind::Added, j, (j, 1)),
            }
        }
        self.removed_before(&mut next_old, n_old, n_new);
        self.flush_group((n_new, 0));
        self.flush_run();
        self.changes.sort_by_key(|c| c.order);
        (self.changes, self.unchanged)
    }
}

/// Compares two versions of one text.
pub fn diff<'d>(old: &'d Document, new: &'d Document, options: DiffOptions) -> Revision<'d> {
    let mut pairing = Pairing::new(old, new, options);
    pairing.pair_in_order();
    pairing.pair_identical();
    let moved = pairing.moved();
    let walk = Changes {
        p: &pairing,
        moved,
        strict: options.strict,
        changes: Vec::new(),
        unchanged: 0,
        run: None,
        group: None,
    };
    let (changes, unchanged) = walk.walk();
    Revision {
        old,
        new,
        changes,
        unchanged,
        partner_of_new: pairing.partner_of_new,
        partner_of_old: pairing.partner_of_old,
        options,
    }
}

/// Where the units of a revision's OLD are in the other-language text.
struct Counterparts {
    /// OLD unit → OTHER units.
    of_old: Vec<Vec<usize>>,
    /// For each unit of NEW, the nearest partnered unit of OLD before it.
    partner_before_new: Vec<Option<usize>>,
    /// For each unit of OLD, the last counterpart at or before it.
    upto_old: Vec<Option<usize>>,
}

impl Counterparts {
    /// One alignment and one pass each, not a search per change.
    fn new(revision: &Revision, other: &Document) -> Self {
        let old = revision.old;
        // `align_units` keeps the order it is given: side a is OLD, side b is OTHER.
        let (beads, _) = align_units(old, other);
        let mut of_old: Vec<Vec<usize>> = vec![Vec::new(); old.units.len()];
        for b in &beads {
            for &i in &b.a {
                of_old[i] = b.b.clone();
            }
        }
        let mut partner_before_new = Vec::with_capacity(revision.new.units.len());
        let mut last = None;
        for p in &revision.partner_of_new {
            partner_before_new.push(last);
            if p.is_some() {
                last = *p;
            }
        }
        let mut upto_old = Vec::with_capacity(old.units.len());
        let mut last = None;
        for c in &of_old {
            if let Some(&k) = c.last() {
                last = Some(k);
            }
            upto_old.push(last);
        }
        Counterparts { of_old, partner_before_new, upto_old }
    }
}

/// The units of `other` (the other-language text that matches OLD) that must be
/// reviewed because of the revision.
pub fn impact(revision: &Revision, other: &Document) -> Vec<Impact> {
    let (old, new) = (revision.old, revision.new);
    let cp = Counterparts::new(revision, other);
    let mut found: BTreeMap<(usize, ImpactKind), BTreeSet<String>> = BTreeMap::new();
    let mut add = |k: usize, kind: ImpactKind, because: &str| {
        found.entry((k, kind)).or_default().insert(because.to_string());
    };
    for c in &revision.changes {
        let kind = match c.kind {
            ChangeKind::Modified => ImpactKind::Modified,
            ChangeKind::Moved => ImpactKind::Moved,
            ChangeKind::Renumbered => ImpactKind::Renumbered,
            ChangeKind::Removed => ImpactKind::Removed,
            ChangeKind::Added => ImpactKind::InsertAfter,
        };
        match c.kind {
            ChangeKind::Modified | ChangeKind::Moved | ChangeKind::Renumbered => {
                let (Some(i), Some(n)) = (c.old_ref().and_then(|o| old.position(o)), c.new_ref()) else { continue };
                let take = if c.kind == ChangeKind::Renumbered { 1 } else { usize::MAX };
                for &k in cp.of_old[i].iter().take(take) {
                    add(k, kind, n);
                }
            }
            ChangeKind::Removed => {
                for r in &c.old_refs {
                    for &k in old.position(r).map(|i| cp.of_old[i].as_slice()).unwrap_or_default() {
                        add(k, kind, r);
                    }
                }
            }
            ChangeKind::Added => {
                let (Some(n), Some(j)) = (c.new_ref(), c.new_ref().and_then(|n| new.position(n))) else { continue };
                // Where it belongs: after the counterpart of the nearest unit before it
                // that OLD also has.
                match cp.partner_before_new[j] {
                    Some(i) => {
                        if let Some(k) = cp.upto_old[i] {
                            add(k, kind, n);
                        }
                    }
                    None if !other.units.is_empty() => add(0, ImpactKind::InsertBefore, n),
                    None => {}
                }
            }
        }
    }
    found
        .into_iter()
        .map(|((k, kind), because)| Impact {
            r#ref: other.units[k].r#ref.to_string(),
            because: because.into_iter().collect(),
            kind,
        })
        .collect()
}
