//! `check` output: text for people, JSON for programs.

use std::fmt::Write;

use serde_json::{Map, Value, json};

use crate::check::{Finding, Report, Severity, brief};
use crate::model::Document;

use super::json::FileInfo;

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

fn side_name(report: &Report, f: &Finding) -> &'static str {
    match f.side {
        Some(s) => report.docs[s].lang.code(),
        None => "both",
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

/// `{"a","b","findings":[…],"summary":{…}}`; `given` are the documents in the order the
/// user gave them.
pub fn json(report: &Report, given: [&Document; 2]) -> Vec<u8> {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut o = Map::new();
            o.insert("kind".into(), json!(kind_name(f)));
            o.insert("severity".into(), json!(severity_name(f.severity)));
            o.insert("side".into(), json!(side_name(report, f)));
            for k in 0..2 {
                o.insert(format!("{}_ref", report.docs[k].lang.code()), json!(f.refs[k]));
            }
            o.insert("message".into(), json!(f.message));
            Value::Object(o)
        })
        .collect();
    let [e, w, n] = report.summary();
    let v = json!({
        "a": FileInfo::of(given[0]),
        "b": FileInfo::of(given[1]),
        "findings": findings,
        "summary": {"errors": e, "warnings": w, "notes": n},
    });
    let mut out = serde_json::to_vec_pretty(&v).unwrap_or_default();
    out.push(b'\n');
    out
}
