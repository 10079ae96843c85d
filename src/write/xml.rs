//! What XML 1.0 allows in text, for every XML-based writer (TMX, HTML).
//!
//! quick-xml escapes markup characters but writes control characters as they are,
//! and XML 1.0 forbids most of them: Word's manual line break (U+000B) becomes a line
//! break, other C0 controls and the non-characters U+FFFE and U+FFFF are dropped.
//! Other categories are kept (stripping every "C*" character would remove LRM/RLM).

/// `text` with only the characters XML 1.0 allows.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{0b}' => Some('\n'),
            '\t' | '\n' | '\r' => Some(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => None,
            _ => Some(c),
        })
        .collect()
}

/// Escapes text for HTML and XML content and attribute values.
///
/// Written by hand: five replacements after [`sanitize`]; a template engine would add
/// a build step for one page.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters() {
        assert_eq!(sanitize("a\u{b}b\u{c}c\u{0}d\u{200e}e\u{fffe}"), "a\nbcd\u{200e}e");
        assert_eq!(escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    }
}
