//! The PDF reader: the text layer, through poppler's `pdftotext`.
//!
//! Which extractor? Measured on LibreOffice PDFs of the treaty and the UN Charter in
//! both languages (`tests/fixtures/realdocs/`): `pdftotext` gives the right text in
//! reading order, with the positions of every line and word (`-bbox-layout`), in
//! 0.06–0.6 s. The pure-Rust pdf-extract read these files but kept the justified gaps
//! as runs of three spaces, and panics on Chinese fonts with predefined CMaps (common
//! in Chinese government PDFs); lopdf split lines at every font change (`2002` alone
//! on a line, a hyphen on a line of its own). So `pdftotext` it is, run as a program
//! on PATH with a time limit and a cap on its output.
//!
//! From the positions:
//! - **pages** are known: a form feed alone on a line ends each page;
//! - **running headers and footers** are dropped by position: a line in the top or
//!   bottom band of a page that repeats on other pages (digits aside), or that is a
//!   page number (`3`, `- 3 -`, `— 3 —`, `3/12`, `第3页`); an article heading that
//!   starts a page stays (`Статья 4`, `Статья 11`: the digits are all that repeat);
//! - **words** are joined with a space only where the page has a gap between them:
//!   `pdftotext` splits `2002年` where the font changes, and the page shows no space.
//!
//! The lines are written as they are printed, one per line, a hyphen at a line end
//! kept: paragraphs are rebuilt by the plain-text reading (`layout: None`), which
//! also joins `со-` / `трудничество` across lines. Kangxi radicals (U+2F00–U+2FD5)
//! and CJK radicals that some PDF fonts map their ideographs to are mapped back to
//! the unified ideographs.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quick_xml::Reader;
use quick_xml::events::Event;
use unicode_normalization::UnicodeNormalization;

use super::Extracted;
use crate::error::{Error, ErrorKind, Result};
use crate::lang::Lang;
use crate::limits::{MAX_PDF_SECONDS, MAX_PDF_XHTML_BYTES};
use crate::structure::Breaks;

/// The program that reads the text layer.
const PDFTOTEXT: &str = "pdftotext";

/// Reads a PDF's text layer: its lines, page by page, running headers, footers and
/// page numbers left out.
pub fn read(bytes: &[u8], path: &Path) -> Result<Extracted> {
    let xhtml = run_pdftotext(bytes, path)?;
    let pages = parse_bbox(&xhtml, path)?;
    let printed = pages.len();
    let mut two = 0;
    let mut cells = 0;
    let mut columns = Vec::with_capacity(pages.len());
    for mut page in pages {
        match two_columns(&mut page) {
            Some(right) => {
                two += 1;
                columns.extend([page, right]);
            }
            None => {
                cells += signature_cells(&mut page, cells);
                merge_baselines(&mut page.lines);
                columns.push(page);
            }
        }
    }
    let pages = columns;
    if pages.iter().all(|p| p.lines.is_empty()) {
        return Err(document(path, "no text layer: this PDF needs OCR first (it holds only images)"));
    }
    let (pages, removed) = remove_furniture(pages);
    let text = paragraphs(&pages);
    let mut notes = vec![format!(
        "{} pages; removed by position: {} running header lines, {} page numbers",
        printed, removed.running, removed.page_numbers
    )];
    if two > 0 {
        notes.push(format!("{two} pages in two columns, read a column at a time"));
    }
    if cells > 0 {
        notes.push(format!("rows of signatures set side by side, read a cell at a time: {}", cells / 2));
    }
    notes.push(
        "paragraphs from indents, gaps, sizes and line ends; lines as printed, a hyphen at a line end kept".to_string(),
    );
    Ok(Extracted { text, encoding: "UTF-8".to_string(), breaks: Breaks::PrintedLines, notes })
}

fn document(path: &Path, why: &str) -> Error {
    Error::new(ErrorKind::Document(why.to_string()), path)
}

/// Runs `pdftotext -enc UTF-8 -bbox-layout` on the bytes (written to a temporary
/// file: the input may be standard input), within [`MAX_PDF_SECONDS`] and
/// [`MAX_PDF_XHTML_BYTES`].
fn run_pdftotext(bytes: &[u8], path: &Path) -> Result<String> {
    let io = |e: std::io::Error| Error::new(ErrorKind::Io(e.to_string()), path);
    let mut file = tempfile::Builder::new().suffix(".pdf").tempfile().map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.flush().map_err(io)?;
    let mut child = match Command::new(PDFTOTEXT)
        .args(["-enc", "UTF-8", "-bbox-layout"])
        .arg(file.path())
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(document(
                path,
                "pdftotext not found: install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; \
                 macOS: brew install poppler)",
            ));
        }
        Err(e) => return Err(io(e)),
    };
    // Both pipes are drained in threads, so that the program never blocks on a full
    // pipe while it is timed here.
    let cap = MAX_PDF_XHTML_BYTES;
    let mut stdout = child.stdout.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let r = stdout.by_ref().take(cap + 1).read_to_end(&mut buf);
        // Keep draining past the cap so the program can finish or be killed.
        let _ = std::io::copy(&mut stdout, &mut std::io::sink());
        r.map(|_| buf)
    });
    let mut stderr = child.stderr.take().expect("piped");
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.by_ref().take(64 * 1024).read_to_end(&mut buf);
        let _ = std::io::copy(&mut stderr, &mut std::io::sink());
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(io)? {
            break status;
        }
        if start.elapsed() > Duration::from_secs(MAX_PDF_SECONDS) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::new(
                ErrorKind::Limit(format!(
                    "pdftotext took more than {MAX_PDF_SECONDS} s on this PDF; that is the limit"
                )),
                path,
            ));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = out.join().expect("reader thread").map_err(io)?;
    let stderr = String::from_utf8_lossy(&err.join().expect("reader thread")).into_owned();
    if stdout.len() as u64 > cap {
        return Err(Error::new(
            ErrorKind::Limit(format!("the text layer of this PDF is more than {cap} bytes; that is the limit")),
            path,
        ));
    }
    if !status.success() {
        if stderr.contains("Incorrect password") {
            return Err(document(
                path,
                "the PDF is encrypted: remove its password first, e.g. \
                 `qpdf --decrypt --password=… in.pdf out.pdf`",
            ));
        }
        let first = stderr.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("no message");
        return Err(document(path, &format!("pdftotext could not read the PDF ({status}): {first}")));
    }
    String::from_utf8(stdout).map_err(|_| document(path, "pdftotext wrote text that is not UTF-8"))
}

