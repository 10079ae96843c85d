//! Dates and numbers of paired units.
//!
//! Dates are read as dates (day, month, year) by each language's profile and
//! compared as such, so that a day and month swapped (`7 июня` against `6月7日` …
//! `6 июля`) is named. The remaining numbers are compared by value, after taking out
//! what is not a count: the parts of dates already compared, a 2 that one text says
//! as "both" (`双方`, `обеих`), and digits glued to Latin letters (codes like `B68`).
//! Scale words are applied first (`10万` = `100 000`, `1000亿` = `100 млрд`).

use std::collections::BTreeMap;

use super::{Finding, Kind, Severity, lang_name, pair_refs};
use crate::align::{Alignment, Pair};
use crate::anchors;
use crate::lang::anchor::AnchorKind;
use crate::lang::{Date, Lang};
use crate::model::UnitKind;

/// Dates and numbers of every pair that has both sides.
pub(super) fn check(alignment: &Alignment, out: &mut Vec<Finding>) {
    let docs = alignment.docs;
    let names = [lang_name(docs[0]), lang_name(docs[1])];
    for (i, p) in alignment.pairs.iter().enumerate() {
        if p.sides[0].is_empty() || p.sides[1].is_empty() || headings_only(alignment, p) {
            continue;
        }
        let langs = [docs[0].lang, docs[1].lang];
        let texts = [p.text(0), p.text(1)];
        let dates = [0, 1].map(|s| (langs[s].profile().review.dates)(&texts[s]));
        let compared = compare_dates(&dates, names, p, i, out);
        let mut values = [0, 1].map(|s| values(langs[s], &texts[s]));
        // The parts of dates compared as dates are not compared again as numbers, nor
        // what the digits of a date written in them read as (`01.03.2025`: 1.03).
        for s in 0..2 {
            for d in dates[s].iter().filter(|_| compared) {
                for v in [d.year, Some(d.month), d.day].into_iter().flatten() {
                    values[s].remove(&v.to_string());
                }
                for v in anchors::numeric_values(langs[s], &d.text).keys() {
                    values[s].remove(v);
                }
            }
        }
        if values[0] == values[1] {
            continue;
        }
        let mut only = [0, 1].map(|s| anchors::missing_from(&values[s], &values[1 - s]));
        // A 2 said as "two" or "both" (`двух Сторон`, `обе`) where either text says
        // "both" (`双方`) is the "both"; a 2 in digits or an ordinal (`пункт 2`,
        // `第二款`) is a number all the same.
        if (0..2).any(|k| says_both(langs[k], &texts[k])) {
            for (s, o) in only.iter_mut().enumerate() {
                if two_in_words_only(langs[s], &texts[s]) {
                    o.retain(|v| v != "2");
                }
            }
        }
        if only[0].is_empty() && only[1].is_empty() {
            continue;
        }
        let list = |v: &[String]| if v.is_empty() { "nothing".to_string() } else { v.join(", ") };
        out.push(Finding {
            severity: Severity::Warning,
            kind: Kind::NumberMismatch,
            side: None,
            refs: pair_refs(p),
            message: format!(
                "numbers differ: only the {} text states {}; only the {} text states {}",
                names[0],
                list(&only[0]),
                names[1],
                list(&only[1])
            ),
            order: i,
        });
    }
}

