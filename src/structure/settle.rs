//! Line breaks one text cannot decide, settled by the other language's text.
//!
//! Text taken from a PDF set in a proportional face has lines of uneven width: a line
//! that ends a sentence and all but fills the line may end its paragraph or go on
//! with the next sentence, and the text alone cannot tell (`…применения этих мер.` /
//! `Эти меры могут включать…`). The layout decides each such break as it must and
//! records it on the paragraph (`UnitInfo::undecided`). Two texts of one treaty have
//! the same paragraphs in every article; where one numbers them, or has no undecided
//! break in the article, its count settles the other's: of the undecided breaks, the
//! ones that give the paragraphs lengths most like the other text's are cut or
//! joined. Each is a reported repair; nothing changes where the counts agree.

use std::collections::BTreeMap;

use compact_str::format_compact;

use crate::model::{Document, Repair, RepairKind, Undecided, Unit, UnitKind};
use crate::text::shorten;

/// The most ways of choosing breaks tried in one article: beyond it, the article is
/// left as the layout read it.
const MAX_CHOICES: u64 = 5_000;

/// Settles the undecided line breaks of each text by the other's paragraph counts,
/// article by article. Only articles whose paragraphs are unnumbered in the text that
/// changes are touched; their paragraphs are numbered again in order.
pub fn settle(a: &mut Document, b: &mut Document) {
    // Most texts leave no break undecided: then neither has anything to settle.
    let undecided = |d: &Document| d.units.iter().any(|u| leaves_undecided(u, false));
    if !undecided(a) && !undecided(b) {
        return;
    }
    let (ca, cb) = rayon::join(|| articles(a), || articles(b));
    let mut plans: [Vec<Plan>; 2] = [Vec::new(), Vec::new()];
    for (container, ia) in &ca {
        let Some(ib) = cb.get(container) else { continue };
        // An article's paragraphs follow one another; anything else is left alone.
        if !contiguous(ia) || !contiguous(ib) {
            continue;
        }
        let (ua, ub) = (units_of(a, ia), units_of(b, ib));
        let (da, db) = (has_undecided(&ua), has_undecided(&ub));
        let plan = match (da, db) {
            (true, false) => plan(&ua, &ub).map(|p| (0, p)),
            (false, true) => plan(&ub, &ua).map(|p| (1, p)),
            _ => None,
        };
        if let Some((side, mut p)) = plan {
            p.positions = if side == 0 { ia.clone() } else { ib.clone() };
            p.container = container.clone();
            p.other_count = if side == 0 { ib.len() } else { ia.len() };
            plans[side].push(p);
        }
    }
    let [pa, pb] = plans;
    let (la, lb) = (b.lang.profile().name, a.lang.profile().name);
    apply(a, pa, la);
    apply(b, pb, lb);
}

/// The paragraphs and items of each article, by container, as unit positions.
fn articles(doc: &Document) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // An article's units mostly follow one another: each run of them is looked up
    // once, and the container's name copied once, for its first.
    let mut add = |container: &str, run: &mut Vec<usize>| match out.get_mut(container) {
        Some(positions) => positions.append(run),
        None => {
            out.insert(container.to_string(), std::mem::take(run));
        }
    };
    let mut run: (&str, Vec<usize>) = ("", Vec::new());
    for (i, u) in doc.units.iter().enumerate() {
        if matches!(u.kind, UnitKind::Paragraph | UnitKind::Item) && u.info.container.starts_with("art.") {
            if run.0 != u.info.container && !run.1.is_empty() {
                add(run.0, &mut run.1);
            }
            run.0 = &u.info.container;
            run.1.push(i);
        }
    }
    if !run.1.is_empty() {
        add(run.0, &mut run.1);
    }
    out
}

fn contiguous(positions: &[usize]) -> bool {
    positions.windows(2).all(|w| w[1] == w[0] + 1)
}

fn units_of<'a>(doc: &'a Document, positions: &[usize]) -> Vec<&'a Unit> {
    positions.iter().map(|&i| &doc.units[i]).collect()
}

fn has_undecided(units: &[&Unit]) -> bool {
    units.iter().enumerate().any(|(k, u)| leaves_undecided(u, k == 0))
}

/// Whether a unit leaves a break undecided: one inside it, or the one before it
/// unless it is the `first` of those looked at.
fn leaves_undecided(u: &Unit, first: bool) -> bool {
    !u.info.undecided.splits.is_empty() || (!first && u.info.undecided.joins_previous)
}

