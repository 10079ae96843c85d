//! Pairs whose length ratio is far from the rest of the document.

use super::{Finding, Kind, Severity, lang_name, pair_refs};
use crate::align::Alignment;
use crate::model::UnitKind;

/// Pairs whose length ratio is far from the rest of the document.
///
/// The log of each 1-1 pair's length ratio (numbers left out), against the
/// document's: a pair more than four robust standard deviations (median absolute
/// deviation × 1.48) away, and at least 35 % off, is an outlier. Short units (under
/// 20 characters on the shorter side, after scaling) are too noisy to judge. Natural
/// variation between translations is wide (about ±40 % in the UN Charter), so this
/// finds a missing clause of some length, not a missing word.
pub(super) fn check(alignment: &Alignment, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let names = [lang_name(docs[0]), lang_name(docs[1])];
    let ratio = alignment.model.ratio;
    let numerals = [docs[0].lang.profile().numeral_chars, docs[1].lang.profile().numeral_chars];
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
        // Numbers are left out, in digits and in words: a date in Chinese numerals is
        // twice as long as in digits.
        let f = |s: usize| {
            p.sides[s][0]
                .text
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_numeric() && !numerals[s].contains(*c))
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
                refs: pair_refs(p),
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
