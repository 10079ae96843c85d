//! Alignment of two arbitrary texts: every unit of both is in exactly one pair, in
//! order; check and diff run on the result.
#![no_main]

use bitext::align::{AlignOptions, Level, align};
use bitext::load::{LoadOptions, Segments, load_bytes};
use bitext::{Lang, check, diff};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(cut) = data.iter().position(|&b| b == 0) else { return };
    let (a, b) = (&data[..cut], &data[cut + 1..]);
    for segments in [Segments::Structure, Segments::Lines] {
        let zh = load_bytes(a, "a", &LoadOptions { lang: Some(Lang::Zh), segments, ..Default::default() });
        let ru = load_bytes(b, "b", &LoadOptions { lang: Some(Lang::Ru), segments, ..Default::default() });
        let (Ok(zh), Ok(ru)) = (zh, ru) else { continue };
        for level in [Level::Paragraph, Level::Sentence] {
            let al = align(&zh, &ru, &AlignOptions { level, ..Default::default() });
            if level == Level::Paragraph {
                for (side, doc) in al.docs.iter().enumerate() {
                    let got: Vec<&str> = al.pairs.iter().flat_map(|p| p.sides[side].iter().map(|s| s.r#ref.as_str())).collect();
                    let want: Vec<&str> = doc.units.iter().map(|u| u.r#ref.as_str()).collect();
                    assert_eq!(got, want);
                }
                let _ = check::check(&al);
            }
            assert!(al.pairs.iter().all(|p| (0.0..=1.0).contains(&p.score)));
        }
        let rev = diff::diff(&zh, &zh, diff::DiffOptions::default());
        assert!(rev.changes.is_empty());
    }
});
