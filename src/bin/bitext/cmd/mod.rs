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

use crate::cli::{Cli, Command, LangArg, SegmentsArg};

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

/// Turns the command line's reading options into the library's.
pub fn load_options(lang: Option<LangArg>, encoding: Option<&str>, segments: SegmentsArg) -> LoadOptions {
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
    let da = bitext::load::load(a, &load_options(read.lang_a, ea, read.segments))?;
    let db = bitext::load::load(b, &load_options(read.lang_b, eb, read.segments))?;
    Ok((da, db))
}
