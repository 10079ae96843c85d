//! `diff` output: text (coloured on a terminal), unified, JSON, HTML.

use std::io;

use serde::Serialize;
use similar::udiff::UnifiedHunkHeader;
use similar::{Algorithm, DiffOp, capture_diff_slices, group_diff_ops};

use crate::diff::{Change, ChangeKind, Impact, InlineOp, InlineTag, Revision, comparable};
use crate::model::Document;
use crate::text::shorten;

use super::json::{FileInfo, streamed};
use super::name;
use super::text::one_line;
use super::xml::escape;

/// The other-language text and its units to review, for the writers that show them.
#[derive(Debug, Clone, Copy)]
pub struct Review<'a> {
    /// The other-language text (the counterpart of OLD).
    pub other: &'a Document,
    /// Its units to review.
    pub impact: &'a [Impact],
}

/// `4 changes: 1 added, 2 modified, 1 renumbered`, or `no changes`.
fn summary_line(rev: &Revision) -> String {
    let counts = rev.counts();
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {}", name(k))).collect();
    match rev.changes.len() {
        0 => "no changes".to_string(),
        1 => format!("1 change: {}", parts.join(", ")),
        n => format!("{n} changes: {}", parts.join(", ")),
    }
}

/// The refs of a change as the text format shows them: `art.8.3 → art.8.2`.
fn refs_shown(c: &Change) -> String {
    match (c.old_refs.join("+"), c.new_refs.join("+")) {
        (o, n) if o == n => o,
        (o, n) if n.is_empty() => o,
        (o, n) if o.is_empty() => n,
        (o, n) => format!("{o} → {n}"),
    }
}

