//! Scoring an alignment against a gold alignment.
//!
//! Both are read as links between units: a row pairing refs `a1+a2` with `b1` holds
//! the links a1–b1 and a2–b1; a row with one side empty holds none. Precision and
//! recall are over links. A *gold group* is a connected set of gold links (one n-m
//! row, or the n×m rows that write it out); `exact` is the share of gold groups that
//! the alignment reproduces exactly, as one group with the same units.
//!
//! A gold alignment may cover only part of the texts (some chapters): predicted links
//! are scored only where they touch a unit that the gold names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};

/// The scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Share of predicted links that are gold links.
    pub precision: f64,
    /// Share of gold links that were predicted.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Share of gold groups reproduced exactly.
    pub exact: f64,
    /// How many links the gold has.
    pub gold_links: usize,
    /// How many links the alignment has.
    pub predicted_links: usize,
}

/// A set of links, with the names of the two ref columns.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// The ref columns' names (`zh_ref`, `ru_ref`).
    pub columns: [String; 2],
    /// The rows: the refs of each side.
    pub rows: Vec<[Vec<String>; 2]>,
}

impl Links {
    /// The set of unit-to-unit links.
    pub fn pairs(&self) -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for [a, b] in &self.rows {
            for x in a {
                for y in b {
                    out.insert((x.clone(), y.clone()));
                }
            }
        }
        out
    }

    /// Connected groups of links, each as (refs of side a, refs of side b).
    pub fn groups(&self) -> BTreeSet<(BTreeSet<String>, BTreeSet<String>)> {
        // Union-find over "a:ref" and "b:ref" nodes.
        let mut parent: BTreeMap<String, String> = BTreeMap::new();
        fn find(parent: &mut BTreeMap<String, String>, x: &str) -> String {
            let mut root = x.to_string();
            while let Some(p) = parent.get(&root) {
                if *p == root {
                    break;
                }
                root = p.clone();
            }
            parent.insert(x.to_string(), root.clone());
            root
        }
        for [a, b] in &self.rows {
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let nodes: Vec<String> =
                a.iter().map(|x| format!("a:{x}")).chain(b.iter().map(|y| format!("b:{y}"))).collect();
            for n in &nodes {
                parent.entry(n.clone()).or_insert_with(|| n.clone());
            }
            let r0 = find(&mut parent, &nodes[0]);
            for n in &nodes[1..] {
                let r = find(&mut parent, n);
                parent.insert(r, r0.clone());
            }
        }
        let mut groups: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
        let keys: Vec<String> = parent.keys().cloned().collect();
        for k in keys {
            let root = find(&mut parent, &k);
            let g = groups.entry(root).or_default();
            match k.split_once(':') {
                Some(("a", r)) => g.0.insert(r.to_string()),
                Some((_, r)) => g.1.insert(r.to_string()),
                None => false,
            };
        }
        groups.into_values().collect()
    }
}

/// Scores `predicted` against `gold`. Columns are matched by name.
pub fn score(gold: &Links, predicted: &Links) -> Scores {
    let swap = gold.columns[0] == predicted.columns[1] && gold.columns[1] == predicted.columns[0];
    let predicted = if swap {
        Links {
            columns: [predicted.columns[1].clone(), predicted.columns[0].clone()],
            rows: predicted.rows.iter().map(|[a, b]| [b.clone(), a.clone()]).collect(),
        }
    } else {
        predicted.clone()
    };
    // A gold alignment may cover part of the texts: only predicted links that touch a
    // unit the gold names are scored.
    let mut scope: [BTreeSet<&str>; 2] = Default::default();
    for row in &gold.rows {
        for s in 0..2 {
            scope[s].extend(row[s].iter().map(String::as_str));
        }
    }
    let in_scope = |a: &str, b: &str| scope[0].contains(a) || scope[1].contains(b);
    let g = gold.pairs();
    let p: BTreeSet<(String, String)> = predicted.pairs().into_iter().filter(|(a, b)| in_scope(a, b)).collect();
    let hit = g.intersection(&p).count() as f64;
    let ratio = |x: f64, y: usize| if y == 0 { 0.0 } else { x / y as f64 };
    let precision = ratio(hit, p.len());
    let recall = ratio(hit, g.len());
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    let gg = gold.groups();
    let pg: BTreeSet<_> = predicted
        .groups()
        .into_iter()
        .filter(|(a, b)| {
            a.iter().any(|x| scope[0].contains(x.as_str())) || b.iter().any(|y| scope[1].contains(y.as_str()))
        })
        .collect();
    let exact = ratio(gg.intersection(&pg).count() as f64, gg.len());
    Scores { precision, recall, f1, exact, gold_links: g.len(), predicted_links: p.len() }
}

