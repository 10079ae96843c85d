//! Number formats of automatic numbering, as Word and OpenDocument files name them,
//! and how each prints a number.
//!
//! This is knowledge of the file formats (Word's `w:numFmt`, OpenDocument's
//! `style:num-format`), not of a language, so it lives with the readers. Where Word and
//! LibreOffice print a number differently, each format says whose rendering it follows:
//! a .docx is printed as Word prints it, an .odt as LibreOffice does, except for
//! `chineseCounting` from 100 on (see [`NumFormat::ChineseCounting`]). The structure
//! parser reads both renderings (`一○一` and `一百零一` are both 101).

/// A number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumFormat {
    /// 1, 2, 3.
    Decimal,
    /// 01, 02, … 10 (Word's `decimalZero`); with a width, zero-padded to it.
    DecimalZero(u8),
    /// I, II, III.
    UpperRoman,
    /// i, ii, iii.
    LowerRoman,
    /// A … Z, then AA, BB (Word: the letter repeated).
    UpperLetter,
    /// a … z, then aa, bb.
    LowerLetter,
    /// A … Z, then AA, AB (OpenDocument without letter sync: like spreadsheet columns).
    UpperLetterSeq,
    /// a … z, then aa, ab.
    LowerLetterSeq,
    /// `chineseCounting`: 一 … 十, 十一, 二十一, 一百, 一百零一. From 100 on Word prints it
    /// digit by digit (一○○, ○ is U+25CB) where LibreOffice prints 一百; this follows
    /// LibreOffice and the printed texts (第一百零一条): both read as the same number,
    /// and the heading's text is then the text's own.
    ChineseCounting,
    /// Word's `chineseCountingThousand`: 十一, 一百, 一百〇一.
    ChineseCountingThousand,
    /// LibreOffice's "一, 二, 三, ...": 十一, 一百, 一百零一.
    ChineseCountingLo,
    /// `chineseLegalSimplified`: 壹, 壹拾, 壹拾壹, 贰拾, 壹佰零壹.
    ChineseLegalSimplified,
    /// `ideographDigital`: digit by digit, 一, 一〇, 一〇〇 (Word).
    IdeographDigital,
    /// `ideographTraditional`: 甲, 乙 … 癸, then decimal.
    IdeographTraditional,
    /// `taiwaneseCounting`: 十, 十一, 二十一, 一百零一.
    TaiwaneseCounting,
    /// Word's `russianLower`: а … я without ё, й, ъ, ь (29 letters), then the letter
    /// repeated, аа.
    RussianLower,
    /// Word's `russianUpper`: А … Я, then АА.
    RussianUpper,
    /// LibreOffice's "а, б, .., аа, аб, ... (ru)".
    RussianLowerSeq,
    /// LibreOffice's "А, Б, .., Аа, Аб, ... (ru)".
    RussianUpperSeq,
    /// ①, ② … ⑳, then decimal.
    DecimalEnclosedCircle,
    /// A bullet: not a number, so nothing is printed.
    Bullet,
    /// No number is printed (the level's literal text still is).
    None,
}

impl NumFormat {
    /// The format Word names `val` (`w:numFmt w:val`), or `None` if it is not known.
    pub fn from_word(val: &str) -> Option<NumFormat> {
        Some(match val {
            "decimal" | "decimalHalfWidth" | "decimalFullWidth" | "decimalFullWidth2" | "ordinal" | "cardinalText"
            | "ordinalText" => NumFormat::Decimal,
            "decimalZero" => NumFormat::DecimalZero(2),
            "upperRoman" => NumFormat::UpperRoman,
            "lowerRoman" => NumFormat::LowerRoman,
            "upperLetter" => NumFormat::UpperLetter,
            "lowerLetter" => NumFormat::LowerLetter,
            "chineseCounting" => NumFormat::ChineseCounting,
            "chineseCountingThousand" => NumFormat::ChineseCountingThousand,
            "chineseLegalSimplified" => NumFormat::ChineseLegalSimplified,
            "ideographDigital" => NumFormat::IdeographDigital,
            "ideographTraditional" => NumFormat::IdeographTraditional,
            "taiwaneseCounting" | "taiwaneseCountingThousand" => NumFormat::TaiwaneseCounting,
            "russianLower" => NumFormat::RussianLower,
            "russianUpper" => NumFormat::RussianUpper,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => NumFormat::DecimalEnclosedCircle,
            "bullet" => NumFormat::Bullet,
            "none" => NumFormat::None,
            _ => return None,
        })
    }

