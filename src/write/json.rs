//! JSON output: serde wire types, kept apart from the model where shapes differ.

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::align::Alignment;
use crate::model::Document;

/// What JSON says about an input file.
#[derive(Debug, Serialize)]
pub struct FileInfo<'a> {
    /// The path as given.
    pub path: &'a str,
    /// The language.
    pub lang: &'a str,
    /// The encoding it was decoded from.
    pub encoding: &'a str,
}

impl<'a> FileInfo<'a> {
    /// The file info of a document.
    pub fn of(doc: &'a Document) -> Self {
        FileInfo { path: &doc.path, lang: doc.lang.code(), encoding: &doc.encoding }
    }
}

/// `parse --format json`.
pub fn document(doc: &Document) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(doc).unwrap_or_default();
    out.push(b'\n');
    out
}

/// `align --format json`; `given` are the documents in the order the user gave them.
pub fn alignment(alignment: &Alignment, given: [&Document; 2]) -> Vec<u8> {
    let [la, lb] = alignment.docs.map(|d| d.lang.code());
    let pairs: Vec<Value> = alignment
        .pairs
        .iter()
        .map(|p| {
            let mut o = Map::new();
            o.insert(format!("{la}_ref"), json!(p.sides[0].iter().map(|s| &s.r#ref).collect::<Vec<_>>()));
            o.insert(format!("{lb}_ref"), json!(p.sides[1].iter().map(|s| &s.r#ref).collect::<Vec<_>>()));
            o.insert(la.to_string(), json!(p.text(0)));
            o.insert(lb.to_string(), json!(p.text(1)));
            o.insert("link".into(), json!(p.link()));
            o.insert("score".into(), json!(super::score_value(p.score)));
            Value::Object(o)
        })
        .collect();
    let v = json!({"a": FileInfo::of(given[0]), "b": FileInfo::of(given[1]), "pairs": pairs});
    let mut out = serde_json::to_vec_pretty(&v).unwrap_or_default();
    out.push(b'\n');
    out
}
