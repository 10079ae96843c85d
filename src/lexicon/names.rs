//! Names of states in Chinese and Russian, shipped with the crate
//! (`data/states.tsv`: the short names of the Unicode CLDR, with the formal and
//! historical forms the UN Charter and the SCO treaty write).
//!
//! Chinese names are found as strings, longest first (`索马里` is not `马里`);
//! Russian names of more than one word by the Snowball stems of their words, so that
//! every case matches (`Республику Таджикистан`); of one word by their declension
//! (`Таджикистана`, `Дании`, not `Данные`); only capitalised (`того` is no `Того`). A
//! form two states share (`刚果`) names neither.
//!
//! Words made from a state's name (`российское законодательство`, `中方`) refer to
//! it without naming it ([`mentioned`], `data/state-words.tsv`): they answer a name
//! in the other text, and are not names the other text must answer.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::lang::Lang;

const STATES: &str = include_str!("data/states.tsv");
const STATE_WORDS: &str = include_str!("data/state-words.tsv");

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
    /// Russian forms of more than one word as stem sequences, by their first stem.
    ru: BTreeMap<String, Vec<RuForm>>,
    /// Russian forms of one word, by the stem of their declension.
    ru_words: BTreeMap<String, Vec<RuForm>>,
}

/// A Russian form of a state's name: of more than one word, matched by the Snowball
/// stems of its words; of one word, by its [`Declension`].
struct RuForm {
    stems: Vec<String>,
    code: String,
    declension: Option<Declension>,
}

/// How the words of a one-word name's declension are made. Stems alone take `Данные`
/// for `Дания` (`дан`), `Грузы` for `Грузия`, `Малые` for `Мали`.
struct Declension {
    /// How they begin (`дани` of `Дания`, `казахстан`).
    base: String,
    /// Whether the name is declined at all (`Того`, `Мали`, `Перу` are not).
    declined: bool,
    /// Whether the base alone is one of its words (`Казахстан`, not `Ливи` of `Ливия`).
    bare: bool,
}

/// The case endings of nouns, singular and plural: what may follow the stem of a
/// declined name (`Дани|и`, `Кита|ем`, `Казахстан|ом`, `Нидерланд|ах`).
const CASE_ENDINGS: [&str; 24] = [
    "", "а", "я", "ы", "и", "е", "у", "ю", "й", "ь", "ой", "ей", "ою", "ею", "ом", "ем", "ам", "ям", "ах", "ях", "ами",
    "ями", "ов", "ью",
];

/// Names of one word that are also words of the language and start sentences
/// (`Того же числа …`): there they name no state.
const COMMON_WORDS: [&str; 1] = ["того"];

impl RuForm {
    fn new(form: &str, code: String) -> RuForm {
        let stems = stems(form);
        let declension = (stems.len() == 1).then(|| {
            let name = Lang::Ru.profile().fold(form);
            let last = name.chars().last().unwrap_or(' ');
            let before = name.chars().rev().nth(1).unwrap_or(' ');
            if "оуеэю".contains(last) || (last == 'и' && !"аеиоуыэюя".contains(before)) {
                return Declension { base: name, declined: false, bare: true };
            }
            match ["я", "а", "й", "ь", "ы"].iter().find_map(|e| name.strip_suffix(e)) {
                Some(base) => Declension { base: base.to_string(), declined: true, bare: false },
                None => Declension { base: name, declined: true, bare: true },
            }
        });
        RuForm { stems, code, declension }
    }

    /// Whether the words from `i` on are this name: a name of more than one word by
    /// the stems of its words.
    fn at(&self, words: &[(usize, usize, String)], i: usize) -> bool {
        self.stems.iter().enumerate().all(|(k, s)| words.get(i + k).is_some_and(|w| &w.2 == s))
    }

