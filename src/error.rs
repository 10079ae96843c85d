//! The library's error type: what went wrong, and where (file and line).

use std::fmt;
use std::path::PathBuf;

/// What went wrong while reading or processing a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read (missing, a directory, permission).
    Io(String),
    /// An output could not be written (no such folder, a directory, permission, a full
    /// disk).
    Write(String),
    /// The file has no text at all.
    Empty,
    /// The bytes look like a binary file, not text.
    Binary,
    /// No candidate encoding decodes the bytes into text of the expected script.
    Undecodable(String),
    /// An `--encoding` label that no decoder knows.
    UnknownEncoding(String),
    /// A limit stated in [`crate::limits`] was exceeded.
    Limit(String),
    /// The text's language could not be told from its script.
    UnknownLanguage,
    /// A malformed input record (gold file, alignment, manifest).
    Format(String),
    /// A document (.docx, .odt, .html, .pdf) that cannot be read: damaged, encrypted,
    /// without a text layer, or of a kind that must be converted first. The message
    /// says what to do.
    Document(String),
}

/// An error with the file it concerns and, where known, the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The file concerned (`-` for standard input).
    pub path: PathBuf,
    /// The 1-based line, where the problem has one.
    pub line: Option<usize>,
}

impl Error {
    /// An error about `path`, with no line.
    pub fn new(kind: ErrorKind, path: impl Into<PathBuf>) -> Self {
        Error { kind, path: path.into(), line: None }
    }

    /// The same error, at `line` (1-based).
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// A short name for what went wrong, as used in `bitext: <what>: <file>: <why>`.
    pub fn what(&self) -> &'static str {
        match self.kind {
            ErrorKind::Io(_) => "cannot read",
            ErrorKind::Write(_) => "cannot write",
            ErrorKind::Empty => "empty input",
            ErrorKind::Binary => "not a text file",
            ErrorKind::Undecodable(_) => "cannot decode",
            ErrorKind::UnknownEncoding(_) => "unknown encoding",
            ErrorKind::Limit(_) => "input too large",
            ErrorKind::UnknownLanguage => "unknown language",
            ErrorKind::Format(_) => "bad input",
            ErrorKind::Document(_) => "cannot read document",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.what(), self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let why = match &self.kind {
            ErrorKind::Io(why) | ErrorKind::Write(why) => why.clone(),
            ErrorKind::Empty => "the file has no text".to_string(),
            ErrorKind::Binary => "the file holds binary data (NUL bytes), not text".to_string(),
            ErrorKind::Undecodable(why) => why.clone(),
            ErrorKind::UnknownEncoding(label) => {
                format!("no decoder is called {label:?} (try {})", crate::lang::Lang::encoding_labels().join(", "))
            }
            ErrorKind::Limit(why) => why.clone(),
            ErrorKind::UnknownLanguage => "the text is neither mostly Han nor mostly Cyrillic; pass --lang".to_string(),
            ErrorKind::Format(why) | ErrorKind::Document(why) => why.clone(),
        };
        write!(f, ": {why}")
    }
}

impl std::error::Error for Error {}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
