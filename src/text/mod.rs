//! Reading text the way several stages need it: the anchors a text states (numbers,
//! dates, references, names) that the aligner scores and the checker compares, the
//! sentences of `--level sentence`, and a short form for messages.

pub mod anchors;
pub mod segment;

/// A text cut to at most `max` characters, the last of them an ellipsis (`…`), for
/// quoting a unit in a message or a report line. A text of `max` characters or fewer
/// is returned whole.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Whether a character is a full-width mark (CJK symbols and punctuation, full-width
/// forms: `、` `）` `：`), after which no space is written, in any language.
pub fn is_full_width_mark(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// How many columns a character takes on a terminal or in a spreadsheet cell: two for
/// East Asian wide and full-width characters (Han, kana, `，`), none for controls and
/// combining marks, one for the rest (Unicode's East Asian Width, `unicode-width`).
pub fn columns(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Whether a character is East Asian wide or full-width: two columns.
pub fn is_wide(c: char) -> bool {
    // No character before the Hangul Jamo (U+1100) is wide: Latin and Cyrillic text
    // is answered without the tables; nor are the common Han characters (U+4E00 to
    // U+9FFF), which all are.
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || (c >= '\u{1100}' && columns(c) == 2)
}

#[cfg(test)]
mod tests {
    use super::{columns, is_wide, shorten};

    #[test]
    fn wide_as_the_width_tables_say() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_wide(c), columns(c) == 2, "{c:?}");
        }
    }

    #[test]
    fn cuts_by_characters_not_bytes() {
        assert_eq!(shorten("缔约各方", 4), "缔约各方");
        assert_eq!(shorten("缔约各方开展合作", 4), "缔约各…");
        assert_eq!(shorten("Статья", 3), "Ст…");
    }
}
