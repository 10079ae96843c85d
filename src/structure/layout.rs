//! Paragraphs rebuilt from lines: which line breaks end a paragraph and which only
//! wrap one.
//!
//! The answer depends on how the whole text was laid out, so it is decided from the
//! whole text first ([`shape`]) and then applied to each break ([`paragraphs`]):
//!
//! - **blank**: paragraphs are separated by blank lines (hand-typed text, most
//!   extractions that keep paragraph spacing); a single line break wraps a paragraph
//!   unless the line ends a sentence or a clause.
//! - **lines**: one paragraph per line and (almost) no blank lines (web copies,
//!   python-docx, LibreOffice's text export, pypdf): no line is joined to the next on
//!   the strength of punctuation alone.
//! - **wrapped**: lines cut at a common width (pdftotext, lynx, w3m, pandoc): a line
//!   that reaches the width runs on, a shorter one ends its paragraph. Where a tool
//!   wrapped in fixed columns as greedily as a terminal does (lynx, w3m, html2text,
//!   pandoc), the rule is exact: a line ended its paragraph if the next line's first
//!   word would have fitted after it.
//!
//! In every layout a paragraph number alone on its line takes the line after it, a
//! hanging indent continues its paragraph, a deeper first-line indent starts one, and
//! a sentence broken at a page end is joined again. Every join is a reported repair,
//! with its reason.

use rayon::prelude::*;

use super::line::Line;
use crate::lang::{Profile, chars};
use crate::model::{Layout, Repair, RepairKind, Undecided};
use crate::text::columns;
use crate::text::shorten;

/// A paragraph rebuilt from one or more lines.
#[derive(Debug, Clone)]
pub(super) struct Para {
    /// Its text, lines joined with the language's joiner.
    pub text: String,
    /// The first input line.
    pub first: usize,
    /// The last input line.
    pub last: usize,
    /// The length of its last line, in characters.
    last_len: usize,
    /// The width of its last line in display columns, its indentation past the
    /// margin included.
    last_columns: usize,
    /// Whether lines were joined into it.
    pub joined: bool,
    /// Whether all its lines are in capitals (`РЕШИЛИ ОБЪЕДИНИТЬ … ЭТИХ` / `ЦЕЛЕЙ.`).
    caps: bool,
    /// The indentation, past the margin, of its first and of its last line.
    indent: [usize; 2],
    /// The width in columns of the label its first line starts with, if any.
    label_width: Option<usize>,
    /// The line breaks around it that the text cannot decide (see [`undecided`]).
    pub undecided: Undecided,
}

/// What the whole text says about its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shape {
    /// How line breaks are read.
    pub layout: Layout,
    /// The indentation every non-blank line shares (a converter's left margin).
    pub margin: usize,
    /// The width lines are wrapped at, where they are.
    pub width: Option<usize>,
    /// Whether a wrapped text also separates its paragraphs by blank lines (lynx,
    /// w3m, pandoc): then a single line break only ever wraps.
    pub blank_separated: bool,
    /// Whether a document reader gave the paragraphs: a single line break inside
    /// one never ends it.
    pub known_paragraphs: bool,
    /// Whether the lines inside a known paragraph are printed lines, wrapped where
    /// the page ended them: no line of one starts a unit.
    pub printed_lines: bool,
    /// The width in display columns of a text wrapped greedily in fixed columns
    /// (a terminal browser, html2text, pandoc): every line that surely runs on is
    /// one the next line's first word would not have fitted after.
    pub greedy: Option<usize>,
    /// Whether most paragraphs that blank lines end end on a word, without a mark (the
    /// goals and targets of a programme, items of a list): a paragraph that ends so
    /// was not cut by a page end, however long its line.
    pub open_ends: bool,
    /// Whether the user said that every line is a paragraph (`--layout lines`): no
    /// line is joined to another, but a paragraph's number alone to its text.
    pub lines_given: bool,
}

impl Shape {
    /// A line's indentation past the margin.
    pub fn indent(&self, line: &Line) -> usize {
        line.indent.saturating_sub(self.margin)
    }

    /// Whether a line of `len` characters, indented by `indent` columns, reaches the
    /// wrapping width: it was cut there, not ended.
    /// A line that ends a clause must come closer to the width than one cut in the
    /// middle of a sentence: Chinese breaks anywhere, so its wrapped lines are all but
    /// full; words leave up to a quarter of a line free, but a line that ends a
    /// sentence and is not all but full ended its paragraph more often than not.
    fn is_full(&self, profile: &Profile, len: usize, indent: usize, ends_clause: bool) -> bool {
        let indent_chars = self.indent_chars(profile, indent);
        let (num, den) = match (profile.has_case, ends_clause) {
            (true, true) => (19, 20),
            (true, false) => (3, 4),
            (false, _) => (9, 10),
        };
        self.width.is_some_and(|w| (len + indent_chars) * den >= w * num)
    }

    /// The display columns of a line's last printed line, where a greedy wrap is
    /// read by them (nothing else asks).
    fn columns_of(&self, line: &Line) -> usize {
        if self.greedy.is_some() { last_columns(line, self.margin) } else { 0 }
    }

    /// An indentation in display columns as characters of the script (a Chinese
    /// character is two columns wide).
    pub fn indent_chars(&self, profile: &Profile, indent: usize) -> usize {
        if profile.has_case { indent } else { indent / 2 }
    }

    /// Whether a line is far longer than the width: lines an extractor already joined
    /// (pdftotext joins the halves of a hyphenated word, and with them their lines).
    /// Its length says nothing of where it ends; its punctuation does.
    fn is_overlong(&self, len: usize) -> bool {
        self.width.is_some_and(|w| len * 4 > w * 5)
    }
}