/// For people: each change with its refs; a modified unit inline, deletions in red
/// and insertions in green when `colour`, as `[-…-]` and `{+…+}` otherwise; then the
/// units of the other text to review, each with the beginning of its text.
pub fn text<W: io::Write>(mut w: W, rev: &Revision, review: Option<Review>, colour: bool) -> io::Result<()> {
    writeln!(w, "{} → {}: {}", rev.old.path, rev.new.path, summary_line(rev))?;
    for c in &rev.changes {
        let mark = match c.kind {
            ChangeKind::Added => "+",
            ChangeKind::Removed => "-",
            ChangeKind::Modified => "~",
            ChangeKind::Moved => ">",
            ChangeKind::Renumbered => "#",
        };
        writeln!(w, "{mark} {} {}", name(&c.kind), refs_shown(c))?;
        match c.kind {
            ChangeKind::Modified if c.inline.iter().all(|op| op.op == InlineTag::Equal) => {
                writeln!(w, "    {} (whitespace only)", c.new)?;
            }
            ChangeKind::Modified => writeln!(w, "    {}", render_inline(&c.inline, colour))?,
            ChangeKind::Renumbered => writeln!(w, "    {} → {}", c.old, c.new)?,
            ChangeKind::Added | ChangeKind::Moved => {
                for line in c.new.lines() {
                    writeln!(w, "    {line}")?;
                }
            }
            ChangeKind::Removed => {
                for line in c.old.lines() {
                    writeln!(w, "    {line}")?;
                }
            }
        }
    }
    if let Some(Review { other, impact }) = review {
        let units = if impact.len() == 1 { "unit" } else { "units" };
        writeln!(w, "review in {}: {} {units}", other.path, impact.len())?;
        for i in impact {
            writeln!(w, "  {:14} {:13} because of {}", i.r#ref, name(&i.kind), i.because.join(", "))?;
            if let Some(u) = other.unit(&i.r#ref) {
                writeln!(w, "      {}: {}", other.lang.code(), shorten(&u.text, 60))?;
            }
        }
    }
    Ok(())
}

fn render_inline(ops: &[InlineOp], colour: bool) -> String {
    let mut s = String::new();
    for op in ops {
        let (before, after) = match (op.op, colour) {
            (InlineTag::Delete, true) => ("\x1b[31;9m", "\x1b[0m"),
            (InlineTag::Insert, true) => ("\x1b[32;4m", "\x1b[0m"),
            (InlineTag::Delete, false) => ("[-", "-]"),
            (InlineTag::Insert, false) => ("{+", "+}"),
            (InlineTag::Equal, _) => ("", ""),
        };
        s.push_str(before);
        s.push_str(&op.text);
        s.push_str(after);
    }
    s
}

/// A unified diff by unit: each unit is a line, as `parse --format units` writes it;
/// units are compared as the other formats compare them (whitespace counts only when
/// the revision is strict), and each hunk header names the ref of the first unit it
/// changes. Applied with `patch` to OLD's units, it gives NEW's. Nothing when no unit
/// changed.
pub fn unified<W: io::Write>(mut w: W, rev: &Revision) -> io::Result<()> {
    let strict = rev.options.strict;
    let (ok, nk) = (comparable(rev.old, strict), comparable(rev.new, strict));
    let old: Vec<_> = rev.old.units.iter().map(|u| one_line(&u.text)).collect();
    let new: Vec<_> = rev.new.units.iter().map(|u| one_line(&u.text)).collect();
    let groups = group_diff_ops(capture_diff_slices(Algorithm::Myers, &ok, &nk), 1);
    if groups.is_empty() {
        return Ok(());
    }
    writeln!(w, "--- {}\n+++ {}", rev.old.path, rev.new.path)?;
    for group in groups {
        // The hunk is named by the first unit it changes.
        let changed = group.iter().find(|op| !matches!(op, DiffOp::Equal { .. })).unwrap_or(&group[0]);
        let (co, cn) = (changed.old_range(), changed.new_range());
        let at = if co.is_empty() { rev.new.units.get(cn.start) } else { rev.old.units.get(co.start) };
        writeln!(w, "{} {}", UnifiedHunkHeader::new(&group), at.map(|u| u.r#ref.as_str()).unwrap_or(""))?;
        for op in &group {
            let (olds, news) = (op.old_range(), op.new_range());
            if matches!(op, DiffOp::Equal { .. }) {
                for line in &old[olds] {
                    writeln!(w, " {line}")?;
                }
                continue;
            }
            for line in &old[olds] {
                writeln!(w, "-{line}")?;
            }
            for line in &new[news] {
                writeln!(w, "+{line}")?;
            }
        }
    }
    Ok(())
}

/// One change on the wire, keys in the contract's order; a group's refs joined with `+`.
#[derive(Serialize)]
struct ChangeWire<'a> {
    kind: ChangeKind,
    old_ref: Option<String>,
    new_ref: Option<String>,
    old: &'a str,
    new: &'a str,
    inline: &'a [InlineOp],
}

impl<'a> ChangeWire<'a> {
    fn of(c: &'a Change) -> Self {
        let joined = |refs: &[String]| if refs.is_empty() { None } else { Some(refs.join("+")) };
        ChangeWire {
            kind: c.kind,
            old_ref: joined(&c.old_refs),
            new_ref: joined(&c.new_refs),
            old: &c.old,
            new: &c.new,
            inline: &c.inline,
        }
    }
}

/// The counts of a revision on the wire.
#[derive(Serialize)]
struct SummaryWire {
    added: usize,
    removed: usize,
    modified: usize,
    moved: usize,
    renumbered: usize,
    unchanged: usize,
}

/// `{"old","new","changes":[…],"impact":[…],"summary":{…}}`, in that order.
pub fn json<W: io::Write>(w: W, rev: &Revision, impact: Option<&[Impact]>) -> io::Result<()> {
    let counts = rev.counts();
    let n = |k: ChangeKind| counts.get(&k).copied().unwrap_or(0);
    #[derive(Serialize)]
    struct Wire<'a, C: Serialize> {
        old: FileInfo<'a>,
        new: FileInfo<'a>,
        changes: C,
        impact: &'a [Impact],
        summary: SummaryWire,
    }
    let wire = Wire {
        old: FileInfo::of(rev.old),
        new: FileInfo::of(rev.new),
        changes: streamed(rev.changes.iter().map(ChangeWire::of)),
        impact: impact.unwrap_or(&[]),
        summary: SummaryWire {
            added: n(ChangeKind::Added),
            removed: n(ChangeKind::Removed),
            modified: n(ChangeKind::Modified),
            moved: n(ChangeKind::Moved),
            renumbered: n(ChangeKind::Renumbered),
            unchanged: rev.unchanged,
        },
    };
    super::json_document(w, &wire)
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
{LANGUAGES}";

/// A change's old and new text as HTML, a modified unit's pieces marked.
fn change_cells(c: &Change) -> (String, String) {
    if c.kind != ChangeKind::Modified {
        return (escape(&c.old).replace('\n', "<br>"), escape(&c.new).replace('\n', "<br>"));
    }
    let (mut o, mut n) = (String::new(), String::new());
    for op in &c.inline {
        let text = escape(&op.text);
        match op.op {
            InlineTag::Delete => o.push_str(&format!("<del>{text}</del>")),
            InlineTag::Insert => n.push_str(&format!("<ins>{text}</ins>")),
            InlineTag::Equal => {
                o.push_str(&text);
                n.push_str(&text);
            }
        }
    }
    (o, n)
}

/// The list of the other text's units to review, each with its text.
fn review_list<W: io::Write>(w: &mut W, review: Review) -> io::Result<()> {
    let tag = review.other.lang.profile().tmx_tag;
    writeln!(w, "<h2>To review in {}</h2>\n<ul>", escape(&review.other.path))?;
    for i in review.impact {
        let text = review.other.unit(&i.r#ref).map(|u| escape(&u.text)).unwrap_or_default();
        writeln!(
            w,
            "<li><code>{}</code> — {}: {}<br><span lang=\"{tag}\">{text}</span></li>",
            escape(&i.r#ref),
            name(&i.kind),
            escape(&i.because.join(", "))
        )?;
    }
    writeln!(w, "</ul>")
}

/// One self-contained page: old and new side by side, changes highlighted, the units
/// of the other text to review.
pub fn html<W: io::Write>(mut w: W, rev: &Revision, review: Option<Review>) -> io::Result<()> {
    let tag = rev.new.lang.profile().tmx_tag;
    let title = escape(&format!("{} → {}", rev.old.path, rev.new.path));
    let style = STYLE.replace("{LANGUAGES}", &super::html::language_css(""));
    write!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{style}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>{}</p>\n",
        escape(&summary_line(rev))
    )?;
    writeln!(
        w,
        "<table>\n<colgroup><col class=\"kind\"><col class=\"ref\"><col><col class=\"ref\"><col></colgroup>\n<thead><tr><th>change</th><th>old ref</th><th>old</th><th>new ref</th><th>new</th></tr></thead>\n<tbody>"
    )?;
    for c in &rev.changes {
        let (old_html, new_html) = change_cells(c);
        let kind = name(&c.kind);
        writeln!(
            w,
            "<tr class=\"{kind}\"><td>{kind}</td><td class=\"ref\">{}</td><td class=\"old\" lang=\"{tag}\">{old_html}</td><td class=\"ref\">{}</td><td class=\"new\" lang=\"{tag}\">{new_html}</td></tr>",
            escape(&c.old_refs.join("+")),
            escape(&c.new_refs.join("+"))
        )?;
    }
    writeln!(w, "</tbody>\n</table>")?;
    if let Some(review) = review {
        review_list(&mut w, review)?;
    }
    writeln!(w, "</body>\n</html>")
}
