//! Text output for people, and a text's units written back as text.

use std::io;

use crate::model::{Document, wire_name};

/// `parse --format text`: how the text was read, then every unit and every repair.
pub fn document<W: io::Write>(mut w: W, doc: &Document) -> io::Result<()> {
    let bom = if doc.bom { " with BOM" } else { "" };
    writeln!(
        w,
        "{}: {} {}, {}{bom}, layout {}",
        doc.path,
        doc.lang,
        wire_name(&doc.format),
        doc.encoding,
        wire_name(&doc.layout)
    )?;
    for note in &doc.reader {
        writeln!(w, "reader: {note}")?;
    }
    writeln!(w, "{} units, {} repairs", doc.units.len(), doc.repairs.len())?;
    if doc.lacks_articles() {
        writeln!(
            w,
            "note: no article headings were found; if this text was taken from a Word file whose \
             articles are numbered automatically, the numbers were lost on the way: read the .docx itself"
        )?;
    }
    let width = doc.units.iter().map(|u| u.r#ref.chars().count()).max().unwrap_or(0);
    for u in &doc.units {
        let lines =
            if u.lines[0] == u.lines[1] { format!("{}", u.lines[0]) } else { format!("{}-{}", u.lines[0], u.lines[1]) };
        let label = u.label.as_deref().map(|l| format!("[{l}] ")).unwrap_or_default();
        writeln!(w, "{:width$}  {:9}  {:>7}  {label}{}", u.r#ref, wire_name(&u.kind), lines, u.text)?;
    }
    if !doc.repairs.is_empty() {
        writeln!(w, "repairs:")?;
        for r in &doc.repairs {
            writeln!(w, "  line {:>5}  {:14} {}", r.line, wire_name(&r.kind), r.message)?;
        }
    }
    Ok(())
}

/// `parse --format units`: each unit's text on one line, in order — the file a unified
/// diff of `bitext diff` applies to.
pub fn units<W: io::Write>(mut w: W, doc: &Document) -> io::Result<()> {
    for u in &doc.units {
        writeln!(w, "{}", one_line(&u.text))?;
    }
    Ok(())
}

/// A unit's text on one line (a line break inside it becomes a space).
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\n', '\r']) { text.replace(['\n', '\r'], " ").into() } else { text.into() }
}

/// `parse --format plain`: the text as repaired, written back from its units: one
/// paragraph per unit, blank lines between, each paragraph with its printed number.
/// Parsing the result gives the same units (a property the tests check).
pub fn plain<W: io::Write>(mut w: W, doc: &Document) -> io::Result<()> {
    for (k, u) in doc.units.iter().enumerate() {
        if k > 0 {
            writeln!(w)?;
        }
        match (&u.label, u.kind) {
            (Some(l), crate::UnitKind::Paragraph | crate::UnitKind::Item) => {
                let sep = if l.ends_with(crate::text::is_full_width_mark) { "" } else { " " };
                writeln!(w, "{l}{sep}{}", u.text)?;
            }
            _ => writeln!(w, "{}", u.text)?,
        }
    }
    Ok(())
}
