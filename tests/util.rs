//! Fixture paths and loading helpers.

use std::path::PathBuf;

use bitext::Document;
use bitext::eval::Links;
use bitext::load::{LoadOptions, load};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path below the repository root.
pub fn path(rel: &str) -> PathBuf {
    root().join(rel)
}

/// Loads a file below the repository root with default options.
pub fn doc(rel: &str) -> Document {
    load(&path(rel), &LoadOptions::default()).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Chinese numerals up to 99, as article headings write them (第二十六条).
pub fn zh_numeral(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
    }
}

/// The units as (ref, text) pairs.
pub fn units(doc: &Document) -> Vec<(String, String)> {
    doc.units.iter().map(|u| (u.r#ref.to_string(), u.text.clone())).collect()
}

/// The refs of a document.
pub fn refs(doc: &Document) -> Vec<&str> {
    doc.units.iter().map(|u| u.r#ref.as_str()).collect()
}

/// The links of an alignment, as `eval` reads them: the refs of each pair's sides.
pub fn links_of(alignment: &bitext::align::Alignment) -> Links {
    let [a, b] = alignment.docs.map(|d| format!("{}_ref", d.lang.code()));
    Links {
        columns: [a, b],
        rows: alignment
            .pairs
            .iter()
            .map(|p| {
                [
                    p.sides[0].iter().map(|s| s.r#ref.to_string()).collect(),
                    p.sides[1].iter().map(|s| s.r#ref.to_string()).collect(),
                ]
            })
            .collect(),
    }
}
