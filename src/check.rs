//! The checker: where two equally authentic texts do not match.
//!
//! Neither text is the master. Each is checked on its own (numbering), then against
//! the other through their alignment (unpaired units, unit counts, numbers and dates,
//! length), and every finding names both sides. Swapping the two files swaps nothing
//! but the `a` and `b` of the report: sides are named by language.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::align::Alignment;
use crate::anchors;
use crate::model::{Document, UnitKind};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The texts do not match: a unit, an article or a number is missing or wrong.
    Error,
    /// Something a reviewer should look at.
    Warning,
    /// Information: a repair, a pair of unequal shape.
    Note,
}

/// What a finding is about, as `INTERFACE.md` names the kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A number is skipped in one text's sequence.
    NumberingGap,
    /// A number occurs twice in one text.
    NumberingDuplicate,
    /// Numbers out of order in one text.
    NumberingOrder,
    /// A unit of one text has no counterpart in the other.
    Unpaired,
    /// A container has a different number of units in the two texts.
    CountMismatch,
    /// Paired units state different numbers, dates or references.
    NumberMismatch,
    /// A pair's length ratio is far from the rest of the document.
    LengthOutlier,
    /// A loader repair was applied.
    Repair,
}

/// One finding. `refs` and `side` index the alignment's documents (by language).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// What it is about.
    pub kind: Kind,
    /// The side it concerns: `Some(0)`, `Some(1)`, or `None` for both.
    pub side: Option<usize>,
    /// The refs it concerns on each side.
    pub refs: [Option<String>; 2],
    /// For a person.
    pub message: String,
    /// Position in document order, for sorting and grouping.
    pub order: usize,
}

/// The findings of a check.
#[derive(Debug, Clone)]
pub struct Report<'d> {
    /// The two documents, in the alignment's (language) order.
    pub docs: [&'d Document; 2],
    /// The findings, most serious first, then in document order.
    pub findings: Vec<Finding>,
}

impl Report<'_> {
    /// Counts of errors, warnings and notes.
    pub fn summary(&self) -> [usize; 3] {
        let n = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        [n(Severity::Error), n(Severity::Warning), n(Severity::Note)]
    }
}

/// Checks two aligned texts against each other.
pub fn check<'d>(alignment: &Alignment<'d>) -> Report<'d> {
    let docs = alignment.docs;
    let mut findings = Vec::new();
    // Where each unit sits in the alignment, for ordering findings.
    let mut position: [BTreeMap<&str, usize>; 2] = Default::default();
    for (i, p) in alignment.pairs.iter().enumerate() {
        for (map, side) in position.iter_mut().zip(&p.sides) {
            for seg in side {
                map.insert(seg.r#ref.as_str(), i);
            }
        }
    }
    for s in 0..2 {
        numbering(docs[s], s, &position[s], &mut findings);
        repairs(docs[s], s, &position[s], &mut findings);
    }
    across(alignment, &mut findings);
    findings.sort_by(|x, y| {
        (x.severity, x.order, x.kind, x.side, &x.refs).cmp(&(y.severity, y.order, y.kind, y.side, &y.refs))
    });
    Report { docs, findings }
}

fn lang_name(doc: &Document) -> &'static str {
    doc.lang.profile().name
}

fn with_ref(side: usize, r: &str) -> [Option<String>; 2] {
    let mut refs = [None, None];
    refs[side] = Some(r.to_string());
    refs
}

