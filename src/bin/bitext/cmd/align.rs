//! `bitext align A B`: aligned pairs.

use std::process::ExitCode;

use bitext::align::{AlignOptions, Level, align};
use bitext::write::csv::CsvOptions;
use bitext::{output, write};

use super::load_two;
use crate::cli::{AlignArgs, AlignFormat, LevelArg};

pub fn run(args: AlignArgs) -> anyhow::Result<ExitCode> {
    if !args.delimiter.is_ascii() || args.delimiter == '"' || args.delimiter == '\n' {
        anyhow::bail!("bad arguments: --delimiter must be one ASCII character other than a quote or newline");
    }
    let (a, b) = load_two(&args.a, &args.b, &args.read)?;
    let level = match args.level {
        LevelArg::Paragraph => Level::Paragraph,
        LevelArg::Sentence => Level::Sentence,
    };
    let alignment = align(&a, &b, &AlignOptions { level });
    let bytes = match args.format {
        AlignFormat::Csv => {
            write::csv::write(&alignment, CsvOptions { delimiter: args.delimiter as u8, bom: args.bom })
        }
        AlignFormat::Tsv => write::csv::write(&alignment, CsvOptions { delimiter: b'\t', bom: args.bom }),
        AlignFormat::Json => write::json::alignment(&alignment, [&a, &b]),
    };
    output::write(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
