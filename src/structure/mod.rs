//! The structure parser: from repaired lines to units with references.
//!
//! Three steps, one module each: [`layout`] decides from the whole text how its line
//! breaks are to be read and rebuilds paragraphs (each join a reported repair);
//! [`title`] takes the title off the top; [`walk`] gives every paragraph its kind
//! and reference.

mod layout;
pub mod line;
mod title;
mod walk;

pub use line::Line;

use crate::lang::Lang;
use crate::model::{Layout, Repair, Unit, UnitInfo, UnitKind};

/// Parses repaired lines into units (`--segments structure`), reading line breaks by
/// `layout`, or by the layout inferred from the whole text when it is `None`. Returns
/// the units and the layout used.
pub fn parse(lang: Lang, lines: &[Line], layout: Option<Layout>, repairs: &mut Vec<Repair>) -> (Vec<Unit>, Layout) {
    let profile = lang.profile();
    let shape = layout::shape(profile, lines, layout);
    let (title, rest) = title::split_title(profile, &shape, lines);
    let paras = layout::paragraphs(profile, &shape, rest, repairs);
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
    b.walk(&paras);
    (b.units, shape.layout)
}

/// One unit per non-empty line (`--segments lines`), for text already segmented.
pub fn parse_lines(lines: &[Line]) -> Vec<Unit> {
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .enumerate()
        .map(|(k, l)| Unit {
            r#ref: format!("line.{}", k + 1),
            kind: UnitKind::Line,
            label: None,
            text: l.text.clone(),
            lines: [l.first, l.last],
            info: UnitInfo { container: "lines".into(), ..Default::default() },
        })
        .collect()
}
