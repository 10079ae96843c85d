//! The Word (.docx) reader: the body's paragraphs in order, with Word's automatic
//! numbering written out as Word prints it.
//!
//! The main part is found through `_rels/.rels`; its relationships name the numbering,
//! styles, headers, footers, notes and comments. Only the body is read into the text:
//! headers, footers, footnotes, endnotes and comments are separate parts, counted and
//! reported in the notes. Tracked changes are read as accepted (insertions kept,
//! deletions dropped). Tables are read cell by cell, row by row.
//!
//! Numbering follows Word: a paragraph's `w:numPr` (or its style's, along `w:basedOn`)
//! names a `w:num`, which names an abstract numbering whose counters are shared by
//! every `w:num` of it; `w:lvlOverride` may restart a level or replace it; a level
//! restarts when a higher one is used (or as `w:lvlRestart` says); `w:lvlText` such as
//! `第%1条` or `Статья %1.` places the numbers, in each level's `w:numFmt`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::Extracted;
use super::numfmt::NumFormat;
use super::xml::{self, Element, Node, Ns};
use super::zip::Archive;
use crate::error::{Error, ErrorKind, Result};
use crate::structure::Breaks;

/// Reads the text of the Word file in `bytes`.
pub fn read(bytes: &[u8], path: &Path) -> Result<Extracted> {
    let mut archive = Archive::open(bytes, path)?;
    let Some(main) = main_part(&mut archive)? else {
        return Err(Error::new(
            ErrorKind::Document("a zip archive, but not a Word document: it has no word/document.xml".into()),
            path,
        ));
    };
    let document = part(&mut archive, &main, path)?
        .ok_or_else(|| Error::new(ErrorKind::Document(format!("the Word document has no part {main}")), path))?;
    let rels = relationships(&mut archive, &main)?;
    let target = |kind: &str| rels.iter().find(|r| r.kind == kind).map(|r| r.target.clone());
    let styles = match target("styles") {
        Some(t) => part(&mut archive, &t, path)?.map(|e| Styles::parse(&e)).unwrap_or_default(),
        None => Styles::default(),
    };
    let mut notes = Vec::new();
    let numbering = match target("numbering") {
        Some(t) => part(&mut archive, &t, path)?.map(|e| Numbering::parse(&e, &mut notes)).unwrap_or_default(),
        None => Numbering::default(),
    };
    let left_out = left_out(&mut archive, &rels, path)?;

    let body = document.child(Ns::W, "body").ok_or_else(|| {
        Error::new(ErrorKind::Document(format!("the part {main} is not a Word document body (no w:body)")), path)
    })?;
    let mut reader = BodyReader {
        styles: &styles,
        numbering: &numbering,
        counters: Counters::default(),
        paragraphs: Vec::new(),
        fields: Vec::new(),
        numbered: 0,
        insertions: 0,
        deletions: 0,
    };
    reader.block(body);

    let mut text = reader.paragraphs.join("\n\n");
    text.push('\n');
    if reader.numbered > 0 {
        notes.push(format!("automatic numbering applied to {}", count(reader.numbered, "paragraph")));
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
    Ok(Extracted { text, encoding: "UTF-8".into(), breaks: Breaks::Paragraphs, notes })
}

/// The name of the main document part, if the archive is a Word document: the target
/// of the `officeDocument` relationship in `_rels/.rels` (`word/document.xml` where
/// there is no `_rels/.rels`), when that part exists and the content types call it
/// WordprocessingML.
pub fn main_part(archive: &mut Archive) -> Result<Option<String>> {
    let rels = match archive.read("_rels/.rels")? {
        Some(bytes) => parse_rels(&bytes, ""),
        None => Vec::new(),
    };
    let main = rels
        .into_iter()
        .find(|r| r.kind == "officeDocument")
        .map(|r| r.target)
        .unwrap_or_else(|| "word/document.xml".to_string());
    if !archive.has(&main) {
        return Ok(None);
    }
    let word = match archive.read("[Content_Types].xml")? {
        Some(types) => String::from_utf8_lossy(&types).contains("wordprocessingml"),
        None => main == "word/document.xml",
    };
    Ok(word.then_some(main))
}

/// Whether the bytes are an OLE compound file holding an encrypted Word document (a
/// `.docx` saved with a password is an `EncryptedPackage` stream in an OLE file, so it
/// looks like a Word 97 `.doc`).
pub fn is_encrypted_package(bytes: &[u8]) -> bool {
    // The stream's name, in UTF-16LE, in the compound file's directory.
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// Reads and parses a part, if the archive has it.
fn part(archive: &mut Archive, name: &str, path: &Path) -> Result<Option<Element>> {
    match archive.read(name)? {
        Some(bytes) => xml::parse(&bytes, path, name).map(Some),
        None => Ok(None),
    }
}

/// One relationship of a part: its type (the last segment of the type URI, the same
/// in transitional and Strict files) and its target part.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rel {
    kind: String,
    target: String,
}

/// The relationships of part `name` (from `dir/_rels/file.rels`).
fn relationships(archive: &mut Archive, name: &str) -> Result<Vec<Rel>> {
    let (dir, file) = name.rsplit_once('/').unwrap_or(("", name));
    let rels_name = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
    Ok(archive.read(&rels_name)?.map(|b| parse_rels(&b, dir)).unwrap_or_default())
}

/// Reads a relationships part; targets are resolved against `dir`. A damaged
/// relationships part reads as none: the body can still be found.
fn parse_rels(bytes: &[u8], dir: &str) -> Vec<Rel> {
    let Ok(root) = xml::parse(bytes, Path::new(""), "rels") else { return Vec::new() };
    root.elements()
        .filter(|e| e.is(Ns::Rels, "Relationship") && e.attr(Ns::None, "TargetMode") != Some("External"))
        .filter_map(|e| {
            let kind = e.attr(Ns::None, "Type")?.rsplit('/').next()?.to_string();
            let target = resolve_target(dir, e.attr(Ns::None, "Target")?);
            Some(Rel { kind, target })
        })
        .collect()
}

/// A relationship target as a part name: relative to `dir`, or absolute from the root.
fn resolve_target(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let target = match target.strip_prefix('/') {
        Some(absolute) => absolute,
        None => {
            parts.extend(dir.split('/').filter(|s| !s.is_empty()));
            target
        }
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The parts left out of the text, counted for the notes: headers and footers with
/// text, footnotes and endnotes (not their separators), comments.
fn left_out(archive: &mut Archive, rels: &[Rel], path: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (kind, noun) in [("header", "header"), ("footer", "footer")] {
        let mut n = 0;
        for r in rels.iter().filter(|r| r.kind == kind) {
            if !seen.insert(r.target.clone()) {
                continue;
            }
            if let Some(e) = part(archive, &r.target, path)?
                && has_text(&e)
            {
                n += 1;
            }
        }
        if n > 0 {
            out.push(count(n, noun));
        }
    }
    for (kind, element, noun) in
        [("footnotes", "footnote", "footnote"), ("endnotes", "endnote", "endnote"), ("comments", "comment", "comment")]
    {
        let Some(r) = rels.iter().find(|r| r.kind == kind) else { continue };
        let Some(e) = part(archive, &r.target, path)? else { continue };
        let n = e
            .elements()
            .filter(|n| n.is(Ns::W, element))
            .filter(|n| n.attr(Ns::W, "type").is_none_or(|t| t == "normal"))
            .count();
        if n > 0 {
            out.push(count(n, noun));
        }
    }
    Ok(out)
}

/// Whether any `w:t` below `e` holds text other than spaces.
fn has_text(e: &Element) -> bool {
    e.elements().any(|c| {
        (c.is(Ns::W, "t") && c.children.iter().any(|n| matches!(n, Node::Text(t) if !t.trim().is_empty())))
            || has_text(c)
    })
}

/// `1 header`, `3 footnotes`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// The `w:val` of child `name` of `e`.
fn val<'a>(e: &'a Element, name: &str) -> Option<&'a str> {
    e.child(Ns::W, name).and_then(|c| c.attr(Ns::W, "val"))
}

/// Whether a Word on/off property is on: present, and not `w:val="0"`/`false`/`off`.
fn on(e: Option<&Element>) -> bool {
    e.is_some_and(|e| !matches!(e.attr(Ns::W, "val"), Some("0" | "false" | "off")))
}

/// The branch of an `mc:AlternateContent` to read: the fallback where there is one,
/// otherwise the first choice. Never both: they hold the same content twice.
fn alternate(e: &Element) -> Option<&Element> {
    e.child(Ns::Mc, "Fallback").or_else(|| e.child(Ns::Mc, "Choice"))
}

/// What a paragraph style says about numbering.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
}

