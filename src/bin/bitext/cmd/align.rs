//! `bitext align A B`: aligned pairs.

use std::process::ExitCode;

use bitext::align::{AlignOptions, Alignment, Level, align};
use bitext::check::check_with_glossary;
use bitext::lexicon::Glossary;
use bitext::write::tmx::{SrcLang, TmxOptions, is_language_tag};
use bitext::write::{ALIGN_FORMATS, AlignmentOutput, Format};
use bitext::{output, write};

use super::{choose_format, load_two, to_terminal};
use crate::cli::{AlignArgs, AlignFormat, LevelArg, SrcLangArg};
use crate::exit_codes;

impl From<AlignFormat> for Format {
    fn from(f: AlignFormat) -> Self {
        match f {
            AlignFormat::Csv => Format::Csv,
            AlignFormat::Tsv => Format::Tsv,
            AlignFormat::Json => Format::Json,
            AlignFormat::Tmx => Format::Tmx,
            AlignFormat::Xlsx => Format::Xlsx,
            AlignFormat::Html => Format::Html,
        }
    }
}

/// The TMX settings the command line asks for.
fn tmx_options(args: &AlignArgs, alignment: &Alignment, level: Level) -> anyhow::Result<TmxOptions> {
    let mut options = TmxOptions::default_for(alignment);
    for t in &args.tag {
        let (lang, tag) =
            t.split_once('=').ok_or_else(|| anyhow::anyhow!("bad arguments: --tag takes LANG=TAG, not {t:?}"))?;
        let side = alignment.docs.iter().position(|d| d.lang.code() == lang);
        let side = side.ok_or_else(|| anyhow::anyhow!("bad arguments: --tag {t:?}: no text is in {lang:?}"))?;
        if !is_language_tag(tag) {
            anyhow::bail!(
                "bad arguments: --tag {t:?}: {tag:?} is not a BCP 47 language tag (zh-CN, zh-Hant-TW, ru-RU)"
            );
        }
        options.tags[side] = tag.to_string();
    }
    let code = match args.srclang {
        SrcLangArg::Zh => Some("zh"),
        SrcLangArg::Ru => Some("ru"),
        SrcLangArg::All => None,
    };
    options.srclang = match code {
        Some(c) => SrcLang::Side(alignment.docs.iter().position(|d| d.lang.code() == c).unwrap_or(0)),
        None => SrcLang::All,
    };
    options.keep_unpaired = args.keep_unpaired;
    options.level = level;
    Ok(options)
}

pub fn run(args: AlignArgs) -> anyhow::Result<ExitCode> {
    if !args.delimiter.is_ascii() || args.delimiter == '"' || args.delimiter == '\n' {
        anyhow::bail!("bad arguments: --delimiter must be one ASCII character other than a quote or newline");
    }
    let format = choose_format(args.format.map(Format::from), args.output.as_deref(), &ALIGN_FORMATS, Format::Csv)?;
    if format.is_binary() && to_terminal(args.output.as_deref()) {
        anyhow::bail!("bad arguments: an XLSX workbook is binary; write it to a file with -o");
    }
    let (a, b) = load_two(&args.a, &args.b, &args.read)?;
    let level = match args.level {
        LevelArg::Paragraph => Level::Paragraph,
        LevelArg::Sentence => Level::Sentence,
    };
    // A glossary given is read before the work (a bad one is an error).
    let given = super::glossary(args.glossary.as_deref())?;
    let options = AlignOptions { level, glossary: given.clone(), ..Default::default() };
    let alignment = align(&a, &b, &options);
    let paragraphs = if level == Level::Paragraph {
        None
    } else {
        Some(align(&a, &b, &AlignOptions { level: Level::Paragraph, ..options }))
    };
    let report = args.with_findings.then(|| {
        check_with_glossary(paragraphs.as_ref().unwrap_or(&alignment), given.as_deref().unwrap_or(Glossary::shipped()))
    });
    let settings = AlignmentOutput {
        csv: write::csv::CsvOptions { delimiter: args.delimiter as u8, bom: args.bom },
        tmx: tmx_options(&args, &alignment, level)?,
        findings: report.as_ref(),
    };
    let mut left_out = 0;
    output::write_with(args.output.as_deref(), |w| {
        left_out = write::alignment(w, format, &alignment, [&a, &b], &settings)?;
        Ok(())
    })?;
    if left_out > 0 {
        eprintln!("bitext: left out {left_out} pairs with no counterpart (--keep-unpaired keeps them)");
    }
    super::leave((alignment, paragraphs, report));
    super::leave((a, b));
    Ok(exit_codes::DONE.into())
}
