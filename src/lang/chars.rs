//! Character properties and lowercasing with fast paths for the scripts the profiles
//! read: ASCII, basic Cyrillic and the CJK Unified Ideographs.
//!
//! The standard library answers `is_alphabetic` and `to_lowercase` outside ASCII by
//! searching Unicode tables; on a Russian or Chinese text that search is most of the
//! cost of reading it. The ranges answered here are the ones the texts are made of;
//! every other character goes to the standard library, so the answers are the same
//! (the tests compare them for every character). Written by hand: no crate answers
//! these properties faster than the standard library does, and a range check is a
//! few lines.

/// [`char::is_alphabetic`], answered at once for ASCII, basic Cyrillic and CJK.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' => false,
        '\u{0400}'..='\u{0481}' | '\u{4E00}'..='\u{9FFF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`], answered at once for ASCII, basic Cyrillic and CJK.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        '\u{0400}'..='\u{0481}' | '\u{4E00}'..='\u{9FFF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// [`char::is_uppercase`], answered at once for ASCII, basic Cyrillic and CJK.
#[inline]
pub fn is_uppercase(c: char) -> bool {
    match c {
        'A'..='Z' | '\u{0400}'..='\u{042F}' => true,
        '\0'..='\x7f' | '\u{0430}'..='\u{045F}' | '\u{4E00}'..='\u{9FFF}' => false,
        _ => c.is_uppercase(),
    }
}

/// How many characters of `text` are not [`char::is_whitespace`]: a unit's length.
///
/// Counted on the bytes, by hand: every unit of both texts is measured. A character
/// starts at every byte that is not a UTF-8 continuation byte (0x80–0xBF); the
/// spaces are ASCII or led by 0xC2, 0xE1, 0xE2 or 0xE3, and only those are decoded.
pub fn non_space_count(text: &str) -> usize {
    let mut n = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let space = match b {
            0x80..=0xBF => continue,
            b'\t'..=b'\r' | b' ' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text[i..].chars().next().is_some_and(char::is_whitespace),
            _ => false,
        };
        n += usize::from(!space);
    }
    n
}

/// The lowercase of an ASCII or Cyrillic U+0400–U+045F character.
#[inline]
pub(crate) fn lower_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // А–Я to а–я, and Ѐ–Џ (Ё among them) to ѐ–џ.
        '\u{0410}'..='\u{042F}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{0400}'..='\u{040F}' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        _ => c,
    }
}

/// The first character of a character's lowercase ([`char::to_lowercase`]), which
/// begins the lowercase of any word it begins: at once for ASCII and basic Cyrillic.
#[inline]
pub fn lower_first(c: char) -> char {
    if lowers_simply(c) { lower_char(c) } else { c.to_lowercase().next().unwrap_or(c) }
}

/// Whether a character lowercases to one character that [`lower_char`] gives: ASCII
/// and Cyrillic U+0400–U+045F.
#[inline]
fn lowers_simply(c: char) -> bool {
    c.is_ascii() || ('\u{0400}'..='\u{045F}').contains(&c)
}

/// Writes [`str::to_lowercase`] of `s` into `out`, replacing what it held: a buffer
/// reused from word to word allocates once.
pub fn lowercase_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars() {
        // ASCII and Cyrillic U+0400–U+045F lowercase one character to one; for
        // anything else the standard library lowercases the whole.
        if !lowers_simply(c) {
            out.clear();
            out.push_str(&s.to_lowercase());
            return;
        }
        out.push(lower_char(c));
    }
}

/// Compares the lowercase of `text` with `prefix` for as long as `text`'s characters
/// lowercase one to one ([`lowers_simply`]): whether it starts with `prefix`, and the
/// characters after it; `None` where another character comes first, for the standard
/// library to lowercase.
fn simple_prefix<'t>(text: &'t str, prefix: &str) -> Option<(bool, std::str::Chars<'t>)> {
    let mut chars = text.chars();
    for p in prefix.chars() {
        let Some(c) = chars.next() else { return Some((false, chars)) };
        if !lowers_simply(c) {
            return None;
        }
        if lower_char(c) != p {
            return Some((false, chars));
        }
    }
    Some((true, chars))
}