/// The paragraph and numbering styles of `styles.xml`.
#[derive(Debug, Clone, Default)]
struct Styles {
    by_id: BTreeMap<String, Style>,
    /// The paragraph style of paragraphs that name none.
    default_paragraph: Option<String>,
}

impl Styles {
    fn parse(root: &Element) -> Styles {
        let mut styles = Styles::default();
        for s in root.elements().filter(|e| e.is(Ns::W, "style")) {
            let Some(id) = s.attr(Ns::W, "styleId") else { continue };
            if s.attr(Ns::W, "type") == Some("paragraph")
                && matches!(s.attr(Ns::W, "default"), Some("1" | "true" | "on"))
            {
                styles.default_paragraph = Some(id.to_string());
            }
            let num_pr = s.child(Ns::W, "pPr").and_then(|p| p.child(Ns::W, "numPr"));
            let style = Style {
                based_on: val(s, "basedOn").map(str::to_string),
                num_id: num_pr.and_then(|n| val(n, "numId")).map(str::to_string),
                ilvl: num_pr.and_then(|n| val(n, "ilvl")).and_then(|v| v.parse().ok()),
            };
            styles.by_id.insert(id.to_string(), style);
        }
        styles
    }

    /// The numbering a style gives, along its `w:basedOn` chain: the numId, the level
    /// if the style names one, and the style that holds the numbering.
    fn numbering(&self, id: &str) -> Option<(&str, Option<u8>, &str)> {
        let mut id = id;
        // A style may set the level and inherit the numId, so the nearest of each wins.
        let mut ilvl = None;
        // A chain longer than the styles is a cycle.
        for _ in 0..=self.by_id.len() {
            let (key, style) = self.by_id.get_key_value(id)?;
            ilvl = ilvl.or(style.ilvl);
            if let Some(num) = &style.num_id {
                return Some((num, ilvl, key));
            }
            id = style.based_on.as_deref()?;
        }
        None
    }
}

