//! Loading a text: read the bytes, decode them, repair the damage of conversion,
//! and parse the structure.
//!
//! ```
//! use bitext::load::{LoadOptions, load_bytes};
//! let text = "第一条\n\n缔约各方根据公认的国际法原则和规则，发展合作关系。\n";
//! let doc = load_bytes(text.as_bytes(), "treaty.zh.txt", &LoadOptions::default()).unwrap();
//! assert_eq!(doc.units[1].r#ref, "art.1.1");
//! ```

pub mod clean;
pub mod decode;
pub mod docx;
pub mod html;
pub mod numfmt;
pub mod odt;
pub mod pdf;
pub mod xml;
pub mod zip;

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::lang::Lang;
use crate::limits::{MAX_FILE_BYTES, MAX_LINE_BYTES, MAX_UNITS};
use crate::model::{Document, InputFormat, Layout};
use crate::structure;

/// How to segment a text into units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Segments {
    /// Parse the document structure (title, preamble, articles, …).
    #[default]
    Structure,
    /// Every non-empty line is one unit.
    Lines,
}

/// What the user says about a text before it is read.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The language, if the user gave it; otherwise told from the script.
    pub lang: Option<Lang>,
    /// The encoding label, if the user gave one (`--encoding`).
    pub encoding: Option<String>,
    /// How to segment.
    pub segments: Segments,
    /// How to read line breaks; `None` infers the layout from the whole text.
    pub layout: Option<Layout>,
    /// The kind of file, if the user said (`--input-format`); otherwise told from the
    /// content.
    pub input_format: Option<InputFormat>,
}

/// What a document reader takes out of a file: its text, and what it did.
///
/// The text is what the rest of the pipeline reads, as if it were a plain text file:
/// paragraphs separated by a blank line, a line break inside a paragraph (Word's
/// `w:br`, HTML's `<br>`) as a single line end, and for paged formats a form feed
/// (`\f`) alone on a line where a page ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The text, in the shape described above.
    pub text: String,
    /// The encoding the document's text was stored in (`UTF-8` for XML parts, the
    /// page's charset for HTML).
    pub encoding: String,
    /// What the line breaks of `text` are: the paragraphs a reader knows are
    /// separated by blank lines; a line break inside one is a break its author made
    /// (`w:br`, `<br>`) or where a printed line wrapped (a PDF).
    pub breaks: structure::Breaks,
    /// What the reader did, for a person: `automatic numbering applied to 38
    /// paragraphs`, `12 header and footer lines left out`.
    pub notes: Vec<String>,
}

/// Tells the kind of file from its first bytes, and from its name where the content
/// is ambiguous. A zip archive is a Word or OpenDocument file; which one, its members
/// tell.
pub fn sniff(bytes: &[u8], path: &Path) -> Sniffed {
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    if head.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Sniffed::Format(InputFormat::Pdf);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Sniffed::Word97;
    }
    if head.starts_with(b"{\\rtf") {
        return Sniffed::Rtf;
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) || looks_like_html(head) {
        return Sniffed::Format(InputFormat::Html);
    }
    Sniffed::Format(InputFormat::Text)
}

/// What [`sniff`] tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A format the pipeline reads.
    Format(InputFormat),
    /// A zip archive: a .docx or an .odt, or neither.
    Zip,
    /// A Word 97–2003 `.doc` (an OLE compound file).
    Word97,
    /// A Rich Text Format file.
    Rtf,
}

/// Whether the first bytes are HTML markup: a doctype or an `<html>`, `<head>` or
/// `<body>` tag near the start, in ASCII-compatible encodings and in UTF-16.
fn looks_like_html(head: &[u8]) -> bool {
    let ascii: Vec<u8> = head.iter().filter(|&&b| b != 0).map(u8::to_ascii_lowercase).take(1024).collect();
    let text = String::from_utf8_lossy(&ascii);
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{fffd}');
    start.starts_with('<')
        && ["<!doctype html", "<html", "<head", "<body", "xmlns=\"http://www.w3.org/1999/xhtml\""]
            .iter()
            .any(|m| text.contains(m))
}

/// Reads and parses the file at `path` (`-` for standard input).
pub fn load(path: &Path, options: &LoadOptions) -> Result<Document> {
    let bytes = read_bytes(path)?;
    load_from(Cow::Owned(bytes), path, options)
}

