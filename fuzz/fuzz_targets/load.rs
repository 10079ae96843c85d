//! Repairs and structure: any text loads or fails cleanly; refs are unique and every
//! unit's lines are inside the input.
#![no_main]

use std::collections::BTreeSet;

use bitext::load::{LoadOptions, Segments, load_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.split(|&b| b == b'\n').count() + data.iter().filter(|&&b| b == b'\r').count() + 1;
    for segments in [Segments::Structure, Segments::Lines] {
        let options = LoadOptions { segments, ..Default::default() };
        if let Ok(doc) = load_bytes(data, "fuzz.txt", &options) {
            let mut seen = BTreeSet::new();
            for u in &doc.units {
                assert!(seen.insert(u.r#ref.clone()), "duplicate ref {}", u.r#ref);
                assert!(1 <= u.lines[0] && u.lines[0] <= u.lines[1] && u.lines[1] <= lines, "{:?}", u.lines);
            }
        }
    }
});