/// Whether every unit of the pair is a heading (their numbers are the numbering's).
fn headings_only(alignment: &Alignment, p: &Pair) -> bool {
    (0..2).all(|s| {
        p.sides[s].iter().all(|seg| alignment.docs[s].unit(&seg.r#ref).is_some_and(|u| u.kind == UnitKind::Heading))
    })
}

/// Compares the dates of a pair where both sides state dates; returns whether they
/// were compared (so that their parts are not compared again as numbers).
fn compare_dates(dates: &[Vec<Date>; 2], names: [&str; 2], p: &Pair, order: usize, out: &mut Vec<Finding>) -> bool {
    if dates[0].is_empty() || dates[1].is_empty() {
        return false;
    }
    let key = |d: &Date| (d.year, d.month, d.day);
    let (mut only_a, mut only_b) = (dates[0].clone(), dates[1].clone());
    only_a.retain(|d| {
        if let Some(k) = only_b.iter().position(|e| key(e) == key(d)) {
            only_b.remove(k);
            false
        } else {
            true
        }
    });
    let rest = [only_a, only_b];
    if rest[0].is_empty() && rest[1].is_empty() {
        return true;
    }
    let show = |v: &[Date]| {
        if v.is_empty() { "no other date".to_string() } else { v.iter().map(spell).collect::<Vec<_>>().join(", ") }
    };
    let swapped = rest[0].iter().any(|a| {
        rest[1]
            .iter()
            .any(|b| a.year == b.year && a.day == Some(b.month) && b.day == Some(a.month) && a.month != b.month)
    });
    out.push(Finding {
        severity: Severity::Error,
        kind: Kind::DateMismatch,
        side: None,
        refs: pair_refs(p),
        message: format!(
            "dates differ: the {} text states {} («{}»), the {} text {} («{}»){}",
            names[0],
            show(&rest[0]),
            rest[0].iter().map(|d| d.text.as_str()).collect::<Vec<_>>().join("», «"),
            names[1],
            show(&rest[1]),
            rest[1].iter().map(|d| d.text.as_str()).collect::<Vec<_>>().join("», «"),
            if swapped { ": day and month are swapped" } else { "" }
        ),
        order,
    });
    true
}

/// A date for messages, day month year (`7 June 2002`).
fn spell(d: &Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS.get(d.month as usize - 1).copied().unwrap_or("?");
    [d.day.map(|x| x.to_string()), Some(month.to_string()), d.year.map(|x| x.to_string())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The numbers a text states, scaled by the scale words after them, without digits
/// glued to Latin letters.
fn values(lang: Lang, text: &str) -> BTreeMap<String, usize> {
    let mut values = anchors::numeric_values(lang, text);
    for (plain, scaled, scale) in scaled_numbers(lang, text) {
        values.remove(&plain);
        // The scale word is read as a number of its own too (`миллиардов`).
        values.remove(&scale.to_string());
        values.insert(scaled, 1);
    }
    for code in codes(text) {
        values.remove(&code);
    }
    values
}

/// Numbers in digits followed by a scale word: (the value as read, the value scaled,
/// the scale).
fn scaled_numbers(lang: Lang, text: &str) -> Vec<(String, String, u64)> {
    let scales = lang.profile().review.scales;
    let mut out = Vec::new();
    let mut digits = Vec::new();
    anchors::push_digit_numbers(text, lang.profile().decimal_comma, &mut digits);
    let mut from = 0;
    for a in digits {
        let Some(at) = text[from..].find(&a.text).map(|k| k + from) else { continue };
        from = at + a.text.len();
        let after = text[from..].trim_start();
        let Some(&(_, scale)) = scales.iter().find(|(w, _)| after.starts_with(w)) else { continue };
        // Scaled as a decimal: 1,5 млрд.
        let Ok(v) = a.value.parse::<f64>() else { continue };
        let scaled = v * scale as f64;
        if scaled.fract() == 0.0 && scaled < 1e18 {
            out.push((a.value, format!("{}", scaled as u64), scale));
        }
    }
    out
}

/// The digits of codes such as `B68` or `A4`: not numbers a translation states.
fn codes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev_latin = false;
    let mut current = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() && (prev_latin || !current.is_empty()) {
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            out.push(current.trim_start_matches('0').to_string());
            current.clear();
        }
        prev_latin = c.is_ascii_alphabetic();
    }
    if !current.is_empty() {
        out.push(current.trim_start_matches('0').to_string());
    }
    out
}

/// Whether every 2 a text states is said in a word (`двух`, `обе`, `两`, `вторую`),
/// none in digits or as the number of an article or a paragraph (`第二款`).
fn two_in_words_only(lang: Lang, text: &str) -> bool {
    (lang.profile().anchors)(text)
        .iter()
        .filter(|a| a.value == "2" && a.kind != AnchorKind::Latin)
        .all(|a| a.kind == AnchorKind::Number && !a.text.contains(char::is_numeric))
}

/// Whether a text says "both" in a word of its language.
fn says_both(lang: Lang, text: &str) -> bool {
    let lower = text.to_lowercase();
    let words = lang.profile().review.dual_words;
    if lang.profile().line_joiner.is_empty() {
        return words.iter().any(|w| lower.contains(w));
    }
    lower.split(|c: char| !c.is_alphanumeric()).any(|t| words.contains(&t))
}