    /// The format of Word 2010's `w:numFmt w:val="custom" w:format="…"`, from its
    /// sample (`01, 02, 03, ...`, `一, 二, 三, ...`), if it is one of the known ones.
    pub fn from_word_custom(sample: &str) -> Option<NumFormat> {
        let first = sample.split(',').next()?.trim();
        if !first.is_empty() && first.chars().all(|c| c.is_ascii_digit()) && first.ends_with('1') {
            return Some(NumFormat::DecimalZero(u8::try_from(first.len()).ok()?));
        }
        NumFormat::from_odf(sample)
    }

    /// The format OpenDocument names `num-format` (`style:num-format`), `None` if it
    /// is not known. `letter_sync` is `style:num-letter-sync`.
    pub fn from_odf(num_format: &str) -> Option<NumFormat> {
        Some(match num_format.trim() {
            "" => NumFormat::None,
            "1" => NumFormat::Decimal,
            "01, 02, 03, ..." => NumFormat::DecimalZero(2),
            "001, 002, 003, ..." => NumFormat::DecimalZero(3),
            "i" => NumFormat::LowerRoman,
            "I" => NumFormat::UpperRoman,
            "a" => NumFormat::LowerLetterSeq,
            "A" => NumFormat::UpperLetterSeq,
            "一, 二, 三, ..." | "一, 二, 三, ... (zh)" => NumFormat::ChineseCountingLo,
            "壹, 贰, 叁, ..." | "壹, 贰, 叁, ... (zh)" => NumFormat::ChineseLegalSimplified,
            "甲, 乙, 丙, ..." | "甲, 乙, 丙, ... (zh)" => NumFormat::IdeographTraditional,
            "а, б, .., аа, аб, ... (ru)" => NumFormat::RussianLowerSeq,
            "А, Б, .., Аа, Аб, ... (ru)" => NumFormat::RussianUpperSeq,
            "а, б, .., аа, бб, ... (ru)" => NumFormat::RussianLower,
            "А, Б, .., АА, ББ, ... (ru)" => NumFormat::RussianUpper,
            "①, ②, ③, ..." => NumFormat::DecimalEnclosedCircle,
            _ => return None,
        })
    }

    /// With OpenDocument's `style:num-letter-sync="true"`: letters repeat (aa, bb).
    pub fn letter_sync(self) -> NumFormat {
        match self {
            NumFormat::LowerLetterSeq => NumFormat::LowerLetter,
            NumFormat::UpperLetterSeq => NumFormat::UpperLetter,
            NumFormat::RussianLowerSeq => NumFormat::RussianLower,
            NumFormat::RussianUpperSeq => NumFormat::RussianUpper,
            other => other,
        }
    }

    /// Whether this format prints a number at all.
    pub fn is_number(self) -> bool {
        !matches!(self, NumFormat::Bullet | NumFormat::None)
    }

