//! The Russian profile: Cyrillic, windows-1251/KOI8-R/IBM866, `Статья 1`, `1.`, `а)`,
//! and the number words Russian treaties write where Chinese writes numerals.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use compact_str::{CompactString, format_compact};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::anchor::{Anchor, AnchorKind, push_digit_numbers};
use super::chars;
use super::{
    Date, HeadingLevel, HeadingMatch, LabelMatch, Marks, Profile, Review, is_digit, parse_digits, parse_roman,
};

pub(super) static PROFILE: Profile = Profile {
    code: "ru",
    name: "Russian",
    script: "Cyrillic",
    tmx_tag: "ru-RU",
    css: "hyphens:auto",
    is_script_char: is_cyrillic,
    tld_hint: b"ru",
    legacy_encodings: &["windows-1251", "koi8-r", "ibm866"],
    encoding_labels: &["windows-1251", "cp1251", "koi8-r", "cp866"],
    line_joiner: " ",
    sentence_enders: &['.', '!', '?', '…'],
    sentence_cuts: &['.', '!', '?', '…'],
    clause_enders: &['.', '!', '?', '…', ',', ';', ':', '»', '"', ')'],
    marks: Marks {
        semicolons: &[';'],
        colons: &[':'],
        commas: &[','],
        enumeration: &[],
        stops: &['.'],
        exclamations: &['!', '?'],
    },
    has_case: true,
    decimal_comma: true,
    max_wrap_width: 130,
    recital_openers: &[
        "принимая во внимание",
        "признавая",
        "учитывая",
        "будучи",
        "подтверждая",
        "стремясь",
        "руководствуясь",
        "считая",
        "отмечая",
        "желая",
        "подчеркивая",
        "подчёркивая",
        "исполненные решимости",
        "исходя из",
        "сознавая",
        "напоминая",
        "ссылаясь",
        "выражая",
        "приветствуя",
        "убежденные",
        "убеждённые",
        "полагая",
        "основываясь",
        "придавая",
        "преисполненные",
        "констатируя",
        "согласились",
        "договорились",
    ],
    title_words: &[
        "договор",
        "конвенци",
        "устав",
        "соглашени",
        "протокол",
        "декларац",
        "резолюц",
        "хартия",
        "хартии",
        "меморандум",
        "заявлени",
        "положени",
        "пакт",
        "статут",
        "кодекс",
        "закон",
        "правила",
        "повестк",
        "коммюнике",
        "решени",
        // `Информационное сообщение по итогам …` (新闻公报), a concept.
        "информационное сообщение",
        "концепци",
    ],
    page_number_words: (&["стр.", "страница", "с.", "page"], &[]),
    page_total_words: &["из"],
    stamps: &["проект", "draft"],
    numeral_chars: "",
    folds: &[('ё', 'е')],
    bullet_before_text_is_markup: false,
    hyphen_keep: (&["либо", "нибудь", "то", "ка", "таки"], &["член"]),
    // Adjectives in the linking form (`научно-`, `военно-`, `русско-`, `торгово-`);
    // prefixes that are written solid (`взаимо-`, `регио-` as a syllable) end otherwise.
    compound_first_endings: &["но", "ско", "цко", "ово", "ево"],
    heading,
    label,
    is_closing,
    is_signature,
    protocols: &["протокол", "дополнительный протокол"],
    signature_rests: &["(подпись)", "(подписано)"],
    ends_open,
    abbreviations: &[
        "г", "гг", "ст", "стст", "п", "пп", "ч", "подп", "см", "т", "е", "д", "англ", "рус", "кит", "др", "пр", "тыс",
        "млн", "млрд", "руб", "с", "им", "напр", "т.е", "т.д", "т.п", "т.ч", "др", "проф", "акад", "гос", "о", "ул",
    ],
    anchors,
    names: &[
        ("china", &["Китай", "КНР"]),
        ("russia", &["Росси", "Советских Социалистических"]),
        ("kazakhstan", &["Казахстан"]),
        ("kyrgyzstan", &["Кыргыз", "Киргиз"]),
        ("tajikistan", &["Таджикистан"]),
        ("uzbekistan", &["Узбекистан"]),
        ("turkmenistan", &["Туркменистан"]),
        ("mongolia", &["Монгол"]),
        ("india", &["Индия", "Индии", "Индию", "Индией", "Индийск"]),
        ("pakistan", &["Пакистан"]),
        ("iran", &["Иран"]),
        ("afghanistan", &["Афганистан"]),
        ("usa", &["Соединенных Штатов", "Соединенные Штаты", "Соединенным Штатам", "США"]),
        ("uk", &["Великобритани", "Соединенное Королевство", "Соединенного Королевства", "Соединенным Королевством"]),
        ("france", &["Франци"]),
    ],
    review: REVIEW,
};

/// Whether `c` is a Cyrillic letter.
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// Feminine, masculine and neuter ordinal words up to the twenties, as article
/// headings spell them (`Статья первая`), mapped to their value. The stem is matched
/// with any adjective ending.
const ORDINAL_STEMS: &[(&str, u32)] = &[
    ("перв", 1),
    ("втор", 2),
    ("трет", 3),
    ("четверт", 4),
    ("четвёрт", 4),
    ("пят", 5),
    ("шест", 6),
    ("седьм", 7),
    ("восьм", 8),
    ("девят", 9),
    ("десят", 10),
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
    ("сороков", 40),
    ("пятидесят", 50),
    ("шестидесят", 60),
    ("семидесят", 70),
    ("восьмидесят", 80),
    ("девяност", 90),
    ("сот", 100),
    ("тысячн", 1000),
];

const ADJECTIVE_ENDINGS: &[&str] = &[
    "ый", "ой", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ую",
    "юю", "ых", "их", "ыми", "ими", "ья", "ье", "ьи", "ьего", "ьему", "ьим", "ьем", "ью", "ьих", "ьими", "ьей", "ьею",
];