/// A printed line: its box and its words' text.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    x_min: f64,
    x_max: f64,
    y_min: f64,
    y_max: f64,
    text: String,
    /// The width of the line's text up to its first break opportunity: see [`lead`].
    lead: f64,
    /// Where the text starts after the numbering label the line begins with, if it
    /// does: see [`text_at`].
    text_at: Option<f64>,
    /// The cell of a row of signatures set side by side that the line is in, if it
    /// is: see [`signature_cells`].
    cell: Option<usize>,
}

impl Line {
    fn height(&self) -> f64 {
        self.y_max - self.y_min
    }
}

/// Whether a line is set larger or smaller than the one before it: a heading, or
/// the text after one. A footnote's mark makes a line up to a sixth taller.
fn resized(p: &Line, next: &Line) -> bool {
    (next.height() - p.height()).abs() > next.height().min(p.height()) * 0.2
}

/// Whether a line that ends short of the right edge is set larger than the next: a
/// heading. Word's and LibreOffice's second-level heading is 13 points over a text
/// of 11, its lines 18 % taller; a line of a paragraph with a footnote's mark is as
/// much taller, but stands short only where its paragraph ends.
fn heading_size(p: &Line, next: &Line, edge: f64) -> bool {
    p.height() - next.height() > next.height() * 0.15 && edge - p.x_max > next.height() * 2.0
}

#[derive(Debug, Clone, PartialEq)]
struct Page {
    height: f64,
    lines: Vec<Line>,
}

/// A word while a line is read.
struct Word {
    x_min: f64,
    x_max: f64,
    text: String,
}

