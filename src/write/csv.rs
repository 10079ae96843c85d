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
pub fn write(alignment: &Alignment, options: CsvOptions) -> Vec<u8> {
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(options.delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing to a Vec cannot fail.
        let _ = w.write_record(header(alignment));
        for p in &alignment.pairs {
            let _ = w.write_record([p.refs(0), p.refs(1), p.text(0), p.text(1), p.link(), super::score(p.score)]);
        }
        let _ = w.flush();
    }
    out
}