/// Decides the layout of the text (unless the user did) from all its lines and their
/// [`readings`].
pub(super) fn shape(profile: &Profile, lines: &[Line], read: &[Reading], forced: Option<Layout>) -> Shape {
    let margin = lines.iter().filter(|l| !l.is_blank()).map(|l| l.indent).min().unwrap_or(0);
    let width = wrap_width(profile, lines, read, margin);
    let layout = forced.unwrap_or_else(|| {
        let text: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
        let runs_on = lines.windows(2).filter(|w| !w[0].is_blank() && !w[1].is_blank()).count();
        if runs_on * 5 < text.len() {
            // Blank lines end four paragraphs in five: they are the paragraph breaks.
            Layout::Blank
        } else if width.is_some() {
            Layout::Wrapped
        } else if runs_on * 2 >= text.len() {
            Layout::Lines
        } else {
            Layout::Blank
        }
    });
    let width = if layout == Layout::Lines { None } else { width };
    let blank_separated = width.is_some_and(|w| {
        // The lines that end short of the width: paragraph ends, headings. Do blank
        // lines follow them?
        let columns = |l: &Line| l.physical[1] + l.indent.saturating_sub(margin) / if profile.has_case { 1 } else { 2 };
        let short: Vec<bool> = lines
            .windows(2)
            .filter(|p| !p[0].is_blank() && columns(&p[0]) * 4 < w * 3)
            .map(|p| p[1].is_blank())
            .collect();
        short.len() >= 3 && short.iter().filter(|&&b| b).count() * 5 >= short.len() * 4
    });
    let greedy = if layout == Layout::Lines { None } else { greedy_width(profile, lines, margin) };
    let open_ends = open_ends(profile, lines, read);
    let lines_given = forced == Some(Layout::Lines);
    Shape {
        layout,
        margin,
        width,
        blank_separated,
        known_paragraphs: false,
        printed_lines: false,
        greedy,
        open_ends,
        lines_given,
    }
}

/// Whether two in three of the long lines before a blank line, and at least three,
/// end on a word, not on a mark that ends a clause. A text whose paragraphs end with
/// a full stop or a semicolon (a treaty) has such a line only where a page end cut a
/// paragraph, once a page at most, among several paragraphs; a list of goals or
/// targets ends nearly every paragraph so, and a blank line after one is its end.
/// Headings, labels, signatures and short lines (titles, captions) are not counted.
fn open_ends(profile: &Profile, lines: &[Line], read: &[Reading]) -> bool {
    let (mut ends, mut open) = (0usize, 0usize);
    for (w, r) in lines.windows(2).zip(read) {
        let text = w[0].text.as_str();
        if w[0].is_blank() || !w[1].is_blank() || r.starts_unit || text.chars().count() * 5 < profile.max_wrap_width {
            continue;
        }
        ends += 1;
        open += usize::from(!text.ends_with(profile.clause_enders) && (profile.ends_open)(text));
    }
    open >= 3 && open * 3 >= ends * 2
}

/// The width in display columns of the last printed line of `line` (after a
/// hyphenation join, the tail of its text), with its indentation past `margin`.
fn last_columns(line: &Line, margin: usize) -> usize {
    let tail: usize = line.text.chars().rev().take(line.physical[1]).map(columns).sum();
    line.indent.saturating_sub(margin) + tail
}

/// The width in display columns of a text's first word: up to its first break
/// opportunity (UAX #14) that is not after a hyphen, the space after it left out.
/// Terminal browsers and pandoc do not break `научно-исследовательскими`. A Chinese
/// line's first word is one character, or more where a line may not break (`。` does
/// not start one).
fn lead_columns(text: &str) -> usize {
    lead_word(text).chars().map(columns).sum()
}

/// A text's first word, as [`lead_columns`] measures it.
fn lead_word(text: &str) -> &str {
    let cut = unicode_linebreak::linebreaks(text)
        .map(|(i, _)| i)
        .find(|&i| !text[..i].ends_with(['-', '\u{2010}']))
        .unwrap_or(text.len());
    text[..cut].trim_end()
}

/// Whether the first word of `next` would have fitted after a line `line` columns wide in
/// a text wrapped greedily at `width` columns.
fn would_fit(profile: &Profile, line: usize, next: &str, width: usize) -> bool {
    let joiner: usize = profile.line_joiner.chars().map(columns).sum();
    line + joiner + lead_columns(next) <= width
}

/// The width of a text wrapped greedily in fixed columns, if it is one: of the line
/// breaks that surely fall inside a sentence (a word or character of the script on
/// both sides, in lower case where there is case), hardly any has a next word that
/// would have fitted on the line (a proportional font gives many). The width is the
/// widest line that runs on.
fn greedy_width(profile: &Profile, lines: &[Line], margin: usize) -> Option<usize> {
    let script = |c: char| chars::is_alphabetic(c) && (profile.is_script_char)(c);
    let inside: Vec<(&Line, &Line)> = lines
        .windows(2)
        .filter(|w| !w[0].is_blank() && !w[1].is_blank() && !starts_unit(profile, &w[1].text))
        .filter(|w| {
            let (last, first) = (w[0].text.chars().last(), w[1].text.chars().next());
            last.is_some_and(script) && first.is_some_and(|c| script(c) && (!profile.has_case || c.is_lowercase()))
        })
        .map(|w| (&w[0], &w[1]))
        .collect();
    if inside.len() < 8 {
        return None;
    }
    let width = inside.iter().map(|(a, _)| last_columns(a, margin)).max()?;
    let fitted = inside.iter().filter(|(a, b)| would_fit(profile, last_columns(a, margin), &b.text, width)).count();
    (fitted * 50 <= inside.len()).then_some(width)
}

/// The lines of a wrapped text that has a blank line after every line, without
/// those blank lines; `None` for any other text. Two blank lines in a row, or one
/// where a page ended, still stand.
pub(super) fn single_spaced(
    profile: &Profile,
    lines: &[Line],
    forced: Option<Layout>,
) -> Option<(Vec<Line>, Vec<Reading>)> {
    if matches!(forced, Some(Layout::Blank | Layout::Lines)) {
        return None;
    }
    let text = lines.iter().filter(|l| !l.is_blank()).count();
    let spaced = lines.windows(3).filter(|w| !w[0].is_blank() && w[1].is_blank() && !w[2].is_blank()).count();
    if text < 10 || spaced * 10 < text * 9 {
        return None;
    }
    let kept: Vec<Line> = lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| {
            let lone_blank = l.is_blank()
                && !l.page_break
                && i > 0
                && !lines[i - 1].is_blank()
                && lines.get(i + 1).is_some_and(|n| !n.is_blank());
            !lone_blank
        })
        .map(|(_, l)| l.clone())
        .collect();
    let margin = kept.iter().filter(|l| !l.is_blank()).map(|l| l.indent).min().unwrap_or(0);
    let read = readings(profile, &kept);
    wrap_width(profile, &kept, &read, margin).map(|_| (kept, read))
}