/// What `eval` scores: units, or the sentences inside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvalLevel {
    /// Units: a sentence ref (`art.8.1.s2`) counts as its unit's (`art.8.1`).
    Paragraph,
    /// Refs as written.
    Sentence,
}

impl EvalLevel {
    /// The level of a set of links: sentence if any of its refs names a sentence.
    pub fn of(links: &Links) -> Self {
        let any = links.rows.iter().flatten().flatten().any(|r| sentence_of(r).is_some());
        if any { EvalLevel::Sentence } else { EvalLevel::Paragraph }
    }
}

/// The unit ref of a sentence ref (`art.8.1.s2` → `art.8.1`), None for a unit ref.
fn sentence_of(r: &str) -> Option<&str> {
    let (unit, last) = r.rsplit_once('.')?;
    let digits = last.strip_prefix('s')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(unit)
}

impl Links {
    /// The links at `level`: at paragraph level, sentence refs become their unit's
    /// (each unit once per row).
    pub fn at_level(&self, level: EvalLevel) -> Links {
        if level == EvalLevel::Sentence {
            return self.clone();
        }
        let unit_refs = |refs: &[String]| {
            let mut out: Vec<String> = Vec::with_capacity(refs.len());
            for r in refs {
                let unit = sentence_of(r).unwrap_or(r);
                if !out.iter().any(|u| u == unit) {
                    out.push(unit.to_string());
                }
            }
            out
        };
        Links {
            columns: self.columns.clone(),
            rows: self.rows.iter().map(|[a, b]| [unit_refs(a), unit_refs(b)]).collect(),
        }
    }
}

/// Checks that `predicted` aligns the document `gold` was made for: at least half of
/// the gold's refs must occur in it. An alignment of another document shares a few
/// refs (`art.1`) by chance and would get a high precision for nothing.
pub fn same_document(gold: &Links, predicted: &Links, path: &Path) -> Result<()> {
    let swap = gold.columns[0] == predicted.columns[1] && gold.columns[1] == predicted.columns[0];
    let mut have: [BTreeSet<&str>; 2] = Default::default();
    for row in &predicted.rows {
        for s in 0..2 {
            have[if swap { 1 - s } else { s }].extend(row[s].iter().map(String::as_str));
        }
    }
    let mut wanted: [BTreeSet<&str>; 2] = Default::default();
    for row in &gold.rows {
        for s in 0..2 {
            wanted[s].extend(row[s].iter().map(String::as_str));
        }
    }
    let total: usize = wanted.iter().map(BTreeSet::len).sum();
    let found: usize = (0..2).map(|s| wanted[s].iter().filter(|r| have[s].contains(*r)).count()).sum();
    if total > 0 && found * 2 < total {
        let why = format!(
            "only {found} of the {total} refs of the gold occur in it: is it an alignment of another document?"
        );
        return Err(Error::new(ErrorKind::Format(why), path));
    }
    Ok(())
}

