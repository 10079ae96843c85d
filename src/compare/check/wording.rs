//! What the words of paired units say: the states they name and whether they negate.

use std::collections::BTreeSet;

use super::{Finding, Kind, Severity, lang_name, pair_refs};
use crate::align::Alignment;
use crate::lang::Lang;
use crate::lexicon::Lexicon;
use crate::lexicon::glossary::Glossary;
use crate::lexicon::names;

/// Names and polarity of every pair that has both sides; negations are tied to the
/// words they negate by the glossary and by the lexicon learned from the pairs.
pub(super) fn check(alignment: &Alignment, glossary: &Glossary, lexicon: &Lexicon, out: &mut Vec<Finding>) {
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
        if let Some(message) = polarity(langs, &texts, names, glossary, lexicon) {
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
    // A name is answered by the same state's name, or by a word made from it
    // (`российское законодательство` for 俄罗斯联邦的法律, `中方` for `Китайская Сторона`).
    let mentioned = [0, 1].map(|s| names::mentioned(langs[s], &masked[s]));
    let answered = |s: usize, code: &str| codes[1 - s].contains(code) || mentioned[1 - s].contains(code);
    if (0..2).all(|s| codes[s].iter().all(|c| answered(s, c))) {
        return None;
    }
    let only = |s: usize| {
        let list: Vec<String> = found[s]
            .iter()
            .filter(|n| !answered(s, &n.code))
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

/// The words a negation is tied to: the first glossary term after it, within its
/// scope, whose counterpart the other text writes; or else the word right after it
/// (past a modal: `不得转让`, `не подлежат передаче`) by the learned lexicon.
struct Tied {
    /// Byte span of the negated term on the negating side.
    term: (usize, usize),
    /// Byte spans of the counterpart's occurrences on the other side.
    counterparts: Vec<(usize, usize)>,
    /// Tied by the learned lexicon to the second word after the negation.
    second: bool,
}

/// A negation or prohibition of one text tied to a word whose counterpart the other
/// text writes without one, where the first text also has more negations: the words
/// that show it. Counting alone is not evidence (authentic texts say with a word what
/// the other says with a negation: запрещение ↔ 禁止), so each negation must be tied,
/// and the other text must say no in none of the ways its profile knows around the
/// counterpart.
fn polarity(
    langs: [Lang; 2],
    texts: &[String; 2],
    names: [&str; 2],
    glossary: &Glossary,
    lexicon: &Lexicon,
) -> Option<String> {
    let negs = [0, 1].map(|s| negations(langs[s], &texts[s], true));
    if negs[0].len() == negs[1].len() {
        return None;
    }
    let s = if negs[0].len() > negs[1].len() { 0 } else { 1 };
    let o = 1 - s;
    // Every negation of the other text, inside fixed expressions too (`未经`,
    // `не позднее`): where the counterpart stands near one, its clause may say no in
    // an expression of its own.
    let all = negations(langs[o], &texts[o], false);
    let hits = [0, 1].map(|x| glossary.find(langs[x], &texts[x]));
    let terms = [0, 1].map(|x| known_terms(lexicon, x, langs[x], &texts[x]));
    for &(ns, ne) in &negs[s] {
        let end = scope_end(langs[s], &texts[s], ne);
        let mut tied: Vec<Tied> = Vec::new();
        for h in hits[s].iter().filter(|h| h.start >= ne && h.start < end) {
            let counterparts = hits[o]
                .iter()
                .filter(|g| g.entries.iter().any(|e| h.entries.binary_search(e).is_ok()))
                .map(|g| (g.start, g.end))
                .collect();
            tied.push(Tied { term: (h.start, h.end), counterparts, second: false });
        }
        tied.sort_by_key(|t| t.term);
        let (first, learned) = match tied.into_iter().find(|t| !t.counterparts.is_empty()) {
            Some(t) => (t, false),
            None => match learned_tie(lexicon, s, langs[s], &texts[s], &terms, ne, end) {
                Some(t) => (t, true),
                None => continue,
            },
        };
        // The counterpart must stand un-negated in a clause of its own text without
        // any negation: another clause of its sentence may negate something else
        // (`не участвуют …, и не поддерживают`). A negation the other text moved to
        // the end of the clause just before is a negation still (`不得依区域办法…` ↔
        // `никакие принудительные действия не предпринимаются, в силу этих
        // региональных соглашений`). A tie by the learned lexicon asks more: no
        // negation there even inside a fixed expression (`未经`), no word that forbids
        // in its own way (`воздержаться`), no negation inside the counterpart or its
        // neighbours (`недискриминационные`).
        let other = if learned { &all } else { &negs[o] };
        if first.counterparts.iter().any(|&(q, qe)| {
            negated(langs[o], &texts[o], other, q)
                || clause_negated(langs[o], &texts[o], other, q)
                || negation_ends_clause_before(langs[o], &texts[o], other, q)
                || (learned && (clause_prohibits(langs[o], &texts[o], q) || negative_word(langs[o], &texts[o], q, qe)))
        }) {
            continue;
        }
        let first = if learned {
            let Some(t) = learned_evidence(lexicon, s, langs, texts, &terms, &negs[s], first) else { continue };
            t
        } else {
            first
        };
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

/// The terms of a text the lexicon knows on side `s`, in order: byte offset, byte
/// end of the word (Russian) or bigram (Chinese), and id.
fn known_terms(lexicon: &Lexicon, s: usize, lang: Lang, text: &str) -> Vec<(usize, usize, u32)> {
    let spaced = !lang.profile().line_joiner.is_empty();
    let mut out = Vec::new();
    (lang.profile().review.terms)(text, &mut |at, t| {
        if let Some(id) = lexicon.id(s, t) {
            let end = if spaced { word_end(text, at) } else { at + t.len() };
            out.push((at, end, id));
        }
    });
    out
}

/// Where the word that starts at byte `at` ends.
fn word_end(text: &str, at: usize) -> usize {
    text[at..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |i| at + i)
}

/// The negation of side `s` that ends at byte `ne` (its scope ending at `end`), tied
/// by the learned lexicon: the word right after it, past up to three modals (`不得`,
/// `не должен`), when the lexicon links it to terms the other text writes.
fn learned_tie(
    lexicon: &Lexicon,
    s: usize,
    lang: Lang,
    text: &str,
    terms: &[Vec<(usize, usize, u32)>; 2],
    ne: usize,
    end: usize,
) -> Option<Tied> {
    let profile = lang.profile();
    let spaced = !profile.line_joiner.is_empty();
    let folded = profile.fold(text);
    if folded.len() != text.len() {
        return None;
    }
    let mut at = ne;
    for _ in 0..3 {
        at += folded[at..].len() - folded[at..].trim_start().len();
        if at >= end {
            return None;
        }
        let modal = if spaced {
            let w = &folded[at..word_end(&folded, at)];
            profile.review.modals.iter().find(|m| **m == w)
        } else {
            profile.review.modals.iter().filter(|m| folded[at..].starts_with(**m)).max_by_key(|m| m.len())
        };
        match modal {
            Some(m) => at += m.len(),
            None => break,
        }
    }
    // The word there, or the one after it when the lexicon links the first to nothing
    // (a verb the texts use once: `не затрагивает прав`). A first word linked to words
    // the other text does not write here is said otherwise there, maybe with the
    // negation inside (`不定期` ↔ `нерегулярные`): nothing to tie.
    for second in [false, true] {
        if at >= end {
            return None;
        }
        let next = if spaced {
            let e = word_end(&folded, at);
            e + folded[e..].find(char::is_alphanumeric).unwrap_or(folded.len() - e)
        } else {
            folded[at..].char_indices().nth(2).map_or(folded.len(), |(i, _)| at + i)
        };
        if let Some(&(_, term_end, id)) = terms[s].iter().find(|t| t.0 == at) {
            let links = lexicon.links(s, id);
            let counterparts: Vec<(usize, usize)> =
                terms[1 - s].iter().filter(|t| links.binary_search(&t.2).is_ok()).map(|t| (t.0, t.1)).collect();
            if !counterparts.is_empty() {
                return Some(Tied { term: (at, term_end), counterparts, second });
            }
            if !links.is_empty() {
                return None;
            }
        }
        at = next;
    }
    None
}

/// A tie by the learned lexicon kept as evidence, with only the counterparts whose
/// clause says what the negation's clause says: a link is statistical, so
/// - neither word may be a name (a capital inside a sentence: `弗` of `弗吉尼亚` is
///   no negation, `Западной` no verb);
/// - the negating text must not write the word, un-negated, as often as the other
///   writes its counterpart elsewhere in the unit (`без пассажиров для перевозки
///   пассажиров` ↔ `空驶…旅客`: the counterpart is the other occurrence's);
/// - the counterpart's clause must also hold the counterpart of another word of the
///   negation's clause (`不得投票` is not `поданы голоса девяти членов`).
fn learned_evidence(
    lexicon: &Lexicon,
    s: usize,
    langs: [Lang; 2],
    texts: &[String; 2],
    terms: &[Vec<(usize, usize, u32)>; 2],
    negs: &[(usize, usize)],
    tied: Tied,
) -> Option<Tied> {
    let o = 1 - s;
    let capital = |x: usize, at: usize| {
        !langs[x].profile().line_joiner.is_empty() && texts[x][at..].chars().next().is_some_and(char::is_uppercase)
    };
    if capital(s, tied.term.0) || tied.counterparts.iter().any(|&(q, _)| capital(o, q)) {
        return None;
    }
    let mut ids: Vec<u32> = terms[o].iter().filter(|t| tied.counterparts.contains(&(t.0, t.1))).map(|t| t.2).collect();
    ids.sort_unstable();
    ids.dedup();
    let links_to_counterpart = |id: u32| lexicon.links(s, id).iter().any(|l| ids.binary_search(l).is_ok());
    let unnegated = terms[s]
        .iter()
        .filter(|t| t.0 != tied.term.0 && links_to_counterpart(t.2) && !negated(langs[s], &texts[s], negs, t.0))
        .count();
    if unnegated >= tied.counterparts.len() {
        return None;
    }
    let (a0, a1) = clause_at(langs[s], &texts[s], tied.term.0);
    let own: Vec<u32> = terms[s]
        .iter()
        .filter(|t| t.0 >= a0 && t.0 < a1 && (t.0 >= tied.term.1 || t.1 <= tied.term.0) && !links_to_counterpart(t.2))
        .map(|t| t.2)
        .collect();
    let agrees = |q: usize| {
        let (b0, b1) = clause_at(langs[o], &texts[o], q);
        let mut there: Vec<u32> = terms[o].iter().filter(|t| t.0 >= b0 && t.0 < b1).map(|t| t.2).collect();
        there.sort_unstable();
        let shared = own.iter().filter(|&&id| lexicon.links(s, id).iter().any(|l| there.binary_search(l).is_ok()));
        shared.count() > usize::from(tied.second)
    };
    // A sentence of the other text that negates anything may hold the negation in
    // another clause (`不妨碍关系当事国之权利` ↔ `не должны наносить ущерба правам,
    // требованиям или положению заинтересованных сторон`).
    let sentence_negated = |q: usize| {
        let (b0, b1) = sentence_at(langs[o], &texts[o], q);
        !negations(langs[o], &texts[o][b0..b1], false).is_empty()
    };
    let counterparts: Vec<(usize, usize)> = tied.counterparts.iter().copied().filter(|&(q, _)| agrees(q)).collect();
    if counterparts.is_empty() || tied.counterparts.iter().any(|&(q, _)| sentence_negated(q)) {
        return None;
    }
    Some(Tied { term: tied.term, counterparts, second: tied.second })
}

/// Whether the clause around byte `q` holds a word that forbids or keeps from doing
/// without a negation (`воздерживаться`, `俾免`).
fn clause_prohibits(lang: Lang, text: &str, q: usize) -> bool {
    let profile = lang.profile();
    let (start, end) = clause_at(lang, text, q);
    let clause = profile.fold(&text[start..end]);
    let words = profile.review.prohibitions;
    if profile.line_joiner.is_empty() {
        return words.iter().any(|w| clause.contains(w));
    }
    clause.split(|c: char| !c.is_alphanumeric()).any(|word| words.iter().any(|w| word.starts_with(w)))
}

/// Whether the word at bytes `q..qe`, or a word just before or after it, carries a
/// negation inside it (`недискриминационные`, `нерегулируемому рыбному промыслу`,
/// `вотумом недоверия`).
fn negative_word(lang: Lang, text: &str, q: usize, qe: usize) -> bool {
    let prefixes = lang.profile().review.negative_prefixes;
    if prefixes.is_empty() {
        return false;
    }
    let before = text[..q].trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = before
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let after = text[qe..].trim_start_matches(|c: char| !c.is_alphanumeric());
    let after = &after[..after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len())];
    [&text[q..qe], &before[start..], after].iter().any(|w| {
        let w = lang.profile().fold(w);
        prefixes.iter().any(|p| w.starts_with(p))
    })
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

/// The byte span of the sentence around byte `q`: between stops and semicolons.
fn sentence_at(lang: Lang, text: &str, q: usize) -> (usize, usize) {
    let marks = lang.profile().marks;
    let is_break = |c: char| marks.stops.contains(&c) || marks.semicolons.contains(&c);
    let start = text[..q].rfind(is_break).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let end = text[q..].find(is_break).map_or(text.len(), |i| q + i);
    (start, end)
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
/// expressions that do not negate are taken out (with `fixed`; without, those inside
/// them too). A negative pronoun that agrees with a negation in its clause (Russian
/// `не … никаких`) is not counted again.
fn negations(lang: Lang, text: &str, fixed: bool) -> Vec<(usize, usize)> {
    let review = &lang.profile().review;
    let mut masked = lang.profile().fold(text);
    if masked.len() != text.len() {
        // Lowercasing changed the byte length: spans would not hold.
        return Vec::new();
    }
    for expr in review.not_negations.iter().filter(|_| fixed) {
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
