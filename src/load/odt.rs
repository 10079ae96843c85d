//! The OpenDocument text (.odt) reader: the paragraphs and headings of `content.xml`
//! in order, with list and outline numbering written out as LibreOffice prints it.
//!
//! List styles come from `content.xml` (automatic styles) and `styles.xml`; headings
//! are numbered by `text:outline-style`. Notes, annotations and the deleted text of
//! tracked changes are left out and counted, as are the headers and footers of the
//! page styles (they live in `styles.xml`, never in the body).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::Extracted;
use super::numfmt::NumFormat;
use super::xml::{self, Element, Node, Ns};
use super::zip::Archive;
use crate::error::{Error, ErrorKind, Result};
use crate::structure::Breaks;

/// The media type of an OpenDocument text.
const TEXT_MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// Whether the archive is an OpenDocument text: its `mimetype` member says so, or it
/// has none and has a `content.xml`.
pub fn is_text(archive: &mut Archive) -> Result<bool> {
    Ok(match archive.read("mimetype")? {
        Some(m) => String::from_utf8_lossy(&m).trim().starts_with(TEXT_MIMETYPE),
        None => archive.has("content.xml"),
    })
}

/// Reads the text of the OpenDocument text in `bytes`.
pub fn read(bytes: &[u8], path: &Path) -> Result<Extracted> {
    let mut archive = Archive::open(bytes, path)?;
    let not_text = || {
        Error::new(
            ErrorKind::Document(
                "a zip archive, but not an OpenDocument text: it has no content.xml with a text body".into(),
            ),
            path,
        )
    };
    let content = archive.read("content.xml")?.ok_or_else(not_text)?;
    let content = xml::parse(&content, path, "content.xml")?;
    if !content.is(Ns::Office, "document-content") {
        return Err(not_text());
    }
    let styles_part = match archive.read("styles.xml")? {
        Some(b) => Some(xml::parse(&b, path, "styles.xml")?),
        None => None,
    };
    let mut styles = Styles::default();
    if let Some(s) = &styles_part {
        styles.add(s);
    }
    styles.add(&content);
    let body = content.child(Ns::Office, "body").and_then(|b| b.child(Ns::Office, "text")).ok_or_else(not_text)?;

    let mut reader = BodyReader {
        styles: &styles,
        paragraphs: Vec::new(),
        lists: Vec::new(),
        last_of_style: BTreeMap::new(),
        by_xml_id: BTreeMap::new(),
        outline: [None; 10],
        numbered: 0,
        footnotes: 0,
        endnotes: 0,
        annotations: 0,
        hidden: 0,
        insertions: 0,
        deletions: 0,
        dangling: 0,
    };
    reader.block(body);
    let mut text = reader.paragraphs.join("\n\n");
    text.push('\n');

    let mut notes = Vec::new();
    if reader.numbered > 0 {
        notes.push(format!("automatic numbering applied to {}", count(reader.numbered, "paragraph")));
    }
    let mut left_out = Vec::new();
    if let Some(s) = &styles_part {
        let (headers, footers) = headers_and_footers(s);
        for (n, noun) in [(headers, "header"), (footers, "footer")] {
            if n > 0 {
                left_out.push(count(n, noun));
            }
        }
    }
    for (n, noun) in [
        (reader.footnotes, "footnote"),
        (reader.endnotes, "endnote"),
        (reader.annotations, "comment"),
        (reader.hidden, "hidden span"),
    ] {
        if n > 0 {
            left_out.push(count(n, noun));
        }
    }
    if !left_out.is_empty() {
        notes.push(format!("left out: {}", left_out.join(", ")));
    }
    if reader.insertions + reader.deletions > 0 {
        notes.push(format!(
            "tracked changes accepted: {}, {}",
            count(reader.insertions, "insertion"),
            count(reader.deletions, "deletion")
        ));
    }
    if reader.dangling > 0 {
        notes.push(format!(
            "{} continued a list that is not in the document; read as continuing the last list of its style",
            count(reader.dangling, "list")
        ));
    }
    Ok(Extracted { text, encoding: "UTF-8".into(), breaks: Breaks::Paragraphs, notes })
}