/// The width of a hard-wrapped text, if it is one: most lines that run on to the next
/// line are about as long as the longest of them, and few of them end a sentence or a
/// clause (lines that are whole paragraphs mostly do).
fn wrap_width(profile: &Profile, lines: &[Line], read: &[Reading], margin: usize) -> Option<usize> {
    let running: Vec<&Line> = lines
        .windows(2)
        .zip(read.windows(2))
        .filter(|(w, r)| !w[0].is_blank() && !w[1].is_blank() && !r[1].starts_unit && !r[0].heading)
        .map(|(w, _)| &w[0])
        .collect();
    if running.len() < 3 {
        return None;
    }
    let columns = |l: &Line| {
        let indent = l.indent.saturating_sub(margin);
        l.physical[0] + if profile.has_case { indent } else { indent / 2 }
    };
    // Lines an extractor joined are far longer than the rest; the width is read from
    // those that could have been wrapped.
    let mut lengths: Vec<usize> =
        running.iter().map(|l| columns(l)).filter(|&n| n <= profile.max_wrap_width * 5 / 4).collect();
    if lengths.len() < 3 {
        return None;
    }
    lengths.sort_unstable();
    // Chinese breaks anywhere, so its wrapped lines are all but full; words leave up
    // to a quarter of a line free.
    let band = if profile.has_case { (3, 4) } else { (9, 10) };
    let width = densest_width(&lengths, band);
    let near: Vec<&&Line> = running.iter().filter(|l| columns(l) * band.1 >= width * band.0).collect();
    // Most lines of a wrapped text are in the band itself, not beyond it.
    let in_band = near.iter().filter(|l| columns(l) <= width).count();
    let punctuated = near.iter().filter(|l| l.text.ends_with(profile.clause_enders)).count();
    (width <= profile.max_wrap_width
        && near.len() * 2 >= running.len()
        && in_band * 5 >= running.len() * 2
        && punctuated * 2 < near.len())
    .then_some(width)
}

/// The width that most lines end just short of: the `w` for which most of the sorted
/// `lengths` fall between `num/den` of `w` and `w` (ties go to the wider). Wrapped
/// lines pile up there; the last lines of paragraphs spread below it.
fn densest_width(lengths: &[usize], (num, den): (usize, usize)) -> usize {
    let (mut best, mut best_count) = (lengths[lengths.len() - 1], 0);
    let mut low = 0;
    for (high, &w) in lengths.iter().enumerate() {
        while lengths[low] * den < w * num {
            low += 1;
        }
        let count = high + 1 - low;
        if count >= best_count {
            (best, best_count) = (w, count);
        }
    }
    best
}

/// Whether a paragraph right before an article is the heading of a group of articles
/// (`程序`, `Голосование`): short, unnumbered, ending no clause.
pub(super) fn is_group_heading(profile: &Profile, text: &str) -> bool {
    let short = text.chars().count() <= if profile.has_case { 60 } else { 20 };
    short && !text.ends_with(profile.clause_enders) && (profile.label)(text).is_none()
}

/// Whether a line starts a unit of its own, so that nothing joins onto it.
pub(super) fn starts_unit(profile: &Profile, text: &str) -> bool {
    (profile.heading)(text).is_some() || opens_unit(profile, text) || is_caps_line(profile, text)
}

/// Whether a line starts a unit other than as a heading or in capitals: with a label,
/// or as a signature or the closing formula.
fn opens_unit(profile: &Profile, text: &str) -> bool {
    (profile.label)(text).is_some() || (profile.is_signature)(text) || (profile.is_closing)(text)
}

/// What the rules ask of a line's own text, read once for each line before the layout
/// is decided and the lines are joined.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Reading {
    /// Whether it is a heading.
    heading: bool,
    /// Whether it is in capitals ([`is_caps_line`]).
    caps: bool,
    /// Whether it starts a unit of its own ([`starts_unit`]).
    starts_unit: bool,
}

/// The [`Reading`] of each line (of a blank line, none), on every thread.
pub(super) fn readings(profile: &Profile, lines: &[Line]) -> Vec<Reading> {
    lines.par_iter().map(|l| if l.is_blank() { Reading::default() } else { Reading::of(profile, &l.text) }).collect()
}

impl Reading {
    /// The reading of a line with text.
    fn of(profile: &Profile, text: &str) -> Self {
        let heading = (profile.heading)(text).is_some();
        let caps = is_caps_line(profile, text);
        Reading { heading, caps, starts_unit: heading || caps || opens_unit(profile, text) }
    }
}

/// A line in capitals (`И В ЭТИХ ЦЕЛЯХ`, `ГОЛОСОВАНИЕ`) stands alone in scripts with case.
pub(super) fn is_caps_line(profile: &Profile, text: &str) -> bool {
    if !profile.has_case {
        return false;
    }
    let (mut letters, mut upper) = (0usize, 0usize);
    // Four capitals are needed for each small letter; the characters left bound the
    // letters left, so most lines are told apart early.
    let mut left = text.chars().count();
    for c in text.chars() {
        left -= 1;
        if !chars::is_alphabetic(c) {
            continue;
        }
        letters += 1;
        upper += usize::from(chars::is_uppercase(c));
        let short = 4 * (letters - upper);
        if short > upper && short - upper > left {
            return false;
        }
    }
    if !(letters >= 3 && upper * 10 >= letters * 8) {
        return false;
    }
    // Roman numerals are no words in capitals (`VIII и XII.`, a line that goes on
    // `…в Главах VI, VII,`).
    if text.contains(['I', 'V', 'X', 'L', 'C', 'D', 'M']) {
        let words = text.split(|c: char| !chars::is_alphabetic(c)).filter(|w| !w.is_empty());
        let (letters, upper) = words.filter(|w| crate::lang::parse_roman(w).is_none()).fold((0, 0), |(l, u), w| {
            (l + w.chars().count(), u + w.chars().filter(|&c| chars::is_uppercase(c)).count())
        });
        return letters >= 3 && upper * 10 >= letters * 8;
    }
    true
}

