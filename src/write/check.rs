//! `check` output: text for people, JSON for programs.

use std::fmt::Write;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::check::{Finding, Report, Severity, brief};
use crate::model::Document;

use super::json::{FileInfo, streamed};

fn kind_name(f: &Finding) -> String {
    serde_json::to_value(f.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The article (or other container) a finding belongs to, for grouping.
fn group_of(report: &Report, f: &Finding) -> String {
    for s in 0..2 {
        if let Some(r) = &f.refs[s]
            && let Some(u) = report.docs[s].unit(r.split('+').next().unwrap_or(r))
        {
            return u.info.container.clone();
        }
    }
    // Container refs (`preamble`, `sig`) name their group themselves.
    f.refs.iter().flatten().next().cloned().unwrap_or_default()
}

/// For people: most serious first, grouped by article, both sides quoted briefly,
/// a one-line summary at the end.
pub fn text(report: &Report) -> Vec<u8> {
    let mut s = String::new();
    let mut last: Option<(Severity, String)> = None;
    for f in &report.findings {
        let group = group_of(report, f);
        if last.as_ref() != Some(&(f.severity, group.clone())) {
            let _ =
                writeln!(s, "{} — {}", severity_name(f.severity), if group.is_empty() { "document" } else { &group });
            last = Some((f.severity, group));
        }
        let refs: Vec<String> =
            (0..2).filter_map(|k| f.refs[k].as_ref().map(|r| format!("{} {r}", report.docs[k].lang.code()))).collect();
        let _ =
            writeln!(s, "  {:8} {:20} {:28} {}", severity_name(f.severity), kind_name(f), refs.join(" ↔ "), f.message);
        if f.severity != Severity::Note {
            for k in 0..2 {
                if let Some(r) = &f.refs[k] {
                    let text = quote(report.docs[k], r);
                    if !text.is_empty() {
                        let _ = writeln!(s, "      {}: {}", report.docs[k].lang.code(), text);
                    }
                }
            }
        }
    }
    let [e, w, n] = report.summary();
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    let _ = writeln!(s, "{}, {}, {}", plural(e, "error"), plural(w, "warning"), plural(n, "note"));
    s.into_bytes()
}

fn quote(doc: &Document, refs: &str) -> String {
    let texts: Vec<&str> = refs.split('+').filter_map(|r| doc.unit(r).map(|u| u.text.as_str())).collect();
    brief(&texts.join(" "))
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
        m.serialize_entry("kind", &kind_name(f))?;
        m.serialize_entry("severity", severity_name(f.severity))?;
        m.serialize_entry("side", f.side.map_or("both", |k| self.codes[k]))?;
        m.serialize_entry(&format!("{}_ref", self.codes[0]), &f.refs[0])?;
        m.serialize_entry(&format!("{}_ref", self.codes[1]), &f.refs[1])?;
        m.serialize_entry("message", &f.message)?;
        m.end()
    }
}

/// `{"a","b","findings":[…],"summary":{…}}`; `given` are the documents in the order the
/// user gave them.
pub fn json(report: &Report, given: [&Document; 2]) -> Vec<u8> {
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
        findings: streamed(report.findings.iter().map(|finding| FindingWire { finding, codes })),
        summary: Summary { errors, warnings, notes },
    };
    let mut out = serde_json::to_vec_pretty(&wire).unwrap_or_default();
    out.push(b'\n');
    out
}