fn ordinal_value(word: &str) -> Option<u32> {
    let mut lower = String::new();
    chars::lowercase_into(word, &mut lower);
    ordinal_of_lower(&lower)
}

/// [`ordinal_value`] of a lowercase word: the word less each adjective ending it
/// ends with, looked up among the stems. Longest stem first, so that пятнадцат is
/// not read as пят; "третий" has the ending -ий on the stem трет, "сотый" is сот +
/// ый; a word that merely shares a stem ("пятно") has no adjective ending.
fn ordinal_of_lower(lower: &str) -> Option<u32> {
    let words = number_words();
    if !may_start_with(lower, &words.ordinal_starts, words.shortest_ordinal) {
        return None;
    }
    let mut best: Option<(usize, u32)> = None;
    // Every place an ending of the list could start, the nearest the end first.
    for (cut, _) in lower.char_indices().rev().take(words.longest_ending) {
        let (stem, ending) = lower.split_at(cut);
        if words.endings.contains(ending)
            && let Some(&value) = words.ordinal_stems.get(stem)
            && best.is_none_or(|(len, _)| stem.len() > len)
        {
            best = Some((stem.len(), value));
        }
    }
    best.map(|(_, v)| v)
}

/// The number words of this profile in hashed tables, so that reading a word costs
/// a few lookups instead of a pass over every form. The tables hash with rustc-hash
/// (FxHash): their keys are a few bytes long, and nothing hostile chooses them.
struct NumberWords {
    /// [`ORDINAL_STEMS`] by stem.
    ordinal_stems: HashMap<&'static str, u32>,
    /// [`ADJECTIVE_ENDINGS`], and the length in characters of the longest.
    endings: HashSet<&'static str>,
    longest_ending: usize,
    /// The first letters of [`ORDINAL_STEMS`], and the length in bytes of the shortest
    /// stem and ending together: no other word is an ordinal.
    ordinal_starts: Vec<char>,
    shortest_ordinal: usize,
    /// Every form of [`CARDINALS`], with its place in that list (the first place
    /// where a form is listed twice) and its value.
    cardinals: HashMap<&'static str, (usize, u32)>,
    /// [`MONTHS`] by name, with the month's number.
    months: HashMap<&'static str, u32>,
    /// Finds the heads of compound adjectives ([`COMPOUND_HEADS`]) in a word.
    heads: AhoCorasick,
    /// The first letters of the forms of [`CARDINALS`], and the length in bytes of
    /// the shortest form and head together: no other word is a compound.
    compound_starts: Vec<char>,
    shortest_compound: usize,
}

fn number_words() -> &'static NumberWords {
    static WORDS: LazyLock<NumberWords> = LazyLock::new(|| {
        let mut cardinals = HashMap::default();
        for (place, form, value) in CARDINALS
            .iter()
            .flat_map(|(forms, value)| forms.iter().map(move |f| (f, *value)))
            .enumerate()
            .map(|(k, (f, v))| (k, *f, v))
        {
            cardinals.entry(form).or_insert((place, value));
        }
        let mut ordinal_stems = HashMap::default();
        for &(stem, value) in ORDINAL_STEMS {
            ordinal_stems.entry(stem).or_insert(value);
        }
        NumberWords {
            ordinal_stems,
            endings: ADJECTIVE_ENDINGS.iter().copied().collect(),
            longest_ending: ADJECTIVE_ENDINGS.iter().map(|e| e.chars().count()).max().unwrap_or(0),
            ordinal_starts: first_letters(ORDINAL_STEMS.iter().map(|&(stem, _)| stem)),
            shortest_ordinal: ORDINAL_STEMS.iter().map(|(stem, _)| stem.len()).min().unwrap_or(0)
                + ADJECTIVE_ENDINGS.iter().map(|e| e.len()).min().unwrap_or(0),
            months: MONTHS.iter().enumerate().map(|(m, &name)| (name, m as u32 + 1)).collect(),
            heads: AhoCorasick::new(COMPOUND_HEADS).expect("the compound heads build an automaton"),
            compound_starts: first_letters(cardinals.keys().copied()),
            shortest_compound: cardinals.keys().map(|f| f.len()).min().unwrap_or(0)
                + COMPOUND_HEADS.iter().map(|h| h.len()).min().unwrap_or(0),
            cardinals,
        }
    });
    &WORDS
}

/// The first letters of some words, sorted, each once.
fn first_letters<'a>(words: impl Iterator<Item = &'a str>) -> Vec<char> {
    let mut letters: Vec<char> = words.filter_map(|w| w.chars().next()).collect();
    letters.sort_unstable();
    letters.dedup();
    letters
}

/// Whether `lower` may be a word made of one of some words and more: it is at least
/// `shortest` bytes long and starts with one of their first `letters`.
fn may_start_with(lower: &str, letters: &[char], shortest: usize) -> bool {
    lower.len() >= shortest && lower.chars().next().is_some_and(|c| letters.binary_search(&c).is_ok())
}

/// Parses an ordinal word or a compound of them (`первая`, `двадцать первая`).
pub fn parse_ordinal_word(s: &str) -> Option<u32> {
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        [one] => ordinal_value(one),
        [tens, unit] => {
            let t = cardinal_value(tens)?;
            let u = ordinal_value(unit)?;
            (t % 10 == 0 && t >= 20 && u < 10).then_some(t + u)
        }
        _ => None,
    }
}