/// Reads `pdftotext -bbox-layout` output: pages of lines of words, with boxes.
fn parse_bbox(xhtml: &str, path: &Path) -> Result<Vec<Page>> {
    let bad = |e: &dyn std::fmt::Display| document(path, &format!("pdftotext wrote output that cannot be read: {e}"));
    let mut reader = Reader::from_str(xhtml);
    let mut pages: Vec<Page> = Vec::new();
    let mut line: Option<(f64, f64, Vec<Word>)> = None;
    let mut x_range = (0.0, 0.0);
    let mut word: Option<Word> = None;
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> f64 {
        e.attributes().flatten().find(|a| a.key.as_ref() == name).and_then(|a| a.value.parse().ok()).unwrap_or(0.0)
    };
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) => match e.name().as_ref() {
                "page" => pages.push(Page { height: attr(&e, "height"), lines: Vec::new() }),
                "line" => {
                    x_range = (attr(&e, "xMin"), attr(&e, "xMax"));
                    line = Some((attr(&e, "yMin"), attr(&e, "yMax"), Vec::new()));
                }
                "word" => word = Some(Word { x_min: attr(&e, "xMin"), x_max: attr(&e, "xMax"), text: String::new() }),
                _ => {}
            },
            Event::Text(t) => {
                if let Some(w) = word.as_mut() {
                    w.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(w) = word.as_mut() {
                    w.text.extend(super::xml::reference(&r));
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "word" => {
                    if let (Some(w), Some(l)) = (word.take(), line.as_mut()) {
                        l.2.push(w);
                    }
                }
                "line" => {
                    if let (Some((y_min, y_max, mut words)), Some(page)) = (line.take(), pages.last_mut()) {
                        // In the order they stand on the line: `pdftotext` gives them in
                        // the order the page draws them, and a justified line may draw a
                        // word last (`в` `сельского` … `области`).
                        words.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
                        let text = join_words(&words, y_max - y_min);
                        if !text.trim().is_empty() {
                            let lead = words.first().map_or(0.0, lead);
                            let text_at = text_at(&words);
                            page.lines.push(Line {
                                x_min: x_range.0,
                                x_max: x_range.1,
                                y_min,
                                y_max,
                                text,
                                lead,
                                text_at,
                                cell: None,
                            });
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(pages)
}

/// Reads a row of two signatures set side by side (a table without borders: `За
/// Правительство Российской` | `За Правительство Китайской`, with the rest of each
/// cell on the lines under it) a cell at a time: the left cell's lines, then the
/// right's. `pdftotext` gives the cells as pieces of the same printed lines, which
/// would be put together line by line and interleave the two names.
///
/// A row is two lines on one baseline, a gap of a line's height or more apart, each a
/// signature by a language's profile. Its cells take the lines under it, while each
/// stands wholly left or wholly right of where the right cell starts, within three
/// line heights of the line above, and is no signature of its own (which starts the
/// next row: a grid of signatures is read row by row). The lines of a cell get its
/// number; the cells are numbered from `first`. Returns how many cells there are.
fn signature_cells(page: &mut Page, first: usize) -> usize {
    /// The most lines under a row.
    const MOST: usize = 6;
    let signature = |text: &str| Lang::ALL.iter().any(|l| (l.profile().is_signature)(text.trim()));
    let lines = &mut page.lines;
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| lines[a].y_min.total_cmp(&lines[b].y_min));
    let mut next = first;
    let mut k = 0;
    while k < order.len() {
        let i = order[k];
        if lines[i].cell.is_some() || !signature(&lines[i].text) {
            k += 1;
            continue;
        }
        // The lines on the row's baseline, near it in the order by height.
        let near = order[k.saturating_sub(8)..(k + 8).min(order.len())].iter().copied();
        let beside: Vec<usize> = near.filter(|&j| j != i && same_baseline(&lines[i], &lines[j])).collect();
        // Exactly two signatures side by side, the second right of the first: three
        // or more, or one line holding two (`За … За …`), are left as they are.
        let row = match beside[..] {
            [j] if lines[j].x_min - lines[i].x_max >= lines[i].height().min(lines[j].height())
                && signature(&lines[j].text)
                && lines[j].cell.is_none() =>
            {
                Some(j)
            }
            _ => None,
        };
        let Some(j) = row else {
            k += 1;
            continue;
        };
        let h = lines[i].height();
        let split = lines[j].x_min - h * 0.5;
        let mut cells: [Vec<usize>; 2] = [vec![i], vec![j]];
        let mut last = lines[i].y_min;
        for &u in &order[k + 1..] {
            let l = &lines[u];
            if u == j || same_baseline(l, &lines[i]) {
                continue;
            }
            let side = if l.x_max <= split {
                0
            } else if l.x_min >= split {
                1
            } else {
                // A line across the split: the block is no table of two cells, or
                // the line's other half is already in one: leave the row as it is.
                if cells.iter().flatten().any(|&t| t != i && t != j && same_baseline(&lines[t], l)) {
                    cells = [vec![i], vec![j]];
                }
                break;
            };
            // The rest of a cell is a name wrapped, who signed: short pieces, no
            // heading or numbered paragraph, set as the row is.
            let own = |text: &str| {
                Lang::ALL.iter().any(|l| {
                    let p = l.profile();
                    (p.is_signature)(text) || (p.heading)(text).is_some() || (p.label)(text).is_some()
                })
            };
            if l.y_min - last > h * 3.0
                || own(l.text.trim())
                || l.text.chars().count() > 40
                || resized(&lines[i], l)
                || cells[0].len() + cells[1].len() >= 2 + MOST
            {
                break;
            }
            last = l.y_min;
            cells[side].push(u);
        }
        // A row whose cells took nothing under it reads as before: one line, cut
        // into its two signatures by the structure.
        if cells.iter().any(|c| c.len() > 1) {
            for (c, cell) in cells.iter().enumerate() {
                for &u in cell {
                    lines[u].cell = Some(next + c);
                }
            }
            next += 2;
        }
        k += 1;
    }
    if next == first {
        return 0;
    }
    // The cells' lines in reading order, where the row's first line stood: left cell,
    // then right, each top to bottom; every other line where it was.
    let mut start = vec![usize::MAX; (next - first) / 2];
    for (k, l) in lines.iter().enumerate() {
        if let Some(c) = l.cell {
            start[(c - first) / 2] = start[(c - first) / 2].min(k);
        }
    }
    let mut keyed: Vec<(usize, Line)> =
        lines.drain(..).enumerate().map(|(k, l)| (l.cell.map_or(k, |c| start[(c - first) / 2]), l)).collect();
    keyed.sort_by(|(a, x), (b, y)| a.cmp(b).then(x.cell.cmp(&y.cell)).then(x.y_min.total_cmp(&y.y_min)));
    *lines = keyed.into_iter().map(|(_, l)| l).collect();
    next - first
}

/// Puts back together the lines that share a baseline: `pdftotext` cuts a line
/// justified with wide gaps (`МЫ, НАРОДЫ   ОБЪЕДИНЕННЫХ   НАЦИЙ, …`) into pieces
/// that it may give in any order, a piece in the middle last (`в` `сельского` …
/// `области`). Pieces have their vertical centres within three tenths of the smaller
/// one's height; they are joined left to right once all are found. Lines of one column
/// never do, so the order of everything else stays as read.
fn merge_baselines(lines: &mut Vec<Line>) {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // The pieces of each line of `out` put together from more than one.
    let mut pieces: Vec<Vec<Line>> = Vec::with_capacity(lines.len());
    for line in lines.drain(..) {
        // Pieces of one printed line come within a few lines of each other (a
        // bracket in another font may come a page's paragraph later).
        let start = out.len().saturating_sub(32);
        match out[start..].iter().rposition(|o| same_baseline(o, &line) && o.cell == line.cell) {
            Some(k) => {
                let i = start + k;
                if pieces[i].is_empty() {
                    pieces[i].push(out[i].clone());
                }
                let o = &mut out[i];
                o.x_min = o.x_min.min(line.x_min);
                o.x_max = o.x_max.max(line.x_max);
                o.y_min = o.y_min.min(line.y_min);
                o.y_max = o.y_max.max(line.y_max);
                pieces[i].push(line);
            }
            None => {
                out.push(line);
                pieces.push(Vec::new());
            }
        }
    }
    for (o, mut parts) in out.iter_mut().zip(pieces).filter(|(_, p)| !p.is_empty()) {
        parts.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
        let (first, rest) = parts.split_first().expect("two pieces or more");
        let (mut text, mut text_at, mut end) = (first.text.clone(), first.text_at, first.x_max);
        o.lead = first.lead;
        for p in rest {
            // A label that `pdftotext` gave as a line of its own (`1.`, then the text
            // after a tab): the text starts where the next piece does.
            text_at = text_at.or_else(|| is_label(&text).then_some(p.x_min));
            // A space where the page shows a gap, as between words.
            if p.x_min - end > o.height().min(p.height()) * 0.1 {
                text.push(' ');
            }
            text.push_str(&p.text);
            end = end.max(p.x_max);
        }
        o.text = text;
        o.text_at = text_at;
    }
    *lines = out;
}

/// Whether two lines share a baseline: centred on the same height (a font's box may
/// be far taller than its glyphs, in CJK fonts, so boxes of lines one above the other
/// can overlap).
fn same_baseline(a: &Line, b: &Line) -> bool {
    let height = a.height().min(b.height());
    height > 0.0 && ((a.y_min + a.y_max) - (b.y_min + b.y_max)).abs() / 2.0 < height * 0.3
}

/// The right column of a page set in two columns, taken off the page as a page of
/// its own, moved left onto the left column's place: the paragraphs are read as in
/// one column, a paragraph that runs on from the foot of the left column to the head
/// of the right as over a page end. `pdftotext` does not always tell the columns of
/// Chinese text apart: each column's lines are put top to bottom.
///
/// A page is in two columns where a quarter of its lines or more start at one place
/// (within a line's height) right of a quarter of its width, over two fifths of the
/// height its lines take, and nine in ten of the others, a quarter or more of its
/// lines too, end before that place: a centred heading starts where its length puts
/// it, and a table of signatures takes a few rows.
fn two_columns(page: &mut Page) -> Option<Page> {
    let lines = &mut page.lines;
    if lines.len() < 12 {
        return None;
    }
    let left = lines.iter().map(|l| l.x_min).fold(f64::MAX, f64::min);
    let right = lines.iter().map(|l| l.x_max).fold(f64::MIN, f64::max);
    // How far down the page lines reach, from the top of the first to the foot of the last.
    let reach = |lines: &[&Line]| {
        lines.iter().map(|l| l.y_max).fold(f64::MIN, f64::max) - lines.iter().map(|l| l.y_min).fold(f64::MAX, f64::min)
    };
    // The right column's left edge: where most lines right of a quarter of the width start.
    let mut starts: Vec<f64> = lines.iter().map(|l| l.x_min).filter(|&x| x > left + (right - left) / 4.0).collect();
    starts.sort_by(f64::total_cmp);
    let &edge = starts.get(starts.len() / 2)?;
    let height = lines.iter().map(Line::height).fold(f64::MAX, f64::min);
    let in_right = |l: &Line| (l.x_min - edge).abs() <= height;
    let right_lines: Vec<&Line> = lines.iter().filter(|l| in_right(l)).collect();
    let all: Vec<&Line> = lines.iter().collect();
    let others: Vec<&Line> = lines.iter().filter(|l| l.x_min < edge - height).collect();
    let before = others.iter().filter(|l| l.x_max < edge).count();
    let columns = right_lines.len() * 4 >= lines.len()
        && others.len() * 4 >= lines.len()
        && before * 10 >= others.len() * 9
        && reach(&right_lines) * 5.0 >= reach(&all) * 2.0;
    if !columns {
        return None;
    }
    let shift = edge - others.iter().map(|l| l.x_min).fold(f64::MAX, f64::min);
    let (mut second, mut first): (Vec<Line>, Vec<Line>) = lines.drain(..).partition(|l| l.x_min >= edge - height);
    for line in &mut second {
        line.x_min -= shift;
        line.x_max -= shift;
        line.text_at = line.text_at.map(|x| x - shift);
    }
    for column in [&mut first, &mut second] {
        // The pieces of a justified line of one column, cut at wide gaps.
        merge_baselines(column);
        column.sort_by(|a, b| a.y_min.total_cmp(&b.y_min));
    }
    *lines = first;
    Some(Page { height: page.height, lines: second })
}

/// Joins a line's words: with a space where the page shows a gap between them (more
/// than a tenth of the line's height), with nothing where `pdftotext` split a word
/// at a change of font (`2002` `年`).
fn join_words(words: &[Word], height: f64) -> String {
    let mut out = String::new();
    let mut prev_end: Option<f64> = None;
    for w in words {
        if let Some(end) = prev_end
            && w.x_min - end > height * 0.1
        {
            out.push(' ');
        }
        out.push_str(&w.text);
        prev_end = Some(w.x_max);
    }
    out
}

/// The text: paragraphs separated by a blank line, the lines of a paragraph as
/// printed, a form feed alone on a line between pages.
///
/// A line begins a paragraph when it is indented from the text's left edge (a first
/// line, a centred heading), when the gap above it is wider than the page's usual
/// line pitch, or when the line above it ended short of the right edge (the last line
/// of a paragraph). An indented line goes on the paragraph above where that
/// paragraph's lines stand: right of its number, up to where its text starts, in a
/// paragraph that hangs from its number (Word's automatic numbering). A paragraph
/// that runs over a page break is split there; the plain-text reading joins it again
/// (`joined line … (paragraph broken at a page end)`).
fn paragraphs(pages: &[Page]) -> String {
    let lines = || pages.iter().flat_map(|p| p.lines.iter());
    // The text's edges: the leftmost place where one line in ten begins (a few lines
    // may stick out: a table, a signature block), and the right end that nine lines in ten
    // stay within.
    let mut lefts: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
    for l in lines() {
        *lefts.entry(l.x_min.round() as i64).or_default() += 1;
    }
    let total: usize = lefts.values().sum();
    let left = lefts.iter().find(|(_, n)| **n * 10 >= total).map_or(0.0, |(x, _)| *x as f64);
    let mut rights: Vec<f64> = lines().map(|l| l.x_max).collect();
    rights.sort_by(f64::total_cmp);
    let right = rights.get(rights.len() * 9 / 10).copied().unwrap_or(0.0);
    // The right edge of the column, where a ragged right margin (a web page printed)
    // lets its longest lines reach.
    let edge = rights.get(rights.len() * 49 / 50).copied().unwrap_or(0.0);
    // A line ended its paragraph when it stopped short of the right edge by more than
    // the next line's first word would have needed: had the paragraph gone on, that
    // word would have stood on this line. Justified or ragged, the same test.
    let ended = |p: &Line, next: &Line| edge - p.x_max > next.lead + next.height() * 0.25;
    // The pitch of lines inside a paragraph, over the whole document: a low
    // quantile of the steps from line to line, since where paragraphs are short most
    // steps cross a paragraph gap.
    let mut pitches: Vec<f64> =
        pages.iter().flat_map(|p| p.lines.windows(2).map(|w| w[1].y_min - w[0].y_min)).filter(|d| *d > 0.0).collect();
    pitches.sort_by(f64::total_cmp);
    let pitch = pitches.get(pitches.len() / 5).copied().unwrap_or(f64::INFINITY);
    // Lines set larger than the text (a title) are spaced wider in proportion.
    let mut heights: Vec<f64> = lines().map(Line::height).collect();
    heights.sort_by(f64::total_cmp);
    let usual = heights.get(heights.len() / 2).copied().unwrap_or(1.0);
    // A paragraph that hangs from its number (`1.`, `一、`, `（一）`, `а)` at the left,
    // the text after a tab stop, as Word's automatic numbering sets it, at any depth)
    // has its next line right of the number and no further right than where the
    // text after the number starts: at that place, or left of it where a wide
    // number pushed the text on to the next tab stop. Or, once its second line has
    // set the paragraph's margin, at that margin. A line there is the paragraph's
    // unless the line above ended a statement (a paragraph indented at its first
    // line may start there).
    let hangs = |p: &Line, line: &Line, body: Option<f64>| {
        let h = line.height() * 0.5;
        let under_text = p.text_at.is_some_and(|at| line.x_min > p.x_min + h && line.x_min <= at + h);
        let at_margin = body.is_some_and(|x| (line.x_min - x).abs() <= h);
        (under_text || at_margin) && !ends_statement(&p.text)
    };
    let mut text = String::new();
    let mut prev: Option<&Line> = None;
    // The left edge of the paragraph's lines after its first, once known.
    let mut body: Option<f64> = None;
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            // The page ends; a paragraph that goes on on the next page has its lines
            // on both sides of the form feed, with no blank line: at the left edge,
            // or where a hanging paragraph's lines stand.
            let next = page.lines.first();
            let goes_on = prev.zip(next).is_some_and(|(p, n)| {
                (n.x_min <= left + n.height() * 0.5 || hangs(p, n, body)) && !ended(p, n) && !resized(p, n)
            });
            text.push_str(if goes_on { "\x0c\n" } else { "\n\x0c\n\n" });
            if !goes_on {
                body = None;
            } else if body.is_none() {
                body = next.map(|n| n.x_min);
            }
            prev = None;
        }
        for line in &page.lines {
            let height = line.height();
            if let Some(p) = prev {
                let gap = line.y_min - p.y_min > pitch * 1.2 * (p.height() / usual).max(1.0);
                let short = ended(p, line);
                // A line filled to the right edge and cut inside a word runs on
                // under its own start: the second line of a list item whose label
                // stands at the item's margin (`(丑) …且不` / `分种族…`), indented
                // like the first; or centred under it, in a centred title.
                let cut = p.x_max >= right - p.height() * 0.5 && cut_in_a_word(&p.text);
                let under = |x: f64| (line.x_min - x).abs() <= height * 0.5;
                let centred = ((line.x_min + line.x_max) - (p.x_min + p.x_max)).abs() <= height;
                // Once a paragraph's second line has set its margin, the lines at
                // that margin are its own, unless the line above ended a statement.
                // A centred paragraph (a preamble set centred under its title) runs
                // on while each line had no room left for the next one's first word:
                // its lines end short of both edges, so it is this test, not `ended`.
                // A full line above is a centred paragraph's only if it does not end
                // a statement: a body paragraph's last line may be full, and a centred
                // heading follow it.
                let centred_full = centred
                    && (edge - left) - (p.x_max - p.x_min) <= line.lead + height * 0.25
                    && (p.x_min > left + height * 0.5 || !ends_statement(&p.text));
                let runs_on = centred_full || (cut && (under(p.x_min) || centred)) || hangs(p, line, body);
                let indented = line.x_min > left + height * 0.5 && !runs_on;
                // A cell of a row of signatures is a paragraph of its own.
                let same_cell = line.cell.is_some() && line.cell == p.cell;
                let new_cell = line.cell != p.cell;
                if new_cell
                    || (!same_cell
                        && (indented
                            || gap
                            || (short && !centred_full)
                            || resized(p, line)
                            || heading_size(p, line, edge)))
                {
                    text.push('\n');
                    body = None;
                } else if body.is_none() {
                    body = Some(line.x_min);
                }
            }
            text.push_str(&unify_radicals(&line.text));
            text.push('\n');
            prev = Some(line);
        }
    }
    text
}

/// The width of a line's text up to its first break opportunity (UAX #14): its
/// first word, or its first ideograph with what sticks to it (`“本`, `(丑)`).
/// `pdftotext` gives a run of ideographs as one word; their widths are taken as
/// equal.
fn lead(first: &Word) -> f64 {
    let text = first.text.as_str();
    let total = text.chars().count().max(1);
    let cut = unicode_linebreak::linebreaks(text).next().map_or(text.len(), |(i, _)| i);
    let head = text[..cut].trim_end().chars().count();
    (first.x_max - first.x_min) * head as f64 / total as f64
}

/// Where the text starts after the numbering label a line begins with (`1.`, `一、`,
/// `（一）`, `а)`, in any language's profile: the reader runs before the text's
/// language is known): the next word's left edge where the label is a word of its
/// own (a tab or a space after it), or the label's share of the first word's width
/// where the text is glued to it (`一、缔约各方`; characters taken as equal widths).
fn text_at(words: &[Word]) -> Option<f64> {
    let first = words.first()?;
    if is_label(&first.text) {
        return words.get(1).map(|w| w.x_min);
    }
    let printed = Lang::ALL.iter().find_map(|l| (l.profile().label)(&first.text))?.printed;
    let (head, total) = (printed.chars().count(), first.text.trim_start().chars().count().max(1));
    Some(first.x_min + (first.x_max - first.x_min) * head as f64 / total as f64)
}

/// Whether a text is a numbering label and nothing else (`1.`, `一、`, `（一）`, `а)`).
fn is_label(text: &str) -> bool {
    Lang::ALL.iter().any(|l| (l.profile().label)(text.trim()).is_some_and(|m| m.rest.trim().is_empty()))
}

/// Whether a printed line ends where a paragraph may end: with a stop, a semicolon,
/// a colon, an exclamation or question mark of any language's profile (the reader
/// runs before the text's language is known).
fn ends_statement(text: &str) -> bool {
    text.trim_end().chars().next_back().is_some_and(|c| {
        Lang::ALL.iter().any(|l| {
            let m = l.profile().marks;
            [m.stops, m.semicolons, m.colons, m.exclamations].iter().any(|set| set.contains(&c))
        })
    })
}

/// Whether a printed line ends inside a word: on a letter, an ideograph or a digit,
/// or on a hyphen; never after punctuation, where a paragraph may end.
fn cut_in_a_word(text: &str) -> bool {
    text.trim_end().chars().last().is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '\u{2010}' | '\u{ad}'))
}

