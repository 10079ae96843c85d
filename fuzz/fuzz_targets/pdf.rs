//! The PDF reader (poppler's `pdftotext` run on the bytes): any bytes read as a PDF
//! give a document or a clear error (the PDF cannot be read, a limit, no text, no
//! language), never a panic; a document that loads has unique refs, every unit's
//! lines in order, the reader's note of its pages, and no Kangxi radical left in
//! place of an ideograph.
#![no_main]

use std::collections::BTreeSet;

use bitext::ErrorKind;
use bitext::load::{LoadOptions, load_bytes};
use bitext::model::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = LoadOptions { input_format: Some(InputFormat::Pdf), ..Default::default() };
    match load_bytes(data, "fuzz.pdf", &options) {
        Ok(doc) => {
            assert_eq!(doc.format, InputFormat::Pdf);
            assert!(doc.reader.first().is_some_and(|n| n.contains("pages")), "{:?}", doc.reader);
            let mut seen = BTreeSet::new();
            for u in &doc.units {
                assert!(seen.insert(u.r#ref.clone()), "duplicate ref {}", u.r#ref);
                assert!(1 <= u.lines[0] && u.lines[0] <= u.lines[1], "{:?}", u.lines);
                assert!(!u.text.chars().any(|c| ('\u{2F00}'..='\u{2FD5}').contains(&c)), "a radical in {:?}", u.text);
            }
        }
        Err(e) => {
            assert!(
                matches!(
                    e.kind,
                    ErrorKind::Document(_) | ErrorKind::Limit(_) | ErrorKind::Empty | ErrorKind::UnknownLanguage
                ),
                "unexpected error from the PDF reader: {e:?}"
            );
            if let ErrorKind::Document(why) = &e.kind {
                assert!(!why.trim().is_empty(), "an error that says nothing");
            }
        }
    }
});
