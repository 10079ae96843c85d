//! `bitext diff OLD NEW [--counterpart OTHER]`: review a revision of one text.

use std::process::ExitCode;

use bitext::diff::{DiffOptions, diff, impact};
use bitext::write::Format;
use bitext::write::diff::Review;
use bitext::{load, output, write};

use super::{Reading, choose_format, colour, load_options};
use crate::cli::{DiffArgs, DiffFormat};
use crate::exit_codes;

const FORMATS: [Format; 4] = [Format::Text, Format::Unified, Format::Json, Format::Html];

pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let given = args.format.map(|f| match f {
        DiffFormat::Text => Format::Text,
        DiffFormat::Unified => Format::Unified,
        DiffFormat::Json => Format::Json,
        DiffFormat::Html => Format::Html,
    });
    let format = choose_format(given, args.output.as_deref(), &FORMATS, Format::Text)?;
    let reading = Reading { segments: args.segments, layout: args.layout, input_format: args.input_format };
    let options = load_options(args.lang, args.encoding.as_deref(), reading);
    let old = load::load(&args.old, &options)?;
    let new = load::load(&args.new, &options)?;
    if old.lang != new.lang {
        anyhow::bail!(
            "bad arguments: {} is {} and {} is {}: diff compares two versions of one text",
            old.path,
            old.lang,
            new.path,
            new.lang
        );
    }
    let other = match &args.counterpart {
        Some(p) => Some(load::load(p, &load_options(None, args.encoding_counterpart.as_deref(), reading))?),
        None => None,
    };
    let revision = diff(&old, &new, DiffOptions { strict: args.strict });
    let impacts = other.as_ref().map(|o| impact(&revision, o));
    let review = other.as_ref().zip(impacts.as_deref()).map(|(other, impact)| Review { other, impact });
    let colour = colour(args.output.as_deref());
    output::write_with(args.output.as_deref(), |w| match format {
        Format::Unified => write::diff::unified(w, &revision),
        Format::Json => write::diff::json(w, &revision, impacts.as_deref()),
        Format::Html => write::diff::html(w, &revision, review),
        _ => write::diff::text(w, &revision, review, colour),
    })?;
    Ok(if revision.changes.is_empty() { exit_codes::NOTHING_TO_REPORT } else { exit_codes::TEXTS_DIFFER }.into())
}
