//! The HTML reader: a web page's visible text, as paragraphs.
//!
//! - **Charset.** A byte-order mark, then the user's `--encoding`, then the page's own
//!   `<meta charset>` (or `http-equiv="content-type"`, or an XML declaration), then the
//!   decoding ladder of [`super::decode`] run on the page's text without its markup
//!   (markup is ASCII in every encoding we read, so the bytes between tags are the
//!   text's bytes): GB18030/GBK, Big5, windows-1251 and KOI8-R pages read.
//! - **Tree.** html5ever (through scraper) builds the tree browsers build. It is fed in
//!   small chunks while a guard watches the depth of the tree and the number of nodes:
//!   the tree builder's scope checks cost the depth of the open elements for every
//!   tag, so a page nested a million deep would take hours. Past
//!   [`MAX_HTML_DEPTH`] or [`MAX_HTML_NODES`] the page is refused.
//! - **Text.** The tree is walked without recursion. Blocks (p, div, li, h1–h6, td,
//!   tr, blockquote, dd, dt, pre, section, article …) are paragraphs; `<br>` is a line
//!   break inside the paragraph, `<br><br>` and `<br>` followed by an ideographic
//!   space (U+3000, the Chinese first-line indent) a paragraph break. Whitespace is
//!   collapsed as a browser does, except in `pre`; a line break in the source between
//!   two Chinese characters is removed (CSS Text 3, segment breaks between East Asian
//!   wide characters), but after a Chinese heading's label (`第一章`) it is the space
//!   between label and title (see `is_heading_label`). U+00A0 and U+3000 are
//!   kept. Script, style, navigation, page headers and footers, asides and hidden
//!   elements are left out.
//! - **List numbers.** The numbers of an `<ol>` are drawn by the browser, not written
//!   in the page: they are computed here from `start`, `reversed`, `value`, `type` and
//!   an inline `list-style-type` (decimal, alphabetic, roman, `cjk-ideographic` →
//!   一、, `lower-russian`), and written before the item's text. The items of a list
//!   inside a numbered list are sub-items, their numbers in parentheses: `(1)`, `(а)`,
//!   `（一）` (see `Numbering::nested_label`). A stylesheet is not evaluated; a note
//!   says so when the page has one.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::Path;

use ego_tree::iter::Edge;
use encoding_rs::{Encoding, UTF_8};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::node::Element;
use scraper::{Html, HtmlTreeSink, Node};

use super::{Extracted, LoadOptions, decode};
use crate::error::{Error, ErrorKind, Result};
use crate::limits::{MAX_HTML_DEPTH, MAX_HTML_NODES};
use crate::structure::Breaks;

/// Reads an HTML page: its text as paragraphs separated by blank lines.
pub fn read(bytes: &[u8], path: &Path, options: &LoadOptions) -> Result<Extracted> {
    let (page, encoding, mut notes) = decode_page(bytes, path, options)?;
    let html = parse(&page, path)?;
    let mut walker = Walker::default();
    walker.walk(&html);
    notes.extend(walker.notes());
    Ok(Extracted { text: walker.out.finish(), encoding, breaks: Breaks::Paragraphs, notes })
}

// ---------------------------------------------------------------------------------
// Charset

/// Decodes the page: BOM, the user's label, the page's declaration, the ladder.
/// Returns the page, the encoding's name and a note where the declaration was wrong.
fn decode_page(bytes: &[u8], path: &Path, options: &LoadOptions) -> Result<(String, String, Vec<String>)> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (page, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok((page.into_owned(), encoding.name().to_string(), Vec::new()));
    }
    if let Some(label) = options.encoding.as_deref() {
        let encoding = decode::encoding_for_label(label)
            .ok_or_else(|| Error::new(ErrorKind::UnknownEncoding(label.to_string()), path))?;
        return strict(encoding, bytes).map(|page| (page, encoding.name().to_string(), Vec::new())).ok_or_else(|| {
            Error::new(ErrorKind::Undecodable(format!("bytes that are not valid {}", encoding.name())), path)
        });
    }
    let mut notes = Vec::new();
    if let Some((label, encoding)) = declared_charset(bytes) {
        if let Some(page) = strict(encoding, bytes) {
            return Ok((page, encoding.name().to_string(), notes));
        }
        notes.push(format!("the page says charset={label}, but its bytes are not {}", encoding.name()));
    }
    let text = text_bytes(bytes);
    // Valid UTF-8 is UTF-8, whatever its language: the language is checked later.
    let (encoding, name) = if std::str::from_utf8(&text).is_ok() {
        (UTF_8, UTF_8.name().to_string())
    } else {
        let decoded = decode::decode(&text, path, options.lang, None)?;
        let encoding = decode::encoding_for_label(&decoded.encoding).unwrap_or(UTF_8);
        (encoding, decoded.encoding)
    };
    // The text between the tags decoded strictly; stray bytes in markup may be replaced.
    let (page, _) = encoding.decode_without_bom_handling(bytes);
    Ok((page.into_owned(), name, notes))
}

/// Decodes without replacement; `None` if a byte sequence is malformed.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding.decode_without_bom_handling_and_without_replacement(bytes).map(|t| t.into_owned())
}

/// How far into the page its charset declaration is looked for. The HTML standard's
/// prescan looks at 1024 bytes; saved pages often put a long comment or script first.
const PRESCAN_BYTES: usize = 4096;

