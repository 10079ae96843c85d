//! `check` output: text for people, JSON for programs.

use std::io;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::check::{Finding, Report, Severity};
use crate::model::Document;
use crate::text::shorten;

use super::json::{FileInfo, streamed};
use super::name;

/// The article (or other container) a finding belongs to, for grouping.
fn group_of(report: &Report, f: &Finding) -> String {
    for s in 0..2 {
        if let Some(u) = f.refs[s].first().and_then(|r| report.docs[s].unit(r)) {
            return u.info.container.to_string();
        }
    }
    // Container refs (`preamble`, `sig`) name their group themselves.
    f.refs.iter().flatten().next().cloned().unwrap_or_default()
}

/// For people: most serious first, grouped by article, both sides quoted briefly,
/// a one-line summary at the end (counting every finding, also those below `min`,
/// which are left out).
pub fn text<W: io::Write>(mut w: W, report: &Report, min: Severity) -> io::Result<()> {
    let mut last: Option<(Severity, String)> = None;
    for f in report.findings.iter().filter(|f| f.severity <= min) {
        let group = group_of(report, f);
        if last.as_ref() != Some(&(f.severity, group.clone())) {
            writeln!(w, "{} — {}", name(&f.severity), if group.is_empty() { "document" } else { &group })?;
            last = Some((f.severity, group));
        }
        let refs: Vec<String> =
            (0..2).filter_map(|k| f.ref_text(k).map(|r| format!("{} {r}", report.docs[k].lang.code()))).collect();
        writeln!(w, "  {:8} {:20} {:28} {}", name(&f.severity), name(&f.kind), refs.join(" ↔ "), f.message)?;
        if f.severity != Severity::Note {
            for k in 0..2 {
                if !f.refs[k].is_empty() {
                    let text = quote(report.docs[k], &f.refs[k]);
                    if !text.is_empty() {
                        writeln!(w, "      {}: {}", report.docs[k].lang.code(), text)?;
                    }
                }
            }
        }
    }
    let [e, warnings, n] = report.summary();
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    writeln!(w, "{}, {}, {}", plural(e, "error"), plural(warnings, "warning"), plural(n, "note"))
}

fn quote(doc: &Document, refs: &[String]) -> String {
    let texts: Vec<&str> = refs.iter().filter_map(|r| doc.unit(r).map(|u| u.text.as_str())).collect();
    shorten(&texts.join(" "), 48)
}

/// One finding on the wire, in the order `INTERFACE.md` lists its keys.
struct FindingWire<'a> {
    finding: &'a Finding,
    codes: [&'static str; 2],
}

impl Serialize for FindingWire<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.finding;
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("kind", &f.kind)?;
        m.serialize_entry("severity", &f.severity)?;
        m.serialize_entry("side", f.side.map_or("both", |k| self.codes[k]))?;
        m.serialize_entry(&format!("{}_ref", self.codes[0]), &f.ref_text(0))?;
        m.serialize_entry(&format!("{}_ref", self.codes[1]), &f.ref_text(1))?;
        m.serialize_entry("message", &f.message)?;
        m.end()
    }
}

/// `{"a","b","findings":[…],"summary":{…}}`; `given` are the documents in the order the
/// user gave them. Findings below `min` are left out; the summary counts them all.
pub fn json<W: io::Write>(w: W, report: &Report, given: [&Document; 2], min: Severity) -> io::Result<()> {
    let codes = report.docs.map(|d| d.lang.code());
    let [errors, warnings, notes] = report.summary();
    #[derive(Serialize)]
    struct Summary {
        errors: usize,
        warnings: usize,
        notes: usize,
    }
    #[derive(Serialize)]
    struct Wire<'a, F: Serialize> {
        a: FileInfo<'a>,
        b: FileInfo<'a>,
        findings: F,
        summary: Summary,
    }
    let wire = Wire {
        a: FileInfo::of(given[0]),
        b: FileInfo::of(given[1]),
        findings: streamed(
            report.findings.iter().filter(|f| f.severity <= min).map(|finding| FindingWire { finding, codes }),
        ),
        summary: Summary { errors, warnings, notes },
    };
    super::json_document(w, &wire)
}
