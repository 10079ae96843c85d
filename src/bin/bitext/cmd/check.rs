//! `bitext check A B`: where two equally authentic texts do not match.

use std::process::ExitCode;

use bitext::align::{AlignOptions, align};
use bitext::check::{Severity, check};
use bitext::{output, write};

use super::load_two;
use crate::cli::{CheckArgs, CheckFormat, FailOn};
use crate::exit_codes;

pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let (a, b) = load_two(&args.a, &args.b, &args.read)?;
    let alignment = align(&a, &b, &AlignOptions::default());
    let report = check(&alignment);
    let bytes = match args.format {
        CheckFormat::Text => write::check::text(&report),
        CheckFormat::Json => write::check::json(&report, [&a, &b]),
    };
    output::write(args.output.as_deref(), &bytes)?;
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
    };
    let failed = report.findings.iter().any(|f| f.severity <= threshold);
    Ok(if failed { exit_codes::DIFFERENT } else { exit_codes::SAME }.into())
}