/// Reads a file's bytes, with clear errors for what is not a readable file.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let io = |e: std::io::Error| Error::new(ErrorKind::Io(e.to_string()), path);
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
        check_size(bytes.len() as u64, path)?;
        return Ok(bytes);
    }
    let meta = std::fs::metadata(path).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::NotFound { "no such file".to_string() } else { e.to_string() };
        Error::new(ErrorKind::Io(why), path)
    })?;
    if meta.is_dir() {
        return Err(Error::new(ErrorKind::Io("is a directory, not a file".into()), path));
    }
    check_size(meta.len(), path)?;
    std::fs::read(path).map_err(io)
}

fn check_size(len: u64, path: &Path) -> Result<()> {
    if len > MAX_FILE_BYTES {
        return Err(Error::new(ErrorKind::Limit(format!("{len} bytes; the limit is {MAX_FILE_BYTES}")), path));
    }
    Ok(())
}

/// Reads, repairs and parses `bytes` that came from `path`: a plain text in any
/// supported encoding, or a document (`.docx`, `.odt`, `.html`, `.pdf`), told from the
/// content unless [`LoadOptions::input_format`] says.
pub fn load_bytes(bytes: &[u8], path: impl AsRef<Path>, options: &LoadOptions) -> Result<Document> {
    load_from(Cow::Borrowed(bytes), path.as_ref(), options)
}

/// [`load_bytes`] of bytes borrowed or handed over: bytes handed over are not kept
/// beside the text read from them.
fn load_from(bytes: Cow<'_, [u8]>, path: &Path, options: &LoadOptions) -> Result<Document> {
    let format = match options.input_format {
        Some(f) => f,
        None => match sniff(&bytes, path) {
            Sniffed::Format(f) => f,
            Sniffed::Zip => zip_kind(&bytes, path)?,
            Sniffed::Word97 if docx::is_encrypted_package(&bytes) => return Err(self::zip::password_protected(path)),
            Sniffed::Word97 => return Err(convert_first(path, "a Word 97-2003 .doc file")),
            Sniffed::Rtf => return Err(convert_first(path, "an RTF file")),
        },
    };
    let (decoded, extracted) = match format {
        InputFormat::Text => (decode::decode_cow(bytes, path, options.lang, options.encoding.as_deref())?, None),
        other => {
            let mut extracted = read_document(other, &bytes, path, options)?;
            drop(bytes);
            let text = std::mem::take(&mut extracted.text);
            if !text.chars().any(|c| !c.is_whitespace()) {
                return Err(Error::new(ErrorKind::Empty, path));
            }
            (decode::Decoded { text, encoding: extracted.encoding.clone(), bom: false, lang: None }, Some(extracted))
        }
    };
    let lang = match options.lang.or(decoded.lang) {
        Some(l) => l,
        None => Lang::detect(&decoded.text).ok_or_else(|| Error::new(ErrorKind::UnknownLanguage, path))?,
    };
    let decode::Decoded { text, encoding, bom, .. } = decoded;
    let raw: Vec<&str> = split_lines(&text);
    if let Some(i) = raw.iter().position(|l| l.len() > MAX_LINE_BYTES) {
        return Err(Error::new(
            ErrorKind::Limit(format!(
                "a line of {} bytes; the limit is {MAX_LINE_BYTES} (are the line ends lost?)",
                raw[i].len()
            )),
            path,
        )
        .at_line(i + 1));
    }
    let mut repairs = Vec::new();
    let columns = match options.segments {
        Segments::Structure => clean::signature_columns(lang, &raw, &mut repairs),
        Segments::Lines => None,
    };
    let raw: Vec<&str> = match &columns {
        Some(lines) => lines.iter().map(String::as_str).collect(),
        None => raw,
    };
    let mut lines = clean::normalize(&raw, &mut repairs);
    // The lines hold their own text: the decoded text is not needed any more.
    drop(raw);
    drop(columns);
    drop(text);
    let (units, layout) = match options.segments {
        Segments::Lines => (structure::line_units(lines), Layout::Lines),
        Segments::Structure => {
            clean::unspace_wide(&mut lines, &mut repairs);
            clean::restore_numeral_zeros(lang, &mut lines, &mut repairs);
            clean::strip_markup(lang, &mut lines, &mut repairs);
            // Notes first: pdftotext sets a note's number alone on a line, which reads as a
            // page number.
            clean::strip_footnotes(lang, &mut lines, &mut repairs);
            clean::strip_page_furniture(lang, &mut lines, extracted.is_none(), &mut repairs);
            clean::strip_stamps(lang, &mut lines, &mut repairs);
            clean::unglue_page_numbers(lang, &mut lines, &mut repairs);
            clean::join_hyphenation(lang, &mut lines, &mut repairs);
            clean::restore_dropped_hyphens(lang, &mut lines, &mut repairs);
            let breaks = match (options.layout, extracted.as_ref().map(|e| e.breaks)) {
                (Some(l), _) => structure::Breaks::Layout(l),
                (None, Some(b)) => b,
                (None, None) => structure::Breaks::Infer,
            };
            let parsed = structure::parse(lang, &mut lines, breaks, &mut repairs);
            drop(lines);
            parsed
        }
    };
    if units.len() > MAX_UNITS {
        return Err(Error::new(ErrorKind::Limit(format!("{} units; the limit is {MAX_UNITS}", units.len())), path));
    }
    repairs.sort_by_key(|r| r.line);
    let mut doc = Document::new(path.display().to_string(), lang, encoding, bom, units, repairs);
    doc.format = format;
    doc.layout = layout;
    if let Some(extracted) = extracted {
        doc.reader = extracted.notes;
    }
    Ok(doc)
}

