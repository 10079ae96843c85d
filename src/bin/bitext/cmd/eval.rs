//! `bitext eval GOLD ALIGNMENT`: precision, recall, F1 and exact groups.

use std::process::ExitCode;

use bitext::{eval, load, output, write};

use crate::cli::{EvalArgs, EvalFormat};

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let gold = eval::read_links(&load::read_bytes(&args.gold)?, &args.gold)?;
    let predicted = eval::read_links(&load::read_bytes(&args.alignment)?, &args.alignment)?;
    let s = eval::score(&gold, &predicted);
    let bytes = match args.format {
        EvalFormat::Text => format!(
            "precision {}\nrecall    {}\nf1        {}\nexact     {}\ngold links {}, predicted links {}\n",
            write::score(s.precision),
            write::score(s.recall),
            write::score(s.f1),
            write::score(s.exact),
            s.gold_links,
            s.predicted_links
        )
        .into_bytes(),
        EvalFormat::Json => {
            let mut v = serde_json::to_vec_pretty(&s)?;
            v.push(b'\n');
            v
        }
    };
    output::write(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
