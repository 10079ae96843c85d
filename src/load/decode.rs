//! Decoding: from the bytes a user has to text, with the encoding reported.
//!
//! The ladder, in order; the first rung that holds decides:
//!
//! 1. A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) names the encoding.
//! 2. NUL bytes never occur in text in any of our encodings, but every other byte of
//!    UTF-16 text does: NUL bytes mostly at odd offsets mean UTF-16LE without a BOM,
//!    mostly at even offsets UTF-16BE. Any other pattern of NULs is a binary file.
//!    This comes before UTF-8, because UTF-16 text in the ASCII range is valid UTF-8.
//! 3. Bytes that are valid UTF-8 are UTF-8: legacy Chinese or Cyrillic text is
//!    almost never valid UTF-8 by accident.
//! 4. The label the user gave (`--encoding`), with the Windows aliases users type.
//! 5. chardetng's guess, hinted by the expected language's top-level domain, then the
//!    language's own legacy encodings (GB18030 and Big5; windows-1251, KOI8-R, IBM866),
//!    each decoded strictly.
//! 6. Whatever was chosen must give text that is mostly of the expected script; if it
//!    does not, the user is asked for `--encoding` rather than handed mojibake.

use std::borrow::Cow;
use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GBK, KOI8_R, KOI8_U, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::{Error, ErrorKind, Result};
use crate::lang::Lang;

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed, line ends as they were.
    pub text: String,
    /// The encoding's name (`UTF-8`, `UTF-16LE`, `GB18030`, `Big5`, `windows-1251`, `KOI8-R` …).
    pub encoding: String,
    /// Whether a byte-order mark was present.
    pub bom: bool,
    /// The language told from the script while checking the text, when no language
    /// was expected; `None` when one was.
    pub lang: Option<Lang>,
}

/// The share of letters that must be of the expected script.
const MIN_SCRIPT_SHARE: f64 = 0.5;

/// Finds an encoding for a user's label: WHATWG labels, plus the Windows code-page
/// names users type, which encoding_rs does not know.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let lower = label.trim().to_ascii_lowercase();
    let alias = match lower.as_str() {
        "cp936" | "ms936" | "windows-936" | "936" => "gbk",
        "cp1251" | "win1251" | "1251" => "windows-1251",
        "cp866" | "866" | "dos-866" => "ibm866",
        "cp950" | "ms950" | "big5hkscs" => "big5",
        "cp20866" | "koi8" => "koi8-r",
        "utf16" | "utf-16" | "ucs-2" => "utf-16le",
        "utf8" => "utf-8",
        "cp54936" | "gb-18030" => "gb18030",
        other => other,
    };
    Encoding::for_label(alias.as_bytes())
}

/// Decodes `bytes` read from `path` by the ladder above. `lang` is the expected
/// language, if known; `label` the user's `--encoding`.
pub fn decode(bytes: &[u8], path: &Path, lang: Option<Lang>, label: Option<&str>) -> Result<Decoded> {
    decode_cow(Cow::Borrowed(bytes), path, lang, label)
}

/// [`decode`] of bytes that may be handed over: UTF-8 bytes of its own become the
/// text as they are, not a copy (a long text read from a file is not held twice).
pub fn decode_cow(bytes: Cow<'_, [u8]>, path: &Path, lang: Option<Lang>, label: Option<&str>) -> Result<Decoded> {
    let user_encoding = user_encoding(path, label)?;
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        let text = strict(encoding, &bytes[bom_len..], path)?;
        return finish(text, encoding.name().to_string(), true, path, lang);
    }
    if bytes.contains(&0) {
        let (encoding, text) = utf16_without_bom(&bytes, lang).ok_or_else(|| Error::new(ErrorKind::Binary, path))?;
        return finish(text, encoding.name().to_string(), false, path, lang);
    }
    let bytes = match bytes {
        Cow::Owned(own) => match String::from_utf8(own) {
            Ok(text) => return finish(text, UTF_8.name().to_string(), false, path, lang),
            Err(e) => Cow::Owned(e.into_bytes()),
        },
        Cow::Borrowed(b) => match utf8(b) {
            Some(text) => return finish(text.into_owned(), UTF_8.name().to_string(), false, path, lang),
            None => Cow::Borrowed(b),
        },
    };
    let bytes = &*bytes;
    if let Some(encoding) = user_encoding {
        let text = strict(encoding, bytes, path)?;
        return finish(text, name_of(encoding, bytes), false, path, lang);
    }
    let mut candidates: Vec<&'static Encoding> = Vec::new();
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let hints: Vec<Option<&[u8]>> = match lang {
        Some(l) => vec![Some(l.profile().tld_hint), None],
        None => std::iter::once(None).chain(Lang::ALL.iter().map(|l| Some(l.profile().tld_hint))).collect(),
    };
    for hint in hints {
        candidates.push(detector.guess(hint, Utf8Detection::Deny));
    }
    let langs: Vec<Lang> = lang.map_or_else(|| Lang::ALL.to_vec(), |l| vec![l]);
    for l in &langs {
        candidates
            .extend(l.profile().legacy_encodings.iter().filter_map(|label| Encoding::for_label(label.as_bytes())));
    }
    let mut seen = Vec::new();
    let mut first_error = None;
    for encoding in candidates {
        // chardetng reports KOI8-R as KOI8-U; they agree on every Russian letter.
        let encoding = if encoding == KOI8_U { KOI8_R } else { encoding };
        if seen.contains(&encoding) {
            continue;
        }
        seen.push(encoding);
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
            continue;
        };
        match finish(text.into_owned(), name_of(encoding, bytes), false, path, lang) {
            Ok(decoded) => return Ok(decoded),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(Error::new(
        ErrorKind::Undecodable(format!(
            "the bytes are not UTF-8, and no legacy encoding ({}) gives {} text; pass --encoding",
            seen.iter().map(|e| e.name()).collect::<Vec<_>>().join(", "),
            Lang::names(lang).0
        )),
        path,
    ))
}

