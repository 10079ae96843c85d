//! Line-level repairs: what PDF and Word conversion leave in a text.
//!
//! Each function takes the lines and returns them repaired, pushing a [`Repair`]
//! for every change. Removed lines become blank, so that what was a page break stays
//! one for the paragraph joiner in [`crate::structure`].

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use unicode_normalization::{UnicodeNormalization, is_nfc};

use crate::lang::{Lang, Profile, chars};
use crate::model::{Repair, RepairKind};
pub use crate::structure::line::Line;
use crate::text::shorten;

fn repair(repairs: &mut Vec<Repair>, kind: RepairKind, line: usize, message: impl Into<String>) {
    repairs.push(Repair { kind, line, message: message.into() });
}

/// Whitespace, invisible characters and Unicode normalisation, line by line.
pub fn normalize(raw: &[&str], repairs: &mut Vec<Repair>) -> Vec<Line> {
    // A left margin that every line has (lynx indents all it writes) is one repair, not
    // one per line.
    let margin = raw.iter().filter(|l| !l.trim().is_empty()).map(|l| indent_columns(l)).min().unwrap_or(0);
    if margin > 0 {
        let first = raw.iter().position(|l| !l.trim().is_empty()).map_or(1, |i| i + 1);
        repair(
            repairs,
            RepairKind::Whitespace,
            first,
            format!("removed a left margin of {margin} columns that every line has"),
        );
    }
    // Line by line on every thread; each line's repairs are kept apart and put after
    // those of the lines before it, in order.
    let (lines, repaired): (Vec<Line>, Vec<Vec<Repair>>) = raw
        .par_iter()
        .enumerate()
        .map(|(i, &raw)| {
            // Indentation in spaces or ideographic spaces before a plain line (as the
            // Chinese texts of the UN indent every paragraph) is the one repair such a
            // line needs.
            let body = raw.trim_start_matches([' ', '\u{3000}']);
            let mut own = Vec::new();
            let Some(len) = plain_length(body) else {
                return (repair_line(raw, i + 1, margin, &mut own), own);
            };
            let columns = indent_columns(&raw[..raw.len() - body.len()]);
            if columns > margin && !body.is_empty() {
                repair(&mut own, RepairKind::Whitespace, i + 1, "removed indentation");
            }
            let line = Line {
                text: body.to_string(),
                first: i + 1,
                last: i + 1,
                indent: columns,
                page_break: false,
                physical: [len; 2],
                printed: len,
            };
            (line, own)
        })
        .unzip();
    repairs.extend(repaired.into_iter().flatten());
    lines
}

/// Line `no` of the input repaired: composed, invisible characters removed, spaces
/// folded, indentation beyond the `margin` every line has reported.
fn repair_line(raw: &str, no: usize, margin: usize, repairs: &mut Vec<Repair>) -> Line {
    let mut text = if is_nfc(raw) {
        raw.to_string()
    } else {
        repair(repairs, RepairKind::Normalization, no, "composed characters (Unicode NFC)");
        raw.nfc().collect()
    };
    let invisible = |c: char| matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}');
    if text.contains(invisible) {
        text.retain(|c| !invisible(c));
        repair(repairs, RepairKind::Invisible, no, "removed zero-width characters or soft hyphens");
    }
    let is_space = |c: char| c.is_whitespace() || c == '\u{3000}';
    let indent: String = text.chars().take_while(|&c| is_space(c)).collect();
    let columns = indent_columns(&indent);
    let trimmed = text.trim_matches(is_space);
    let mut folded = String::with_capacity(trimmed.len());
    let mut prev_space = false;
    let mut odd_space = false;
    for c in trimmed.chars() {
        if is_space(c) {
            if c != ' ' || prev_space {
                odd_space = true;
            }
            if !prev_space {
                folded.push(' ');
            }
            prev_space = true;
        } else {
            folded.push(c);
            prev_space = false;
        }
    }
    if !trimmed.is_empty() && (columns > margin || trimmed.len() != text.len() - indent.len() || odd_space) {
        let what = match (columns > margin, odd_space) {
            (true, _) => "removed indentation",
            (false, true) => "folded non-breaking or repeated spaces",
            (false, false) => "removed trailing spaces",
        };
        repair(repairs, RepairKind::Whitespace, no, what);
    }
    let len = folded.chars().count();
    let printed = trimmed.chars().count();
    let page_break = raw.contains('\u{c}');
    Line { text: folded, first: no, last: no, indent: columns, page_break, physical: [len; 2], printed }
}

/// The length in characters of a line that needs no repair, or `None` if it may
/// need one: a line with nothing but characters of the ranges below (which are
/// composed, visible and not spaces), and single spaces between them. Most lines are
/// of this kind; the full repair reads every character through Unicode tables.
fn plain_length(line: &str) -> Option<usize> {
    // Read on the bytes, by hand: every line of every text is read so, and most pass.
    // Each range's characters are told by their UTF-8 lead byte and, where the range
    // is not all its lead's, the bytes after it (the text is valid UTF-8: they are
    // there).
    let bytes = line.as_bytes();
    let (mut i, mut len, mut prev_space) = (0, 0, true);
    while i < bytes.len() {
        let at = |k: usize| bytes[i + k];
        let (ok, step) = match at(0) {
            b' ' => (!prev_space, 1),
            0x21..=0x7E => (true, 1),
            // U+00A1–U+00BF but the soft hyphen U+00AD; U+00C0–U+02FF.
            0xC2 => (at(1) >= 0xA1 && at(1) != 0xAD, 2),
            0xC3..=0xCB => (true, 2),
            // U+0400–U+045F.
            0xD0 => (true, 2),
            0xD1 => (at(1) <= 0x9F, 2),
            // U+2010–U+2027, U+3001–U+3029.
            0xE2 => (at(1) == 0x80 && (0x90..=0xA7).contains(&at(2)), 3),
            0xE3 => (at(1) == 0x80 && (0x81..=0xA9).contains(&at(2)), 3),
            // U+4E00–U+9FFF.
            0xE4 => (at(1) >= 0xB8, 3),
            0xE5..=0xE9 => (true, 3),
            // U+FF01–U+FF5E.
            0xEF => ((at(1) == 0xBC && at(2) >= 0x81) || (at(1) == 0xBD && at(2) <= 0x9E), 3),
            _ => (false, 1),
        };
        if !ok {
            return None;
        }
        prev_space = at(0) == b' ';
        i += step;
        len += 1;
    }
    (!prev_space || line.is_empty()).then_some(len)
}

/// The width of a line's indentation in columns: a space 1, a tab 4, an ideographic
/// space 2 (it is as wide as a Han character); a form feed takes none.
fn indent_columns(line: &str) -> usize {
    line.chars()
        .take_while(|&c| c.is_whitespace() || c == '\u{3000}')
        .map(|c| match c {
            '\t' => 4,
            '\u{3000}' => 2,
            '\u{c}' => 0,
            _ => 1,
        })
        .sum()
}

/// Removes list and emphasis markup: `**`, `# ` headings, and list bullets (`- `, `* `)
/// before a numbering label, a heading, or Chinese text (which never starts with one).
pub fn strip_markup(lang: Lang, lines: &mut [Line], repairs: &mut Vec<Repair>) {
    let profile = lang.profile();
    // Each line's text without its markup, if it has any: read on every thread.
    let unmarked: Vec<Option<String>> =
        lines.par_iter().map(|l| if l.is_blank() { None } else { without_markup(profile, &l.text) }).collect();
    for (line, unmarked) in lines.iter_mut().zip(unmarked) {
        if let Some(changed) = unmarked {
            let before = std::mem::replace(&mut line.text, changed);
            repair(repairs, RepairKind::Markup, line.first, format!("removed markup from {:?}", shorten(&before, 40)));
        }
    }
}

/// A line's text without list or emphasis markup, if it has any ([`strip_markup`]).
fn without_markup(profile: &Profile, line: &str) -> Option<String> {
    // The text is cut down as a slice of the line's; a copy is made only where
    // emphasis is taken out of its middle, or where the line changes.
    let mut text = line;
    // A heading set between rules of stars or equals signs (html2text writes
    // `***** 第一条 *****`, and a long one over two lines).
    let rule = |c: char| matches!(c, '*' | '=' | '~');
    let lead = text.chars().take_while(|&c| rule(c)).count();
    if lead >= 2 && text[lead..].starts_with(' ') {
        text = text[lead..].trim_start();
    }
    let trail = text.chars().rev().take_while(|&c| rule(c)).count();
    if trail >= 2 && text[..text.len() - trail].ends_with(' ') {
        text = text[..text.len() - trail].trim_end();
    }
    let unmarked: Cow<'_, str> = if text.contains("**") || text.contains("__") {
        Cow::Owned(text.replace("**", "").replace("__", ""))
    } else {
        Cow::Borrowed(text)
    };
    let mut text = unmarked.as_ref();
    let hashes = text.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        text = text[hashes..].trim_start();
    }
    for bullet in ["- ", "* ", "+ ", "• ", "· "] {
        if let Some(rest) = text.strip_prefix(bullet) {
            let rest = rest.trim_start();
            let first_script = profile.bullet_before_text_is_markup
                && rest.chars().next().is_some_and(|c| (profile.is_script_char)(c));
            if (profile.label)(rest).is_some() || (profile.heading)(rest).is_some() || first_script {
                text = rest;
            }
            break;
        }
    }
    let text = text.trim();
    (text != line).then(|| text.to_string())
}