/// Whether the lowercase of `text` starts with `prefix` (which is lowercase),
/// lowercasing only as much of `text` as the comparison needs.
pub fn starts_with_lowercase(text: &str, prefix: &str) -> bool {
    if let Some((starts, _)) = simple_prefix(text, prefix) {
        return starts;
    }
    let mut lower = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// Whether the lowercase of `text` is `word` (which is lowercase).
pub fn eq_lowercase(text: &str, word: &str) -> bool {
    // Every character lowercases to one character or more: `text` is `word` where
    // no character is left after it.
    if let Some((starts, mut rest)) = simple_prefix(text, word) {
        return starts && rest.next().is_none();
    }
    let mut lower = text.chars().flat_map(char::to_lowercase);
    word.chars().all(|p| lower.next() == Some(p)) && lower.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_char() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn properties_agree_with_the_standard_library_on_every_character() {
        for c in every_char() {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn characters_but_spaces_are_counted_as_the_standard_library_counts_them() {
        let count = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
        for c in every_char() {
            for t in [c.to_string(), format!("a{c} b"), format!("\u{3000}{c}\u{a0}{c}")] {
                assert_eq!(non_space_count(&t), count(&t), "{c:?}");
            }
        }
    }

    #[test]
    fn a_first_letter_lowercase_begins_the_word_lowercase() {
        for c in every_char() {
            // Alone, and before a letter (where a final sigma would be another).
            for word in [c.to_string(), format!("{c}Σ"), format!("{c}a")] {
                assert_eq!(Some(lower_first(c)), word.to_lowercase().chars().next(), "{c:?}");
            }
        }
    }

    #[test]
    fn prefixes_agree_with_the_standard_library() {
        let texts =
            ["", "С", "СТАТЬЯ 5", "Статья", "Ёлка", "ПРЕАМБУЛА", "İstanbul", "Sİ", "ΣΑΣ", "第一条", "За Правительство"];
        let words =
            ["", "с", "статья", "ст", "ёлка", "преамбула", "i\u{307}stanbul", "i", "si\u{307}", "σας", "第", "за "];
        for text in texts {
            for word in words {
                // Character by character, as the functions read (no final sigma).
                let lower: String = text.chars().flat_map(char::to_lowercase).collect();
                assert_eq!(starts_with_lowercase(text, word), lower.starts_with(word), "{text:?} {word:?}");
                assert_eq!(eq_lowercase(text, word), lower == word, "{text:?} {word:?}");
            }
        }
    }

    #[test]
    fn lowercase_agrees_with_the_standard_library() {
        for c in every_char().filter(|c| c.is_ascii() || ('\u{0400}'..='\u{045F}').contains(c)) {
            assert_eq!(lower_char(c).to_string(), c.to_lowercase().to_string(), "{c:?}");
        }
        let mut buf = String::new();
        for s in ["СТАТЬЯ Ёлка", "Договор WTO", "ΣΑΣ Σ", "İstanbul", "", "第一条 ABC"] {
            lowercase_into(s, &mut buf);
            assert_eq!(buf, s.to_lowercase(), "{s:?}");
        }
        assert!(starts_with_lowercase("СТАТЬЯ 5", "статья"));
        assert!(!starts_with_lowercase("Стат", "статья"));
        assert!(eq_lowercase("ПРЕАМБУЛА", "преамбула"));
        assert!(!eq_lowercase("Преамбулы", "преамбула"));
        assert!(!eq_lowercase("Преамбула.", "преамбула"));
        // A character that lowercases to two, before and after the simple ones.
        assert!(starts_with_lowercase("İS", "i\u{307}s"));
        assert!(starts_with_lowercase("Sİ", "si\u{307}"));
        assert!(starts_with_lowercase("Sİ", "si"));
        assert!(!starts_with_lowercase("Sİ", "sss"));
        assert!(eq_lowercase("Sİ", "si\u{307}"));
        assert!(!eq_lowercase("Sİ", "si"));
        assert!(!eq_lowercase("СТАТЬЯ", "стат"));
        assert!(!starts_with_lowercase("", "с"));
        assert!(starts_with_lowercase("", ""));
    }
}
