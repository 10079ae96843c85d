//! What the words of paired units say: the states they name and whether they negate.

use std::collections::BTreeSet;

use super::{Finding, Kind, Severity, lang_name, pair_refs};
use crate::align::Alignment;
use crate::lang::Lang;
use crate::lexicon::glossary::Glossary;
use crate::lexicon::names;

/// Names and polarity of every pair that has both sides.
pub(super) fn check(alignment: &Alignment, glossary: &Glossary, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let names = [lang_name(docs[0]), lang_name(docs[1])];
    for (i, p) in alignment.pairs.iter().enumerate() {
        if p.sides[0].is_empty() || p.sides[1].is_empty() {
            continue;
        }
        let texts = [p.text(0), p.text(1)];
        let langs = [docs[0].lang, docs[1].lang];
        let refs = pair_refs(p);
        // An annex's heading names the agreement it belongs to in one language
        // (`Приложение к Соглашению между Правительством …`) and not in the other
        // (`附件`): the states of a title quoted, not parties.
        let annex_headings = p
            .sides
            .iter()
            .all(|side| matches!(&side[..], [s] if s.r#ref.starts_with("annex.") && !s.r#ref[6..].contains('.')));
        if let Some(message) = state_names(langs, &texts, names).filter(|_| !annex_headings) {
            out.push(Finding {
                severity: Severity::Error,
                kind: Kind::NameMismatch,
                side: None,
                refs: refs.clone(),
                message,
                order: i,
            });
        }
        if let Some(message) = polarity(langs, &texts, names, glossary) {
            out.push(Finding {
                severity: Severity::Error,
                kind: Kind::PolarityMismatch,
                side: None,
                refs,
                message,
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

/// How far a negation reaches: the term it negates starts within this many
/// characters (Chinese) or words (Russian) after it, in its clause.
const SCOPE: [usize; 2] = [6, 3];

/// The words a negation is tied to: the first term after it, within its scope, whose
/// counterpart by the glossary the other text writes.
struct Tied {
    /// Byte span of the negated term on the negating side.
    term: (usize, usize),
    /// Byte spans of the counterpart's occurrences on the other side.
    counterparts: Vec<(usize, usize)>,
}

/// A negation or prohibition of one text tied to a word whose counterpart the other
/// text writes without one, where the first text also has more negations: the words
/// that show it. Counting alone is not evidence (authentic texts say with a word what
/// the other says with a negation: запрещение ↔ 禁止), so each negation must be tied.
fn polarity(langs: [Lang; 2], texts: &[String; 2], names: [&str; 2], glossary: &Glossary) -> Option<String> {
    let negs = [0, 1].map(|s| negations(langs[s], &texts[s]));
    if negs[0].len() == negs[1].len() {
        return None;
    }
    let s = if negs[0].len() > negs[1].len() { 0 } else { 1 };
    let o = 1 - s;
    let hits = [0, 1].map(|x| glossary.find(langs[x], &texts[x]));
    for &(ns, ne) in &negs[s] {
        let end = scope_end(langs[s], &texts[s], ne);
        let mut tied: Vec<Tied> = Vec::new();
        for h in hits[s].iter().filter(|h| h.start >= ne && h.start < end) {
            let counterparts = hits[o]
                .iter()
                .filter(|g| g.entries.iter().any(|e| h.entries.binary_search(e).is_ok()))
                .map(|g| (g.start, g.end))
                .collect();
            tied.push(Tied { term: (h.start, h.end), counterparts });
        }
        tied.sort_by_key(|t| t.term);
        let Some(first) = tied.into_iter().find(|t| !t.counterparts.is_empty()) else { continue };
        // The counterpart must stand un-negated in a clause of its own text without
        // any negation: another clause of its sentence may negate something else
        // (`не участвуют …, и не поддерживают`). A negation the other text moved to
        // the end of the clause just before is a negation still (`不得依区域办法…` ↔
        // `никакие принудительные действия не предпринимаются, в силу этих
        // региональных соглашений`).
        if first.counterparts.iter().any(|&(q, _)| {
            negated(langs[o], &texts[o], &negs[o], q)
                || clause_negated(langs[o], &texts[o], &negs[o], q)
                || negation_ends_clause_before(langs[o], &texts[o], &negs[o], q)
        }) {
            continue;
        }
        let (a, b) = first.counterparts[0];
        return Some(format!(
            "the {} text negates «{}»; the {} text writes «{}» without a negation",
            names[s],
            texts[s][ns..first.term.1.max(ne)].trim(),
            names[o],
            &texts[o][a..b]
        ));
    }
    None
}

/// Where the scope of a negation that ends at byte `at` ends.
fn scope_end(lang: Lang, text: &str, at: usize) -> usize {
    let words = lang.profile().line_joiner.is_empty();
    let (mut n, mut in_word) = (0, false);
    for (i, c) in text[at..].char_indices() {
        if lang.profile().marks.ends_clause(c) {
            return at + i;
        }
        if words {
            n += 1;
            if n > SCOPE[0] {
                return at + i;
            }
        } else if c.is_alphanumeric() && !in_word {
            n += 1;
            if n > SCOPE[1] {
                return at + i;
            }
        }
        in_word = c.is_alphanumeric();
    }
    text.len()
}

/// Whether a negation of the text stands before byte `q`, within its scope.
fn negated(lang: Lang, text: &str, negs: &[(usize, usize)], q: usize) -> bool {
    negs.iter().any(|&(_, e)| e <= q && scope_end(lang, text, e) > q)
}

/// The byte span of the clause around byte `q`: between the marks that break a
/// clause (`，；、。` / `,;.`).
fn clause_at(lang: Lang, text: &str, q: usize) -> (usize, usize) {
    let marks = lang.profile().marks;
    let is_break = |c: char| marks.breaks_clause(c);
    let start = text[..q].rfind(is_break).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let end = text[q..].find(is_break).map_or(text.len(), |i| q + i);
    (start, end)
}

/// Whether the clause around byte `q` holds a negation.
fn clause_negated(lang: Lang, text: &str, negs: &[(usize, usize)], q: usize) -> bool {
    let (start, end) = clause_at(lang, text, q);
    negs.iter().any(|&(a, _)| a >= start && a < end)
}

/// Whether the clause just before the one around byte `q`, in the same sentence, ends
/// with a negation whose scope reaches its end: `не предпринимаются, в силу …`.
fn negation_ends_clause_before(lang: Lang, text: &str, negs: &[(usize, usize)], q: usize) -> bool {
    let (start, _) = clause_at(lang, text, q);
    let Some(mark) = text[..start].chars().next_back() else { return false };
    let marks = lang.profile().marks;
    if marks.stops.contains(&mark) || marks.semicolons.contains(&mark) {
        return false;
    }
    let before = start - mark.len_utf8();
    let (prev, _) = clause_at(lang, text, before);
    negs.iter().any(|&(a, e)| a >= prev && a < before && scope_end(lang, text, e) >= before)
}

/// The negations and prohibitions of a text, as byte spans, after the fixed
/// expressions that do not negate are taken out. A negative pronoun that agrees with a
/// negation in its clause (Russian `не … никаких`) is not counted again.
fn negations(lang: Lang, text: &str) -> Vec<(usize, usize)> {
    let review = &lang.profile().review;
    let mut masked = lang.profile().fold(text);
    if masked.len() != text.len() {
        // Lowercasing changed the byte length: spans would not hold.
        return Vec::new();
    }
    for expr in review.not_negations {
        masked = masked.replace(expr, &" ".repeat(expr.len()));
    }
    let mut out = Vec::new();
    if lang.profile().line_joiner.is_empty() {
        // No spaces between words: each marker as a string, longest first.
        let mut markers: Vec<&str> = review.negations.to_vec();
        markers.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let mut i = 0;
        while i < masked.len() {
            match markers.iter().find(|m| masked[i..].starts_with(**m)) {
                Some(m) => {
                    out.push((i, i + m.len()));
                    i += m.len();
                }
                None => i += masked[i..].chars().next().map_or(1, char::len_utf8),
            }
        }
        return out;
    }
    let mut clause: Vec<(usize, usize, bool)> = Vec::new();
    let mut flush = |clause: &mut Vec<(usize, usize, bool)>| {
        let plain: Vec<(usize, usize)> = clause.iter().filter(|w| !w.2).map(|w| (w.0, w.1)).collect();
        if plain.is_empty() {
            out.extend(clause.iter().take(1).map(|w| (w.0, w.1)));
        } else {
            out.extend(plain);
        }
        clause.clear();
    };
    let mut start = None;
    for (i, c) in masked.char_indices().chain(std::iter::once((masked.len(), '.'))) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(a) = start.take() {
            let w = &masked[a..i];
            if review.negations.contains(&w) || review.concord.contains(&w) {
                clause.push((a, i, review.concord.contains(&w)));
            }
        }
        if matches!(c, ',' | ';' | '.' | ':' | '(' | ')') {
            flush(&mut clause);
        }
    }
    out
}
