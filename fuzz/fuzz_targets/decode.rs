//! Decoding: any bytes, with and without a language and an encoding label, give text
//! or an error, never a panic; decoded text of the expected language is mostly of its
//! script.
#![no_main]

use std::path::Path;

use bitext::Lang;
use bitext::load::decode::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for lang in [None, Some(Lang::Zh), Some(Lang::Ru)] {
        if let Ok(d) = decode(data, Path::new("fuzz"), lang, None)
            && let Some(l) = lang
        {
            assert!(l.script_share(&d.text) >= 0.5);
        }
    }
    for label in ["gb18030", "big5", "cp1251", "koi8-r", "utf-16le", "nonsense"] {
        let _ = decode(data, Path::new("fuzz"), None, Some(label));
    }
});
