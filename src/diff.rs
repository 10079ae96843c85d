//! Reviewing a revision of one text: what changed between OLD and NEW, by unit, and
//! which units of the other-language text must be reviewed because of it.
//!
//! Units of OLD and NEW are paired by content, not by line: first the units whose text
//! is the same (a patience diff over the texts, headings keyed by their title and the
//! start of their article), then, inside each stretch that differs, units that are
//! still alike (`similar`'s ratio ≥ 0.5, in order), then identical texts found in
//! another place (moved). What is left was added or removed. Pairs whose reference
//! changed but whose text did not were renumbered: a run of them is reported once.
//! Whitespace does not count as a change unless `strict` is set; repairs were made
//! before, so a page break moved or a different encoding is no change at all.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

use crate::align::align_units;
use crate::model::{Document, Unit, UnitKind};

/// Settings of the differ.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffOptions {
    /// Report whitespace-only differences too.
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

/// A piece of an inline diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InlineOp {
    /// `equal`, `delete` or `insert`.
    pub op: &'static str,
    /// The text.
    pub text: String,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// The unit in OLD (the first of a group or run).
    pub old_ref: Option<String>,
    /// The unit in NEW (the first of a group or run).
    pub new_ref: Option<String>,
    /// The old text (for a renumbered run: the refs it spans).
    pub old: String,
    /// The new text.
    pub new: String,
    /// For a modified unit: the text as equal, deleted and inserted pieces.
    pub inline: Vec<InlineOp>,
    /// Where it is, for ordering.
    #[serde(skip)]
    pub order: (usize, usize),
}

/// A unit of the other-language text that must be reviewed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Impact {
    /// The unit of the other text.
    #[serde(rename = "ref")]
    pub r#ref: String,
    /// The units of NEW (of OLD for a removed one) that make it necessary.
    pub because: Vec<String>,
    /// `modified`, `removed`, `moved`, `renumbered`: its counterpart was; or
    /// `insert_after` / `insert_before`: an added unit belongs next to it.
    pub kind: &'static str,
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
    doc.units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if u.kind == UnitKind::Heading {
                let level = u.info.number.map_or("h", |n| n.0);
                let next = doc
                    .units
                    .get(i + 1)
                    .filter(|n| n.info.container == u.info.container && n.kind != UnitKind::Heading);
                let start: String = next.map(|n| norm(&n.text, strict).chars().take(30).collect()).unwrap_or_default();
                format!("H:{level}:{}|{start}", norm(title(u), strict))
            } else {
                format!("P:{}", norm(&u.text, strict))
            }
        })
        .collect()
}

fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let diff = TextDiff::configure().timeout(Duration::from_millis(200)).diff_chars(a, b);
    f64::from(diff.ratio())
}

/// Pairs the units of a stretch that differs: alike units of the same sort, in order,
/// by a weighted longest common subsequence.
fn pair_region(
    old: &Document,
    new: &Document,
    ok: &[String],
    nk: &[String],
    ro: std::ops::Range<usize>,
    rn: std::ops::Range<usize>,
) -> Vec<(usize, usize)> {
    let (n, m) = (ro.len(), rn.len());
    if n == 0 || m == 0 || n * m > 250_000 {
        return Vec::new();
    }
    let sort = |u: &Unit| (u.kind == UnitKind::Heading, u.info.number.map(|x| x.0));
    let mut sim = vec![0.0; n * m];
    for i in 0..n {
        for j in 0..m {
            let (a, b) = (&old.units[ro.start + i], &new.units[rn.start + j]);
            if sort(a) == sort(b) {
                let s = similarity(&ok[ro.start + i], &nk[rn.start + j]);
                if s >= 0.5 {
                    // Alike units under the same ref are the same unit: a paragraph split
                    // in two keeps its number for its first part.
                    sim[i * m + j] = if a.r#ref == b.r#ref { s + 0.2 } else { s };
                }
            }
        }
    }
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
            out.push((ro.start + i - 1, rn.start + j - 1));
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

/// The inline changes of a modified unit: by character for a language without spaces
/// between words, by word otherwise.
pub fn inline(lang: crate::Lang, old: &str, new: &str) -> Vec<InlineOp> {
    let config = {
        let mut c = TextDiff::configure();
        c.timeout(Duration::from_millis(500));
        c
    };
    let diff = if lang.profile().line_joiner.is_empty() {
        config.diff_chars(old, new)
    } else {
        config.diff_unicode_words(old, new)
    };
    let mut out: Vec<InlineOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(InlineOp { op, text: change.value().to_string() }),
        }
    }
    out
}

