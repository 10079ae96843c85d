//! Findings from the glossary: a term of one text whose counterpart the paired unit
//! of the other lacks (`term_mismatch`), and a clause or list item of one text whose
//! terms the paired unit of the other lacks (`omission`). Warnings: a text may say a
//! thing in other words than the glossary's. A term of the crate's own glossary alone
//! rendered otherwise is a note: only the user's glossary prescribes a rendering.
//!
//! Both directions are checked the same way. A unit's terms are counted per glossary
//! entry on each side; a term is *missing* when no term of its entry is in the other
//! unit, and *in excess* when its entry occurs more often in its own unit than in the
//! other. A clause (cut at `，；、。：` / `,;.:`) is omitted when it holds at least two
//! terms, every one of them in excess and at least one missing: `非法贩运武器` after
//! `незаконным оборотом оружия` was deleted (`非法` and `贩运` still occur once more in
//! Chinese than in Russian, `武器` not at all). Adjacent omitted clauses are one
//! finding; a missing term outside them is a `term_mismatch`.

use std::collections::{BTreeMap, BTreeSet};

use super::{Finding, Kind, Severity, lang_name, pair_refs};
use crate::align::Alignment;
use crate::lang::Lang;
use crate::lexicon::glossary::{Glossary, Hit};

/// The byte spans of the clauses of a text.
fn clauses(lang: Lang, text: &str) -> Vec<(usize, usize)> {
    let marks = lang.profile().marks;
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if marks.ends_clause(c) {
            out.push((start, i));
            start = i + c.len_utf8();
        }
    }
    out.push((start, text.len()));
    out.retain(|&(a, b)| !text[a..b].trim().is_empty());
    out
}

/// Term mismatches and omissions of every pair with both sides.
pub(super) fn check(alignment: &Alignment, glossary: &Glossary, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let langs = [docs[0].lang, docs[1].lang];
    for (i, p) in alignment.pairs.iter().enumerate() {
        if p.sides[0].is_empty() || p.sides[1].is_empty() {
            continue;
        }
        let texts = [p.text(0), p.text(1)];
        let hits = [0, 1].map(|s| glossary.find(langs[s], &texts[s]));
        let counts = hits.each_ref().map(|h| {
            let mut m: BTreeMap<u32, usize> = BTreeMap::new();
            for hit in h {
                for &e in &hit.entries {
                    *m.entry(e).or_default() += 1;
                }
            }
            m
        });
        for s in 0..2 {
            let o = 1 - s;
            let count = |side: usize, e: u32| counts[side].get(&e).copied().unwrap_or(0);
            let missing = |h: &Hit| h.entries.iter().all(|&e| count(o, e) == 0);
            let excess = |h: &Hit| h.entries.iter().all(|&e| count(s, e) > count(o, e));
            let checked = |h: &Hit| h.entries.iter().any(|&e| glossary.entries()[e as usize].checked);
            let spans = clauses(langs[s], &texts[s]);
            let omitted: Vec<bool> = spans
                .iter()
                .map(|&(a, b)| {
                    let inside: Vec<&Hit> = hits[s].iter().filter(|h| !h.weak && h.start >= a && h.start < b).collect();
                    inside.len() >= 2
                        && inside.iter().all(|h| excess(h))
                        && inside.iter().any(|h| missing(h) && checked(h))
                })
                .collect();
            let refs = pair_refs(p);
            let mut k = 0;
            while k < spans.len() {
                if !omitted[k] {
                    k += 1;
                    continue;
                }
                let first = k;
                while k < spans.len() && omitted[k] {
                    k += 1;
                }
                let (a, b) = (spans[first].0, spans[k - 1].1);
                out.push(Finding {
                    severity: Severity::Warning,
                    kind: Kind::Omission,
                    side: Some(s),
                    refs: refs.clone(),
                    message: omission_message(glossary, langs, s, &texts[s], &hits[s], (a, b), &missing),
                    order: i,
                });
            }
            let in_omission =
                |h: &Hit| spans.iter().zip(&omitted).any(|(&(a, b), &om)| om && h.start >= a && h.start < b);
            let mut seen: BTreeSet<&[u32]> = BTreeSet::new();
            for h in &hits[s] {
                if h.weak || !checked(h) || !missing(h) || in_omission(h) || !seen.insert(h.entries.as_slice()) {
                    continue;
                }
                let term = &texts[s][h.start..h.end];
                // Only the user's glossary says how a term must be rendered; the
                // crate's own, verified on a few texts, only suggests it.
                let shipped = h.entries.iter().all(|&e| glossary.entries()[e as usize].shipped);
                out.push(Finding {
                    severity: if shipped { Severity::Note } else { Severity::Warning },
                    kind: Kind::TermMismatch,
                    side: Some(s),
                    refs: refs.clone(),
                    message: format!(
                        "the {} text writes «{term}»; the {} text has no {} (glossary: {})",
                        lang_name(docs[s]),
                        lang_name(docs[o]),
                        counterparts(glossary, langs[o], h),
                        sources(glossary, h)
                    ),
                    order: i,
                });
            }
        }
    }
}

/// The other language's forms of a hit's entries, for a message.
fn counterparts(glossary: &Glossary, lang: Lang, h: &Hit) -> String {
    let forms: BTreeSet<&str> = h
        .entries
        .iter()
        .flat_map(|&e| glossary.entries()[e as usize].forms(lang).iter().map(String::as_str))
        .filter(|f| !f.starts_with('~'))
        .collect();
    forms.into_iter().take(3).map(|f| format!("«{f}»")).collect::<Vec<_>>().join(" or ")
}

/// Where a hit's entries come from.
fn sources(glossary: &Glossary, h: &Hit) -> String {
    let s: BTreeSet<&str> = h.entries.iter().map(|&e| glossary.entries()[e as usize].source.as_str()).collect();
    s.into_iter().collect::<Vec<_>>().join("; ")
}

fn omission_message(
    glossary: &Glossary,
    langs: [Lang; 2],
    s: usize,
    full: &str,
    hits: &[Hit],
    (a, b): (usize, usize),
    missing: &dyn Fn(&Hit) -> bool,
) -> String {
    let name = |l: Lang| l.profile().name;
    let clause = &full[a..b];
    let text = |h: &Hit| full[h.start..h.end].to_string();
    let inside: Vec<&Hit> = hits.iter().filter(|h| !h.weak && h.start >= a && h.start < b).collect();
    let absent: Vec<String> = inside
        .iter()
        .filter(|h| missing(h))
        .map(|h| format!("«{}» ({})", text(h), counterparts(glossary, langs[1 - s], h)))
        .collect();
    let fewer: Vec<String> = inside.iter().filter(|h| !missing(h)).map(|h| format!("«{}»", text(h))).collect();
    let mut message = format!(
        "«{}» of the {} text has no counterpart in the {} text: it has no {}",
        crate::text::shorten(clause.trim(), 120),
        name(langs[s]),
        name(langs[1 - s]),
        absent.join(", ")
    );
    if !fewer.is_empty() {
        message.push_str(&format!(", and {} occur fewer times there", fewer.join(", ")));
    }
    message
}
