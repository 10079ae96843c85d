//! `bitext batch MANIFEST`: align or check many pairs.

use std::path::PathBuf;
use std::process::ExitCode;

use bitext::batch::{self, BatchOptions, Mode, Status};
use bitext::write::{ALIGN_FORMATS, CHECK_FORMATS, Format, name};
use bitext::{load, output};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Reading, load_options};
use crate::cli::{BatchArgs, BatchFormat, BatchMode};
use crate::exit_codes;

/// The mode and format the command line asks for.
fn mode(args: &BatchArgs) -> anyhow::Result<Mode> {
    let format = args.format.map(|f| match f {
        BatchFormat::Csv => Format::Csv,
        BatchFormat::Tsv => Format::Tsv,
        BatchFormat::Json => Format::Json,
        BatchFormat::Tmx => Format::Tmx,
        BatchFormat::Xlsx => Format::Xlsx,
        BatchFormat::Html => Format::Html,
        BatchFormat::Text => Format::Text,
    });
    let (allowed, default, mode): (&[Format], Format, fn(Format) -> Mode) = match args.mode {
        BatchMode::Align => (&ALIGN_FORMATS, Format::Csv, Mode::Align),
        BatchMode::Check => (&CHECK_FORMATS, Format::Text, Mode::Check),
    };
    match format {
        Some(f) if !allowed.contains(&f) => {
            let m = match args.mode {
                BatchMode::Align => "align",
                BatchMode::Check => "check",
            };
            anyhow::bail!("bad arguments: --mode {m} does not write --format {}", name(&f))
        }
        f => Ok(mode(f.unwrap_or(default))),
    }
}

fn shard(arg: Option<&str>) -> anyhow::Result<(usize, usize)> {
    let Some(s) = arg else { return Ok((0, 1)) };
    let parsed = s.split_once('/').and_then(|(k, n)| Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?)));
    match parsed {
        Some((k, n)) if n > 0 && k < n => Ok((k, n)),
        _ => anyhow::bail!("bad arguments: --shard takes K/N with 0 ≤ K < N, not {s:?}"),
    }
}

pub fn run(args: BatchArgs) -> anyhow::Result<ExitCode> {
    let mode = mode(&args)?;
    let (k, n) = shard(args.shard.as_deref())?;
    let read = &args.read;
    let options = BatchOptions {
        mode,
        force: args.force,
        one_lexicon: args.one_lexicon,
        load: [
            load_options(read.lang_a, read.encoding_a.as_deref().or(read.encoding.as_deref()), Reading::two(read)),
            load_options(read.lang_b, read.encoding_b.as_deref().or(read.encoding.as_deref()), Reading::two(read)),
        ],
    };
    let bytes = load::read_bytes(&args.manifest)?;
    let out_dir = args.out_dir.clone().unwrap_or_else(|| PathBuf::from("bitext-out"));
    let jobs = batch::shard(batch::read_manifest(&bytes, &args.manifest, &out_dir, mode)?, k, n);
    // indicatif draws only on a terminal (standard error here), never in a pipe or a log.
    let bar = ProgressBar::with_draw_target(Some(jobs.len() as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} pairs, {elapsed} ({eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let outcomes = batch::run_all(&jobs, &options, args.jobs, &|_| bar.inc(1));
    bar.finish_and_clear();
    for o in outcomes.iter().filter(|o| o.status == Status::Failed) {
        eprintln!("bitext: pair {} failed: {}", o.id, o.message);
    }
    let jsonl = args.summary.as_ref().is_some_and(|p| p.extension().is_some_and(|e| e == "jsonl"));
    output::write_with(args.summary.as_deref(), |w| batch::summary(w, &outcomes, jsonl))?;
    let failed = outcomes.iter().any(|o| o.status == Status::Failed);
    Ok(if failed { exit_codes::PAIR_FAILED } else { exit_codes::DONE }.into())
}
