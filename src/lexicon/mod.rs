//! Evidence of what words mean across the languages: names of states, glossaries
//! of terms, and term correspondences learned from the paired texts themselves.
//!
//! - [`names`]: states in both languages (shipped: CLDR short names, with the
//!   formal and historical forms of the UN Charter and the treaty).

pub mod learn;
pub mod names;

pub use learn::Lexicon;
