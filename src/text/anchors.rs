//! Anchors: what survives translation — numbers, dates, references, Latin words,
//! quoted titles. The aligner scores pairs by them and the checker compares them.
//!
//! Each language profile reads its own number words; this module holds what all
//! languages share: digits, Latin tokens and the comparison of two anchor sets.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::lang::Lang;
pub use crate::lang::anchor::{Anchor, AnchorKind, push_digit_numbers};

/// Reads the anchors of `text` in `lang`, Latin words included.
pub fn read(lang: Lang, text: &str) -> Vec<Anchor> {
    let mut out = (lang.profile().anchors)(text);
    push_latin_words(text, &mut out);
    push_punctuation(lang, text, &mut out);
    push_names(lang, text, &mut out);
    out
}

/// The profile's names of states a text contains, each state once ("Китайская
/// Народная Республика" and "Китай" are one name), in the profile's order, each with
/// the first of its forms the text contains.
fn push_names(lang: Lang, text: &str, out: &mut Vec<Anchor>) {
    let names = lang.profile().names;
    let (finder, which) = name_finder(lang);
    // (name, form) of each form found: sorted, the first of each name is its first form.
    let mut found: Vec<(u32, u32)> =
        finder.find_overlapping_iter(text).map(|m| which[m.pattern().as_usize()]).collect();
    found.sort_unstable();
    found.dedup_by_key(|x| x.0);
    for (name, form) in found {
        let (id, forms) = names[name as usize];
        out.push(Anchor { kind: AnchorKind::Name, value: id.to_string(), text: forms[form as usize].to_string() });
    }
}

/// An automaton of every form of every name of a language's profile, and the name
/// and form of each of its patterns.
type NameFinder = (AhoCorasick, Vec<(u32, u32)>);

/// The [`NameFinder`] of `lang`, built once.
fn name_finder(lang: Lang) -> &'static NameFinder {
    static FINDERS: PerLang<NameFinder> = [const { OnceLock::new() }; Lang::ALL.len()];
    once_per_lang(&FINDERS, lang, || {
        let names = lang.profile().names;
        let forms = names.iter().flat_map(|(_, forms)| forms.iter());
        let which = (0..names.len()).flat_map(|n| (0..names[n].1.len()).map(move |k| (n as u32, k as u32))).collect();
        (AhoCorasick::new(forms).expect("the names of states build an automaton"), which)
    })
}

/// Semicolons and colons, full-width or not, which translations keep — but not at
/// the very end, where conventions differ (a Chinese recital ends in `，`, a Russian
/// one in `;`).
fn push_punctuation(lang: Lang, text: &str, out: &mut Vec<Anchor>) {
    let marks = lang.profile().marks;
    let at_end = |c: char| {
        marks.semicolons.contains(&c)
            || marks.colons.contains(&c)
            || marks.commas.contains(&c)
            || marks.stops.contains(&c)
    };
    let body = text.trim_end().trim_end_matches(at_end);
    let (finder, values) = mark_finder(lang);
    for m in finder.find_iter(body) {
        let value = values[m.pattern().as_usize()];
        out.push(Anchor { kind: AnchorKind::Punctuation, value: value.into(), text: body[m.range()].to_string() });
    }
}