/// Removes page numbers (`- 3 -`, `3`, `стр. 3`, `第3页`, `3/12`) and running headers or
/// footers: short lines that recur three or more times and are not headings, and in
/// a text with page ends (form feeds, removed page numbers) stand by them at least
/// half the times; or twice, each right at the top of a page. Where either was removed
/// a page ended, and the line is marked as a page break.
///
/// Running headers are looked for only where `headers` says the text may hold them:
/// a document's reader keeps them apart (Word, OpenDocument, HTML) or leaves them out
/// by their place on the page (PDF), and a short line that recurs there is text.
pub fn strip_page_furniture(lang: Lang, lines: &mut [Line], headers: bool, repairs: &mut Vec<Repair>) {
    let profile = lang.profile();
    for line in lines.iter_mut().filter(|l| !l.is_blank()) {
        if is_page_number(profile, &line.text) {
            repair(repairs, RepairKind::PageNumber, line.first, format!("removed page number {:?}", line.text));
            line.text.clear();
            line.page_break = true;
        }
    }
    if !headers {
        return;
    }
    let mut seen: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    // At most 100 characters: told by the bytes where they tell (a character is one
    // to four).
    let short = |t: &str| t.len() <= 100 || (t.len() <= 400 && t.chars().count() <= 100);
    for (i, line) in lines.iter().enumerate() {
        if !line.is_blank() && short(&line.text) {
            seen.entry(line.text.as_str()).or_default().push(i);
        }
    }
    // In a text with page ends, headers and footers stand by them: a short line
    // that recurs elsewhere is a narrow column's wrap (`международными`).
    let paged = lines.iter().any(|l| l.page_break);
    let by_page_end = |i: usize| lines[i.saturating_sub(3)..(i + 4).min(lines.len())].iter().any(|l| l.page_break);
    // Where the title may stand: among the first five lines of text.
    let title_zone = lines.iter().enumerate().filter(|(_, l)| !l.is_blank()).nth(4).map_or(0, |(i, _)| i);
    // Right at the top of a page: after a form feed or a page number, blank lines aside.
    let at_page_top =
        |i: usize| lines[i].page_break || lines[i.saturating_sub(3)..i].iter().any(|l| l.page_break && l.is_blank());
    let first_line = lines.iter().position(|l| !l.is_blank());
    let mut remove = Vec::new();
    for (text, at) in seen {
        // Twice, each right at the top of a page (the first page's top is the text's):
        // a header of a text of two or three pages.
        let twice_at_page_tops = paged && at.len() == 2 && at.iter().all(|&i| at_page_top(i) || Some(i) == first_line);
        // A line that ends a sentence or a clause is the tail of a wrapped paragraph
        // (`Безопасности.`), however often it recurs; headers and footers name things.
        if (at.len() < 3 && !twice_at_page_tops)
            || (paged && at.iter().filter(|&&i| by_page_end(i)).count() * 2 < at.len())
            || text.ends_with(profile.clause_enders)
            || (profile.heading)(text).is_some()
            || (profile.label)(text).is_some()
            || (profile.is_signature)(text)
        {
            continue;
        }
        // Unnumbered section headings recur too (组织, ГОЛОСОВАНИЕ), always right before
        // an article.
        let before_heading = at.iter().all(|&i| {
            lines[i + 1..].iter().find(|l| !l.is_blank()).is_some_and(|l| (profile.heading)(&l.text).is_some())
        });
        // A formula that opens sentences (`Экономический и Социальный Совет
        // уполномочивается` / `предпринимать …`, `Все Члены Организации` / `…`),
        // wrapped at the same place each time: after a heading or the end of a
        // clause, and the next line goes on with it in lower case. A header stands
        // where a page ended, whatever the sentence was doing.
        let opens_sentences = at.iter().all(|&i| {
            let after_clause = lines[..i]
                .iter()
                .rev()
                .find(|l| !l.is_blank())
                .is_some_and(|l| (profile.heading)(&l.text).is_some() || l.text.ends_with(profile.clause_enders));
            let next = lines.get(i + 1).filter(|l| !l.is_blank());
            let goes_on =
                next.and_then(|l| l.text.chars().next()).is_some_and(|c| !profile.has_case || c.is_lowercase());
            after_clause && goes_on
        });
        if before_heading || opens_sentences {
            continue;
        }
        // The title, where the header repeats it, stays once: the first occurrence
        // among the first lines that the text goes on from, directly or with a
        // paragraph. One that more title lines follow was the header printed above
        // the title on the first page; and where the others stand at the top of
        // their pages, the one at the top of the text is a header too.
        let headers = at[1..].iter().filter(|&&i| at_page_top(i)).count() * 2 > at.len() - 1;
        // Twice, the one at the top of the text may as well be the title the header
        // repeats on the second page: the title's test below decides.
        let first = if headers && at.len() > 2 { 1 } else { 0 };
        // The header and the title, one after the other at the top of the text with
        // only blank lines between them (a double-spaced extraction), are the header
        // and the title whatever follows.
        let printed_twice = |i: usize| i == at[1] && lines[at[0] + 1..i].iter().all(Line::is_blank);
        let keep = at.iter().copied().skip(first).take_while(|&i| i <= title_zone).find(|&i| {
            let next = &lines[i + 1];
            let goes_on = |l: &Line| l.text.ends_with(profile.clause_enders) || l.text.chars().count() > 120;
            let after = lines[i + 1..].iter().find(|l| !l.is_blank());
            !after.is_some_and(|l| profile.names_document(&l.text))
                && ((!next.is_blank() && !at.contains(&(i + 1))) || after.is_some_and(goes_on) || printed_twice(i))
        });
        remove.extend(at.iter().copied().filter(|&i| Some(i) != keep));
    }
    remove.sort_unstable();
    for i in remove {
        repair(
            repairs,
            RepairKind::RunningHeader,
            lines[i].first,
            format!("removed running header or footer {:?}", shorten(&lines[i].text, 40)),
        );
        lines[i].text.clear();
        lines[i].page_break = true;
    }
}

/// Whether a line is a page number alone, in the words of `profile` (`стр. 3`,
/// `第3页`, `第3页共12页`, `3 из 12`) or in digits (`3`, `- 3 -`, `3/12`).
pub(crate) fn is_page_number(profile: &Profile, text: &str) -> bool {
    let (prefixes, suffixes) = profile.page_number_words;
    let t = text.trim();
    // Every form below is short (`страница 12 из 300` is 31 bytes): a longer line is
    // text, told without lowercasing it.
    if t.len() > 64 {
        return false;
    }
    // Every form holds a number in digits: a line without one is told at once.
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let core = t.trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ' '));
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if digits(core) && (core == t || (t.starts_with(['-', '–', '—']) && t.ends_with(['-', '–', '—']))) {
        return true;
    }
    let lower = t.to_lowercase();
    let number = |s: &str| {
        let mut rest = s.trim();
        for suffix in suffixes {
            rest = rest.trim_end_matches(suffix).trim();
        }
        digits(rest)
    };
    for prefix in prefixes.iter().chain(["page"].iter()) {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let of_total = |w: &&str| rest.split_once(*w).is_some_and(|(a, b)| number(a) && number(b));
            if number(rest) || profile.page_total_words.iter().any(of_total) {
                return true;
            }
        }
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a.trim()) && digits(b.trim());
    }
    false
}

/// Leaves out a draft's stamp (`ПРОЕКТ`, `草案`, in brackets or not), in the words of
/// the language profile, where it stands alone on a line before the first article:
/// set in a text box by the title, or at the head of the first page. Each is
/// reported.
pub fn strip_stamps(lang: Lang, lines: &mut [Line], repairs: &mut Vec<Repair>) {
    let profile = lang.profile();
    let brackets = ['(', ')', '（', '）', '[', ']', '【', '】', '«', '»', '"', '“', '”', ' '];
    for line in lines.iter_mut().filter(|l| !l.is_blank()) {
        if (profile.heading)(&line.text).is_some_and(|h| h.level == crate::lang::HeadingLevel::Article) {
            break;
        }
        let word = line.text.trim_matches(brackets);
        if word.chars().count() <= 12 && profile.stamps.iter().any(|s| chars::eq_lowercase(word, s)) {
            repair(
                repairs,
                RepairKind::RunningHeader,
                line.first,
                format!("removed the draft's stamp {:?}", line.text),
            );
            line.text.clear();
        }
    }
}

/// The most lines of footnotes looked for at the foot of a page.
const MOST_NOTE_LINES: usize = 15;

