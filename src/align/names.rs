//! Names written in Latin letters in one text and transliterated into Cyrillic in
//! the other (`Joko Widodo` / `Джоко Видодо`, `Kavanaugh` / `Кавано`): news and
//! reports keep a foreign name in Latin letters in Chinese and transliterate it in
//! Russian. Both spellings are reduced to the same skeleton of consonants, and a
//! Cyrillic word whose skeleton is that of a Latin name of the other text becomes an
//! anchor both units share.

use super::model::{Features, key};
use crate::lang::Lang;

/// How many consonants of a skeleton make its key: enough to tell names apart, few
/// enough that a Russian case ending (`Голдсону`, `Халкеттом`) does not change it.
const KEY_CONSONANTS: usize = 3;

/// The skeleton of a Latin word: its consonants as they sound in a Russian
/// transliteration, doubled ones once, vowels and silent letters left out (`c`
/// stands for `ch` / `ч`).
fn latin_skeleton(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w
        .replace("sch", "sh")
        .replace("ch", "C")
        .replace("ph", "f")
        .replace("th", "t")
        .replace("gh", "")
        .replace("ck", "k")
        .replace("qu", "kv")
        .replace('x', "ks")
        .replace("ce", "se")
        .replace("ci", "si")
        .replace("cy", "sy");
    let mapped: String = w
        .chars()
        .map(|c| match c {
            'w' => 'v',
            'c' | 'q' => 'k',
            'C' => 'c',
            'z' => 's',
            other => other,
        })
        .collect();
    consonants(&mapped)
}

/// The skeleton of a Cyrillic word, as [`latin_skeleton`] makes that of a Latin one.
fn cyrillic_skeleton(word: &str) -> String {
    let w = word.to_lowercase();
    let mut out = String::new();
    let chars: Vec<char> = w.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // `Уи`, `Уо`, `Уэ` at the start render an English `W`.
        if i == 0 && c == 'у' && chars.get(1).is_some_and(|n| "иоэа".contains(*n)) {
            out.push('v');
            continue;
        }
        let s = match c {
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' if chars.get(i + 1) == Some(&'ж') => "j",
            'ж' if i > 0 && chars[i - 1] == 'д' => "",
            'д' => "d",
            'ж' => "zh",
            'з' | 'с' => "s",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'п' => "p",
            'р' => "r",
            'т' => "t",
            'ф' => "f",
            'х' => "h",
            'ц' => "ts",
            'ч' => "c",
            'ш' => "sh",
            'щ' => "shch",
            _ => "a",
        };
        out.push_str(s);
    }
    consonants(&out)
}

/// The consonants of a transliterated word, a run of the same one once.
fn consonants(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().filter(|c| c.is_ascii_lowercase() && !"aeiouy".contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The key of a skeleton, if it has consonants enough to be told apart.
fn skeleton_key(skeleton: &str) -> Option<String> {
    (skeleton.chars().count() >= 2).then(|| skeleton.chars().take(KEY_CONSONANTS).collect())
}

/// Capitalised words of at least three letters of one script.
fn capitalised(text: &str, latin: bool) -> impl Iterator<Item = &str> {
    let script = move |c: char| {
        if latin { c.is_ascii_alphabetic() } else { matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё') }
    };
    text.split(move |c: char| !script(c))
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
}

/// Adds the transliterated names the units of a Chinese and a Russian text share
/// to their anchors: a Latin name of a Chinese unit, and the Cyrillic words of
/// Russian units with the same skeleton ([`latin_skeleton`]).
pub(super) fn add_names(langs: [Lang; 2], texts: [&[&str]; 2], features: [&mut [Features]; 2]) {
    let Some(zh) = langs.iter().position(|&l| l == Lang::Zh) else { return };
    let ru = 1 - zh;
    if langs[ru] != Lang::Ru {
        return;
    }
    let [fa, fb] = features;
    let (fz, fr) = if zh == 0 { (fa, fb) } else { (fb, fa) };
    let latin: Vec<Vec<String>> = texts[zh]
        .iter()
        .map(|t| capitalised(t, true).filter_map(|w| skeleton_key(&latin_skeleton(w))).collect())
        .collect();
    let mut known: Vec<&String> = latin.iter().flatten().collect();
    if known.is_empty() {
        return;
    }
    known.sort_unstable();
    known.dedup();
    for (f, keys) in fz.iter_mut().zip(&latin) {
        add(f, keys.iter().map(String::as_str));
    }
    for (f, t) in fr.iter_mut().zip(texts[ru]) {
        let keys: Vec<String> = capitalised(t, false)
            .filter_map(|w| skeleton_key(&cyrillic_skeleton(w)))
            .filter(|k| known.binary_search(&k).is_ok())
            .collect();
        add(f, keys.iter().map(String::as_str));
    }
}

/// Adds name keys to a unit's anchors, keeping them sorted and counted.
fn add<'a>(f: &mut Features, names: impl Iterator<Item = &'a str>) {
    for name in names {
        let k = key('t', name);
        match f.anchors.binary_search_by_key(&k, |x| x.0) {
            Ok(i) => f.anchors[i].1 += 1,
            Err(i) => f.anchors.insert(i, (k, 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_cyrillic_spellings_meet() {
        for (l, c) in [
            ("Widodo", "Видодо"),
            ("Kavanaugh", "Кавано"),
            ("Joko", "Джоко"),
            ("Jones", "Джонс"),
            ("Worrall", "Уораллу"),
            ("Goldson", "Голдсону"),
            ("Halkett", "Халкетт"),
            ("Grayson", "Грейсон"),
            ("Blemmings", "Блеммингс"),
            ("Charles", "Чарльз"),
        ] {
            assert_eq!(skeleton_key(&latin_skeleton(l)), skeleton_key(&cyrillic_skeleton(c)), "{l} {c}");
        }
    }
}