/// Numbering inside one text: articles, chapters and other headings, then the
/// numbered paragraphs and items of each article.
fn numbering(doc: &Document, side: usize, position: &BTreeMap<&str, usize>, out: &mut Vec<Finding>) {
    // Sequences: headings by level (annex articles apart), labels by container and style.
    let mut sequences: BTreeMap<String, Vec<(u32, &str, usize)>> = BTreeMap::new();
    let mut annex = String::new();
    for u in &doc.units {
        if let Some((word, n)) = u.info.number {
            if word == "annex" {
                annex = u.r#ref.clone();
            }
            let key = if word == "art" && !annex.is_empty() { format!("{annex}:art") } else { word.to_string() };
            sequences.entry(key).or_default().push((n, u.r#ref.as_str(), u.lines[0]));
        }
        if let Some((style, n)) = u.info.ordinal {
            // Items are numbered within their paragraph; paragraphs within their article.
            let parent = if u.kind == UnitKind::Item {
                u.r#ref.rsplit_once('.').map_or("", |x| x.0).to_string()
            } else {
                u.info.container.clone()
            };
            sequences.entry(format!("{parent}:{style}")).or_default().push((n, u.r#ref.as_str(), u.lines[0]));
        }
    }
    let lang = lang_name(doc);
    for (key, seq) in &sequences {
        let what = match key.as_str() {
            "art" => "Article".to_string(),
            "chapter" => "Chapter".to_string(),
            "part" => "Part".to_string(),
            "section" => "Section".to_string(),
            "annex" => "Annex".to_string(),
            k if k.ends_with(":art") => "Article".to_string(),
            k => format!("paragraph of {}", k.split(':').next().unwrap_or(k)),
        };
        let present: BTreeSet<u32> = seq.iter().map(|x| x.0).collect();
        let first = *present.iter().next().unwrap_or(&1);
        let start = first.min(1);
        let mut missing: BTreeSet<u32> =
            (start.max(1)..=*present.iter().last().unwrap_or(&0)).filter(|n| !present.contains(n)).collect();
        let mut seen = BTreeSet::new();
        let mut max_so_far = 0;
        for (i, &(n, r, line)) in seq.iter().enumerate() {
            let order = position.get(r).copied().unwrap_or(usize::MAX);
            if !seen.insert(n) {
                // A repeated number; the number it displaced is its missing one.
                let expected = seq.get(i.wrapping_sub(1)).map_or(1, |p| p.0 + 1);
                let displaced = missing.remove(&expected).then(|| format!("; {what} {expected} is missing"));
                out.push(Finding {
                    severity: Severity::Error,
                    kind: Kind::NumberingDuplicate,
                    side: Some(side),
                    refs: with_ref(side, r),
                    message: format!(
                        "{what} {n} occurs twice in the {lang} text (line {line}){}",
                        displaced.unwrap_or_default()
                    ),
                    order,
                });
            } else if n < max_so_far {
                out.push(Finding {
                    severity: Severity::Error,
                    kind: Kind::NumberingOrder,
                    side: Some(side),
                    refs: with_ref(side, r),
                    message: format!("{what} {n} comes after {what} {max_so_far} in the {lang} text (line {line})"),
                    order,
                });
            }
            max_so_far = max_so_far.max(n);
        }
        // Gaps: report each run of missing numbers once, where the next number stands.
        for (i, &(n, r, line)) in seq.iter().enumerate() {
            let prev = if i == 0 { start.max(1) - 1 } else { seq[i - 1].0 };
            if n <= prev + 1 {
                continue;
            }
            let run: Vec<u32> = (prev + 1..n).filter(|m| missing.remove(m)).collect();
            if run.is_empty() {
                continue;
            }
            let numbers = if run.len() == 1 {
                format!("{what} {}", run[0])
            } else {
                format!("{what}s {}–{}", run[0], run[run.len() - 1])
            };
            out.push(Finding {
                severity: Severity::Error,
                kind: Kind::NumberingGap,
                side: Some(side),
                refs: with_ref(side, r),
                message: format!(
                    "{numbers} missing in the {lang} text: {what} {n} follows {} (line {line})",
                    if i == 0 { "the start".to_string() } else { format!("{what} {prev}") }
                ),
                order: position.get(r).copied().unwrap_or(usize::MAX),
            });
        }
    }
}

/// Each loader repair, as a note on the unit it touched.
fn repairs(doc: &Document, side: usize, position: &BTreeMap<&str, usize>, out: &mut Vec<Finding>) {
    for r in &doc.repairs {
        let unit = doc.unit_at_line(r.line);
        let refs = unit.map_or([None, None], |u| with_ref(side, &u.r#ref));
        out.push(Finding {
            severity: Severity::Note,
            kind: Kind::Repair,
            side: Some(side),
            order: unit.and_then(|u| position.get(u.r#ref.as_str()).copied()).unwrap_or(usize::MAX),
            refs,
            message: format!("{} line {}: {} ({})", lang_name(doc), r.line, r.message, r.kind.name()),
        });
    }
}

/// The container a ref belongs to: `art.8` for `art.8.2.1` (headings are their own).
fn container_of<'a>(doc: &'a Document, r: &str) -> &'a str {
    doc.unit(r).map_or("", |u| u.info.container.as_str())
}

fn across(alignment: &Alignment, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let names = [lang_name(docs[0]), lang_name(docs[1])];
    // Unpaired units, one finding per run of units of one container.
    let pairs = &alignment.pairs;
    let mut runs: Vec<(usize, usize, Vec<String>, String)> = Vec::new(); // side, row, refs, container
    let mut i = 0;
    while i < pairs.len() {
        let p = &pairs[i];
        let Some(side) = (0..2).find(|&s| p.sides[1 - s].is_empty()) else {
            i += 1;
            continue;
        };
        let container = container_of(docs[side], &p.sides[side][0].r#ref).to_string();
        let mut refs = vec![p.sides[side][0].r#ref.clone()];
        let mut j = i + 1;
        while j < pairs.len()
            && pairs[j].sides[1 - side].is_empty()
            && !pairs[j].sides[side].is_empty()
            && container_of(docs[side], &pairs[j].sides[side][0].r#ref) == container
        {
            refs.push(pairs[j].sides[side][0].r#ref.clone());
            j += 1;
        }
        runs.push((side, i, refs, container));
        i = j;
    }
    // A whole article left unpaired on both sides under the same number was moved (two
    // articles swapped): the numbering finding says so, not two unpaired ones.
    // Units per container, counted once: counting per finding would be quadratic.
    let sizes: [BTreeMap<&str, (usize, usize)>; 2] = [0, 1].map(|s| {
        let mut m: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for u in &docs[s].units {
            let e = m.entry(u.info.container.as_str()).or_default();
            e.0 += 1;
            if u.kind != UnitKind::Heading {
                e.1 += 1;
            }
        }
        m
    });
    let whole =
        |side: usize, refs: &[String], container: &str| sizes[side].get(container).map_or(0, |x| x.0) == refs.len();
    let mut whole_runs: BTreeMap<&str, [bool; 2]> = BTreeMap::new();
    for (s, _, refs, c) in &runs {
        if whole(*s, refs, c) {
            whole_runs.entry(c.as_str()).or_default()[*s] = true;
        }
    }
    let moved: BTreeSet<String> = runs
        .iter()
        .filter(|(_, _, _, c)| whole_runs.get(c.as_str()) == Some(&[true, true]))
        .map(|x| x.3.clone())
        .collect();
    for (side, row, refs, container) in &runs {
        if moved.contains(container) {
            continue;
        }
        let first = &refs[0];
        let what = if refs.len() == 1 {
            first.clone()
        } else {
            format!("{first} … {} ({} units)", refs[refs.len() - 1], refs.len())
        };
        let text = docs[*side].unit(first).map(|u| crate::text::shorten(&u.text, 48)).unwrap_or_default();
        out.push(Finding {
            severity: Severity::Error,
            kind: Kind::Unpaired,
            side: Some(*side),
            refs: with_ref(*side, first),
            message: format!(
                "{what} of the {} text has no counterpart in the {} text: «{text}»",
                names[*side],
                names[1 - side]
            ),
            order: *row,
        });
    }
    // Unit counts of containers paired with each other.
    let mut container_pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (i, p) in pairs.iter().enumerate() {
        if let (Some(a), Some(b)) = (p.sides[0].first(), p.sides[1].first()) {
            let key = (container_of(docs[0], &a.r#ref).to_string(), container_of(docs[1], &b.r#ref).to_string());
            container_pairs.entry(key).or_insert(i);
        }
    }
    let unpaired_containers: BTreeSet<(usize, &str)> = runs.iter().map(|(s, _, _, c)| (*s, c.as_str())).collect();
    for ((ca, cb), order) in container_pairs {
        let count = |s: usize, c: &str| sizes[s].get(c).map_or(0, |x| x.1);
        let (na, nb) = (count(0, &ca), count(1, &cb));
        if na == nb {
            continue;
        }
        let unpaired =
            unpaired_containers.contains(&(0, ca.as_str())) || unpaired_containers.contains(&(1, cb.as_str()));
        out.push(Finding {
            severity: if unpaired { Severity::Warning } else { Severity::Note },
            kind: Kind::CountMismatch,
            side: None,
            refs: [Some(ca.clone()), Some(cb.clone())],
            message: format!(
                "{ca} has {na} unit{} in the {} text, {cb} has {nb} in the {}{}",
                if na == 1 { "" } else { "s" },
                names[0],
                names[1],
                if unpaired { "" } else { ": every unit has a counterpart, in pairs of unequal shape" }
            ),
            order,
        });
    }
    // Numbers, dates and references of paired units.
    for (i, p) in pairs.iter().enumerate() {
        if p.sides[0].is_empty() || p.sides[1].is_empty() {
            continue;
        }
        let heading = |s: usize| {
            p.sides[s].iter().all(|seg| docs[s].unit(&seg.r#ref).is_some_and(|u| u.kind == UnitKind::Heading))
        };
        if heading(0) && heading(1) {
            continue;
        }
        let values = |s: usize| anchors::numeric_values(docs[s].lang, &p.text(s));
        let (va, vb) = (values(0), values(1));
        if va == vb {
            continue;
        }
        let only_a = anchors::missing_from(&va, &vb);
        let only_b = anchors::missing_from(&vb, &va);
        let list = |v: &[String]| if v.is_empty() { "nothing".to_string() } else { v.join(", ") };
        out.push(Finding {
            severity: Severity::Warning,
            kind: Kind::NumberMismatch,
            side: None,
            refs: [Some(p.refs(0)), Some(p.refs(1))],
            message: format!(
                "numbers differ: only the {} text states {}; only the {} text states {}",
                names[0],
                list(&only_a),
                names[1],
                list(&only_b)
            ),
            order: i,
        });
    }
    length_outliers(alignment, out);
}

/// Pairs whose length ratio is far from the rest of the document.
///
/// The log of each 1-1 pair's length ratio (numbers left out), against the
/// document's: a pair more than four robust standard deviations (median absolute
/// deviation × 1.48) away, and at least 35 % off, is an outlier. Short units (under
/// 20 characters on the shorter side, after scaling) are too noisy to judge. Natural
/// variation between translations is wide (about ±40 % in the UN Charter), so this
/// finds a missing clause of some length, not a missing word.
fn length_outliers(alignment: &Alignment, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let names = [lang_name(docs[0]), lang_name(docs[1])];
    let ratio = alignment.model.ratio;
    let mut logs: Vec<(usize, f64)> = Vec::new();
    for (i, p) in alignment.pairs.iter().enumerate() {
        if p.sides[0].len() != 1 || p.sides[1].len() != 1 {
            continue;
        }
        // Articles' paragraphs only: closing formulas, recitals and signatures differ in
        // wording by convention, not by omission.
        let body = (0..2).all(|s| {
            docs[s].unit(&p.sides[s][0].r#ref).is_some_and(|u| matches!(u.kind, UnitKind::Paragraph | UnitKind::Item))
        });
        if !body {
            continue;
        }
        // Numbers are left out: a date in Chinese numerals is twice as long as in digits.
        let f = |s: usize| {
            p.sides[s][0]
                .text
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_numeric() && !"〇零一二两三四五六七八九十百千万".contains(*c))
                .count() as f64
        };
        let (la, lb) = (f(0), f(1));
        if la.min(lb / ratio) < 20.0 {
            continue;
        }
        logs.push((i, (lb / (ratio * la)).ln()));
    }
    if logs.len() < 8 {
        return;
    }
    let mut sorted: Vec<f64> = logs.iter().map(|x| x.1).collect();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let mut dev: Vec<f64> = sorted.iter().map(|x| (x - median).abs()).collect();
    dev.sort_by(f64::total_cmp);
    let sigma = (dev[dev.len() / 2] * 1.4826).max(0.05);
    for (i, x) in logs {
        let d = x - median;
        if d.abs() > 4.0 * sigma && d.abs() > 0.35f64.ln_1p() {
            let p = &alignment.pairs[i];
            // The side that is short for its counterpart may be missing something.
            let short = if d < 0.0 { 1 } else { 0 };
            out.push(Finding {
                severity: Severity::Warning,
                kind: Kind::LengthOutlier,
                side: Some(short),
                refs: [Some(p.refs(0)), Some(p.refs(1))],
                message: format!(
                    "the {} text is {:.0} % {} than usual for its counterpart: a clause may be missing from the {} text",
                    names[0],
                    (d.abs().exp() - 1.0) * 100.0,
                    if d < 0.0 { "longer" } else { "shorter" },
                    names[short]
                ),
                order: i,
            });
        }
    }
}
