//! JSON output: serde wire types, kept apart from the model where shapes differ.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::align::{Alignment, Pair};
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
pub fn document<W: std::io::Write>(w: W, doc: &Document) -> std::io::Result<()> {
    super::json_document(w, doc)
}

/// One pair on the wire: keys named by the languages (`zh_ref`, `ru_ref`, `zh`, `ru`).
struct PairWire<'a> {
    pair: &'a Pair<'a>,
    codes: [&'static str; 2],
}

impl Serialize for PairWire<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.pair;
        let refs = |k: usize| p.sides[k].iter().map(|x| x.r#ref.as_str()).collect::<Vec<_>>();
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry(&format!("{}_ref", self.codes[0]), &refs(0))?;
        m.serialize_entry(&format!("{}_ref", self.codes[1]), &refs(1))?;
        m.serialize_entry(self.codes[0], &p.text(0))?;
        m.serialize_entry(self.codes[1], &p.text(1))?;
        m.serialize_entry("link", &p.link())?;
        m.serialize_entry("score", &super::score_value(p.score))?;
        m.end()
    }
}

/// The elements of a slice, serialized one by one as they are written.
pub struct Streamed<I>(pub std::cell::RefCell<Option<I>>);

impl<I: Iterator<Item = T>, T: Serialize> Serialize for Streamed<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.borrow_mut().take() {
            Some(items) => s.collect_seq(items),
            None => s.collect_seq(std::iter::empty::<T>()),
        }
    }
}

/// Streams `items` into a JSON array: a report of a million entries is written
/// without first building a million JSON values.
pub fn streamed<I: Iterator<Item = T>, T: Serialize>(items: I) -> Streamed<I> {
    Streamed(std::cell::RefCell::new(Some(items)))
}

/// `align --format json`; `given` are the documents in the order the user gave them.
pub fn alignment<W: std::io::Write>(w: W, alignment: &Alignment, given: [&Document; 2]) -> std::io::Result<()> {
    let codes = alignment.docs.map(|d| d.lang.code());
    #[derive(Serialize)]
    struct Wire<'a, P: Serialize> {
        a: FileInfo<'a>,
        b: FileInfo<'a>,
        pairs: P,
    }
    let wire = Wire {
        a: FileInfo::of(given[0]),
        b: FileInfo::of(given[1]),
        pairs: streamed(alignment.pairs.iter().map(|pair| PairWire { pair, codes })),
    };
    super::json_document(w, &wire)
}