/// Why two lines were joined, as the repair says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// A line cut at the wrapping width, or a continuation line of a hanging indent.
    Wrap,
    /// A sentence that runs on across a page end (page furniture removed between).
    PageBreak,
    /// A sentence that runs on across a blank line.
    BlankLine,
    /// A paragraph number alone on its line, and the text after it.
    Label,
}

impl Join {
    fn why(self) -> &'static str {
        match self {
            Join::Wrap => "hard-wrapped line",
            Join::PageBreak => "paragraph broken at a page end",
            Join::BlankLine => "paragraph broken by a blank line",
            Join::Label => "paragraph number alone on its line",
        }
    }
}

/// Where two lines meet: directly, across blank lines, or across a page end whose
/// furniture was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Blank,
    Page,
}

/// Rebuilds paragraphs from lines, reporting each join.
pub(super) fn paragraphs(
    profile: &Profile,
    shape: &Shape,
    lines: &mut [Line],
    read: &[Reading],
    repairs: &mut Vec<Repair>,
) -> Vec<Para> {
    let mut paras: Vec<Para> = Vec::new();
    let mut gap = Gap::None;
    // Whether a blank line, not only a form feed, stands in the gap.
    let mut blank = false;
    // Before the first heading, a line that opens a recital after a clause starts a
    // paragraph, whatever its length says.
    let mut preamble = true;
    // Whether the last paragraph starts right after a heading, and whether it is one.
    let (mut last_after_heading, mut last_heading) = (false, false);
    // Whether the next line with text after each is a heading.
    let mut heading_next = vec![false; lines.len()];
    for i in (0..lines.len().saturating_sub(1)).rev() {
        heading_next[i] = if lines[i + 1].is_blank() { heading_next[i + 1] } else { read[i + 1].heading };
    }
    for (i, line) in lines.iter_mut().enumerate() {
        if line.is_blank() {
            gap = if line.page_break || gap == Gap::Page { Gap::Page } else { Gap::Blank };
            blank |= !line.page_break;
            continue;
        }
        if line.page_break {
            // A form feed before the line's text.
            gap = Gap::Page;
        }
        preamble &= !read[i].heading;
        // A reader of printed pages writes a bare form feed where a paragraph goes
        // on over the page end, unless a numbered unit starts the page: a last line
        // that all but filled its page says nothing of where the paragraph ended.
        // Where paragraphs end on a word as a rule, a page that starts with a capital
        // or a number starts a paragraph: the text's own rule decides
        // (`Meeting::across_page`).
        let capital = shape.open_ends && profile.has_case && !line.text.starts_with(char::is_lowercase);
        let printed_page = shape.printed_lines && gap == Gap::Page && !blank && !read[i].starts_unit && !capital;
        let joined = if printed_page {
            paras.last().map(|_| Join::PageBreak)
        } else {
            let at = Place {
                gap,
                preamble,
                before_heading: heading_next[i],
                first: paras.len() == 1,
                after_heading: last_after_heading,
            };
            paras.last().and_then(|p| join(profile, shape, p, line, read[i], at))
        };
        let open = paras.last().is_some_and(|p| undecided(profile, shape, p, line, read[i], gap));
        match (joined, paras.last_mut()) {
            (Some(kind), Some(p)) => {
                repairs.push(Repair {
                    kind: RepairKind::Join,
                    line: line.first,
                    message: format!(
                        "joined line {} to line {} ({}): …{}",
                        line.first,
                        p.last,
                        kind.why(),
                        shorten(&line.text, 40)
                    ),
                });
                if kind != Join::Label {
                    p.text.push_str(profile.line_joiner);
                } else if profile.has_case {
                    p.text.push(' ');
                }
                if open {
                    p.undecided.splits.push((p.text.len(), line.first));
                }
                p.text.push_str(&line.text);
                p.last = line.last;
                p.last_len = line.physical[1];
                p.last_columns = shape.columns_of(line);
                p.indent[1] = shape.indent(line);
                p.joined = true;
                p.caps = p.caps && read[i].caps;
            }
            _ => {
                last_after_heading = last_heading;
                last_heading = read[i].heading;
                let indent = shape.indent(line);
                let label_width = (profile.label)(&line.text)
                    .map(|l| l.printed.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>() + 1);
                let last_columns = shape.columns_of(line);
                paras.push(Para {
                    // Each line is read once, here: its text is taken, not copied.
                    text: std::mem::take(&mut line.text),
                    first: line.first,
                    last: line.last,
                    last_len: line.physical[1],
                    last_columns,
                    joined: false,
                    caps: read[i].caps,
                    indent: [indent; 2],
                    label_width,
                    undecided: Undecided { splits: Vec::new(), joins_previous: open },
                })
            }
        }
        gap = Gap::None;
        blank = false;
    }
    paras
}

/// Where in the text a line is.
#[derive(Debug, Clone, Copy)]
struct Place {
    /// What stands between it and the paragraph before.
    gap: Gap,
    /// Whether no heading came yet: the lines are the title and the preamble.
    preamble: bool,
    /// Whether a heading is the next line with text.
    before_heading: bool,
    /// Whether the paragraph before is the text's first: it may be the title.
    first: bool,
    /// Whether the paragraph before starts right after a heading: it may be its title.
    after_heading: bool,
}

/// Where a paragraph meets the next line: everything a join is decided on.
struct Meeting<'a> {
    profile: &'a Profile,
    shape: &'a Shape,
    p: &'a Para,
    next: &'a Line,
    /// What `next` is.
    reading: Reading,
    gap: Gap,
    /// Whether no heading came yet: the lines are the title and the preamble.
    preamble: bool,
    /// Whether `p` is the text's first paragraph.
    first: bool,
    /// Whether `p` starts right after a heading.
    after_heading: bool,
}

