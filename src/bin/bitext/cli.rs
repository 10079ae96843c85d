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
    #[command(after_help = PARSE_EXAMPLES)]
    Parse(ParseArgs),
    /// Pair the units of two texts; aligned CSV by default.
    #[command(after_help = ALIGN_EXAMPLES)]
    Align(AlignArgs),
    /// Report where two texts do not match: numbering, unpaired units, numbers, lengths.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Review a revision of one text, and what it means for the other-language text.
    #[command(after_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),
    /// Score an alignment against a gold alignment.
    #[command(after_help = EVAL_EXAMPLES)]
    Eval(EvalArgs),
    /// Align or check many pairs listed in a manifest, in parallel.
    #[command(after_help = BATCH_EXAMPLES)]
    Batch(BatchArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish).
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man -l -`.
    #[command(hide = true)]
    Man(ManArgs),
}

const PARSE_EXAMPLES: &str = "\
Examples:
  bitext parse treaty.zh.txt
  bitext parse treaty.ru.txt --encoding cp1251 --format json -o treaty.ru.json
  bitext parse old.zh.txt --format units -o old.units   # what `diff --format unified` applies to";

const ALIGN_EXAMPLES: &str = "\
Examples:
  bitext align treaty.zh.txt treaty.ru.txt -o treaty.csv
  bitext align treaty.ru.txt treaty.zh.txt -o treaty.xlsx --with-findings   # format from the extension
  bitext align treaty.zh.txt treaty.ru.txt --format tmx --srclang all -o treaty.tmx";

const CHECK_EXAMPLES: &str = "\
Examples:
  bitext check treaty.zh.txt treaty.ru.txt --min-severity warning
  bitext check treaty.zh.txt treaty.ru.txt --format json -o findings.json
  bitext check treaty.zh.txt treaty.ru.txt --fail-on error && echo 'no errors'";

const DIFF_EXAMPLES: &str = "\
Examples:
  bitext diff treaty.zh.txt revised.zh.txt --counterpart treaty.ru.txt
  bitext diff old.ru.txt new.ru.txt --format html -o changes.html
  bitext parse old.zh.txt --format units -o old.units
  bitext diff old.zh.txt new.zh.txt --format unified | patch old.units   # old.units now holds NEW's units";

const EVAL_EXAMPLES: &str = "\
Examples:
  bitext align charter.zh.txt charter.ru.txt -o charter.csv
  bitext eval gold.tsv charter.csv
  bitext eval gold.tsv charter.json --format json";

const BATCH_EXAMPLES: &str = "\
Examples:
  bitext batch manifest.csv --out-dir out --summary summary.csv
  bitext batch manifest.csv --mode check --format json --jobs 4
  bitext batch manifest.csv --format xlsx --shard \"$SLURM_ARRAY_TASK_ID/10\"";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  bitext completions bash > ~/.local/share/bash-completion/completions/bitext
  bitext completions zsh > ~/.zfunc/_bitext
  bitext completions fish > ~/.config/fish/completions/bitext.fish";

/// `bitext completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `bitext man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Where to write (`-` or nothing: standard output).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
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
    /// Output format [default: text, or as the extension of -o says].
    #[arg(long, value_enum)]
    pub format: Option<ParseFormat>,
    /// Where to write (`-` or nothing: standard output). Written atomically.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `parse`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ParseFormat {
    /// For people.
    Text,
    /// `{"path","lang","encoding","bom","units":[…],"repairs":[…]}`.
    Json,
    /// Each unit's text on one line: the file `diff --format unified` applies to.
    Units,
    /// The text as repaired: one paragraph per unit, with its printed number.
    Plain,
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
    /// Output format [default: csv, or as the extension of -o says].
    #[arg(long, value_enum)]
    pub format: Option<AlignFormat>,
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
    /// Terms that must correspond, besides the shipped glossary: TSV with a `zh<TAB>ru`
    /// header, or TBX as CAT tools export it. Its entries are evidence for the pairs,
    /// as the lexicon the aligner learns from the texts is.
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// Where to write (`-` or nothing: standard output). Written atomically.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `align`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AlignFormat {
    /// `zh_ref,ru_ref,zh,ru,link,score`, RFC 4180.
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
    /// Show whitespace-only differences too (also spaces the loader folded).
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
    /// How to segment the texts.
    #[arg(long, value_enum, default_value_t)]
    pub segments: SegmentsArg,
    /// How line breaks are read.
    #[arg(long, value_enum, default_value_t)]
    pub layout: LayoutArg,
    /// The kind of the files (default: told from their content).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
    /// Output format [default: text, or as the extension of -o says].
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
    /// Where to write (`-` or nothing: standard output). Written atomically.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `diff`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiffFormat {
    /// For people, coloured on a terminal (never with NO_COLOR).
    Text,
    /// A unified diff by unit, refs in the hunk headers; applies to `parse --format units`.
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
    /// What to pair before checking: with `sentence`, the sentences inside paired units
    /// are paired too, and those of one text with no counterpart are findings.
    #[arg(long, value_enum, default_value_t)]
    pub level: LevelArg,
    /// Output format [default: text, or as the extension of -o says].
    #[arg(long, value_enum)]
    pub format: Option<CheckFormat>,
    /// The least serious finding that makes the exit status 1.
    #[arg(long, value_enum, default_value_t)]
    pub fail_on: FailOn,
    /// Leave out findings below this (the summary still counts them).
    #[arg(long, value_enum, default_value_t)]
    pub min_severity: MinSeverity,
    /// Terms that must correspond, besides the shipped glossary: TSV with a `zh<TAB>ru`
    /// header, or TBX as CAT tools export it. A term rendered otherwise is a
    /// `term_mismatch`.
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// Where to write (`-` or nothing: standard output). Written atomically.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `check`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// For people: most serious first, grouped by article, a summary line.
    Text,
    /// `{"a","b","findings":[…],"summary":{…}}`.
    Json,
}

/// The least serious finding `check` lists.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum MinSeverity {
    /// Errors only.
    Error,
    /// Errors and warnings.
    Warning,
    /// Everything, notes (repairs) too.
    #[default]
    Note,
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
    #[command(flatten)]
    pub read: ReadTwo,
    /// What each pair gets.
    #[arg(long, value_enum, default_value_t)]
    pub mode: BatchMode,
    /// Format of each output (align: csv, tsv, json, tmx, xlsx, html; check: text, json).
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
    /// Align all pairs with one lexicon learned from all of them, for many short texts
    /// (each output then depends on the pairs run with it; all texts are read first).
    #[arg(long)]
    pub one_lexicon: bool,
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
    /// TMX (align).
    Tmx,
    /// An Excel workbook (align).
    Xlsx,
    /// A side-by-side page (align).
    Html,
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
    /// What to score: `paragraph` counts a sentence ref (`art.8.1.s2`) as its unit's
    /// (`art.8.1`); `sentence` takes refs as written [default: the gold's level].
    #[arg(long, value_enum)]
    pub level: Option<LevelArg>,
    /// Output format [default: text, or as the extension of -o says].
    #[arg(long, value_enum)]
    pub format: Option<EvalFormat>,
    /// Where to write (`-` or nothing: standard output).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Formats of `eval`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EvalFormat {
    /// For people.
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
