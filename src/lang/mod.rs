//! Languages and their profiles.
//!
//! Everything that differs between the languages of a text — script, legacy
//! encodings, how lines join, how sentences end, how numbers are written — lives in
//! a [`Profile`]. The loaders, the parser and the aligner ask the profile and never
//! name a language themselves, so that adding a third language means adding a
//! profile here, not rewriting them.

pub mod anchor;
pub mod chars;
pub(crate) mod ru;
mod zh;

use std::fmt;
use std::str::FromStr;

use compact_str::CompactString;
use serde::{Serialize, Serializer};

pub use ru::parse_ordinal_word as parse_russian_ordinal;
pub use zh::parse_numeral as parse_chinese_numeral;

/// A language of a text. The languages of a pair are equals: neither is the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// Chinese (simplified or traditional).
    Zh,
    /// Russian.
    Ru,
}

/// What [`Review::terms`] calls with each term of a text and its byte offset.
pub type TermVisitor<'a> = dyn FnMut(usize, &str) + 'a;

impl Lang {
    /// Every language with a profile, in a fixed order.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::Ru];

    /// The names of `lang`'s language and script for messages, or of all languages
    /// ("Chinese or Russian") when it is not known.
    pub fn names(lang: Option<Lang>) -> (String, String) {
        match lang {
            Some(l) => (l.profile().name.to_string(), l.profile().script.to_string()),
            None => {
                let join =
                    |f: fn(&Profile) -> &str| Lang::ALL.iter().map(|l| f(l.profile())).collect::<Vec<_>>().join(" or ");
                (join(|p| p.name), join(|p| p.script))
            }
        }
    }

    /// The ISO 639-1 code, as used in column names and refs (`zh`, `ru`).
    pub fn code(self) -> &'static str {
        self.profile().code
    }

    /// This language's profile.
    pub fn profile(self) -> &'static Profile {
        match self {
            Lang::Zh => &zh::PROFILE,
            Lang::Ru => &ru::PROFILE,
        }
    }

    /// Tells the language of a text from its script: the language whose script has
    /// the most letters, if it has at least half of all letters (of its first 256 KB).
    pub fn detect(text: &str) -> Option<Lang> {
        // The first 256 KB tell a text's language as well as all of it, and cost
        // the same at every size.
        let sample = &text[..text.floor_char_boundary(DETECT_BYTES)];
        let mut counts = [0usize; Lang::ALL.len()];
        let mut letters = 0usize;
        for c in sample.chars().filter(|&c| chars::is_alphabetic(c)) {
            letters += 1;
            for (i, lang) in Lang::ALL.iter().enumerate() {
                if (lang.profile().is_script_char)(c) {
                    counts[i] += 1;
                }
            }
        }
        let (best, &count) = counts.iter().enumerate().max_by_key(|(_, c)| **c)?;
        (count > 0 && count * 2 >= letters).then_some(Lang::ALL[best])
    }

    /// The share of letters in `text` that are in this language's script (0 to 1).
    pub fn script_share(self, text: &str) -> f64 {
        let is = self.profile().is_script_char;
        let (mut letters, mut ours) = (0usize, 0usize);
        for c in text.chars().filter(|&c| chars::is_alphabetic(c)) {
            letters += 1;
            if is(c) {
                ours += 1;
            }
        }
        if letters == 0 { 0.0 } else { ours as f64 / letters as f64 }
    }
}

/// How much of a text [`Lang::detect`] reads.
const DETECT_BYTES: usize = 256 * 1024;

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(s)).ok_or_else(|| {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            format!("unknown language {s:?} (known: {})", known.join(", "))
        })
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A structural heading recognised at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingMatch {
    /// What the heading opens.
    pub level: HeadingLevel,
    /// Its number, where it has one.
    pub number: Option<u32>,
    /// The printed number (`第三条`, `Статья 3`, `Глава III`).
    pub label: CompactString,
    /// Text after the number on the same line (a title, or the first paragraph when
    /// the article runs in).
    pub rest: String,
    /// Whether `rest` is the article's first paragraph rather than its title.
    pub rest_is_body: bool,
}

/// The level of a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HeadingLevel {
    /// 编 / Часть.
    Part,
    /// 章 / Глава.
    Chapter,
    /// 节 / Раздел.
    Section,
    /// 条 / Статья.
    Article,
    /// 序言 / Преамбула.
    Preamble,
    /// 附件 / Приложение.
    Annex,
}

