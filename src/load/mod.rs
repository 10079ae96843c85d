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

use std::io::Read;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::lang::Lang;
use crate::limits::{MAX_FILE_BYTES, MAX_LINE_BYTES, MAX_UNITS};
use crate::model::Document;
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
}

/// Reads and parses the file at `path` (`-` for standard input).
pub fn load(path: &Path, options: &LoadOptions) -> Result<Document> {
    let bytes = read_bytes(path)?;
    load_bytes(&bytes, path, options)
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

/// Decodes, repairs and parses `bytes` that came from `path`.
pub fn load_bytes(bytes: &[u8], path: impl AsRef<Path>, options: &LoadOptions) -> Result<Document> {
    let path = path.as_ref();
    let decoded = decode::decode(bytes, path, options.lang, options.encoding.as_deref())?;
    let lang = match options.lang {
        Some(l) => l,
        None => Lang::detect(&decoded.text).ok_or_else(|| Error::new(ErrorKind::UnknownLanguage, path))?,
    };
    let raw: Vec<&str> = split_lines(&decoded.text);
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
    let mut lines = clean::normalize(&raw, &mut repairs);
    let units = match options.segments {
        Segments::Lines => structure::parse_lines(&lines),
        Segments::Structure => {
            clean::strip_markup(lang, &mut lines, &mut repairs);
            clean::strip_page_furniture(lang, &mut lines, &mut repairs);
            clean::join_hyphenation(lang, &mut lines, &mut repairs);
            structure::parse(lang, &lines, &mut repairs)
        }
    };
    if units.len() > MAX_UNITS {
        return Err(Error::new(ErrorKind::Limit(format!("{} units; the limit is {MAX_UNITS}", units.len())), path));
    }
    repairs.sort_by_key(|r| r.line);
    Ok(Document::new(path.display().to_string(), lang, decoded.encoding, decoded.bom, units, repairs))
}

/// Splits at LF, CRLF or a lone CR.
fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
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
    }
}
