//! What the words of paired units say: the states they name and whether they negate.

use std::collections::BTreeSet;

use super::{Finding, Kind, Severity, lang_name};
use crate::align::Alignment;
use crate::lang::Lang;
use crate::lexicon::names;

/// Names and polarity of every pair that has both sides.
pub(super) fn check(alignment: &Alignment, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let names = [lang_name(docs[0]), lang_name(docs[1])];
    for (i, p) in alignment.pairs.iter().enumerate() {
        if p.sides[0].is_empty() || p.sides[1].is_empty() {
            continue;
        }
        let texts = [p.text(0), p.text(1)];
        let langs = [docs[0].lang, docs[1].lang];
        let refs = [Some(p.refs(0)), Some(p.refs(1))];
        if let Some(message) = state_names(langs, &texts, names) {
            out.push(Finding {
                severity: Severity::Error,
                kind: Kind::NameMismatch,
                side: None,
                refs: refs.clone(),
                message,
                order: i,
            });
        }
        let counts = [0, 1].map(|s| negations(langs[s], &texts[s]));
        if counts[0].len() != counts[1].len() {
            let show = |s: usize| {
                if counts[s].is_empty() {
                    "none".to_string()
                } else {
                    counts[s].iter().map(|w| format!("«{w}»")).collect::<Vec<_>>().join(" ")
                }
            };
            // A note, not an error: on authentic texts one language often says with a
            // word (запрещение, 核正无误, воздерживаться) what the other says with a
            // negation, so counts differ in about one pair in twelve of the UN Charter.
            out.push(Finding {
                severity: Severity::Note,
                kind: Kind::PolarityMismatch,
                side: None,
                refs,
                message: format!(
                    "negations differ: the {} text has {} ({}), the {} text {} ({})",
                    names[0],
                    counts[0].len(),
                    show(0),
                    names[1],
                    counts[1].len(),
                    show(1)
                ),
                order: i,
            });
        }
    }
}

/// The states one text names and the other does not, for a message.
fn state_names(langs: [Lang; 2], texts: &[String; 2], names: [&str; 2]) -> Option<String> {
    let masked = [0, 1].map(|s| {
        let mut t = texts[s].clone();
        for w in langs[s].profile().review.not_names {
            t = t.replace(w, &" ".repeat(w.chars().count()));
        }
        t
    });
    let found = [0, 1].map(|s| names::find(langs[s], &masked[s]));
    let codes = [0, 1].map(|s| found[s].iter().map(|n| n.code.as_str()).collect::<BTreeSet<_>>());
    if codes[0] == codes[1] {
        return None;
    }
    let only = |s: usize| {
        let list: Vec<String> = found[s]
            .iter()
            .filter(|n| !codes[1 - s].contains(n.code.as_str()))
            .map(|n| format!("«{}»", n.text))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if list.is_empty() { "no other".to_string() } else { list.join(", ") }
    };
    Some(format!("states named differ: the {} text names {}, the {} text {}", names[0], only(0), names[1], only(1)))
}

/// The negations and prohibitions of a text, as written, after the fixed expressions
/// that do not negate are taken out. A negative pronoun that agrees with a negation
/// in its clause (Russian `не … никаких`) is not counted again.
fn negations(lang: Lang, text: &str) -> Vec<String> {
    let review = &lang.profile().review;
    let mut masked = text.to_lowercase().replace('ё', "е");
    for expr in review.not_negations {
        masked = masked.replace(expr, &" ".repeat(expr.len()));
    }
    let mut out = Vec::new();
    if lang.profile().line_joiner.is_empty() {
        // No spaces between words: each marker as a string, longest first.
        let mut markers: Vec<&str> = review.negations.to_vec();
        markers.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let mut rest = masked.clone();
        for m in markers {
            for _ in rest.matches(m) {
                out.push(m.to_string());
            }
            rest = rest.replace(m, " ");
        }
        return out;
    }
    for clause in masked.split([',', ';', '.', ':', '(', ')']) {
        let words: Vec<&str> = clause.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let plain: Vec<&str> =
            words.iter().copied().filter(|w| review.negations.contains(w) && !review.concord.contains(w)).collect();
        if plain.is_empty() {
            out.extend(words.iter().filter(|w| review.concord.contains(w)).take(1).map(|w| w.to_string()));
        } else {
            out.extend(plain.into_iter().map(String::from));
        }
    }
    out
}