/// An automaton of a language's semicolons and colons, and the anchor value of each
/// (`;` or `:`): a text is scanned for them many bytes at a time, where reading it
/// character by character and asking each was most of the cost.
type MarkFinder = (AhoCorasick, Vec<&'static str>);

/// The [`MarkFinder`] of `lang`, built once.
fn mark_finder(lang: Lang) -> &'static MarkFinder {
    static FINDERS: PerLang<MarkFinder> = [const { OnceLock::new() }; Lang::ALL.len()];
    once_per_lang(&FINDERS, lang, || {
        let marks = lang.profile().marks;
        let found: Vec<(String, &'static str)> = (marks.semicolons.iter().map(|c| (c.to_string(), ";")))
            .chain(marks.colons.iter().map(|c| (c.to_string(), ":")))
            .collect();
        let finder = AhoCorasick::new(found.iter().map(|(mark, _)| mark)).expect("the marks build an automaton");
        (finder, found.into_iter().map(|(_, value)| value).collect())
    })
}

/// What is made once per language, in [`Lang::ALL`]'s order.
type PerLang<T> = [OnceLock<T>; Lang::ALL.len()];

/// `lang`'s slot of `slots`, made by `make` the first time.
fn once_per_lang<T>(slots: &'static PerLang<T>, lang: Lang, make: impl FnOnce() -> T) -> &'static T {
    let slot = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    slots[slot].get_or_init(make)
}

/// The numeric values a text states (numbers, dates, references), as a set (each
/// with a count of one).
///
/// A set, not a multiset: one text names the Second World War twice where the other
/// says "that war" the second time. The value 1 is left out: "one" is as often an
/// article or a pronoun ("缔约一方", "одной из Сторон") as a number.
pub fn numeric_values(lang: Lang, text: &str) -> BTreeMap<String, usize> {
    let mut values = BTreeMap::new();
    for a in (lang.profile().anchors)(text) {
        if matches!(a.kind, AnchorKind::Number | AnchorKind::Reference) && a.value != "1" {
            values.insert(a.value, 1);
        }
    }
    values
}

/// The values in `a` but not in `b`, with their counts, in value order.
pub fn missing_from(a: &BTreeMap<String, usize>, b: &BTreeMap<String, usize>) -> Vec<String> {
    let mut out = Vec::new();
    for (value, &n) in a {
        let m = b.get(value).copied().unwrap_or(0);
        for _ in m..n {
            out.push(value.clone());
        }
    }
    out
}

/// Reads words in Latin script of two or more letters, lowercased.
///
/// Read on the bytes: an ASCII letter is one byte, and no other character's bytes
/// are ASCII, so the words are the runs of ASCII letters among the bytes.
fn push_latin_words(text: &str, out: &mut Vec<Anchor>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i - start >= 2 {
            let word = &text[start..i];
            out.push(Anchor { kind: AnchorKind::Latin, value: word.to_ascii_lowercase(), text: word.to_string() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(text: &str, decimal_comma: bool) -> Vec<String> {
        let mut out = Vec::new();
        push_digit_numbers(text, decimal_comma, &mut out);
        out.into_iter().map(|a| a.value).collect()
    }

    #[test]
    fn digit_numbers() {
        assert_eq!(digits("第 30 天", false), ["30"]);
        assert_eq!(digits("１５日", false), ["15"]);
        assert_eq!(digits("3511.5米高地", false), ["3511.5"]);
        assert_eq!(digits("直角坐标X约为5 490 500", false), ["5490500"]);
        assert_eq!(digits("1,000,000.50", false), ["1000000.5"]);
        assert_eq!(digits("3511,5 м", true), ["3511.5"]);
        assert_eq!(digits("7 июня 2002 года", true), ["7", "2002"]);
        assert_eq!(digits("2030年,消除", false), ["2030"]);
        // Where the last number ends: at the end, before a separator, full-width.
        assert_eq!(digits("статьи 12 и 1 000", true), ["12", "1000"]);
        assert_eq!(digits("сумма 12 345, и всё", true), ["12345"]);
        assert_eq!(digits("сумма 12 34", true), ["12", "34"]);
        assert_eq!(digits("版本１２．５", false), ["12.5"]);
        assert_eq!(digits("１２，", false), ["12"]);
        assert_eq!(digits("3.", false), ["3"]);
        let mut out = Vec::new();
        push_digit_numbers("п. 5, с. 1 000 000 руб.", true, &mut out);
        let texts: Vec<&str> = out.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["5", "1 000 000"]);
        out.clear();
        push_digit_numbers("第１５条", false, &mut out);
        assert_eq!(out.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(), ["１５"]);
    }

    #[test]
    fn latin_words() {
        let mut out = Vec::new();
        push_latin_words("WTO и ООН, a UN-OECD ÄBc Ab1cd x", &mut out);
        let words: Vec<(&str, &str)> = out.iter().map(|a| (a.value.as_str(), a.text.as_str())).collect();
        assert_eq!(words, [("wto", "WTO"), ("un", "UN"), ("oecd", "OECD"), ("bc", "Bc"), ("ab", "Ab"), ("cd", "cd")]);
    }

    #[test]
    fn values_are_compared_as_multisets() {
        let zh = numeric_values(Lang::Zh, "本条约于二〇〇七年八月十六日在比什凯克签订，正本一份");
        let ru =
            numeric_values(Lang::Ru, "Совершено в городе Бишкеке 16 августа 2007 года в одном подлинном экземпляре");
        assert_eq!(zh, ru);
        let ru_changed = numeric_values(Lang::Ru, "Совершено 17 августа 2007 года");
        assert_eq!(missing_from(&zh, &ru_changed), ["16"]);
        assert_eq!(missing_from(&ru_changed, &zh), ["17"]);
    }
}