/// How a number is separated from its paragraph's text (`w:suff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Suffix {
    /// A tab, read as one space.
    #[default]
    Tab,
    /// A space.
    Space,
    /// Nothing: `一、` followed directly by the text.
    Nothing,
}

/// One level of a numbering definition (`w:lvl`).
#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: NumFormat,
    text: String,
    /// `w:lvlRestart`: the (1-based) level whose use restarts this one; 0 never.
    restart: Option<u32>,
    is_lgl: bool,
    suffix: Suffix,
    /// The paragraph style this level belongs to (`w:pStyle`).
    style: Option<String>,
}

impl Level {
    fn parse(lvl: &Element, unknown: &mut BTreeSet<String>) -> Level {
        let mut format = None;
        let mut consider = |f: &Element| {
            if format.is_some() {
                return;
            }
            let v = f.attr(Ns::W, "val").unwrap_or("decimal");
            format = match (v, f.attr(Ns::W, "format")) {
                ("custom", Some(sample)) => NumFormat::from_word_custom(sample),
                _ => NumFormat::from_word(v),
            };
            if format.is_none() {
                unknown.insert(v.to_string());
            }
        };
        for c in lvl.elements() {
            if c.is(Ns::W, "numFmt") {
                consider(c);
            } else if c.is(Ns::Mc, "AlternateContent") {
                // A custom format (Word 2010) is a choice, with a fallback for older
                // readers: the choice if its format is known, else the fallback.
                let known = |f: &&Element| {
                    f.attr(Ns::W, "format").and_then(NumFormat::from_word_custom).is_some()
                        || f.attr(Ns::W, "val").and_then(NumFormat::from_word).is_some()
                };
                let choice = c
                    .elements()
                    .filter(|b| b.is(Ns::Mc, "Choice"))
                    .find_map(|b| b.child(Ns::W, "numFmt").filter(known));
                if let Some(f) = choice.or_else(|| c.child(Ns::Mc, "Fallback").and_then(|b| b.child(Ns::W, "numFmt"))) {
                    consider(f);
                }
            }
        }
        Level {
            start: val(lvl, "start").and_then(|v| v.parse().ok()).unwrap_or(0),
            format: format.unwrap_or(NumFormat::Decimal),
            text: val(lvl, "lvlText").unwrap_or("").to_string(),
            restart: val(lvl, "lvlRestart").and_then(|v| v.parse().ok()),
            is_lgl: on(lvl.child(Ns::W, "isLgl")),
            suffix: match val(lvl, "suff") {
                Some("space") => Suffix::Space,
                Some("nothing") => Suffix::Nothing,
                _ => Suffix::Tab,
            },
            style: val(lvl, "pStyle").map(str::to_string),
        }
    }
}

/// The levels of a `w:abstractNum`, and the numbering style it links to.
#[derive(Debug, Clone, Default)]
struct AbstractNum {
    levels: [Option<Level>; 9],
    /// `w:numStyleLink`: the levels are those of the abstract numbering of this
    /// numbering style.
    num_style_link: Option<String>,
    /// `w:styleLink`: this is the definition of that numbering style.
    style_link: Option<String>,
}

/// A `w:num`: its abstract numbering and level overrides.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// Per level: `w:startOverride`, and a replacing `w:lvl`.
    overrides: BTreeMap<u8, (Option<u32>, Option<Level>)>,
}

/// `numbering.xml`.
#[derive(Debug, Clone, Default)]
struct Numbering {
    abstracts: BTreeMap<String, AbstractNum>,
    nums: BTreeMap<String, Num>,
}

impl Numbering {
    fn parse(root: &Element, notes: &mut Vec<String>) -> Numbering {
        let mut numbering = Numbering::default();
        let mut unknown = BTreeSet::new();
        for e in root.elements() {
            if e.is(Ns::W, "abstractNum") {
                let Some(id) = e.attr(Ns::W, "abstractNumId") else { continue };
                let mut a = AbstractNum {
                    num_style_link: val(e, "numStyleLink").map(str::to_string),
                    style_link: val(e, "styleLink").map(str::to_string),
                    ..Default::default()
                };
                for lvl in e.elements().filter(|l| l.is(Ns::W, "lvl")) {
                    if let Some(i) = level_index(lvl) {
                        a.levels[i] = Some(Level::parse(lvl, &mut unknown));
                    }
                }
                numbering.abstracts.insert(id.to_string(), a);
            } else if e.is(Ns::W, "num") {
                let (Some(id), Some(abstract_id)) = (e.attr(Ns::W, "numId"), val(e, "abstractNumId")) else { continue };
                let mut num = Num { abstract_id: abstract_id.to_string(), overrides: BTreeMap::new() };
                for o in e.elements().filter(|o| o.is(Ns::W, "lvlOverride")) {
                    let Some(i) = level_index(o) else { continue };
                    let start = val(o, "startOverride").and_then(|v| v.parse().ok());
                    let level = o.child(Ns::W, "lvl").map(|l| Level::parse(l, &mut unknown));
                    num.overrides.insert(i as u8, (start, level));
                }
                numbering.nums.insert(id.to_string(), num);
            }
        }
        if !unknown.is_empty() {
            let names: Vec<&str> = unknown.iter().map(String::as_str).collect();
            notes.push(format!("number formats not known, printed as decimal: {}", names.join(", ")));
        }
        numbering
    }