/// The charset a page declares in its first bytes: `<meta charset=…>`, `<meta
/// http-equiv="content-type" content="…; charset=…">`, or `<?xml … encoding="…"?>`.
/// A declared UTF-16 means UTF-8, as in the HTML standard (the page was read as ASCII
/// to find the declaration, so it is not UTF-16).
fn declared_charset(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    let head: Vec<u8> = bytes[..bytes.len().min(PRESCAN_BYTES)].to_ascii_lowercase();
    let head = String::from_utf8_lossy(&head);
    let mut candidates = Vec::new();
    if head.trim_start().starts_with("<?xml") {
        let decl = &head[..head.find("?>").unwrap_or(head.len())];
        if let Some(i) = decl.find("encoding") {
            candidates.push(&decl[i + "encoding".len()..]);
        }
    }
    let mut rest = &head[..];
    while let Some(i) = rest.find("<meta") {
        let tag = &rest[i..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(j) = tag.find("charset") {
            candidates.push(&tag[j + "charset".len()..]);
        }
        rest = &rest[i + "<meta".len()..];
    }
    candidates.into_iter().find_map(|after| {
        let value = after.trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let end = value.find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ';' | '/' | '>' | '?'));
        let label = &value[..end.unwrap_or(value.len())];
        let encoding = decode::encoding_for_label(label)?;
        let encoding =
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE { UTF_8 } else { encoding };
        Some((label.to_string(), encoding))
    })
}

/// The bytes of a page between its tags, comments, scripts and styles, each run on a
/// line of its own: the text to tell the encoding by. In the encodings we read
/// (UTF-8, GB18030, Big5, windows-1251, KOI8-R) the bytes `<` and `>` are never part of
/// a multi-byte character, so cutting at them never splits one.
fn text_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        let close: &[u8] = if rest.starts_with(b"<!--") {
            b"-->"
        } else if starts_with_ignore_case(rest, b"<script") {
            b"</script"
        } else if starts_with_ignore_case(rest, b"<style") {
            b"</style"
        } else {
            b">"
        };
        let end = find_ignore_case(&rest[1..], close).map_or(bytes.len(), |j| i + 1 + j + close.len());
        out.push(b'\n');
        i = end;
    }
    out
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find_ignore_case(bytes: &[u8], needle: &[u8]) -> Option<usize> {
    bytes.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

// ---------------------------------------------------------------------------------
// Tree

/// How much of the page the parser takes at a time before the guard looks at the
/// tree again (bytes). Small, so that a hostile page is stopped soon after it crosses
/// a limit.
const CHUNK_BYTES: usize = 1024;

/// Parses the page into a tree, refusing it when the tree grows too deep or too big.
fn parse(page: &str, path: &Path) -> Result<Html> {
    let mut parser = html5ever::driver::parse_document(Guarded::new(), Default::default());
    let mut start = 0;
    while start < page.len() {
        let mut end = (start + CHUNK_BYTES).min(page.len());
        while !page.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&page[start..end]));
        start = end;
        let sink = &parser.tokenizer.sink.sink;
        if let Some(why) = sink.exceeded() {
            return Err(Error::new(ErrorKind::Limit(why), path));
        }
    }
    let guarded = parser.tokenizer.sink.sink.exceeded();
    if let Some(why) = guarded {
        return Err(Error::new(ErrorKind::Limit(why), path));
    }
    Ok(parser.finish())
}

type Id = <HtmlTreeSink as TreeSink>::Handle;

/// scraper's tree sink, watched: the depth of every element and the number of nodes.
/// Depths follow `append` (a node is one deeper than its parent); nodes moved later
/// (misnested tags) keep the depth they had, which is close enough for a guard.
struct Guarded {
    inner: HtmlTreeSink,
    depth: RefCell<HashMap<Id, u32>>,
    deepest: Cell<u32>,
    nodes: Cell<usize>,
}

impl Guarded {
    fn new() -> Self {
        Guarded {
            inner: HtmlTreeSink::new(Html::new_document()),
            depth: RefCell::new(HashMap::new()),
            deepest: Cell::new(0),
            nodes: Cell::new(0),
        }
    }

    /// Why the page is refused, if a limit was crossed.
    fn exceeded(&self) -> Option<String> {
        if self.deepest.get() as usize > MAX_HTML_DEPTH {
            return Some(format!("HTML elements nested more than {MAX_HTML_DEPTH} deep; that is the limit"));
        }
        if self.nodes.get() > MAX_HTML_NODES {
            return Some(format!("an HTML page of more than {MAX_HTML_NODES} elements; that is the limit"));
        }
        None
    }

    fn placed(&self, node: &NodeOrText<Id>, parent_depth: u32) {
        if let NodeOrText::AppendNode(id) = node {
            let d = parent_depth + 1;
            self.depth.borrow_mut().insert(*id, d);
            if d > self.deepest.get() {
                self.deepest.set(d);
            }
        }
    }

    fn depth_of(&self, id: &Id) -> u32 {
        self.depth.borrow().get(id).copied().unwrap_or(0)
    }

    fn created(&self) {
        self.nodes.set(self.nodes.get() + 1);
    }
}

impl TreeSink for Guarded {
    type Output = Html;
    type Handle = Id;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, msg: std::borrow::Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> Id {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Id) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        self.created();
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> Id {
        self.created();
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Id {
        self.created();
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        self.placed(&child, self.depth_of(parent));
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        self.placed(&child, self.depth_of(element).max(self.depth_of(prev_element)));
        self.inner.append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.inner.append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &Id) -> Id {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &Id, y: &Id) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        self.placed(&new_node, self.depth_of(sibling).saturating_sub(1));
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &Id) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        self.inner.reparent_children(node, new_parent)
    }
}

