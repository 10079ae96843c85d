//! `bitext batch MANIFEST`: align or check many pairs.

use std::path::PathBuf;
use std::process::ExitCode;

use bitext::batch::{self, AlignFormat, CheckFormat, Mode, Status};
use bitext::{load, output};
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{BatchArgs, BatchFormat, BatchMode};
use crate::exit_codes;

pub fn run(args: BatchArgs) -> anyhow::Result<ExitCode> {
    let mode = match (args.mode, args.format) {
        (BatchMode::Align, None | Some(BatchFormat::Csv)) => Mode::Align(AlignFormat::Csv),
        (BatchMode::Align, Some(BatchFormat::Tsv)) => Mode::Align(AlignFormat::Tsv),
        (BatchMode::Align, Some(BatchFormat::Json)) => Mode::Align(AlignFormat::Json),
        (BatchMode::Check, None | Some(BatchFormat::Text)) => Mode::Check(CheckFormat::Text),
        (BatchMode::Check, Some(BatchFormat::Json)) => Mode::Check(CheckFormat::Json),
        (m, Some(f)) => anyhow::bail!("bad arguments: --mode {m:?} does not write --format {f:?}"),
    };
    let (k, n) = match &args.shard {
        Some(s) => {
            let parsed =
                s.split_once('/').and_then(|(k, n)| Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?)));
            match parsed {
                Some((k, n)) if n > 0 && k < n => (k, n),
                _ => anyhow::bail!("bad arguments: --shard takes K/N with 0 ≤ K < N, not {s:?}"),
            }
        }
        None => (0, 1),
    };
    let bytes = load::read_bytes(&args.manifest)?;
    let out_dir = args.out_dir.clone().unwrap_or_else(|| PathBuf::from("bitext-out"));
    let jobs = batch::shard(batch::read_manifest(&bytes, &args.manifest, &out_dir, mode)?, k, n);
    let bar = ProgressBar::new(jobs.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} pairs, {elapsed} ({eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let outcomes = batch::run_all(&jobs, mode, args.force, args.jobs, &|_| bar.inc(1));
    bar.finish_and_clear();
    for o in outcomes.iter().filter(|o| o.status == Status::Failed) {
        eprintln!("bitext: pair {} failed: {}", o.id, o.message);
    }
    let jsonl = args.summary.as_ref().is_some_and(|p| p.extension().is_some_and(|e| e == "jsonl"));
    output::write(args.summary.as_deref(), &batch::summary(&outcomes, jsonl))?;
    let failed = outcomes.iter().any(|o| o.status == Status::Failed);
    Ok(if failed { exit_codes::DIFFERENT } else { exit_codes::SAME }.into())
}
