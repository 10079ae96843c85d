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
//!   that reaches the width runs on, a shorter one ends its paragraph.
//!
//! In every layout a paragraph number alone on its line takes the line after it, a
//! hanging indent continues its paragraph, a deeper first-line indent starts one, and
//! a sentence broken at a page end is joined again. Every join is a reported repair,
//! with its reason.

use super::line::{Line, shorten};
use crate::lang::Profile;
use crate::model::{Layout, Repair, RepairKind};

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
    /// Whether lines were joined into it.
    pub joined: bool,
    /// The indentation, past the margin, of its first and of its last line.
    indent: [usize; 2],
    /// The width in columns of the label its first line starts with, if any.
    label_width: Option<usize>,
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
}

impl Shape {
    /// A line's indentation past the margin.
    pub fn indent(&self, line: &Line) -> usize {
        line.indent.saturating_sub(self.margin)
    }

    /// Whether a line of `len` characters, indented by `indent` columns, reaches the
    /// wrapping width: it was cut there, not ended.
    fn is_full(&self, profile: &Profile, len: usize, indent: usize) -> bool {
        let indent_chars = if profile.has_case { indent } else { indent / 2 };
        self.width.is_some_and(|w| (len + indent_chars) * 4 >= w * 3)
    }
}

/// Decides the layout of the text (unless the user did) from all its lines.
pub(super) fn shape(profile: &Profile, lines: &[Line], forced: Option<Layout>) -> Shape {
    let margin = lines.iter().filter(|l| !l.is_blank()).map(|l| l.indent).min().unwrap_or(0);
    let width = wrap_width(profile, lines, margin);
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
    Shape { layout, margin, width: if layout == Layout::Lines { None } else { width } }
}

/// The width of a hard-wrapped text, if it is one: most lines that run on to the next
/// line are about as long as the longest of them, and few of them end a sentence or a
/// clause (lines that are whole paragraphs mostly do).
fn wrap_width(profile: &Profile, lines: &[Line], margin: usize) -> Option<usize> {
    let running: Vec<&Line> = lines
        .windows(2)
        .filter(|w| !w[0].is_blank() && !w[1].is_blank())
        .filter(|w| !starts_unit(profile, &w[1].text) && (profile.heading)(&w[0].text).is_none())
        .map(|w| &w[0])
        .collect();
    if running.len() < 3 {
        return None;
    }
    let columns = |l: &Line| {
        let indent = l.indent.saturating_sub(margin);
        l.physical[0] + if profile.has_case { indent } else { indent / 2 }
    };
    let mut lengths: Vec<usize> = running.iter().map(|l| columns(l)).collect();
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 9 / 10];
    let near: Vec<&&Line> = running.iter().filter(|l| columns(l) * 4 >= width * 3).collect();
    let punctuated = near.iter().filter(|l| l.text.ends_with(profile.clause_enders)).count();
    (width <= profile.max_wrap_width && near.len() * 2 >= running.len() && punctuated * 2 < near.len()).then_some(width)
}

/// Whether a line starts a unit of its own, so that nothing joins onto it.
pub(super) fn starts_unit(profile: &Profile, text: &str) -> bool {
    (profile.heading)(text).is_some()
        || (profile.label)(text).is_some()
        || (profile.is_signature)(text)
        || (profile.is_closing)(text)
        || is_caps_line(profile, text)
}

/// A line in capitals (`И В ЭТИХ ЦЕЛЯХ`, `ГОЛОСОВАНИЕ`) stands alone in scripts with case.
pub(super) fn is_caps_line(profile: &Profile, text: &str) -> bool {
    if !profile.has_case {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 3 && upper * 10 >= letters.len() * 8
}

/// Whether a line opens a recital of a preamble (`鉴于`, `признавая`).
pub(super) fn opens_recital(profile: &Profile, text: &str) -> bool {
    let lower = text.to_lowercase();
    profile.recital_openers.iter().any(|w| lower.starts_with(w))
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
pub(super) fn paragraphs(profile: &Profile, shape: &Shape, lines: &[Line], repairs: &mut Vec<Repair>) -> Vec<Para> {
    let mut paras: Vec<Para> = Vec::new();
    let mut gap = Gap::None;
    for line in lines {
        if line.is_blank() {
            gap = if line.page_break || gap == Gap::Page { Gap::Page } else { Gap::Blank };
            continue;
        }
        if line.page_break {
            // A form feed before the line's text.
            gap = Gap::Page;
        }
        let joined = paras.last().and_then(|p| join(profile, shape, p, line, gap));
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
                        shorten(&line.text)
                    ),
                });
                if kind != Join::Label {
                    p.text.push_str(profile.line_joiner);
                } else if profile.has_case {
                    p.text.push(' ');
                }
                p.text.push_str(&line.text);
                p.last = line.last;
                p.last_len = line.physical[1];
                p.indent[1] = shape.indent(line);
                p.joined = true;
            }
            _ => {
                let indent = shape.indent(line);
                let label_width = (profile.label)(&line.text)
                    .map(|l| l.printed.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>() + 1);
                paras.push(Para {
                    text: line.text.clone(),
                    first: line.first,
                    last: line.last,
                    last_len: line.physical[1],
                    joined: false,
                    indent: [indent; 2],
                    label_width,
                })
            }
        }
        gap = Gap::None;
    }
    paras
}

