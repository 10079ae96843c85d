//! Aligned CSV and TSV: `zh_ref,ru_ref,zh,ru,link,score`, RFC 4180, UTF-8.

use std::borrow::Cow;

use rayon::prelude::*;

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
///
/// Rows are formatted on every thread, 2,048 pairs at a time, and written in
/// their order: formatting is most of the work of writing a long alignment.
pub fn write<W: std::io::Write>(mut w: W, alignment: &Alignment, options: CsvOptions) -> std::io::Result<()> {
    if options.bom {
        w.write_all(b"\xEF\xBB\xBF")?;
    }
    // Each table is formatted into memory by its own writer, in the same format.
    let table = || {
        csv::WriterBuilder::new().delimiter(options.delimiter).terminator(csv::Terminator::CRLF).from_writer(Vec::new())
    };
    let bytes = |t: csv::Writer<Vec<u8>>| t.into_inner().map_err(|e| e.into_error());
    let mut head = table();
    head.write_record(header(alignment))?;
    w.write_all(&bytes(head)?)?;
    for batch in alignment.pairs.chunks(BATCH) {
        let parts: Vec<std::io::Result<Vec<u8>>> = batch
            .par_chunks(BATCH / 8)
            .map(|pairs| {
                let mut t = table();
                for p in pairs {
                    let (link, score) = (p.link(), super::score(p.score));
                    let fields =
                        [p.refs_of(0), p.refs_of(1), p.text_of(0), p.text_of(1), Cow::from(link), Cow::from(score)];
                    t.write_record(fields.iter().map(|f| f.as_bytes()))?;
                }
                bytes(t)
            })
            .collect();
        for part in parts {
            w.write_all(&part?)?;
        }
    }
    w.flush()
}

/// How many pairs are formatted before they are written (said in [`write`]'s docs).
const BATCH: usize = 2048;
