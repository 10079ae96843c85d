//! The title: the first lines of a text, when they look like one.

use super::layout::{Para, Shape};
use super::line::Line;
use crate::lang::Profile;
use crate::model::Layout;

/// The title of a text, from one or more lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Title {
    /// Its lines, joined with the language's joiner.
    pub text: String,
    /// Its first and last input line.
    pub lines: [usize; 2],
}

/// The most characters a title line has: the name of a bilateral agreement or of a
/// protocol amending one runs long on one line (`о внесении изменений в Соглашение
/// между Правительством … о безвизовых групповых туристических поездках от 14 октября
/// 2004 года`, 166).
const MAX_TITLE_LINE: usize = 250;

/// The most lines a title has (`ДОГОВОР` / `о долгосрочном …` / `государств-членов …`):
/// the name of a bilateral agreement set large in a narrow column takes six
/// (`СОГЛАШЕНИЕ между` / `Правительством Российской` / … / `автомобильном сообщении`).
const MAX_TITLE_LINES: usize = 8;

/// The most lines of a title whose lines are taken one by one until no sentence goes
/// on after them: past as many, a line that is followed by a sentence going on in
/// lower case begins that sentence.
const MAX_SHORT_TITLE_LINES: usize = 5;

/// Splits the title off the text: the first lines, while they are short, end without
/// punctuation and are not headings, labels, signatures or recitals — whether centred
/// or indented — and one of them names a kind of document (条约, ДОГОВОР). Where blank lines separate paragraphs, the title is the first block
/// of such lines, and each one-line block after it (a title set in several
/// paragraphs); with one paragraph per line, the first such lines. In a wrapped text
/// without blank lines, title lines are shorter than the width.
pub(super) fn split_title<'a>(profile: &Profile, shape: &Shape, lines: &'a [Line]) -> (Option<Title>, &'a [Line]) {
    let found = match shape.layout {
        Layout::Lines => leading_lines(profile, shape, lines, false),
        // A title that ends with the kind of document (`…关于国际道路运输的协定`) is
        // one even where no blank line follows it (pdftotext's text of a PDF).
        Layout::Blank => leading_blocks(profile, shape, lines).or_else(|| {
            leading_lines(profile, shape, lines, false)
                .filter(|(taken, _)| taken.last().is_some_and(|l| profile.ends_naming_document(&l.text)))
        }),
        Layout::Wrapped => leading_blocks(profile, shape, lines).or_else(|| leading_lines(profile, shape, lines, true)),
    };
    let Some((mut taken, mut end)) = found else {
        return (None, lines);
    };
    // A sentence that goes on in lower case after it was no title (`МЫ, НАРОДЫ …` /
    // `избавить грядущие поколения …`).
    let goes_on = |rest: &[Line]| {
        profile.has_case
            && rest.iter().find(|l| !l.is_blank()).is_some_and(|l| {
                l.text.chars().next().is_some_and(char::is_lowercase) && !profile.opens_recital(&l.text)
            })
    };
    // Where the lines taken end inside a sentence that goes on, the title may end
    // before it: a title of a few lines, then the first sentence of the preamble
    // set in lines as short (`Государства-члены Шанхайской` / `организации …`).
    while taken.len() > MAX_SHORT_TITLE_LINES && goes_on(&lines[end..]) {
        let last = taken.pop().expect("more lines than none");
        end = lines.iter().position(|l| std::ptr::eq(l, last)).unwrap_or(end);
    }
    let rest = &lines[end..];
    let goes_on = goes_on(rest);
    let total: usize = taken.iter().map(|l| l.text.chars().count()).sum();
    let names_a_document = taken.iter().any(|l| profile.names_document(&l.text));
    if taken.is_empty() || total > 250 || goes_on || !names_a_document || !rest.iter().any(|l| !l.is_blank()) {
        return (None, lines);
    }
    let text = taken.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(profile.line_joiner);
    (Some(Title { text, lines: [taken[0].first, taken[taken.len() - 1].last] }), rest)
}

/// The first paragraph, taken off as the title when no lines were: a title that
/// wrapped at the width of the page (`ДОГОВОР о долгосрочном …` / `… сотрудничества`)
/// is a paragraph like any other until the lines are joined.
pub(super) fn first_paragraph(profile: &Profile, paras: &mut Vec<Para>) -> Option<Title> {
    let first = paras.first()?;
    let text = first.text.as_str();
    let is_title = paras.len() > 1
        && text.chars().count() <= 250
        && !text.ends_with(profile.clause_enders)
        && (profile.heading)(text).is_none()
        && (profile.label)(text).is_none()
        && !(profile.is_signature)(text)
        && !profile.opens_recital(text)
        && profile.names_document(text);
    if !is_title {
        return None;
    }
    let first = paras.remove(0);
    Some(Title { text: first.text, lines: [first.first, first.last] })
}

