//! `bitext align A B`: aligned pairs.

use std::io::IsTerminal;
use std::process::ExitCode;

use bitext::align::{AlignOptions, Level, align};
use bitext::check::check;
use bitext::write::csv::CsvOptions;
use bitext::write::tmx::{SrcLang, TmxOptions};
use bitext::{output, write};

use super::load_two;
use crate::cli::{AlignArgs, AlignFormat, LevelArg, SrcLangArg};

pub fn run(args: AlignArgs) -> anyhow::Result<ExitCode> {
    if !args.delimiter.is_ascii() || args.delimiter == '"' || args.delimiter == '\n' {
        anyhow::bail!("bad arguments: --delimiter must be one ASCII character other than a quote or newline");
    }
    let to_terminal = args.output.as_deref().is_none_or(|p| p.as_os_str() == "-") && std::io::stdout().is_terminal();
    if matches!(args.format, AlignFormat::Xlsx) && to_terminal {
        anyhow::bail!("bad arguments: an XLSX workbook is binary; write it to a file with -o");
    }
    let (a, b) = load_two(&args.a, &args.b, &args.read)?;
    let level = match args.level {
        LevelArg::Paragraph => Level::Paragraph,
        LevelArg::Sentence => Level::Sentence,
    };
    let alignment = align(&a, &b, &AlignOptions { level });
    let paragraphs = if level == Level::Paragraph { None } else { Some(align(&a, &b, &AlignOptions::default())) };
    let report = args.with_findings.then(|| check(paragraphs.as_ref().unwrap_or(&alignment)));
    let bytes = match args.format {
        AlignFormat::Csv => {
            write::csv::write(&alignment, CsvOptions { delimiter: args.delimiter as u8, bom: args.bom })
        }
        AlignFormat::Tsv => write::csv::write(&alignment, CsvOptions { delimiter: b'\t', bom: args.bom }),
        AlignFormat::Json => write::json::alignment(&alignment, [&a, &b]),
        AlignFormat::Tmx => {
            let mut tags = alignment.docs.map(|d| d.lang.profile().tmx_tag.to_string());
            for t in &args.tag {
                let (lang, tag) = t
                    .split_once('=')
                    .ok_or_else(|| anyhow::anyhow!("bad arguments: --tag takes LANG=TAG, not {t:?}"))?;
                let side = alignment.docs.iter().position(|d| d.lang.code() == lang);
                let side = side.ok_or_else(|| anyhow::anyhow!("bad arguments: --tag {t:?}: no text is in {lang:?}"))?;
                if tag.is_empty() || tag.contains(char::is_whitespace) {
                    anyhow::bail!("bad arguments: --tag {t:?}: a language tag has no spaces");
                }
                tags[side] = tag.to_string();
            }
            let code = match args.srclang {
                SrcLangArg::Zh => Some("zh"),
                SrcLangArg::Ru => Some("ru"),
                SrcLangArg::All => None,
            };
            let srclang = match code {
                Some(c) => SrcLang::Side(alignment.docs.iter().position(|d| d.lang.code() == c).unwrap_or(0)),
                None => SrcLang::All,
            };
            let tmx =
                write::tmx::write(&alignment, &TmxOptions { srclang, tags, keep_unpaired: args.keep_unpaired, level });
            if tmx.left_out > 0 {
                eprintln!("bitext: left out {} pairs with no counterpart (--keep-unpaired keeps them)", tmx.left_out);
            }
            tmx.bytes
        }
        AlignFormat::Xlsx => write::xlsx::write(&alignment, report.as_ref())?,
        AlignFormat::Html => write::html::write(&alignment, report.as_ref()),
    };
    output::write(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