/// Every case form of the cardinal numbers, with their values.
const CARDINALS: &[(&[&str], u32)] = &[
    (&["оба", "обе", "обоих", "обеих", "обоим", "обеим", "обоими", "обеими", "дважды"], 2),
    (&["трижды"], 3),
    (&["треть", "трети", "третей", "третям", "третями", "третях"], 3),
    (&["четверти", "четвертей", "четвертям", "четвертями"], 4),
    (&["два", "две", "двух", "двум", "двумя"], 2),
    (&["три", "трех", "трёх", "трем", "трём", "тремя"], 3),
    (&["четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"], 4),
    (&["пять", "пяти", "пятью"], 5),
    (&["шесть", "шести", "шестью"], 6),
    (&["семь", "семи"], 7),
    (&["восемь", "восьми", "восемью", "восьмью"], 8),
    (&["девять", "девяти", "девятью"], 9),
    (&["десять", "десяти", "десятью"], 10),
    (&["одиннадцать", "одиннадцати"], 11),
    (&["двенадцать", "двенадцати"], 12),
    (&["тринадцать", "тринадцати"], 13),
    (&["четырнадцать", "четырнадцати"], 14),
    (&["пятнадцать", "пятнадцати"], 15),
    (&["шестнадцать", "шестнадцати"], 16),
    (&["семнадцать", "семнадцати"], 17),
    (&["восемнадцать", "восемнадцати"], 18),
    (&["девятнадцать", "девятнадцати"], 19),
    (&["двадцать", "двадцати", "двадцатью"], 20),
    (&["тридцать", "тридцати", "тридцатью"], 30),
    (&["сорок", "сорока"], 40),
    (&["пятьдесят", "пятидесяти"], 50),
    (&["шестьдесят", "шестидесяти"], 60),
    (&["семьдесят", "семидесяти"], 70),
    (&["восемьдесят", "восьмидесяти"], 80),
    (&["девяносто", "девяноста"], 90),
    (&["сто", "ста"], 100),
    (&["двести", "двухсот", "двумстам"], 200),
    (&["триста", "трехсот", "трёхсот"], 300),
    (&["четыреста", "четырехсот", "четырёхсот"], 400),
    (&["пятьсот", "пятисот"], 500),
    (&["шестьсот", "шестисот"], 600),
    (&["семьсот", "семисот"], 700),
    (&["восемьсот", "восьмисот"], 800),
    (&["девятьсот", "девятисот"], 900),
    (&["тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам"], 1000),
    (&["миллион", "миллиона", "миллионов", "миллиону", "миллионом", "миллионам", "миллионами", "миллионах"], 1_000_000),
    (
        &["миллиард", "миллиарда", "миллиардов", "миллиарду", "миллиардом", "миллиардам", "миллиардами", "миллиардах"],
        1_000_000_000,
    ),
];

fn cardinal_value(word: &str) -> Option<u32> {
    let mut lower = String::new();
    chars::lowercase_into(word, &mut lower);
    cardinal_of_lower(&lower)
}

/// [`cardinal_value`] of a lowercase word.
fn cardinal_of_lower(lower: &str) -> Option<u32> {
    number_words().cardinals.get(lower).map(|&(_, v)| v)
}

/// What follows a number in a compound adjective: пяти|летний, двух|месячный.
const COMPOUND_HEADS: &[&str] =
    &["летн", "лет", "годичн", "месячн", "дневн", "недельн", "часов", "кратн", "процентн", "сторонн"];

/// A compound adjective that starts with a number (пятилетний, двухмесячный,
/// трехдневный), of a lowercase word: of the cardinal forms the word starts with and
/// that a head follows, the one listed first in [`CARDINALS`].
fn compound_of_lower(lower: &str) -> Option<u32> {
    let words = number_words();
    if !may_start_with(lower, &words.compound_starts, words.shortest_compound) {
        return None;
    }
    words
        .heads
        .find_overlapping_iter(lower)
        .filter_map(|m| words.cardinals.get(&lower[..m.start()]))
        .min()
        .map(|&(_, v)| v)
}

const MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

fn heading(line: &str) -> Option<HeadingMatch> {
    let line = line.trim();
    if chars::eq_lowercase(line, "преамбула") {
        return Some(HeadingMatch {
            level: HeadingLevel::Preamble,
            number: None,
            label: line.into(),
            rest: String::new(),
            rest_is_body: false,
        });
    }
    let (word, level) = [
        ("статья", HeadingLevel::Article),
        ("глава", HeadingLevel::Chapter),
        ("раздел", HeadingLevel::Section),
        ("часть", HeadingLevel::Part),
        ("приложение", HeadingLevel::Annex),
    ]
    .into_iter()
    .find(|(w, _)| chars::starts_with_lowercase(line, w))?;
    // A reference at the start of a wrapped line (`статьей 102 …`) is lowercase and
    // inflected; a heading starts with a capital and the nominative word.
    if !line.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let after = &line[word.len()..];
    if !after.is_empty() && !after.starts_with([' ', '\u{a0}', '\t']) {
        return None;
    }
    let after = after.trim_start();
    // An annex is numbered with the sign: `Приложение № 1`, `Приложение №2`.
    let after = if level == HeadingLevel::Annex { after.trim_start_matches('№').trim_start() } else { after };
    // An annex names what it is annexed to on its heading's line: `Приложение к
    // Соглашению …`, `Приложение 1 к Протоколу …`; that is its title, not a sentence.
    let annexed_to =
        |rest: &str| level == HeadingLevel::Annex && rest.starts_with("к ") && !rest.ends_with(['.', ';', ',', ':']);
    // Or its title (`Приложение Перечень …`, where the title's own line was joined
    // on): a short name in capitals, no sentence.
    let titled = |rest: &str| {
        level == HeadingLevel::Annex
            && rest.starts_with(char::is_uppercase)
            && rest.chars().count() <= 120
            && parse_roman(rest.split_whitespace().next().unwrap_or("")).is_none()
            && !rest.ends_with(['.', ';', ',', ':'])
    };
    if annexed_to(after) || titled(after) || (level == HeadingLevel::Annex && after.is_empty()) {
        return Some(HeadingMatch {
            level,
            number: Some(1),
            label: line[..line.len() - after.len()].trim_end().into(),
            rest: after.to_string(),
            rest_is_body: false,
        });
    }
    // The number: digits (5, 5.1), a Roman numeral, or an ordinal word.
    let token_end = after.find([' ', '.', ':', '\u{a0}', '\t', '–', '—']).unwrap_or(after.len());
    let token = &after[..token_end];
    let mut consumed = token_end;
    let number = if token.chars().all(is_digit) && !token.is_empty() {
        // Inserted articles: 5.1 keeps its integer part; the label keeps the whole.
        if after[token_end..].starts_with('.') && after[token_end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            let sub_end =
                after[token_end + 1..].find(|c: char| !c.is_ascii_digit()).map_or(after.len(), |i| token_end + 1 + i);
            consumed = sub_end;
        }
        parse_digits(token)?
    } else if let Some(n) = parse_roman(token) {
        n
    } else if let Some(n) = ordinal_value(token) {
        n
    } else {
        // Two-word ordinals: двадцать первая.
        let two: Vec<&str> = after.splitn(3, char::is_whitespace).take(2).collect();
        let joined = two.join(" ");
        let n = parse_ordinal_word(&joined)?;
        consumed = joined.len();
        n
    };
    let offset = line.len() - after.len();
    let label = CompactString::from(line[..offset + consumed].trim_end());
    let rest = after[consumed..].trim_start_matches(['.', ':', ' ', '\u{a0}', '–', '—', '-']).trim().to_string();
    if !rest.is_empty() {
        // `Статья 5 настоящего Договора …` is a sentence, not a heading.
        let separated = after[consumed..].starts_with(['.', ':', '–', '—'])
            || after[consumed..].trim_start().starts_with(['–', '—']);
        if (rest.starts_with(|c: char| c.is_lowercase()) && !annexed_to(&rest))
            || (!separated && rest.ends_with(['.', ';', ',']))
        {
            return None;
        }
    }
    Some(HeadingMatch { level, number: Some(number), label, rest, rest_is_body: false })
}

