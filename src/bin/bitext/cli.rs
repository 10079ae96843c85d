//! The command line, defined with clap's derive; the doc comments are the help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Align and compare the equally authentic language versions of one legal text
/// (Chinese and Russian treaties): article by article, paragraph by paragraph.
///
/// Exit status: 0 done (check/diff: nothing to report), 1 findings or differences,
/// 2 trouble.
#[derive(Debug, Parser)]
#[command(name = "bitext", version, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show how a text was read: encoding, repairs, units.
    Parse(ParseArgs),
    /// Pair the units of two texts; aligned CSV by default.
    Align(AlignArgs),
    /// Report where two texts do not match: numbering, unpaired units, numbers, lengths.
    Check(CheckArgs),
    /// Review a revision of one text, and what it means for the other-language text.
    Diff(DiffArgs),
    /// Score an alignment against a gold alignment.
    Eval(EvalArgs),
    /// Align or check many pairs listed in a manifest, in parallel.
    Batch(BatchArgs),
}

/// How to segment a text.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum SegmentsArg {
    /// Parse the document structure: title, preamble, articles, paragraphs.
    #[default]
    Structure,
    /// Every non-empty line is one unit (text already segmented).
    Lines,
}

/// What to pair.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum LevelArg {
    /// The structural units.
    #[default]
    Paragraph,
    /// The sentences inside paired units.
    Sentence,
}

/// A language.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Chinese.
    Zh,
    /// Russian.
    Ru,
}

/// The kinds of input file.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormatArg {
    /// Plain text in any supported encoding.
    Text,
    /// A Word document (.docx).
    Docx,
    /// An OpenDocument text (.odt).
    Odt,
    /// A web page (.html, .htm, .xhtml).
    Html,
    /// A PDF file's text layer.
    Pdf,
}

/// How line breaks are read.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum LayoutArg {
    /// Inferred from the whole text.
    #[default]
    Auto,
    /// Paragraphs are separated by blank lines; single line breaks are wraps.
    Blank,
    /// Every line is a paragraph.
    Lines,
    /// Lines are wrapped at a width; paragraphs are rebuilt.
    Wrapped,
}

/// Options of reading one text.
#[derive(Debug, Args)]
pub struct ReadOne {
    /// The text's language (default: told from its script).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The text's encoding (default: detected). WHATWG labels and Windows aliases: utf-8,
    /// utf-16le, gb18030, gbk, cp936, big5, windows-1251, cp1251, koi8-r, cp866.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// How to segment the text.
    #[arg(long, value_enum, default_value_t)]
    pub segments: SegmentsArg,
    /// How line breaks are read.
    #[arg(long, value_enum, default_value_t)]
    pub layout: LayoutArg,
    /// The kind of file (default: told from its content).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
}

/// Options of reading two texts.
#[derive(Debug, Args)]
pub struct ReadTwo {
    /// The first file's language (default: told from its script).
    #[arg(long, value_enum)]
    pub lang_a: Option<LangArg>,
    /// The second file's language (default: told from its script).
    #[arg(long, value_enum)]
    pub lang_b: Option<LangArg>,
    /// The encoding of both files (default: detected).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// The first file's encoding.
    #[arg(long, value_name = "LABEL")]
    pub encoding_a: Option<String>,
    /// The second file's encoding.
    #[arg(long, value_name = "LABEL")]
    pub encoding_b: Option<String>,
    /// How to segment the texts.
    #[arg(long, value_enum, default_value_t)]
    pub segments: SegmentsArg,
    /// How line breaks are read.
    #[arg(long, value_enum, default_value_t)]
    pub layout: LayoutArg,
    /// The kind of both files (default: told from their content).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
}

/// `bitext parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The text (`-` for standard input).
    pub file: PathBuf,
    #[command(flatten)]
    pub read: ReadOne,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ParseFormat,
    /// Where to write (`-` or nothing: standard output). Written atomically.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `parse`.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum ParseFormat {
    /// For people.
    #[default]
    Text,
    /// `{"path","lang","encoding","bom","units":[…],"repairs":[…]}`.
    Json,
}