impl HeadingLevel {
    /// The word of its refs (`art.5`, `chapter.3`, `annex.1`, `preamble`).
    pub fn ref_word(self) -> &'static str {
        match self {
            HeadingLevel::Part => "part",
            HeadingLevel::Chapter => "chapter",
            HeadingLevel::Section => "section",
            HeadingLevel::Article => "art",
            HeadingLevel::Preamble => "preamble",
            HeadingLevel::Annex => "annex",
        }
    }
}

/// A numbering label at the start of a paragraph (`一、`, `（一）`, `1.`, `а)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMatch {
    /// The label's style; paragraphs of one style are siblings.
    pub style: &'static str,
    /// Its ordinal value (一 = 1, а = 1, c = 3).
    pub ordinal: u32,
    /// The label as printed.
    pub printed: CompactString,
    /// The text after it.
    pub rest: String,
}

/// The punctuation marks a language writes, by what they do, in every width it uses.
#[derive(Debug, Clone, Copy)]
pub struct Marks {
    /// `;` `；`
    pub semicolons: &'static [char],
    /// `:` `：`
    pub colons: &'static [char],
    /// `,` `，`
    pub commas: &'static [char],
    /// The enumeration comma between the items of a list (`、`).
    pub enumeration: &'static [char],
    /// `.` `。`
    pub stops: &'static [char],
    /// `!` `?` `！` `？`
    pub exclamations: &'static [char],
}

impl Marks {
    /// Whether `c` ends a clause or a list item: any of the marks.
    pub fn ends_clause(&self, c: char) -> bool {
        self.breaks_clause(c) || self.colons.contains(&c) || self.exclamations.contains(&c)
    }

    /// Whether `c` divides a sentence into clauses: a comma, an enumeration comma, a
    /// semicolon or a stop.
    pub fn breaks_clause(&self, c: char) -> bool {
        self.commas.contains(&c)
            || self.enumeration.contains(&c)
            || self.semicolons.contains(&c)
            || self.stops.contains(&c)
    }
}