fn label(line: &str) -> Option<LabelMatch> {
    let line = line.trim_start();
    // (a) (а) (1)
    if let Some(open) = line.strip_prefix('(') {
        let close = open.find(')')?;
        let inner = &open[..close];
        let rest = open[close + 1..].trim_start().to_string();
        let printed = format_compact!("({inner})");
        if let Some(ord) = letter_ordinal(inner) {
            let style = if inner.chars().all(|c| c.is_ascii_alphabetic()) { "paren-latin" } else { "paren-cyr" };
            return Some(LabelMatch { style, ordinal: ord, printed, rest });
        }
        if !inner.is_empty() && inner.chars().all(is_digit) {
            return Some(LabelMatch { style: "paren-digit", ordinal: parse_digits(inner)?, printed, rest });
        }
        return None;
    }
    // A label's token is a number or a letter: a longer word is text, told without
    // reading it to its end.
    let token_end = line.char_indices().take(8).find(|&(_, c)| !chars::is_alphanumeric(c)).map(|(i, _)| i)?;
    let token = &line[..token_end];
    let sep = line[token_end..].chars().next()?;
    let after = &line[token_end + sep.len_utf8()..];
    if !(after.is_empty() || after.starts_with([' ', '\u{a0}', '\t'])) {
        return None;
    }
    let matched = |style: &'static str, ordinal: u32| LabelMatch {
        style,
        ordinal,
        printed: format_compact!("{token}{sep}"),
        rest: after.trim_start().to_string(),
    };
    if !token.is_empty() && token.chars().all(is_digit) {
        let style = match sep {
            '.' => "digit-dot",
            ')' => "digit-paren",
            _ => return None,
        };
        return Some(matched(style, parse_digits(token)?));
    }
    if sep == ')'
        && let Some(ord) = letter_ordinal(token)
    {
        let style = if token.chars().all(|c| c.is_ascii_alphabetic()) { "latin-paren" } else { "cyr-paren" };
        return Some(matched(style, ord));
    }
    None
}

/// а = 1, б = 2 … (Russian lists skip й, ъ, ы, ь); a = 1 … for Latin.
fn letter_ordinal(s: &str) -> Option<u32> {
    let mut chars = s.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    const CYR: &str = "абвгдежзиклмнопрстуфхцчшщэюя";
    if let Some(i) = CYR.chars().position(|x| x == c) {
        return Some(i as u32 + 1);
    }
    c.is_ascii_lowercase().then(|| c as u32 - 'a' as u32 + 1)
}

fn is_closing(p: &str) -> bool {
    let p = p.trim();
    ["совершено", "составлено", "подписано в", "в удостоверение чего", "в подтверждение чего", "в свидетельство чего"]
        .iter()
        .any(|w| chars::starts_with_lowercase(p, w))
}

fn is_signature(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 80
        && !line.ends_with(['.', ';', ':', ','])
        && ["за ", "от имени", "(подпись)"].iter().any(|w| chars::starts_with_lowercase(line, w))
}

/// The sub-items a text refers to by their letters (`подпункте «г»`, `подпункты «а» и
/// «б»`, `подпункт в)`), as the numbers of their order: the other language numbers them
/// (`第（4）项`).
fn push_letter_items(text: &str, out: &mut Vec<Anchor>) {
    // Every unit's anchors are read: most have no such reference to lowercase for.
    if !text.contains("одпункт") {
        return;
    }
    let lower = text.to_lowercase();
    for (at, _) in lower.match_indices("подпункт") {
        // Past the rest of the word (`подпункте`, `подпунктами`).
        let mut rest = lower[at..].trim_start_matches(|c: char| c.is_alphabetic());
        loop {
            rest = rest.trim_start();
            let (quoted, body) = match rest.strip_prefix('«') {
                Some(b) => (true, b),
                None => (false, rest),
            };
            let mut chars = body.chars();
            let Some(letter) = chars.next() else { break };
            let after = chars.as_str();
            let closed = if quoted { after.strip_prefix('»') } else { after.strip_prefix(')') };
            let (Some(n), Some(after)) = (letter_ordinal(&letter.to_string()), closed) else { break };
            out.push(Anchor { kind: AnchorKind::Reference, value: n.to_string(), text: letter.to_string() });
            let after = after.trim_start();
            rest = [",", "и ", "или ", "–", "-", "—"].iter().find_map(|s| after.strip_prefix(s)).unwrap_or("");
        }
    }
}

