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
//!   wide characters). U+00A0 and U+3000 are kept. Script, style, navigation, page
//!   headers and footers, asides and hidden elements are left out.
//! - **List numbers.** The numbers of an `<ol>` are drawn by the browser, not written
//!   in the page: they are computed here from `start`, `reversed`, `value`, `type` and
//!   an inline `list-style-type` (decimal, alphabetic, roman, `cjk-ideographic` →
//!   一、, `lower-russian`), and written before the item's text. A stylesheet is not
//!   evaluated; a note says so when the page has one.

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
use crate::model::Layout;

/// Reads an HTML page: its text as paragraphs separated by blank lines.
pub fn read(bytes: &[u8], path: &Path, options: &LoadOptions) -> Result<Extracted> {
    let (page, encoding, mut notes) = decode_page(bytes, path, options)?;
    let html = parse(&page, path)?;
    let mut walker = Walker::default();
    walker.walk(&html);
    notes.extend(walker.notes());
    Ok(Extracted { text: walker.out.finish(), encoding, layout: Some(Layout::Blank), notes })
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
    let (encoding, name) = if text.is_ascii() {
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
/// Elements mapped to `None` are left out without a note (the page's head, ruby
/// annotations, form controls).
fn skipped(name: &str) -> Option<Option<Skip>> {
    Some(match name {
        "script" | "noscript" | "template" => Some(Skip::Script),
        "style" => Some(Skip::Style),
        "nav" | "menu" => Some(Skip::Navigation),
        "header" => Some(Skip::Header),
        "footer" => Some(Skip::Footer),
        "aside" => Some(Skip::Aside),
        "head" | "title" | "rt" | "rp" | "button" | "select" | "textarea" | "iframe" | "object" | "svg" | "math"
        | "dialog" => None,
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
                "lower-russian" => Numbering::LowerRussian,
                "upper-russian" => Numbering::UpperRussian,
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

    /// The marker a browser draws for `n`, with its suffix (`3.`, `c.`, `三、`).
    /// Styles that cannot draw `n` (zero or negative letters, roman past 3999) fall
    /// back to decimal, as CSS counter styles do.
    fn label(self, n: i64) -> Option<String> {
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
            Numbering::CjkIdeographic => return Some(format!("{}、", cjk(n).unwrap_or_else(|| n.to_string()))),
        };
        Some(format!("{}.", marker.unwrap_or_else(|| n.to_string())))
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
}

impl Out {
    fn char(&mut self, c: char) {
        if let Some(newline) = self.space.take()
            && !self.line.is_empty()
        {
            let between_wide = newline && self.line.chars().next_back().is_some_and(is_wide) && is_wide(c);
            if !between_wide {
                self.line.push(' ');
            }
        }
        if self.after_br && self.line.is_empty() && c == '\u{3000}' {
            self.paragraph();
        }
        self.after_br = false;
        if let Some(label) = self.label.take() {
            self.line.push_str(&label);
            if !label.ends_with('、') {
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
        for line in self.lines.drain(..) {
            self.text.push_str(&line);
            self.text.push('\n');
        }
    }

    fn finish(mut self) -> String {
        self.paragraph();
        self.text
    }
}

/// East Asian wide characters: a line break in the source between two of them is
/// no space.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}')
}

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
    /// The page has a stylesheet (a `<style>` or a linked one) that may set list numbers.
    stylesheet: bool,
}

impl Walker {
    fn walk(&mut self, html: &Html) {
        for edge in html.tree.root().traverse() {
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
                            if name == "style" {
                                let css: String =
                                    node.children().filter_map(|c| c.value().as_text()).map(|t| &t[..]).collect();
                                self.stylesheet |= css.contains("list-style") || css.contains("counter");
                            }
                            if name == "link"
                                && element.attr("rel").is_some_and(|r| r.to_ascii_lowercase().contains("stylesheet"))
                            {
                                self.stylesheet = true;
                            }
                            let skip = match skipped(name) {
                                Some(kind) => Some(kind),
                                None if is_hidden(element) => Some(Some(Skip::Hidden)),
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
            self.out.paragraph();
            self.out.label = None;
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
                self.lists.push(List { ordered, numbering, next: start, step: if reversed { -1 } else { 1 } });
            }
            "li" => {
                if let Some(list) = self.lists.last_mut() {
                    let n = element.attr("value").and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(list.next);
                    list.next = n.saturating_add(list.step);
                    let numbering = Numbering::of(element).unwrap_or(list.numbering);
                    if list.ordered || numbering != Numbering::None {
                        self.out.label = numbering.label(n);
                        self.numbered += usize::from(self.out.label.is_some());
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
        if !kinds.is_empty() {
            let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
            let list = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => names.join(""),
            };
            notes.push(format!("left out: {list}"));
        }
        if self.numbered > 0 {
            notes.push(format!("list numbers computed for {} items", self.numbered));
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