/// `1 header`, `3 footnotes`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// The headers and footers with text in the master pages of `styles.xml`.
fn headers_and_footers(styles: &Element) -> (usize, usize) {
    let (mut headers, mut footers) = (0, 0);
    let Some(master) = styles.child(Ns::Office, "master-styles") else { return (0, 0) };
    for page in master.elements().filter(|e| e.is(Ns::Style, "master-page")) {
        for e in page.elements().filter(|e| e.ns == Ns::Style) {
            let has_text = !plain_text(e).trim().is_empty();
            match &*e.name {
                "header" | "header-left" | "header-first" if has_text => headers += 1,
                "footer" | "footer-left" | "footer-first" if has_text => footers += 1,
                _ => {}
            }
        }
    }
    (headers, footers)
}

/// All the character data below `e`.
fn plain_text(e: &Element) -> String {
    let mut out = String::new();
    for n in &e.children {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(c) => out.push_str(&plain_text(c)),
        }
    }
    out
}

/// What follows a list label (`text:label-followed-by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Follow {
    /// A tab (`listtab`), read as one space.
    #[default]
    Tab,
    /// A space.
    Space,
    /// Nothing.
    Nothing,
}

/// One level of a list style or of the outline style.
#[derive(Debug, Clone)]
struct Level {
    format: NumFormat,
    prefix: String,
    suffix: String,
    /// LibreOffice's `loext:num-list-format` (`第%1%条`), which places the numbers of
    /// all levels itself.
    list_format: Option<String>,
    start: u32,
    display_levels: usize,
    follow: Follow,
}

impl Level {
    fn parse(e: &Element) -> Level {
        let format = if e.is(Ns::Text, "list-level-style-number") || e.is(Ns::Text, "outline-level-style") {
            let f = NumFormat::from_odf(e.attr(Ns::Style, "num-format").unwrap_or("")).unwrap_or(NumFormat::Decimal);
            if e.attr(Ns::Style, "num-letter-sync") == Some("true") { f.letter_sync() } else { f }
        } else {
            NumFormat::Bullet
        };
        let follow = e
            .child(Ns::Style, "list-level-properties")
            .and_then(|p| p.child(Ns::Style, "list-level-label-alignment"))
            .and_then(|a| a.attr(Ns::Text, "label-followed-by"));
        Level {
            format,
            prefix: e.attr(Ns::Style, "num-prefix").unwrap_or("").to_string(),
            suffix: e.attr(Ns::Style, "num-suffix").unwrap_or("").to_string(),
            list_format: e.attr(Ns::Loext, "num-list-format").map(str::to_string),
            start: e.attr(Ns::Text, "start-value").and_then(|v| v.parse().ok()).unwrap_or(1),
            display_levels: e.attr(Ns::Text, "display-levels").and_then(|v| v.parse().ok()).unwrap_or(1),
            follow: match follow {
                Some("space") => Follow::Space,
                Some("nothing") => Follow::Nothing,
                _ => Follow::Tab,
            },
        }
    }
}

/// The levels of a list style (1-based level → level), at most 10.
type ListStyle = BTreeMap<usize, Level>;

/// The styles that matter for numbering.
#[derive(Debug, Default)]
struct Styles {
    lists: BTreeMap<String, ListStyle>,
    outline: ListStyle,
    /// Paragraph styles: parent and list style.
    paragraphs: BTreeMap<String, (Option<String>, Option<String>)>,
    /// Styles whose text is not shown (`text:display="none"`), by name.
    hidden: BTreeSet<String>,
}

impl Styles {
    /// Adds the styles of a part (`styles.xml`, then `content.xml`, whose automatic
    /// styles come last and win).
    fn add(&mut self, root: &Element) {
        for group in root.elements().filter(|e| e.is(Ns::Office, "styles") || e.is(Ns::Office, "automatic-styles")) {
            for s in group.elements() {
                if s.is(Ns::Text, "list-style") {
                    let Some(name) = s.attr(Ns::Style, "name") else { continue };
                    self.lists.insert(name.to_string(), levels(s));
                } else if s.is(Ns::Text, "outline-style") {
                    self.outline = levels(s);
                } else if s.is(Ns::Style, "style") {
                    let Some(name) = s.attr(Ns::Style, "name") else { continue };
                    let parent = s.attr(Ns::Style, "parent-style-name").map(str::to_string);
                    let list = s.attr(Ns::Style, "list-style-name").map(str::to_string);
                    let hidden = s
                        .child(Ns::Style, "text-properties")
                        .and_then(|t| t.attr(Ns::Text, "display"))
                        .is_some_and(|d| d == "none");
                    if hidden {
                        self.hidden.insert(name.to_string());
                    }
                    self.paragraphs.insert(name.to_string(), (parent, list));
                }
            }
        }
    }