fn ends_open(line: &str) -> bool {
    // `…, и` at a line end is an enumerated clause ("… невыразимое горе, и"), a
    // paragraph of its own; a wrapped line breaks anywhere else.
    let line = line.trim_end();
    ![", и", ", или", ", а также", "; и", "; или", "; а также"].iter().any(|end| line.ends_with(end))
}

fn anchors(text: &str) -> Vec<Anchor> {
    let mut out = Vec::new();
    push_digit_numbers(text, true, &mut out);
    // A compound of number words being read: what its scale words made so far, the
    // group after the last of them, that scale word's value, and the words.
    let mut pending: Option<(u64, u64, u64, String)> = None;
    let mut roman_follows = false; // after Глава: Roman numerals are chapter numbers
    let flush = |pending: &mut Option<(u64, u64, u64, String)>, out: &mut Vec<Anchor>| {
        if let Some((total, group, _, words)) = pending.take() {
            out.push(Anchor { kind: AnchorKind::Number, value: (total + group).to_string(), text: words });
        }
    };
    for word in text.split(|c: char| !chars::is_alphabetic(c) && c != '-') {
        let word = word.trim_matches('-');
        if word.is_empty() {
            continue;
        }
        let w = number_word(word);
        if let Some(m) = w.month {
            flush(&mut pending, &mut out);
            out.push(Anchor { kind: AnchorKind::Number, value: m.to_string(), text: word.to_string() });
            continue;
        }
        // Chapters are cited in Roman numerals: Главы VII, Главах IX и X.
        if roman_follows {
            if let Some(v) = w.roman {
                flush(&mut pending, &mut out);
                out.push(Anchor { kind: AnchorKind::Reference, value: v.to_string(), text: word.to_string() });
                continue;
            }
            if !w.and {
                roman_follows = false;
            }
        }
        if w.division {
            roman_follows = true;
        }
        match w.value {
            Some(v) => {
                let v = u64::from(v);
                let scale = v >= 1000;
                match pending.as_mut() {
                    // одного миллиона пятисот тысяч, две тысячи двадцать шестого: a scale
                    // word multiplies the group before it, each smaller than the last.
                    Some((total, group, last, words)) if scale && v < *last && *group > 0 => {
                        *total += *group * v;
                        (*group, *last) = (0, v);
                        words.push(' ');
                        words.push_str(word);
                    }
                    // тысяча девятьсот сорок пятого: each word smaller than the last adds on.
                    Some((_, group, _, words)) if !scale && (*group == 0 || last_place(*group) > v) => {
                        *group += v;
                        words.push(' ');
                        words.push_str(word);
                    }
                    _ => {
                        flush(&mut pending, &mut out);
                        // A scale word alone is one of it (`тысяча`, `миллиона` after `одного`).
                        pending =
                            Some(if scale { (v, 0, v, word.to_string()) } else { (0, v, u64::MAX, word.to_string()) });
                    }
                }
            }
            None => {
                flush(&mut pending, &mut out);
                if let Some(v) = w.compound {
                    out.push(Anchor { kind: AnchorKind::Number, value: v.to_string(), text: word.to_string() });
                }
            }
        }
    }
    flush(&mut pending, &mut out);
    push_letter_items(text, &mut out);
    for (i, _) in text.match_indices('«') {
        out.push(Anchor {
            kind: AnchorKind::Quote,
            value: String::new(),
            text: text[i..i + '«'.len_utf8()].to_string(),
        });
    }
    out
}

/// What [`anchors`] reads in a word, whatever comes before or after it.
#[derive(Clone, Copy, Default)]
struct NumberWord {
    /// The month it names (`июня` = 6).
    month: Option<u32>,
    /// Its value as a Roman numeral in capitals (`VII`), read after `Глава`.
    roman: Option<u32>,
    /// Whether it is `и`, which a list of Roman numerals goes on after.
    and: bool,
    /// Whether it names a chapter or section (`Главы`, `раздела`), which Roman
    /// numerals follow.
    division: bool,
    /// Its value as a cardinal or ordinal number word.
    value: Option<u32>,
    /// Its value as the number a compound adjective starts with (`пятилетний` = 5).
    compound: Option<u32>,
}

/// What [`anchors`] reads in `word`, remembered per thread by the word as written:
/// a text repeats its words, and a word met again is one lookup where reading it
/// is a lowering and several. The memory is emptied when it grows large.
fn number_word(word: &str) -> NumberWord {
    type Memory = HashMap<Box<str>, NumberWord>;
    thread_local! {
        static WORDS: std::cell::RefCell<(Memory, String)> = std::cell::RefCell::default();
    }
    WORDS.with_borrow_mut(|(memory, lower)| {
        let read = || {
            chars::lowercase_into(word, lower);
            let value = cardinal_of_lower(lower).or_else(|| ordinal_of_lower(lower));
            NumberWord {
                month: number_words().months.get(lower.as_str()).copied(),
                roman: parse_roman(word).filter(|_| word.chars().all(|c| c.is_ascii_uppercase())),
                and: lower == "и",
                division: lower.starts_with("глав") || lower.starts_with("раздел"),
                value,
                compound: if value.is_none() { compound_of_lower(lower) } else { None },
            }
        };
        remembered(memory, word, read, |&w| w)
    })
}