/// Everything the pipeline needs to know about one language.
pub struct Profile {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// The language's name in messages (`Chinese`).
    pub name: &'static str,
    /// Its script's name in messages (`Han`).
    pub script: &'static str,
    /// The tag CAT tools expect in TMX (`zh-CN`, `ru-RU`).
    pub tmx_tag: &'static str,
    /// CSS declarations for a cell of text in this language on the HTML pages: the
    /// fonts that hold its script, most wanted first, ending in generic families so
    /// that a browser without any of them still shows the glyphs.
    pub css: &'static str,
    /// Whether a letter belongs to this language's script.
    pub is_script_char: fn(char) -> bool,
    /// The top-level domain that hints chardetng towards this language's encodings.
    pub tld_hint: &'static [u8],
    /// Legacy encodings to try, most likely first (WHATWG names).
    pub legacy_encodings: &'static [&'static str],
    /// The labels of those encodings users type, WHATWG and Windows names (`gb18030`,
    /// `cp936`), for messages.
    pub encoding_labels: &'static [&'static str],
    /// What lines of one paragraph join with: nothing for Chinese, a space for Russian.
    pub line_joiner: &'static str,
    /// Characters that end a sentence.
    pub sentence_enders: &'static [char],
    /// Characters after which `--level sentence` may cut a sentence: the sentence
    /// enders, and for Chinese the semicolon, which divides clauses as long as
    /// sentences.
    pub sentence_cuts: &'static [char],
    /// Characters that end a clause (a line ending in one is not a broken line).
    pub clause_enders: &'static [char],
    /// Its punctuation marks, by what they do.
    pub marks: Marks,
    /// Whether the language writes capital letters.
    pub has_case: bool,
    /// Whether a comma between digits is a decimal separator (`3511,5`), not a
    /// thousands one.
    pub decimal_comma: bool,
    /// A wrapped line is at most this many characters long.
    pub max_wrap_width: usize,
    /// Words that open a recital of a preamble (鉴于, 认识到 / Признавая, будучи): a
    /// line that starts with one starts a paragraph.
    pub recital_openers: &'static [&'static str],
    /// Words that name a kind of document (条约, 宪章 / договор, устав), lowercase: a
    /// title names one.
    pub title_words: &'static [&'static str],
    /// Words around a page number (`стр. 3`, `第3页`): prefixes and suffixes, lowercase.
    pub page_number_words: (&'static [&'static str], &'static [&'static str]),
    /// Words before the count of pages after a page number (`第3页共12页`, `стр. 3 из 12`).
    pub page_total_words: &'static [&'static str],
    /// What a draft is stamped with, alone on a line or in a text box (`ПРОЕКТ`,
    /// `草案`), lowercase: no part of the text.
    pub stamps: &'static [&'static str],
    /// Characters that write numbers in words (`二〇〇七`), left out where lengths are
    /// compared: a date in them is twice as long as in digits.
    pub numeral_chars: &'static str,
    /// Letters read as another where words are compared (`ё` as `е`), after lowercasing.
    pub folds: &'static [(char, char)],
    /// Whether a list bullet (`- `, `* `) before text of the script is always
    /// converters' markup: Chinese never starts a clause with a dash, Russian lists do.
    pub bullet_before_text_is_markup: bool,
    /// The second halves of words that keep their hyphen when joined across a line
    /// end (`кто-` + `то`), and the beginnings of those that do (`государств-` +
    /// `членов`).
    pub hyphen_keep: (&'static [&'static str], &'static [&'static str]),
    /// How the first part of a compound of two words ends (`научно-` +
    /// `исследовательский`): such a part broken at a line end keeps its hyphen when
    /// the second part is a word the text writes elsewhere.
    pub compound_first_endings: &'static [&'static str],
    /// Recognises a heading (article, chapter, part, annex, preamble) at the start of a line.
    pub heading: fn(&str) -> Option<HeadingMatch>,
    /// Recognises a paragraph or sub-item label at the start of a line.
    pub label: fn(&str) -> Option<LabelMatch>,
    /// Whether a paragraph is the closing formula ("Done at …", "本条约于…签订").
    pub is_closing: fn(&str) -> bool,
    /// Whether a line is a signature line ("За Республику …", "…代表").
    pub is_signature: fn(&str) -> bool,
    /// The headings of a protocol signed with the text and set after its signatures
    /// (`ПРОТОКОЛ`, `议定书`), lower case, as a line of their own says them: among the
    /// signatures, such a line opens an annex. At a text's start it is its title.
    pub protocols: &'static [&'static str],
    /// Lines that end a signature set over lines of its own, though the profile's
    /// [`Profile::is_signature`] reads them as signatures: the mark of the signature
    /// (`(подпись)`, `（签字）`) and a role under a state's name (`中华人民共和国政府` /
    /// `代表`).
    pub signature_rests: &'static [&'static str],
    /// Whether a line that ends without punctuation may run on after a blank line.
    /// Russian `…, и` closes an enumerated clause, so it may not.
    pub ends_open: fn(&str) -> bool,
    /// Words after which a full stop does not end a sentence.
    pub abbreviations: &'static [&'static str],
    /// Reads the anchors (numbers, dates, references) a text states.
    pub anchors: fn(&str) -> Vec<anchor::Anchor>,
    /// Names of states, as (an id shared by all profiles, the forms this language
    /// writes them in). Signature lines and lists of parties are told apart by them.
    pub names: &'static [(&'static str, &'static [&'static str])],
    /// What the checker compares across the languages: dates, negations, number words.
    pub review: Review,
}

// --- The checker's language data: dates, negation, words that are not counts. ---

/// A calendar date as a text states it (`2002年6月7日`, `7 июня 2002 года`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year, where stated.
    pub year: Option<u32>,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, where stated.
    pub day: Option<u32>,
    /// The text it was read from.
    pub text: String,
}

