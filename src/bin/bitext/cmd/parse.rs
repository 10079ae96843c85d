//! `bitext parse FILE`: how a text was read.

use std::process::ExitCode;

use bitext::{load, output, write};

use super::{Reading, load_options};
use crate::cli::{ParseArgs, ParseFormat};

pub fn run(args: ParseArgs) -> anyhow::Result<ExitCode> {
    let doc =
        load::load(&args.file, &load_options(args.read.lang, args.read.encoding.as_deref(), Reading::one(&args.read)))?;
    let bytes = match args.format {
        ParseFormat::Text => write::text::document(&doc),
        ParseFormat::Json => write::json::document(&doc),
    };
    output::write(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
