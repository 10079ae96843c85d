//! The integration tests, as one test binary (it links once).
//!
//! - `util`: fixture paths and loading helpers.
//! - `documents`: the .docx and .odt readers on the real documents; bad and hostile ones.
//! - `diffing`: `diff` on revisions of the real texts, with the units to review.
//! - `formats`: snapshots of every output format on a small fixture (insta).
//! - `loading`: decoding every encoding, repairs, the structure of the real texts, bad input.
//! - `layout`: line breaks as converters leave them (one paragraph per line, wrapped,
//!   margins, hanging indents, titles, page ends).
//! - `aligning`: the treaty, the UN Charter against hand-made gold, synthetic sentence data.
//! - `batching`: `batch`: failures, resuming, shards, determinism across threads.
//! - `checking`: `check` on the real texts and the fault-injection suite.
//! - `cli`: the command line: formats, exit codes, atomic output, the shipped alignment.
//! - `regression`: one test per fixed bug, named after what broke.
//! - `properties`: properties over arbitrary input (proptest).
//! - `typeset`: the texts typeset by LibreOffice and taken back by PDF extractors.
//! - `webpdf`: the HTML and PDF readers on real documents, hostile pages and PDFs.

mod aligning;
mod batching;
mod checking;
mod cli;
mod diffing;
mod documents;
mod formats;
mod layout;
mod loading;
mod properties;
mod regression;
mod synth;
mod typeset;
mod util;
mod webpdf;