/// `bitext align`.
#[derive(Debug, Args)]
pub struct AlignArgs {
    /// One text (`-` for standard input); the two may be given in either order.
    pub a: PathBuf,
    /// The other text.
    pub b: PathBuf,
    #[command(flatten)]
    pub read: ReadTwo,
    /// What to pair.
    #[arg(long, value_enum, default_value_t)]
    pub level: LevelArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: AlignFormat,
    /// Begin CSV/TSV with a UTF-8 byte-order mark, for spreadsheet programs.
    #[arg(long)]
    pub bom: bool,
    /// CSV field delimiter: `,` (default) or `;` for spreadsheets set up for Russian.
    #[arg(long, value_name = "CHAR", default_value = ",")]
    pub delimiter: char,
    /// TMX: keep pairs with no counterpart (left out by default).
    #[arg(long)]
    pub keep_unpaired: bool,
    /// TMX: the header's source language; `all` (`*all*`) for equally authentic texts.
    #[arg(long, value_enum, default_value_t)]
    pub srclang: SrcLangArg,
    /// TMX: the language tag of a side, as LANG=TAG (default zh=zh-CN, ru=ru-RU).
    #[arg(long, value_name = "LANG=TAG")]
    pub tag: Vec<String>,
    /// XLSX and HTML: add the findings of `check` (a second sheet; marks on the rows).
    #[arg(long)]
    pub with_findings: bool,
    /// Where to write (`-` or nothing: standard output). Written atomically.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `align`.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum AlignFormat {
    /// `zh_ref,ru_ref,zh,ru,link,score`, RFC 4180.
    #[default]
    Csv,
    /// The same columns, tab-separated.
    Tsv,
    /// `{"a":{…},"b":{…},"pairs":[…]}`.
    Json,
    /// TMX 1.4b, for CAT tools.
    Tmx,
    /// An Excel workbook for reviewers.
    Xlsx,
    /// A self-contained side-by-side page.
    Html,
}

/// The TMX header's source language.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum SrcLangArg {
    /// Chinese.
    #[default]
    Zh,
    /// Russian.
    Ru,
    /// `*all*`: equally authentic texts.
    All,
}

/// `bitext diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version (`-` for standard input).
    pub old: PathBuf,
    /// The new version, in the same language.
    pub new: PathBuf,
    /// The other-language text that matches OLD: list its units to review.
    #[arg(long, value_name = "OTHER")]
    pub counterpart: Option<PathBuf>,
    /// Show whitespace-only differences too.
    #[arg(long)]
    pub strict: bool,
    /// The language of OLD and NEW (default: told from the script).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// The encoding of OLD and NEW (default: detected).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// The encoding of the counterpart (default: detected).
    #[arg(long, value_name = "LABEL")]
    pub encoding_counterpart: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: DiffFormat,
    /// Where to write (`-` or nothing: standard output). Written atomically.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `diff`.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum DiffFormat {
    /// For people, coloured on a terminal (never with NO_COLOR).
    #[default]
    Text,
    /// A unified diff by unit, refs in the hunk headers.
    Unified,
    /// `{"old","new","changes":[…],"impact":[…],"summary":{…}}`.
    Json,
    /// One self-contained page: old and new side by side, the impact list.
    Html,
}

/// `bitext check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// One text (`-` for standard input); neither is the master.
    pub a: PathBuf,
    /// The other text.
    pub b: PathBuf,
    #[command(flatten)]
    pub read: ReadTwo,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: CheckFormat,
    /// The least serious finding that makes the exit status 1.
    #[arg(long, value_enum, default_value_t)]
    pub fail_on: FailOn,
    /// Where to write (`-` or nothing: standard output). Written atomically.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `check`.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum CheckFormat {
    /// For people: most serious first, grouped by article, a summary line.
    #[default]
    Text,
    /// `{"a","b","findings":[…],"summary":{…}}`.
    Json,
}

/// What makes `check` exit with 1.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum FailOn {
    /// Errors only.
    Error,
    /// Errors and warnings.
    #[default]
    Warning,
}

/// `bitext batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// CSV with a header naming `a`, `b` and optionally `out`, `id`; or JSON lines with
    /// those keys. Relative paths are relative to the manifest's folder.
    pub manifest: PathBuf,
    /// What each pair gets.
    #[arg(long, value_enum, default_value_t)]
    pub mode: BatchMode,
    /// Format of each output (align: csv, tsv, json; check: text, json).
    #[arg(long, value_enum)]
    pub format: Option<BatchFormat>,
    /// Where outputs not named in the manifest go, as ID.EXT.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Where the summary goes (standard output by default); `.jsonl` writes JSON lines, else CSV.
    #[arg(long, value_name = "PATH")]
    pub summary: Option<PathBuf>,
    /// Run pairs whose output is newer than their inputs too (skipped by default).
    #[arg(long)]
    pub force: bool,
    /// Take only the rows whose 0-based index i has i mod N = K, for job arrays.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    pub jobs: usize,
}

/// What `batch` does with each pair.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum BatchMode {
    /// Align: one alignment per pair.
    #[default]
    Align,
    /// Check: one report per pair.
    Check,
}

/// Formats of `batch` outputs.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BatchFormat {
    /// CSV (align).
    Csv,
    /// TSV (align).
    Tsv,
    /// JSON (align, check).
    Json,
    /// Text (check).
    Text,
}

/// `bitext eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold alignment: TSV with a header naming the two ref columns (`zh_ref`, `ru_ref`).
    pub gold: PathBuf,
    /// The alignment to score: what `align` wrote (CSV, TSV or JSON).
    pub alignment: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: EvalFormat,
    /// Where to write (`-` or nothing: standard output).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `eval`.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum EvalFormat {
    /// For people.
    #[default]
    Text,
    /// `{"precision","recall","f1","exact","gold_links","predicted_links"}`.
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