    /// The abstract numbering a `w:num` uses, following `w:numStyleLink` to the
    /// numbering style's own definition.
    fn abstract_of<'a>(&'a self, num: &'a Num, styles: &Styles) -> Option<(&'a str, &'a AbstractNum)> {
        let mut id = num.abstract_id.as_str();
        // Each link leads to another abstract numbering; more links than there are
        // definitions is a cycle.
        for _ in 0..=self.abstracts.len() {
            let a = self.abstracts.get(id)?;
            let Some(link) = &a.num_style_link else { return Some((id, a)) };
            let linked = styles
                .by_id
                .get(link)
                .and_then(|s| s.num_id.as_deref())
                .and_then(|n| self.nums.get(n))
                .map(|n| n.abstract_id.as_str())
                .or_else(|| {
                    self.abstracts.iter().find(|(_, b)| b.style_link.as_deref() == Some(link)).map(|(k, _)| k.as_str())
                });
            match linked {
                Some(next) if next != id => id = next,
                _ => return Some((id, a)),
            }
        }
        None
    }
}

/// The `w:ilvl` of a level or override, 0–8.
fn level_index(e: &Element) -> Option<usize> {
    e.attr(Ns::W, "ilvl").and_then(|v| v.parse::<usize>().ok()).filter(|&i| i < 9)
}

/// The running counters: per abstract numbering (shared by all its `w:num`s, as Word
/// counts), and which overrides have restarted their level already.
#[derive(Debug, Clone, Default)]
struct Counters {
    by_abstract: BTreeMap<String, [Option<u32>; 9]>,
    overridden: BTreeSet<(String, u8)>,
}

/// Walks the body, collecting paragraphs.
struct BodyReader<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: Counters,
    paragraphs: Vec<String>,
    /// Open fields: whether each is past its `separate` (in its result).
    fields: Vec<bool>,
    numbered: usize,
    insertions: usize,
    deletions: usize,
}