    /// Whether a style, or a style it inherits from, hides its text.
    fn hides(&self, name: &str) -> bool {
        let mut name = name;
        for _ in 0..=self.paragraphs.len() {
            if self.hidden.contains(name) {
                return true;
            }
            let Some((Some(parent), _)) = self.paragraphs.get(name) else { return false };
            name = parent;
        }
        false
    }

    /// The list style a paragraph style names, along its parents.
    fn list_of_paragraph_style(&self, name: &str) -> Option<&str> {
        let mut name = name;
        for _ in 0..=self.paragraphs.len() {
            let (parent, list) = self.paragraphs.get(name)?;
            if let Some(l) = list.as_deref().filter(|l| !l.is_empty()) {
                return Some(l);
            }
            name = parent.as_deref()?;
        }
        None
    }
}

/// The levels of a `text:list-style` or `text:outline-style`.
fn levels(style: &Element) -> ListStyle {
    style
        .elements()
        .filter_map(|l| {
            let level: usize = l.attr(Ns::Text, "level")?.parse().ok()?;
            (1..=10).contains(&level).then(|| (level, Level::parse(l)))
        })
        .collect()
}

/// The counters of one list (levels 1–10, 0-based here).
type Counters = [Option<u32>; 10];

/// Walks the body, collecting paragraphs.
struct BodyReader<'a> {
    styles: &'a Styles,
    paragraphs: Vec<String>,
    /// Every list's counters, by instance.
    lists: Vec<Counters>,
    /// The last list instance of each list style, for `text:continue-numbering`.
    last_of_style: BTreeMap<String, usize>,
    /// List instances by `xml:id`, for `text:continue-list`.
    by_xml_id: BTreeMap<String, usize>,
    outline: Counters,
    numbered: usize,
    footnotes: usize,
    endnotes: usize,
    annotations: usize,
    /// Spans of text not shown (`text:display="none"`).
    hidden: usize,
    insertions: usize,
    deletions: usize,
    /// Lists that continued a list not in the document.
    dangling: usize,
}

/// Where a paragraph stands in a list.
struct ListPlace<'s> {
    style: &'s str,
    instance: usize,
    level: usize,
    /// Whether it is the first paragraph of its item (the one that is numbered).
    numbered: bool,
    start: Option<u32>,
}

impl<'a> BodyReader<'a> {
    /// Block content: paragraphs, headings, lists, tables, sections. Lists inside
    /// (in table cells, text boxes) start again at level 1.
    fn block(&mut self, e: &'a Element) {
        for c in e.elements() {
            match (c.ns, &*c.name) {
                (Ns::Text, "p") => self.paragraph(c, None),
                (Ns::Text, "h") => self.heading(c),
                (Ns::Text, "list") => self.list(c, None, 1),
                (Ns::Text, "numbered-paragraph") => self.numbered_paragraph(c),
                (Ns::Text, "section" | "index-body") => self.block(c),
                (Ns::Text, "tracked-changes") => self.tracked_changes(c),
                (Ns::Table, _) => self.block(c),
                _ => {}
            }
        }
    }

    /// The changed regions: their deleted text is not in the body; count them.
    fn tracked_changes(&mut self, e: &Element) {
        for region in e.elements().filter(|r| r.is(Ns::Text, "changed-region")) {
            for change in region.elements() {
                match &*change.name {
                    "insertion" => self.insertions += 1,
                    "deletion" => self.deletions += 1,
                    _ => {}
                }
            }
        }
    }