    /// Whether `word` (folded) is a word of this name of one word, at byte `at` of `text`.
    fn is(&self, word: &str, text: &str, at: usize) -> bool {
        let Some(d) = &self.declension else { return false };
        let form = if d.declined {
            word.strip_prefix(d.base.as_str())
                .is_some_and(|rest| CASE_ENDINGS.contains(&rest) && (d.bare || !rest.is_empty()))
        } else {
            word == d.base
        };
        let starts_sentence = text[..at].trim_end().chars().last().is_none_or(|c| ".!?:;«\"(".contains(c));
        form && !(COMMON_WORDS.contains(&word) && starts_sentence)
    }
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut forms: [BTreeMap<String, BTreeSet<String>>; 2] = Default::default();
        // Each Russian form as written, under its stems.
        let mut written: BTreeSet<(String, String, String)> = BTreeSet::new();
        for line in STATES.lines().filter(|l| !l.starts_with('#') && !l.starts_with("code\t")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [code, zh, ru, ..] = cols[..] else { continue };
            for (s, list) in [zh, ru].into_iter().enumerate() {
                for form in list.split('|').filter(|f| !f.is_empty()) {
                    let key = if s == 0 { form.to_string() } else { stems(form).join(" ") };
                    if s == 1 {
                        written.insert((key.clone(), code.to_string(), form.to_string()));
                    }
                    forms[s].entry(key).or_default().insert(code.to_string());
                }
            }
        }
        let unique = |m: &BTreeMap<String, BTreeSet<String>>| -> Vec<(String, String)> {
            m.iter().filter(|(_, c)| c.len() == 1).map(|(f, c)| (f.clone(), c.iter().next().unwrap().clone())).collect()
        };
        let zh = unique(&forms[0]);
        let mut ru: BTreeMap<String, Vec<RuForm>> = BTreeMap::new();
        let mut ru_words: BTreeMap<String, Vec<RuForm>> = BTreeMap::new();
        for (key, code) in unique(&forms[1]) {
            for (_, _, form) in written.range((key.clone(), code.clone(), String::new())..).take_while(|w| w.0 == key) {
                let form = RuForm::new(form, code.clone());
                match &form.declension {
                    Some(d) => ru_words.entry(d.base.clone()).or_default().push(form),
                    None => ru.entry(form.stems[0].clone()).or_default().push(form),
                }
            }
        }
        for list in ru.values_mut() {
            list.sort_by(|a, b| {
                b.stems.len().cmp(&a.stems.len()).then_with(|| (&a.stems, &a.code).cmp(&(&b.stems, &b.code)))
            });
        }
        Tables {
            zh: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(zh.iter().map(|x| x.0.as_str()))
                .expect("the state names build an automaton"),
            zh_codes: zh.into_iter().map(|x| x.1).collect(),
            ru,
            ru_words,
        }
    })
}

/// The words that refer to states without naming them: Chinese forms, and the
/// beginnings of Russian words.
struct Mentions {
    zh: AhoCorasick,
    zh_codes: Vec<Vec<String>>,
    /// The beginning of a word (lower case, ё as е) and the states it refers to.
    ru: BTreeMap<String, BTreeSet<String>>,
}

/// The endings that make an adjective or a noun of a Russian name's stem:
/// `индонез|ийский`, `казахстан|ский`, `непал|ьский`, `бельг|иец`, `кита|ец`.
const RU_ENDINGS: [&str; 7] = ["ийск", "йск", "ьск", "ск", "иец", "ийц", "ец"];

/// What a Russian name of one word loses before [`RU_ENDINGS`]: `Россия` → `росс`.
const RU_NAME_ENDINGS: [&str; 10] = ["ия", "ья", "а", "я", "й", "ь", "ы", "о", "е", "и"];

fn mentions() -> &'static Mentions {
    static MENTIONS: OnceLock<Mentions> = OnceLock::new();
    MENTIONS.get_or_init(|| {
        let fold = |w: &str| Lang::Ru.profile().fold(w);
        let mut zh: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut ru: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for line in STATE_WORDS.lines().filter(|l| !l.starts_with('#') && !l.starts_with("code\t")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [code, zh_forms, ru_forms, ..] = cols[..] else { continue };
            for f in zh_forms.split('|').filter(|f| !f.is_empty()) {
                zh.entry(f.to_string()).or_default().insert(code.to_string());
            }
            for f in ru_forms.split('|').filter(|f| !f.is_empty()) {
                ru.entry(fold(f)).or_default().insert(code.to_string());
            }
        }
        for line in STATES.lines().filter(|l| !l.starts_with('#') && !l.starts_with("code\t")) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [code, _, ru_forms, ..] = cols[..] else { continue };
            for name in ru_forms.split('|').filter(|f| !f.contains([' ', '-', '.']) && !f.is_empty()) {
                let name = fold(name);
                let stem = RU_NAME_ENDINGS.iter().find_map(|e| name.strip_suffix(e)).unwrap_or(&name);
                if stem.chars().count() < 3 || stem.chars().all(|c| !c.is_lowercase()) {
                    continue;
                }
                for ending in RU_ENDINGS {
                    ru.entry(format!("{stem}{ending}")).or_default().insert(code.to_string());
                }
            }
        }
        Mentions {
            zh: AhoCorasick::new(zh.keys()).expect("the state words build an automaton"),
            zh_codes: zh.into_values().map(|c| c.into_iter().collect()).collect(),
            ru,
        }
    })
}