// ---------------------------------------------------------------------------------
// Text

/// Elements whose text is not the document's, with the name a note gives them.
/// Elements mapped to `None` are left out without a note (the page's title, ruby
/// annotations, form controls).
fn skipped(name: &str) -> Option<Option<Skip>> {
    Some(match name {
        "script" | "noscript" | "template" => Some(Skip::Script),
        "style" => Some(Skip::Style),
        "nav" | "menu" => Some(Skip::Navigation),
        "header" => Some(Skip::Header),
        "footer" => Some(Skip::Footer),
        "aside" => Some(Skip::Aside),
        "title" | "rt" | "rp" | "button" | "select" | "textarea" | "iframe" | "object" | "svg" | "math" | "dialog" => {
            None
        }
        _ => return None,
    })
}

/// What was left out, in the order a note lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Skip {
    Script,
    Style,
    Navigation,
    Header,
    Footer,
    Aside,
    Hidden,
    Footnotes,
}

impl Skip {
    fn name(self) -> &'static str {
        match self {
            Skip::Script => "script",
            Skip::Style => "style",
            Skip::Navigation => "navigation",
            Skip::Header => "page header",
            Skip::Footer => "page footer",
            Skip::Aside => "asides",
            Skip::Hidden => "hidden elements",
            Skip::Footnotes => "footnotes and their marks",
        }
    }
}

/// Elements that begin and end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// The value of a declaration in an inline `style`, lowercased, e.g. `display`.
fn style_value(element: &Element, property: &str) -> Option<String> {
    let style = element.attr("style")?.to_ascii_lowercase();
    style.split(';').find_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        (name.trim() == property).then(|| value.trim().trim_end_matches("!important").trim().to_string())
    })
}

fn is_hidden(element: &Element) -> bool {
    element.attr("hidden").is_some()
        || style_value(element, "display").is_some_and(|v| v == "none")
        || style_value(element, "visibility").is_some_and(|v| v == "hidden")
}

/// The ARIA landmark roles that mean navigation, page header and page footer.
/// A footnote's mark in the text, or the footnotes themselves, as pandoc, Word and
/// hand-made pages write them: a link to `#fn1`, `#_ftn1`, `#_edn1`, `#footnote-1`
/// (`role="doc-noteref"`, class `footnote-ref`), and the block of notes (class
/// `footnotes`, `role="doc-endnotes"`, Word's `<div id="ftn1">`). Notes are not the
/// treaty's text, as the Word and OpenDocument readers leave them out too.
fn is_footnote(element: &Element) -> bool {
    let attr = |name: &str| element.attr(name).map(|v| v.trim().to_ascii_lowercase()).unwrap_or_default();
    let (role, class, id) = (attr("role"), attr("class"), attr("id"));
    let note_link = |target: &str| {
        let target = target.trim_start_matches('#').trim_start_matches('_');
        ["fn", "ftn", "edn", "footnote", "endnote"].iter().any(|p| {
            target
                .strip_prefix(p)
                .is_some_and(|rest| rest.trim_start_matches(['-', '_']).starts_with(|c: char| c.is_ascii_digit()))
        })
    };
    let classes = || class.split_whitespace().collect::<Vec<_>>();
    matches!(role.as_str(), "doc-noteref" | "doc-endnotes" | "doc-footnote" | "doc-endnote")
        || classes().iter().any(|c| matches!(*c, "footnote-ref" | "footnotes" | "footnote" | "endnotes"))
        || (element.name() == "a" && attr("href").starts_with('#') && note_link(&attr("href")))
        || (matches!(element.name(), "div" | "section" | "aside") && note_link(&id))
}

fn skipped_role(element: &Element) -> Option<Skip> {
    match element.attr("role")?.trim().to_ascii_lowercase().as_str() {
        "navigation" | "menubar" => Some(Skip::Navigation),
        "banner" => Some(Skip::Header),
        "contentinfo" => Some(Skip::Footer),
        "complementary" => Some(Skip::Aside),
        _ => None,
    }
}

/// How list numbers are drawn (CSS `list-style-type`, HTML `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    None,
    Decimal,
    DecimalLeadingZero,
    LowerAlpha,
    UpperAlpha,
    LowerRoman,
    UpperRoman,
    CjkIdeographic,
    LowerRussian,
    UpperRussian,
}

impl Numbering {
    /// From a `list-style-type` value (or the shorthand `list-style`).
    fn from_css(value: &str) -> Option<Numbering> {
        value.split_whitespace().find_map(|word| {
            Some(match word {
                "none" | "disc" | "circle" | "square" => Numbering::None,
                "decimal" => Numbering::Decimal,
                "decimal-leading-zero" => Numbering::DecimalLeadingZero,
                "lower-alpha" | "lower-latin" => Numbering::LowerAlpha,
                "upper-alpha" | "upper-latin" => Numbering::UpperAlpha,
                "lower-roman" => Numbering::LowerRoman,
                "upper-roman" => Numbering::UpperRoman,
                "cjk-ideographic" | "trad-chinese-informal" | "simp-chinese-informal" => Numbering::CjkIdeographic,
                "lower-russian" | "cyrillic-lower" => Numbering::LowerRussian,
                "upper-russian" | "cyrillic-upper" => Numbering::UpperRussian,
                _ => return None,
            })
        })
    }

    /// From the HTML `type` attribute of `ol` or `li`.
    fn from_type(value: &str) -> Option<Numbering> {
        Some(match value.trim() {
            "1" => Numbering::Decimal,
            "a" => Numbering::LowerAlpha,
            "A" => Numbering::UpperAlpha,
            "i" => Numbering::LowerRoman,
            "I" => Numbering::UpperRoman,
            _ => return None,
        })
    }