/// The error for a format that must be converted first, saying how.
fn convert_first(path: &Path, what: &str) -> Error {
    Error::new(
        ErrorKind::Document(format!(
            "{what} cannot be read; convert it with `soffice --headless --convert-to docx FILE` \
             (keeps automatic numbering) and read the .docx"
        )),
        path,
    )
}

/// Tells a Word file from an OpenDocument text by its members: the main part named
/// in `_rels/.rels`, or the `mimetype` member (or, without one, a `content.xml`).
pub fn zip_kind(bytes: &[u8], path: &Path) -> Result<InputFormat> {
    let mut archive = self::zip::Archive::open(bytes, path)?;
    if docx::main_part(&mut archive)?.is_some() {
        return Ok(InputFormat::Docx);
    }
    if odt::is_text(&mut archive)? {
        return Ok(InputFormat::Odt);
    }
    Err(Error::new(
        ErrorKind::Document(
            "a zip archive, but neither a Word nor an OpenDocument text (no word/document.xml, no content.xml)".into(),
        ),
        path,
    ))
}

/// Reads a document with its reader; the text it gives is then read as plain text.
fn read_document(format: InputFormat, bytes: &[u8], path: &Path, options: &LoadOptions) -> Result<Extracted> {
    match format {
        InputFormat::Docx => docx::read(bytes, path),
        InputFormat::Odt => odt::read(bytes, path),
        InputFormat::Html => html::read(bytes, path, options),
        InputFormat::Pdf => pdf::read(bytes, path),
        InputFormat::Text => {
            Err(Error::new(ErrorKind::Document("plain text is decoded, not read by a document reader".into()), path))
        }
    }
}

/// Splits at LF, CRLF or a lone CR; the line ends are found by `memchr`, many bytes
/// at a time.
fn split_lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        // The LF of a CRLF, taken with its CR.
        if i < start {
            continue;
        }
        out.push(&text[start..i]);
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_size_limit() {
        assert!(check_size(MAX_FILE_BYTES, Path::new("f")).is_ok());
        let e = check_size(MAX_FILE_BYTES + 1, Path::new("f")).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::Limit(_)));
        assert!(e.to_string().contains("the limit is 268435456"), "{e}");
    }

    #[test]
    fn unit_limit() {
        let text = "я\n".repeat(MAX_UNITS + 1);
        let options = LoadOptions { segments: Segments::Lines, ..Default::default() };
        let e = load_bytes(text.as_bytes(), "many.txt", &options).unwrap_err();
        assert!(e.to_string().contains("1000001 units; the limit is 1000000"), "{e}");
    }

    #[test]
    fn line_ends() {
        assert_eq!(split_lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n"), ["a"]);
        assert_eq!(split_lines("a\r"), ["a"]);
        assert_eq!(split_lines("\r\r\n\n\na"), ["", "", "", "", "a"]);
        assert_eq!(split_lines("a\r\n\r\nb"), ["a", "", "b"]);
        assert_eq!(split_lines(""), Vec::<&str>::new());
        assert_eq!(split_lines("\n"), [""]);
    }
}
