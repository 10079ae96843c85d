//! `diff` output: text (coloured on a terminal), unified, JSON, HTML.

use std::fmt::Write;

use serde_json::json;

use similar::{Algorithm, DiffOp, capture_diff_slices, group_diff_ops};

use crate::diff::{ChangeKind, Impact, InlineOp, Revision};

use super::json::FileInfo;
use super::xml::escape;

fn kind_name(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Modified => "modified",
        ChangeKind::Moved => "moved",
        ChangeKind::Renumbered => "renumbered",
    }
}

fn summary_line(rev: &Revision) -> String {
    let counts = rev.counts();
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {}", kind_name(*k))).collect();
    if parts.is_empty() {
        "no changes".to_string()
    } else {
        format!("{} changes: {}", rev.changes.len(), parts.join(", "))
    }
}

/// For people: each change with its refs; a modified unit inline, deletions in red
/// and insertions in green when `colour`, as `[-…-]` and `{+…+}` otherwise.
pub fn text(rev: &Revision, impact: Option<(&str, &[Impact])>, colour: bool) -> Vec<u8> {
    let mut s = String::new();
    let _ = writeln!(s, "{} → {}: {}", rev.old.path, rev.new.path, summary_line(rev));
    for c in &rev.changes {
        let refs = match (&c.old_ref, &c.new_ref) {
            (Some(o), Some(n)) if o == n => o.clone(),
            (Some(o), Some(n)) => format!("{o} → {n}"),
            (Some(o), None) => o.clone(),
            (None, Some(n)) => n.clone(),
            (None, None) => String::new(),
        };
        let mark = match c.kind {
            ChangeKind::Added => "+",
            ChangeKind::Removed => "-",
            ChangeKind::Modified => "~",
            ChangeKind::Moved => ">",
            ChangeKind::Renumbered => "#",
        };
        let _ = writeln!(s, "{mark} {} {refs}", kind_name(c.kind));
        match c.kind {
            ChangeKind::Modified => {
                let _ = writeln!(s, "    {}", render_inline(&c.inline, colour));
            }
            ChangeKind::Renumbered => {
                let _ = writeln!(s, "    {} → {}", c.old, c.new);
            }
            ChangeKind::Added | ChangeKind::Moved => {
                for line in c.new.lines() {
                    let _ = writeln!(s, "    {line}");
                }
            }
            ChangeKind::Removed => {
                for line in c.old.lines() {
                    let _ = writeln!(s, "    {line}");
                }
            }
        }
    }
    if let Some((path, list)) = impact {
        let _ = writeln!(s, "review in {path}: {} units", list.len());
        for i in list {
            let _ = writeln!(s, "  {:14} {:13} because of {}", i.r#ref, i.kind, i.because.join(", "));
        }
    }
    s.into_bytes()
}

fn render_inline(ops: &[InlineOp], colour: bool) -> String {
    let mut s = String::new();
    for op in ops {
        match (op.op, colour) {
            ("delete", true) => {
                let _ = write!(s, "\x1b[31;9m{}\x1b[0m", op.text);
            }
            ("insert", true) => {
                let _ = write!(s, "\x1b[32;4m{}\x1b[0m", op.text);
            }
            ("delete", false) => {
                let _ = write!(s, "[-{}-]", op.text);
            }
            ("insert", false) => {
                let _ = write!(s, "{{+{}+}}", op.text);
            }
            _ => s.push_str(&op.text),
        }
    }
    s
}

/// A unified diff by unit: each unit is a line, hunk headers name the ref where the hunk
/// starts. Line numbers count units, not lines of the input file.
pub fn unified(rev: &Revision) -> Vec<u8> {
    let old: Vec<&str> = rev.old.units.iter().map(|u| u.text.as_str()).collect();
    let new: Vec<&str> = rev.new.units.iter().map(|u| u.text.as_str()).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old, &new);
    let mut s = String::new();
    let groups = group_diff_ops(ops, 1);
    if groups.is_empty() {
        return Vec::new();
    }
    let _ = writeln!(s, "--- {}\n+++ {}", rev.old.path, rev.new.path);
    for group in groups {
        let (first, last) = (&group[0], &group[group.len() - 1]);
        let (os, oe) = (first.old_range().start, last.old_range().end);
        let (ns, ne) = (first.new_range().start, last.new_range().end);
        // The hunk is named by the first unit it changes.
        let changed = group.iter().find(|op| !matches!(op, DiffOp::Equal { .. })).unwrap_or(first);
        let (co, cn) = (changed.old_range(), changed.new_range());
        let at = if co.is_empty() { rev.new.units.get(cn.start) } else { rev.old.units.get(co.start) };
        let at = at.map(|u| u.r#ref.as_str()).unwrap_or("");
        let range = |start: usize, end: usize| {
            let len = end - start;
            if len == 0 {
                format!("{start},0")
            } else if len == 1 {
                format!("{}", start + 1)
            } else {
                format!("{},{len}", start + 1)
            }
        };
        let _ = writeln!(s, "@@ -{} +{} @@ {at}", range(os, oe), range(ns, ne));
        for op in &group {
            match *op {
                DiffOp::Equal { old_index, len, .. } => {
                    for line in &old[old_index..old_index + len] {
                        let _ = writeln!(s, " {line}");
                    }
                }
                DiffOp::Delete { old_index, old_len, .. } => {
                    for line in &old[old_index..old_index + old_len] {
                        let _ = writeln!(s, "-{line}");
                    }
                }
                DiffOp::Insert { new_index, new_len, .. } => {
                    for line in &new[new_index..new_index + new_len] {
                        let _ = writeln!(s, "+{line}");
                    }
                }
                DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                    for line in &old[old_index..old_index + old_len] {
                        let _ = writeln!(s, "-{line}");
                    }
                    for line in &new[new_index..new_index + new_len] {
                        let _ = writeln!(s, "+{line}");
                    }
                }
            }
        }
    }
    s.into_bytes()
}