    /// The numbering an element asks for: inline style first, then `type`.
    fn of(element: &Element) -> Option<Numbering> {
        style_value(element, "list-style-type")
            .and_then(|v| Numbering::from_css(&v))
            .or_else(|| style_value(element, "list-style").and_then(|v| Numbering::from_css(&v)))
            .or_else(|| element.attr("type").and_then(Numbering::from_type))
    }

    /// The number or letter a browser draws for `n`, without its suffix (`3`, `c`,
    /// `三`). Styles that cannot draw `n` (zero or negative letters, roman past 3999,
    /// Chinese numerals past 9999) fall back to decimal, as CSS counter styles do.
    fn counter(self, n: i64) -> Option<String> {
        const RU: [char; 28] = [
            'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у', 'ф', 'х',
            'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
        ];
        const LATIN: [char; 26] = [
            'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u',
            'v', 'w', 'x', 'y', 'z',
        ];
        let marker = match self {
            Numbering::None => return None,
            Numbering::Decimal => None,
            Numbering::DecimalLeadingZero => Some(if (0..10).contains(&n) { format!("0{n}") } else { n.to_string() }),
            Numbering::LowerAlpha => alphabetic(n, &LATIN),
            Numbering::UpperAlpha => alphabetic(n, &LATIN).map(|s| s.to_uppercase()),
            Numbering::LowerRoman => roman(n).map(|s| s.to_lowercase()),
            Numbering::UpperRoman => roman(n),
            Numbering::LowerRussian => alphabetic(n, &RU),
            Numbering::UpperRussian => alphabetic(n, &RU).map(|s| s.to_uppercase()),
            Numbering::CjkIdeographic => cjk(n),
        };
        Some(marker.unwrap_or_else(|| n.to_string()))
    }

    /// The marker a browser draws for `n`, with its suffix (`3.`, `c.`, `三、`).
    fn label(self, n: i64) -> Option<String> {
        let counter = self.counter(n)?;
        Some(if self == Numbering::CjkIdeographic { format!("{counter}、") } else { format!("{counter}.") })
    }

    /// The marker of an item of a list nested in a numbered list: the browser's number
    /// or letter in parentheses, `(3)`, `(c)`, `(в)`, `（三）`. A browser draws an
    /// inner list's numbers as it draws the outer list's (`1.` under `2.`, since a page
    /// converted from a Word file keeps the levels but rarely their number formats),
    /// so written as drawn they would read as more paragraphs of the article, counted
    /// again from 1. In parentheses they are the sub-items the printed texts write
    /// (`(1)`, `(а)`, `（一）`), which the structure parser reads in either language as
    /// items of the paragraph they follow.
    fn nested_label(self, n: i64) -> Option<String> {
        let counter = self.counter(n)?;
        Some(if self == Numbering::CjkIdeographic { format!("（{counter}）") } else { format!("({counter})") })
    }
}

/// Bijective base-N letters: a … z, aa, ab … (CSS `alphabetic`); from 1.
fn alphabetic(n: i64, letters: &[char]) -> Option<String> {
    if n < 1 {
        return None;
    }
    let base = letters.len() as i64;
    let mut n = n;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(letters[(n % base) as usize]);
        n /= base;
    }
    Some(out.into_iter().rev().collect())
}

/// Upper-case roman numerals, 1 to 3999.
fn roman(n: i64) -> Option<String> {
    if !(1..=3999).contains(&n) {
        return None;
    }
    const TABLE: [(i64, &str); 13] = [
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
    let mut n = n;
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    Some(out)
}

/// Chinese counting numerals as `cjk-ideographic` draws them, 0 to 9999: 十, 十一,
/// 二十, 一百, 一百零一, 一千零一十.
fn cjk(n: i64) -> Option<String> {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if !(0..=9999).contains(&n) {
        return None;
    }
    if n == 0 {
        return Some("零".to_string());
    }
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units = ["千", "百", "十", ""];
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in digits.iter().enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十一, not 一十一, when ten is the highest place.
        if !(i == 2 && d == 1 && out.is_empty()) {
            out.push(D[d as usize]);
        }
        out.push_str(units[i]);
    }
    Some(out)
}

/// An open list while walking.
struct List {
    ordered: bool,
    numbering: Numbering,
    next: i64,
    step: i64,
    /// The list is inside a list that draws numbers: its items are sub-items, their
    /// numbers in parentheses (see `Numbering::nested_label`).
    nested: bool,
}

/// The text being written: finished paragraphs, the lines of the current one, and
/// the current line, with whitespace collapsing state.
#[derive(Default)]
struct Out {
    text: String,
    lines: Vec<String>,
    line: String,
    /// Whitespace seen and not yet written; `true` if it held a line break.
    space: Option<bool>,
    /// The last thing was a `<br>` that ended a line.
    after_br: bool,
    /// A list number waiting for the item's first character.
    label: Option<String>,
    /// Blocks whose lines, ended by `<br>`, were read as paragraphs.
    br_paragraphs: usize,
    /// Line breaks of the source kept as a space after a heading's label (`第一章`).
    label_spaces: usize,
}

