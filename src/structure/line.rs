//! A line of input after repairs: what the loaders hand to the structure parser.

/// One line of input after repairs, with the span of input lines it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The repaired text, trimmed; empty for a blank line.
    pub text: String,
    /// The first input line (1-based).
    pub first: usize,
    /// The last input line (1-based); more than `first` after a hyphenation join.
    pub last: usize,
    /// The width of its indentation in columns (a space 1, a tab 4, an ideographic
    /// space 2), before any margin shared by every line is taken off.
    pub indent: usize,
    /// Whether page furniture (a page number, a running header, a form feed) was
    /// removed here: a page ended, so a sentence may run on across it.
    pub page_break: bool,
    /// The length in characters of the first and of the last input line it holds
    /// (they differ from the text's length after a hyphenation join).
    pub physical: [usize; 2],
    /// The width in characters of the first input line it holds as printed, its
    /// repeated spaces counted: a justified line stands as wide as the page's text.
    pub printed: usize,
}

impl Line {
    /// Whether the line is blank.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}