/// Leaves out the footnotes of printed pages and their marks, as the Word,
/// OpenDocument and HTML readers leave notes out: a PDF's text (`pdftotext`, plain or
/// `-layout`, and the PDF reader) sets a page's notes after its last line of text
/// (`1 Устав ООН подписан …`), and glues each mark to the word it follows
/// (`Объединенных Наций1,`, `《联合国宪章》1的`).
///
/// A page's notes are its last lines, from one under some text of the page that
/// opens the next note (or note 1): its number and a space before the note, or the
/// number alone with the note after it; the note's mark must be glued into the text
/// above, on this page or the one before (a mark on a page's last line may have its
/// note set on the next). The lines after it are notes and their run-on lines, but
/// for a page number. What a mark is: `glued_marks`. Only a text with page ends has
/// pages. Each note and each mark is reported.
pub fn strip_footnotes(lang: Lang, lines: &mut [Line], repairs: &mut Vec<Repair>) {
    if !lines.iter().any(|l| l.page_break) {
        return;
    }
    let mut pages = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.page_break {
            pages.push(start..i);
            // A form feed before a line's text opens the next page with it.
            start = if line.is_blank() { i + 1 } else { i };
        }
    }
    pages.push(start..lines.len());
    // The last note's number: notes are numbered through the text, or from 1 on
    // each page.
    let mut last = 0;
    for (k, page) in pages.iter().enumerate() {
        // A note whose mark is on a page's last line may be set on the next page.
        let from = if k > 0 { pages[k - 1].start } else { page.start };
        strip_page_notes(lang.profile(), lines, from, page.clone(), &mut last, repairs);
    }
}

/// The footnotes of the lines `page`, one page, whose marks are in the lines from
/// `from` (this page's first line or the page before's): see [`strip_footnotes`].
fn strip_page_notes(
    profile: &Profile,
    lines: &mut [Line],
    from: usize,
    page: std::ops::Range<usize>,
    last: &mut u32,
    repairs: &mut Vec<Repair>,
) {
    let texts: Vec<usize> = page.clone().filter(|&i| !lines[i].is_blank()).collect();
    let foot = &texts[texts.len().saturating_sub(MOST_NOTE_LINES)..];
    // The number a line opens a note with: before its text, or alone on the line
    // (pdftotext sets a mark apart from its note by a tab) with text after it on the
    // page; a page number stands last.
    let opens = |at: usize| -> Option<u32> {
        let after = texts.iter().skip_while(|&&i| i <= at).find(|&&i| !is_page_number(profile, &lines[i].text));
        note_number(&lines[at].text).or_else(|| after.and(alone_number(&lines[at].text)))
    };
    // The first line of the foot, under some text of the page, that opens the next
    // note (or note 1), whose mark the text above holds.
    let Some(&first) = foot.iter().filter(|&&k| k > texts[0]).find(|&&k| {
        opens(k).is_some_and(|n| {
            (n == 1 || n == *last + 1) && lines[from..k].iter().any(|l| !glued_marks(&l.text, n).is_empty())
        })
    }) else {
        return;
    };
    // Each line of the notes: the number it opens a note with, or whether it is a
    // page number, left to the page furniture.
    let block: Vec<(Option<u32>, bool)> =
        (first..page.end).map(|k| (opens(k), is_page_number(profile, &lines[k].text))).collect();
    let mut numbers = Vec::new();
    for (line, (opened, page_number)) in lines[first..page.end].iter_mut().zip(block) {
        if line.is_blank() || page_number && opened.is_none() {
            continue;
        }
        if let Some(n) = opened.filter(|&n| numbers.last().is_none_or(|&last| n == last + 1)) {
            numbers.push(n);
        }
        repair(
            repairs,
            RepairKind::Footnote,
            line.first,
            format!("left out footnote text {:?}", shorten(&line.text, 40)),
        );
        line.text.clear();
    }
    *last = numbers.last().copied().unwrap_or(*last);
    for line in &mut lines[from..first] {
        for &n in &numbers {
            let marks = glued_marks(&line.text, n);
            for range in marks.iter().rev() {
                line.text.replace_range(range.clone(), "");
            }
            for _ in &marks {
                repair(repairs, RepairKind::Footnote, line.first, format!("left out footnote mark {n}"));
            }
        }
    }
}

/// A note's number alone on its line: one to three digits, not zero.
fn alone_number(text: &str) -> Option<u32> {
    let n: u32 = text.parse().ok()?;
    (text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit()) && n > 0).then_some(n)
}

/// What a number before which is counted, not marked (`第1条`, `1个`, `2002年`).
const COUNTED: &str = "条款项章节编目年月日号次个人名岁倍%％";

/// The number a footnote's text starts with (`1 Устав ООН …`, `12 See …`): one to
/// three digits, not zero, then a space and the note.
fn note_number(text: &str) -> Option<u32> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    let n: u32 = text[..digits].parse().ok()?;
    (digits <= 3 && n > 0 && rest.starts_with(' ') && rest.trim().chars().count() > 1).then_some(n)
}

/// Where footnote mark `n` is glued into `text` (with pdftotext's space after a
/// Chinese closing bracket): its digits after a small letter or
/// a closing bracket or quote, and before no letter or digit (`CO2`, `G20` hold
/// none), or after an ideograph other than `第` and before none that counts
/// (`第1条`, `1个`) or `、` (`第1、2款`).
fn glued_marks(text: &str, n: u32) -> Vec<std::ops::Range<usize>> {
    let closing = |c: char| matches!(c, '»' | '”' | '’' | ')' | '）' | '》' | '」' | '』' | '〉' | '"');
    let mut found = Vec::new();
    let mut before: Option<char> = None;
    let mut i = 0;
    while i < text.len() {
        let digits = text[i..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            let c = text[i..].chars().next().unwrap_or(' ');
            before = Some(c);
            i += c.len_utf8();
            continue;
        }
        let after = text[i + digits..].chars().next();
        let number_ok = text[i..i + digits].parse::<u32>().is_ok_and(|v| v == n);
        // pdftotext sets a space between a Chinese closing bracket and its mark
        // (`《联合国宪章》 1的`): the space goes with the mark.
        let spaced = i > '》'.len_utf8()
            && text[..i].ends_with(' ')
            && text[..i - 1].chars().next_back().is_some_and(|c| crate::text::is_wide(c) && closing(c));
        if number_ok && spaced && after.is_some_and(|a| crate::text::is_wide(a) && !COUNTED.contains(a)) {
            found.push(i - 1..i + digits);
        }
        let glued = before.is_some_and(|b| {
            if closing(b) {
                after.is_none_or(|a| !(a.is_ascii_digit() || a.is_lowercase() || a.is_uppercase()))
            } else if b.is_lowercase() {
                after.is_none_or(|a| !a.is_alphanumeric())
            } else if crate::text::is_wide(b) && b.is_alphabetic() && b != '第' {
                after.is_none_or(|a| {
                    !(a.is_ascii_digit() || a.is_lowercase() || a.is_uppercase() || COUNTED.contains(a) || a == '、')
                })
            } else {
                false
            }
        });
        if number_ok && glued {
            found.push(i..i + digits);
        }
        before = Some('0');
        i += digits;
    }
    found
}