    /// A `text:list` at `level`, inside the list `outer` (style, instance) if nested.
    fn list(&mut self, list: &'a Element, outer: Option<(&'a str, usize)>, level: usize) {
        let (style, instance) = match outer {
            Some((style, instance)) => (list.attr(Ns::Text, "style-name").unwrap_or(style), instance),
            None => {
                let style = list
                    .attr(Ns::Text, "style-name")
                    .or_else(|| self.first_paragraph_style(list).and_then(|p| self.styles.list_of_paragraph_style(p)))
                    .unwrap_or("");
                let instance = self.instance(list, style);
                (style, instance)
            }
        };
        for item in list.elements() {
            let is_item = item.is(Ns::Text, "list-item");
            if !is_item && !item.is(Ns::Text, "list-header") {
                continue;
            }
            let start = item.attr(Ns::Text, "start-value").and_then(|v| v.parse().ok());
            let mut first = is_item;
            for c in item.elements() {
                match (c.ns, &*c.name) {
                    (Ns::Text, "p" | "h") => {
                        let place = ListPlace { style, instance, level, numbered: first, start };
                        self.paragraph(c, Some(place));
                        first = false;
                    }
                    (Ns::Text, "list") => {
                        self.list(c, Some((style, instance)), level + 1);
                        first = false;
                    }
                    _ => {}
                }
            }
        }
    }

    /// The list instance a top-level `text:list` numbers in: a new one, or the one it
    /// continues.
    fn instance(&mut self, list: &Element, style: &str) -> usize {
        let continued = if let Some(id) = list.attr(Ns::Text, "continue-list") {
            match self.by_xml_id.get(id) {
                Some(&i) => Some(i),
                None => {
                    // A dangling reference (LibreOffice writes them converting from
                    // Word): the author meant to continue; continue the last list of
                    // this style, if there is one.
                    let last = self.last_of_style.get(style).copied();
                    self.dangling += usize::from(last.is_some());
                    last
                }
            }
        } else if list.attr(Ns::Text, "continue-numbering") == Some("true") {
            self.last_of_style.get(style).copied()
        } else {
            None
        };
        let instance = continued.unwrap_or_else(|| {
            self.lists.push([None; 10]);
            self.lists.len() - 1
        });
        self.last_of_style.insert(style.to_string(), instance);
        if let Some(id) = list.attrs.iter().find(|(ns, name, _)| *ns == Ns::Other && &**name == "id").map(|a| &*a.2) {
            self.by_xml_id.insert(id.to_string(), instance);
        }
        instance
    }

    /// The paragraph style of the first paragraph of a list, which may name its list
    /// style.
    fn first_paragraph_style<'e>(&self, list: &'e Element) -> Option<&'e str> {
        let item = list.elements().find(|i| i.is(Ns::Text, "list-item"))?;
        item.elements()
            .find(|p| p.is(Ns::Text, "p") || p.is(Ns::Text, "h"))
            .and_then(|p| p.attr(Ns::Text, "style-name"))
    }

    /// A heading outside lists: numbered by the outline style.
    fn heading(&mut self, h: &'a Element) {
        let level: usize = h.attr(Ns::Text, "outline-level").and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 10);
        let label = if h.attr(Ns::Text, "is-list-header") == Some("true") {
            None
        } else {
            let restart = (h.attr(Ns::Text, "restart-numbering") == Some("true"))
                .then(|| h.attr(Ns::Text, "start-value").and_then(|v| v.parse().ok()))
                .flatten();
            let styles = self.styles;
            label(&styles.outline, &mut self.outline, level, restart)
        };
        let text = self.inline_text(h);
        self.push(label, text);
    }

    /// A paragraph, numbered if it opens a list item.
    fn paragraph(&mut self, p: &'a Element, place: Option<ListPlace<'a>>) {
        let label = match place {
            Some(place) if place.numbered => {
                let styles = self.styles;
                match styles.lists.get(place.style) {
                    Some(style) => label(style, &mut self.lists[place.instance], place.level, place.start),
                    None => None,
                }
            }
            _ => None,
        };
        let text = self.inline_text(p);
        self.push(label, text);
    }

    /// A `text:numbered-paragraph`: its paragraph, with the number cached in it.
    fn numbered_paragraph(&mut self, e: &'a Element) {
        let label = e.child(Ns::Text, "number").map(|n| plain_text(n).trim().to_string()).filter(|l| !l.is_empty());
        for p in e.elements().filter(|p| p.is(Ns::Text, "p") || p.is(Ns::Text, "h")) {
            let text = self.inline_text(p);
            self.push(label.clone().map(|l| (l, Follow::Space)), text);
        }
    }

    fn push(&mut self, label: Option<(String, Follow)>, text: (String, Vec<&'a Element>)) {
        let (text, boxes) = text;
        let text = tidy(&text);
        let paragraph = match label {
            Some((label, follow)) => {
                self.numbered += 1;
                let sep = if follow == Follow::Nothing || text.is_empty() { "" } else { " " };
                format!("{label}{sep}{text}")
            }
            None => text,
        };
        if !paragraph.trim().is_empty() {
            self.paragraphs.push(paragraph);
        }
        for b in boxes {
            self.block(b);
        }
    }

    /// A paragraph's text, and the text boxes anchored in it.
    fn inline_text(&mut self, p: &'a Element) -> (String, Vec<&'a Element>) {
        let mut out = Inline::default();
        let mut boxes = Vec::new();
        self.inline(p, &mut out, &mut boxes);
        (out.text, boxes)
    }

    fn inline(&mut self, e: &'a Element, out: &mut Inline, boxes: &mut Vec<&'a Element>) {
        for n in &e.children {
            let c = match n {
                Node::Text(t) => {
                    out.push_collapsing(t);
                    continue;
                }
                Node::Element(c) => c,
            };
            match (c.ns, &*c.name) {
                (Ns::Text, "s") => {
                    let n: usize = c.attr(Ns::Text, "c").and_then(|v| v.parse().ok()).unwrap_or(1);
                    out.push_kept(&" ".repeat(n.min(1000)));
                }
                (Ns::Text, "tab") => out.push_kept(" "),
                (Ns::Text, "line-break") => out.push_kept("\n"),
                (Ns::Text, "soft-page-break" | "change" | "bookmark" | "bookmark-start" | "bookmark-end") => {}
                (Ns::Text, "note") => {
                    if c.attr(Ns::Text, "note-class") == Some("endnote") {
                        self.endnotes += 1;
                    } else {
                        self.footnotes += 1;
                    }
                }
                (Ns::Office, "annotation") => self.annotations += 1,
                (Ns::Office, "annotation-end") => {}
                (Ns::Draw, _) => text_boxes(c, boxes),
                // Text a style hides is not printed (Word's hidden text, saved by
                // LibreOffice as `text:display="none"`).
                (Ns::Text, "span") if c.attr(Ns::Text, "style-name").is_some_and(|s| self.styles.hides(s)) => {
                    self.hidden += 1;
                }
                // Spans, links, fields (their displayed value), ruby bases.
                (Ns::Text, "ruby-text") => {}
                _ => self.inline(c, out, boxes),
            }
        }
    }
}

