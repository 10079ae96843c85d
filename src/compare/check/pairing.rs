//! What the alignment itself shows: units without a counterpart, containers with a
//! different number of units, and paired articles whose numbers differ.

use std::collections::{BTreeMap, BTreeSet};

use compact_str::CompactString;

use super::{Finding, Kind, Severity, lang_name, with_ref};
use crate::align::Alignment;
use crate::model::{Document, UnitKind};

/// A run of unpaired units of one side in one container.
struct Run {
    side: usize,
    row: usize,
    refs: Vec<CompactString>,
    container: String,
}

/// Units per container of each side: all units, those that are not headings, and the
/// numbered paragraphs. Counted once: counting per finding would be quadratic.
type Sizes<'d> = [BTreeMap<&'d str, (usize, usize, usize)>; 2];

/// Unpaired units, unit counts and article numbers of the alignment.
pub(super) fn check(alignment: &Alignment, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let sizes: Sizes = [0, 1].map(|s| {
        let mut m: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for u in &docs[s].units {
            let e = m.entry(u.info.container.as_str()).or_default();
            e.0 += 1;
            if u.kind != UnitKind::Heading {
                e.1 += 1;
            }
            if u.kind == UnitKind::Paragraph && u.info.ordinal.is_some() {
                e.2 += 1;
            }
        }
        m
    });
    let runs = unpaired_runs(alignment);
    unpaired(alignment, &runs, &sizes, out);
    counts(alignment, &runs, &sizes, out);
    numbers(alignment, out);
}

/// The container a ref belongs to: `art.8` for `art.8.2.1` (headings are their own).
fn container_of<'a>(doc: &'a Document, r: &str) -> &'a str {
    doc.unit(r).map_or("", |u| u.info.container.as_str())
}

/// Unpaired units, one run per stretch of units of one container.
fn unpaired_runs(alignment: &Alignment) -> Vec<Run> {
    let (docs, pairs) = (alignment.docs, &alignment.pairs);
    let mut runs = Vec::new();
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
        runs.push(Run { side, row: i, refs, container });
        i = j;
    }
    runs
}

/// One error per run of unpaired units. A whole article left unpaired on both sides
/// under the same number was moved (two articles swapped): the numbering finding
/// says so, not two unpaired ones.
fn unpaired(alignment: &Alignment, runs: &[Run], sizes: &Sizes, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let names = [lang_name(docs[0]), lang_name(docs[1])];
    let mut whole_runs: BTreeMap<&str, [bool; 2]> = BTreeMap::new();
    for r in runs {
        if sizes[r.side].get(r.container.as_str()).map_or(0, |x| x.0) == r.refs.len() {
            whole_runs.entry(r.container.as_str()).or_default()[r.side] = true;
        }
    }
    for r in runs {
        if whole_runs.get(r.container.as_str()) == Some(&[true, true]) {
            continue;
        }
        let first = &r.refs[0];
        let what = match r.refs.last() {
            Some(last) if r.refs.len() > 1 => format!("{first} … {last} ({} units)", r.refs.len()),
            _ => first.to_string(),
        };
        // The pair's own text: at sentence level, `first` is a sentence, no unit.
        let text = crate::text::shorten(&alignment.pairs[r.row].text(r.side), 48);
        out.push(Finding {
            severity: Severity::Error,
            kind: Kind::Unpaired,
            side: Some(r.side),
            refs: with_ref(r.side, first),
            message: format!(
                "{what} of the {} text has no counterpart in the {} text: «{text}»",
                names[r.side],
                names[1 - r.side]
            ),
            order: r.row,
        });
    }
}

