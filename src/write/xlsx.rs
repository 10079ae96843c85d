//! XLSX for reviewers (rust_xlsxwriter): one row per pair, columns as the CSV, header
//! frozen, text wrapped, pairs with a low score or an n-m link highlighted; a second
//! sheet with `check`'s findings when asked; a third with the input files.

use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::align::Alignment;
use crate::check::{Report, Severity};
use crate::model::Document;

/// Excel's limit on a cell, in UTF-16 code units.
const CELL_LIMIT: usize = 32_767;

/// The height of one line of text in a row, in points (Calibri 11).
const LINE_HEIGHT: f64 = 15.0;

/// The tallest row Excel allows, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// The widths of the alignment sheet's columns, in characters.
const ALIGNMENT_WIDTHS: [f64; 6] = [16.0, 16.0, 60.0, 60.0, 6.0, 7.0];

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

/// How many lines `text` takes in a wrapped cell `width` characters wide: Han, kana
/// and full-width characters take two places, others one; each line of the text wraps
/// on its own. Spreadsheet programs do not all size rows to wrapped text when they open
/// a file (LibreOffice Calc keeps one line), so the writer sets the height itself.
pub fn wrapped_lines(text: &str, width: f64) -> usize {
    let width = width.max(1.0) as usize;
    text.split('\n')
        .map(|line| {
            let places: usize = line.chars().map(|c| if crate::text::is_wide(c) { 2 } else { 1 }).sum();
            places.div_ceil(width).max(1)
        })
        .sum()
}

/// The height of a row whose cells hold `texts` in columns of `widths`.
fn row_height(texts: &[(&str, f64)]) -> f64 {
    let lines = texts.iter().map(|(t, w)| wrapped_lines(t, *w)).max().unwrap_or(1);
    (lines as f64 * LINE_HEIGHT).min(MAX_ROW_HEIGHT)
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

/// The cell formats of the workbook.
struct Formats {
    header: Format,
    wrap: Format,
    low: Format,
    uneven: Format,
}

impl Formats {
    fn new() -> Self {
        let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Formats {
            header: Format::new().set_bold().set_background_color(Color::RGB(0xD9E1F2)),
            low: wrap.clone().set_background_color(Color::RGB(0xF8CBAD)),
            uneven: wrap.clone().set_background_color(Color::RGB(0xFFF2CC)),
            wrap,
        }
    }
}

/// The alignment sheet: one row per pair, as tall as its longest text.
fn alignment_sheet(sheet: &mut Worksheet, alignment: &Alignment, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name("alignment")?;
    header_row(sheet, &super::csv::header(alignment), &ALIGNMENT_WIDTHS, &f.header)?;
    for (i, p) in alignment.pairs.iter().enumerate() {
        let row = i as u32 + 1;
        let format = if p.score < LOW_SCORE {
            &f.low
        } else if p.link() != "1-1" {
            &f.uneven
        } else {
            &f.wrap
        };
        let cells = [cell(&p.refs(0)), cell(&p.refs(1)), cell(&p.text(0)), cell(&p.text(1))];
        for (c, text) in cells.iter().enumerate() {
            sheet.write_string_with_format(row, c as u16, text, format)?;
        }
        sheet.write_string_with_format(row, 4, p.link(), format)?;
        sheet.write_number_with_format(row, 5, super::score_value(p.score), &format.clone().set_num_format("0.000"))?;
        let sized: Vec<(&str, f64)> = cells.iter().map(String::as_str).zip(ALIGNMENT_WIDTHS).collect();
        sheet.set_row_height(row, row_height(&sized))?;
    }
    sheet.autofilter(0, 0, alignment.pairs.len() as u32, 5)?;
    Ok(())
}

/// The findings sheet: what `check` found, one row each.
fn findings_sheet(sheet: &mut Worksheet, report: &Report, langs: [&str; 2], f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name("findings")?;
    let cols = [
        "severity".to_string(),
        "kind".into(),
        "side".into(),
        format!("{}_ref", langs[0]),
        format!("{}_ref", langs[1]),
        "message".into(),
    ];
    let widths = [9.0, 20.0, 6.0, 16.0, 16.0, 100.0];
    header_row(sheet, &cols, &widths, &f.header)?;
    for (i, finding) in report.findings.iter().enumerate() {
        let row = i as u32 + 1;
        let format = if finding.severity == Severity::Note { &f.wrap } else { &f.low };
        let cells = [
            super::name(&finding.severity),
            super::name(&finding.kind),
            finding.side.map_or("both", |s| langs[s]).to_string(),
            finding.ref_text(0).unwrap_or_default(),
            finding.ref_text(1).unwrap_or_default(),
            cell(&finding.message),
        ];
        for (c, text) in cells.iter().enumerate() {
            sheet.write_string_with_format(row, c as u16, text, format)?;
        }
        let sized: Vec<(&str, f64)> = cells.iter().map(String::as_str).zip(widths).collect();
        sheet.set_row_height(row, row_height(&sized))?;
    }
    Ok(())
}

/// The files sheet: the input files, their languages, encodings and units.
fn files_sheet(sheet: &mut Worksheet, docs: [&Document; 2], f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name("files")?;
    for (c, name) in ["lang", "path", "encoding", "units"].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, &f.header)?;
    }
    for (i, d) in docs.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, d.lang.code())?;
        sheet.write_string(row, 1, &d.path)?;
        sheet.write_string(row, 2, &d.encoding)?;
        sheet.write_number(row, 3, d.units.len() as f64)?;
    }
    sheet.set_column_width(1, 60.0)?;
    Ok(())
}

/// Writes the alignment (and, if given, the findings) as an XLSX workbook.
pub fn write(alignment: &Alignment, findings: Option<&Report>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation date: the same input gives the same bytes.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created).set_title("bitext alignment"));
    let formats = Formats::new();
    alignment_sheet(book.add_worksheet(), alignment, &formats)?;
    if let Some(report) = findings {
        findings_sheet(book.add_worksheet(), report, alignment.docs.map(|d| d.lang.code()), &formats)?;
    }
    files_sheet(book.add_worksheet(), alignment.docs, &formats)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::wrapped_lines;

    #[test]
    fn chinese_takes_two_places_and_each_line_wraps_on_its_own() {
        assert_eq!(wrapped_lines("", 60.0), 1);
        assert_eq!(wrapped_lines(&"a".repeat(60), 60.0), 1);
        assert_eq!(wrapped_lines(&"a".repeat(61), 60.0), 2);
        assert_eq!(wrapped_lines(&"缔".repeat(30), 60.0), 1);
        assert_eq!(wrapped_lines(&"缔".repeat(31), 60.0), 2);
        assert_eq!(wrapped_lines("a\nb", 60.0), 2);
    }
}
