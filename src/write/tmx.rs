//! TMX 1.4b, the format every CAT tool imports (OmegaT, Trados, memoQ, Wordfast,
//! Phrase, XTM): Level 1, UTF-8, one `<tu>` per pair.
//!
//! The header carries the seven required attributes and no creation date, so that the
//! same input gives the same bytes. Pairs with an empty side (1-0, 0-1) are left out
//! unless asked for: a translation memory has no use for them.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::align::{Alignment, Level};

use super::xml::sanitize;

/// Which language the header names as the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SrcLang {
    /// One side's language (0 or 1, in the alignment's order).
    Side(usize),
    /// `*all*`: the texts are equally authentic, any may be the source.
    All,
}

/// Settings of the TMX writer.
#[derive(Debug, Clone)]
pub struct TmxOptions {
    /// The `srclang` of the header.
    pub srclang: SrcLang,
    /// The `xml:lang` tags of the two sides (default `zh-CN`, `ru-RU`).
    pub tags: [String; 2],
    /// Whether to keep pairs with an empty side.
    pub keep_unpaired: bool,
    /// The level of the pairs, for `segtype`.
    pub level: Level,
}

/// What was written: the document, and how many pairs were left out.
pub struct Tmx {
    /// The TMX document.
    pub bytes: Vec<u8>,
    /// Pairs with an empty side that were left out.
    pub left_out: usize,
}

/// A `tuid`: the refs, without white space (`art.8.1`, or `zh:preamble.5+preamble.6;ru:preamble.5`).
fn tuid(alignment: &Alignment, i: usize) -> String {
    let p = &alignment.pairs[i];
    let (a, b) = (p.refs(0), p.refs(1));
    if a == b {
        a
    } else {
        let [la, lb] = alignment.docs.map(|d| d.lang.code());
        format!("{la}:{a};{lb}:{b}")
    }
}

/// Writes the alignment as TMX.
pub fn write(alignment: &Alignment, options: &TmxOptions) -> Tmx {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let mut left_out = 0;
    // Writing to a Vec cannot fail; the results are ignored for that reason.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = w.write_event(Event::Start(BytesStart::new("tmx").with_attributes([("version", "1.4")])));
    let srclang = match options.srclang {
        SrcLang::Side(s) => options.tags[s].as_str(),
        SrcLang::All => "*all*",
    };
    let segtype = match options.level {
        Level::Paragraph => "paragraph",
        Level::Sentence => "sentence",
    };
    let version = env!("CARGO_PKG_VERSION");
    let header = BytesStart::new("header").with_attributes([
        ("creationtool", "bitext"),
        ("creationtoolversion", version),
        ("segtype", segtype),
        ("o-tmf", "bitext"),
        ("adminlang", "en-US"),
        ("srclang", srclang),
        ("datatype", "plaintext"),
    ]);
    let _ = w.write_event(Event::Empty(header));
    let _ = w.write_event(Event::Start(BytesStart::new("body")));
    for (i, p) in alignment.pairs.iter().enumerate() {
        let empty = p.sides.iter().any(|s| s.is_empty());
        if empty && !options.keep_unpaired {
            left_out += 1;
            continue;
        }
        let id = tuid(alignment, i);
        let _ = w.write_event(Event::Start(BytesStart::new("tu").with_attributes([("tuid", id.as_str())])));
        for (kind, value) in [("x-link", p.link()), ("x-score", super::score(p.score))] {
            let _ = w.write_event(Event::Start(BytesStart::new("prop").with_attributes([("type", kind)])));
            let _ = w.write_event(Event::Text(BytesText::new(&value)));
            let _ = w.write_event(Event::End(BytesEnd::new("prop")));
        }
        for s in 0..2 {
            if p.sides[s].is_empty() {
                continue;
            }
            let joiner = alignment.docs[s].lang.profile().line_joiner;
            let text = sanitize(&p.sides[s].iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join(joiner));
            let tuv = BytesStart::new("tuv").with_attributes([("xml:lang", options.tags[s].as_str())]);
            let _ = w.write_event(Event::Start(tuv));
            let _ = w.write_event(Event::Start(BytesStart::new("seg")));
            let _ = w.write_event(Event::Text(BytesText::new(text.trim())));
            let _ = w.write_event(Event::End(BytesEnd::new("seg")));
            let _ = w.write_event(Event::End(BytesEnd::new("tuv")));
        }
        let _ = w.write_event(Event::End(BytesEnd::new("tu")));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("body")));
    let _ = w.write_event(Event::End(BytesEnd::new("tmx")));
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Tmx { bytes, left_out }
}
