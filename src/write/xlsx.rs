//! XLSX for reviewers (rust_xlsxwriter): one row per pair, columns as the CSV, header
//! frozen, text wrapped, pairs with a low score or an n-m link highlighted; a second
//! sheet with `check`'s findings when asked; a third with the input files.

use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::align::Alignment;
use crate::check::{Report, Severity};

/// Excel's limit on a cell, in UTF-16 code units.
const CELL_LIMIT: usize = 32_767;

/// Scores below this are highlighted as pairs to review.
pub const LOW_SCORE: f64 = 0.5;

/// A cell's text, cut to Excel's limit with a visible marker.
fn cell(text: &str) -> String {
    if text.encode_utf16().count() <= CELL_LIMIT {
        return text.to_string();
    }
    let marker = " […cut: over Excel's cell limit]";
    let mut out = String::new();
    let mut units = 0;
    for c in text.chars() {
        units += c.len_utf16();
        if units + marker.len() > CELL_LIMIT {
            break;
        }
        out.push(c);
    }
    out.push_str(marker);
    out
}

/// A sheet's header row in bold, frozen, with the columns' widths.
fn header_row<S: AsRef<str>>(
    sheet: &mut Worksheet,
    names: &[S],
    widths: &[f64],
    format: &Format,
) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name.as_ref(), format)?;
    }
    for (c, &width) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Writes the alignment (and, if given, the findings) as an XLSX workbook.
pub fn write(alignment: &Alignment, findings: Option<&Report>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation date: the same input gives the same bytes.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created).set_title("bitext alignment"));
    let header = Format::new().set_bold().set_background_color(Color::RGB(0xD9E1F2));
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let low = wrap.clone().set_background_color(Color::RGB(0xF8CBAD));
    let uneven = wrap.clone().set_background_color(Color::RGB(0xFFF2CC));
    let langs = alignment.docs.map(|d| d.lang.code());
    let names = super::csv::header(alignment);
    {
        let sheet = book.add_worksheet();
        sheet.set_name("alignment")?;
        header_row(sheet, &names, &[16.0, 16.0, 60.0, 60.0, 6.0, 7.0], &header)?;
        for (i, p) in alignment.pairs.iter().enumerate() {
            let row = i as u32 + 1;
            let format = if p.score < LOW_SCORE {
                &low
            } else if p.link() != "1-1" {
                &uneven
            } else {
                &wrap
            };
            sheet.write_string_with_format(row, 0, cell(&p.refs(0)), format)?;
            sheet.write_string_with_format(row, 1, cell(&p.refs(1)), format)?;
            sheet.write_string_with_format(row, 2, cell(&p.text(0)), format)?;
            sheet.write_string_with_format(row, 3, cell(&p.text(1)), format)?;
            sheet.write_string_with_format(row, 4, p.link(), format)?;
            sheet.write_number_with_format(
                row,
                5,
                super::score_value(p.score),
                &format.clone().set_num_format("0.000"),
            )?;
        }
        sheet.autofilter(0, 0, alignment.pairs.len() as u32, 5)?;
    }
    if let Some(report) = findings {
        let sheet = book.add_worksheet();
        sheet.set_name("findings")?;
        let cols = [
            "severity".to_string(),
            "kind".into(),
            "side".into(),
            format!("{}_ref", langs[0]),
            format!("{}_ref", langs[1]),
            "message".into(),
        ];
        header_row(sheet, &cols, &[9.0, 20.0, 6.0, 16.0, 16.0, 100.0], &header)?;
        for (i, f) in report.findings.iter().enumerate() {
            let row = i as u32 + 1;
            let severity = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "note",
            };
            let kind = serde_json::to_value(f.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
            let side = f.side.map_or("both", |s| langs[s]);
            let format = if f.severity == Severity::Note { &wrap } else { &low };
            sheet.write_string_with_format(row, 0, severity, format)?;
            sheet.write_string_with_format(row, 1, kind, format)?;
            sheet.write_string_with_format(row, 2, side, format)?;
            sheet.write_string_with_format(row, 3, f.refs[0].clone().unwrap_or_default(), format)?;
            sheet.write_string_with_format(row, 4, f.refs[1].clone().unwrap_or_default(), format)?;
            sheet.write_string_with_format(row, 5, cell(&f.message), format)?;
        }
    }
    {
        let sheet = book.add_worksheet();
        sheet.set_name("files")?;
        for (c, name) in ["lang", "path", "encoding", "units"].iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *name, &header)?;
        }
        for (i, d) in alignment.docs.iter().enumerate() {
            let row = i as u32 + 1;
            sheet.write_string(row, 0, d.lang.code())?;
            sheet.write_string(row, 1, &d.path)?;
            sheet.write_string(row, 2, &d.encoding)?;
            sheet.write_number(row, 3, d.units.len() as f64)?;
        }
        sheet.set_column_width(1, 60.0)?;
    }
    book.save_to_buffer()
}