/// Removes page numbers that an extractor's own de-hyphenation glued into a word
/// (`Договаривающих3 ся` for `Договаривающих-` / `3` / `ся`): in a script with case,
/// a word never runs on into digits and then, after a space, into lower case.
pub fn unglue_page_numbers(lang: Lang, lines: &mut [Line], repairs: &mut Vec<Repair>) {
    let profile = lang.profile();
    if !profile.has_case {
        return;
    }
    let lower = |c: char| c.is_lowercase() && (profile.is_script_char)(c);
    // A number glued into a word follows a lowercase letter: a line with no digit
    // after one (most lines) is passed over without reading its characters.
    let may_be_glued = |text: &str| {
        let bytes = text.as_bytes();
        (1..bytes.len()).any(|i| bytes[i].is_ascii_digit() && text[..i].chars().next_back().is_some_and(lower))
    };
    // Looked at on every thread: the whole text is read.
    let glued: Vec<bool> = lines.par_iter().map(|l| may_be_glued(&l.text)).collect();
    for (line, _) in lines.iter_mut().zip(glued).filter(|(_, glued)| *glued) {
        let chars: Vec<char> = line.text.chars().collect();
        let mut out = String::with_capacity(line.text.len());
        let mut i = 0;
        let mut found = Vec::new();
        while i < chars.len() {
            let glued = i >= 2 && lower(chars[i - 1]) && lower(chars[i - 2]) && chars[i].is_ascii_digit() && {
                let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                let j = i + digits;
                digits <= 4 && chars.get(j) == Some(&' ') && chars.get(j + 1).is_some_and(|&c| lower(c))
            };
            if glued {
                let digits: String = chars[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
                i += digits.chars().count() + 1;
                found.push(digits);
                continue;
            }
            out.push(chars[i]);
            i += 1;
        }
        for number in found {
            repair(
                repairs,
                RepairKind::PageNumber,
                line.first,
                format!("removed page number {number} glued into a word"),
            );
        }
        if out.len() != line.text.len() {
            line.text = out;
        }
    }
    // At the end of a page (`…этих вопросов ре11` / form feed / `комендации`): the
    // extractor dropped the hyphen; it is put back for the hyphenation repair.
    for k in 0..lines.len() {
        let text = &lines[k].text;
        let digits = text.chars().rev().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 4 {
            continue;
        }
        let before: Vec<char> = text.chars().rev().skip(digits).take(2).collect();
        if before.len() < 2 || !before.iter().all(|&c| lower(c)) {
            continue;
        }
        let Some(n) = lines[k + 1..].iter().position(|l| !l.is_blank()).map(|n| k + 1 + n) else { continue };
        let page_ends = lines[k + 1..=n].iter().any(|l| l.page_break);
        let next = Some(&lines[n]);
        if !page_ends || !next.is_some_and(|l| l.text.chars().next().is_some_and(lower)) {
            continue;
        }
        let line = &mut lines[k];
        let number = line.text.split_off(line.text.len() - digits);
        line.text.push('-');
        repair(
            repairs,
            RepairKind::PageNumber,
            line.first,
            format!("removed page number {number} glued into a word broken at the page end"),
        );
    }
}

/// What [`join_hyphenation`] looks a broken word up in.
struct Known {
    /// The hyphenated compounds the text writes within a line, lowercase.
    compounds: BTreeSet<String>,
    /// The words of more than three letters the text writes whole within a line,
    /// lowercase: `Республи-` + `ка` is the `республика` the text writes elsewhere,
    /// not a word with the particle `-ка`. The first word after a line-end hyphen is
    /// not counted.
    words: BTreeSet<String>,
}

impl Known {
    fn of(lines: &[Line]) -> Self {
        let compounds = lines
            .iter()
            .flat_map(|l| l.text.split(|c: char| !(chars::is_alphabetic(c) || c == '-')))
            .filter(|w| w.contains('-') && !w.starts_with('-') && !w.ends_with('-'))
            .map(str::to_lowercase)
            .collect();
        // The first word of a line after a hyphen is left out: it may be the tail
        // of a broken word.
        let words = lines
            .iter()
            .enumerate()
            .flat_map(|(k, l)| {
                let after_hyphen = k > 0 && lines[k - 1].text.ends_with('-');
                l.text.split(|c: char| !chars::is_alphabetic(c)).skip(usize::from(after_hyphen))
            })
            .filter(|w| w.chars().count() > 3)
            .map(str::to_lowercase)
            .collect();
        Known { compounds, words }
    }
}

/// Joins words hyphenated at a line end (`со-` + `трудничество`), across blank lines
/// and removed page furniture, keeping real hyphens (`государств-членов`).
pub fn join_hyphenation(lang: Lang, lines: &mut Vec<Line>, repairs: &mut Vec<Repair>) {
    let profile = lang.profile();
    if !profile.has_case {
        return;
    }
    let is_script = profile.is_script_char;
    let ends_hyphen = |t: &str| {
        let mut rev = t.chars().rev();
        rev.next() == Some('-') && rev.next().is_some_and(|c| c.is_alphabetic() && is_script(c))
    };
    // A hyphen set apart from its syllable (`проти -`: LibreOffice draws it a little
    // after the letters, and pdftotext -layout reads a space).
    let ends_spaced_hyphen = |t: &str| {
        let mut rev = t.chars().rev();
        rev.next() == Some('-')
            && rev.next() == Some(' ')
            && rev.next().is_some_and(|c| c.is_lowercase() && is_script(c))
    };
    if !lines.iter().any(|l| ends_hyphen(&l.text) || ends_spaced_hyphen(&l.text)) {
        return;
    }
    // The hyphenated compounds and the words the text writes within a line, read
    // from the lines as they are before any join.
    let Known { compounds, words } = Known::of(lines);
    // Whether the text writes a word, or one of its forms (`республика` where the
    // text writes `Республик`): all but its last two letters start a word it writes.
    let writes = |word: &str| {
        let lower = word.to_lowercase();
        let len = lower.chars().count();
        words.contains(&lower)
            || (len >= 8 && starts_a_word_of(&words, &lower.chars().take(len - 2).collect::<String>()))
    };
    // A spaced hyphen is a dash (`Договор -` / `это…`) unless the two parts make a
    // word the text writes.
    for k in 0..lines.len() {
        if !ends_spaced_hyphen(&lines[k].text) {
            continue;
        }
        let Some(next) = lines[k + 1..].iter().find(|l| !l.is_blank()) else { continue };
        let head_len = lines[k].text.len() - 2;
        let (head_word, tail_word) = broken_word(&lines[k].text[..head_len], &next.text);
        if !head_word.is_empty() && !tail_word.is_empty() && writes(&format!("{head_word}{tail_word}")) {
            lines[k].text.truncate(head_len);
            lines[k].text.push('-');
        }
    }
    // The lines are moved to a new vector, joined as they go: one pass, whatever
    // the number of joins.
    let mut src: Vec<Option<Line>> = std::mem::take(lines).into_iter().map(Some).collect();
    let mut out: Vec<Line> = Vec::with_capacity(src.len());
    let mut r = 0;
    while r < src.len() {
        out.extend(src[r].take());
        r += 1;
        // A joined line runs on into the line after it: join again while it ends
        // in a broken word.
        while let Some(cur) = out.last_mut()
            && ends_hyphen(&cur.text)
        {
            let next = |j: usize| src[j].as_ref().filter(|l| !l.is_blank());
            let Some(j) = (r..src.len().min(r + 7)).find(|&j| next(j).is_some()) else { break };
            let Some(line) = next(j) else { break };
            let Some(first) = line.text.chars().next().filter(|&c| c.is_alphabetic() && is_script(c)) else { break };
            let head = cur.text.trim_end_matches('-').to_string();
            let (head_word, tail_word) = broken_word(&head, &line.text);
            let hyphenated = format!("{head_word}-{tail_word}");
            // A capital after the hyphen is a new sentence or a name, unless the text
            // writes the two words as one compound elsewhere (`Военно-` / `Штабного`).
            if first.is_uppercase() && !writes_compound(&compounds, &hyphenated) {
                break;
            }
            // Particles (`кто-то`, `какой-либо`) and compounds of member states keep
            // their hyphen, and so does any compound the text writes hyphenated
            // elsewhere, or that joins two words it writes.
            let whole = writes(&format!("{head_word}{tail_word}"));
            // A capital goes on only in a compound the text writes (checked above).
            let keep = first.is_uppercase()
                || !whole
                    && (keeps_hyphen(profile, tail_word)
                        || compounds.contains(&hyphenated.to_lowercase())
                        || two_words(profile.compound_first_endings, head_word, tail_word, &words));
            repair(
                repairs,
                RepairKind::Hyphenation,
                cur.first,
                if keep {
                    format!("joined {hyphenated:?} across a line end, keeping its hyphen")
                } else {
                    format!("joined {head_word}- + {tail_word} into {:?}", format!("{head_word}{tail_word}"))
                },
            );
            cur.text = if keep { format!("{head}-{}", line.text) } else { format!("{head}{}", line.text) };
            cur.last = line.last;
            cur.physical[1] = line.physical[1];
            // What stood between (blank lines, page furniture) goes with the broken
            // word.
            r = j + 1;
        }
    }
    *lines = out;
}

/// Reads signatures set side by side a column at a time. A signature table taken as
/// text with its layout (`pdftotext -layout`) gives each row of cells as one line,
/// the cells a wide gap apart, and a cell's wrapped line on the next line in the same
/// column (`За Правительство Российской       За Правительство Китайской` /
/// `Федерации                         Народной Республики`): read line by line, the
/// two signatures interleave. Where a line holds two signatures of the language
/// profile a gap apart (three spaces or more, or two ideographic ones), it and the
/// lines right under it that hold the rest of its cells (short, no signature or
/// heading of their own: a row of its own is left to the reading line by line), up
/// to a blank line, are cut at the column where the second signature starts; the first line of the block becomes the left column's cells
/// joined, the second the right column's, the rest blank (the lines keep their
/// numbers). A block whose line has a word across that column is left as it is.
/// Returns the lines, if any block was read so; each is reported.
pub fn signature_columns(lang: Lang, raw: &[&str], repairs: &mut Vec<Repair>) -> Option<Vec<String>> {
    /// The most lines of a block of signatures set side by side.
    const MOST: usize = 6;
    let profile = lang.profile();
    let is_space = |c: char| c == ' ' || c == '\u{3000}' || c == '\t';
    // The character where the second cell of a row of two signatures starts.
    let row = |line: &str| -> Option<usize> {
        // A gap is two spaces or more: a line without two together (most lines) is no
        // row. Without an ideographic space, they are two bytes, space or tab, found
        // with the standard library's substring search where there is no tab.
        // The indentation is no gap (the UN's Chinese texts indent every paragraph
        // with two ideographic spaces).
        let two = |w: &[u8]| matches!(w, [b' ' | b'\t', b' ' | b'\t']);
        let body = line.trim_start_matches(is_space);
        let gap = body.contains("  ")
            || (body.contains('\t') && body.as_bytes().windows(2).any(two))
            || (body.contains('\u{3000}')
                && body.chars().zip(body.chars().skip(1)).any(|(a, b)| is_space(a) && is_space(b)));
        if !gap {
            return None;
        }
        let chars: Vec<char> = line.chars().collect();
        let start = chars.iter().position(|&c| !is_space(c))?;
        let mut gaps = Vec::new();
        let mut k = start;
        while k < chars.len() {
            if is_space(chars[k]) {
                let end = (k..chars.len()).find(|&e| !is_space(chars[e])).unwrap_or(chars.len());
                let wide = chars[k..end].contains(&'\u{3000}');
                if end < chars.len() && (end - k >= 3 || (wide && end - k >= 2)) {
                    gaps.push((k, end));
                }
                k = end;
            } else {
                k += 1;
            }
        }
        let [(a, b)] = gaps[..] else { return None };
        let (left, right): (String, String) = (chars[start..a].iter().collect(), chars[b..].iter().collect());
        ((profile.is_signature)(left.trim()) && (profile.is_signature)(right.trim_end())).then_some(b)
    };
    let mut out: Option<Vec<String>> = None;
    let mut i = 0;
    while i < raw.len() {
        let Some(column) = row(raw[i]) else {
            i += 1;
            continue;
        };
        // Where a line has nothing but spaces just before the column, no word crosses
        // it; its two sides.
        let split = |line: &str| -> Option<[String; 2]> {
            let chars: Vec<char> = line.chars().collect();
            let cut = column.min(chars.len());
            let clear = cut == chars.len() || chars[cut.saturating_sub(2)..cut].iter().all(|&c| is_space(c));
            let side = |part: &[char]| part.iter().collect::<String>().trim_matches(is_space).to_string();
            clear.then(|| [side(&chars[..cut]), side(&chars[cut..])])
        };
        // The block: the row and the lines under it, over a single blank line where
        // the line after it holds the rest of both cells (`За Правительство` / `` /
        // `Российской Федерации   Китайской Народной Республики`).
        // A line under the row holds the rest of its cells (a wrapped name, who
        // signed): short pieces, neither a signature nor a heading, which would start
        // a row or a part of their own.
        let rest_of_cells = |line: &str| {
            split(line).is_some_and(|sides| {
                sides.iter().all(|t| {
                    t.chars().count() <= 40
                        && !(profile.is_signature)(t)
                        && (profile.heading)(t).is_none()
                        && (profile.label)(t).is_none()
                })
            })
        };
        let mut taken = vec![i];
        let mut e = i + 1;
        while e < raw.len() && taken.len() < MOST {
            if !raw[e].trim().is_empty() {
                if !rest_of_cells(raw[e]) {
                    break;
                }
                taken.push(e);
                e += 1;
                continue;
            }
            let both = raw.get(e + 1).filter(|l| !l.trim().is_empty() && rest_of_cells(l)).and_then(|l| split(l));
            if both.is_some_and(|[a, b]| !a.is_empty() && !b.is_empty()) {
                e += 1;
                continue;
            }
            break;
        }
        let end = e;
        let mut cells: [Vec<String>; 2] = [Vec::new(), Vec::new()];
        let fits = taken.iter().all(|&k| match split(raw[k]) {
            Some(sides) => {
                for (side, text) in sides.into_iter().enumerate() {
                    if !text.is_empty() {
                        cells[side].push(text);
                    }
                }
                true
            }
            None => false,
        });
        if !fits || taken.len() < 2 || cells[1].len() < 2 {
            i = end;
            continue;
        }
        let lines = out.get_or_insert_with(|| raw.iter().map(|l| l.to_string()).collect());
        // A Chinese cell is often set with letter spacing (`代　表`): its spaces go.
        let join = |cells: &[String]| {
            if profile.has_case { cells.join(" ") } else { cells.concat().chars().filter(|&c| !is_space(c)).collect() }
        };
        lines[i] = join(&cells[0]);
        lines[i + 1] = join(&cells[1]);
        for line in &mut lines[i + 2..end] {
            line.clear();
        }
        repair(
            repairs,
            RepairKind::Split,
            i + 1,
            format!("read the signatures set side by side on lines {}–{} a column at a time", i + 1, end),
        );
        i = end;
    }
    out
}

/// Takes out the spaces a PDF extractor put between every two characters of Chinese
/// text set with letter spacing (`上 海 合 作 组 织`, `2 0 0 2 年`, `第 十 一 条`): in a
/// text, or a line, where most wide characters and digits stand a single space apart
/// (at least eight such gaps, four times as many as those without a space), the
/// spaces between two of them go; spaces between words of Latin letters stay. Each
/// line is reported.
pub fn unspace_wide(lines: &mut [Line], repairs: &mut Vec<Repair>) {
    let counted: Vec<(usize, usize)> = lines.par_iter().map(|l| letter_gaps(&l.text)).collect();
    let spaced_mostly = |(spaced, close): (usize, usize)| spaced >= 8 && spaced >= 4 * close;
    let whole = spaced_mostly(counted.iter().fold((0, 0), |(s, c), &(x, y)| (s + x, c + y)));
    for (line, &(spaced, close)) in lines.iter_mut().zip(&counted) {
        if spaced == 0 || !(whole || spaced_mostly((spaced, close))) {
            continue;
        }
        let chars: Vec<char> = line.text.chars().collect();
        let mut out = String::with_capacity(line.text.len());
        for (k, &c) in chars.iter().enumerate() {
            let between =
                c == ' ' && k > 0 && is_tight(chars[k - 1]) && chars.get(k + 1).copied().is_some_and(is_tight);
            if !between {
                out.push(c);
            }
        }
        repair(
            repairs,
            RepairKind::Whitespace,
            line.first,
            format!("took out the spaces between the characters of line {} (letter spacing)", line.first),
        );
        line.text = out;
    }
}

/// The gaps of `text` between two tight characters ([`is_tight`]): with one space
/// between them, and with none.
///
/// Every line of every text is read so, one pass over its bytes with no allocation:
/// a character of one or two bytes (Latin, Cyrillic) is told tight by its bytes (an
/// ASCII digit, or `·`), without decoding it; only longer ones are decoded.
fn letter_gaps(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut spaced, mut close) = (0, 0);
    // Whether the character before the last is tight, whether the last is, and
    // whether the last is a space (the line is read as if two spaces led it).
    let (mut before, mut last, mut last_space) = (false, false, true);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (tight, len) = match b {
            0x00..=0x7F => (b.is_ascii_digit(), 1),
            // U+0080 to U+07FF: of these only `·` (U+00B7) is tight.
            0xC0..=0xDF => (b == 0xC2 && bytes.get(i + 1) == Some(&0xB7), 2),
            _ => {
                let c = text[i..].chars().next().expect("a character starts at a lead byte");
                (is_tight(c), c.len_utf8())
            }
        };
        if tight && last {
            close += 1;
        } else if tight && last_space && before {
            spaced += 1;
        }
        (before, last, last_space) = (last, tight, b == b' ');
        i += len;
    }
    (spaced, close)
}

