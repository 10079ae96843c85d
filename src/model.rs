//! The parsed document: its units, their references, and the repairs made while
//! reading it. Loaders produce a [`Document`]; every later stage reads one.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use compact_str::CompactString;
use serde::Serialize;

use crate::lang::{HeadingLevel, Lang};

/// A text as read: where it came from, how it was decoded, its units and repairs.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The path it was read from (`-` for standard input).
    pub path: String,
    /// Its language.
    pub lang: Lang,
    /// The encoding it was decoded from (WHATWG name, `UTF-8`, `GB18030`, `windows-1251` …).
    pub encoding: String,
    /// Whether it began with a byte-order mark.
    pub bom: bool,
    /// Its units in document order.
    pub units: Vec<Unit>,
    /// The repairs made while reading it, in line order.
    pub repairs: Vec<Repair>,
    /// The kind of file it was read from.
    pub format: InputFormat,
    /// How its line breaks were read.
    pub layout: Layout,
    /// What the document reader did (numbering applied, headers left out, …), for a
    /// person; empty for plain text.
    pub reader: Vec<String>,
    /// Refs to unit positions, built on the first lookup: lookups by ref stay
    /// logarithmic on texts of 100,000 articles. `units` may change after it: a lookup
    /// checks the unit it finds, and looks through the units when the index is stale.
    #[serde(skip)]
    index: OnceLock<BTreeMap<CompactString, usize>>,
}

impl Document {
    /// A document of these units and repairs.
    pub fn new(path: String, lang: Lang, encoding: String, bom: bool, units: Vec<Unit>, repairs: Vec<Repair>) -> Self {
        Document {
            path,
            lang,
            encoding,
            bom,
            format: InputFormat::Text,
            layout: Layout::Blank,
            reader: Vec::new(),
            units,
            repairs,
            index: OnceLock::new(),
        }
    }

    /// Forgets the index of refs, after the units were rebuilt.
    pub(crate) fn reindex(&mut self) {
        self.index = OnceLock::new();
    }

    /// The position of the unit with reference `r`, if any.
    ///
    /// The index is checked against the units on every lookup: a hit must name a unit
    /// with that ref; anything else (a ref not in the index, or one that now names
    /// another unit) is searched for unit by unit. Lookups of refs that exist — all
    /// the pipeline makes — stay logarithmic however the units were edited, and no
    /// edit can make a lookup wrong.
    pub fn position(&self, r: &str) -> Option<usize> {
        let index =
            self.index.get_or_init(|| self.units.iter().enumerate().map(|(i, u)| (u.r#ref.clone(), i)).collect());
        match index.get(r) {
            Some(&i) if self.units.get(i).is_some_and(|u| u.r#ref == r) => Some(i),
            _ => self.units.iter().position(|u| u.r#ref == r),
        }
    }

    /// The unit with reference `r`, if any.
    pub fn unit(&self, r: &str) -> Option<&Unit> {
        self.position(r).map(|i| &self.units[i])
    }

    /// The unit whose lines hold input line `line`, or the last one before it.
    pub fn unit_at_line(&self, line: usize) -> Option<&Unit> {
        let after = self.units.partition_point(|u| u.lines[0] <= line);
        self.units[..after]
            .iter()
            .rev()
            .find(|u| u.lines[0] <= line && line <= u.lines[1])
            .or_else(|| after.checked_sub(1).map(|i| &self.units[i]))
    }

    /// Whether a long text read by its structure has no article at all: what is left
    /// of a Word file whose automatic numbers an extractor dropped (python-docx).
    pub fn lacks_articles(&self) -> bool {
        let structured = !self.units.iter().any(|u| u.kind == UnitKind::Line);
        let headings = self.units.iter().filter(|u| u.kind == UnitKind::Heading).count();
        structured && headings == 0 && self.units.len() >= 20 && self.format == InputFormat::Text
    }

    /// The total number of characters of all units' text.
    pub fn char_count(&self) -> usize {
        self.units.iter().map(|u| u.text.chars().count()).sum()
    }
}

/// The kinds of file a text is read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text, in any supported encoding.
    #[default]
    Text,
    /// A Word document (Office Open XML).
    Docx,
    /// An OpenDocument text.
    Odt,
    /// A web page (HTML or XHTML).
    Html,
    /// A PDF file's text layer.
    Pdf,
}

/// How the line breaks of a text are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Paragraphs are separated by blank lines; a single line break wraps a paragraph.
    #[default]
    Blank,
    /// Every line is a paragraph.
    Lines,
    /// Lines are wrapped at a width; paragraphs are rebuilt from them.
    Wrapped,
}

/// One unit of a text: a heading, a paragraph, a sub-item, a signature line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// Its reference, unique in the text (`art.8.2`, `preamble.3`, `sig.1`). Up to 24
    /// bytes, which every reference but the deepest is, it is held in place, not on the
    /// heap: a long text has tens of thousands of units.
    #[serde(rename = "ref")]
    pub r#ref: CompactString,
    /// What kind of unit it is.
    pub kind: UnitKind,
    /// Its printed number (`一、`, `1.`, `第一条`), if it has one.
    pub label: Option<CompactString>,
    /// Its text after repairs and whitespace folding, without a paragraph's printed number.
    pub text: String,
    /// The first and last line (1-based) of the input it came from.
    pub lines: [usize; 2],
    /// Structural facts the aligner and checker use; not part of the JSON.
    #[serde(skip)]
    pub info: UnitInfo,
}

/// Structural facts about a unit, beyond its reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitInfo {
    /// For a heading: its level and number (`(Article, 5)`), as printed.
    pub number: Option<(HeadingLevel, u32)>,
    /// The key of the container it belongs to (`art.5`, `preamble`, `closing`), used to
    /// align containers before units.
    pub container: CompactString,
    /// For a numbered paragraph or item: its label's style and ordinal.
    pub ordinal: Option<(&'static str, u32)>,
    /// For an unnumbered paragraph of an article: the line breaks around it that the
    /// layout could not decide.
    pub undecided: Undecided,
}

/// Line breaks around a paragraph that its text cannot decide: a line that ended a
/// sentence and all but filled a width known only roughly, and a next line that
/// starts one. The layout decided each; the other language's text may settle it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Undecided {
    /// Where lines were joined into it that may have started a paragraph: the byte
    /// offset in its text of each such line's text, and that line's input line.
    pub splits: Vec<(usize, usize)>,
    /// Whether it started at a line break that may only have wrapped a line of the
    /// paragraph before.
    pub joins_previous: bool,
}

/// The kinds of unit, as named in the JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// The title.
    Title,
    /// A paragraph before the preamble that is not the title.
    Front,
    /// A paragraph of the preamble, or its heading.
    Preamble,
    /// A heading: part, chapter, section, article, annex.
    Heading,
    /// A paragraph of an article (or annex).
    Paragraph,
    /// A sub-item of a paragraph.
    Item,
    /// A paragraph of the closing formula.
    Closing,
    /// A signature line.
    Signature,
    /// A line, with `--segments lines`.
    Line,
}