/// `bytes` as text if they are UTF-8. encoding_rs checks them about eight times
/// quicker than the standard library's `from_utf8` on Russian or Chinese text (12 MB
/// of Russian in 2 ms instead of 16): quick enough that copying the text it
/// returns costs less than the standard library's check of bytes handed over
/// (`String::from_utf8`), which kept them without a copy.
fn utf8(bytes: &[u8]) -> Option<Cow<'_, str>> {
    UTF_8.decode_without_bom_handling_and_without_replacement(bytes)
}

/// The encoding of the user's `--encoding`, if given; an error for a label that
/// names none.
fn user_encoding(path: &Path, label: Option<&str>) -> Result<Option<&'static Encoding>> {
    match label {
        Some(l) => {
            encoding_for_label(l).map(Some).ok_or_else(|| Error::new(ErrorKind::UnknownEncoding(l.to_string()), path))
        }
        None => Ok(None),
    }
}

/// GBK and GB18030 share a decoder; say GB18030 where the bytes use its four-byte form.
fn name_of(encoding: &'static Encoding, bytes: &[u8]) -> String {
    if encoding == GBK || encoding == encoding_rs::GB18030 {
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                i += 1;
            } else if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                return "GB18030".to_string();
            } else {
                i += 2;
            }
        }
        return "GBK".to_string();
    }
    encoding.name().to_string()
}

/// Decodes strictly: a malformed sequence is an error naming its line.
fn strict(encoding: &'static Encoding, bytes: &[u8], path: &Path) -> Result<String> {
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text.into_owned());
    }
    let (lossy, _) = encoding.decode_without_bom_handling(bytes);
    let bad = lossy.find('\u{FFFD}').unwrap_or(0);
    let line = lossy[..bad].matches('\n').count() + 1;
    Err(Error::new(ErrorKind::Undecodable(format!("bytes that are not valid {}", encoding.name())), path).at_line(line))
}

/// UTF-16 without a BOM: NUL bytes are the high bytes of ASCII characters (line
/// ends, spaces, digits), so they fall mostly at odd offsets in UTF-16LE and at even
/// ones in UTF-16BE. Both byte orders are decoded strictly and the one whose text is
/// more of the expected script wins.
fn utf16_without_bom(bytes: &[u8], lang: Option<Lang>) -> Option<(&'static Encoding, String)> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    // A text has line ends at least every few hundred characters.
    if (odd + even) * 400 < bytes.len() {
        return None;
    }
    let share = |text: &str| match lang {
        Some(l) => l.script_share(text),
        None => Lang::ALL.iter().map(|l| l.script_share(text)).fold(0.0, f64::max),
    };
    [UTF_16LE, UTF_16BE]
        .into_iter()
        .filter_map(|e| e.decode_without_bom_handling_and_without_replacement(bytes).map(|t| (e, t.into_owned())))
        .map(|(e, t)| (share(&t), e, t))
        .filter(|(s, _, _)| *s >= MIN_SCRIPT_SHARE)
        .max_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, e, t)| (e, t))
}

/// The last rung: the text must be of the expected script.
fn finish(text: String, encoding: String, bom: bool, path: &Path, lang: Option<Lang>) -> Result<Decoded> {
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').is_empty() {
        return Err(Error::new(ErrorKind::Empty, path));
    }
    // Control characters other than line ends and tabs mean binary data.
    let (controls, chars) = count_controls(&text);
    if controls * 20 > chars.max(1) {
        return Err(Error::new(ErrorKind::Binary, path));
    }
    let (ok, told) = match lang {
        Some(l) => (l.script_share(&text) >= MIN_SCRIPT_SHARE, None),
        None => {
            let told = Lang::detect(&text);
            (told.is_some(), told)
        }
    };
    if !ok {
        return Err(Error::new(
            ErrorKind::Undecodable(format!(
                "read as {encoding}, the text is not mostly {}; pass --encoding{}",
                Lang::names(lang).1,
                if lang.is_none() { " or --lang" } else { "" }
            )),
            path,
        ));
    }
    Ok(Decoded { text, encoding, bom, lang: told })
}