fn split_refs(cell: &str) -> Vec<String> {
    cell.split('+').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// Reads links from a delimited table (gold TSV, or an aligned CSV/TSV) or from
/// `align`'s JSON. The two ref columns are the first two whose names end in `_ref`.
pub fn read_links(bytes: &[u8], path: &Path) -> Result<Links> {
    let bad = |why: String, line: Option<usize>| {
        let e = Error::new(ErrorKind::Format(why), path);
        match line {
            Some(l) => e.at_line(l),
            None => e,
        }
    };
    let text = std::str::from_utf8(bytes).map_err(|_| bad("not UTF-8".into(), None))?;
    let text = text.trim_start_matches('\u{FEFF}');
    if text.trim_start().starts_with('{') {
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| bad(format!("not valid JSON: {e}"), Some(e.line())))?;
        let pairs = v.get("pairs").and_then(|p| p.as_array()).ok_or_else(|| bad("no \"pairs\" array".into(), None))?;
        let first = pairs.first().and_then(|p| p.as_object());
        let mut columns: Vec<String> =
            first.map(|o| o.keys().filter(|k| k.ends_with("_ref")).cloned().collect()).unwrap_or_default();
        columns.sort();
        if pairs.is_empty() {
            return Ok(Links::default());
        }
        if columns.len() < 2 {
            return Err(bad("pairs need two *_ref fields".into(), None));
        }
        let side = |p: &serde_json::Value, c: &str| -> Vec<String> {
            p.get(c)
                .and_then(|x| x.as_array())
                .map(|a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect())
                .unwrap_or_default()
        };
        let rows = pairs.iter().map(|p| [side(p, &columns[0]), side(p, &columns[1])]).collect();
        return Ok(Links { columns: [columns[0].clone(), columns[1].clone()], rows });
    }
    let first_line = text.lines().next().unwrap_or("");
    let delimiter =
        [b'\t', b',', b';'].into_iter().max_by_key(|d| first_line.bytes().filter(|b| b == d).count()).unwrap_or(b'\t');
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| bad(e.to_string(), Some(1)))?.clone();
    let cols: Vec<usize> =
        headers.iter().enumerate().filter(|(_, h)| h.trim().ends_with("_ref")).map(|(i, _)| i).take(2).collect();
    if cols.len() < 2 {
        return Err(bad(format!("the header names no two *_ref columns: {:?}", first_line), Some(1)));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| bad(e.to_string(), Some(i + 2)))?;
        let cell = |c: usize| record.get(c).unwrap_or("");
        rows.push([split_refs(cell(cols[0])), split_refs(cell(cols[1]))]);
    }
    Ok(Links { columns: [headers[cols[0]].trim().to_string(), headers[cols[1]].trim().to_string()], rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(tsv: &str) -> Links {
        read_links(tsv.as_bytes(), Path::new("t")).unwrap()
    }

    #[test]
    fn hand_computed_scores() {
        // Gold: a1-b1, a2+a3 - b2 (written as two rows), a4-b3. Four links, three groups.
        let gold = links("zh_ref\tru_ref\na1\tb1\na2\tb2\na3\tb2\na4\tb3\n");
        // Predicted: a1-b1 (hit), a2-b2 (hit), a3 unpaired, a4-b4 (miss), b3 unpaired.
        let pred = links(
            "zh_ref,ru_ref,zh,ru,link,score\na1,b1,x,y,1-1,1\na2,b2,x,y,1-1,1\na3,,x,,1-0,0\na4,b4,x,y,1-1,1\n,b3,,y,0-1,0\n",
        );
        let s = score(&gold, &pred);
        assert_eq!((s.gold_links, s.predicted_links), (4, 3));
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.recall - 0.5).abs() < 1e-9);
        assert!((s.f1 - 4.0 / 7.0).abs() < 1e-9);
        // Only a1-b1 is reproduced as a whole group.
        assert!((s.exact - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn plus_joined_equals_rows() {
        let a = links("zh_ref\tru_ref\na2+a3\tb2\n");
        let b = links("zh_ref\tru_ref\na2\tb2\na3\tb2\n");
        assert_eq!(a.pairs(), b.pairs());
        assert_eq!(a.groups(), b.groups());
        let s = score(&a, &b);
        assert_eq!((s.f1, s.exact), (1.0, 1.0));
    }

    #[test]
    fn another_documents_alignment_is_refused() {
        let gold = links("zh_ref\tru_ref\na1\tb1\na2\tb2\na3\tb3\n");
        let same = links("ru_ref\tzh_ref\nb1\ta1\nb2\ta2\nx\ty\n");
        assert!(same_document(&gold, &same, Path::new("p")).is_ok());
        let other = links("zh_ref\tru_ref\na1\tb1\nx\ty\n");
        let err = same_document(&gold, &other, Path::new("p")).unwrap_err();
        assert!(err.to_string().contains("only 2 of the 6 refs"), "{err}");
    }

    #[test]
    fn paragraph_level_counts_sentences_as_their_unit() {
        let pred = links("zh_ref\tru_ref\nart.1.s1+art.1.s2\tart.1.s1\nart.2\tart.2.s1\n");
        assert_eq!(EvalLevel::of(&pred), EvalLevel::Sentence);
        let units = pred.at_level(EvalLevel::Paragraph);
        assert_eq!(units.rows[0], [vec!["art.1".to_string()], vec!["art.1".to_string()]]);
        assert_eq!(units.rows[1][1], vec!["art.2".to_string()]);
        assert_eq!(EvalLevel::of(&units), EvalLevel::Paragraph);
    }

    #[test]
    fn swapped_columns_are_matched_by_name() {
        let gold = links("zh_ref\tru_ref\na1\tb1\n");
        let pred = links("ru_ref\tzh_ref\nb1\ta1\n");
        assert_eq!(score(&gold, &pred).f1, 1.0);
    }
}