/// What to do to one article: cut at these breaks, or join these paragraphs to the
/// one before.
#[derive(Debug, Default)]
struct Plan {
    container: String,
    positions: Vec<usize>,
    /// (paragraph index in the article, index of the break in its `splits`).
    cuts: Vec<(usize, usize)>,
    /// Paragraph indices in the article that join the one before.
    joins: Vec<usize>,
    other_count: usize,
}

/// The breaks of `units` (unnumbered paragraphs with undecided breaks) that give them
/// the count of `other`, chosen by length; `None` if they cannot or may not.
fn plan(units: &[&Unit], other: &[&Unit]) -> Option<Plan> {
    if units.iter().any(|u| u.kind != UnitKind::Paragraph || u.label.is_some()) {
        return None;
    }
    let lens: Vec<Vec<usize>> = units.iter().map(|u| pieces(u).iter().map(|p| p.chars().count()).collect()).collect();
    let other_lens: Vec<usize> = other.iter().map(|u| u.text.chars().count()).collect();
    if units.len() < other.len() {
        let need = other.len() - units.len();
        let candidates: Vec<(usize, usize)> = units
            .iter()
            .enumerate()
            .flat_map(|(k, u)| (0..u.info.undecided.splits.len()).map(move |s| (k, s)))
            .collect();
        let best = choose(candidates.len(), need, |chosen| {
            let mut got = Vec::with_capacity(other.len());
            let mut c = 0;
            for pieces in &lens {
                let mut run = pieces[0];
                for &len in &pieces[1..] {
                    if chosen.contains(&c) {
                        got.push(run);
                        run = len;
                    } else {
                        run += len;
                    }
                    c += 1;
                }
                got.push(run);
            }
            misfit(&got, &other_lens)
        })?;
        Some(Plan { cuts: best.iter().map(|&c| candidates[c]).collect(), ..Plan::default() })
    } else {
        let need = units.len() - other.len();
        let candidates: Vec<usize> = (1..units.len()).filter(|&k| units[k].info.undecided.joins_previous).collect();
        let whole: Vec<usize> = lens.iter().map(|p| p.iter().sum()).collect();
        let best = choose(candidates.len(), need, |chosen| {
            let mut got: Vec<usize> = Vec::with_capacity(other.len());
            for (k, &len) in whole.iter().enumerate() {
                match got.last_mut() {
                    Some(last) if chosen.iter().any(|&c| candidates[c] == k) => *last += len,
                    _ => got.push(len),
                }
            }
            misfit(&got, &other_lens)
        })?;
        Some(Plan { joins: best.iter().map(|&c| candidates[c]).collect(), ..Plan::default() })
    }
}

/// A unit's text cut at each of its undecided breaks.
fn pieces(u: &Unit) -> Vec<&str> {
    let mut out = Vec::with_capacity(u.info.undecided.splits.len() + 1);
    let mut from = 0;
    for &(at, _) in &u.info.undecided.splits {
        out.push(u.text[from..at].trim_end());
        from = at;
    }
    out.push(&u.text[from..]);
    out
}

/// How far the lengths of paragraphs are from those of their counterparts, after the
/// ratio of the two texts' lengths in the article: the sum of squared log ratios.
fn misfit(got: &[usize], other: &[usize]) -> f64 {
    let ratio = (got.iter().sum::<usize>() as f64 + 1.0) / (other.iter().sum::<usize>() as f64 + 1.0);
    got.iter().zip(other).map(|(&g, &o)| ((g as f64 + 10.0) / (o as f64 * ratio + 10.0)).ln().powi(2)).sum()
}

/// Of `n` candidates, the `k` that cost least (the first such in lexicographic
/// order), or `None` if there are fewer than `k` or too many ways to choose.
fn choose(n: usize, k: usize, cost: impl Fn(&[usize]) -> f64) -> Option<Vec<usize>> {
    if k == 0 || k > n || binomial(n as u64, k as u64) > MAX_CHOICES {
        return None;
    }
    let mut chosen: Vec<usize> = (0..k).collect();
    let mut best = (cost(&chosen), chosen.clone());
    // The next combination in lexicographic order, while there is one.
    while let Some(i) = (0..k).rev().find(|&i| chosen[i] < n - k + i) {
        chosen[i] += 1;
        for j in i + 1..k {
            chosen[j] = chosen[j - 1] + 1;
        }
        let c = cost(&chosen);
        if c < best.0 {
            best = (c, chosen.clone());
        }
    }
    Some(best.1)
}

fn binomial(n: u64, k: u64) -> u64 {
    (0..k).fold(1u64, |acc, i| acc.saturating_mul(n - i) / (i + 1))
}

