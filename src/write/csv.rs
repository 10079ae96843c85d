//! Aligned CSV and TSV: `zh_ref,ru_ref,zh,ru,link,score`, RFC 4180, UTF-8.

use crate::align::Alignment;

/// How to write the table.
#[derive(Debug, Clone, Copy)]
pub struct CsvOptions {
    /// The field delimiter: `,` for CSV, `;` for spreadsheets set up for Russian, tab for TSV.
    pub delimiter: u8,
    /// Whether to begin with a UTF-8 byte-order mark (for spreadsheet programs).
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions { delimiter: b',', bom: false }
    }
}

/// The header row: column names follow the languages.
pub fn header(alignment: &Alignment) -> [String; 6] {
    let [a, b] = alignment.docs.map(|d| d.lang.code());
    [format!("{a}_ref"), format!("{b}_ref"), a.to_string(), b.to_string(), "link".into(), "score".into()]
}

/// Writes the alignment as a delimited table.
pub fn write<W: std::io::Write>(mut w: W, alignment: &Alignment, options: CsvOptions) -> std::io::Result<()> {
    if options.bom {
        w.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut w = csv::WriterBuilder::new().delimiter(options.delimiter).terminator(csv::Terminator::CRLF).from_writer(w);
    w.write_record(header(alignment))?;
    for p in &alignment.pairs {
        w.write_record([p.refs(0), p.refs(1), p.text(0), p.text(1), p.link(), super::score(p.score)])?;
    }
    w.flush()
}