/// Whether `next` continues the paragraph `p`, and why. The rules, in order: a number
/// alone takes its text; a line cut at the width runs on; a paragraph a reader gave
/// keeps its lines; a unit's start stands apart; a heading goes on in lower case;
/// indentation; a heading, signature or line in capitals stands alone; a recital
/// starts a paragraph; then what the gap and the layout say.
fn join(profile: &Profile, shape: &Shape, p: &Para, next: &Line, reading: Reading, at: Place) -> Option<Join> {
    let Place { gap, preamble, before_heading, first, after_heading } = at;
    let m = Meeting { profile, shape, p, next, reading, gap, preamble, first, after_heading };
    // A short line right before an article heads a group of articles (`程序` /
    // `第二十八条`), unless it goes on a heading: in lower case, inside a paragraph a
    // reader gave, or after a heading that filled its line (`第七章：…及` /
    // `侵略行为之应付办法`).
    let goes_on_heading =
        || m.heading_goes_on() || (shape.known_paragraphs && gap == Gap::None) || (m.heading_alone() && m.full());
    if before_heading && is_group_heading(profile, &next.text) && !goes_on_heading() {
        return None;
    }
    let label_alone = !p.joined && (profile.label)(&p.text).is_some_and(|l| l.rest.is_empty());
    if label_alone && !reading.starts_unit {
        return Some(Join::Label);
    }
    if shape.lines_given {
        return None;
    }
    // Two signatures one under the other are two, however short the width read from
    // a short text (`За Правительство Российской Федерации` / `За Правительство …`).
    if (profile.is_signature)(&p.text) && (profile.is_signature)(&next.text) {
        return None;
    }
    if m.cut_line() || m.greedy_wrap() {
        return Some(Join::Wrap);
    }
    if shape.known_paragraphs && gap != Gap::Page {
        return m.inside_known_paragraph();
    }
    if reading.starts_unit && !m.caps_wrapped() {
        return None;
    }
    // A long heading wraps onto a centred line, deeper than its own (pdftotext -layout).
    if m.heading_goes_on() {
        return Some(if gap == Gap::None { Join::Wrap } else { Join::BlankLine });
    }
    if m.centred_run_on() {
        return Some(Join::Wrap);
    }
    if let Some(by_indent) = m.by_indent() {
        return by_indent;
    }
    if m.stands_alone() || m.new_recital() {
        return None;
    }
    let last = p.text.chars().last()?;
    let first = next.text.chars().next()?;
    let next_lower = first.is_lowercase() || first.is_ascii_digit();
    match gap {
        Gap::Page => m.across_page(last, next_lower),
        Gap::Blank => m.across_blank(last, next_lower),
        Gap::None => m.across_line_end(last, next_lower),
    }
}

