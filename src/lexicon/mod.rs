//! Evidence of what words mean across the languages: names of states, glossaries
//! of terms, and term correspondences learned from the paired texts themselves.
//!
//! - [`glossary`]: terms that must correspond (shipped: treaty and UN language and the
//!   names of international organisations; a user's TSV or TBX).
//! - [`names`]: states in both languages (shipped: CLDR short names, with the
//!   formal and historical forms of the UN Charter and the treaty).

pub mod glossary;
pub mod learn;
pub mod names;

pub use glossary::Glossary;
pub use learn::Lexicon;
