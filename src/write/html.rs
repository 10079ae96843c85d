//! The side-by-side page for reviewers: one self-contained file (no network, no
//! script), two columns, refs as anchors, low-confidence pairs and findings
//! highlighted, every cell marked with its language so that browsers choose Chinese
//! and Russian fonts.

use std::collections::BTreeMap;
use std::io;

use crate::align::Alignment;
use crate::check::{Report, Severity};

use super::xlsx::LOW_SCORE;
use super::xml::escape;

/// The CSS of every language's cells (`td:lang(zh){font-family:…}`), from the
/// language profiles.
pub fn language_css(selector: &str) -> String {
    crate::lang::Lang::ALL.iter().map(|l| format!("{selector}:lang({}){{{}}}\n", l.code(), l.profile().css)).collect()
}

const STYLE: &str = "\
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
thead th{background:#e8edf6;position:sticky;top:0}
col.ref{width:9em}col.score{width:5em}
td.ref{font:.8em monospace;color:#555;word-break:break-all}
td.ref a{color:inherit;text-decoration:none}
tr.low td{background:#fbe3d6}tr.uneven td{background:#fff6d8}tr.unpaired td{background:#f3d0d0}
tr.finding td.score{font-weight:bold}
.findings{margin:.2em 0 0;padding-left:1.2em;font-size:.85em;color:#8a1c1c}
{LANGUAGES}.legend span{padding:0 .4em;margin-right:.6em}
@media print{thead{display:table-header-group}tr{break-inside:avoid}}
";

/// The findings of `check` (errors and warnings) by the row of the pair they concern.
fn findings_by_row(alignment: &Alignment, findings: Option<&Report>) -> BTreeMap<usize, Vec<String>> {
    let mut by_row: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let Some(report) = findings else { return by_row };
    let mut row_of: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (i, p) in alignment.pairs.iter().enumerate() {
        for s in 0..2 {
            for seg in &p.sides[s] {
                row_of.insert((s, seg.r#ref.as_str()), i);
            }
        }
    }
    for f in report.findings.iter().filter(|f| f.severity != Severity::Note) {
        let row = (0..2).find_map(|s| row_of.get(&(s, f.refs[s].first()?.as_str())).copied());
        if let Some(row) = row {
            by_row.entry(row).or_default().push(format!("{}: {}", super::name(&f.severity), f.message));
        }
    }
    by_row
}

/// The page's head, title and legend, up to the table's body.
fn head<W: io::Write>(w: &mut W, alignment: &Alignment) -> io::Result<()> {
    let langs = alignment.docs.map(|d| d.lang.code());
    let tags = alignment.docs.map(|d| d.lang.profile().tmx_tag);
    let title = escape(&format!("{} ↔ {}", alignment.docs[0].path, alignment.docs[1].path));
    let style = STYLE.replace("{LANGUAGES}", &language_css("td"));
    write!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>{title}</title>\n<style>\n{style}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    )?;
    let low = alignment.pairs.iter().filter(|p| p.score < LOW_SCORE).count();
    writeln!(
        w,
        "<p class=\"legend\">{} pairs; {low} below {LOW_SCORE} to review. <span class=\"low\" style=\"background:#fbe3d6\">low score</span><span style=\"background:#fff6d8\">n-m pair</span><span style=\"background:#f3d0d0\">no counterpart</span></p>",
        alignment.pairs.len()
    )?;
    writeln!(
        w,
        "<table>\n<colgroup><col class=\"ref\"><col><col class=\"ref\"><col><col class=\"score\"></colgroup>\n<thead><tr><th>{0}_ref</th><th lang=\"{2}\">{0}</th><th>{1}_ref</th><th lang=\"{3}\">{1}</th><th>score</th></tr></thead>\n<tbody>",
        langs[0], langs[1], tags[0], tags[1]
    )
}

/// One row: a pair, its refs as anchors, its findings under the second text.
fn row<W: io::Write>(w: &mut W, alignment: &Alignment, i: usize, findings: Option<&Vec<String>>) -> io::Result<()> {
    let p = &alignment.pairs[i];
    let langs = alignment.docs.map(|d| d.lang.code());
    let tags = alignment.docs.map(|d| d.lang.profile().tmx_tag);
    let mut classes = Vec::new();
    if p.sides.iter().any(|x| x.is_empty()) {
        classes.push("unpaired");
    } else if p.score < LOW_SCORE {
        classes.push("low");
    } else if p.link() != "1-1" {
        classes.push("uneven");
    }
    if findings.is_some() {
        classes.push("finding");
    }
    let class = if classes.is_empty() { String::new() } else { format!(" class=\"{}\"", classes.join(" ")) };
    write!(w, "<tr{class}>")?;
    for side in 0..2 {
        let refs: Vec<String> = p.sides[side]
            .iter()
            .map(|x| format!("<a id=\"{0}-{1}\" href=\"#{0}-{1}\">{1}</a>", langs[side], escape(&x.r#ref)))
            .collect();
        let text: Vec<String> = p.sides[side].iter().map(|x| escape(&x.text)).collect();
        write!(w, "<td class=\"ref\">{}</td><td lang=\"{}\">{}", refs.join("<br>"), tags[side], text.join("<br>"))?;
        if side == 1
            && let Some(list) = findings
        {
            write!(w, "<ul class=\"findings\">")?;
            for f in list {
                write!(w, "<li>{}</li>", escape(f))?;
            }
            write!(w, "</ul>")?;
        }
        write!(w, "</td>")?;
    }
    writeln!(w, "<td class=\"score\">{} <small>{}</small></td></tr>", super::score(p.score), p.link())
}

/// Writes the side-by-side page; `findings` are shown on their rows if given.
pub fn write<W: io::Write>(mut w: W, alignment: &Alignment, findings: Option<&Report>) -> io::Result<()> {
    let by_row = findings_by_row(alignment, findings);
    head(&mut w, alignment)?;
    for i in 0..alignment.pairs.len() {
        row(&mut w, alignment, i, by_row.get(&i))?;
    }
    writeln!(w, "</tbody>\n</table>\n</body>\n</html>")
}