impl Meeting<'_> {
    /// Whether the paragraph's last line reaches the wrapping width: in a greedy
    /// wrap, whether the next line's first word would not have fitted after it.
    fn full(&self) -> bool {
        if let Some(width) = self.shape.greedy {
            return !would_fit(self.profile, self.p.last_columns, &self.next.text, width);
        }
        // Capitals are wider than small letters in every proportional face: a line
        // of them fills the width with about a quarter fewer characters.
        let len = if self.p.caps { self.p.last_len * 4 / 3 } else { self.p.last_len };
        self.shape.is_full(self.profile, len, self.p.indent[1], ends_with_mark(self.profile, &self.p.text))
    }

    /// In a text wrapped in a proportional face (not in fixed columns, where
    /// [`Meeting::full`] is exact), whether the next line's first word
    /// would hardly have fitted after the paragraph's last line: within a fifth of the
    /// width, counted in characters (each capital a third wider). Wide letters and long
    /// words leave a line cut inside a sentence well short of the width
    /// (`…Организации или Советом` / `Безопасности или…`).
    fn crowded(&self) -> bool {
        let (p, profile) = (self.p, self.profile);
        // A title ends without a mark, and the text starts after it with a capital.
        if self.first {
            return false;
        }
        // Characters, each capital counted a third wider (`…в Главах VI, VII,` / `VIII`).
        let measure = |text: &str| -> usize {
            let (n, capitals) = text.chars().fold((0, 0), |(n, c), ch| (n + 1, c + usize::from(ch.is_uppercase())));
            n + capitals / 3
        };
        let tail_at = p.text.char_indices().rev().nth(p.last_len.saturating_sub(1)).map_or(0, |(i, _)| i);
        let word = measure(lead_word(&self.next.text));
        let joiner = profile.line_joiner.chars().count();
        let indent = self.shape.indent_chars(profile, p.indent[1]);
        self.shape.greedy.is_none()
            && self.shape.width.is_some_and(|w| (measure(&p.text[tail_at..]) + joiner + word + indent) * 5 >= w * 4)
    }

    /// Whether a recital opens after a clause that ended. Where the paragraph's first
    /// line was indented, a line back near the margin goes on with it, whatever word it
    /// starts with (`  认为新的安全挑战…只有共同努力，` / `遵循协商一致的…`).
    fn new_recital(&self) -> bool {
        let backs_out = self.p.indent[0] > 0 && self.shape.indent(self.next) * 2 < self.p.indent[0];
        self.preamble
            && !backs_out
            && self.profile.opens_recital(&self.next.text)
            && self.p.text.ends_with(self.profile.clause_enders)
    }

    /// A line cut at the width runs on, whatever the next line looks like, unless that
    /// is a heading or a numbered paragraph: a wrapped line may end in `代表` or be in
    /// capitals without being a signature or a heading. A number alone after a cut
    /// line is the end of its sentence (`статей 34 и` / `35.`).
    fn cut_line(&self) -> bool {
        let (profile, p, next) = (self.profile, self.p, self.next);
        let cut = self.gap == Gap::None
            && (self.shape.layout == Layout::Wrapped || self.shape.greedy.is_some())
            && self.full()
            && !(self.shape.is_overlong(p.last_len) && ends_clause(profile, &p.text));
        // What follows asks only of a line that was cut.
        if !cut {
            return false;
        }
        let numbered = self.reading.heading || (profile.label)(&next.text).is_some_and(|l| !l.rest.is_empty());
        let after_clause_stands_alone =
            (ends_clause(profile, &p.text) || self.heading_alone()) && self.reading.starts_unit;
        // Words in capitals after a line that is not (`…при большей свободе,` /
        // `И В ЭТИХ ЦЕЛЯХ`): a sentence does not go on in capitals for three words.
        let caps_after_text = !p.caps && self.reading.caps && next.text.split_whitespace().nth(2).is_some();
        // A lead-in (`… в целях:`) and the capitalised item of a list after it.
        let lead_in = profile.has_case
            && p.text.ends_with(profile.marks.colons)
            && next.text.chars().next().is_some_and(char::is_uppercase);
        // In a greedy wrap, a line cut inside a word of the script runs on even where
        // the next line looks numbered (`…三分之` / `二、包括…`).
        // So does a full line before a paragraph number in any wrapped text: a
        // paragraph ends with a mark, not inside a word.
        let inside_word = p.text.chars().last().is_some_and(|c| chars::is_alphabetic(c) && (profile.is_script_char)(c));
        let heading = self.reading.heading;
        (!numbered || (inside_word && (self.shape.greedy.is_some() || !heading)))
            && !lead_in
            && !self.new_recital()
            && !after_clause_stands_alone
            && !caps_after_text
            && self.shape.indent(next) <= p.indent[1]
    }

    /// In a greedy wrap whose paragraphs are separated by blank lines, a single line
    /// break that the next word did not fit before is a wrap, whatever the next line
    /// starts with (`认识到` / `第二十条` inside a sentence).
    fn greedy_wrap(&self) -> bool {
        self.gap == Gap::None && self.shape.greedy.is_some() && self.shape.blank_separated && self.full()
    }

    /// A line break inside a paragraph the document reader gave: only a heading or a
    /// numbered paragraph after it, or a heading before it that the next line does not
    /// go on in lower case, stands apart. A blank line ends a paragraph. A long heading
    /// wraps onto a centred line of its own (`Глава VII: … актов` / `агрессии`).
    fn inside_known_paragraph(&self) -> Option<Join> {
        let (profile, p, next) = (self.profile, self.p, self.next);
        // Printed lines run on whatever the next starts with, but after a line that ends
        // a sentence, a heading or a numbered paragraph stands apart: where lines are
        // evenly spaced, a line that ends a sentence may fill the width by chance
        // (`…官方文件。` / `第二条 目的`).
        let numbered = (!self.shape.printed_lines || ends_with_mark(profile, &p.text))
            && (self.reading.heading || (profile.label)(&next.text).is_some());
        let goes_on = next.text.chars().next().is_some_and(char::is_lowercase);
        let heading = if p.joined { None } else { (profile.heading)(&p.text) };
        let heading_alone = heading.as_ref().is_some_and(|h| !h.rest_is_body) && !goes_on;
        let heading_goes_on = heading.is_some_and(|h| !h.rest_is_body && !h.rest.is_empty()) && goes_on;
        // A printed line that runs on is a wrap, a heading's too (`第七章：…及` /
        // `侵略行为之应付办法`): the reader ended the paragraph where the line ended short.
        let printed = self.gap == Gap::None && self.shape.printed_lines && !numbered;
        ((self.gap == Gap::None && !numbered && !heading_alone) || heading_goes_on || printed).then_some(Join::Wrap)
    }

    /// Whether the next line is the next line of a centred paragraph
    /// (`pdftotext -layout` of a preamble set centred): deeper than the line above
    /// (and than a first-line indent, unless that line was cut inside a sentence), centred on the width, after a line that had no
    /// room left for its first word and ended no clause. `pdftotext -layout` sets an
    /// ideograph in one column, a terminal browser in two: a Chinese line may be
    /// centred either way.
    fn centred_run_on(&self) -> bool {
        /// The least indentation, in columns, of a centred line taken for one: a
        /// first-line indent is less (two ideographs, or 1.25 cm of Russian).
        const LEAST_INDENT: usize = 8;
        let (profile, shape, p, next) = (self.profile, self.shape, self.p, self.next);
        let Some(width) = shape.width else {
            return false;
        };
        let indent = shape.indent(next);
        // Cut inside a sentence (on a word, a dash), a line is followed by no
        // paragraph's first line: however shallow, a centred line goes on with it.
        let mid_sentence =
            p.text.chars().last().is_some_and(|c| chars::is_alphanumeric(c) || matches!(c, '–' | '—' | '-'));
        // A Chinese line ends in an ideograph wherever it was cut, a paragraph's last
        // line too: deeper than a first-line indent of two ideographs, then.
        let least = match (mid_sentence, profile.has_case) {
            (false, _) => LEAST_INDENT,
            (true, true) => 1,
            (true, false) => 5,
        };
        if self.gap != Gap::None || shape.known_paragraphs || indent < least || indent <= p.indent[1] {
            return false;
        }
        // As printed: a justified line's stretched spaces would make it look centred.
        let len = next.printed;
        let ones: &[usize] = if profile.has_case { &[1] } else { &[1, 2] };
        // As deep on the left as short on the right, within a tenth of the width; and
        // short on the right by half its indent at least: a first line indented a
        // little and then full (`    到2030年，…`) is no centred line.
        let centred = ones.iter().any(|&per_char| {
            let left = indent / per_char;
            let right = width.saturating_sub(left + len);
            (2 * left + len).abs_diff(width) <= (width / 10).max(3) && 2 * right >= left
        });
        // Chinese breaks anywhere: a line all but full had no room.
        let no_room = if profile.has_case {
            let lead = lead_word(&next.text).chars().count();
            p.last_len + profile.line_joiner.chars().count() + lead + 1 > width
        } else {
            shape.is_full(profile, p.last_len, p.indent[1], false)
        };
        centred && no_room && !ends_clause(profile, &p.text)
    }

    /// What indentation decides, if anything: a line deeper than the one before is a
    /// continuation line of a hanging indent (`1.  text` / `    more text`) or else a
    /// first-line indent that starts a paragraph; backing out of a hanging indent
    /// starts the next paragraph.
    fn by_indent(&self) -> Option<Option<Join>> {
        let p = self.p;
        let indent = self.shape.indent(self.next);
        if self.gap == Gap::None && indent > p.indent[1] {
            let hanging = p.label_width.is_some_and(|w| indent <= p.indent[0] + w + 4);
            return Some(hanging.then_some(Join::Wrap));
        }
        if self.gap == Gap::None && p.joined && p.indent[1] > p.indent[0] && indent < p.indent[1] {
            return Some(None);
        }
        None
    }

    /// A heading with a title that the next line, on this page, goes on in lower case
    /// (`Глава VII: … и актов` / `агрессии`): a long heading wrapped.
    fn heading_goes_on(&self) -> bool {
        let (profile, p, next) = (self.profile, self.p, self.next);
        profile.has_case
            && self.gap != Gap::Page
            && !p.joined
            && next.text.chars().next().is_some_and(char::is_lowercase)
            && (profile.heading)(&p.text).is_some_and(|h| !h.rest_is_body && !h.rest.is_empty())
    }

    /// Capitals wrapped in a proportional face go on in capitals where the next word
    /// would hardly have fitted (`РЕШИЛИ … ДЛЯ ДОСТИЖЕНИЯ` / `ЭТИХ ЦЕЛЕЙ.`).
    fn caps_wrapped(&self) -> bool {
        self.p.caps
            && self.shape.layout == Layout::Wrapped
            && self.gap == Gap::None
            && self.reading.caps
            && !self.reading.heading
            && !ends_clause(self.profile, &self.p.text)
            && self.crowded()
    }

    /// Whether the paragraph is a heading by itself (`Глава X: …`), not a heading
    /// with the body on its line.
    fn heading_alone(&self) -> bool {
        !self.p.joined && (self.profile.heading)(&self.p.text).is_some_and(|h| !h.rest_is_body)
    }

    /// A heading, a signature or lines in capitals stand alone; once a paragraph has
    /// two lines it is neither a heading nor a signature, and looking at all of it for
    /// each line would make a long paragraph cost the square of its length.
    fn stands_alone(&self) -> bool {
        let (profile, p) = (self.profile, self.p);
        (p.caps && !self.caps_wrapped())
            || (!p.joined
                && ((profile.is_signature)(&p.text) || (profile.heading)(&p.text).is_some_and(|h| !h.rest_is_body)))
    }

    /// Whether the next line starts in lower case: where paragraphs end on a word as a
    /// rule, the one sign that a sentence goes on (a number starts an item: `1.2 …`).
    fn goes_on_lower(&self) -> bool {
        self.next.text.starts_with(char::is_lowercase)
    }

    /// A page ended here: a sentence runs on unless the line ended one. In a script
    /// with case, the next page may go on with a capital (`любой Договаривающейся` /
    /// `Стороны`) when the line ended on a word.
    fn across_page(&self, last: char, next_lower: bool) -> Option<Join> {
        let profile = self.profile;
        let ends = profile.sentence_enders.contains(&last)
            || profile.marks.semicolons.contains(&last)
            || profile.marks.colons.contains(&last);
        // Where paragraphs end on a word as a rule, a line that filled the width, or
        // a sentence going on in lower case, tells a cut one.
        let runs_on = if self.shape.open_ends {
            if profile.has_case { self.goes_on_lower() } else { self.full() }
        } else {
            !profile.has_case
                || next_lower
                || (last.is_alphabetic()
                    && (profile.ends_open)(&self.p.text)
                    && !profile.opens_recital(&self.next.text))
        };
        (!ends && runs_on).then_some(Join::PageBreak)
    }

    /// A blank line: a paragraph ends unless its sentence runs on. Without case to go
    /// by, only a long line can have been cut by a page end (`……在打` / `击恐怖主义`); a
    /// short one is a paragraph (`并为达此目的`).
    fn across_blank(&self, last: char, next_lower: bool) -> Option<Join> {
        let (profile, p) = (self.profile, self.p);
        if self.cut_at_comma(last, next_lower) {
            return Some(Join::BlankLine);
        }
        if profile.clause_enders.contains(&last)
            || !(profile.ends_open)(&p.text)
            || profile.opens_recital(&self.next.text)
        {
            return None;
        }
        // Where paragraphs end on a word as a rule, only a sentence going on in lower
        // case tells a cut one.
        if self.shape.open_ends {
            return (profile.has_case && self.goes_on_lower()).then_some(Join::BlankLine);
        }
        let long =
            if self.shape.layout == Layout::Wrapped { self.full() } else { p.last_len * 5 >= profile.max_wrap_width };
        // A short line of its own under a heading, without a mark inside, before a
        // line that starts with a capital: the heading's title (`Статья 1` /
        // `Определения` / `Для целей …`), not a sentence cut — unless it ends on a
        // short word in lower case, as no title does (`сотрудничают с` / `Организацией …`).
        let last_word = p.text.rsplit(char::is_whitespace).next().unwrap_or_default();
        let short_word = last_word.chars().count() <= 3 && last_word.chars().all(char::is_lowercase);
        // A line in lower case under a heading goes on the heading, however long
        // (`Приложение 1` / `к Соглашению между Правительством …, … и …`).
        let short = p.last_len * 2 <= profile.max_wrap_width
            && !p.text.contains(|c: char| profile.marks.ends_clause(c) || profile.marks.commas.contains(&c));
        let title = self.after_heading
            && !p.joined
            && !next_lower
            && !short_word
            && (short || p.text.starts_with(char::is_lowercase));
        let runs_on = if profile.has_case { next_lower || (last.is_lowercase() && !title) } else { long };
        runs_on.then_some(Join::BlankLine)
    }

    /// A line that filled the width and stopped at a comma, and a blank line after it:
    /// an extractor cut the paragraph where the printed line ended (pdfminer puts a
    /// justified line with wide spaces in a box of its own: `Члены   Организации
    /// соглашаются,   в   соответствии   с   настоящим  Уставом,` / blank /
    /// `подчиняться …`). In the preamble a recital may end so and the next begin.
    fn cut_at_comma(&self, last: char, next_lower: bool) -> bool {
        let profile = self.profile;
        let comma = profile.marks.commas.contains(&last) || profile.marks.enumeration.contains(&last);
        comma
            && !self.preamble
            && self.shape.layout == Layout::Wrapped
            && self.full()
            && (next_lower || !profile.has_case)
    }

    /// A single line break, as the layout reads it.
    fn across_line_end(&self, last: char, next_lower: bool) -> Option<Join> {
        let (profile, p, shape) = (self.profile, self.p, self.shape);
        match shape.layout {
            Layout::Lines => None,
            Layout::Wrapped if shape.blank_separated => Some(Join::Wrap),
            Layout::Wrapped => {
                if self.full() && !(shape.is_overlong(p.last_len) && ends_clause(profile, &p.text)) {
                    return Some(Join::Wrap);
                }
                // A short line ends its paragraph, unless it stopped in the middle of
                // a sentence that the next line goes on with in lower case, or ended a
                // clause and all but filled the line, in the measure of a line cut
                // inside a sentence (`…настоящего Устава;` / `однако этот принцип…`).
                // In the preamble a recital starts so (`…, и` / `вновь утвердить`).
                // A line that stopped inside a sentence before a capital runs on where
                // the capitalised word would hardly have fitted (`…или Советом` /
                // `Безопасности…`).
                let inside = !ends_clause(profile, &p.text);
                let goes_on = if next_lower {
                    inside || (!self.preamble && shape.is_full(profile, p.last_len, p.indent[1], false))
                } else {
                    inside && self.crowded()
                };
                (profile.has_case && goes_on).then_some(Join::Wrap)
            }
            Layout::Blank if self.full() => Some(Join::Wrap),
            Layout::Blank => join_in_blank_layout(profile, p, last, next_lower),
        }
    }
}