impl Out {
    fn char(&mut self, c: char) {
        if let Some(newline) = self.space.take()
            && !self.line.is_empty()
        {
            let between_wide =
                newline && self.line.chars().next_back().is_some_and(crate::text::is_wide) && crate::text::is_wide(c);
            if !between_wide {
                self.line.push(' ');
            } else if is_heading_label(&self.line) {
                self.line.push(' ');
                self.label_spaces += 1;
            }
        }
        if self.after_br && self.line.is_empty() && c == '\u{3000}' {
            self.paragraph();
        }
        self.after_br = false;
        if let Some(label) = self.label.take() {
            self.line.push_str(&label);
            if !label.ends_with(crate::text::is_full_width_mark) {
                self.line.push(' ');
            }
        }
        self.line.push(c);
    }

    /// Text outside `pre`: runs of ASCII whitespace become one space.
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                let newline = c == '\n' || c == '\r';
                self.space = Some(self.space.unwrap_or(false) || newline);
            } else if !c.is_control() {
                self.char(c);
            }
        }
    }

    /// Text inside `pre`: kept as it is; a blank line is a paragraph break.
    fn pre(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\n' => self.br(),
                '\r' => {}
                c if c == '\t' || c == ' ' => {
                    if self.label.is_some() {
                        continue;
                    }
                    self.after_br = false;
                    self.line.push(c);
                }
                c if c.is_control() => {}
                c => self.char(c),
            }
        }
    }

    /// A line break: ends the line; a second one in a row ends the paragraph.
    fn br(&mut self) {
        self.space = None;
        if self.line.trim().is_empty() {
            self.line.clear();
            if !self.lines.is_empty() {
                self.paragraph();
            }
        } else {
            self.lines.push(std::mem::take(&mut self.line).trim_end().to_string());
            self.after_br = true;
        }
    }

    /// Ends the paragraph, if there is one.
    fn paragraph(&mut self) {
        self.space = None;
        self.after_br = false;
        if !self.line.trim().is_empty() {
            self.lines.push(std::mem::take(&mut self.line).trim_end().to_string());
        }
        self.line.clear();
        if self.lines.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        // Pages that set a whole text in one block, a paragraph a line ended by
        // `<br>`: when most of its lines end a sentence or a clause, each is a
        // paragraph. Otherwise the lines are one paragraph broken by its author
        // (a title, an address), for the structure parser to read.
        let ended = self.lines[..self.lines.len() - 1].iter().filter(|l| l.ends_with(CLAUSE_ENDS)).count();
        let separate = self.lines.len() >= 3 && 2 * ended >= self.lines.len() - 1;
        self.br_paragraphs += usize::from(separate);
        let last = self.lines.len() - 1;
        for (k, line) in self.lines.drain(..).enumerate() {
            self.text.push_str(&line);
            self.text.push('\n');
            if separate && k < last {
                self.text.push('\n');
            }
        }
    }

    fn finish(mut self) -> String {
        self.paragraph();
        self.text
    }
}

/// Whether a line so far is only the label of a Chinese heading: `第` and a number,
/// then 章, 条, 节, 编 or 部分 (and 之 with a number, an inserted article: 第二十六条之一).
///
/// A line break in the source between two Chinese characters is dropped, as CSS drops
/// it; but LibreOffice's HTML export breaks its source lines at the space after a
/// heading's label (`<b>第一章\n总则</b>`, from a Word file's `第一章 总则`). Dropped, it
/// would give `第一章总则`, which reads as a sentence beginning with 第一章, not as a
/// heading: no article would be found, and the whole text would be its preamble. The
/// break is kept there as the space the plain text has (`第一章 总则`).
fn is_heading_label(line: &str) -> bool {
    let numeral = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "〇零○一二三四五六七八九十百千万两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟".contains(c)
    };
    let Some(after) = line.trim_start().strip_prefix('第') else { return false };
    let number_end = after.find(|c: char| !numeral(c)).unwrap_or(after.len());
    if number_end == 0 {
        return false;
    }
    let unit = &after[number_end..];
    matches!(unit, "章" | "条" | "條" | "节" | "節" | "编" | "編" | "部分")
        || unit
            .strip_prefix(['条', '條'])
            .and_then(|t| t.strip_prefix('之'))
            .is_some_and(|n| !n.is_empty() && n.chars().all(numeral))
}

/// Marks that end a sentence or a clause, in the scripts of the languages read: a
/// line of a page ending so, before a `<br>`, is a paragraph (see [`Out::paragraph`]).
const CLAUSE_ENDS: &[char] = &['.', ';', ':', ',', '!', '?', '…', '。', '；', '：', '，', '！', '？', '、'];

/// Walks the tree in document order, without recursion.
#[derive(Default)]
struct Walker {
    out: Out,
    lists: Vec<List>,
    /// The element being left out, until it closes.
    skipping: Option<ego_tree::NodeId>,
    pre: usize,
    left_out: Vec<Skip>,
    numbered: usize,
    /// Of the numbered items, those of lists nested in numbered lists.
    sub_items: usize,
    /// The page has a stylesheet (a `<style>` or a linked one) that may set list numbers.
    stylesheet: bool,
    /// Only the page's `<main>` element was read.
    outside_main: bool,
}