    /// How `n` prints in this format. A number a format cannot write (0 in letters,
    /// 4,000 in Roman numerals) prints in decimal, as Word does.
    pub fn render(self, n: u32) -> String {
        if n == 0 && !matches!(self, NumFormat::Decimal | NumFormat::DecimalZero(_)) {
            return if self.is_number() { "0".into() } else { String::new() };
        }
        match self {
            NumFormat::Decimal => n.to_string(),
            NumFormat::DecimalZero(width) => format!("{n:0width$}", width = usize::from(width)),
            NumFormat::UpperRoman => roman(n),
            NumFormat::LowerRoman => roman(n).to_lowercase(),
            NumFormat::UpperLetter => repeated(n, LATIN_UPPER),
            NumFormat::LowerLetter => repeated(n, LATIN_LOWER),
            NumFormat::UpperLetterSeq => sequence(n, LATIN_UPPER, false),
            NumFormat::LowerLetterSeq => sequence(n, LATIN_LOWER, false),
            NumFormat::RussianLower => repeated(n, RUSSIAN_LOWER),
            NumFormat::RussianUpper => repeated(n, RUSSIAN_UPPER),
            NumFormat::RussianLowerSeq => sequence(n, RUSSIAN_LOWER, false),
            NumFormat::RussianUpperSeq => sequence(n, RUSSIAN_UPPER, true),
            NumFormat::ChineseCounting | NumFormat::TaiwaneseCounting | NumFormat::ChineseCountingLo => {
                counting(n, &SIMPLE, '零')
            }
            NumFormat::ChineseCountingThousand => counting(n, &SIMPLE, '〇'),
            NumFormat::ChineseLegalSimplified => {
                let mut s = counting(n, &LEGAL, '零');
                // Legal numerals write the leading one of 10–19: 壹拾壹.
                if (10..20).contains(&n) {
                    s.insert(0, '壹');
                }
                s
            }
            NumFormat::IdeographDigital => digit_by_digit(n, '〇'),
            NumFormat::IdeographTraditional => match STEMS.chars().nth(n as usize - 1) {
                Some(c) => c.to_string(),
                None => n.to_string(),
            },
            NumFormat::DecimalEnclosedCircle => match n {
                1..=20 => char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from),
                _ => n.to_string(),
            },
            NumFormat::Bullet | NumFormat::None => String::new(),
        }
    }
}

const LATIN_UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LATIN_LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
/// The Russian alphabet as list numbering uses it: without ё, й, ъ, ь.
const RUSSIAN_LOWER: &str = "абвгдежзиклмнопрстуфхцчшщыэюя";
const RUSSIAN_UPPER: &str = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЫЭЮЯ";
/// The ten heavenly stems.
const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";

/// Digits and the units 十, 百, 千 of ordinary and legal (financial) numerals.
struct Numerals {
    digits: [char; 10],
    units: [char; 3],
}
const SIMPLE: Numerals = Numerals {
    digits: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    units: ['十', '百', '千'],
};
const LEGAL: Numerals = Numerals {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟'],
};

/// A letter per number, then the letter repeated: a … z, aa, bb (Word).
fn repeated(n: u32, alphabet: &str) -> String {
    let letters: Vec<char> = alphabet.chars().collect();
    let len = letters.len() as u32;
    let letter = letters[((n - 1) % len) as usize];
    // Word stops repeating somewhere; 780 (z × 30) is far beyond any real list.
    std::iter::repeat_n(letter, ((n - 1) / len + 1).min(30) as usize).collect()
}

/// Letters as a bijective base: a … z, aa, ab (OpenDocument). `capital_first` writes
/// only the first letter in capitals, as LibreOffice's Russian upper-case format does.
fn sequence(mut n: u32, alphabet: &str, capital_first: bool) -> String {
    let letters: Vec<char> = alphabet.chars().collect();
    let len = letters.len() as u32;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(letters[(n % len) as usize]);
        n /= len;
    }
    out.reverse();
    let s: String = out.into_iter().collect();
    if capital_first && s.chars().count() > 1 {
        let mut chars = s.chars();
        let first = chars.next().unwrap_or_default();
        std::iter::once(first).chain(chars.flat_map(char::to_lowercase)).collect()
    } else {
        s
    }
}

/// Each decimal digit as a Chinese digit, with `zero` for 0: 一○一.
fn digit_by_digit(n: u32, zero: char) -> String {
    n.to_string()
        .chars()
        .map(|d| match d {
            '0' => zero,
            d => SIMPLE.digits[d.to_digit(10).unwrap_or(0) as usize],
        })
        .collect()
}

/// A number in Chinese counting: 十一, 二十, 一百零一, 一千〇一, 一万二千; `zero` for a
/// skipped place. 10–19 are written without the leading one (十一); the caller adds it
/// where a format wants it.
fn counting(n: u32, numerals: &Numerals, zero: char) -> String {
    if n >= 100_000_000 {
        return n.to_string();
    }
    let mut out = String::new();
    let (high, low) = (n / 10_000, n % 10_000);
    if high > 0 {
        out.push_str(&below_10000(high, numerals, zero));
        out.push('万');
        if low > 0 && low < 1000 {
            out.push(zero);
        }
    }
    if low > 0 {
        out.push_str(&below_10000(low, numerals, zero));
    }
    if (10..20).contains(&n) {
        out.remove(0);
    }
    out
}