/// How many control characters other than line ends, tabs and form feeds a text
/// has, and how many characters, counted on its bytes: the controls are U+0000–U+001F
/// and U+007F (one byte each) and U+0080–U+009F (`C2 80` to `C2 9F`), and every
/// byte but a continuation byte starts a character.
///
/// Each count is one pass of one test over the bytes ([`count_bytes`]).
fn count_controls(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let chars = count_bytes(bytes, |b, _| b & 0xC0 != 0x80);
    // U+0000–U+001F less tab, line feed, vertical tab, form feed and carriage return
    // (U+0009–U+000D), and U+007F.
    let ascii = count_bytes(bytes, |b, _| matches!(b, 0x00..=0x08 | 0x0E..=0x1F | 0x7F));
    let c1 = count_bytes(bytes, |a, b| a == 0xC2 && (0x80..=0x9F).contains(&b));
    (ascii + c1, chars)
}

/// How many bytes of `bytes` pass `test`, given each byte and the one after it (0
/// after the last). Counted in runs of 255 bytes with a count of one byte each: the
/// compiler vectorizes that, 32 bytes at a time, where a `filter(…).count()` is read
/// a byte at a time (a fifth of the time on a long text).
fn count_bytes(bytes: &[u8], test: impl Fn(u8, u8) -> bool + Copy) -> usize {
    let Some((&last, _)) = bytes.split_last() else { return 0 };
    let (most, next) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    let runs: usize = most
        .chunks(255)
        .zip(next.chunks(255))
        .map(|(run, after)| run.iter().zip(after).fold(0u8, |n, (&a, &b)| n + u8::from(test(a, b))) as usize)
        .sum();
    runs + usize::from(test(last, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_counted_on_bytes_as_on_characters() {
        for t in [
            "",
            "a\tb\n",
            "\u{0}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}",
            "第一条\u{c}\u{b}\r\n",
            "Статья\u{85}\u{2028}",
            "\u{c2}\u{100}",
        ] {
            let controls =
                t.chars().filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}')).count();
            assert_eq!(count_controls(t), (controls, t.chars().count()), "{t:?}");
        }
    }

    fn decode_as(bytes: &[u8], lang: Option<Lang>) -> Decoded {
        decode(bytes, Path::new("t"), lang, None).unwrap()
    }

    #[test]
    fn ladder_picks_each_encoding() {
        let zh = "第一条\n缔约各方根据公认的国际法原则和规则，在其感兴趣的领域发展长期睦邻、友好和合作关系。\n";
        let ru =
            "Статья 1\nДоговаривающиеся Стороны в соответствии с общепризнанными принципами развивают отношения.\n";
        assert_eq!(decode_as(zh.as_bytes(), None).encoding, "UTF-8");
        let (gbk, _, _) = encoding_rs::GBK.encode(zh);
        assert_eq!(decode_as(&gbk, Some(Lang::Zh)).text, zh);
        let (w1251, _, _) = encoding_rs::WINDOWS_1251.encode(ru);
        let d = decode_as(&w1251, Some(Lang::Ru));
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (ru, "windows-1251"));
        let (koi, _, _) = encoding_rs::KOI8_R.encode(ru);
        let d = decode_as(&koi, None);
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (ru, "KOI8-R"));
        let le: Vec<u8> = ru.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode_as(&le, None).encoding, "UTF-16LE");
        let be: Vec<u8> = zh.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode_as(&be, None).text, zh);
    }

    /// Bytes handed over (read from a file) decode as the same bytes lent do, in every
    /// encoding of the fixtures, UTF-8 or not: the UTF-8 test that takes the bytes
    /// gives them back when it fails.
    #[test]
    fn bytes_handed_over_decode_as_bytes_lent() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encodings");
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        assert!(files.len() >= 10);
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            for lang in [None, Some(Lang::Zh), Some(Lang::Ru)] {
                let lent = decode(&bytes, &f, lang, None);
                let owned = decode_cow(Cow::Owned(bytes.clone()), &f, lang, None);
                match (lent, owned) {
                    (Ok(a), Ok(b)) => assert_eq!(
                        (a.text, a.encoding, a.bom, a.lang),
                        (b.text, b.encoding, b.bom, b.lang),
                        "{}",
                        f.display()
                    ),
                    (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                    (a, b) => panic!("{}: {:?} against {:?}", f.display(), a.is_ok(), b.is_ok()),
                }
            }
        }
    }

    #[test]
    fn windows_aliases() {
        assert_eq!(encoding_for_label("cp936"), Some(encoding_rs::GBK));
        assert_eq!(encoding_for_label("CP1251"), Some(encoding_rs::WINDOWS_1251));
        assert_eq!(encoding_for_label("cp866"), Some(encoding_rs::IBM866));
        assert_eq!(encoding_for_label("nonsense"), None);
    }

    #[test]
    fn rejects_binary_and_empty() {
        let e = decode(b"\x00\x01\x02\x03\xff\x00\x10", Path::new("b"), None, None).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Binary);
        let e = decode(b"  \n\n", Path::new("e"), None, None).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Empty);
    }
}