/// Whether the text cannot decide whether a line break ends a paragraph: a line that
/// ended a sentence or a clause (`…;`, `…, и`) and filled two thirds or more of a width
/// known only roughly (a proportional face, text extracted from a PDF), or a next line
/// in lower case after it. Russian writes `…мер.` / `Эти меры могут…` both inside a
/// paragraph and between two, and `…;` / `однако…` too. The layout decides as it must
/// and records the break; the other language's text settles it (`structure::settle`)
/// where the two texts' paragraph counts differ.
fn undecided(profile: &Profile, shape: &Shape, p: &Para, next: &Line, reading: Reading, gap: Gap) -> bool {
    gap == Gap::None
        && shape.layout == Layout::Wrapped
        && shape.greedy.is_none()
        && !shape.known_paragraphs
        && !p.caps
        && ends_clause(profile, &p.text)
        && (shape.width.is_some_and(|w| (p.last_len + shape.indent_chars(profile, p.indent[1])) * 3 >= w * 2)
            || next.text.chars().next().is_some_and(char::is_lowercase))
        && !reading.starts_unit
        && !reading.caps
        && (p.joined || (profile.heading)(&p.text).is_none_or(|h| h.rest_is_body))
}

/// Whether a text ends a sentence or a clause other than with a comma, or closes an
/// enumerated clause (`…, и`).
fn ends_clause(profile: &Profile, text: &str) -> bool {
    ends_with_mark(profile, text) || !(profile.ends_open)(text)
}

