//! The HTML reader: any bytes read as a page, with and without an encoding label, give
//! text or a clear error, never a panic; the same bytes give the same text; a page that
//! loads has unique refs and every unit's lines in order.
#![no_main]

use std::collections::BTreeSet;
use std::path::Path;

use bitext::ErrorKind;
use bitext::load::{LoadOptions, Segments, html, load_bytes};
use bitext::model::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for encoding in [None, Some("gb18030"), Some("windows-1251")] {
        let options = LoadOptions {
            input_format: Some(InputFormat::Html),
            encoding: encoding.map(String::from),
            ..Default::default()
        };
        match html::read(data, Path::new("fuzz.html"), &options) {
            Ok(extracted) if encoding.is_none() => {
                let again = html::read(data, Path::new("fuzz.html"), &options).expect("read once, read twice");
                assert_eq!(extracted, again);
            }
            Ok(_) => {}
            Err(e) => assert!(
                matches!(
                    e.kind,
                    ErrorKind::Binary | ErrorKind::Empty | ErrorKind::Undecodable(_) | ErrorKind::Limit(_)
                ),
                "unexpected error from the HTML reader: {e:?}"
            ),
        }
    }
    for segments in [Segments::Structure, Segments::Lines] {
        let options = LoadOptions { input_format: Some(InputFormat::Html), segments, ..Default::default() };
        match load_bytes(data, "fuzz.html", &options) {
            Ok(doc) => {
                assert_eq!(doc.format, InputFormat::Html);
                let mut seen = BTreeSet::new();
                for u in &doc.units {
                    assert!(seen.insert(u.r#ref.clone()), "duplicate ref {}", u.r#ref);
                    assert!(1 <= u.lines[0] && u.lines[0] <= u.lines[1], "{:?}", u.lines);
                }
            }
            Err(e) => assert!(
                matches!(
                    e.kind,
                    ErrorKind::Binary
                        | ErrorKind::Undecodable(_)
                        | ErrorKind::Limit(_)
                        | ErrorKind::Empty
                        | ErrorKind::UnknownLanguage
                ),
                "unexpected error loading a page: {e:?}"
            ),
        }
    }
});
