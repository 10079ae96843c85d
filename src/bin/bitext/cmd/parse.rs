//! `bitext parse FILE`: how a text was read.

use std::process::ExitCode;

use bitext::write::Format;
use bitext::{load, output, write};

use super::{Reading, choose_format, load_options};
use crate::cli::{ParseArgs, ParseFormat};
use crate::exit_codes;

const FORMATS: [Format; 4] = [Format::Text, Format::Json, Format::Units, Format::Plain];

pub fn run(args: ParseArgs) -> anyhow::Result<ExitCode> {
    let given = args.format.map(|f| match f {
        ParseFormat::Text => Format::Text,
        ParseFormat::Json => Format::Json,
        ParseFormat::Units => Format::Units,
        ParseFormat::Plain => Format::Plain,
    });
    let format = choose_format(given, args.output.as_deref(), &FORMATS, Format::Text)?;
    let doc =
        load::load(&args.file, &load_options(args.read.lang, args.read.encoding.as_deref(), Reading::one(&args.read)))?;
    output::write_with(args.output.as_deref(), |w| match format {
        Format::Json => write::json::document(w, &doc),
        Format::Units => write::text::units(w, &doc),
        Format::Plain => write::text::plain(w, &doc),
        _ => write::text::document(w, &doc),
    })?;
    Ok(exit_codes::DONE.into())
}
