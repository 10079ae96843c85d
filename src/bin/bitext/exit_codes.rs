//! Exit codes, as `diff(1)` and `cmp(1)` have them: 0 done, 1 something found (`check`,
//! `diff`) or a pair failed (`batch`), 2 trouble. Each meaning has its own name, even
//! where two share a number.

/// Done (`parse`, `align`, `eval`, `batch` with every pair done, `completions`).
pub const DONE: u8 = 0;

/// `check` and `diff`: nothing to report (no finding at or above `--fail-on`; no change).
pub const NOTHING_TO_REPORT: u8 = 0;

/// `check`: at least one finding at or above `--fail-on`.
pub const FINDINGS: u8 = 1;

/// `diff`: the texts differ.
pub const TEXTS_DIFFER: u8 = 1;

/// `batch`: at least one pair failed (the others were done).
pub const PAIR_FAILED: u8 = 1;

/// Trouble: bad arguments, unreadable or undecodable input, I/O error.
pub const TROUBLE: u8 = 2;