/// A paragraph's text as it is built: OpenDocument collapses runs of white space in
/// character data to one space and drops it at the start (`text:s` keeps spaces).
#[derive(Default)]
struct Inline {
    text: String,
    /// The last character was a collapsed space.
    space: bool,
}

impl Inline {
    fn push_collapsing(&mut self, t: &str) {
        for c in t.chars() {
            if matches!(c, ' ' | '\t' | '\r' | '\n') {
                if !self.space && !self.text.is_empty() {
                    self.text.push(' ');
                    self.space = true;
                }
            } else {
                self.text.push(c);
                self.space = false;
            }
        }
    }

    fn push_kept(&mut self, t: &str) {
        self.text.push_str(t);
        self.space = false;
    }
}

/// The label of an item at `level` (1-based) of a list or the outline, counting it;
/// `restart` sets its number. Bullets and levels without a number give none.
fn label(style: &ListStyle, counters: &mut Counters, level: usize, restart: Option<u32>) -> Option<(String, Follow)> {
    let level = level.clamp(1, 10);
    let def = style.get(&level)?;
    let i = level - 1;
    counters[i] = Some(match restart {
        Some(n) => n,
        None => counters[i].map_or(def.start, |c| c.saturating_add(1)),
    });
    for c in counters.iter_mut().skip(level) {
        *c = None;
    }
    if !def.format.is_number() && def.list_format.as_deref().is_none_or(|f| !f.contains('%')) {
        return None;
    }
    let number = |k: usize| -> String {
        match style.get(&k) {
            Some(l) => l.format.render(counters[k - 1].unwrap_or(l.start)),
            None => String::new(),
        }
    };
    let label = match &def.list_format {
        Some(format) => {
            let mut out = String::new();
            let mut rest = format.as_str();
            while let Some(at) = rest.find('%') {
                out.push_str(&rest[..at]);
                let after = &rest[at + 1..];
                let digits = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
                match (after[..digits].parse::<usize>(), after[digits..].strip_prefix('%')) {
                    (Ok(k), Some(tail)) if (1..=level).contains(&k) => {
                        out.push_str(&number(k));
                        rest = tail;
                    }
                    _ => {
                        out.push('%');
                        rest = after;
                    }
                }
            }
            out.push_str(rest);
            out
        }
        None => {
            let from = level.saturating_sub(def.display_levels.max(1)) + 1;
            let numbers: Vec<String> = (from..=level).map(number).collect();
            format!("{}{}{}", def.prefix, numbers.join("."), def.suffix)
        }
    };
    let label = label.trim().to_string();
    (!label.is_empty()).then_some((label, def.follow))
}

