//! `bitext eval GOLD ALIGNMENT`: precision, recall, F1 and exact groups.

use std::process::ExitCode;

use bitext::eval::{self, EvalLevel};
use bitext::write::Format;
use bitext::{load, output, write};

use super::choose_format;
use crate::cli::{EvalArgs, EvalFormat, LevelArg};
use crate::exit_codes;

const FORMATS: [Format; 2] = [Format::Text, Format::Json];

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let given = args.format.map(|f| match f {
        EvalFormat::Text => Format::Text,
        EvalFormat::Json => Format::Json,
    });
    let format = choose_format(given, args.output.as_deref(), &FORMATS, Format::Text)?;
    let gold = eval::read_links(&load::read_bytes(&args.gold)?, &args.gold)?;
    let predicted = eval::read_links(&load::read_bytes(&args.alignment)?, &args.alignment)?;
    let level = match args.level {
        Some(LevelArg::Paragraph) => EvalLevel::Paragraph,
        Some(LevelArg::Sentence) => EvalLevel::Sentence,
        None => EvalLevel::of(&gold),
    };
    let (gold, predicted) = (gold.at_level(level), predicted.at_level(level));
    eval::same_document(&gold, &predicted, &args.alignment)?;
    let s = eval::score(&gold, &predicted);
    output::write_with(args.output.as_deref(), |w| match format {
        Format::Json => write::json_document(w, &s),
        _ => write!(
            w,
            "precision {}\nrecall    {}\nf1        {}\nexact     {}\ngold links {}, predicted links {}\n",
            write::score(s.precision),
            write::score(s.recall),
            write::score(s.f1),
            write::score(s.exact),
            s.gold_links,
            s.predicted_links
        ),
    })?;
    Ok(exit_codes::DONE.into())
}