/// Puts the numeral zero back where a typist or a converter wrote a letter O or a
/// digit 0 for it among numerals written digit by digit (`二OO七年`, `二00二年` for
/// `二〇〇七年`, `二〇〇二年`), in a language whose numerals have such a zero (`〇`):
/// a run of three or more numeral digits and look-alikes, with a digit other than
/// zero, and no Latin letter or digit on either side (`CO2`, `GOOD` stay). Each line
/// is reported.
pub fn restore_numeral_zeros(lang: Lang, lines: &mut [Line], repairs: &mut Vec<Repair>) {
    const ZERO: char = '〇';
    const DIGITS: &str = "〇○一二三四五六七八九";
    if !lang.profile().numeral_chars.contains(ZERO) {
        return;
    }
    let looks_like_zero = |c: char| matches!(c, 'O' | 'o' | 'Ｏ' | 'ｏ' | 'О' | 'о' | 'Ο' | 'ο' | '0' | '０');
    let in_run = |c: char| DIGITS.contains(c) || looks_like_zero(c);
    // A letter or digit of a narrow script on either side: a word or a code.
    let latin = |c: Option<&char>| c.is_some_and(|&c| c.is_alphanumeric() && !crate::text::is_wide(c));
    for line in lines.iter_mut() {
        if !line.text.chars().any(looks_like_zero) {
            continue;
        }
        let chars: Vec<char> = line.text.chars().collect();
        let mut out: Option<Vec<char>> = None;
        let mut k = 0;
        while k < chars.len() {
            if !in_run(chars[k]) {
                k += 1;
                continue;
            }
            let end = chars[k..].iter().position(|&c| !in_run(c)).map_or(chars.len(), |e| k + e);
            let run = &chars[k..end];
            let repaired = run.len() >= 3
                && run.iter().any(|&c| looks_like_zero(c))
                && run.iter().any(|&c| DIGITS.contains(c) && c != ZERO && c != '○')
                && !latin(k.checked_sub(1).and_then(|b| chars.get(b)))
                && !latin(chars.get(end));
            if repaired {
                let out = out.get_or_insert_with(|| chars.clone());
                for c in &mut out[k..end] {
                    if looks_like_zero(*c) {
                        *c = ZERO;
                    }
                }
            }
            k = end;
        }
        if let Some(out) = out {
            line.text = out.into_iter().collect();
            repair(
                repairs,
                RepairKind::Character,
                line.first,
                format!("wrote the numeral zero 〇 for a letter O or a digit 0 among numerals on line {}", line.first),
            );
        }
    }
}