/// 1–9999 in counting form, with the leading one of 10–19 written (一十一): the caller
/// drops it where the number stands alone.
fn below_10000(n: u32, numerals: &Numerals, zero: char) -> String {
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units = [Some(numerals.units[2]), Some(numerals.units[1]), Some(numerals.units[0]), None];
    let mut out = String::new();
    let mut pending_zero = false;
    for (d, unit) in digits.into_iter().zip(units) {
        if d == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push(zero);
            pending_zero = false;
        }
        out.push(numerals.digits[d as usize]);
        if let Some(u) = unit {
            out.push(u);
        }
    }
    out
}

/// Roman numerals, 1–3999; beyond, decimal.
fn roman(mut n: u32) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::parse_chinese_numeral as parse_numeral;

    fn all(f: NumFormat, ns: &[u32]) -> Vec<String> {
        ns.iter().map(|&n| f.render(n)).collect()
    }

    #[test]
    fn chinese_formats() {
        let ns = [1, 10, 11, 20, 21, 99, 100, 101, 110, 111];
        assert_eq!(
            all(NumFormat::ChineseCounting, &ns),
            ["一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百一十一"]
        );
        assert_eq!(
            all(NumFormat::ChineseCountingLo, &ns),
            ["一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一百一十一"]
        );
        assert_eq!(
            all(NumFormat::ChineseCountingThousand, &[101, 1001, 10_001, 12_000]),
            ["一百〇一", "一千〇一", "一万〇一", "一万二千"]
        );
        assert_eq!(
            all(NumFormat::ChineseLegalSimplified, &[1, 10, 11, 20, 101]),
            ["壹", "壹拾", "壹拾壹", "贰拾", "壹佰零壹"]
        );
        assert_eq!(all(NumFormat::IdeographDigital, &[1, 10, 100]), ["一", "一〇", "一〇〇"]);
        assert_eq!(all(NumFormat::IdeographTraditional, &[1, 10, 11]), ["甲", "癸", "11"]);
        // The structure parser reads every rendering of a counting format back.
        for f in [
            NumFormat::ChineseCounting,
            NumFormat::ChineseCountingLo,
            NumFormat::ChineseCountingThousand,
            NumFormat::ChineseLegalSimplified,
            NumFormat::TaiwaneseCounting,
        ] {
            for n in 1..=300 {
                assert_eq!(parse_numeral(&f.render(n)), Some(n), "{f:?} {n}: {}", f.render(n));
            }
        }
    }

    #[test]
    fn letters_and_numbers() {
        assert_eq!(all(NumFormat::RussianLower, &[1, 9, 10, 29, 30, 31]), ["а", "и", "к", "я", "аа", "бб"]);
        assert_eq!(all(NumFormat::RussianUpperSeq, &[1, 29, 30, 31]), ["А", "Я", "Аа", "Аб"]);
        assert_eq!(all(NumFormat::RussianLowerSeq, &[30, 59]), ["аа", "ба"]);
        assert_eq!(all(NumFormat::LowerLetter, &[1, 26, 27, 28]), ["a", "z", "aa", "bb"]);
        assert_eq!(all(NumFormat::UpperLetterSeq, &[26, 27, 28]), ["Z", "AA", "AB"]);
        assert_eq!(all(NumFormat::UpperRoman, &[4, 1945]), ["IV", "MCMXLV"]);
        assert_eq!(all(NumFormat::LowerRoman, &[9]), ["ix"]);
        assert_eq!(all(NumFormat::DecimalZero(2), &[1, 10, 100]), ["01", "10", "100"]);
        assert_eq!(all(NumFormat::DecimalEnclosedCircle, &[1, 20, 21]), ["①", "⑳", "21"]);
        assert_eq!(NumFormat::Bullet.render(3), "");
        assert_eq!(NumFormat::from_word_custom("001, 002, 003, ..."), Some(NumFormat::DecimalZero(3)));
        assert_eq!(NumFormat::from_word("chineseCounting"), Some(NumFormat::ChineseCounting));
        assert_eq!(NumFormat::from_word("hebrew1"), None);
    }
}