/// Whether a text ends with a mark that ends a sentence or a clause, other than a comma.
fn ends_with_mark(profile: &Profile, text: &str) -> bool {
    text.ends_with(|c: char| profile.clause_enders.contains(&c) && !profile.marks.commas.contains(&c))
}

/// A single line break in a text whose paragraphs are separated by blank lines: a
/// wrap, unless the line ended a sentence or a clause.
fn join_in_blank_layout(profile: &Profile, p: &Para, last: char, next_lower: bool) -> Option<Join> {
    if profile.sentence_enders.contains(&last) {
        return None;
    }
    if !profile.has_case {
        let comma = profile.marks.commas.contains(&last) || profile.marks.enumeration.contains(&last);
        return (!profile.clause_enders.contains(&last) || comma).then_some(Join::Wrap);
    }
    if profile.clause_enders.contains(&last) && !profile.marks.commas.contains(&last) {
        return None;
    }
    let short = p.last_len <= profile.max_wrap_width;
    ((next_lower || short) && (profile.ends_open)(&p.text)).then_some(Join::Wrap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    /// [`is_caps_line`] without telling a line apart early.
    fn caps_read_whole(profile: &Profile, text: &str) -> bool {
        let count = |s: &str| {
            let letters: Vec<char> = s.chars().filter(|&c| chars::is_alphabetic(c)).collect();
            (letters.len(), letters.iter().filter(|&&c| chars::is_uppercase(c)).count())
        };
        let (letters, upper) = count(text);
        if !(profile.has_case && letters >= 3 && upper * 10 >= letters * 8) {
            return false;
        }
        if text.contains(['I', 'V', 'X', 'L', 'C', 'D', 'M']) {
            let words = text.split(|c: char| !chars::is_alphabetic(c)).filter(|w| !w.is_empty());
            let kept: String = words.filter(|w| crate::lang::parse_roman(w).is_none()).collect();
            let (letters, upper) = count(&kept);
            return letters >= 3 && upper * 10 >= letters * 8;
        }
        true
    }

    #[test]
    fn a_line_in_capitals_is_told_early_as_read_whole() {
        let profile = Lang::Ru.profile();
        let charter = include_str!("../../tests/fixtures/un-charter-1945.ru.txt");
        let mut lines: Vec<String> = charter.lines().map(str::to_string).collect();
        lines.extend(
            [
                "ГЛАВА VII",
                "И В ЭТИХ ЦЕЛЯХ",
                "ГОЛОСОВАНИЕ",
                "Главы VI, VII,",
                "ООН и ЮНЕСКО",
                "АБВГд",
                "АБВГДЕЁЖЗи",
                "Ab",
            ]
            .map(String::from),
        );
        lines.extend(charter.lines().take(400).map(str::to_uppercase));
        let mut caps = 0;
        for line in &lines {
            let whole = caps_read_whole(profile, line);
            assert_eq!(is_caps_line(profile, line), whole, "{line:?}");
            caps += usize::from(whole);
        }
        assert!(caps > 100, "{caps}");
        assert!(!is_caps_line(Lang::Zh.profile(), "ABCDEF"));
    }
}