/// Carries out the plans on one text, numbers the changed articles' paragraphs again
/// and reports each change. `other` names the other text's language.
fn apply(doc: &mut Document, plans: Vec<Plan>, other: &str) {
    if plans.is_empty() {
        return;
    }
    let mut replaced: BTreeMap<usize, Vec<Unit>> = BTreeMap::new();
    let mut dropped = Vec::new();
    let mut repairs = Vec::new();
    for plan in plans {
        let n = plan.other_count;
        let why = format!("the {other} text has {n} paragraph{} in {}", if n == 1 { "" } else { "s" }, plan.container);
        let mut out: Vec<Unit> = Vec::new();
        for (k, &pos) in plan.positions.iter().enumerate() {
            let u = &doc.units[pos];
            if plan.joins.contains(&k)
                && let Some(last) = out.last_mut()
            {
                repairs.push(Repair {
                    kind: RepairKind::Join,
                    line: u.lines[0],
                    message: format!(
                        "joined line {} to line {} (a sentence ended at the end of the line before; {why}): …{}",
                        u.lines[0],
                        last.lines[1],
                        shorten(&u.text, 40)
                    ),
                });
                last.text.push_str(doc.lang.profile().line_joiner);
                last.text.push_str(&u.text);
                last.lines[1] = u.lines[1];
                continue;
            }
            let mut from = 0;
            let mut first = u.lines[0];
            for (s, &(at, line)) in u.info.undecided.splits.iter().enumerate() {
                if !plan.cuts.contains(&(k, s)) {
                    continue;
                }
                out.push(piece(u, &u.text[from..at], [first, line.saturating_sub(1).max(first)]));
                repairs.push(Repair {
                    kind: RepairKind::Split,
                    line,
                    message: format!(
                        "line {line} starts a paragraph (a sentence ended at the end of the line before; {why}): …{}",
                        shorten(&u.text[at..], 40)
                    ),
                });
                from = at;
                first = line;
            }
            out.push(piece(u, &u.text[from..], [first, u.lines[1]]));
        }
        for (k, u) in out.iter_mut().enumerate() {
            u.r#ref = format_compact!("{}.{}", plan.container, k + 1);
        }
        dropped.extend(plan.positions.iter().skip(1).copied());
        replaced.insert(plan.positions[0], out);
    }
    // The layout's joins at the lines now cut are undone: no repair stays reported
    // that was not made.
    let cut: Vec<usize> = repairs.iter().filter(|r| r.kind == RepairKind::Split).map(|r| r.line).collect();
    doc.repairs.retain(|r| !(r.kind == RepairKind::Join && cut.contains(&r.line)));
    doc.repairs.extend(repairs);
    doc.repairs.sort_by_key(|r| r.line);
    let units = std::mem::take(&mut doc.units);
    doc.reindex();
    let dropped: std::collections::BTreeSet<usize> = dropped.into_iter().collect();
    for (i, u) in units.into_iter().enumerate() {
        if let Some(new) = replaced.remove(&i) {
            doc.units.extend(new);
        } else if !dropped.contains(&i) {
            doc.units.push(u);
        }
    }
}

/// A paragraph made of part of `u`'s text; its breaks are settled.
fn piece(u: &Unit, text: &str, lines: [usize; 2]) -> Unit {
    let mut info = u.info.clone();
    info.undecided = Undecided::default();
    Unit { r#ref: u.r#ref.clone(), kind: u.kind, label: None, text: text.trim_end().to_string(), lines, info }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheapest_choice_and_the_first_of_equals() {
        // Choose 2 of 5 where the cost is the distance from {1, 3}.
        let cost = |c: &[usize]| (c[0] as f64 - 1.0).abs() + (c[1] as f64 - 3.0).abs();
        assert_eq!(choose(5, 2, cost), Some(vec![1, 3]));
        assert_eq!(choose(4, 2, |_| 1.0), Some(vec![0, 1]));
        assert_eq!(choose(2, 3, |_| 0.0), None);
        assert_eq!(choose(3, 0, |_| 0.0), None);
        // Too many ways: left as it is.
        assert_eq!(choose(200, 4, |_| 0.0), None);
        assert_eq!(binomial(5, 2), 10);
    }

    #[test]
    fn lengths_like_the_other_texts_fit_best() {
        assert!(misfit(&[100, 50], &[210, 95]) < misfit(&[50, 100], &[210, 95]));
        assert_eq!(misfit(&[10, 20], &[10, 20]), 0.0);
    }
}
