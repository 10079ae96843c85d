//! The Word reader: any input gives text or a clean error, never a panic. An input
//! that starts like a zip archive is read as the .docx itself; any other is the
//! `word/document.xml` and `word/numbering.xml` of one (split at the first NUL byte),
//! put in a zip here so that the fuzzer mutates the XML and not only the compressed
//! bytes. Seeded with the real documents and their parts (`scripts/fuzz.sh`).
#![no_main]

use std::io::{Cursor, Write};

use bitext::load::{LoadOptions, load_bytes};
use bitext::model::InputFormat;
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

const RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="n" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

fn wrap(data: &[u8]) -> Vec<u8> {
    let (document, numbering) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in
        [("word/document.xml", document), ("word/numbering.xml", numbering), ("word/_rels/document.xml.rels", RELS.as_bytes())]
    {
        zip.start_file(name, stored).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") { data.to_vec() } else { wrap(data) };
    let options = LoadOptions { input_format: Some(InputFormat::Docx), ..Default::default() };
    if let Ok(doc) = load_bytes(&bytes, "fuzz.docx", &options) {
        assert_eq!(doc.format, InputFormat::Docx);
    }
    // Told from the content, the same bytes never panic either.
    let _ = load_bytes(&bytes, "fuzz", &LoadOptions::default());
});