/// A repair made while reading a text, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repair {
    /// What was repaired.
    pub kind: RepairKind,
    /// The line (1-based) of the input where it was made.
    pub line: usize,
    /// What was done, for a person.
    pub message: String,
}

/// The kinds of repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// A paragraph broken at a page end or hard-wrapped was joined.
    Join,
    /// List or emphasis markup (`- `, `**`, `#`) was removed.
    Markup,
    /// An end-of-line hyphen was removed and the word joined.
    Hyphenation,
    /// A page number was removed.
    PageNumber,
    /// A running header or footer was removed.
    RunningHeader,
    /// A paragraph was cut where a line break could have ended it, because the
    /// other language's text has a paragraph there.
    Split,
    /// Indentation, trailing or non-breaking spaces were folded.
    Whitespace,
    /// Zero-width characters or soft hyphens were removed.
    Invisible,
    /// The text was put in Unicode normalization form C.
    Normalization,
    /// A footnote at the foot of a printed page, or its mark, was left out.
    Footnote,
    /// A character typed or converted for another was replaced (a letter `O` for
    /// the numeral zero `〇`).
    Character,
}

/// The name a value has on the wire, as its serde attributes make it: text output
/// uses the same names as JSON (`paragraph`, `page_number`, `wrapped`), written once.
pub fn wire_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(r: &str) -> Unit {
        Unit {
            r#ref: r.into(),
            kind: UnitKind::Paragraph,
            label: None,
            text: r.to_string(),
            lines: [1, 1],
            info: UnitInfo::default(),
        }
    }

    /// The index is built on the first lookup; units edited after it are still found.
    #[test]
    fn lookups_follow_units_edited_after_the_first_lookup() {
        let mut doc =
            Document::new("d".into(), Lang::Zh, "UTF-8".into(), false, vec![unit("a"), unit("b"), unit("c")], vec![]);
        assert_eq!(doc.position("b"), Some(1));
        doc.units.insert(0, unit("z"));
        assert_eq!(doc.position("b"), Some(2));
        assert_eq!(doc.unit("z").map(|u| u.r#ref.as_str()), Some("z"));
        doc.units[3].r#ref = "d".into();
        assert_eq!(doc.position("c"), None);
        assert_eq!(doc.position("d"), Some(3));
        // A middle unit renamed while the count and both ends stay as they were.
        doc.units[1].r#ref = "y".into();
        assert_eq!(doc.position("y"), Some(1));
        assert_eq!(doc.position("a"), None);
        doc.units.clear();
        assert_eq!(doc.position("a"), None);
    }
}
