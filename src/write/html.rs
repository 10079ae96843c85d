//! The side-by-side page for reviewers: one self-contained file (no network, no
//! script), two columns, refs as anchors, low-confidence pairs and findings
//! highlighted, every cell marked with its language so that browsers choose Chinese
//! and Russian fonts.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::align::Alignment;
use crate::check::{Report, Severity};

use super::xlsx::LOW_SCORE;
use super::xml::escape;

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
td:lang(zh){font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"SimSun\",serif}
td:lang(ru){hyphens:auto}
.legend span{padding:0 .4em;margin-right:.6em}
@media print{thead{display:table-header-group}tr{break-inside:avoid}}
";

/// Writes the side-by-side page; `findings` are shown on their rows if given.
pub fn write(alignment: &Alignment, findings: Option<&Report>) -> Vec<u8> {
    let langs = alignment.docs.map(|d| d.lang.code());
    let tags = alignment.docs.map(|d| d.lang.profile().tmx_tag);
    // Findings by the row they concern.
    let mut by_row: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    if let Some(report) = findings {
        let mut row_of: BTreeMap<(usize, &str), usize> = BTreeMap::new();
        for (i, p) in alignment.pairs.iter().enumerate() {
            for s in 0..2 {
                for seg in &p.sides[s] {
                    row_of.insert((s, seg.r#ref.as_str()), i);
                }
            }
        }
        for f in report.findings.iter().filter(|f| f.severity != Severity::Note) {
            let row = (0..2).find_map(|s| {
                let r = f.refs[s].as_deref()?;
                row_of.get(&(s, r.split('+').next().unwrap_or(r))).copied()
            });
            if let Some(row) = row {
                let sev = if f.severity == Severity::Error { "error" } else { "warning" };
                by_row.entry(row).or_default().push(format!("{sev}: {}", f.message));
            }
        }
    }
    let mut s = String::new();
    let title = format!("{} ↔ {}", alignment.docs[0].path, alignment.docs[1].path);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let low = alignment.pairs.iter().filter(|p| p.score < LOW_SCORE).count();
    let _ = writeln!(
        s,
        "<p class=\"legend\">{} pairs; {low} below {LOW_SCORE} to review. <span class=\"low\" style=\"background:#fbe3d6\">low score</span><span style=\"background:#fff6d8\">n-m pair</span><span style=\"background:#f3d0d0\">no counterpart</span></p>",
        alignment.pairs.len()
    );
    let _ = writeln!(
        s,
        "<table>\n<colgroup><col class=\"ref\"><col><col class=\"ref\"><col><col class=\"score\"></colgroup>\n<thead><tr><th>{0}_ref</th><th lang=\"{2}\">{0}</th><th>{1}_ref</th><th lang=\"{3}\">{1}</th><th>score</th></tr></thead>\n<tbody>",
        langs[0], langs[1], tags[0], tags[1]
    );
    for (i, p) in alignment.pairs.iter().enumerate() {
        let mut classes = Vec::new();
        if p.sides.iter().any(|x| x.is_empty()) {
            classes.push("unpaired");
        } else if p.score < LOW_SCORE {
            classes.push("low");
        } else if p.link() != "1-1" {
            classes.push("uneven");
        }
        if by_row.contains_key(&i) {
            classes.push("finding");
        }
        let class = if classes.is_empty() { String::new() } else { format!(" class=\"{}\"", classes.join(" ")) };
        let _ = write!(s, "<tr{class}>");
        for side in 0..2 {
            let refs: Vec<String> = p.sides[side]
                .iter()
                .map(|x| format!("<a id=\"{0}-{1}\" href=\"#{0}-{1}\">{1}</a>", langs[side], escape(&x.r#ref)))
                .collect();
            let text: Vec<String> = p.sides[side].iter().map(|x| escape(&x.text)).collect();
            let _ = write!(
                s,
                "<td class=\"ref\">{}</td><td lang=\"{}\">{}",
                refs.join("<br>"),
                tags[side],
                text.join("<br>")
            );
            if side == 1
                && let Some(list) = by_row.get(&i)
            {
                let _ = write!(s, "<ul class=\"findings\">");
                for f in list {
                    let _ = write!(s, "<li>{}</li>", escape(f));
                }
                let _ = write!(s, "</ul>");
            }
            let _ = write!(s, "</td>");
        }
        let _ = writeln!(s, "<td class=\"score\">{} <small>{}</small></td></tr>", super::score(p.score), p.link());
    }
    let _ = writeln!(s, "</tbody>\n</table>\n</body>\n</html>");
    s.into_bytes()
}
