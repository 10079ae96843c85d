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

impl TmxOptions {
    /// The defaults for an alignment: Chinese as `srclang`, each language's usual tag,
    /// pairs with no counterpart left out, paragraph level.
    pub fn default_for(alignment: &Alignment) -> Self {
        let srclang = alignment.docs.iter().position(|d| d.lang.code() == "zh").unwrap_or(0);
        TmxOptions {
            srclang: SrcLang::Side(srclang),
            tags: alignment.docs.map(|d| d.lang.profile().tmx_tag.to_string()),
            keep_unpaired: false,
            level: Level::Paragraph,
        }
    }
}

/// Whether `tag` is a well-formed BCP 47 language tag (RFC 5646, section 2.1): a
/// language subtag of 2–3 letters (or 4–8 registered ones), then an optional script
/// (4 letters), region (2 letters or 3 digits), variants (5–8 alphanumerics, or a digit
/// and 3 alphanumerics), extensions (a singleton and subtags of 2–8) and a private use
/// part (`x-` and subtags of 1–8); or a private use tag alone. Checked by hand: the
/// grammar is short, and no crate of it is among our dependencies.
pub fn is_language_tag(tag: &str) -> bool {
    let parts: Vec<&str> = tag.split('-').collect();
    let alpha = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let alnum = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    if parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    let private = |rest: &[&str]| !rest.is_empty() && rest.iter().all(|p| alnum(p, 1..=8));
    if parts[0].eq_ignore_ascii_case("x") {
        return private(&parts[1..]);
    }
    if !alpha(parts[0], 2..=3) && !alpha(parts[0], 5..=8) {
        return false;
    }
    let mut k = 1;
    // Extended language subtags (up to three of 3 letters) after a 2–3 letter language.
    while k < parts.len() && k <= 3 && parts[0].len() <= 3 && alpha(parts[k], 3..=3) {
        k += 1;
    }
    if k < parts.len() && alpha(parts[k], 4..=4) {
        k += 1;
    }
    if k < parts.len()
        && (alpha(parts[k], 2..=2) || (parts[k].len() == 3 && parts[k].bytes().all(|b| b.is_ascii_digit())))
    {
        k += 1;
    }
    let variant = |s: &str| alnum(s, 5..=8) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit() && alnum(s, 4..=4));
    while k < parts.len() && variant(parts[k]) {
        k += 1;
    }
    while k < parts.len() && parts[k].len() == 1 && !parts[k].eq_ignore_ascii_case("x") && alnum(parts[k], 1..=1) {
        let start = k + 1;
        k = start;
        while k < parts.len() && alnum(parts[k], 2..=8) {
            k += 1;
        }
        if k == start {
            return false;
        }
    }
    if k < parts.len() && parts[k].eq_ignore_ascii_case("x") {
        return private(&parts[k + 1..]);
    }
    k == parts.len()
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

/// Writes the alignment as TMX; returns how many pairs with an empty side were left out.
pub fn write<W: std::io::Write>(out: W, alignment: &Alignment, options: &TmxOptions) -> std::io::Result<usize> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    let mut left_out = 0;
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("tmx").with_attributes([("version", "1.4")])))?;
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
    w.write_event(Event::Empty(header))?;
    w.write_event(Event::Start(BytesStart::new("body")))?;
    for (i, p) in alignment.pairs.iter().enumerate() {
        let empty = p.sides.iter().any(|s| s.is_empty());
        if empty && !options.keep_unpaired {
            left_out += 1;
            continue;
        }
        let id = tuid(alignment, i);
        w.write_event(Event::Start(BytesStart::new("tu").with_attributes([("tuid", id.as_str())])))?;
        for (kind, value) in [("x-link", p.link()), ("x-score", super::score(p.score))] {
            w.write_event(Event::Start(BytesStart::new("prop").with_attributes([("type", kind)])))?;
            w.write_event(Event::Text(BytesText::new(&value)))?;
            w.write_event(Event::End(BytesEnd::new("prop")))?;
        }
        for s in 0..2 {
            if p.sides[s].is_empty() {
                continue;
            }
            let joiner = alignment.docs[s].lang.profile().line_joiner;
            let text = sanitize(&p.sides[s].iter().map(|x| x.text.as_ref()).collect::<Vec<_>>().join(joiner));
            let tuv = BytesStart::new("tuv").with_attributes([("xml:lang", options.tags[s].as_str())]);
            w.write_event(Event::Start(tuv))?;
            w.write_event(Event::Start(BytesStart::new("seg")))?;
            w.write_event(Event::Text(BytesText::new(text.trim())))?;
            w.write_event(Event::End(BytesEnd::new("seg")))?;
            w.write_event(Event::End(BytesEnd::new("tuv")))?;
        }
        w.write_event(Event::End(BytesEnd::new("tu")))?;
    }
    w.write_event(Event::End(BytesEnd::new("body")))?;
    w.write_event(Event::End(BytesEnd::new("tmx")))?;
    let mut out = w.into_inner();
    out.write_all(b"\n")?;
    Ok(left_out)
}
