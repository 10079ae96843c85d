//! Limits on input, stated and enforced so that no input can exhaust memory or time.
//!
//! Every stage is linear in the size of its input, but a user deserves a clear
//! message rather than a machine that swaps; these are the bounds.

/// The largest input file, in bytes (256 MiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The longest line, in bytes after decoding (1 MiB). A longer "line" is almost
/// always a file whose line ends were lost, or not a text at all.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// The most units one text may have (one million).
pub const MAX_UNITS: usize = 1_000_000;

/// The deepest nesting of elements in an HTML page (512, the depth at which Chromium's
/// parser stops nesting). Building the tree costs the depth of the open elements for
/// every tag, so a page nested a million deep would take hours; real pages stay
/// below 100.
pub const MAX_HTML_DEPTH: usize = 512;

/// The most nodes (elements and comments) an HTML page may make (two million, a few
/// hundred MB of tree). Misnested formatting tags make the parser copy elements, so a
/// small page can ask for a huge tree; this bounds it.
pub const MAX_HTML_NODES: usize = 2_000_000;

/// The longest `pdftotext` may take on one PDF, in seconds (60). A damaged or
/// hostile PDF (reference loops, huge content streams) is refused rather than waited
/// for; a 100-page treaty takes well under a second.
pub const MAX_PDF_SECONDS: u64 = 60;

/// The most output taken from `pdftotext -bbox-layout` (512 MiB). Its XHTML holds
/// every word with its box, about 20 times the text.
pub const MAX_PDF_XHTML_BYTES: u64 = 512 * 1024 * 1024;