/// `{"old","new","changes":[…],"impact":[…],"summary":{…}}`.
pub fn json(rev: &Revision, impact: Option<&[Impact]>) -> Vec<u8> {
    let counts = rev.counts();
    let n = |k: ChangeKind| counts.get(&k).copied().unwrap_or(0);
    let v = json!({
        "old": FileInfo::of(rev.old),
        "new": FileInfo::of(rev.new),
        "changes": rev.changes,
        "impact": impact.unwrap_or(&[]),
        "summary": {
            "added": n(ChangeKind::Added),
            "removed": n(ChangeKind::Removed),
            "modified": n(ChangeKind::Modified),
            "moved": n(ChangeKind::Moved),
            "renumbered": n(ChangeKind::Renumbered),
            "unchanged": rev.unchanged,
        },
    });
    let mut out = serde_json::to_vec_pretty(&v).unwrap_or_default();
    out.push(b'\n');
    out
}

const STYLE: &str = "\
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
thead th{background:#e8edf6}
col.kind{width:7em}col.ref{width:9em}
td.ref{font:.8em monospace;color:#555}
del{background:#f8c9c9;text-decoration:line-through}ins{background:#c9efc9;text-decoration:none}
tr.added td.new{background:#e6f6e6}tr.removed td.old{background:#fbe6e6}tr.renumbered td{color:#555}
";

/// One self-contained page: old and new side by side, changes highlighted, the impact list.
pub fn html(rev: &Revision, impact: Option<(&str, &[Impact])>) -> Vec<u8> {
    let tag = rev.new.lang.profile().tmx_tag;
    let mut s = String::new();
    let title = format!("{} → {}", rev.old.path, rev.new.path);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{0}</h1>\n<p>{1}</p>\n",
        escape(&title),
        escape(&summary_line(rev))
    );
    let _ = writeln!(
        s,
        "<table>\n<colgroup><col class=\"kind\"><col class=\"ref\"><col><col class=\"ref\"><col></colgroup>\n<thead><tr><th>change</th><th>old ref</th><th>old</th><th>new ref</th><th>new</th></tr></thead>\n<tbody>"
    );
    for c in &rev.changes {
        let (old_html, new_html) = if c.kind == ChangeKind::Modified {
            let mut o = String::new();
            let mut n = String::new();
            for op in &c.inline {
                match op.op {
                    "delete" => {
                        let _ = write!(o, "<del>{}</del>", escape(&op.text));
                    }
                    "insert" => {
                        let _ = write!(n, "<ins>{}</ins>", escape(&op.text));
                    }
                    _ => {
                        o.push_str(&escape(&op.text));
                        n.push_str(&escape(&op.text));
                    }
                }
            }
            (o, n)
        } else {
            (escape(&c.old).replace('\n', "<br>"), escape(&c.new).replace('\n', "<br>"))
        };
        let refs = |r: &Option<String>| r.as_deref().map(escape).unwrap_or_default();
        let kind = kind_name(c.kind);
        let _ = writeln!(
            s,
            "<tr class=\"{kind}\"><td>{kind}</td><td class=\"ref\">{}</td><td class=\"old\" lang=\"{tag}\">{old_html}</td><td class=\"ref\">{}</td><td class=\"new\" lang=\"{tag}\">{new_html}</td></tr>",
            refs(&c.old_ref),
            refs(&c.new_ref)
        );
    }
    let _ = writeln!(s, "</tbody>\n</table>");
    if let Some((path, list)) = impact {
        let _ = writeln!(s, "<h2>To review in {}</h2>\n<ul>", escape(path));
        for i in list {
            let _ = writeln!(
                s,
                "<li><code>{}</code> — {}: {}</li>",
                escape(&i.r#ref),
                i.kind,
                escape(&i.because.join(", "))
            );
        }
        let _ = writeln!(s, "</ul>");
    }
    let _ = writeln!(s, "</body>\n</html>");
    s.into_bytes()
}