/// Calls `f` with what `memory` holds for `word`, made by `make` and kept if it holds
/// none: a per-thread memory of what a text's words give, emptied when it grows large.
fn remembered<V, R>(
    memory: &mut HashMap<Box<str>, V>,
    word: &str,
    make: impl FnOnce() -> V,
    f: impl FnOnce(&V) -> R,
) -> R {
    if let Some(v) = memory.get(word) {
        return f(v);
    }
    if memory.len() >= 1 << 16 {
        memory.clear();
    }
    let v = make();
    let r = f(&v);
    memory.insert(word.into(), v);
    r
}

/// The place value of the smallest non-zero place of `n` (26 → 1, 1900 → 100).
fn last_place(n: u64) -> u64 {
    let mut place = 1;
    while n.is_multiple_of(place * 10) && place < 1_000_000 {
        place *= 10;
    }
    place
}

// --- The checker's language data: dates, negation, words that are not counts. ---

const REVIEW: Review = Review {
    dates,
    negations: &[
        "не",
        "нет",
        "без",
        "нельзя",
        "запрещается",
        "запрещено",
        "запрещены",
        "запрещение",
        "запрещения",
        "запрещению",
        "запрещением",
        "запрет",
        "запрета",
        "запрету",
        "ни",
        "никто",
        "ничто",
    ],
    not_negations: &[
        // bounds: не позднее ↔ 不迟于, …
        "не позднее",
        "не позже",
        "не ранее",
        "не менее",
        "не более",
        "не свыше",
        "не выше",
        "не ниже",
        "не превышающ",
        "не превышает",
        "не превышать",
        // not only … but also; unless otherwise
        "не только",
        "если иное не",
        "если не предусмотрено иное",
        "не иначе как",
        "не что иное",
        "тем не менее",
        "ни в коем случае не",
        // a question: не может ли ↔ 是否
        "не может ли",
        "не могут ли",
        "не является ли",
        // lexical: landlocked, 内陆
        "не имеющих выхода к морю",
        "не имеющие выхода к морю",
        "не имеющим выхода к морю",
        "не имеющими выхода к морю",
    ],
    concord: &[
        "ни",
        "никто",
        "ничто",
        "никакой",
        "никакая",
        "никакое",
        "никакие",
        "никаких",
        "никакого",
        "никакому",
        "никаким",
        "никакими",
        "никогда",
        "нигде",
        "ничего",
        "ничем",
        "никого",
        "никому",
        "ничему",
    ],
    modals: &[
        "должен",
        "должна",
        "должно",
        "должны",
        "может",
        "могут",
        "можно",
        "мог",
        "могла",
        "могло",
        "могли",
        "вправе",
        "следует",
        "будет",
        "будут",
        "быть",
        "подлежит",
        "подлежат",
        "является",
        "являются",
    ],
    // воздержаться от голосования ↔ 不得投票; только ↔ 非…不得.
    prohibitions: &["воздерж", "запре", "недопуст", "отказ", "избега", "исключ", "лиш", "только"],
    negative_prefixes: &["не", "ни", "без", "бес"],
    dual_words: &["оба", "обе", "обоих", "обеих", "обоим", "обеим", "обоими", "обеими"],
    terms,
    not_names: &["долл. США", "долларов США", "доллара США", "долларах США"],
    scales: &[
        ("тыс", 1_000),
        ("млн", 1_000_000),
        ("миллион", 1_000_000),
        ("млрд", 1_000_000_000),
        ("миллиард", 1_000_000_000),
        ("трлн", 1_000_000_000_000),
    ],
};

/// Function words, which link to everything and so to nothing.
const STOP_WORDS: &[&str] = &[
    "и",
    "в",
    "во",
    "на",
    "с",
    "со",
    "по",
    "к",
    "ко",
    "о",
    "об",
    "от",
    "до",
    "из",
    "за",
    "для",
    "при",
    "а",
    "или",
    "что",
    "как",
    "так",
    "также",
    "же",
    "их",
    "его",
    "ее",
    "они",
    "он",
    "она",
    "это",
    "этот",
    "эти",
    "этих",
    "этого",
    "том",
    "которых",
    "которые",
    "который",
    "которой",
    "которого",
    "является",
    "являются",
    "быть",
    "может",
    "могут",
    "между",
    "под",
    "над",
    "через",
    "у",
    "свой",
    "своих",
    "своей",
    "своим",
    "своего",
    "всех",
    "все",
    "всего",
    "любой",
    "иных",
];

/// The words [`terms`] passes over: stop words and negations, as a set.
static SKIPPED: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().chain(REVIEW.negations).copied().collect());

/// Snowball stems of the content words (ё read as е), for linking terms: each with
/// its byte offset, in order.
fn terms(text: &str, visit: &mut super::TermVisitor) {
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (is_letter(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                word_stem(&text[s..i], |t, content| {
                    if content {
                        visit(s, t);
                    }
                });
                start = None;
            }
            _ => {}
        }
    }
}

/// Whether `c` is alphabetic, answered without the Unicode tables for the Russian
/// alphabet and ASCII.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'А'..='я' | 'Ё' | 'ё' => true,
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is alphanumeric, answered as [`is_letter`] is.
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    is_letter(c) || c.is_numeric()
}

/// Calls `f` with the Snowball stem of `word` as a text has it (lowercased, ё read
/// as е), and whether it is a content word [`terms`] links: two letters or more, not
/// a stop word or a negation. Stems are remembered per thread by the word as
/// written, so a word met again costs one lookup, not a lowering and two (a word's
/// stem never changes; the memory is emptied when it grows large).
pub(crate) fn word_stem<R>(word: &str, f: impl FnOnce(&str, bool) -> R) -> R {
    type Memory = HashMap<Box<str>, (Box<str>, bool)>;
    thread_local! {
        static STEMS: std::cell::RefCell<(Memory, String)> = std::cell::RefCell::default();
    }
    STEMS.with_borrow_mut(|(memory, lower)| {
        let read = || {
            lower_into(word, lower);
            let content = lower.chars().nth(1).is_some() && !SKIPPED.contains(lower.as_str());
            let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian);
            (Box::<str>::from(stemmer.stem(lower)), content)
        };
        remembered(memory, word, read, |(s, content)| f(s, *content))
    })
}

