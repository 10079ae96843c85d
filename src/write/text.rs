//! Text output for people.

use std::fmt::Write;

use crate::model::Document;

/// `parse --format text`: how the text was read, then every unit and every repair.
pub fn document(doc: &Document) -> Vec<u8> {
    let mut s = String::new();
    let bom = if doc.bom { " with BOM" } else { "" };
    let _ = writeln!(
        s,
        "{}: {} {}, {}{bom}, layout {}",
        doc.path,
        doc.lang,
        doc.format.name(),
        doc.encoding,
        doc.layout.name()
    );
    for note in &doc.reader {
        let _ = writeln!(s, "reader: {note}");
    }
    let _ = writeln!(s, "{} units, {} repairs", doc.units.len(), doc.repairs.len());
    let width = doc.units.iter().map(|u| u.r#ref.chars().count()).max().unwrap_or(0);
    for u in &doc.units {
        let lines =
            if u.lines[0] == u.lines[1] { format!("{}", u.lines[0]) } else { format!("{}-{}", u.lines[0], u.lines[1]) };
        let label = u.label.as_deref().map(|l| format!("[{l}] ")).unwrap_or_default();
        let _ = writeln!(s, "{:width$}  {:9}  {:>7}  {label}{}", u.r#ref, u.kind.name(), lines, u.text);
    }
    if !doc.repairs.is_empty() {
        let _ = writeln!(s, "repairs:");
        for r in &doc.repairs {
            let _ = writeln!(s, "  line {:>5}  {:14} {}", r.line, r.kind.name(), r.message);
        }
    }
    s.into_bytes()
}

/// A document written back as plain text from its units: one paragraph per unit,
/// blank lines between, each paragraph with its printed number. Parsing the result
/// gives the same units (a property the tests check).
pub fn plain(doc: &Document) -> String {
    let mut s = String::new();
    for u in &doc.units {
        if !s.is_empty() {
            s.push('\n');
        }
        match (&u.label, u.kind) {
            (Some(l), crate::UnitKind::Paragraph | crate::UnitKind::Item) => {
                let sep = if l.ends_with('、') || l.ends_with('）') { "" } else { " " };
                let _ = writeln!(s, "{l}{sep}{}", u.text);
            }
            _ => {
                let _ = writeln!(s, "{}", u.text);
            }
        }
    }
    s
}