/// What [`remove_furniture`] left out.
#[derive(Debug, Default, PartialEq, Eq)]
struct Removed {
    running: usize,
    page_numbers: usize,
}

/// The share of the page's height, at the top and at the bottom, where running
/// headers and footers are looked for.
const BAND: f64 = 0.1;

/// Drops the lines in the top and bottom bands of each page that are page numbers,
/// or that repeat (digits aside) on at least half of the pages, two at least.
fn remove_furniture(mut pages: Vec<Page>) -> (Vec<Page>, Removed) {
    let in_band = |page: &Page, line: &Line| {
        page.height > 0.0 && (line.y_max < page.height * BAND || line.y_min > page.height * (1.0 - BAND))
    };
    let key = |text: &str| -> String { text.chars().filter(|c| !c.is_numeric() && !c.is_whitespace()).collect() };
    // How many pages have a band line with each key.
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    // How many band lines have each text, digits included.
    let mut exact: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for page in &pages {
        let mut keys: Vec<String> = page.lines.iter().filter(|l| in_band(page, l)).map(|l| key(&l.text)).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *counts.entry(k).or_default() += 1;
        }
        for l in page.lines.iter().filter(|l| in_band(page, l)) {
            *exact.entry(l.text.trim()).or_default() += 1;
        }
    }
    // An article or chapter heading that starts a page is no running header although
    // others start other pages (`Статья 4`, `Статья 11`): it does not repeat as it is.
    let heading_once = |text: &str| {
        exact.get(text.trim()).copied().unwrap_or(0) <= 1
            && Lang::ALL.iter().any(|l| (l.profile().heading)(text.trim()).is_some())
    };
    let keep: std::collections::BTreeSet<String> = pages
        .iter()
        .flat_map(|page| page.lines.iter().filter(|l| in_band(page, l)))
        .filter(|l| heading_once(&l.text))
        .map(|l| l.text.clone())
        .collect();
    let need = pages.len().div_ceil(2).max(2);
    let mut removed = Removed::default();
    for page in &mut pages {
        let height = page.height;
        page.lines.retain(|line| {
            let probe = Page { height, lines: Vec::new() };
            if !in_band(&probe, line) {
                return true;
            }
            if is_page_number(&line.text) {
                removed.page_numbers += 1;
                return false;
            }
            let k = key(&line.text);
            if !k.is_empty() && counts.get(&k).copied().unwrap_or(0) >= need && !keep.contains(&line.text) {
                removed.running += 1;
                return false;
            }
            true
        });
    }
    (pages, removed)
}

