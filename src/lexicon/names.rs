//! Names of states in Chinese and Russian, shipped with the crate
//! (`data/states.tsv`: the short names of the Unicode CLDR, with the formal and
//! historical forms the UN Charter and the SCO treaty write).
//!
//! Chinese names are found as strings, longest first (`索马里` is not `马里`);
//! Russian names by the Snowball stems of their words, so that every case matches
//! (`Республику Таджикистан`, `Таджикистана`), and only capitalised (`того` is no
//! `Того`). A form two states share (`刚果`) names neither.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::lang::Lang;

const STATES: &str = include_str!("data/states.tsv");

/// A name found in a text: the state's code and the form written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Name {
    /// ISO 3166 code (`CN`), or `SU` for the Soviet Union.
    pub code: String,
    /// The words as the text writes them.
    pub text: String,
}

struct Tables {
    zh: AhoCorasick,
    zh_codes: Vec<String>,
    /// Russian forms as stem sequences, by their first stem.
    ru: BTreeMap<String, Vec<(Vec<String>, String)>>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut forms: [BTreeMap<String, BTreeSet<String>>; 2] = Default::default();
        for line in STATES.lines().filter(|l| !l.starts_with('#') && !l.starts_with("code\t")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [code, zh, ru, ..] = cols[..] else { continue };
            for (s, list) in [zh, ru].into_iter().enumerate() {
                for form in list.split('|').filter(|f| !f.is_empty()) {
                    let key = if s == 0 { form.to_string() } else { stems(form).join(" ") };
                    forms[s].entry(key).or_default().insert(code.to_string());
                }
            }
        }
        let unique = |m: &BTreeMap<String, BTreeSet<String>>| -> Vec<(String, String)> {
            m.iter().filter(|(_, c)| c.len() == 1).map(|(f, c)| (f.clone(), c.iter().next().unwrap().clone())).collect()
        };
        let zh = unique(&forms[0]);
        let mut ru: BTreeMap<String, Vec<(Vec<String>, String)>> = BTreeMap::new();
        for (form, code) in unique(&forms[1]) {
            let words: Vec<String> = form.split(' ').map(String::from).collect();
            ru.entry(words[0].clone()).or_default().push((words, code));
        }
        for list in ru.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        }
        Tables {
            zh: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(zh.iter().map(|x| x.0.as_str()))
                .expect("the state names build an automaton"),
            zh_codes: zh.into_iter().map(|x| x.1).collect(),
            ru,
        }
    })
}

/// Snowball stems of the words of a Russian text, lowercased, ё read as е.
fn stems(text: &str) -> Vec<String> {
    words(text).into_iter().map(|(_, _, s)| s).collect()
}

/// Words of a Russian text with their byte spans and stems.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = crate::lang::Lang::Ru.profile().fold(&text[s..i]);
                out.push((s, i, stemmer.stem(&w).into_owned()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The names of states a text writes, in text order.
pub fn find(lang: Lang, text: &str) -> Vec<Name> {
    let t = tables();
    match lang {
        Lang::Zh => {
            t.zh.find_iter(text)
                .map(|m| Name { code: t.zh_codes[m.pattern().as_usize()].clone(), text: text[m.range()].to_string() })
                .collect()
        }
        Lang::Ru => {
            let words = words(text);
            let mut out = Vec::new();
            let mut i = 0;
            while i < words.len() {
                let capital = text[words[i].0..].starts_with(|c: char| c.is_uppercase());
                let found = t.ru.get(&words[i].2).filter(|_| capital).and_then(|list| {
                    list.iter().find(|(stems, _)| {
                        stems.iter().enumerate().all(|(k, s)| words.get(i + k).is_some_and(|w| &w.2 == s))
                    })
                });
                match found {
                    Some((stems, code)) => {
                        let end = words[i + stems.len() - 1].1;
                        out.push(Name { code: code.clone(), text: text[words[i].0..end].to_string() });
                        i += stems.len();
                    }
                    None => i += 1,
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(lang: Lang, text: &str) -> Vec<String> {
        find(lang, text).into_iter().map(|n| n.code).collect()
    }

    #[test]
    fn names_in_every_case_and_form() {
        assert_eq!(codes(Lang::Zh, "塔吉克斯坦共和国代表"), ["TJ"]);
        assert_eq!(codes(Lang::Zh, "索马里和马里"), ["SO", "ML"]);
        assert_eq!(codes(Lang::Ru, "За Республику Таджикистан"), ["TJ"]);
        assert_eq!(codes(Lang::Ru, "Правительство Туркменистана"), ["TM"]);
        assert_eq!(codes(Lang::Ru, "Соединенного Королевства Великобритании и Северной Ирландии"), ["GB"]);
        assert_eq!(codes(Lang::Ru, "кроме того, Китайская Республика"), ["CN"]);
        assert_eq!(codes(Lang::Ru, "Союз Советских Социалистических Республик"), ["SU"]);
    }
}