/// A wide character (Han, kana, full-width punctuation), a digit, or a mark Chinese
/// text sets among them whose width is ambiguous (`“` `”` `…` `—` `·`): what letter
/// spacing sets apart in Chinese text.
fn is_tight(c: char) -> bool {
    match c {
        '0'..='9' | '·' => true,
        // No other character before the Hangul Jamo is (Latin and Cyrillic text is
        // told at once).
        '\0'..='\u{10FF}' => false,
        _ => crate::text::is_wide(c) || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—'),
    }
}

/// Puts back the hyphen of a compound that an extractor dropped when it joined the
/// two lines the compound was broken across (pdftotext writes `государствчленов`
/// for `государств-` / `членов`): a word that the text writes more often, within a
/// line, as a hyphenated compound of the same letters, or as often if it is one the
/// language profile keeps hyphenated (`государств-членов`). Otherwise a word written
/// as often whole as hyphenated is left as it is (`полностью`, and once
/// `полно-стью`). Each restored hyphen is reported.
pub fn restore_dropped_hyphens(lang: Lang, lines: &mut [Line], repairs: &mut Vec<Repair>) {
    if !lang.profile().has_case {
        return;
    }
    // The compounds of two parts the text writes within a line, lowercase: found in
    // the lines that hold a hyphen only, as most lines of most texts hold none.
    let mut lower = String::new();
    let mut compounds: FxHashMap<String, usize> = FxHashMap::default();
    for line in lines.iter().filter(|l| l.text.contains('-')) {
        for word in line.text.split(|c: char| !(chars::is_alphabetic(c) || c == '-')) {
            if let Some((head, tail)) = word.split_once('-')
                && !tail.contains('-')
                && head.chars().count() > 2
                && tail.chars().count() > 2
            {
                chars::lowercase_into(word, &mut lower);
                *compounds.entry(lower.clone()).or_default() += 1;
            }
        }
    }
    if compounds.is_empty() {
        return;
    }
    // Each compound's letters whole: where its hyphen stands (in characters), the
    // compound, how often it is written, and how often its letters are written whole.
    let mut joined: FxHashMap<String, (usize, String, usize, usize)> = compounds
        .into_iter()
        .map(|(c, n)| {
            let at = c.chars().take_while(|&ch| ch != '-').count();
            (c.replace('-', ""), (at, c, n, 0))
        })
        .collect();
    let shortest = joined.keys().map(String::len).min().unwrap_or(0);
    // A word is lowercased and looked up only if its first letter lowercase begins one:
    // most do not.
    let mut firsts: Vec<char> = joined.keys().filter_map(|k| k.chars().next()).collect();
    firsts.sort_unstable();
    firsts.dedup();
    let may_be_one = |word: &str| {
        word.len() >= shortest
            && word.chars().next().is_some_and(|c| firsts.binary_search(&chars::lower_first(c)).is_ok())
    };
    // The lines that hold one whole, and the words of each that are, found on every
    // thread and counted in order.
    let found: Vec<(usize, Vec<String>)> = lines
        .par_iter()
        .enumerate()
        .map_init(String::new, |lower, (k, line)| {
            let words = words_of(&line.text)
                .filter(|&(_, w)| may_be_one(w))
                .filter_map(|(_, word)| {
                    chars::lowercase_into(word, lower);
                    joined.contains_key(lower.as_str()).then(|| lower.clone())
                })
                .collect();
            (k, words)
        })
        .filter(|(_, words): &(usize, Vec<String>)| !words.is_empty())
        .collect();
    let mut holding = Vec::with_capacity(found.len());
    for (k, words) in found {
        for word in words {
            joined.get_mut(word.as_str()).expect("a word found among the compounds").3 += 1;
        }
        holding.push(k);
    }
    // As often is enough for a compound the language profile keeps hyphenated
    // (`-член…`, `-либо`).
    let kept = |compound: &str| compound.split_once('-').is_some_and(|(_, t)| keeps_hyphen(lang.profile(), t));
    joined.retain(|_, (_, compound, hyphenated, whole)| {
        *whole > 0 && (hyphenated > whole || (hyphenated == whole && kept(compound)))
    });
    if joined.is_empty() {
        return;
    }
    for k in holding {
        let line = &mut lines[k];
        let mut fixed: Option<String> = None;
        let mut last = 0;
        let text = &line.text;
        for (start, word) in words_of(text) {
            chars::lowercase_into(word, &mut lower);
            let Some((at, compound, ..)) = joined.get(lower.as_str()) else { continue };
            let out = fixed.get_or_insert_with(String::new);
            let split = word.char_indices().nth(*at).map_or(word.len(), |(i, _)| i);
            out.push_str(&text[last..start]);
            out.push_str(&word[..split]);
            out.push('-');
            out.push_str(&word[split..]);
            last = start + word.len();
            repair(
                repairs,
                RepairKind::Hyphenation,
                line.first,
                format!("restored the hyphen of {compound:?} in {word:?}, as the text writes it elsewhere"),
            );
        }
        if let Some(mut out) = fixed {
            out.push_str(&text[last..]);
            line.text = out;
        }
    }
}

/// Whether the language profile keeps the hyphen before this second part of a
/// compound: a particle (`-либо`) or a part it names (`-член…`).
fn keeps_hyphen(profile: &Profile, tail: &str) -> bool {
    let (tails, heads) = profile.hyphen_keep;
    tails.contains(&tail) || heads.iter().any(|h| tail.starts_with(h))
}

/// The words of a text (runs of letters) with their byte offsets.
///
/// Read on the bytes, by hand: every line of a Russian text is read so, for the few
/// compounds in it. In UTF-8 an ASCII character is one byte below 0x80, and a
/// character led by 0xD0 or 0xD1 is one of U+0400–U+047F, all Cyrillic letters;
/// any other character is decoded and asked.
fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    // Whether the character at `i` is a letter, and its length in bytes.
    let letter = move |i: usize| -> (bool, usize) {
        match bytes[i] {
            b @ 0..=0x7F => (b.is_ascii_alphabetic(), 1),
            0xD0 | 0xD1 => (true, 2),
            _ => text[i..].chars().next().map_or((false, 1), |c| (chars::is_alphabetic(c), c.len_utf8())),
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let (is, len) = letter(i);
            if is {
                break;
            }
            i += len;
        }
        if i == bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() {
            let (is, len) = letter(i);
            if !is {
                break;
            }
            i += len;
        }
        Some((start, &text[start..i]))
    })
}

/// The two parts of a word broken across a line end: the letters that end `head` and
/// those that start `next`.
fn broken_word<'a>(head: &'a str, next: &'a str) -> (&'a str, &'a str) {
    let start = head.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last().map_or(head.len(), |(i, _)| i);
    let end = next.char_indices().find(|(_, c)| !c.is_alphabetic()).map_or(next.len(), |(i, _)| i);
    (&head[start..], &next[..end])
}

/// Whether the text writes the compound `hyphenated` elsewhere, give or take the
/// ending of its second part (`Военно-Штабного`, `Военно-Штабной`).
fn writes_compound(compounds: &BTreeSet<String>, hyphenated: &str) -> bool {
    let lower = hyphenated.to_lowercase();
    let len = lower.chars().count();
    let second = lower.chars().position(|c| c == '-').map_or(0, |i| i + 5);
    let stem: String = lower.chars().take(len.saturating_sub(3).max(second)).collect();
    starts_a_word_of(compounds, &stem)
}

/// Whether some word of `words` starts with `stem`.
fn starts_a_word_of(words: &BTreeSet<String>, stem: &str) -> bool {
    words.range(stem.to_string()..).next().is_some_and(|w| w.starts_with(stem))
}