/// Unit counts of containers paired with each other: a warning where units are
/// unpaired or the texts number the container's paragraphs differently, a note where
/// every unit has a counterpart in pairs of unequal shape.
fn counts(alignment: &Alignment, runs: &[Run], sizes: &Sizes, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let names = [lang_name(docs[0]), lang_name(docs[1])];
    let mut container_pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (i, p) in alignment.pairs.iter().enumerate() {
        if let (Some(a), Some(b)) = (p.sides[0].first(), p.sides[1].first()) {
            let key = (container_of(docs[0], &a.r#ref).to_string(), container_of(docs[1], &b.r#ref).to_string());
            container_pairs.entry(key).or_insert(i);
        }
    }
    let unpaired_containers: BTreeSet<(usize, &str)> = runs.iter().map(|r| (r.side, r.container.as_str())).collect();
    for ((ca, cb), order) in container_pairs {
        let count = |s: usize, c: &str| sizes[s].get(c).map_or(0, |x| x.1);
        let (na, nb) = (count(0, &ca), count(1, &cb));
        if na == nb {
            continue;
        }
        let unpaired =
            unpaired_containers.contains(&(0, ca.as_str())) || unpaired_containers.contains(&(1, cb.as_str()));
        // Both texts number the container's paragraphs, and not as many: two merged
        // into one or one split in two, though every unit has a counterpart.
        let numbered = [(0, &ca), (1, &cb)].map(|(s, c)| sizes[s].get(c.as_str()).map_or(0, |x| x.2));
        let renumbered = numbered[0] > 0 && numbered[1] > 0 && numbered[0] != numbered[1];
        let shape = if unpaired {
            String::new()
        } else if renumbered {
            format!(
                ": it numbers {} paragraphs in the {} text and {} in the {}; a paragraph of one is two of the other",
                numbered[0], names[0], numbered[1], names[1]
            )
        } else {
            ": every unit has a counterpart, in pairs of unequal shape".to_string()
        };
        out.push(Finding {
            severity: if unpaired || renumbered { Severity::Warning } else { Severity::Note },
            kind: Kind::CountMismatch,
            side: None,
            refs: [vec![ca.clone()], vec![cb.clone()]],
            message: format!(
                "{ca} has {na} unit{} in the {} text, {cb} has {nb} in the {}{}",
                if na == 1 { "" } else { "s" },
                names[0],
                names[1],
                shape
            ),
            order,
        });
    }
}

/// Paired articles (and chapters, parts, annexes) whose numbers differ: after an
/// article is dropped and the rest renumbered, every pair after it is listed, once
/// per pair of containers, so that a reviewer sees which numbers no longer agree.
///
/// Where one text's own numbering of such headings is faulty (a gap, a repeat, an
/// order), the numbering finding already names the place and every difference after
/// it follows from it: those headings are not listed again.
fn numbers(alignment: &Alignment, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let names = [lang_name(docs[0]), lang_name(docs[1])];
    let faulty: BTreeSet<&str> = out
        .iter()
        .filter(|f| matches!(f.kind, Kind::NumberingGap | Kind::NumberingDuplicate | Kind::NumberingOrder))
        .filter_map(|f| {
            let s = f.side?;
            docs[s].unit(f.refs[s].first()?)?.info.number.map(|n| n.0.ref_word())
        })
        .collect();
    let mut seen: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (i, p) in alignment.pairs.iter().enumerate() {
        let (Some(a), Some(b)) = (p.sides[0].first(), p.sides[1].first()) else { continue };
        let (ua, ub) = (docs[0].unit(&a.r#ref), docs[1].unit(&b.r#ref));
        let (Some(ua), Some(ub)) = (ua, ub) else { continue };
        let (ca, cb) = (ua.info.container.as_str(), ub.info.container.as_str());
        let number = |d: &Document, c: &str| d.unit(c).and_then(|u| u.info.number);
        let (Some((wa, na)), Some((wb, nb))) = (number(docs[0], ca), number(docs[1], cb)) else { continue };
        if wa != wb || na == nb || faulty.contains(wa.ref_word()) || !seen.insert((ca, cb)) {
            continue;
        }
        let word = heading_word(wa.ref_word());
        out.push(Finding {
            severity: Severity::Error,
            kind: Kind::RefMismatch,
            side: None,
            refs: [vec![ca.to_string()], vec![cb.to_string()]],
            message: format!(
                "{word} {na} of the {} text corresponds to {word} {nb} of the {} text: their numbers differ",
                names[0], names[1]
            ),
            order: i,
        });
    }
}

/// The word for a numbered heading in messages.
fn heading_word(word: &str) -> &'static str {
    match word {
        "art" => "Article",
        "chapter" => "Chapter",
        "part" => "Part",
        "section" => "Section",
        "annex" => "Annex",
        _ => "Heading",
    }
}
