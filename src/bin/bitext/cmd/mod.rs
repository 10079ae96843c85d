//! One file per subcommand, each with its `run`.

mod align;
mod batch;
mod check;
mod diff;
mod eval;
mod manual;
mod parse;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use bitext::Lang;
use bitext::load::{LoadOptions, Segments};
use bitext::model::{InputFormat, Layout};
use bitext::write::{Format, name};

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
        Command::Completions(args) => manual::completions(args),
        Command::Man(args) => manual::man(args),
    }
}

/// The format to write: `--format` if given, else the one the extension of `-o` names
/// (`.csv .tsv .json .tmx .xlsx .html .txt .diff`), else `default`. A `--format` that
/// the extension contradicts, or an extension naming a format the command does not
/// write, is bad arguments.
pub fn choose_format(
    given: Option<Format>,
    output: Option<&Path>,
    allowed: &[Format],
    default: Format,
) -> anyhow::Result<Format> {
    let named = output.filter(|p| p.as_os_str() != "-").map(Format::for_path).unwrap_or_default();
    let ext = || output.and_then(|p| p.extension()).map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
    match given {
        Some(f) if !named.is_empty() && !named.contains(&f) => anyhow::bail!(
            "bad arguments: --format {} contradicts the extension .{} of the output (or leave out --format)",
            name(&f),
            ext()
        ),
        Some(f) => Ok(f),
        None if named.is_empty() => Ok(default),
        None => named.into_iter().find(|f| allowed.contains(f)).ok_or_else(|| {
            let list: Vec<String> = allowed.iter().map(name).collect();
            anyhow::anyhow!(
                "bad arguments: the output's extension .{} names a format this command does not write ({}); pass --format",
                ext(),
                list.join(", ")
            )
        }),
    }
}

/// Whether the output is a terminal: no `-o` (or `-o -`) and standard output is one.
pub fn to_terminal(output: Option<&Path>) -> bool {
    output.is_none_or(|p| p.as_os_str() == "-") && std::io::stdout().is_terminal()
}

/// Whether to colour the output: on a terminal, and `NO_COLOR` unset or empty.
pub fn colour(output: Option<&Path>) -> bool {
    to_terminal(output) && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
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

/// Loads two texts, with `--lang-a/-b` and `--encoding(-a/-b)`, and lets each settle
/// the line breaks the other could not decide.
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
    // Both read at once; the first text's error, if both have one, is the one told.
    let (da, db) = rayon::join(
        || bitext::load::load(a, &load_options(read.lang_a, ea, Reading::two(read))),
        || bitext::load::load(b, &load_options(read.lang_b, eb, Reading::two(read))),
    );
    let (mut da, mut db) = (da?, db?);
    if da.lang == db.lang {
        anyhow::bail!(
            "same language: {}, {}: both files are {}; --lang-a or --lang-b names the language of one that is not",
            da.path,
            db.path,
            da.lang.profile().name
        );
    }
    bitext::structure::settle(&mut da, &mut db);
    Ok((da, db))
}

/// Leaves what a command read and made to the end of the process, which is near:
/// the system takes a process's memory back at once, where freeing a long text's
/// units and pairs one allocation at a time took 2 % of aligning 16 MB.
pub fn leave<T>(made: T) {
    std::mem::forget(made);
}

/// The glossary of `--glossary`, if given: the shipped one with the user's file. None
/// given, the aligner links with its own and the checker reads the shipped one
/// ([`bitext::lexicon::Glossary::shipped`]), each built once, not copied.
pub fn glossary(path: Option<&Path>) -> anyhow::Result<Option<std::sync::Arc<bitext::lexicon::Glossary>>> {
    use bitext::lexicon::Glossary;
    path.map(|path| Ok(std::sync::Arc::new(Glossary::shipped_and(&Glossary::read(path)?)))).transpose()
}
