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

/// The most members a .docx or .odt zip archive may have (10,000). A Word file has a
/// few dozen; the central directory is counted before it is read.
pub const MAX_ZIP_MEMBERS: usize = 10_000;

/// The largest zip member a reader inflates, in bytes (128 MiB). The body of a
/// 1,000-page Word file is some tens of MB of XML.
pub const MAX_ZIP_PART_BYTES: u64 = 128 * 1024 * 1024;

/// The most bytes a reader inflates from one zip archive, all members together
/// (256 MiB).
pub const MAX_ZIP_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// The highest compression ratio a zip member may have once it has inflated beyond
/// [`ZIP_RATIO_FLOOR`] (200 to 1). Word XML compresses some 5 to 30 times; a zip bomb
/// of zeros, 1,000 times.
pub const MAX_ZIP_RATIO: u64 = 200;

/// The inflated size below which a zip member's compression ratio is not checked
/// (1 MiB): small parts of repeated markup compress well and harm nothing.
pub const ZIP_RATIO_FLOOR: u64 = 1024 * 1024;

/// The deepest nesting of XML elements a document part may have (256). Word nests
/// tables in tables, but not hundreds deep; deeper input is refused before it can
/// exhaust the stack.
pub const MAX_XML_DEPTH: usize = 256;

/// The most XML nodes (elements and text runs) one document part may have (4
/// million): some 300 MiB held in memory at worst. A 100-page Word body has about
/// 60,000.
pub const MAX_XML_NODES: usize = 4_000_000;
