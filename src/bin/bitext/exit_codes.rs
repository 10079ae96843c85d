//! Exit codes, as `diff(1)` and `cmp(1)` have them: 0 done, 1 differences found
//! (`check` and `diff`), 2 trouble.

/// Done; for `check` and `diff`: nothing to report.
pub const SAME: u8 = 0;

/// `check`: at least one finding at or above `--fail-on`; `diff`: the texts differ;
/// `batch`: at least one pair failed.
pub const DIFFERENT: u8 = 1;

/// Trouble: bad arguments, unreadable or undecodable input, I/O error.
pub const TROUBLE: u8 = 2;