/// The text boxes (`draw:text-box`) inside a drawing element.
fn text_boxes<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
    if e.is(Ns::Draw, "text-box") {
        out.push(e);
        return;
    }
    for c in e.elements() {
        text_boxes(c, out);
    }
}

/// A paragraph's text without spaces at its ends or at the ends of its lines.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').map(str::trim).collect();
    lines.join("\n").trim_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use ::zip::write::SimpleFileOptions;

    use super::*;

    const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0""#;

    /// An OpenDocument text with these automatic styles and body, and these styles
    /// and master pages in `styles.xml`.
    fn odt(auto_styles: &str, body: &str, styles: &str, master: &str) -> Vec<u8> {
        let mut zip = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = SimpleFileOptions::default().compression_method(::zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(TEXT_MIMETYPE.as_bytes()).unwrap();
        let content = format!(
            r#"<?xml version="1.0"?><office:document-content {NS}><office:automatic-styles>{auto_styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        );
        let styles = format!(
            r#"<?xml version="1.0"?><office:document-styles {NS}><office:styles>{styles}</office:styles><office:master-styles>{master}</office:master-styles></office:document-styles>"#
        );
        for (name, data) in [("content.xml", content), ("styles.xml", styles)] {
            zip.start_file(name, SimpleFileOptions::default()).unwrap();
            zip.write_all(data.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn read_odt(bytes: &[u8]) -> Extracted {
        read(bytes, Path::new("t.odt")).unwrap()
    }

    fn paragraphs(e: &Extracted) -> Vec<&str> {
        e.text.trim_end().split("\n\n").collect()
    }

    fn level(n: u32, format: &str, attrs: &str) -> String {
        format!(r#"<text:list-level-style-number text:level="{n}" style:num-format="{format}" {attrs}/>"#)
    }

    fn list_style(name: &str, levels: &[String]) -> String {
        format!(r#"<text:list-style style:name="{name}">{}</text:list-style>"#, levels.concat())
    }

    /// A list of one-paragraph items.
    fn list(attrs: &str, items: &[&str]) -> String {
        let items: String =
            items.iter().map(|t| format!("<text:list-item><text:p>{t}</text:p></text:list-item>")).collect();
        format!("<text:list {attrs}>{items}</text:list>")
    }

    #[test]
    fn list_formats_prefixes_and_list_formats() {
        let styles = [
            list_style("Art", &[level(1, "一, 二, 三, ...", r#"style:num-prefix="第" style:num-suffix="条" loext:num-list-format="第%1%条""#)]),
            list_style("Zh", &[level(1, "一, 二, 三, ...", r#"style:num-suffix="、""#)]),
            list_style("Ru", &[level(1, "а, б, .., аа, аб, ... (ru)", r#"style:num-suffix=")""#)]),
            list_style("RuUp", &[level(1, "А, Б, .., Аа, Аб, ... (ru)", r#"style:num-suffix=".""#)]),
            list_style("Legal", &[level(1, "壹, 贰, 叁, ...", "")]),
            list_style("Stem", &[level(1, "甲, 乙, 丙, ...", r#"style:num-suffix="、""#)]),
            list_style("Roman", &[level(1, "I", r#"style:num-suffix="." text:start-value="4""#)]),
            r#"<text:list-style style:name="Bul"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>"#.to_string(),
        ]
        .concat();
        let body = [
            list(r#"text:style-name="Art""#, &["", ""]),
            list(r#"text:style-name="Zh""#, &["缔约各方"]),
            list(r#"text:style-name="Ru""#, &["мира", "безопасности"]),
            list(r#"text:style-name="RuUp""#, &["А", "Б"]),
            list(r#"text:style-name="Legal""#, &["款"]),
            list(r#"text:style-name="Stem""#, &["甲项"]),
            list(r#"text:style-name="Roman""#, &["four"]),
            list(r#"text:style-name="Bul""#, &["bullet"]),
        ]
        .concat();
        let e = read_odt(&odt(&styles, &body, "", ""));
        assert_eq!(
            paragraphs(&e),
            [
                "第一条",
                "第二条",
                "一、 缔约各方",
                "а) мира",
                "б) безопасности",
                "А. А",
                "Б. Б",
                "壹 款",
                "甲、 甲项",
                "IV. four",
                "bullet"
            ]
        );
        assert!(e.notes.contains(&"automatic numbering applied to 10 paragraphs".to_string()), "{:?}", e.notes);
    }

    #[test]
    fn continued_and_restarted_lists() {
        let styles = list_style("L", &[level(1, "1", r#"style:num-suffix=".""#)]);
        let body = [
            list(r#"xml:id="a" text:style-name="L""#, &["a", "b"]),
            list(r#"text:style-name="L" text:continue-numbering="true""#, &["c"]),
            list(r#"text:style-name="L""#, &["restarted"]),
            list(r#"text:style-name="L" text:continue-list="a""#, &["d"]),
            // An item that sets its own number.
            r#"<text:list text:style-name="L" text:continue-numbering="true"><text:list-item text:start-value="10"><text:p>ten</text:p></text:list-item><text:list-item><text:p>eleven</text:p><text:p>same item</text:p></text:list-item><text:list-header><text:p>header</text:p></text:list-header></text:list>"#.to_string(),
            // A reference to no list continues the last list of the style.
            list(r#"text:style-name="L" text:continue-list="nowhere""#, &["twelve"]),
        ]
        .concat();
        let e = read_odt(&odt(&styles, &body, "", ""));
        assert_eq!(
            paragraphs(&e),
            [
                "1. a",
                "2. b",
                "3. c",
                "1. restarted",
                "4. d",
                "10. ten",
                "11. eleven",
                "same item",
                "header",
                "12. twelve"
            ]
        );
        assert!(
            e.notes.iter().any(|n| n.starts_with("1 list continued a list that is not in the document")),
            "{:?}",
            e.notes
        );
    }

    #[test]
    fn nested_levels_and_display_levels() {
        let styles = list_style(
            "L",
            &[
                level(1, "1", r#"style:num-suffix=".""#),
                level(2, "a", r#"style:num-suffix=")" text:display-levels="2""#),
                level(3, "i", r#"loext:num-list-format="(%3%)""#),
            ],
        );
        let body = r#"<text:list text:style-name="L">
            <text:list-item><text:p>one</text:p>
              <text:list><text:list-item><text:p>one-a</text:p></text:list-item>
                <text:list-item><text:p>one-b</text:p><text:list><text:list-item><text:p>deep</text:p></text:list-item></text:list></text:list-item></text:list></text:list-item>
            <text:list-item><text:p>two</text:p></text:list-item>
            <text:list-item><text:list><text:list-item><text:p>two-a</text:p></text:list-item></text:list></text:list-item>
          </text:list>"#;
        let e = read_odt(&odt(&styles, body, "", ""));
        assert_eq!(paragraphs(&e), ["1. one", "1.a) one-a", "1.b) one-b", "(i) deep", "2. two", "2.a) two-a"]);
    }

    #[test]
    fn outline_numbered_headings() {
        let outline = r#"<text:outline-style style:name="Outline">
            <text:outline-level-style text:level="1" style:num-format="I" style:num-prefix="Глава " />
            <text:outline-level-style text:level="2" style:num-format="1" style:num-prefix="Статья " style:num-suffix="." >
              <style:list-level-properties><style:list-level-label-alignment text:label-followed-by="space"/></style:list-level-properties></text:outline-level-style>
            <text:outline-level-style text:level="3" style:num-format=""/></text:outline-style>"#;
        let body = r#"<text:h text:outline-level="1">Цели</text:h><text:h text:outline-level="2"/><text:p>Текст</text:p>
            <text:h text:outline-level="2"/><text:h text:outline-level="3">Без номера</text:h><text:h text:outline-level="1">Члены</text:h>
            <text:h text:outline-level="2"/><text:h text:outline-level="2" text:restart-numbering="true" text:start-value="7"/>
            <text:h text:outline-level="2" text:is-list-header="true">Заголовок</text:h>"#;
        let e = read_odt(&odt("", body, outline, ""));
        // Level 2 restarts under each level 1, as outline numbering does.
        assert_eq!(
            paragraphs(&e),
            [
                "Глава I Цели",
                "Статья 1.",
                "Текст",
                "Статья 2.",
                "Без номера",
                "Глава II Члены",
                "Статья 1.",
                "Статья 7.",
                "Заголовок"
            ]
        );
    }

    #[test]
    fn spaces_breaks_notes_annotations_and_changes() {
        let body = r#"<text:tracked-changes><text:changed-region><text:deletion><text:p>удалено</text:p></text:deletion></text:changed-region><text:changed-region><text:insertion/></text:changed-region></text:tracked-changes>
            <text:p>  Первая
               строка<text:s text:c="2"/>два<text:tab/>таб<text:line-break/>вторая<text:soft-page-break/> строка<text:change text:change-id="c1"/></text:p>
            <text:p>Текст<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>сноска</text:p></text:note-body></text:note><office:annotation><text:p>замечание</text:p></office:annotation> <text:span>и <text:a>ссылка</text:a></text:span></text:p>
            <table:table><table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell><table:table-cell><text:p>B1</text:p></table:table-cell></table:table-row></table:table>
            <text:p>С рамкой<draw:frame><draw:text-box><text:p>рамка</text:p></draw:text-box></draw:frame></text:p>"#;
        let master = r#"<style:master-page style:name="Standard"><style:header><text:p>Договор</text:p></style:header><style:footer><text:p><text:page-number>1</text:page-number></text:p></style:footer><style:footer-left><text:p/></style:footer-left></style:master-page>"#;
        let e = read_odt(&odt("", body, "", master));
        assert_eq!(
            paragraphs(&e),
            ["Первая строка  два таб\nвторая строка", "Текст и ссылка", "A1", "B1", "С рамкой", "рамка"]
        );
        assert_eq!(
            e.notes,
            [
                "left out: 1 header, 1 footer, 1 footnote, 1 comment",
                "tracked changes accepted: 1 insertion, 1 deletion"
            ]
        );
    }

    #[test]
    fn hidden_text_is_left_out_and_said_so() {
        // As LibreOffice saves Word's hidden text: a span whose automatic style, or
        // the style that one inherits from, does not display it.
        let styles = r#"<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>
            <style:style style:name="T2" style:family="text" style:parent-style-name="T1"/>
            <style:style style:name="T3" style:family="text"><style:text-properties style:text-underline-style="solid"/></style:style>"#;
        let body = r#"<text:p>第一条<text:span text:style-name="T1">（2015年5月12日修订）</text:span></text:p>
            <text:p><text:span text:style-name="T3">缔约各方</text:span>根据<text:span text:style-name="T2">隐藏</text:span>。</text:p>"#;
        let e = read_odt(&odt(styles, body, "", ""));
        assert_eq!(paragraphs(&e), ["第一条", "缔约各方根据。"]);
        assert_eq!(e.notes, ["left out: 2 hidden spans"]);
    }

    #[test]
    fn not_a_text() {
        let mut zip = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("mimetype", SimpleFileOptions::default()).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
        zip.start_file("content.xml", SimpleFileOptions::default()).unwrap();
        zip.write_all(format!("<office:document-content {NS}/>").as_bytes()).unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        let mut archive = Archive::open(&bytes, Path::new("t.ods")).unwrap();
        assert!(!is_text(&mut archive).unwrap());
        let e = read(&bytes, Path::new("t.ods")).unwrap_err();
        assert!(e.to_string().contains("not an OpenDocument text"), "{e}");
    }
}