/// Whether a word broken at a hyphen is a compound of two words (`научно-` /
/// `исследовательскими`): the first part ends as the profile's compound first parts
/// do and the second is a word the text also writes elsewhere, give or take its
/// ending (`исследовательских`). A syllable cut (`безо-` / `пасности`) leaves no
/// such word.
fn two_words(endings: &[&str], head: &str, tail: &str, words: &BTreeSet<String>) -> bool {
    let (head, tail) = (head.to_lowercase(), tail.to_lowercase());
    let tail_len = tail.chars().count();
    if head.chars().count() < 4 || !endings.iter().any(|e| head.ends_with(e)) || tail_len < 6 {
        return false;
    }
    // The stem: all but an ending of up to three letters.
    let stem: String = tail.chars().take(tail_len.saturating_sub(3).max(5)).collect();
    starts_a_word_of(words, &stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        let mut r = Vec::new();
        normalize(texts, &mut r)
    }

    /// [`plain_length`] as it read characters, before it read bytes.
    fn plain_length_of_chars(line: &str) -> Option<usize> {
        let mut len = 0;
        let mut prev_space = true;
        for c in line.chars() {
            let ok = match c {
                ' ' => !prev_space,
                '!'..='~'
                | '\u{A1}'..='\u{2FF}'
                | '\u{400}'..='\u{45F}'
                | '\u{2010}'..='\u{2027}'
                | '\u{3001}'..='\u{3029}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{FF01}'..='\u{FF5E}' => c != '\u{AD}',
                _ => false,
            };
            if !ok {
                return None;
            }
            prev_space = c == ' ';
            len += 1;
        }
        (!prev_space || line.is_empty()).then_some(len)
    }

    #[test]
    fn plain_lines_are_told_on_their_bytes_as_on_their_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for t in [c.to_string(), format!("a{c}"), format!("{c}b"), format!("{c} {c}"), format!("x {c}  y")] {
                assert_eq!(plain_length(&t), plain_length_of_chars(&t), "{c:?} {t:?}");
            }
        }
    }

    /// Lines that need no repair are read without the full repair, and come out as
    /// the full repair makes them.
    #[test]
    fn plain_lines_are_what_the_repair_makes_of_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| plain_length(&c.to_string()).is_some()) {
            assert!(!c.is_whitespace() && !c.is_control(), "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(
                unicode_normalization::is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes
            );
        }
        let texts =
            ["", "a", " a", "a ", "a  b", "a b", "Статья 1. Текст", "第一条　缔约", "x\u{AD}y", "a\u{A0}b", "e\u{301}"];
        for t in texts {
            let mut r = Vec::new();
            let full = repair_line(t, 1, 0, &mut r);
            if let Some(len) = plain_length(t) {
                assert!(r.is_empty(), "{t:?}");
                let want = Line {
                    text: t.to_string(),
                    first: 1,
                    last: 1,
                    indent: 0,
                    page_break: false,
                    physical: [len; 2],
                    printed: len,
                };
                assert_eq!(full, want, "{t:?}");
                assert_eq!(normalize(&[t], &mut r), [want]);
            }
        }
        assert_eq!(
            texts.map(|t| plain_length(t).is_some()),
            [true, true, false, false, false, true, true, false, false, false, false]
        );
        // Indented, with a line that is not (so that no margin is common to all).
        for t in ["　　第一条 缔约", "  Статья 1.", "　 a", "   ", "　　", "  a  b", "　　第一条　缔约", "\ta"]
        {
            let (mut quick, mut full) = (Vec::new(), Vec::new());
            let read = normalize(&[t, "x"], &mut quick);
            assert_eq!(read[0], repair_line(t, 1, 0, &mut full), "{t:?}");
            assert_eq!(quick, full, "{t:?}");
        }
    }

    #[test]
    fn letter_gaps_read_on_the_bytes_count_as_read_by_characters() {
        // The gaps as counted character by character.
        fn by_chars(text: &str) -> (usize, usize) {
            let (mut spaced, mut close) = (0, 0);
            let (mut before, mut last, mut last_space) = (false, false, true);
            for c in text.chars() {
                let tight = is_tight(c);
                if tight && last {
                    close += 1;
                } else if tight && last_space && before {
                    spaced += 1;
                }
                (before, last, last_space) = (last, tight, c == ' ');
            }
            (spaced, close)
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = ["tests/fixtures/un-charter-1945.zh.txt", "tests/fixtures/un-charter-1945.ru.txt"]
            .iter()
            .flat_map(|p| {
                std::fs::read_to_string(root.join(p)).unwrap().lines().map(str::to_string).collect::<Vec<_>>()
            })
            .collect();
        texts.extend(
            [
                "上 海 合 作 组 织 成 员 国 元 首 理 事 会",
                "2 0 0 2 年 6 月",
                "第 十 一 条 · 二",
                "Статья 1 · 2 — «А» 3 4",
                "a 1 ½ 2 ߿ 3 ࠀ 4 😀 5",
                "",
            ]
            .map(str::to_string),
        );
        // Every character up to U+FFFF once, between digits, spaced and not.
        let every: String = (0..=0xFFFF).filter_map(char::from_u32).flat_map(|c| [c, ' ', '7', c, '8']).collect();
        texts.push(every);
        for t in &texts {
            assert_eq!(letter_gaps(t), by_chars(t), "{t:?}");
        }
        assert!(texts.iter().filter(|t| letter_gaps(t).0 >= 8).count() >= 2);
    }

    #[test]
    fn tight_characters_are_wide_digits_and_the_marks_among_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let tight =
                crate::text::is_wide(c) || c.is_ascii_digit() || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·');
            assert_eq!(is_tight(c), tight, "{c:?}");
        }
    }

    #[test]
    fn words_are_runs_of_letters() {
        let words: Vec<(usize, &str)> = words_of("Сан-Франциско, 26 июня 1945г.ООН").collect();
        assert_eq!(words, [(0, "Сан"), (7, "Франциско"), (30, "июня"), (43, "г"), (46, "ООН")]);
        let words: Vec<&str> = words_of("Ärger, élan; x\u{482}y Ѡz 第一条 — ab").map(|(_, w)| w).collect();
        assert_eq!(words, ["Ärger", "élan", "x", "y", "Ѡz", "第一条", "ab"]);
        // As the standard library splits them, over the first blocks of characters.
        let text: String = (0..0x3000).filter_map(char::from_u32).collect();
        let want: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
        assert_eq!(words_of(&text).map(|(_, w)| w).collect::<Vec<_>>(), want);
        assert_eq!(words_of("").count(), 0);
        assert_eq!(words_of("— 12 —").count(), 0);
    }

    #[test]
    fn page_numbers() {
        for t in ["- 3 -", "— 12 —", "3", "3/12", "Page 7"] {
            assert!(is_page_number(Lang::Ru.profile(), t), "{t}");
        }
        assert!(is_page_number(Lang::Ru.profile(), "стр. 4"));
        assert!(is_page_number(Lang::Zh.profile(), "第3页"));
        assert!(is_page_number(Lang::Zh.profile(), "第3页共12页"));
        assert!(is_page_number(Lang::Ru.profile(), "стр. 3 из 12"));
        for t in ["1.", "2002年", "Статья 3", "3 дня"] {
            assert!(!is_page_number(Lang::Ru.profile(), t), "{t}");
            assert!(!is_page_number(Lang::Zh.profile(), t), "{t}");
        }
    }

    #[test]
    fn markup() {
        let mut ls = lines(&["- 一、缔约各方批准。**", "**Статья 1**", "- развитие связей", "## Глава I"]);
        let mut r = Vec::new();
        strip_markup(Lang::Zh, &mut ls[..1], &mut r);
        strip_markup(Lang::Ru, &mut ls[1..], &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["一、缔约各方批准。", "Статья 1", "- развитие связей", "Глава I"]);
        assert_eq!(r.len(), 3);
    }

    #[test]
    fn letter_spacing_of_chinese_is_taken_out() {
        let mut ls = lines(&[
            "上 海 合 作 组 织 于 2 0 0 2 年 6 月 7 日 签 署 的 《 上 海 合 作 组 织 宪 章 》 ， AM Wales 议 员",
            "缔约各方 根据 本国法律",
            "第 一 条",
            "缔约各方根据公认的国际法原则和规则，在其感兴趣的领域发展长期睦邻、友好和合作关系。",
        ]);
        let mut r = Vec::new();
        unspace_wide(&mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "上海合作组织于2002年6月7日签署的《上海合作组织宪章》， AM Wales 议员",
                "缔约各方 根据 本国法律",
                "第 一 条",
                "缔约各方根据公认的国际法原则和规则，在其感兴趣的领域发展长期睦邻、友好和合作关系。"
            ]
        );
        assert_eq!(r.len(), 1);
        // A whole text set so: its short lines too.
        let mut ls = lines(&["上 海 合 作 组 织 成 员 国 长 期 睦 邻 友 好", "", "第 十 一 条", "缔 约 各 方"]);
        let mut r = Vec::new();
        unspace_wide(&mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["上海合作组织成员国长期睦邻友好", "", "第十一条", "缔约各方"]);
    }

    #[test]
    fn a_drafts_stamp_before_the_articles_is_left_out() {
        let mut ls = lines(&["ДОГОВОР", "ПРОЕКТ", "о дружбе", "(проект)", "Статья 1", "Проект"]);
        let mut r = Vec::new();
        strip_stamps(Lang::Ru, &mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["ДОГОВОР", "", "о дружбе", "", "Статья 1", "Проект"]);
        assert_eq!(r.len(), 2);
        let mut ls = lines(&["上海合作组织成员国长期睦邻友好合作条约", "（草案）", "草案第二稿说明"]);
        strip_stamps(Lang::Zh, &mut ls, &mut r);
        assert_eq!(ls[1].text, "");
        assert_eq!(ls[2].text, "草案第二稿说明");
    }

    #[test]
    fn footnotes_at_the_foot_of_a_page_and_their_marks_are_left_out() {
        let mut ls = lines(&[
            "руководствуясь целями и принципами Устава Организации Объединенных Наций1, общепризнанными",
            "принципами, в том числе п.1 и статьи 2, подписанной 26 июня 1945 года",
            "1 Устав ООН подписан 26 июня 1945 года в Сан-Франциско.",
            "\u{c}Организации, так и со всеми",
            "遵循《联合国宪章》2的宗旨和原则，第2条和第1、2款",
            "2 《联合国宪章》于 1945 年 6 月 26 日在旧金山签署。",
            "\u{c}",
            "26 июня 1945 года в Сан-Франциско",
        ]);
        let mut r = Vec::new();
        strip_footnotes(Lang::Ru, &mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "руководствуясь целями и принципами Устава Организации Объединенных Наций, общепризнанными",
                "принципами, в том числе п.1 и статьи 2, подписанной 26 июня 1945 года",
                "",
                "Организации, так и со всеми",
                "遵循《联合国宪章》的宗旨和原则，第2条和第1、2款",
                "",
                "",
                "26 июня 1945 года в Сан-Франциско",
            ]
        );
        assert_eq!(r.len(), 4);
        // A line that starts with a number is no note without its mark above, nor
        // one whose number does not come next, nor after a code in capitals.
        let mut ls = lines(&["статьи 2 и 3", "2 ноября 2005 года", "\u{c}"]);
        strip_footnotes(Lang::Ru, &mut ls, &mut r);
        assert_eq!(ls[1].text, "2 ноября 2005 года");
        let mut ls =
            lines(&["выбросов CO2 и статья3 в", "3 Договаривающиеся Стороны", "\u{c}", "G1 и ISO1", "1 Стороны"]);
        strip_footnotes(Lang::Ru, &mut ls, &mut r);
        assert_eq!([ls[1].text.as_str(), &ls[4].text], ["3 Договаривающиеся Стороны", "1 Стороны"]);
        // pdftotext's number alone on a line, the note after it, a page number last.
        let mut ls = lines(&[
            "Объединенных Наций1, общепризнанными",
            "1",
            "",
            "Устав ООН подписан",
            "в Сан-Франциско.",
            "3",
            "\u{c}",
        ]);
        strip_footnotes(Lang::Ru, &mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Объединенных Наций, общепризнанными", "", "", "", "", "3", ""]);
        // pdftotext's space between a Chinese closing bracket and its mark.
        let mut ls = lines(&["遵循《联合国宪章》 1的宗旨，于 1945 年", "1 《联合国宪章》于 1945 年签署。", "\u{c}"]);
        strip_footnotes(Lang::Zh, &mut ls, &mut r);
        assert_eq!([ls[0].text.as_str(), &ls[1].text], ["遵循《联合国宪章》的宗旨，于 1945 年", ""]);
        // A mark between ideographs; none after 第 or before what is counted.
        let mut ls = lines(&["缔约各方1奉行第1条和1个", "1 于比什凯克签署。", "\u{c}"]);
        strip_footnotes(Lang::Ru, &mut ls, &mut r);
        assert_eq!([ls[0].text.as_str(), &ls[1].text], ["缔约各方奉行第1条和1个", ""]);
    }

    #[test]
    fn a_letter_o_among_numerals_is_the_numeral_zero() {
        let mut ls = lines(&[
            "本条约于二OO七年八月十六日在比什凯克签订",
            "二ＯＯ二年六月七日、二00二年",
            "CO2 排放、GOOD、一O、二〇〇七年",
        ]);
        let mut r = Vec::new();
        restore_numeral_zeros(Lang::Zh, &mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "本条约于二〇〇七年八月十六日在比什凯克签订",
                "二〇〇二年六月七日、二〇〇二年",
                "CO2 排放、GOOD、一O、二〇〇七年"
            ]
        );
        assert_eq!(r.len(), 2);
        let mut ls = lines(&["ГОО 2007"]);
        restore_numeral_zeros(Lang::Ru, &mut ls, &mut r);
        assert_eq!(ls[0].text, "ГОО 2007");
    }

    #[test]
    fn a_hyphen_an_extractor_dropped_is_put_back() {
        let mut ls = lines(&[
            "сотрудничестве ГосударствЧленов Шанхайской",
            "между государствами-членами и государств-членов; государств-членов, государств-членов",
            "государствчленов, государствамичленами государствами-членами.",
            "полностью и не полно-стью",
        ]);
        let mut r = Vec::new();
        restore_dropped_hyphens(Lang::Ru, &mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "сотрудничестве Государств-Членов Шанхайской",
                "между государствами-членами и государств-членов; государств-членов, государств-членов",
                "государств-членов, государствами-членами государствами-членами.",
                "полностью и не полно-стью"
            ]
        );
        assert_eq!(r.len(), 3);
        assert!(r[0].message.contains("государств-членов"), "{:?}", r[0]);
    }

    #[test]
    fn hyphenation_keeps_real_hyphens() {
        let mut ls = lines(&["усиливают со-", "", "- 3 -", "трудничество государств-", "членов и народов"]);
        let mut r = Vec::new();
        strip_page_furniture(Lang::Ru, &mut ls, true, &mut r);
        join_hyphenation(Lang::Ru, &mut ls, &mut r);
        assert_eq!(ls[0].text, "усиливают сотрудничество государств-членов и народов");
        assert_eq!((ls[0].first, ls[0].last), (1, 5));
        // A compound of two words, the second written elsewhere; a syllable cut.
        let mut ls = lines(&[
            "связи между научно-",
            "исследовательскими организациями и безо-",
            "пасности, совместных исследовательских программ",
        ]);
        join_hyphenation(Lang::Ru, &mut ls, &mut r);
        assert_eq!(
            ls[0].text,
            "связи между научно-исследовательскими организациями и безопасности, совместных исследовательских программ"
        );
    }

    #[test]
    fn glued_page_numbers() {
        let mut ls = lines(&["любой Договаривающих3 ся Сторон", "статей 34 и 35", "COVID19 vaccine"]);
        let mut r = Vec::new();
        unglue_page_numbers(Lang::Ru, &mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["любой Договаривающихся Сторон", "статей 34 и 35", "COVID19 vaccine"]);
        assert_eq!(r.len(), 1);
        // At a page end, where the hyphen went with the page number (`ре11` / form
        // feed / `комендации`); a number that ends a sentence stays.
        let mut ls = lines(&[
            "по любому из этих вопросов ре11",
            "",
            "\u{c}комендации Членам",
            "в статье 11",
            "",
            "\u{c}и далее",
        ]);
        let mut r = Vec::new();
        unglue_page_numbers(Lang::Ru, &mut ls, &mut r);
        join_hyphenation(Lang::Ru, &mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().filter(|l| !l.is_blank()).map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["по любому из этих вопросов рекомендации Членам", "в статье 11", "и далее"]);
    }

    #[test]
    fn hyphens_set_apart_and_forms_of_written_words() {
        // pdftotext -layout reads a hyphen drawn apart from its syllable with a space;
        // a dash stays where the parts make no word the text writes.
        let mut ls = lines(&[
            "с незаконным оборотом, с Договаривающимися Сторонами;",
            "борьба с не -",
            "законным оборотом, соглашение с Догова -",
            "ривающимися Сторонами. Договор -",
            "это соглашение.",
        ]);
        let mut r = Vec::new();
        join_hyphenation(Lang::Ru, &mut ls, &mut r);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts[1..],
            ["борьба с незаконным оборотом, соглашение с Договаривающимися Сторонами. Договор -", "это соглашение."]
        );
        // `Республи-` + `ка` is a form of the `Республик` the text writes, not a
        // word with the particle `-ка`.
        let mut ls = lines(&["Союз Советских Социалистических Республик и Китайская Республи-", "ка, Франция"]);
        join_hyphenation(Lang::Ru, &mut ls, &mut r);
        assert_eq!(ls[0].text, "Союз Советских Социалистических Республик и Китайская Республика, Франция");
    }

    #[test]
    fn whitespace() {
        let ls = lines(&["\u{3000}\u{3000}一、维持", "1\u{a0}000  рублей "]);
        assert_eq!(ls[0].text, "一、维持");
        assert_eq!(ls[0].indent, 4);
        assert_eq!(ls[1].text, "1 000 рублей");
    }
}