/// The first lines that may be a title, and the index of the line after them.
fn leading_lines<'a>(
    profile: &Profile,
    shape: &Shape,
    lines: &'a [Line],
    width_ends: bool,
) -> Option<(Vec<&'a Line>, usize)> {
    let start = lines.iter().position(|l| !l.is_blank())?;
    let mut taken: Vec<&Line> = lines[start..]
        .iter()
        .take(MAX_TITLE_LINES)
        .take_while(|l| !l.is_blank() && is_title_line(profile, shape, l, false))
        .collect();
    // A line that ends with the kind of document after its name ends the title
    // (`…合作条约`), not one that is the kind alone (`ДОГОВОР` / `о долгосрочном …`).
    if let Some(k) = taken.iter().position(|l| {
        profile.ends_naming_document(&l.text) && !profile.title_words.iter().any(|w| l.text.trim().to_lowercase() == *w)
    }) {
        taken.truncate(k + 1);
    }
    if width_ends {
        // A title set in a narrow column wraps (`о долгосрочном добрососедстве, дружбе
        // и` / `сотрудничестве`), but its last printed line ends short of the width:
        // lines up to one that does.
        while taken.last().is_some_and(|l| !is_title_line(profile, shape, l, true)) {
            taken.pop();
        }
    }
    let end = start + taken.len();
    Some((taken, end))
}

/// The first block of lines, when all of them may be a title, and the one-line blocks
/// that follow it and may be too; the index of the line after them.
fn leading_blocks<'a>(profile: &Profile, shape: &Shape, lines: &'a [Line]) -> Option<(Vec<&'a Line>, usize)> {
    let start = lines.iter().position(|l| !l.is_blank())?;
    let block_end = |from: usize| lines[from..].iter().position(Line::is_blank).map_or(lines.len(), |i| from + i);
    let mut end = block_end(start);
    let first = &lines[start..end];
    let first_indent = shape.indent(&first[0]);
    let title_like = |l: &Line| is_title_line(profile, shape, l, false);
    // Where a block's later lines are indented deeper, it is a paragraph with a
    // first-line indent, not a title.
    if first.len() > MAX_TITLE_LINES
        || !first.iter().all(title_like)
        || (shape.layout == Layout::Blank && first.iter().skip(1).any(|l| shape.indent(l) > first_indent))
        || end == lines.len()
    {
        return None;
    }
    let mut taken: Vec<&Line> = first.iter().collect();
    while let Some(next) = lines[end..].iter().position(|l| !l.is_blank() || l.page_break).map(|i| end + i) {
        let next_end = block_end(next);
        let gap_has_page_break = lines[end..next].iter().any(|l| l.page_break);
        // A later block is a title line, or a title line wrapped (`о долгосрочном
        // добрососедстве, дружбе` / `и сотрудничестве`).
        if gap_has_page_break
            || next_end == next
            || next_end == lines.len()
            || taken.len() + (next_end - next) > MAX_TITLE_LINES
            || !lines[next..next_end].iter().all(title_like)
        {
            break;
        }
        taken.extend(&lines[next..next_end]);
        end = next_end;
    }
    Some((taken, end))
}

/// Whether a line may be part of a title.
fn is_title_line(profile: &Profile, shape: &Shape, line: &Line, width_ends: bool) -> bool {
    let text = line.text.as_str();
    let len = text.chars().count();
    // A line that comes near the width was cut there, and so was an indented one that
    // reaches it (a first line indented as paragraphs are: `  上海合作组织（以下简称
    // …）…中华人民`), unless it ends with the kind of document (a Chinese title ends
    // so).
    let indent = shape.indent_chars(profile, shape.indent(line));
    let cut_at_width = width_ends && !profile.ends_naming_document(text) && {
        let w = shape.width.unwrap_or(usize::MAX);
        // Of a word joined across a hyphen, the last printed line.
        let len = len.min(line.physical[1].max(1));
        (indent == 0 && len * 4 >= w * 3) || (len + indent) * 20 >= w * 19
    };
    // A bracket or quote the line opens and does not close: a sentence goes on after
    // it (`Государства-члены … (далее – ШОС или`).
    let open = |o: char, c: char| text.chars().filter(|&x| x == o).count() > text.chars().filter(|&x| x == c).count();
    let unclosed = [('(', ')'), ('（', '）'), ('«', '»'), ('“', '”')].into_iter().any(|(o, c)| open(o, c));
    len <= MAX_TITLE_LINE
        && !cut_at_width
        && !unclosed
        && !numbered_lead(text)
        && !text.ends_with(profile.clause_enders)
        && (profile.heading)(text).is_none()
        && (profile.label)(text).is_none()
        && !(profile.is_signature)(text)
        && !(profile.is_closing)(text)
        && (profile.ends_open)(text)
        && !profile.opens_recital(text)
}

/// Whether a line starts with a word and a number with a stop after it (`Цель 1.`,
/// `目标1.`): the heading of a numbered part that no heading rule knows, not a title.
fn numbered_lead(text: &str) -> bool {
    let after_word = text.trim_start_matches(crate::lang::chars::is_alphabetic);
    let word = text[..text.len() - after_word.len()].chars().count();
    let rest = after_word.strip_prefix(' ').unwrap_or(after_word);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    (1..=12).contains(&word)
        && (1..=3).contains(&digits)
        && rest[digits..].starts_with(['.', '．', ':', '：'])
        && !rest[digits..].chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}