/// `word` in lower case with ё read as е, into `out`. A word of the Russian alphabet
/// and ASCII is lowered letter by letter; any other goes through `str::to_lowercase`
/// (which lowers a final sigma as such).
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        let lower = match c {
            'Ё' | 'ё' => 'е',
            'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            'а'..='я' => c,
            _ if c.is_ascii() => c.to_ascii_lowercase(),
            _ => {
                out.clear();
                out.push_str(&word.to_lowercase().replace('ё', "е"));
                return;
            }
        };
        out.push(lower);
    }
}

/// Month stems of every case (`июня`, `июне`, `июнь`), for a month named with a
/// year and no day.
const MONTH_STEMS: [&str; 12] =
    ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

/// Reads `7 июня 2002 года`, `«7» июня 2002 г.`, `07.06.2002`, `в июне 2002 года` and the
/// words of `июня двадцать шестого дня, тысяча девятьсот сорок пятого года`.
fn dates(text: &str) -> Vec<Date> {
    let mut out = numeric_dates(text);
    // Words and digit groups, with their byte spans.
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    let word = |k: usize| tokens.get(k).map(|&(a, b)| &text[a..b]);
    let digits = |k: usize| word(k).filter(|w| w.chars().all(|c| c.is_ascii_digit())).and_then(parse_digits);
    for k in 0..tokens.len() {
        let lower = word(k).unwrap_or_default().to_lowercase();
        let genitive = MONTHS.iter().position(|&m| m == lower);
        let stem = MONTH_STEMS.iter().position(|&m| {
            lower
                .strip_prefix(m)
                .is_some_and(|rest| rest.chars().count() <= 2 && (m != "ма" || rest.starts_with(['й', 'е', 'я'])))
        });
        let Some(m) = genitive.or(stem) else { continue };
        // The day before the month: in digits (`1 декабря`), in digits with the
        // ending of an ordinal (`1-го декабря`), or an ordinal in words (`первого
        // декабря`, `двадцать шестого декабря`).
        let ordinal = |j: usize, n: usize| {
            let words: Vec<&str> = (j + 1 - n..=j).filter_map(word).collect();
            (words.len() == n).then(|| parse_ordinal_word(&words.join(" "))).flatten()
        };
        let (mut day, day_from) = match k {
            0 => (None, k),
            _ if digits(k - 1).is_some() => (digits(k - 1), k - 1),
            _ if k >= 2 && ["го", "е", "ого"].contains(&word(k - 1).unwrap_or_default()) && digits(k - 2).is_some() => {
                (digits(k - 2), k - 2)
            }
            _ if k >= 2 && ordinal(k - 1, 2).is_some() => (ordinal(k - 1, 2), k - 2),
            _ => (ordinal(k - 1, 1), k - 1),
        };
        if !day.is_some_and(|d| (1..=31).contains(&d)) {
            day = None;
        }
        let mut year = digits(k + 1).filter(|&y| (100..=9999).contains(&y));
        let mut end = if year.is_some() { k + 1 } else { k };
        if year.is_none() && genitive.is_some() {
            // Number words up to the word for "year": the day (if not before) and the year.
            let stop = (k + 1..tokens.len().min(k + 12)).find(|&j| word(j).is_some_and(|w| w.starts_with("год")));
            if let Some(stop) = stop {
                let window = &text[tokens[k].1..tokens[stop].0];
                for a in anchors(window).into_iter().filter(|a| a.kind == AnchorKind::Number) {
                    let v = a.value.parse::<u32>().unwrap_or(0);
                    if (1..=31).contains(&v) && day.is_none() {
                        day = Some(v);
                    } else if v >= 100 && year.is_none() {
                        year = Some(v);
                    }
                }
                end = stop;
            }
        }
        // A month alone is no date; a month in another case than the genitive needs its year.
        if year.is_none() && (day.is_none() || genitive.is_none()) {
            continue;
        }
        let from = if day.is_some() && day_from < k { day_from } else { k };
        out.push(Date { year, month: m as u32 + 1, day, text: text[tokens[from].0..tokens[end].1].to_string() });
    }
    out
}

