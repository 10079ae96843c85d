//! Numbering inside one text: articles, chapters and other headings, then the
//! numbered paragraphs and items of each article. Every sequence starts at 1.

use std::collections::{BTreeMap, BTreeSet};

use compact_str::CompactString;

use super::{Finding, Kind, Severity, lang_name, with_ref};
use crate::model::{Document, UnitKind};

/// One numbered unit: its number, ref and first line.
type Entry<'d> = (u32, &'d str, usize);

/// Checks every numbered sequence of `doc` for duplicates, order and gaps.
pub(super) fn check(doc: &Document, side: usize, position: &BTreeMap<&str, usize>, out: &mut Vec<Finding>) {
    let lang = lang_name(doc);
    for (key, seq) in &sequences(doc) {
        let what = key.what();
        let present: BTreeSet<u32> = seq.iter().map(|x| x.0).collect();
        let last = present.iter().last().copied().unwrap_or(0);
        let mut missing: BTreeSet<u32> = (1..=last).filter(|n| !present.contains(n)).collect();
        let mut push = |Draft(kind, r, message): Draft| {
            let order = position.get(r).copied().unwrap_or(usize::MAX);
            out.push(Finding {
                severity: Severity::Error,
                kind,
                side: Some(side),
                refs: with_ref(side, r),
                message,
                order,
            });
        };
        repeats_and_order(seq, &what, lang, &mut missing, &mut push);
        gaps(seq, &what, lang, &mut missing, &mut push);
    }
}

/// A finding of one sequence before it is placed: kind, ref, message.
struct Draft<'d>(Kind, &'d str, String);

/// What a numbered sequence is: headings of one level (an annex's articles apart
/// from the treaty's), or the labels of one style inside one container.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Sequence {
    /// Headings of one level (`art`, `chapter`), inside an annex if it has a ref.
    Headings { word: &'static str, annex: Option<CompactString> },
    /// Labels of one style (`一、`, `1.`) inside the container or paragraph `parent`:
    /// the items of a paragraph, or the paragraphs of a container.
    Labels { parent: CompactString, style: &'static str, items: bool },
}

impl Sequence {
    /// How messages name its numbers.
    fn what(&self) -> What {
        match self {
            Sequence::Headings { word, .. } => What {
                noun: match *word {
                    "art" => "Article",
                    "chapter" => "Chapter",
                    "part" => "Part",
                    "section" => "Section",
                    "annex" => "Annex",
                    other => other,
                }
                .to_string(),
                of: String::new(),
            },
            Sequence::Labels { parent, items, .. } => {
                What { noun: if *items { "item" } else { "paragraph" }.to_string(), of: format!(" of {parent}") }
            }
        }
    }
}

/// What a sequence's numbers count, for messages: `Article 5`, `paragraph 2 of art.3`.
struct What {
    noun: String,
    /// What they are numbered in (` of art.3`), or nothing.
    of: String,
}

impl What {
    /// Number `n`.
    fn one(&self, n: u32) -> String {
        format!("{} {n}{}", self.noun, self.of)
    }

    /// Numbers `first` to `last`.
    fn run(&self, first: u32, last: u32) -> String {
        format!("{}s {first}–{last}{}", self.noun, self.of)
    }
}

/// The numbered sequences of a text: headings by level (an annex's articles apart),
/// paragraph labels by container and style, items by paragraph.
fn sequences(doc: &Document) -> BTreeMap<Sequence, Vec<Entry<'_>>> {
    let mut sequences: BTreeMap<Sequence, Vec<Entry>> = BTreeMap::new();
    let mut annex: Option<CompactString> = None;
    // The paragraph the items after it belong to, while in its container.
    let mut paragraph: Option<&crate::model::Unit> = None;
    for u in &doc.units {
        if u.kind == UnitKind::Paragraph {
            paragraph = Some(u);
        }
        if let Some((level, n)) = u.info.number {
            let word = level.ref_word();
            if word == "annex" {
                annex = Some(u.r#ref.clone());
            }
            let key = Sequence::Headings { word, annex: if word == "art" { annex.clone() } else { None } };
            sequences.entry(key).or_default().push((n, u.r#ref.as_str(), u.lines[0]));
        }
        if let Some((style, n)) = u.info.ordinal {
            // Items are numbered within their paragraph; paragraphs within their article.
            let (parent, items) = match paragraph {
                Some(p) if u.kind == UnitKind::Item && p.info.container == u.info.container => (p.r#ref.clone(), true),
                _ => (u.info.container.clone(), false),
            };
            let key = Sequence::Labels { parent, style, items };
            sequences.entry(key).or_default().push((n, u.r#ref.as_str(), u.lines[0]));
        }
    }
    sequences
}

/// Repeated numbers (the number a repeat displaced is its missing one) and numbers
/// that come after a greater one.
fn repeats_and_order<'d>(
    seq: &[Entry<'d>],
    what: &What,
    lang: &str,
    missing: &mut BTreeSet<u32>,
    out: &mut dyn FnMut(Draft<'d>),
) {
    let mut seen = BTreeSet::new();
    let mut max_so_far = 0;
    for (i, &(n, r, line)) in seq.iter().enumerate() {
        if !seen.insert(n) {
            let expected = seq.get(i.wrapping_sub(1)).map_or(1, |p| p.0 + 1);
            let displaced = missing.remove(&expected).then(|| format!("; {} is missing", what.one(expected)));
            let message = format!(
                "{} occurs twice in the {lang} text (line {line}){}",
                what.one(n),
                displaced.unwrap_or_default()
            );
            out(Draft(Kind::NumberingDuplicate, r, message));
        } else if n < max_so_far {
            let message =
                format!("{} comes after {} in the {lang} text (line {line})", what.one(n), what.one(max_so_far));
            out(Draft(Kind::NumberingOrder, r, message));
        }
        max_so_far = max_so_far.max(n);
    }
}

/// Each run of missing numbers once, where the next number stands.
fn gaps<'d>(seq: &[Entry<'d>], what: &What, lang: &str, missing: &mut BTreeSet<u32>, out: &mut dyn FnMut(Draft<'d>)) {
    for (i, &(n, r, line)) in seq.iter().enumerate() {
        let prev = if i == 0 { 0 } else { seq[i - 1].0 };
        if n <= prev + 1 {
            continue;
        }
        let run: Vec<u32> = (prev + 1..n).filter(|m| missing.remove(m)).collect();
        let (Some(first), Some(last)) = (run.first(), run.last()) else { continue };
        let numbers = if run.len() == 1 { what.one(*first) } else { what.run(*first, *last) };
        let after = if i == 0 { "the start".to_string() } else { what.one(prev) };
        let message = format!("{numbers} missing in the {lang} text: {} follows {after} (line {line})", what.one(n));
        out(Draft(Kind::NumberingGap, r, message));
    }
}