/// What the checker needs to know about a language to compare its wording with
/// another's.
pub struct Review {
    /// Reads the dates a text states, in text order.
    pub dates: fn(&str) -> Vec<Date>,
    /// Words and characters that negate or forbid (`不`, `禁止`; `не`, `запрещается`).
    /// In a language without spaces they are matched inside words.
    pub negations: &'static [&'static str],
    /// Fixed expressions that contain a negation but do not negate (`不迟于`,
    /// `не позднее`, `не только`) or whose negation is lexical (`非法`, `неотъемлемый`);
    /// they are taken out before negations are counted.
    pub not_negations: &'static [&'static str],
    /// Negative pronouns and adverbs that agree with a negation rather than adding
    /// one (Russian negative concord: `никто не`): counted only alone in a clause.
    pub concord: &'static [&'static str],
    /// Words that stand between a negation and the word it negates (`不得转让`,
    /// `не должен толковаться`, `не подлежат передаче`): passed over when a negation is
    /// tied to the word after it.
    pub modals: &'static [&'static str],
    /// Words that forbid or keep from doing without a negation (`воздерживаться`,
    /// `俾免`): a clause that holds one says no in its own words. Chinese as strings,
    /// Russian as the beginnings of words.
    pub prohibitions: &'static [&'static str],
    /// Beginnings of words that carry a negation inside them (`недискриминационные`,
    /// `нерегулярные`); empty where negations are matched inside words already.
    pub negative_prefixes: &'static [&'static str],
    /// Words that say "both" (`双方`, `обеих`): a 2 that only one text states in such a
    /// word is not a differing number.
    pub dual_words: &'static [&'static str],
    /// Words that hold a state's name without naming it (`发展中国家`, "developing
    /// countries", holds `中国`; `долларов США` is a currency): taken out before names
    /// are looked for.
    pub not_names: &'static [&'static str],
    /// Visits the terms of a text a lexicon links across languages, in order, with
    /// their byte offsets: Chinese character bigrams, Russian Snowball stems of content
    /// words.
    pub terms: fn(&str, &mut TermVisitor),
    /// Words that scale the number before them (`万` = 10 000, `млрд` = 10⁹).
    pub scales: &'static [(&'static str, u64)],
}

impl Lang {
    /// The encoding labels to suggest to a user: UTF-8 and UTF-16, and every language's
    /// legacy encodings with the Windows names users type.
    pub fn encoding_labels() -> Vec<&'static str> {
        let mut labels = vec!["utf-8", "utf-16le"];
        for lang in Lang::ALL {
            labels.extend(lang.profile().encoding_labels);
        }
        labels
    }
}

impl Profile {
    /// A text lowercased, with the profile's folds (`ё` → `е`); as long in bytes as
    /// the lowercased text wherever each fold keeps a letter's length.
    pub fn fold(&self, text: &str) -> String {
        let lower = text.to_lowercase();
        if self.folds.is_empty() {
            return lower;
        }
        lower.chars().map(|c| self.folds.iter().find(|&&(from, _)| from == c).map_or(c, |&(_, to)| to)).collect()
    }

    /// Whether a line names a kind of document (`条约`, `ДОГОВОР`), as a title does.
    pub fn names_document(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        self.title_words.iter().any(|w| lower.contains(w))
    }

    /// Whether a line ends with the name of a kind of document (`…合作条约`,
    /// `…Наций Устав`): where a title ends, whatever its length.
    pub fn ends_naming_document(&self, text: &str) -> bool {
        let lower = text.trim_end().to_lowercase();
        self.title_words.iter().any(|w| lower.ends_with(w))
    }

    /// Whether a line opens a recital of a preamble (`鉴于`, `признавая`).
    pub fn opens_recital(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        self.recital_openers.iter().any(|w| lower.starts_with(w))
    }
}

/// Roman numerals up to 3999 (`IX`, `xiv`); None if not a well-formed numeral.
pub fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let value = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(value).collect();
    let digits = digits?;
    let mut total = 0i64;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            total -= i64::from(d);
        } else {
            total += i64::from(d);
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| (1..4000).contains(&t))?;
    // Reject malformed numerals (IIII, VX) by writing the value back.
    (to_roman(total).eq_ignore_ascii_case(s)).then_some(total)
}

fn to_roman(mut n: u32) -> String {
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

/// Parses ASCII or full-width decimal digits (`26`, `２６`).
pub fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 9 {
        return None;
    }
    let mut n = 0u32;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        n = n * 10 + d;
    }
    Some(n)
}

/// Whether a character is a decimal digit, ASCII or full-width.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(parse_roman("IX"), Some(9));
        assert_eq!(parse_roman("XIX"), Some(19));
        assert_eq!(parse_roman("iv"), Some(4));
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("ABC"), None);
        assert_eq!(parse_roman("MMMCMXCIX"), Some(3999));
        assert_eq!(parse_roman("MMMM"), None);
    }

    #[test]
    fn detects_language_by_script() {
        assert_eq!(Lang::detect("第一条 缔约各方"), Some(Lang::Zh));
        assert_eq!(Lang::detect("Статья 1. Договаривающиеся Стороны"), Some(Lang::Ru));
        assert_eq!(Lang::detect("Article 1"), None);
        assert_eq!(Lang::detect("12345"), None);
    }

    #[test]
    fn digits_ascii_and_full_width() {
        assert_eq!(parse_digits("26"), Some(26));
        assert_eq!(parse_digits("２６"), Some(26));
        assert_eq!(parse_digits("2a"), None);
    }
}