/// Whether an element holds a heading (h1–h6), looked for without recursion.
fn has_heading(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.descendants()
        .any(|d| d.value().as_element().is_some_and(|e| matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")))
}

impl Walker {
    fn walk(&mut self, html: &Html) {
        let mut mains = Vec::new();
        for node in html.tree.nodes() {
            let Node::Element(element) = node.value() else { continue };
            match element.name() {
                "style" => {
                    let css: String = node.children().filter_map(|c| c.value().as_text()).map(|t| &t[..]).collect();
                    self.stylesheet |= css.contains("list-style") || css.contains("counter");
                }
                "link" => {
                    self.stylesheet |=
                        element.attr("rel").is_some_and(|r| r.to_ascii_lowercase().contains("stylesheet"));
                }
                "main" => mains.push(node),
                _ if element.attr("role").is_some_and(|r| r.trim().eq_ignore_ascii_case("main")) => mains.push(node),
                _ => {}
            }
        }
        // A page that marks its main content has everything else (site header,
        // menus, breadcrumbs, banners) around it.
        let top = match mains.as_slice() {
            [main] => {
                self.outside_main = true;
                *main
            }
            _ => html.tree.root(),
        };
        for edge in top.traverse() {
            match edge {
                Edge::Open(node) => {
                    if self.skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) if self.pre > 0 => self.out.pre(text),
                        Node::Text(text) => self.out.text(text),
                        Node::Element(element) => {
                            let name = element.name();
                            let skip = match skipped(name) {
                                // A header holding a heading is the document's title block.
                                Some(Some(Skip::Header)) if has_heading(node) => None,
                                Some(kind) => Some(kind),
                                // A link that runs a script is a control (print, share).
                                None if name == "a"
                                    && element.attr("href").is_some_and(|h| {
                                        h.trim_start().to_ascii_lowercase().starts_with("javascript:")
                                    }) =>
                                {
                                    Some(None)
                                }
                                None if is_hidden(element) => Some(Some(Skip::Hidden)),
                                None if is_footnote(element) => Some(Some(Skip::Footnotes)),
                                None => skipped_role(element).map(Some),
                            };
                            if let Some(kind) = skip {
                                self.left_out.extend(kind);
                                self.skipping = Some(node.id());
                                continue;
                            }
                            self.open(node, element);
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = self.skipping {
                        if id == node.id() {
                            self.skipping = None;
                        }
                        continue;
                    }
                    if let Node::Element(element) = node.value() {
                        self.close(element);
                    }
                }
            }
        }
    }

    fn open(&mut self, node: ego_tree::NodeRef<'_, Node>, element: &Element) {
        let name = element.name();
        if is_block(name) {
            // A list number waits for the item's first paragraph (`<li><p>…`).
            self.out.paragraph();
        }
        match name {
            "br" => self.out.br(),
            "pre" | "listing" | "xmp" | "plaintext" => self.pre += 1,
            "ol" | "ul" => {
                let ordered = name == "ol";
                let numbering =
                    Numbering::of(element).unwrap_or(if ordered { Numbering::Decimal } else { Numbering::None });
                let reversed = ordered && element.attr("reversed").is_some();
                let start = element.attr("start").and_then(|s| s.trim().parse::<i64>().ok());
                let start = start.unwrap_or_else(|| {
                    if reversed {
                        node.children().filter(|c| c.value().as_element().is_some_and(|e| e.name() == "li")).count()
                            as i64
                    } else {
                        1
                    }
                });
                let nested = self.lists.iter().any(|l| l.numbering != Numbering::None);
                let step = if reversed { -1 } else { 1 };
                self.lists.push(List { ordered, numbering, next: start, step, nested });
            }
            "li" => {
                if let Some(list) = self.lists.last_mut() {
                    let n = element.attr("value").and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(list.next);
                    list.next = n.saturating_add(list.step);
                    let numbering = Numbering::of(element).unwrap_or(list.numbering);
                    if list.ordered || numbering != Numbering::None {
                        self.out.label = if list.nested { numbering.nested_label(n) } else { numbering.label(n) };
                        self.numbered += usize::from(self.out.label.is_some());
                        self.sub_items += usize::from(list.nested && self.out.label.is_some());
                    }
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, element: &Element) {
        let name = element.name();
        match name {
            "pre" | "listing" | "xmp" | "plaintext" => self.pre = self.pre.saturating_sub(1),
            "ol" | "ul" => {
                self.lists.pop();
            }
            _ => {}
        }
        if is_block(name) {
            self.out.paragraph();
            self.out.label = None;
        }
    }

    /// The notes for the reader's report.
    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        let mut kinds = self.left_out.clone();
        kinds.sort();
        kinds.dedup();
        if !kinds.is_empty() || self.outside_main {
            let mut names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
            if self.outside_main {
                names.push("everything outside the page's <main> element");
            }
            let list = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => names.join(""),
            };
            notes.push(format!("left out: {list}"));
        }
        if self.out.label_spaces > 0 {
            notes.push(format!(
                "{} source line {} after a heading's label (第一章) kept as a space, as in 第一章 总则",
                self.out.label_spaces,
                if self.out.label_spaces == 1 { "break" } else { "breaks" }
            ));
        }
        if self.out.br_paragraphs > 0 {
            notes.push(format!(
                "{} whose lines end sentences or clauses at each <br>: each line read as a paragraph",
                if self.out.br_paragraphs == 1 {
                    "1 block".to_string()
                } else {
                    format!("{} blocks", self.out.br_paragraphs)
                }
            ));
        }
        if self.numbered > 0 {
            notes.push(format!("list numbers computed for {} items", self.numbered));
            if self.sub_items > 0 {
                notes.push(format!(
                    "{} of them in lists inside numbered lists, numbered in parentheses as sub-items: (1), (а), （一）",
                    self.sub_items
                ));
            }
            if self.stylesheet {
                notes.push(
                    "the page has a stylesheet, which is not evaluated: list numbers follow the markup and inline styles"
                        .to_string(),
                );
            }
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(page: &str) -> String {
        read(page.as_bytes(), Path::new("t.html"), &LoadOptions::default()).unwrap().text
    }

    #[test]
    fn blocks_and_line_breaks() {
        assert_eq!(text("<p>一<b>二</b></p><div>三<br>四</div><li>五"), "一二\n\n三\n四\n\n五\n");
        // Two breaks, or a break and an ideographic space, end a paragraph.
        assert_eq!(text("<p>甲<br><br>乙<br>　丙</p>"), "甲\n\n乙\n\n　丙\n");
        assert_eq!(text("<table><tr><td>a я</td><td>b</td></tr></table>"), "a я\n\nb\n");
    }

    #[test]
    fn whitespace_collapses_except_in_pre() {
        assert_eq!(text("<p>  Статья\n\t 1 </p>"), "Статья 1\n");
        // A source line break between Chinese characters is no space; one between a
        // Chinese character and a digit is.
        assert_eq!(text("<p>缔约\n各方在 15\n日内</p>"), "缔约各方在 15 日内\n");
        // After a heading's label it is the space between label and title.
        assert_eq!(
            text("<p><b>第一章\n总则</b></p><p><b>第二十六条之一\n定义</b></p>"),
            "第一章 总则\n\n第二十六条之一 定义\n"
        );
        assert_eq!(text("<p>第一章\n所述</p><p>依照第一条\n规定</p>"), "第一章 所述\n\n依照第一条规定\n");
        assert!(!is_heading_label("第章") && !is_heading_label("第一条规定") && is_heading_label("第10部分"));
        assert_eq!(text("<pre>a  b\nc\n\nd</pre>"), "a  b\nc\n\nd\n");
        // Entities decoded; no-break and ideographic spaces kept.
        assert_eq!(text("<p>&laquo;A&nbsp;B&raquo;&#x3000;&amp;</p>"), "«A\u{a0}B»\u{3000}&\n");
    }

    #[test]
    fn furniture_is_left_out() {
        let page = "<head><title>T</title><style>p{}</style><script>var x = '第九条';</script></head>\
                    <body><header><a href='/'>站点</a></header><nav><ul><li>首页</ul></nav>\
                    <p hidden>隐藏</p><div style='display: none'>Cookie</div>\
                    <header><h1>条约</h1></header><p>正文<a href='javascript:print()'>打印</a></p>\
                    <aside>旁注</aside><footer>版权</footer><noscript>请启用</noscript></body>";
        let e = read(page.as_bytes(), Path::new("t.html"), &LoadOptions::default()).unwrap();
        assert_eq!(e.text, "条约\n\n正文\n");
        assert_eq!(
            e.notes,
            ["left out: script, style, navigation, page header, page footer, asides and hidden elements"]
        );
        assert_eq!(e.breaks, Breaks::Paragraphs);
    }

    #[test]
    fn footnotes_and_their_marks_are_left_out() {
        // As a hand-made page, pandoc and Word write them.
        let page = "<p>遵循《联合国宪章》<sup><a href='#fn1' id='r1'>1</a></sup>的宗旨</p>\
                    <p>Устава<a href='#fn2' class='footnote-ref' role='doc-noteref'><sup>2</sup></a> и\
                    <a href='#_ftn3' name='_ftnref3'><span>[3]</span></a> норм</p>\
                    <p><a href='#art5'>第五条</a></p>\
                    <div class='footnotes'><ol><li id='fn1'>宪章签署于1945年。<a href='#r1'>↩</a></li></ol></div>\
                    <section role='doc-endnotes'><p>2. Подписан</p></section><div id='ftn3'><p>[3] Сноска</p></div>";
        let e = read(page.as_bytes(), Path::new("t.html"), &LoadOptions::default()).unwrap();
        assert_eq!(e.text, "遵循《联合国宪章》的宗旨\n\nУстава и норм\n\n第五条\n");
        assert_eq!(e.notes, ["left out: footnotes and their marks"]);
    }

    #[test]
    fn only_main_when_the_page_marks_it() {
        let e = read(
            "<div>Главная » Текст</div><main><p>Статья 1</p></main><p>Контакты</p>".as_bytes(),
            Path::new("t.html"),
            &LoadOptions::default(),
        )
        .unwrap();
        assert_eq!(e.text, "Статья 1\n");
        assert_eq!(e.notes, ["left out: everything outside the page's <main> element"]);
    }

    #[test]
    fn ordered_list_numbers_are_computed() {
        assert_eq!(text("<ol><li>a<li>b</ol>"), "1. a\n\n2. b\n");
        assert_eq!(text("<ol start=3 type=a><li>x<li value=10>y<li>z</ol>"), "c. x\n\nj. y\n\nk. z\n");
        assert_eq!(text("<ol reversed><li>x<li>y<li>z</ol>"), "3. x\n\n2. y\n\n1. z\n");
        assert_eq!(text("<ol type=I start=4><li>x</ol>"), "IV. x\n");
        assert_eq!(
            text("<ol style='list-style-type: cjk-ideographic' start=10><li>甲<li>乙</ol>"),
            "十、甲\n\n十一、乙\n"
        );
        assert_eq!(text("<ol style='list-style: lower-russian inside'><li>x<li>y</ol>"), "а. x\n\nб. y\n");
        // Items with paragraphs inside take the number on their first paragraph;
        // bullets are not written.
        assert_eq!(text("<ol><li><p>a</p><p>b</p></li></ol><ul><li>c</ul>"), "1. a\n\nb\n\nc\n");
        // A list inside a numbered list holds sub-items: numbered in parentheses, not
        // as more paragraphs counted again from 1.
        assert_eq!(text("<ol><li>a<ol><li>x<li>y</ol></li><li>b</ol>"), "1. a\n\n(1) x\n\n(2) y\n\n2. b\n");
        assert_eq!(text("<ol><ol type=a><li>x</ol></ol>"), "(a) x\n");
        assert_eq!(
            text("<ol><li>一<ol style='list-style-type: cjk-ideographic'><li>甲</ol></ol>"),
            "1. 一\n\n（一）甲\n"
        );
        assert_eq!(text("<ol><li>a<ul style='list-style: cyrillic-lower'><li>x</ul></ol>"), "1. a\n\n(а) x\n");
        // Inside a bulleted list, or a list that draws no numbers (its items number
        // themselves), a numbered list is the first numbered level.
        assert_eq!(text("<ul><li>a<ol><li>x</ol></ul>"), "a\n\n1. x\n");
        assert_eq!(text("<ol style='list-style: none'><li>1. a<ol><li>x</ol></ol>"), "1. a\n\n1. x\n");
        let e = read(
            "<style>ol { list-style-type: upper-roman }</style><ol><li>a</ol>".as_bytes(),
            Path::new("t.html"),
            &LoadOptions::default(),
        )
        .unwrap();
        assert!(e.notes.contains(&"list numbers computed for 1 items".to_string()), "{:?}", e.notes);
        assert!(e.notes.iter().any(|n| n.contains("stylesheet")), "{:?}", e.notes);
    }

    #[test]
    fn counter_styles() {
        assert_eq!(cjk(1).unwrap(), "一");
        assert_eq!(cjk(10).unwrap(), "十");
        assert_eq!(cjk(21).unwrap(), "二十一");
        assert_eq!(cjk(100).unwrap(), "一百");
        assert_eq!(cjk(101).unwrap(), "一百零一");
        assert_eq!(cjk(110).unwrap(), "一百一十");
        assert_eq!(cjk(1010).unwrap(), "一千零一十");
        assert_eq!(roman(1994).unwrap(), "MCMXCIV");
        assert_eq!(Numbering::LowerAlpha.label(27).unwrap(), "aa.");
        assert_eq!(Numbering::LowerRussian.label(9).unwrap(), "и.");
        assert_eq!(Numbering::LowerRussian.label(10).unwrap(), "к.");
        assert_eq!(Numbering::LowerAlpha.label(0).unwrap(), "0.");
        assert_eq!(Numbering::DecimalLeadingZero.label(7).unwrap(), "07.");
    }

    #[test]
    fn charsets() {
        let zh = "<p>第一条</p><p>缔约各方根据公认的国际法原则和规则，发展长期睦邻友好合作关系。</p>";
        let ru = "<p>Статья 1</p><p>Договаривающиеся Стороны в соответствии с общепризнанными принципами развивают отношения.</p>";
        let read_as = |bytes: &[u8], label: Option<&str>| {
            let options = LoadOptions { encoding: label.map(str::to_string), ..Default::default() };
            read(bytes, Path::new("t.html"), &options).unwrap()
        };
        // Declared: <meta charset>, http-equiv, an XML declaration.
        let (gbk, _, _) = encoding_rs::GBK.encode(zh);
        let page = [b"<meta charset=\"gb2312\">".as_slice(), &gbk].concat();
        assert_eq!(read_as(&page, None).encoding, "GBK");
        let (w, _, _) = encoding_rs::WINDOWS_1251.encode(ru);
        let page =
            [b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">".as_slice(), &w].concat();
        let e = read_as(&page, None);
        assert_eq!((e.encoding.as_str(), e.text.starts_with("Статья 1\n")), ("windows-1251", true));
        let page = [b"<?xml version=\"1.0\" encoding=\"koi8-r\"?><html>".as_slice(), &encoding_rs::KOI8_R.encode(ru).0]
            .concat();
        assert_eq!(read_as(&page, None).encoding, "KOI8-R");
        // Undeclared: the ladder, on the text between the tags.
        assert_eq!(read_as(&encoding_rs::KOI8_R.encode(ru).0, None).encoding, "KOI8-R");
        assert_eq!(
            read_as(&encoding_rs::BIG5.encode("<p>第一條締約各方根據公認的國際法原則</p>").0, None).encoding,
            "Big5"
        );
        let e = read_as(&gbk, None);
        assert!(e.text.starts_with("第一条\n\n缔约各方"), "{}", e.text);
        // A wrong declaration is noted, and the ladder reads the page.
        let page = [b"<meta charset=utf-8>".as_slice(), &w].concat();
        let e = read_as(&page, None);
        assert_eq!(e.encoding, "windows-1251");
        assert_eq!(e.notes[0], "the page says charset=utf-8, but its bytes are not UTF-8");
        // The user's label overrides the page's.
        let page = [b"<meta charset=koi8-r>".as_slice(), &w].concat();
        assert_eq!(read_as(&page, Some("cp1251")).encoding, "windows-1251");
        // A BOM first of all.
        let page = [b"\xEF\xBB\xBF<meta charset=gbk>".as_slice(), zh.as_bytes()].concat();
        assert_eq!(read_as(&page, None).encoding, "UTF-8");
    }

    #[test]
    fn misnested_formatting_cannot_grow_the_tree_without_bound() {
        // Every <p> reopens all the <b> left open before it (the HTML standard's
        // "reconstruct the active formatting elements").
        let page = format!("{}{}", (0..600).map(|i| format!("<b id={i}>")).collect::<String>(), "<p>x".repeat(10_000));
        let e = read(page.as_bytes(), Path::new("t.html"), &LoadOptions::default()).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Limit(_)), "{e}");
    }
}
