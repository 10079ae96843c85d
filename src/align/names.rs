//! Names written in Latin letters in one text and transliterated into Cyrillic in
//! the other (`Joko Widodo` / `Джоко Видодо`, `Kavanaugh` / `Кавано`): news and
//! reports keep a foreign name in Latin letters in Chinese and transliterate it in
//! Russian. Both spellings are reduced to the same skeleton of consonants, and a
//! Cyrillic word whose skeleton is that of a Latin name of the other text becomes an
//! anchor both units share.

use rustc_hash::FxHashMap;

use super::model::{Features, key};
use crate::lang::Lang;
use crate::lang::chars::lower_char;

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
    let mut out = String::new();
    let chars: Vec<char> = word.chars().map(lower_char).collect();
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

/// Capitalised words of at least three letters of one script: Latin (ASCII) or the
/// Russian alphabet.
///
/// Read on the bytes, by hand: every unit of both texts is read so, for the few
/// names in them. In UTF-8 an ASCII letter is one byte below 0x80 and a letter of the
/// Russian alphabet two bytes led by 0xD0 or 0xD1, which no other character's bytes
/// can be mistaken for.
fn capitalised(text: &str, latin: bool) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // The length in bytes of the script's letter at `i` (0 if none there), and
    // whether it is a capital.
    let letter = move |i: usize| -> (usize, bool) {
        let b = bytes[i];
        if latin {
            return if b.is_ascii_alphabetic() { (1, b.is_ascii_uppercase()) } else { (0, false) };
        }
        match (b, bytes.get(i + 1)) {
            // Ё, А–Я, а–п
            (0xD0, Some(&c)) if c == 0x81 || (0x90..=0xBF).contains(&c) => (2, c <= 0xAF),
            // р–я, ё
            (0xD1, Some(&c)) if (0x80..=0x8F).contains(&c) || c == 0x91 => (2, false),
            _ => (0, false),
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (len, upper) = letter(i);
            if len == 0 {
                i += 1;
                continue;
            }
            let (start, mut count) = (i, 0);
            let mut step = len;
            while step > 0 {
                (i, count) = (i + step, count + 1);
                step = if i < bytes.len() { letter(i).0 } else { 0 };
            }
            if count >= 3 && upper {
                return Some(&text[start..i]);
            }
        }
        None
    })
}

/// The names the units of a Chinese and a Russian text share, as anchor keys to add
/// to each unit: read from the texts alone ([`Names::read`]), so that they are read
/// while the units' own anchors are, then added to them ([`Names::add_to`]).
pub(super) struct Names<'t> {
    /// Which of the two texts is the Chinese one.
    zh: usize,
    /// The keys of the names transcribed into characters in the Chinese text and
    /// into Cyrillic letters in the Russian one, of each unit of each.
    transcribed: [Vec<Vec<u64>>; 2],
    /// The Latin words of each Chinese unit that the Russian text writes in
    /// Cyrillic letters, with their key, and the keys of those Cyrillic words in each
    /// Russian unit.
    latin: Vec<Vec<(&'t str, u64)>>,
    cyrillic: Vec<Vec<u64>>,
}

