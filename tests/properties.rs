//! Properties over arbitrary input.

use bitext::align::{AlignOptions, align};
use bitext::load::{LoadOptions, Segments, load_bytes};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any bytes give a document or an error, never a panic.
    #[test]
    fn any_bytes_load_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = load_bytes(&bytes, "fuzz.txt", &LoadOptions::default());
    }

    /// Text-like input in either script, too.
    #[test]
    fn any_text_loads_without_panic(text in "[第一二三四五六七八九十条章、，。：；\\n 0-9a-zСтатьяглавГЛАВА.)(-]{0,300}") {
        let _ = load_bytes(text.as_bytes(), "fuzz.txt", &LoadOptions::default());
    }

    /// Alignment covers every unit of both texts exactly once, in order.
    #[test]
    fn alignment_covers_every_unit(zh in proptest::collection::vec("[一二三四五六七八九十条约缔方，。]{1,30}", 1..25),
                                   ru in proptest::collection::vec("[а-я ,.]{1,80}", 1..25)) {
        let options = LoadOptions { segments: Segments::Lines, ..Default::default() };
        let a = load_bytes(zh.join("\n").as_bytes(), "a", &LoadOptions { lang: Some(bitext::Lang::Zh), ..options.clone() });
        let b = load_bytes(ru.join("\n").as_bytes(), "b", &LoadOptions { lang: Some(bitext::Lang::Ru), ..options });
        if let (Ok(a), Ok(b)) = (a, b) {
            let al = align(&a, &b, &AlignOptions::default());
            for (side, doc) in al.docs.iter().enumerate() {
                let got: Vec<&str> = al.pairs.iter().flat_map(|p| p.sides[side].iter().map(|s| s.r#ref.as_str())).collect();
                let want: Vec<&str> = doc.units.iter().map(|u| u.r#ref.as_str()).collect();
                prop_assert_eq!(got, want);
            }
        }
    }
}
