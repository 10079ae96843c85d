//! `bitext diff OLD NEW [--counterpart OTHER]`: review a revision of one text.

use std::io::IsTerminal;
use std::process::ExitCode;

use bitext::diff::{DiffOptions, diff, impact};
use bitext::{load, output, write};

use super::{Reading, load_options};
use crate::cli::{DiffArgs, DiffFormat};
use crate::exit_codes;

pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let options = load_options(args.lang, args.encoding.as_deref(), Reading::default());
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
        Some(p) => Some(load::load(p, &load_options(None, args.encoding_counterpart.as_deref(), Reading::default()))?),
        None => None,
    };
    let revision = diff(&old, &new, DiffOptions { strict: args.strict });
    let impacts = other.as_ref().map(|o| impact(&revision, o));
    let with_path = other.as_ref().zip(impacts.as_deref()).map(|(o, i)| (o.path.as_str(), i));
    let to_terminal = args.output.as_deref().is_none_or(|p| p.as_os_str() == "-") && std::io::stdout().is_terminal();
    let colour = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let bytes = match args.format {
        DiffFormat::Text => write::diff::text(&revision, with_path, colour),
        DiffFormat::Unified => write::diff::unified(&revision),
        DiffFormat::Json => write::diff::json(&revision, impacts.as_deref()),
        DiffFormat::Html => write::diff::html(&revision, with_path),
    };
    output::write(args.output.as_deref(), &bytes)?;
    Ok(if revision.changes.is_empty() { exit_codes::SAME } else { exit_codes::DIFFERENT }.into())
}