/// A change between a unit of OLD and its partner, unit `j` of NEW.
fn paired(kind: ChangeKind, old: &Unit, new: &Unit, inline: Vec<InlineOp>, j: usize) -> Change {
    Change {
        kind,
        old_ref: Some(old.r#ref.clone()),
        new_ref: Some(new.r#ref.clone()),
        old: old.text.clone(),
        new: new.text.clone(),
        inline,
        order: (j, 2),
    }
}

/// Compares two versions of one text.
// The walk over NEW goes one past its last unit, to place OLD's trailing removed units.
#[allow(clippy::needless_range_loop)]
pub fn diff<'d>(old: &'d Document, new: &'d Document, options: DiffOptions) -> Revision<'d> {
    let (ok, nk) = (keys(old, options.strict), keys(new, options.strict));
    let mut partner_of_old: Vec<Option<usize>> = vec![None; old.units.len()];
    let mut partner_of_new: Vec<Option<usize>> = vec![None; new.units.len()];
    for op in capture_diff_slices(Algorithm::Patience, &ok, &nk) {
        match op {
            DiffOp::Equal { old_index, new_index, len } => {
                for k in 0..len {
                    partner_of_old[old_index + k] = Some(new_index + k);
                    partner_of_new[new_index + k] = Some(old_index + k);
                }
            }
            _ => {
                for (i, j) in pair_region(old, new, &ok, &nk, op.old_range(), op.new_range()) {
                    partner_of_old[i] = Some(j);
                    partner_of_new[j] = Some(i);
                }
            }
        }
    }
    // Moved: an identical unit, left unpaired on both sides.
    let mut moved = BTreeSet::new();
    let mut free_new: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (j, k) in nk.iter().enumerate() {
        if partner_of_new[j].is_none() && !k.starts_with("H:") && k.len() > 2 {
            free_new.entry(k.as_str()).or_default().push(j);
        }
    }
    for (i, k) in ok.iter().enumerate() {
        if partner_of_old[i].is_some() {
            continue;
        }
        if let Some(js) = free_new.get_mut(k.as_str())
            && !js.is_empty()
        {
            let j = js.remove(0);
            partner_of_old[i] = Some(j);
            partner_of_new[j] = Some(i);
            moved.insert((i, j));
        }
    }
    // Also moved: a pair whose partners are out of order with their neighbours.
    let mut last_old: Option<usize> = None;
    for j in 0..new.units.len() {
        if let Some(i) = partner_of_new[j] {
            if last_old.is_some_and(|l| i < l) && !moved.contains(&(i, j)) && ok[i] == nk[j] {
                moved.insert((i, j));
                continue;
            }
            last_old = Some(last_old.map_or(i, |l| l.max(i)));
        }
    }

    let mut changes = Vec::new();
    let mut unchanged = 0;
    let text_of =
        |d: &Document, idx: &[usize]| idx.iter().map(|&k| d.units[k].text.as_str()).collect::<Vec<_>>().join("\n");
    // Walk NEW in order, with OLD's unpaired units where they fall.
    let mut run: Option<(usize, usize, usize, usize)> = None; // first old, first new, last old, last new
    let flush_run = |run: &mut Option<(usize, usize, usize, usize)>, changes: &mut Vec<Change>| {
        if let Some((fo, fnw, lo, ln)) = run.take() {
            let span = |d: &Document, a: usize, b: usize| {
                if a == b { d.units[a].r#ref.clone() } else { format!("{} … {}", d.units[a].r#ref, d.units[b].r#ref) }
            };
            changes.push(Change {
                kind: ChangeKind::Renumbered,
                old_ref: Some(old.units[fo].r#ref.clone()),
                new_ref: Some(new.units[fnw].r#ref.clone()),
                old: span(old, fo, lo),
                new: span(new, fnw, ln),
                inline: Vec::new(),
                order: (fnw, 1),
            });
        }
    };
    let mut group: Option<(ChangeKind, String, Vec<usize>)> = None; // added/removed units of one container
    let flush_group =
        |group: &mut Option<(ChangeKind, String, Vec<usize>)>, changes: &mut Vec<Change>, at: (usize, usize)| {
            if let Some((kind, _, idx)) = group.take() {
                let (d, is_old) = if kind == ChangeKind::Removed { (old, true) } else { (new, false) };
                let r = Some(d.units[idx[0]].r#ref.clone());
                let t = text_of(d, &idx);
                let (old_ref, new_ref, o, n) =
                    if is_old { (r, None, t, String::new()) } else { (None, r, String::new(), t) };
                // Added units stand where they are in NEW; removed ones before the unit of
                // NEW that follows them.
                let order = if is_old { at } else { (idx[0], 1) };
                changes.push(Change { kind, old_ref, new_ref, old: o, new: n, inline: Vec::new(), order });
            }
        };
    let mut next_old = 0;
    for j in 0..=new.units.len() {
        // OLD's unpaired units that come before this point.
        let bound = if j < new.units.len() {
            partner_of_new[j].filter(|i| !moved.contains(&(*i, j)))
        } else {
            Some(old.units.len())
        };
        if let Some(b) = bound {
            while next_old < b {
                if partner_of_old[next_old].is_none() {
                    flush_run(&mut run, &mut changes);
                    let c = old.units[next_old].info.container.clone();
                    if !matches!(&group, Some((ChangeKind::Removed, gc, _)) if *gc == c) {
                        flush_group(&mut group, &mut changes, (j, 0));
                        group = Some((ChangeKind::Removed, c, Vec::new()));
                    }
                    if let Some((_, _, idx)) = group.as_mut() {
                        idx.push(next_old);
                    }
                }
                next_old += 1;
            }
            next_old = next_old.max(b.min(old.units.len()).saturating_add(usize::from(j < new.units.len())));
        }
        if j == new.units.len() {
            break;
        }
        let nu = &new.units[j];
        let Some(i) = partner_of_new[j] else {
            flush_run(&mut run, &mut changes);
            let c = nu.info.container.clone();
            if !matches!(&group, Some((ChangeKind::Added, gc, _)) if *gc == c) {
                flush_group(&mut group, &mut changes, (j, 1));
                group = Some((ChangeKind::Added, c, Vec::new()));
            }
            if let Some((_, _, idx)) = group.as_mut() {
                idx.push(j);
            }
            continue;
        };
        flush_group(&mut group, &mut changes, (j, 1));
        let ou = &old.units[i];
        if moved.contains(&(i, j)) {
            flush_run(&mut run, &mut changes);
            changes.push(paired(ChangeKind::Moved, ou, nu, Vec::new(), j));
            continue;
        }
        let same_text = if ou.kind == UnitKind::Heading && nu.kind == UnitKind::Heading {
            norm(title(ou), options.strict) == norm(title(nu), options.strict)
                && (ou.r#ref != nu.r#ref || norm(&ou.text, options.strict) == norm(&nu.text, options.strict))
        } else {
            // A unit's key is its normalised text.
            ok[i] == nk[j]
        };
        let shifted = ou.r#ref != nu.r#ref;
        // Only units whose text did not change are renumbered; a changed one is
        // modified, under its old and new refs, and ends a run.
        if shifted && same_text {
            run = match run {
                Some((fo, fnw, _, _)) => Some((fo, fnw, i, j)),
                None => Some((i, j, i, j)),
            };
            continue;
        }
        flush_run(&mut run, &mut changes);
        if same_text {
            unchanged += 1;
            continue;
        }
        changes.push(paired(ChangeKind::Modified, ou, nu, inline(new.lang, &ou.text, &nu.text), j));
    }
    flush_group(&mut group, &mut changes, (new.units.len(), 0));
    flush_run(&mut run, &mut changes);
    changes.sort_by_key(|c| c.order);
    Revision { old, new, changes, unchanged, partner_of_new, partner_of_old }
}

/// The units of `other` (the other-language text that matches OLD) that must be
/// reviewed because of the revision.
pub fn impact(revision: &Revision, other: &Document) -> Vec<Impact> {
    let old = revision.old;
    // `align_units` keeps the order it is given: side a is OLD, side b is OTHER.
    let (beads, _) = align_units(old, other);
    // OLD unit → OTHER units.
    let mut counterpart: Vec<Vec<usize>> = vec![Vec::new(); old.units.len()];
    for b in &beads {
        for &i in &b.a {
            counterpart[i] = b.b.clone();
        }
    }
    // For each unit of NEW, the nearest partnered unit of OLD before it; for each unit of
    // OLD, the last counterpart at or before it: one pass each, not a search per change.
    let mut partner_before_new = Vec::with_capacity(revision.new.units.len());
    let mut last = None;
    for p in &revision.partner_of_new {
        partner_before_new.push(last);
        if p.is_some() {
            last = *p;
        }
    }
    let mut counterpart_upto_old = Vec::with_capacity(old.units.len());
    let mut last = None;
    for c in &counterpart {
        if let Some(&k) = c.last() {
            last = Some(k);
        }
        counterpart_upto_old.push(last);
    }
    let index_of_old = |r: &str| old.position(r);
    let index_of_new = |r: &str| revision.new.position(r);
    let mut found: BTreeMap<(usize, &'static str), BTreeSet<String>> = BTreeMap::new();
    let mut add = |k: usize, kind: &'static str, because: &str| {
        found.entry((k, kind)).or_default().insert(because.to_string());
    };
    for c in &revision.changes {
        match c.kind {
            ChangeKind::Modified | ChangeKind::Moved | ChangeKind::Renumbered => {
                let (Some(o), Some(n)) = (&c.old_ref, &c.new_ref) else { continue };
                let kind = match c.kind {
                    ChangeKind::Modified => "modified",
                    ChangeKind::Moved => "moved",
                    _ => "renumbered",
                };
                if let Some(i) = index_of_old(o) {
                    let targets = if c.kind == ChangeKind::Renumbered {
                        counterpart[i].iter().take(1).copied().collect()
                    } else {
                        counterpart[i].clone()
                    };
                    for k in targets {
                        add(k, kind, n);
                    }
                }
            }
            ChangeKind::Removed => {
                let Some(o) = &c.old_ref else { continue };
                let Some(first) = index_of_old(o) else { continue };
                // Every unit of the removed group.
                let n = c.old.split('\n').count();
                for (unit, targets) in old.units.iter().zip(&counterpart).skip(first).take(n) {
                    for &k in targets {
                        add(k, "removed", &unit.r#ref);
                    }
                }
            }
            ChangeKind::Added => {
                let Some(n) = &c.new_ref else { continue };
                let Some(j) = index_of_new(n) else { continue };
                // Where it belongs: after the counterpart of the nearest unit before it
                // that OLD also has.
                match partner_before_new[j] {
                    Some(i) => {
                        if let Some(k) = counterpart_upto_old[i] {
                            add(k, "insert_after", n);
                        }
                    }
                    None => {
                        if !other.units.is_empty() {
                            add(0, "insert_before", n);
                        }
                    }
                }
            }
        }
    }
    found
        .into_iter()
        .map(|((k, kind), because)| Impact {
            r#ref: other.units[k].r#ref.clone(),
            because: because.into_iter().collect(),
            kind,
        })
        .collect()
}