/// Whether a Chinese state's name that ends at byte `end` names a language or a
/// people instead (`蒙古文`, `朝鲜语`, `蒙古族`): a word made from it, as
/// `монгольском` is in Russian.
fn language(text: &str, end: usize) -> bool {
    text[end..].starts_with(['文', '语', '語', '族'])
}

/// The states a text refers to by words made from their names (`российский`,
/// `казахстанцы`, `中方`, `中俄`), in order of their codes.
pub fn mentioned(lang: Lang, text: &str) -> BTreeSet<String> {
    let m = mentions();
    let mut out = BTreeSet::new();
    match lang {
        Lang::Zh => {
            for hit in m.zh.find_overlapping_iter(text) {
                out.extend(m.zh_codes[hit.pattern().as_usize()].iter().cloned());
            }
            let t = tables();
            out.extend(
                t.zh.find_iter(text)
                    .filter(|h| language(text, h.end()))
                    .map(|h| t.zh_codes[h.pattern().as_usize()].clone()),
            );
        }
        Lang::Ru => {
            for (a, b, _) in words(text) {
                let word = Lang::Ru.profile().fold(&text[a..b]);
                for (end, _) in word.char_indices().skip(2) {
                    if let Some(codes) = m.ru.get(&word[..end]) {
                        out.extend(codes.iter().cloned());
                    }
                }
                if let Some(codes) = m.ru.get(&word) {
                    out.extend(codes.iter().cloned());
                }
            }
        }
    }
    out
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
                .filter(|m| !language(text, m.end()))
                .map(|m| Name { code: t.zh_codes[m.pattern().as_usize()].clone(), text: text[m.range()].to_string() })
                .collect()
        }
        Lang::Ru => {
            let words = words(text);
            let mut out = Vec::new();
            let mut i = 0;
            while i < words.len() {
                let capital = text[words[i].0..].starts_with(|c: char| c.is_uppercase());
                let found = capital.then(|| {
                    t.ru.get(&words[i].2).and_then(|list| list.iter().find(|form| form.at(&words, i))).or_else(|| {
                        let word = Lang::Ru.profile().fold(&text[words[i].0..words[i].1]);
                        CASE_ENDINGS
                            .iter()
                            .filter_map(|e| word.strip_suffix(e))
                            .find_map(|base| t.ru_words.get(base)?.iter().find(|form| form.is(&word, text, words[i].0)))
                    })
                });
                let found = found.flatten();
                match found {
                    Some(form) => {
                        let end = words[i + form.stems.len() - 1].1;
                        out.push(Name { code: form.code.clone(), text: text[words[i].0..end].to_string() });
                        i += form.stems.len();
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
        // The stem of Дания, Кения, Ливия, Грузия and Мали, not their forms.
        assert_eq!(codes(Lang::Ru, "Данные, Кенни, Ливи, Грузы, Малые"), Vec::<String>::new());
        assert_eq!(codes(Lang::Ru, "Того же числа Того и Мали"), ["TG", "ML"]);
        assert_eq!(codes(Lang::Ru, "Дании, Кению, Ливией, Китая, Китай"), ["DK", "KE", "LY", "CN", "CN"]);
    }

    fn mentioned_codes(lang: Lang, text: &str) -> Vec<String> {
        mentioned(lang, text).into_iter().collect()
    }

    #[test]
    fn words_made_from_names_refer_to_states() {
        assert_eq!(mentioned_codes(Lang::Ru, "в соответствии с российским законодательством"), ["RU"]);
        assert_eq!(mentioned_codes(Lang::Ru, "Китайская Сторона и казахстанские граждане"), ["CN", "KZ"]);
        // From the name alone: Индонезия → индонезийскими, Бельгия → бельгиец.
        assert_eq!(mentioned_codes(Lang::Ru, "между индонезийскими островами"), ["ID"]);
        assert_eq!(mentioned_codes(Lang::Ru, "забил бельгиец Эден Азар"), ["BE"]);
        // Австрия is not the beginning of австралийский.
        assert_eq!(mentioned_codes(Lang::Ru, "австралийский"), ["AU"]);
        assert_eq!(mentioned_codes(Lang::Ru, "Стороны осуществляют сотрудничество"), Vec::<String>::new());
        assert_eq!(mentioned_codes(Lang::Zh, "中俄两国和俄方"), ["CN", "RU"]);
        assert_eq!(mentioned_codes(Lang::Zh, "双方"), Vec::<String>::new());
        // Languages: 蒙古文 is no name of Mongolia, but answers `монгольском`.
        assert_eq!(codes(Lang::Zh, "用中文、蒙古文和俄文写成"), Vec::<String>::new());
        assert_eq!(mentioned_codes(Lang::Zh, "用中文、蒙古文和俄文写成"), ["MN"]);
    }
}
