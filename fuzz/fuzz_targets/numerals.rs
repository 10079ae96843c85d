//! Numeral parsing and anchors: Chinese numerals, Roman numerals, Russian ordinal
//! words, and the anchors of either language, on any string.
#![no_main]

use bitext::lang::{parse_chinese_numeral, parse_roman, parse_russian_ordinal};
use bitext::{Lang, anchors};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let _ = parse_chinese_numeral(s);
    if let Some(n) = parse_roman(s) {
        assert!((1..4000).contains(&n));
    }
    let _ = parse_russian_ordinal(s);
    for lang in Lang::ALL {
        let _ = anchors::read(lang, s);
        let _ = anchors::numeric_values(lang, s);
        let _ = bitext::segment::sentences(lang, s);
    }
});