/// `07.06.2002`, `7.6.2002`: day, month and year separated by full stops.
fn numeric_dates(text: &str) -> Vec<Date> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('.') {
        let before = &text[..i];
        let d_start = before.len() - before.chars().rev().take_while(char::is_ascii_digit).count();
        let rest = &text[i + 1..];
        let m_len = rest.chars().take_while(char::is_ascii_digit).count();
        let Some(after_m) = rest[m_len..].strip_prefix('.') else { continue };
        let y_len = after_m.chars().take_while(char::is_ascii_digit).count();
        let glued = text[..d_start].ends_with(|c: char| c.is_ascii_digit() || c == '.');
        if !(1..=2).contains(&(i - d_start)) || !(1..=2).contains(&m_len) || y_len != 4 || glued {
            continue;
        }
        let (Some(day), Some(month), Some(year)) =
            (parse_digits(&text[d_start..i]), parse_digits(&rest[..m_len]), parse_digits(&after_m[..y_len]))
        else {
            continue;
        };
        if (1..=31).contains(&day) && (1..=12).contains(&month) {
            let end = i + 1 + m_len + 1 + y_len;
            out.push(Date { year: Some(year), month, day: Some(day), text: text[d_start..end].to_string() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        let h = heading("Статья 1").unwrap();
        assert_eq!((h.level, h.number, h.label.as_str()), (HeadingLevel::Article, Some(1), "Статья 1"));
        assert_eq!(heading("СТАТЬЯ 12").unwrap().number, Some(12));
        assert_eq!(heading("Статья 1.").unwrap().number, Some(1));
        let h = heading("Статья 5. Цели").unwrap();
        assert_eq!((h.number, h.rest.as_str()), (Some(5), "Цели"));
        assert_eq!(heading("Статья первая").unwrap().number, Some(1));
        assert_eq!(heading("Статья двадцать первая").unwrap().number, Some(21));
        let h = heading("Глава I: Цели и Принципы").unwrap();
        assert_eq!((h.level, h.number, h.rest.as_str()), (HeadingLevel::Chapter, Some(1), "Цели и Принципы"));
        assert_eq!(heading("ГЛАВА IX: МЕЖДУНАРОДНОЕ ЭКОНОМИЧЕСКОЕ").unwrap().number, Some(9));
        assert_eq!(heading("Раздел 2").unwrap().level, HeadingLevel::Section);
        let h = heading("Приложение № 2").unwrap();
        assert_eq!((h.level, h.number, h.label.as_str()), (HeadingLevel::Annex, Some(2), "Приложение № 2"));
        assert_eq!(heading("Приложение №3").unwrap().number, Some(3));
        for (line, number, rest) in [
            ("Приложение к Соглашению между Правительствами", 1, "к Соглашению между Правительствами"),
            ("Приложение 2 к Протоколу", 2, "к Протоколу"),
            ("Приложение № 3 к Договору о дружбе", 3, "к Договору о дружбе"),
        ] {
            let h = heading(line).unwrap();
            assert_eq!((h.level, h.number, h.rest.as_str()), (HeadingLevel::Annex, Some(number), rest), "{line}");
        }
        // A sentence that starts with the word is none.
        assert!(heading("Приложение к настоящему Соглашению является его неотъемлемой частью.").is_none());
        let h = heading("Приложение Перечень сельскохозяйственной продукции").unwrap();
        assert_eq!(
            (h.level, h.number, h.rest.as_str()),
            (HeadingLevel::Annex, Some(1), "Перечень сельскохозяйственной продукции")
        );
        assert_eq!(heading("Приложение II").unwrap().number, Some(2));
        assert!(heading("Приложение является неотъемлемой частью Соглашения.").is_none());
        assert!(heading("статьей 102 Устава").is_none());
        assert!(heading("Статья 5 настоящего Договора применяется").is_none());
        assert!(heading("Статьи 5 и 6").is_none());
    }

    #[test]
    fn labels() {
        let l = label("1. Договаривающиеся").unwrap();
        assert_eq!((l.style, l.ordinal), ("digit-dot", 1));
        assert_eq!(label("а) содействия").unwrap().ordinal, 1);
        assert_eq!(label("в) содействия").unwrap().ordinal, 3);
        assert_eq!(label("(b) text").unwrap().ordinal, 2);
        assert_eq!(label("2) пункт").unwrap().style, "digit-paren");
        assert!(label("1.5 метра").is_none());
        assert!(label("Статья 1").is_none());
    }

    #[test]
    fn anchors_read_values() {
        let values = |s: &str| {
            anchors(s).into_iter().filter(|a| a.kind != AnchorKind::Quote).map(|a| a.value).collect::<Vec<_>>()
        };
        assert_eq!(values("подписанной 7 июня 2002 года"), ["7", "2002", "6"]);
        assert_eq!(values("на 30-й день"), ["30"]);
        assert_eq!(values("в течение пятнадцати дней"), ["15"]);
        assert_eq!(values("июня двадцать шестого дня, тысяча девятьсот сорок пятого года"), ["6", "26", "1945"]);
        assert_eq!(values("пятилетние периоды"), ["5"]);
        assert_eq!(values("две трети"), ["2", "3"]);
        assert_eq!(values("1 000 000,50 рублей"), ["1000000.5"]);
    }

    #[test]
    fn dates_in_every_form() {
        let day = |t: &str| dates(t).into_iter().map(|d| (d.day, d.month, d.year)).collect::<Vec<_>>();
        assert_eq!(day("1-го декабря 2026 года"), [(Some(1), 12, Some(2026))]);
        assert_eq!(day("первого декабря две тысячи двадцать шестого года"), [(Some(1), 12, Some(2026))]);
        assert_eq!(day("двадцать шестого июня 2026 года"), [(Some(26), 6, Some(2026))]);
        assert_eq!(day("в декабре 2026 года"), [(None, 12, Some(2026))]);
        let d = |s: &str| dates(s).into_iter().map(|d| (d.year, d.month, d.day)).collect::<Vec<_>>();
        assert_eq!(d("подписанной 7 июня 2002 года;"), [(Some(2002), 6, Some(7))]);
        assert_eq!(d("«16» августа 2007 г."), [(Some(2007), 8, Some(16))]);
        assert_eq!(d("от 07.06.2002 и"), [(Some(2002), 6, Some(7))]);
        assert_eq!(d("в июне 2002 года"), [(Some(2002), 6, None)]);
        assert_eq!(
            d("Сан-Франциско июня двадцать шестого дня, тысяча девятьсот сорок пятого года"),
            [(Some(1945), 6, Some(26))]
        );
        assert_eq!(d("май и мая"), []);
        assert_eq!(d("версия 1.2.3"), []);
    }

    #[test]
    fn ordinal_words() {
        assert_eq!(parse_ordinal_word("первая"), Some(1));
        assert_eq!(parse_ordinal_word("четвертая"), Some(4));
        assert_eq!(parse_ordinal_word("пятнадцатая"), Some(15));
        assert_eq!(parse_ordinal_word("пятно"), None);
    }
}