/// A page number as footers print it: `3`, `- 3 -`, `— 3 —`, `3/12`, `3 / 12`,
/// `第3页`, `第 3 页 共 12 页`, `стр. 3`, `Page 3`, `iv`.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let t = t.trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '－' | '·' | '•' | '[' | ']' | '(' | ')'));
    if t.is_empty() {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    // In the words of any language read here (the reader runs before the text's
    // language is known).
    if Lang::ALL.iter().any(|l| super::clean::is_page_number(l.profile(), t)) {
        return true;
    }
    t.len() <= 8 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// Maps Kangxi radicals (U+2F00–U+2FD5) and CJK radicals supplement (U+2E80–U+2EF3)
/// to the unified ideographs they stand for, leaving everything else as it is (NFKC
/// of the whole text would also turn ，（ into , ( ). NFKC of these characters alone
/// gives the ideograph for all 214 Kangxi radicals and the two supplement radicals
/// that have a decomposition; the rest of the supplement stays as printed.
fn unify_radicals(text: &str) -> String {
    if !text.chars().any(is_radical) {
        return text.to_string();
    }
    text.chars()
        .flat_map(|c| {
            if is_radical(c) {
                let mapped: String = std::iter::once(c).nfkc().collect();
                mapped.chars().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn is_radical(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2EF3}' | '\u{2F00}'..='\u{2FD5}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, text: &str) -> Line {
        Line {
            x_min: 80.0,
            x_max: 500.0,
            y_min: y,
            y_max: y + 12.0,
            text: text.to_string(),
            lead: 30.0,
            text_at: None,
            cell: None,
        }
    }

    #[test]
    fn page_numbers() {
        for t in ["3", "- 3 -", "— 3 —", "-3-", "3/12", "3 / 12", "第3页", "第 3 页 共 12 页", "стр. 3", "Page 3", "iv"]
        {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["第三条", "Статья 3", "3. Договаривающиеся", "2007", "中华人民共和国"]
        {
            assert!(!is_page_number(t) || t == "2007", "{t}");
        }
    }

    #[test]
    fn running_headers_and_page_numbers_go_by_position() {
        let page = |n: usize, body: &str| Page {
            height: 800.0,
            lines: vec![
                line(30.0, "Договор о добрососедстве"),
                line(100.0, body),
                line(400.0, &format!("Статья {n}")),
                line(770.0, &format!("- {n} -")),
            ],
        };
        let pages = vec![page(1, "ДОГОВОР"), page(2, "Статья 2"), page(3, "Статья 3")];
        let (pages, removed) = remove_furniture(pages);
        assert_eq!(removed, Removed { running: 3, page_numbers: 3 });
        assert_eq!(pages[0].lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["ДОГОВОР", "Статья 1"]);
        // A line in the band that does not repeat stays (a title at the top of page 1).
        let one = vec![Page { height: 800.0, lines: vec![line(30.0, "条约"), line(300.0, "第一条")] }];
        assert_eq!(remove_furniture(one).1, Removed::default());
        // Articles that start pages are headings, not a running header with a number.
        let starts = |head: &str| Page { height: 800.0, lines: vec![line(60.0, head), line(100.0, "Текст.")] };
        let pages = vec![starts("Статья 4"), starts("Статья 11"), starts("Статья 19"), starts("Текст")];
        let (pages, removed) = remove_furniture(pages);
        assert_eq!((removed, pages[1].lines[0].text.as_str()), (Removed::default(), "Статья 11"));
        // A heading printed the same at the top of every page is one.
        let pages = vec![starts("Статья 4"), starts("Статья 4"), starts("Статья 4")];
        assert_eq!(remove_furniture(pages).1.running, 3);
    }

    #[test]
    fn words_join_by_their_gaps() {
        let w = |a: f64, b: f64, t: &str| Word { x_min: a, x_max: b, text: t.to_string() };
        assert_eq!(join_words(&[w(0.0, 20.0, "2002"), w(20.1, 30.0, "年"), w(30.2, 36.0, "6")], 12.0), "2002年6");
        assert_eq!(join_words(&[w(0.0, 20.0, "Статья"), w(23.0, 30.0, "1")], 12.0), "Статья 1");
    }

    #[test]
    fn list_items_keep_their_lines_and_first_line_indents_start_paragraphs() {
        // Body text at 85, first lines indented to 113, items `(丑)` at 113; the
        // right edge at 538; 18 points a line.
        let at = |x_min: f64, x_max: f64, k: usize, text: &str| Line {
            x_min,
            x_max,
            y_min: 100.0 + 25.0 * k as f64,
            y_max: 118.0 + 25.0 * k as f64,
            text: text.to_string(),
            lead: 18.0,
            text_at: None,
            cell: None,
        };
        let lines = vec![
            at(113.0, 538.0, 0, "一、大会应发动研究，并作成建议，以促进经济、社会、文化、教育及卫生"),
            at(85.0, 300.0, 1, "各部门之国际合作："),
            at(113.0, 538.0, 2, "(丑)以促进经济、社会、文化、教育及卫生各部门之国际合作，且不"),
            at(113.0, 537.8, 3, "分种族、性别、语言或宗教，助成全体人类之人权及基本自由之实现，"),
            at(113.0, 250.0, 4, "以及其他。"),
            at(113.0, 538.0, 5, "二、本宪章之修正案经大会会员国三分之二表决并由联合国会员国三分之"),
            at(85.0, 538.0, 6, "二、包括安全理事会全体常任理事国，各依其宪法程序批准后，对于联合"),
            at(85.0, 200.0, 7, "国所有会员国发生效力。"),
            at(113.0, 519.0, 8, "重申本条约不针对任何其他国家和组织，缔约各方奉行开放原则，"),
            at(113.0, 505.0, 9, "致力于使本组织所在地区成为和平、合作、繁荣、和谐的地区，"),
        ];
        let text = paragraphs(&[Page { height: 800.0, lines }]);
        let paras: Vec<String> = text.split("\n\n").map(|p| p.replace('\n', "")).collect();
        assert_eq!(
            paras.iter().map(|p| p.chars().take(4).collect::<String>()).collect::<Vec<_>>(),
            ["一、大会", "(丑)以", "二、本宪", "重申本条", "致力于使"],
            "{text}"
        );
        // The line that starts like a paragraph number is a line of the paragraph.
        assert!(paras[2].contains("三分之二、包括"));
    }

    #[test]
    fn hanging_paragraphs_keep_their_lines() {
        // Numbers at 90, the text after a tab at 126 (`一、` is wider than the
        // hanging indent: its text goes on to the next tab stop), the lines below at
        // 108; a level deeper, `1.` at 118 (a line of its own, as `pdftotext` gives
        // it) and its text and lines at 147; the right edge at 522; 15 points a line.
        let at = |x_min: f64, x_max: f64, k: usize, text: &str, text_at: Option<f64>| Line {
            x_min,
            x_max,
            y_min: 100.0 + 15.0 * k as f64,
            y_max: 114.3 + 15.0 * k as f64,
            text: text.to_string(),
            lead: 14.0,
            text_at,
            cell: None,
        };
        let mut lines = vec![
            at(90.0, 522.0, 0, "一、 本议定书自双方通过外交途径收到关于完成生效所需国内程序的最", Some(126.0)),
            at(108.0, 251.0, 1, "后一份书面通知之日起生效。", None),
            at(90.0, 522.0, 2, "二、 本议定书是协定不可分割的组成部分，在协定有效期内有效，并自第二款所", Some(126.0)),
            at(108.0, 522.0, 3, "指的日期起适用于双方依照协定派遣和接待的旅游团在对方国家境内的一切旅", None),
            at(108.0, 300.0, 4, "游活动。", None),
            at(118.0, 129.0, 5, "1.", None),
            at(147.0, 520.0, 5, "Договаривающиеся Стороны уважают принцип государственного", None),
            at(147.0, 480.0, 6, "суверенитета и территориальной целостности.", None),
            at(90.0, 522.0, 7, "三、 本议定书是协定不可分割的组成部分，两种文本同等作准。", Some(126.0)),
            at(114.0, 400.0, 8, "本议定书于二〇二三年三月二十一日在莫斯科签订。", None),
            at(250.0, 320.0, 9, "第五条", None),
        ];
        merge_baselines(&mut lines);
        let text = paragraphs(&[Page { height: 800.0, lines }]);
        let paras: Vec<String> = text.split("\n\n").map(|p| p.replace('\n', "")).collect();
        assert_eq!(
            paras.iter().map(|p| p.chars().take(4).collect::<String>()).collect::<Vec<_>>(),
            // A line where a first-line indent may start, under a line that ended a
            // statement, starts a paragraph; so does a line right of the text.
            ["一、 本", "二、 本", "1. Д", "三、 本", "本议定书", "第五条"],
            "{text}"
        );
        assert!(paras[0].ends_with("生效。") && paras[1].ends_with("游活动。") && paras[2].ends_with("целостности."));
    }

    #[test]
    fn labels_tell_where_their_text_starts() {
        let w = |a: f64, b: f64, t: &str| Word { x_min: a, x_max: b, text: t.to_string() };
        assert_eq!(text_at(&[w(90.0, 112.0, "一、"), w(126.0, 500.0, "本议定书")]), Some(126.0));
        assert_eq!(text_at(&[w(90.0, 101.0, "1."), w(108.0, 200.0, "Договаривающиеся")]), Some(108.0));
        assert_eq!(text_at(&[w(90.0, 101.0, "а)"), w(108.0, 200.0, "содействия")]), Some(108.0));
        // Glued to its text: its share of the word.
        assert_eq!(text_at(&[w(100.0, 160.0, "（一）缔约方")]), Some(130.0));
        assert_eq!(text_at(&[w(90.0, 200.0, "缔约各方"), w(210.0, 300.0, "1.")]), None);
        assert_eq!(text_at(&[w(90.0, 200.0, "Статья"), w(210.0, 220.0, "1")]), None);
    }

    #[test]
    fn radicals_become_ideographs() {
        assert_eq!(unify_radicals("⼀、⼆⽂⽅，（"), "一、二文方，（");
        assert_eq!(unify_radicals("第一条，（"), "第一条，（");
    }

    #[test]
    fn two_signatures_side_by_side_are_read_a_cell_at_a_time() {
        let at = |x_min: f64, x_max: f64, y: f64, text: &str| Line {
            x_min,
            x_max,
            y_min: y,
            y_max: y + 14.0,
            text: text.to_string(),
            lead: 20.0,
            text_at: None,
            cell: None,
        };
        let texts = |page: &Page| page.lines.iter().map(|l| l.text.clone()).collect::<Vec<_>>();
        // As pdftotext gives a table's cells: row by row, piece by piece.
        let mut page = Page {
            height: 800.0,
            lines: vec![
                at(90.0, 265.0, 100.0, "За Правительство Российской"),
                at(306.0, 476.0, 100.0, "За Правительство Китайской"),
                at(90.0, 154.0, 115.0, "Федерации"),
                at(306.0, 436.0, 115.0, "Народной Республики"),
                at(250.0, 350.0, 140.0, "Приложение"),
            ],
        };
        assert_eq!(signature_cells(&mut page, 0), 2);
        assert_eq!(
            texts(&page),
            [
                "За Правительство Российской",
                "Федерации",
                "За Правительство Китайской",
                "Народной Республики",
                "Приложение"
            ]
        );
        // Three signatures on one baseline, or a line across the cells under them:
        // left as they are.
        let three = vec![
            at(60.0, 180.0, 100.0, "За Республику Индия"),
            at(220.0, 340.0, 100.0, "За Республику Казахстан"),
            at(380.0, 500.0, 100.0, "За Российскую Федерацию"),
            at(60.0, 120.0, 115.0, "Республики"),
        ];
        let across = vec![
            at(90.0, 200.0, 100.0, "За проезд грузовика"),
            at(306.0, 400.0, 100.0, "За проезд автобуса"),
            at(90.0, 180.0, 115.0, "по территории"),
            at(269.0, 347.0, 115.0, "по территории"),
        ];
        for lines in [three, across] {
            let mut page = Page { height: 800.0, lines: lines.clone() };
            assert_eq!(signature_cells(&mut page, 0), 0);
            assert_eq!(page.lines, lines);
        }
    }
}