impl<'t> Names<'t> {
    /// The transliterated names the units of a Chinese and a Russian text share: a
    /// Latin name of a Chinese unit, and the Cyrillic words of Russian units with the
    /// same skeleton ([`latin_skeleton`]); and the names both transcribe
    /// ([`transcribed`]). Keys are compared as the anchor keys they become
    /// (`key('t', skeleton)`), not as strings. `None` unless the texts are Chinese
    /// and Russian.
    pub(super) fn read(langs: [Lang; 2], texts: [&[&'t str]; 2]) -> Option<Names<'t>> {
        let zh = langs.iter().position(|&l| l == Lang::Zh)?;
        let ru = 1 - zh;
        if langs[ru] != Lang::Ru {
            return None;
        }
        // The capitalised words of each Russian unit, read once for both kinds of names.
        let words: Vec<Vec<&str>> = texts[ru].iter().map(|t| capitalised(t, false).collect()).collect();
        let transcribed = transcribed(texts[zh], &words);
        let mut latin: Vec<Vec<(&str, u64)>> = texts[zh]
            .iter()
            .map(|t| {
                capitalised(t, true).filter_map(|w| Some((w, key('t', &skeleton_key(&latin_skeleton(w))?)))).collect()
            })
            .collect();
        let known = sorted_keys(latin.iter().map(|names| names.iter().map(|&(_, k)| k)));
        let cyrillic: Vec<Vec<u64>> = if known.is_empty() {
            Vec::new()
        } else {
            words
                .iter()
                .map(|words| {
                    words
                        .iter()
                        .filter_map(|w| skeleton_key(&cyrillic_skeleton(w)))
                        .map(|k| key('t', &k))
                        .filter(|k| known.binary_search(k).is_ok())
                        .collect()
                })
                .collect()
        };
        let found = sorted_keys(cyrillic.iter().map(|keys| keys.iter().copied()));
        for names in &mut latin {
            names.retain(|(_, k)| found.binary_search(k).is_ok());
        }
        Some(Names { zh, transcribed, latin, cyrillic })
    }

    /// Adds the names to the anchors of the units of the two texts, in the order the
    /// texts were read in.
    pub(super) fn add_to(self, features: [&mut [Features]; 2]) {
        let [fa, fb] = features;
        let (fz, fr) = if self.zh == 0 { (fa, fb) } else { (fb, fa) };
        let [tz, tr] = &self.transcribed;
        for (f, keys) in fz.iter_mut().zip(tz).chain(fr.iter_mut().zip(tr)) {
            keys.iter().for_each(|&k| add_key(f, k));
        }
        // A Latin name the Russian text writes in Cyrillic is one anchor, its
        // skeleton, not also a Latin word the Russian text lacks.
        for (f, names) in fz.iter_mut().zip(&self.latin) {
            for &(word, k) in names {
                remove(f, key('l', &word.to_ascii_lowercase()));
                add_key(f, k);
            }
        }
        for (f, keys) in fr.iter_mut().zip(&self.cyrillic) {
            keys.iter().for_each(|&k| add_key(f, k));
        }
    }
}

/// Takes one count of anchor `k` from a unit's anchors, if it has it.
fn remove(f: &mut Features, k: u64) {
    if let Ok(i) = f.anchors.binary_search_by_key(&k, |x| x.0) {
        if f.anchors[i].1 > 1 {
            f.anchors[i].1 -= 1;
        } else {
            f.anchors.remove(i);
        }
    }
}

/// How many anchors a name both texts have counts as: a name in two units is
/// surer evidence that they translate each other than a number or a mark. On the
/// NTREX documents (`tests/synth.rs`, three seeds, before the everyday words), two
/// against one raised F1 of each document alone with one line in five damaged with
/// every seed (0.960, 0.962, 0.950 to 0.962, 0.969, 0.952), left it as it was aligned
/// together, and lowered it by up to 0.003 as one pair of files with one in ten.
const NAME_WEIGHT: u32 = 2;

/// Adds a name's key to a unit's anchors, as [`NAME_WEIGHT`] anchors, keeping them
/// sorted.
fn add_key(f: &mut Features, k: u64) {
    match f.anchors.binary_search_by_key(&k, |x| x.0) {
        Ok(i) => f.anchors[i].1 += NAME_WEIGHT,
        Err(i) => f.anchors.insert(i, (k, NAME_WEIGHT)),
    }
}

/// The characters Chinese uses to transcribe foreign names, each with the syllable it
/// stands for (in pinyin, except where a transcription reads it otherwise: 加 `ka`,
/// as in 加拿大 / Канада): those of the syllable tables for transcribing names into
/// Chinese (Xinhua's), without the rarer ones.
const TRANSCRIBING: &str = "阿a 埃ai 艾ai 爱ai 安an 昂ang 奥ao 巴ba 拜bai 班ban 邦bang 保bao 鲍bao 堡bao 贝bei 本ben 比bi 彼bi 毕bi 宾bin 波bo 伯bo 博bo 柏bo 布bu \
    茨ci 查cha 达da 戴dai 黛dai 丹dan 道dao 德de 登deng 迪di 蒂di 丁ding 杜du 顿dun 敦dun 多duo 厄e 俄e 恩en 尔er \
    法fa 范fan 菲fei 费fei 芬fen 丰feng 夫fu 弗fu 福fu 富fu 盖gai 甘gan 冈gang 戈ge 格ge 根gen 贡gong 古gu \
    哈ha 海hai 汉han 豪hao 赫he 亨heng 洪hong 胡hu 霍huo 基ji 吉ji 加ka 贾jia 杰jie 捷jie 金jin 琼qiong \
    卡ka 凯kai 坎kan 康kang 考kao 柯ke 科ke 克ke 肯ken 孔kong 库ku 夸kua 奎kui 昆kun \
    拉la 莱lai 赖lai 兰lan 朗lang 劳lao 勒le 雷lei 蕾lei 里li 利li 莉li 列lie 林lin 琳lin 龙long 隆long 卢lu 鲁lu 路lu 露lu 伦lun 罗luo 洛luo \
    马ma 玛ma 麦mai 迈mai 曼man 梅mei 门men 蒙meng 米mi 密mi 明ming 莫mo 墨mo 默mo 姆mu 穆mu \
    纳na 娜na 那na 拿na 奈nai 南nan 内nei 妮ni 尼ni 宁ning 纽niu 努nu 诺nuo 欧ou \
    帕pa 潘pan 佩pei 彭peng 皮pi 珀po 普pu 齐qi 奇qi 琪qi 契qi 恰qia 乔qiao 切qie 丘qiu \
    萨sa 塞sai 桑sang 瑟se 森sen 沙sha 莎sha 申shen 圣sheng 盛sheng 施shi 什shi 史shi 舒shu 斯si 丝si 松song 苏su 索suo \
    塔ta 泰tai 坦tan 汤tang 唐tang 特te 廷ting 汀ting 图tu 托tuo 瓦wa 娃wa 万wan 旺wang 威wei 韦wei 维wei 薇wei 温wen 文wen 沃wo 乌wu \
    西xi 希xi 谢xie 辛xin 休xiu 雅ya 亚ya 扬yang 耶ye 叶ye 伊yi 易yi 因yin 英ying 尤you 约yue \
    扎zha 泽ze 詹zhan 兹zi 卓zhuo 佐zuo 宗zong 祖zu";

/// The sound classes of a syllable of [`TRANSCRIBING`]: its initial consonant's class
/// and `n` if it ends in a nasal. Classes join what transcription confuses: `l` and
/// `r`, `m` and `n`, voiced and voiceless, the hissing sounds (`s`), `f`, `v` and
/// `w` (`v`), `g`, `k` and `h` (`k`).
fn syllable_classes(syllable: &str, out: &mut String) {
    let initial = match syllable.as_bytes() {
        [b'z' | b'c' | b's', b'h', ..] => Some('s'),
        [b'w', b'u'] => None,
        [c, ..] => match c {
            b'b' | b'p' => Some('p'),
            b'm' | b'n' => Some('n'),
            b'f' | b'w' => Some('v'),
            b'd' | b't' => Some('t'),
            b'g' | b'k' | b'h' => Some('k'),
            b'j' | b'q' | b'x' | b'z' | b'c' | b's' => Some('s'),
            b'l' | b'r' => Some('l'),
            _ => None,
        },
        [] => None,
    };
    out.extend(initial);
    if syllable == "er" {
        out.push('l');
    } else if syllable.len() > 1 && (syllable.ends_with('n') || syllable.ends_with("ng")) {
        out.push('n');
    }
}

/// The sound classes of a Cyrillic word, as [`syllable_classes`] makes them.
fn cyrillic_classes(word: &str) -> String {
    let mut out = String::new();
    let mut chars = word.chars().map(lower_char).peekable();
    while let Some(c) = chars.next() {
        out.extend(match c {
            'д' if chars.peek() == Some(&'ж') => None,
            'б' | 'п' => Some('p'),
            'в' | 'ф' => Some('v'),
            'г' | 'к' | 'х' => Some('k'),
            'д' | 'т' => Some('t'),
            'ж' | 'з' | 'с' | 'ц' | 'ч' | 'ш' | 'щ' => Some('s'),
            'л' | 'р' => Some('l'),
            'м' | 'н' => Some('n'),
            _ => None,
        });
    }
    out
}

/// A run of classes with each repeated class once, if it has enough classes to tell
/// a name.
fn class_key(classes: &str) -> Option<String> {
    let mut out = String::new();
    for c in classes.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    (out.len() >= MIN_CLASSES).then_some(out)
}

/// How many sound classes a transcribed name must have to be matched.
const MIN_CLASSES: usize = 3;

/// The keys of the names a Chinese text may transcribe: runs of two or more
/// [`TRANSCRIBING`] characters, a name's parts (`克里斯汀·布莱西·福特`) each a run.
fn chinese_transcriptions(text: &str) -> Vec<String> {
    // The syllables, and for each character of the CJK block, 1 + the index of its
    // syllable (0 for none): every character of a Chinese text is looked up.
    static TABLE: std::sync::LazyLock<(Vec<&'static str>, Vec<u16>)> = std::sync::LazyLock::new(|| {
        let mut syllables = Vec::new();
        let mut index = vec![0u16; CJK.end() - CJK.start() + 1];
        for e in TRANSCRIBING.split_whitespace() {
            let Some(c) = e.chars().next().filter(|c| CJK.contains(&(*c as usize))) else { continue };
            syllables.push(&e[c.len_utf8()..]);
            index[c as usize - CJK.start()] = syllables.len() as u16;
        }
        (syllables, index)
    });
    const CJK: std::ops::RangeInclusive<usize> = 0x4E00..=0x9FFF;
    let syllable = |c: char| {
        let at = (c as usize).checked_sub(*CJK.start()).and_then(|k| TABLE.1.get(k)).copied().unwrap_or(0);
        (at > 0).then(|| TABLE.0[at as usize - 1])
    };
    let mut keys = Vec::new();
    let (mut classes, mut run) = (String::new(), 0);
    for c in text.chars().chain(std::iter::once(' ')) {
        match syllable(c) {
            Some(s) => {
                syllable_classes(s, &mut classes);
                run += 1;
            }
            None => {
                if run >= 2 {
                    keys.extend(class_key(&classes));
                }
                classes.clear();
                run = 0;
            }
        }
    }
    keys
}

/// The keys of a capitalised Cyrillic word: of the word, and of it without a case
/// ending (`Трампом`).
fn cyrillic_transcriptions(word: &str) -> impl Iterator<Item = String> {
    const ENDINGS: [&str; 15] =
        ["ами", "ями", "ого", "его", "ому", "ему", "ом", "ем", "ой", "ей", "ым", "им", "ах", "ях", "ую"];
    let stem = ENDINGS.iter().find_map(|e| word.strip_suffix(e)).filter(|s| s.chars().count() >= 3);
    let whole = class_key(&cyrillic_classes(word));
    let cut = stem.and_then(|s| class_key(&cyrillic_classes(s))).filter(|k| Some(k) != whole.as_ref());
    whole.into_iter().chain(cut)
}

/// The keys of all units, sorted, each once.
fn sorted_keys(units: impl Iterator<Item = impl Iterator<Item = u64>>) -> Vec<u64> {
    let mut all: Vec<u64> = units.flatten().collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The keys of the names one text transcribes into characters and the other into
/// Cyrillic letters (特朗普 / Трамп, 克伦威尔 / Кромвель), of each unit of the Chinese
/// text (`texts`) and of the Russian one (its capitalised `words`): both reduced to
/// classes of sounds, a key both texts have is an anchor of the units that have it.
fn transcribed(texts: &[&str], words: &[Vec<&str>]) -> [Vec<Vec<u64>>; 2] {
    let mut zh: Vec<Vec<u64>> =
        texts.iter().map(|t| chinese_transcriptions(t).iter().map(|k| key('z', k)).collect()).collect();
    if zh.iter().all(Vec::is_empty) {
        return [Vec::new(), Vec::new()];
    }
    // A text repeats its capitalised words: each word's keys are made once.
    let mut made: FxHashMap<&str, Vec<u64>> = FxHashMap::default();
    let mut ru: Vec<Vec<u64>> = words
        .iter()
        .map(|words| {
            let mut keys = Vec::new();
            for &w in words {
                let of = made.entry(w).or_insert_with(|| cyrillic_transcriptions(w).map(|k| key('z', &k)).collect());
                keys.extend_from_slice(of);
            }
            keys
        })
        .collect();
    let (in_zh, in_ru) =
        (sorted_keys(zh.iter().map(|k| k.iter().copied())), sorted_keys(ru.iter().map(|k| k.iter().copied())));
    for (keys, other) in [(&mut zh, &in_ru), (&mut ru, &in_zh)] {
        for keys in keys.iter_mut() {
            keys.retain(|k| other.binary_search(k).is_ok());
        }
    }
    [zh, ru]
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

    #[test]
    fn capitalised_words_are_those_of_their_script() {
        let text = "Ёлкин и Иванов встретили Jones (ABC) в Москве-Сити; Ян, Wu, ПутинЪ, Ärger, élan Ёж!";
        let words = |latin| capitalised(text, latin).collect::<Vec<_>>();
        assert_eq!(words(false), ["Ёлкин", "Иванов", "Москве", "Сити", "ПутинЪ"]);
        assert_eq!(words(true), ["Jones", "ABC"]);
    }

    #[test]
    fn chinese_and_cyrillic_transcriptions_meet() {
        for (zh, ru) in [
            ("特朗普", "Трампом"),
            ("卡瓦诺", "Кавано"),
            ("伊万诺夫", "Иванов"),
            ("克伦威尔", "Кромвель"),
            ("在柏林", "Берлин"),
            ("克里斯汀·布莱西", "Кристины"),
            ("路易斯安那", "Луизиана"),
            ("亚利桑那", "Аризона"),
            ("加泰罗尼亚", "Каталония"),
            ("纳扎尔巴耶夫", "Назарбаев"),
        ] {
            let z = chinese_transcriptions(zh);
            assert!(cyrillic_transcriptions(ru).any(|k| z.contains(&k)), "{zh} {z:?} {ru}");
        }
    }
}
