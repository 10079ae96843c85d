//! Anchors, the things of a text that survive translation, as the language profiles
//! read them: the types, and the reading of numbers written in digits, which every
//! language shares. What is done with them is in [`crate::anchors`].

/// What an anchor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AnchorKind {
    /// A number, a part of a date, or a period (`15`, `2007`, `июня` = 6).
    Number,
    /// The number of an article, chapter or paragraph referred to (`第102条`).
    Reference,
    /// A word in Latin script (`WTO`, `Trump`).
    Latin,
    /// An opening quotation mark of a title (`《`, `«`).
    Quote,
    /// A semicolon or colon (`；` ↔ `;`, `：` ↔ `:`): the shape of a sentence.
    Punctuation,
    /// The name of a state, by the id its language profile gives it (`russia`).
    Name,
}

/// One anchor read from a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// What it is.
    pub kind: AnchorKind,
    /// Its value, comparable across languages (`2007`, `1000000.5`, `wto`).
    pub value: String,
    /// The text it was read from.
    pub text: String,
}

/// Reads numbers written in digits (ASCII or full-width), with thousands groups
/// (`1 000 000`, `1,000,000`) and decimals (`3511.5`, Russian `3511,5`).
/// `decimal_comma` says whether a comma followed by digits is a decimal separator.
pub fn push_digit_numbers(text: &str, decimal_comma: bool, out: &mut Vec<Anchor>) {
    // Most sentences have no digit: an ASCII digit, or a full-width one (U+FF10–U+FF19,
    // `EF BC 90` to `EF BC 99`), or there is nothing to read.
    let bytes = text.as_bytes();
    let full_width =
        |i: usize| bytes.get(i + 1) == Some(&0xBC) && bytes.get(i + 2).is_some_and(|b| (0x90..=0x99).contains(b));
    let Some(first) = bytes.iter().enumerate().position(|(i, &b)| b.is_ascii_digit() || (b == 0xEF && full_width(i)))
    else {
        return;
    };
    // Read from the first digit on (a character starts there).
    let chars: Vec<(usize, char)> = text[first..].char_indices().map(|(i, c)| (first + i, c)).collect();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i].1).is_none() {
            i += 1;
            continue;
        }
        // Part of a word (`1b`, `A4`): still a number, read the digits alone.
        let start = chars[i].0;
        let (mut value, mut j) = integer_part(&chars, i, decimal_comma);
        j = decimal_part(&chars, j, decimal_comma, &mut value);
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let trimmed = value.trim_start_matches('0');
        let value =
            if trimmed.is_empty() || trimmed.starts_with('.') { format!("0{trimmed}") } else { trimmed.to_string() };
        out.push(Anchor { kind: AnchorKind::Number, value, text: text[start..end].to_string() });
        i = j.max(i + 1);
    }
}

/// An ASCII digit for an ASCII or full-width one.
fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// The digits from `j` on, pushed to `value`; where they end.
fn run_of_digits(chars: &[(usize, char)], mut j: usize, value: &mut String) -> usize {
    while let Some(d) = chars.get(j).and_then(|&(_, c)| digit(c)) {
        value.push(d);
        j += 1;
    }
    j
}

/// The digits of a number from `i` on, across thousands separators: a space of some
/// kind (or a comma where commas are not decimal) followed by exactly three digits.
/// Returns them and where they end.
fn integer_part(chars: &[(usize, char)], i: usize, decimal_comma: bool) -> (String, usize) {
    let mut value = String::new();
    let mut j = i;
    let mut first_group = true;
    loop {
        let group_start = j;
        j = run_of_digits(chars, j, &mut value);
        let group_len = j - group_start;
        let is_group_sep = match chars.get(j).map(|&(_, c)| c) {
            Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') => group_len <= 3 || !first_group,
            Some(',') => !decimal_comma,
            _ => false,
        };
        let three_follow = (1..=3).all(|k| chars.get(j + k).is_some_and(|&(_, c)| digit(c).is_some()))
            && chars.get(j + 4).is_none_or(|&(_, c)| digit(c).is_none());
        if !(is_group_sep && three_follow && group_len <= 3) {
            return (value, j);
        }
        j += 1;
        first_group = false;
    }
}

/// The decimals after `j`, if a decimal separator and a digit follow: pushed to
/// `value` without trailing zeros; where they end.
fn decimal_part(chars: &[(usize, char)], j: usize, decimal_comma: bool, value: &mut String) -> usize {
    let sep = chars.get(j).map(|&(_, c)| c);
    let decimal_sep = matches!(sep, Some('.' | '．')) || (decimal_comma && sep == Some(','));
    if !decimal_sep || chars.get(j + 1).is_none_or(|&(_, c)| digit(c).is_none()) {
        return j;
    }
    value.push('.');
    let end = run_of_digits(chars, j + 1, value);
    while value.ends_with('0') {
        value.pop();
    }
    if value.ends_with('.') {
        value.pop();
    }
    end
}