/// Whether `next` continues the paragraph `p`, and why.
fn join(profile: &Profile, shape: &Shape, p: &Para, next: &Line, gap: Gap) -> Option<Join> {
    let label_alone = !p.joined && (profile.label)(&p.text).is_some_and(|l| l.rest.is_empty());
    if label_alone && !starts_unit(profile, &next.text) {
        return Some(Join::Label);
    }
    // A line cut at the width runs on, whatever the next line looks like, unless that
    // is a heading or a numbered paragraph: a wrapped line may end in `代表` or be in
    // capitals without being a signature or a heading.
    let cut = gap == Gap::None && shape.layout == Layout::Wrapped && shape.is_full(profile, p.last_len, p.indent[1]);
    // A number alone after a cut line is the end of its sentence (`статей 34 и` / `35.`).
    let numbered =
        (profile.heading)(&next.text).is_some() || (profile.label)(&next.text).is_some_and(|l| !l.rest.is_empty());
    if cut && !numbered && shape.indent(next) <= p.indent[1] {
        return Some(Join::Wrap);
    }
    if starts_unit(profile, &next.text) {
        return None;
    }
    let indent = shape.indent(next);
    if gap == Gap::None && indent > p.indent[1] {
        // Deeper than the line before: a continuation line of a hanging indent
        // (`1.  text` / `    more text`), or else a first-line indent that starts a
        // paragraph.
        let hanging = p.label_width.is_some_and(|w| indent <= p.indent[0] + w + 4);
        return hanging.then_some(Join::Wrap);
    }
    if gap == Gap::None && p.joined && p.indent[1] > p.indent[0] && indent < p.indent[1] {
        // Back out of a hanging indent: the next paragraph.
        return None;
    }
    // A heading, a signature or a line in capitals stands alone; once a paragraph has
    // two lines it is none of them, and looking at all of it for each line would make
    // a long paragraph cost the square of its length.
    if !p.joined {
        if is_caps_line(profile, &p.text) || (profile.is_signature)(&p.text) {
            return None;
        }
        if let Some(h) = (profile.heading)(&p.text)
            && !h.rest_is_body
        {
            return None;
        }
    }
    let last = p.text.chars().last()?;
    let first = next.text.chars().next()?;
    let next_lower = first.is_lowercase() || first.is_ascii_digit();
    match gap {
        Gap::Page => {
            // A page ended here: a sentence runs on unless the line ended one. In a
            // script with case, the next page may go on with a capital (`любой
            // Договаривающейся` / `Стороны`) when the line ended on a word.
            let ends = profile.sentence_enders.contains(&last) || matches!(last, ';' | ':' | '；' | '：');
            let runs_on = !profile.has_case
                || next_lower
                || (last.is_alphabetic() && (profile.ends_open)(&p.text) && !opens_recital(profile, &next.text));
            (!ends && runs_on).then_some(Join::PageBreak)
        }
        Gap::Blank => {
            if profile.clause_enders.contains(&last)
                || !(profile.ends_open)(&p.text)
                || opens_recital(profile, &next.text)
            {
                return None;
            }
            // Without case to go by, only a long line can have been cut by a page end
            // (`……在打` / `击恐怖主义`); a short one is a paragraph (`并为达此目的`).
            let long = match shape.width {
                Some(_) => shape.is_full(profile, p.last_len, p.indent[1]),
                None => p.last_len * 3 >= profile.max_wrap_width,
            };
            let runs_on = if profile.has_case { next_lower || last.is_lowercase() } else { long };
            runs_on.then_some(Join::BlankLine)
        }
        Gap::None => match shape.layout {
            Layout::Lines => None,
            Layout::Wrapped => {
                if shape.is_full(profile, p.last_len, p.indent[1]) {
                    return Some(Join::Wrap);
                }
                // A short line ends its paragraph, unless it stopped in the middle of
                // a sentence that the next line goes on with in lower case.
                (profile.has_case && last.is_alphabetic() && next_lower && (profile.ends_open)(&p.text))
                    .then_some(Join::Wrap)
            }
            Layout::Blank if shape.is_full(profile, p.last_len, p.indent[1]) => Some(Join::Wrap),
            Layout::Blank => join_in_blank_layout(profile, p, last, next_lower),
        },
    }
}

/// A single line break in a text whose paragraphs are separated by blank lines: a
/// wrap, unless the line ended a sentence or a clause.
fn join_in_blank_layout(profile: &Profile, p: &Para, last: char, next_lower: bool) -> Option<Join> {
    if profile.sentence_enders.contains(&last) {
        return None;
    }
    if !profile.has_case {
        return (!profile.clause_enders.contains(&last) || last == '，' || last == ',' || last == '、')
            .then_some(Join::Wrap);
    }
    if profile.clause_enders.contains(&last) && !matches!(last, ',') {
        return None;
    }
    let short = p.last_len <= profile.max_wrap_width;
    ((next_lower || short) && (profile.ends_open)(&p.text)).then_some(Join::Wrap)
}
