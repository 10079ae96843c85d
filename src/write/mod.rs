//! Writers: what the commands print, one format per file.
//!
//! Each writer writes into an [`io::Write`] and returns its [`io::Result`];
//! [`crate::output`] gives it a file (written atomically) or standard output.
//! [`Format`] is the one list of formats, and [`alignment`] and [`report`] the one
//! place where a format meets its writer.

pub mod check;
pub mod csv;
pub mod diff;
pub mod html;
pub mod json;
pub mod output;
pub mod text;
pub mod tmx;
pub mod xlsx;
pub mod xml;

use std::io;
use std::path::Path;

use serde::Serialize;

use crate::align::Alignment;
use crate::check::{Report, Severity};
use crate::model::Document;

/// A score as written everywhere: three decimals.
pub fn score(x: f64) -> String {
    format!("{x:.3}")
}

/// A score rounded to three decimals, for JSON.
pub fn score_value(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub use crate::model::wire_name as name;

/// What a writer writes into memory, for tests and for writers that need the whole
/// document first.
pub fn to_vec(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write(&mut out)?;
    Ok(out)
}

/// A JSON document, pretty, with a final newline.
pub fn json_document<W: io::Write, T: Serialize + ?Sized>(mut w: W, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut w, value)?;
    w.write_all(b"\n")
}

/// Every format a command writes; each command accepts some of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Comma-separated values (RFC 4180).
    Csv,
    /// Tab-separated values.
    Tsv,
    /// JSON.
    Json,
    /// TMX 1.4b.
    Tmx,
    /// An Excel workbook.
    Xlsx,
    /// A self-contained HTML page.
    Html,
    /// Text for people.
    Text,
    /// A unified diff.
    Unified,
    /// A text's units, one per line (what a unified diff applies to).
    Units,
    /// A text as repaired, one paragraph per unit.
    Plain,
}

impl Format {
    /// The formats, in the order they are listed.
    pub const ALL: [Format; 10] = [
        Format::Csv,
        Format::Tsv,
        Format::Json,
        Format::Tmx,
        Format::Xlsx,
        Format::Html,
        Format::Text,
        Format::Unified,
        Format::Units,
        Format::Plain,
    ];

    /// The extension a file of this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Tmx => "tmx",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Text | Format::Units | Format::Plain => "txt",
            Format::Unified => "diff",
        }
    }

    /// The formats a file name's extension stands for (`.htm` is HTML, `.patch` a
    /// unified diff, `.txt` text or units); empty for an extension that names none.
    pub fn for_path(path: &Path) -> Vec<Format> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "htm" | "xhtml" => vec![Format::Html],
            "patch" => vec![Format::Unified],
            "jsonl" => vec![Format::Json],
            _ => Format::ALL.into_iter().filter(|f| f.extension() == ext).collect(),
        }
    }

    /// Whether the format is binary (never written to a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }
}

/// How `align` and `batch` write an alignment, beyond its format.
#[derive(Debug, Clone)]
pub struct AlignmentOutput<'a> {
    /// CSV (and TSV: the delimiter is a tab whatever this says).
    pub csv: csv::CsvOptions,
    /// TMX.
    pub tmx: tmx::TmxOptions,
    /// The findings of `check`, shown by XLSX and HTML.
    pub findings: Option<&'a Report<'a>>,
}

impl AlignmentOutput<'_> {
    /// The default settings for an alignment.
    pub fn default_for(alignment: &Alignment) -> AlignmentOutput<'static> {
        AlignmentOutput {
            csv: csv::CsvOptions::default(),
            tmx: tmx::TmxOptions::default_for(alignment),
            findings: None,
        }
    }
}

/// Writes an alignment in `format`; `given` are the documents in the order the user
/// gave them. Returns how many pairs TMX left out (pairs with no counterpart). A format
/// `align` does not write is an error of kind `InvalidInput`.
pub fn alignment<W: io::Write>(
    mut w: W,
    format: Format,
    alignment: &Alignment,
    given: [&Document; 2],
    output: &AlignmentOutput,
) -> io::Result<usize> {
    match format {
        Format::Csv => csv::write(w, alignment, output.csv)?,
        Format::Tsv => csv::write(w, alignment, csv::CsvOptions { delimiter: b'\t', ..output.csv })?,
        Format::Json => json::alignment(w, alignment, given)?,
        Format::Tmx => return tmx::write(w, alignment, &output.tmx),
        Format::Xlsx => {
            let bytes = xlsx::write(alignment, output.findings).map_err(io::Error::other)?;
            w.write_all(&bytes)?;
        }
        Format::Html => html::write(w, alignment, output.findings)?,
        other => return Err(unsupported("align", other)),
    }
    Ok(0)
}

/// Writes the findings of `check` in `format` (text or JSON), leaving out those below
/// `min` (the summary still counts them).
pub fn report<W: io::Write>(
    w: W,
    format: Format,
    report: &Report,
    given: [&Document; 2],
    min: Severity,
) -> io::Result<()> {
    match format {
        Format::Text => check::text(w, report, min),
        Format::Json => check::json(w, report, given, min),
        other => Err(unsupported("check", other)),
    }
}

fn unsupported(command: &str, format: Format) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("{command} does not write {}", name(&format)))
}

/// The formats `align` writes.
pub const ALIGN_FORMATS: [Format; 6] =
    [Format::Csv, Format::Tsv, Format::Json, Format::Tmx, Format::Xlsx, Format::Html];

/// The formats `check` writes.
pub const CHECK_FORMATS: [Format; 2] = [Format::Text, Format::Json];
