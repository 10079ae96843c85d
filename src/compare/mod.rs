//! Comparing texts: the two language versions against each other ([`check`]), and two
//! versions of one text against each other ([`diff`](mod@diff)), with what a revision
//! means for the other language's text.

pub mod check;
pub mod diff;
