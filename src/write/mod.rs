//! Writers: what the commands print, one format per file.
//!
//! Each writer turns a result into bytes; [`crate::output`] puts them in place.

pub mod check;
pub mod csv;
pub mod diff;
pub mod html;
pub mod json;
pub mod text;
pub mod tmx;
pub mod xlsx;
pub mod xml;

/// A score as written everywhere: three decimals.
pub fn score(x: f64) -> String {
    format!("{x:.3}")
}

/// A score rounded to three decimals, for JSON.
pub fn score_value(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
