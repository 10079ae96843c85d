//! The OpenDocument reader: any input gives text or a clean error, never a panic. An
//! input that starts like a zip archive is read as the .odt itself; any other is the
//! `content.xml` and `styles.xml` of one (split at the first NUL byte), put in a zip
//! here. Seeded with the real documents and their parts (`scripts/fuzz.sh`).
#![no_main]

use std::io::{Cursor, Write};

use bitext::load::{LoadOptions, load_bytes};
use bitext::model::InputFormat;
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fn wrap(data: &[u8]) -> Vec<u8> {
    let (content, styles) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in
        [("mimetype", &b"application/vnd.oasis.opendocument.text"[..]), ("content.xml", content), ("styles.xml", styles)]
    {
        zip.start_file(name, stored).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") { data.to_vec() } else { wrap(data) };
    let options = LoadOptions { input_format: Some(InputFormat::Odt), ..Default::default() };
    if let Ok(doc) = load_bytes(&bytes, "fuzz.odt", &options) {
        assert_eq!(doc.format, InputFormat::Odt);
    }
    let _ = load_bytes(&bytes, "fuzz", &LoadOptions::default());
});
