//! One file per subcommand, each with its `run`.

mod align;
mod batch;
mod check;
mod diff;
mod eval;
mod parse;

use std::path::Path;
use std::process::ExitCode;

use bitext::Lang;
use bitext::load::{LoadOptions, Segments};
use bitext::model::{InputFormat, Layout};

use crate::cli::{Cli, Command, InputFormatArg, LangArg, LayoutArg, SegmentsArg};

/// Runs the command; the exit code on success, an error for trouble.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Align(args) => align::run(args),
        Command::Check(args) => check::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Batch(args) => batch::run(args),
    }
}

/// How a file is read, as the command line says it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading {
    /// `--segments`.
    pub segments: SegmentsArg,
    /// `--layout`.
    pub layout: LayoutArg,
    /// `--input-format`.
    pub input_format: Option<InputFormatArg>,
}

impl Reading {
    /// The reading options of `parse`.
    pub fn one(read: &crate::cli::ReadOne) -> Self {
        Reading { segments: read.segments, layout: read.layout, input_format: read.input_format }
    }

    /// The reading options of two files.
    pub fn two(read: &crate::cli::ReadTwo) -> Self {
        Reading { segments: read.segments, layout: read.layout, input_format: read.input_format }
    }
}

/// Turns the command line's reading options into the library's.
pub fn load_options(lang: Option<LangArg>, encoding: Option<&str>, reading: Reading) -> LoadOptions {
    let segments = reading.segments;
    LoadOptions {
        lang: lang.map(|l| match l {
            LangArg::Zh => Lang::Zh,
            LangArg::Ru => Lang::Ru,
        }),
        encoding: encoding.map(String::from),
        segments: match segments {
            SegmentsArg::Structure => Segments::Structure,
            SegmentsArg::Lines => Segments::Lines,
        },
        layout: match reading.layout {
            LayoutArg::Auto => None,
            LayoutArg::Blank => Some(Layout::Blank),
            LayoutArg::Lines => Some(Layout::Lines),
            LayoutArg::Wrapped => Some(Layout::Wrapped),
        },
        input_format: reading.input_format.map(|f| match f {
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Docx => InputFormat::Docx,
            InputFormatArg::Odt => InputFormat::Odt,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Pdf => InputFormat::Pdf,
        }),
    }
}

/// Loads two texts, with `--lang-a/-b` and `--encoding(-a/-b)`.
pub fn load_two(
    a: &Path,
    b: &Path,
    read: &crate::cli::ReadTwo,
) -> anyhow::Result<(bitext::Document, bitext::Document)> {
    if a.as_os_str() == "-" && b.as_os_str() == "-" {
        anyhow::bail!("bad arguments: only one input can be standard input (-)");
    }
    let ea = read.encoding_a.as_deref().or(read.encoding.as_deref());
    let eb = read.encoding_b.as_deref().or(read.encoding.as_deref());
    let da = bitext::load::load(a, &load_options(read.lang_a, ea, Reading::two(read)))?;
    let db = bitext::load::load(b, &load_options(read.lang_b, eb, Reading::two(read)))?;
    Ok((da, db))
}
