//! The checker: where two equally authentic texts do not match.
//!
//! Neither text is the master. Each is checked on its own (numbering), then against
//! the other through their alignment (unpaired units, unit counts, numbers and dates,
//! length), and every finding names both sides. Swapping the two files swaps nothing
//! but the `a` and `b` of the report: sides are named by language.

mod length;
mod lexical;
mod numbering;
mod pairing;
mod terms;
mod values;
mod wording;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::align::Alignment;
use crate::lexicon::Glossary;
use crate::model::Document;

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
    /// A clause, list item or sentence of one text has no counterpart inside the
    /// paired unit of the other.
    Omission,
    /// Units whose contents match each other's counterparts better than their own.
    CrossedPairs,
    /// A negation or prohibition stated in one text and not in the other.
    PolarityMismatch,
    /// A state or organisation named in one text and not (or otherwise) in the other.
    NameMismatch,
    /// Paired units state different dates.
    DateMismatch,
    /// Paired articles or paragraphs carry different numbers in the two texts.
    RefMismatch,
    /// A glossary term of one text is not rendered by its counterpart in the other.
    TermMismatch,
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
    /// The refs it concerns on each side, each unit or container once; empty where
    /// it concerns nothing on that side.
    pub refs: [Vec<String>; 2],
    /// For a person.
    pub message: String,
    /// Position in document order, for sorting and grouping.
    pub order: usize,
}

impl Finding {
    /// The refs of side `s` as the output formats write them, joined with `+`;
    /// `None` where the finding concerns nothing on that side.
    pub fn ref_text(&self, s: usize) -> Option<String> {
        (!self.refs[s].is_empty()).then(|| self.refs[s].join("+"))
    }
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

/// Checks two aligned texts against each other, with the shipped glossary.
pub fn check<'d>(alignment: &Alignment<'d>) -> Report<'d> {
    check_with_glossary(alignment, Glossary::shipped())
}

/// Checks two aligned texts against each other with a glossary: the shipped one, or
/// the shipped one and a user's ([`Glossary::shipped_and`]).
pub fn check_with_glossary<'d>(alignment: &Alignment<'d>, glossary: &Glossary) -> Report<'d> {
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
        numbering::check(docs[s], s, &position[s], &mut findings);
        repairs(docs[s], s, &position[s], &mut findings);
    }
    pairing::check(alignment, &mut findings);
    values::check(alignment, &mut findings);
    length::check(alignment, &mut findings);
    let lexicon = lexical::learn(alignment);
    wording::check(alignment, glossary, &lexical::learn_mutual(alignment), &mut findings);
    terms::check(alignment, glossary, &mut findings);
    lexical::check(alignment, &lexicon, &mut findings);
    findings.sort_by(|x, y| {
        (x.severity, x.order, x.kind, x.side, &x.refs).cmp(&(y.severity, y.order, y.kind, y.side, &y.refs))
    });
    Report { docs, findings }
}

fn lang_name(doc: &Document) -> &'static str {
    doc.lang.profile().name
}

fn with_ref(side: usize, r: &str) -> [Vec<String>; 2] {
    let mut refs = [Vec::new(), Vec::new()];
    refs[side] = vec![r.to_string()];
    refs
}

/// The refs of both sides of a pair.
fn pair_refs(p: &crate::align::Pair) -> [Vec<String>; 2] {
    [0, 1].map(|s| p.sides[s].iter().map(|x| x.r#ref.to_string()).collect())
}

/// Each loader repair, as a note on the unit it touched.
fn repairs(doc: &Document, side: usize, position: &BTreeMap<&str, usize>, out: &mut Vec<Finding>) {
    for r in &doc.repairs {
        let unit = doc.unit_at_line(r.line);
        let refs = unit.map_or_else(Default::default, |u| with_ref(side, &u.r#ref));
        out.push(Finding {
            severity: Severity::Note,
            kind: Kind::Repair,
            side: Some(side),
            order: unit.and_then(|u| position.get(u.r#ref.as_str()).copied()).unwrap_or(usize::MAX),
            refs,
            message: format!(
                "{} line {}: {} ({})",
                lang_name(doc),
                r.line,
                r.message,
                crate::model::wire_name(&r.kind)
            ),
        });
    }
}
