//! The structure parser: from repaired lines to units with references.
//!
//! Three steps, one module each: `layout` decides from the whole text how its line
//! breaks are to be read and rebuilds paragraphs (each join a reported repair);
//! `title` takes the title off the top; `walk` gives every paragraph its kind
//! and reference. Where two texts of one treaty are read together, `settle` lets each
//! decide the line breaks the other's text could not.

mod layout;
pub mod line;
mod settle;
mod title;
mod walk;

pub use line::Line;
pub use settle::settle;

use compact_str::format_compact;

use crate::lang::Lang;
use crate::model::{Layout, Repair, Unit, UnitInfo, UnitKind};

/// How line breaks are to be read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Breaks {
    /// Inferred from the whole text.
    #[default]
    Infer,
    /// As the user said.
    Layout(Layout),
    /// A document reader knows the paragraphs: they are separated by blank lines,
    /// and a single line break inside one is a line break its author made (`w:br`,
    /// `<br>`), not the end of a paragraph; a heading or a numbered line after it
    /// starts a unit.
    Paragraphs,
    /// A document reader knows the paragraphs, and a single line break inside one is
    /// where a printed line wrapped (a PDF's lines): what follows it runs on, even
    /// when it looks like a number (`…三分之` / `二、包括…`).
    PrintedLines,
}

/// Parses repaired lines into units (`--segments structure`), reading line breaks as
/// `breaks` says. Returns the units and the layout used. A paragraph takes the text
/// of the line it starts with: the lines are left without it.
pub fn parse(lang: Lang, lines: &mut [Line], breaks: Breaks, repairs: &mut Vec<Repair>) -> (Vec<Unit>, Layout) {
    let profile = lang.profile();
    let layout = match breaks {
        Breaks::Infer => None,
        Breaks::Layout(l) => Some(l),
        Breaks::Paragraphs | Breaks::PrintedLines => Some(Layout::Blank),
    };
    // pdfminer writes a blank line after every line: a wrapped text, double-spaced.
    let mut single_spaced = layout::single_spaced(profile, lines, layout);
    let (lines, read) = match &mut single_spaced {
        Some((kept, read)) => (kept.as_mut_slice(), std::mem::take(read)),
        None => {
            let read = layout::readings(profile, lines);
            (lines, read)
        }
    };
    let mut shape = layout::shape(profile, lines, &read, layout);
    shape.known_paragraphs = matches!(breaks, Breaks::Paragraphs | Breaks::PrintedLines);
    shape.printed_lines = breaks == Breaks::PrintedLines;
    let (title, rest) = title::split_title(profile, &shape, lines);
    let body = lines.len() - rest.len();
    let mut paras = layout::paragraphs(profile, &shape, &mut lines[body..], &read[body..], repairs);
    let title = title.or_else(|| title::first_paragraph(profile, &mut paras));
    let mut b = walk::Builder::new(profile);
    if let Some(t) = title {
        b.push(
            "title".into(),
            UnitKind::Title,
            None,
            t.text,
            t.lines,
            UnitInfo { container: "title".into(), ..Default::default() },
        );
    }
    b.walk(&mut paras, repairs);
    // Kept as long as the text is aligned or checked: without the room a growing
    // list leaves.
    b.units.shrink_to_fit();
    (b.units, shape.layout)
}

/// One unit per non-empty line (`--segments lines`), for text already segmented.
pub fn parse_lines(lines: &[Line]) -> Vec<Unit> {
    line_units(lines.to_vec())
}

/// [`parse_lines`] of lines handed over: each unit takes its line's text.
pub(crate) fn line_units(lines: Vec<Line>) -> Vec<Unit> {
    let mut units = Vec::with_capacity(lines.iter().filter(|l| !l.is_blank()).count());
    for (k, l) in lines.into_iter().filter(|l| !l.is_blank()).enumerate() {
        units.push(Unit {
            r#ref: format_compact!("line.{}", k + 1),
            kind: UnitKind::Line,
            label: None,
            text: l.text,
            lines: [l.first, l.last],
            info: UnitInfo { container: "lines".into(), ..Default::default() },
        });
    }
    units
}