impl<'a> BodyReader<'a> {
    /// A block-level element: paragraphs, tables and their rows and cells, content
    /// controls, custom XML.
    fn block(&mut self, e: &'a Element) {
        for c in e.elements() {
            match (c.ns, &*c.name) {
                (Ns::W, "p") => self.paragraph(c),
                (Ns::W, "tbl" | "tr" | "tc" | "sdtContent" | "customXml" | "txbxContent") => self.block(c),
                (Ns::W, "sdt") => {
                    if let Some(content) = c.child(Ns::W, "sdtContent") {
                        self.block(content);
                    }
                }
                (Ns::W, "ins" | "moveTo") => {
                    self.insertions += 1;
                    self.block(c);
                }
                (Ns::W, "del" | "moveFrom") => self.deletions += 1,
                (Ns::Mc, "AlternateContent") => {
                    if let Some(branch) = alternate(c) {
                        self.block(branch);
                    }
                }
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: &'a Element) {
        let mut text = String::new();
        let mut boxes = Vec::new();
        self.inline(p, &mut text, &mut boxes);
        let text = tidy(&text);
        let label = self.number(p.child(Ns::W, "pPr"));
        let paragraph = match label {
            Some((label, suffix)) => {
                self.numbered += 1;
                let sep = if suffix == Suffix::Nothing || text.is_empty() { "" } else { " " };
                format!("{label}{sep}{text}")
            }
            None => text,
        };
        if !paragraph.trim().is_empty() {
            self.paragraphs.push(paragraph);
        }
        // Text boxes anchored in the paragraph come after it.
        for b in boxes {
            self.block(b);
        }
    }

    /// The inline content of a paragraph: runs, and the wrappers around them.
    fn inline(&mut self, e: &'a Element, out: &mut String, boxes: &mut Vec<&'a Element>) {
        for c in e.elements() {
            match (c.ns, &*c.name) {
                (Ns::W, "r") => self.run(c, out, boxes),
                (Ns::W, "hyperlink" | "smartTag" | "customXml" | "fldSimple" | "dir" | "bdo" | "sdtContent") => {
                    self.inline(c, out, boxes)
                }
                (Ns::W, "sdt") => {
                    if let Some(content) = c.child(Ns::W, "sdtContent") {
                        self.inline(content, out, boxes);
                    }
                }
                (Ns::W, "ins" | "moveTo") => {
                    self.insertions += 1;
                    self.inline(c, out, boxes);
                }
                (Ns::W, "del" | "moveFrom") => self.deletions += 1,
                (Ns::Mc, "AlternateContent") => {
                    if let Some(branch) = alternate(c) {
                        self.inline(branch, out, boxes);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &'a Element, out: &mut String, boxes: &mut Vec<&'a Element>) {
        // Hidden text is not printed.
        if on(r.child(Ns::W, "rPr").and_then(|p| p.child(Ns::W, "vanish"))) {
            return;
        }
        for c in r.elements() {
            if c.is(Ns::W, "fldChar") {
                match c.attr(Ns::W, "fldCharType") {
                    Some("begin") => self.fields.push(false),
                    Some("separate") => {
                        if let Some(f) = self.fields.last_mut() {
                            *f = true;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                }
                continue;
            }
            // A field's instructions are not printed; its result is.
            if !self.fields.iter().all(|&in_result| in_result) {
                continue;
            }
            match (c.ns, &*c.name) {
                (Ns::W, "t") => {
                    for n in &c.children {
                        if let Node::Text(t) = n {
                            out.push_str(t);
                        }
                    }
                }
                (Ns::W, "tab" | "ptab") => out.push(' '),
                (Ns::W, "br" | "cr") => out.push('\n'),
                (Ns::W, "noBreakHyphen") => out.push('-'),
                (Ns::W, "sym") => {
                    // Symbol-font characters are private-use code points: left out.
                    let c =
                        c.attr(Ns::W, "char").and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32);
                    if let Some(ch) = c.filter(|&ch| !('\u{E000}'..='\u{F8FF}').contains(&ch)) {
                        out.push(ch);
                    }
                }
                (Ns::Mc, "AlternateContent") => {
                    if let Some(branch) = alternate(c) {
                        self.run(branch, out, boxes);
                    }
                }
                (Ns::W, "drawing" | "pict" | "object") => text_boxes(c, boxes),
                _ => {}
            }
        }
    }

    /// The number of a paragraph with `pPr`, as printed, and what follows it; counts it.
    fn number(&mut self, ppr: Option<&Element>) -> Option<(String, Suffix)> {
        let direct = ppr.and_then(|p| p.child(Ns::W, "numPr"));
        let style_id = ppr.and_then(|p| val(p, "pStyle")).or(self.styles.default_paragraph.as_deref());
        let from_style = style_id.and_then(|s| self.styles.numbering(s));
        let num_id = direct.and_then(|n| val(n, "numId")).or(from_style.map(|s| s.0))?;
        if num_id == "0" {
            return None;
        }
        let num = self.numbering.nums.get(num_id)?;
        let (abstract_id, abs) = self.numbering.abstract_of(num, self.styles)?;
        let ilvl = direct
            .and_then(|n| val(n, "ilvl"))
            .and_then(|v| v.parse::<u8>().ok())
            .or(from_style.and_then(|s| s.1))
            .or_else(|| {
                // The style gives only the numId: the level is the one that names the style.
                let (_, _, holder) = from_style?;
                let names = |l: &Option<Level>| {
                    l.as_ref().and_then(|l| l.style.as_deref()).is_some_and(|s| Some(s) == style_id || s == holder)
                };
                abs.levels.iter().position(names).map(|i| i as u8)
            })
            .unwrap_or(0)
            .min(8);
        let level_of = |i: usize| -> Option<&Level> {
            num.overrides.get(&(i as u8)).and_then(|(_, l)| l.as_ref()).or(abs.levels[i].as_ref())
        };
        let level = level_of(ilvl as usize)?;
        if level.format == NumFormat::Bullet {
            return None;
        }
        let counters = self.counters.by_abstract.entry(abstract_id.to_string()).or_default();
        let i = ilvl as usize;
        let restart = num.overrides.get(&ilvl).and_then(|(start, l)| start.or(l.as_ref().map(|l| l.start)));
        counters[i] = match restart {
            Some(start) if self.counters.overridden.insert((num_id.to_string(), ilvl)) => Some(start),
            _ => Some(counters[i].map_or(level.start, |c| c.saturating_add(1))),
        };
        // Deeper levels restart when this one is used, unless their w:lvlRestart says
        // otherwise (Word reads it from the abstract definition only).
        for (m, counter) in counters.iter_mut().enumerate().skip(i + 1) {
            let after = abs.levels[m].as_ref().and_then(|l| l.restart).unwrap_or(m as u32);
            if after != 0 && (i as u32) < after {
                *counter = None;
            }
        }
        let counters = *counters;
        let label = render_level_text(&level.text, i, |k| {
            let l = level_of(k)?;
            let n = counters[k].unwrap_or(l.start);
            let format = if level.is_lgl && l.format.is_number() { NumFormat::Decimal } else { l.format };
            Some(format.render(n))
        })?;
        let label = label.trim().to_string();
        (!label.is_empty()).then_some((label, level.suffix))
    }
}

/// Expands a `w:lvlText`: `%1`…`%9` are the numbers of levels 1–9 (`number` gives
/// level k, 0-based), the rest is literal. Word prints nothing for a text that names a
/// level deeper than its own.
fn render_level_text(text: &str, ilvl: usize, number: impl Fn(usize) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%'
            && let Some(k) = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d))
        {
            chars.next();
            let k = k as usize - 1;
            if k > ilvl {
                return None;
            }
            out.push_str(&number(k).unwrap_or_default());
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The text boxes (`w:txbxContent`) inside a drawing, outermost only.
fn text_boxes<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
    for c in e.elements() {
        if c.is(Ns::W, "txbxContent") {
            out.push(c);
        } else if c.is(Ns::Mc, "AlternateContent") {
            if let Some(branch) = alternate(c) {
                text_boxes(branch, out);
            }
        } else {
            text_boxes(c, out);
        }
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

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

    /// A Word file with this body, numbering, styles and extra parts (name, XML,
    /// relationship type), the main part named `word/main.xml` to show it is found
    /// through the relationships.
    pub(crate) fn docx(body: &str, numbering: &str, styles: &str, extra: &[(&str, &str, &str)]) -> Vec<u8> {
        let mut zip = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
        let mut put = |name: &str, data: &str| {
            zip.start_file(name, SimpleFileOptions::default()).unwrap();
            zip.write_all(data.as_bytes()).unwrap();
        };
        put(
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        );
        put(
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>"#,
        );
        put("word/main.xml", &format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#));
        let mut rels = String::from(
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        let mut parts: Vec<(&str, String, &str)> = Vec::new();
        if !numbering.is_empty() {
            parts.push(("numbering.xml", format!("<w:numbering {W}>{numbering}</w:numbering>"), "numbering"));
        }
        if !styles.is_empty() {
            parts.push(("styles.xml", format!("<w:styles {W}>{styles}</w:styles>"), "styles"));
        }
        for (name, xml, kind) in extra {
            parts.push((name, xml.replace("W_NS", W), kind));
        }
        for (i, (name, xml, kind)) in parts.iter().enumerate() {
            rels.push_str(&format!(r#"<Relationship Id="rId{i}" Type="{base}{kind}" Target="{name}"/>"#));
            put(&format!("word/{name}"), xml);
        }
        rels.push_str("</Relationships>");
        put("word/_rels/main.xml.rels", &rels);
        zip.finish().unwrap().into_inner()
    }

    fn text_of(bytes: &[u8]) -> Extracted {
        read(bytes, Path::new("t.docx")).unwrap()
    }

    /// Paragraphs `(numId, ilvl, text)`.
    fn numbered(paras: &[(&str, u8, &str)]) -> String {
        paras
            .iter()
            .map(|(num, lvl, t)| {
                format!(
                    r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
                )
            })
            .collect()
    }

    fn lvl(ilvl: u8, start: u32, fmt: &str, text: &str, extra: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>"#
        )
    }

    fn abstract_num(id: u32, levels: &[String]) -> String {
        format!(r#"<w:abstractNum w:abstractNumId="{id}">{}</w:abstractNum>"#, levels.concat())
    }

    fn num(id: u32, abstract_id: u32, overrides: &str) -> String {
        format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>"#)
    }

    fn paragraphs(e: &Extracted) -> Vec<&str> {
        e.text.trim_end().split("\n\n").collect()
    }

    #[test]
    fn level_texts_and_formats() {
        let numbering = [
            abstract_num(1, &[lvl(0, 1, "chineseCounting", "第%1条", r#"<w:suff w:val="space"/>"#)]),
            abstract_num(2, &[lvl(0, 1, "decimal", "Статья %1.", "")]),
            abstract_num(3, &[lvl(0, 1, "chineseCounting", "%1、", r#"<w:suff w:val="nothing"/>"#)]),
            abstract_num(4, &[lvl(0, 1, "russianLower", "%1)", "")]),
            abstract_num(5, &[lvl(0, 1, "bullet", "•", "")]),
            abstract_num(6, &[lvl(0, 1, "hebrew2", "%1.", "")]),
            num(1, 1, ""),
            num(2, 2, ""),
            num(3, 3, ""),
            num(4, 4, ""),
            num(5, 5, ""),
            num(6, 6, ""),
        ]
        .concat();
        let body = numbered(&[
            ("1", 0, ""),
            ("3", 0, "缔约各方"),
            ("3", 0, "本条约"),
            ("1", 0, ""),
            ("2", 0, ""),
            ("4", 0, "мира"),
            ("4", 0, "безопасности"),
            ("5", 0, "bullet"),
            ("0", 0, "numId 0"),
            ("6", 0, "unknown"),
        ]);
        let e = text_of(&docx(&body, &numbering, "", &[]));
        assert_eq!(
            paragraphs(&e),
            [
                "第一条",
                "一、缔约各方",
                "二、本条约",
                "第二条",
                "Статья 1.",
                "а) мира",
                "б) безопасности",
                "bullet",
                "numId 0",
                "1. unknown"
            ]
        );
        assert!(e.notes.contains(&"automatic numbering applied to 8 paragraphs".to_string()), "{:?}", e.notes);
        assert!(e.notes.iter().any(|n| n.contains("not known, printed as decimal: hebrew2")), "{:?}", e.notes);
    }

    #[test]
    fn counters_are_shared_by_the_nums_of_one_abstract_num() {
        // numId 9 restarts at 99; numId 10 (same abstractNum) continues, as Word and
        // LibreOffice count.
        let numbering = [
            abstract_num(1, &[lvl(0, 1, "chineseCounting", "第%1条", "")]),
            num(8, 1, ""),
            num(9, 1, r#"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="99"/></w:lvlOverride>"#),
            num(10, 1, ""),
        ]
        .concat();
        let body = numbered(&[
            ("8", 0, "a"),
            ("8", 0, "b"),
            ("9", 0, "c"),
            ("9", 0, "d"),
            ("9", 0, "e"),
            ("10", 0, "f"),
            ("8", 0, "g"),
        ]);
        let e = text_of(&docx(&body, &numbering, "", &[]));
        assert_eq!(
            paragraphs(&e),
            [
                "第一条 a",
                "第二条 b",
                "第九十九条 c",
                "第一百条 d",
                "第一百零一条 e",
                "第一百零二条 f",
                "第一百零三条 g"
            ]
        );
    }

    #[test]
    fn levels_restart_and_legal_numbering() {
        let numbering = [
            abstract_num(
                1,
                &[
                    lvl(0, 1, "upperRoman", "%1.", ""),
                    lvl(1, 1, "lowerLetter", "%1.%2", ""),
                    lvl(2, 1, "decimal", "(%3)", r#"<w:lvlRestart w:val="1"/>"#),
                    lvl(3, 1, "decimal", "%4", r#"<w:lvlRestart w:val="0"/>"#),
                ],
            ),
            abstract_num(2, &[lvl(0, 3, "upperRoman", "%1", ""), lvl(1, 1, "lowerLetter", "%1.%2", "<w:isLgl/>")]),
            num(1, 1, ""),
            num(2, 2, ""),
        ]
        .concat();
        let body = numbered(&[
            ("1", 0, "A"),
            ("1", 1, "B"),
            ("1", 2, "C"),
            ("1", 3, "D"),
            ("1", 1, "E"),
            ("1", 2, "F"),
            ("1", 3, "G"),
            ("1", 0, "H"),
            ("1", 2, "I"),
            ("1", 3, "J"),
            ("2", 1, "K"),
        ]);
        let e = text_of(&docx(&body, &numbering, "", &[]));
        assert_eq!(
            paragraphs(&e),
            [
                "I. A", "I.a B", "(1) C", "1 D", //
                "I.b E", "(2) F", "2 G", // level 3 restarts only after level 1; level 4 never
                "II. H", "(1) I", "3 J",   //
                "3.1 K", // isLgl: all in decimal; level 1 not used yet prints its start
            ]
        );
    }

    #[test]
    fn a_level_override_replaces_the_level() {
        let numbering = [
            abstract_num(1, &[lvl(0, 1, "decimal", "%1.", "")]),
            num(1, 1, ""),
            num(
                2,
                1,
                &format!(r#"<w:lvlOverride w:ilvl="0">{}</w:lvlOverride>"#, lvl(0, 5, "upperLetter", "(%1)", "")),
            ),
        ]
        .concat();
        let body = numbered(&[("1", 0, "a"), ("2", 0, "b"), ("2", 0, "c")]);
        assert_eq!(paragraphs(&text_of(&docx(&body, &numbering, "", &[]))), ["1. a", "(E) b", "(F) c"]);
    }

    #[test]
    fn numbering_through_styles() {
        // Heading2 is based on Heading1, which holds numId 1; the level is the one
        // whose w:pStyle names the style. A direct numId 0 switches it off.
        let styles = r#"
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
            <w:style w:type="paragraph" w:styleId="Article"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Point"><w:basedOn w:val="Article"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Linked"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
            <w:style w:type="numbering" w:styleId="ListStyle"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>"#;
        let numbering = [
            abstract_num(
                1,
                &[lvl(0, 1, "decimal", "Статья %1", r#"<w:pStyle w:val="Article"/>"#), lvl(1, 1, "decimal", "%2.", "")],
            ),
            // numStyleLink: the levels are those of the numbering style's definition.
            r#"<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>"#.to_string(),
            format!(
                r#"<w:abstractNum w:abstractNumId="3"><w:styleLink w:val="ListStyle"/>{}</w:abstractNum>"#,
                lvl(0, 1, "lowerRoman", "%1)", "")
            ),
            num(1, 1, ""),
            num(2, 2, ""),
            num(3, 3, ""),
        ]
        .concat();
        let p = |style: &str, extra: &str, t: &str| {
            format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#)
        };
        let body = [
            p("Article", "", ""),
            p("Point", "", "Первый"),
            p("Point", "", "Второй"),
            p("Article", r#"<w:numPr><w:numId w:val="0"/></w:numPr>"#, "без номера"),
            p("Article", "", ""),
            p("Point", "", "Третий"),
            p("Linked", "", "связанный"),
            p("Normal", "", "обычный"),
        ]
        .concat();
        let e = text_of(&docx(&body, &numbering, styles, &[]));
        assert_eq!(
            paragraphs(&e),
            ["Статья 1", "1. Первый", "2. Второй", "без номера", "Статья 2", "1. Третий", "i) связанный", "обычный"]
        );
    }

    #[test]
    fn runs_fields_revisions_and_wrappers() {
        let body = r#"
            <w:p><w:r><w:t xml:space="preserve">Первая </w:t></w:r><w:r><w:br/><w:t>строка</w:t><w:tab/><w:t>после</w:t></w:r></w:p>
            <w:p><w:r><w:t>до</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="SEQ"><w:r><w:t>8</w:t></w:r></w:fldSimple></w:p>
            <w:p><w:ins w:id="1"><w:r><w:t>вставлено</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>удалено</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>старое</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>-место</w:t></w:r></w:moveTo></w:p>
            <w:p><w:hyperlink r:id="x"><w:r><w:t>ссылка</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t>+тег</w:t></w:r></w:smartTag><w:sdt><w:sdtContent><w:r><w:t>+поле</w:t></w:r></w:sdtContent></w:sdt><w:customXml><w:r><w:t>+xml</w:t></w:r></w:customXml></w:p>
            <w:p><w:r><w:t>не</w:t><w:noBreakHyphen/><w:t>раз</w:t><w:softHyphen/><w:t>рывный</w:t><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Arial" w:char="00A7"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>скрытый</w:t></w:r></w:p>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>рамка</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>рамка</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent><w:t>с рамкой</w:t></w:r></w:p>
            <w:p><w:r><w:br w:type="page"/></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p><w:p><w:r><w:t>B1b</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>вложенная</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>B2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:sectPr/>"#;
        let e = text_of(&docx(body, "", "", &[]));
        assert_eq!(
            paragraphs(&e),
            [
                "Первая\nстрока после",
                "до78",
                "вставлено-место",
                "ссылка+тег+поле+xml",
                "не-разрывный§",
                "с рамкой",
                "рамка",
                "A1",
                "B1",
                "B1b",
                "вложенная",
                "B2"
            ]
        );
        assert!(e.notes.contains(&"tracked changes accepted: 2 insertions, 2 deletions".to_string()), "{:?}", e.notes);
        assert_eq!(e.breaks, Breaks::Paragraphs);
    }

    #[test]
    fn other_parts_are_left_out_and_counted() {
        let hdr = r#"<w:hdr W_NS><w:p><w:r><w:t>Колонтитул</w:t></w:r></w:p></w:hdr>"#;
        let empty_hdr = r#"<w:hdr W_NS><w:p/></w:hdr>"#;
        let ftr = r#"<w:ftr W_NS><w:p><w:r><w:t>1</w:t></w:r></w:p></w:ftr>"#;
        let notes = r#"<w:footnotes W_NS><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>сноска</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>ещё</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        let comments = r#"<w:comments W_NS><w:comment w:id="0"><w:p><w:r><w:t>замечание</w:t></w:r></w:p></w:comment></w:comments>"#;
        let body = r#"<w:p><w:r><w:t>Текст</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#;
        let e = text_of(&docx(
            body,
            "",
            "",
            &[
                ("header1.xml", hdr, "header"),
                ("header2.xml", empty_hdr, "header"),
                ("footer1.xml", ftr, "footer"),
                ("footnotes.xml", notes, "footnotes"),
                ("comments.xml", comments, "comments"),
            ],
        ));
        assert_eq!(e.text, "Текст\n");
        assert_eq!(e.notes, ["left out: 1 header, 1 footer, 2 footnotes, 1 comment"]);
    }

    #[test]
    fn strict_namespaces_and_relative_targets() {
        assert_eq!(resolve_target("word", "../customXml/item.xml"), "customXml/item.xml");
        assert_eq!(resolve_target("word", "/word/document2.xml"), "word/document2.xml");
        let body = r#"<w:p><w:r><w:t>строгий</w:t></w:r></w:p>"#;
        let bytes = docx(body, "", "", &[]);
        // The same file with Strict namespace URIs.
        let mut zip = ::zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        let mut out = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut f, &mut s).unwrap();
            let s = s
                .replace(
                    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "http://purl.oclc.org/ooxml/wordprocessingml/main",
                )
                .replace(
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
                )
                .replace("w:", "ws:")
                .replace("xmlns:w=", "xmlns:ws=");
            out.start_file(f.name().unwrap().to_string(), SimpleFileOptions::default()).unwrap();
            out.write_all(s.as_bytes()).unwrap();
        }
        let strict = out.finish().unwrap().into_inner();
        assert_eq!(text_of(&strict).text, "строгий\n");
    }

    #[test]
    fn encrypted_word_files_are_told_apart() {
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend(vec![0u8; 500]);
        assert!(!is_encrypted_package(&ole));
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(is_encrypted_package(&ole));
    }
}
