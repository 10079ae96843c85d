//! `bitext check A B`: where two equally authentic texts do not match.

use std::process::ExitCode;

use bitext::align::{AlignOptions, Level, align};
use bitext::check::{Severity, check_with_glossary};
use bitext::lexicon::Glossary;
use bitext::write::{CHECK_FORMATS, Format};
use bitext::{output, write};

use super::{choose_format, load_two};
use crate::cli::{CheckArgs, CheckFormat, FailOn, LevelArg, MinSeverity};
use crate::exit_codes;

pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let given = args.format.map(|f| match f {
        CheckFormat::Text => Format::Text,
        CheckFormat::Json => Format::Json,
    });
    let format = choose_format(given, args.output.as_deref(), &CHECK_FORMATS, Format::Text)?;
    let glossary = super::glossary(args.glossary.as_deref())?;
    let (a, b) = load_two(&args.a, &args.b, &args.read)?;
    let level = match args.level {
        LevelArg::Paragraph => Level::Paragraph,
        LevelArg::Sentence => Level::Sentence,
    };
    let alignment = align(&a, &b, &AlignOptions { level, glossary: glossary.clone(), ..Default::default() });
    let report = check_with_glossary(&alignment, glossary.as_deref().unwrap_or(Glossary::shipped()));
    let min = match args.min_severity {
        MinSeverity::Error => Severity::Error,
        MinSeverity::Warning => Severity::Warning,
        MinSeverity::Note => Severity::Note,
    };
    output::write_with(args.output.as_deref(), |w| write::report(w, format, &report, [&a, &b], min))?;
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
    };
    let failed = report.findings.iter().any(|f| f.severity <= threshold);
    super::leave((alignment, report));
    super::leave((a, b));
    Ok(if failed { exit_codes::FINDINGS } else { exit_codes::NOTHING_TO_REPORT }.into())
}
