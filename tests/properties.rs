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

mod documents {
    use bitext::align::{AlignOptions, align};
    use bitext::check::check;
    use bitext::diff::{DiffOptions, diff};
    use bitext::load::{LoadOptions, load_bytes};
    use bitext::write;
    use proptest::prelude::*;

    use crate::util::zh_numeral;

    /// A treaty-shaped Chinese text: title, recitals, articles with plain or numbered
    /// paragraphs, a closing formula, signatures.
    fn chinese() -> impl Strategy<Value = String> {
        let words = "[缔约各方合作发展友好关系组织国家和平安全]{4,24}";
        (
            "[上海合作组织成员国友好]{6,12}条约",
            proptest::collection::vec(words, 1..4),
            proptest::collection::vec((proptest::bool::ANY, proptest::collection::vec(words, 1..4)), 1..7),
            proptest::collection::vec("[中华人民吉尔斯俄罗]{2,6}", 1..4),
        )
            .prop_map(|(title, recitals, articles, sigs)| {
                let mut s = format!("{title}\n\n");
                for r in recitals {
                    s.push_str(&format!("{r}，\n\n"));
                }
                s.push_str("兹达成协议如下：\n\n");
                for (k, (numbered, paras)) in articles.iter().enumerate() {
                    s.push_str(&format!("第{}条\n\n", zh_numeral(k as u32 + 1)));
                    for (m, p) in paras.iter().enumerate() {
                        if *numbered {
                            s.push_str(&format!("{}、{p}。\n\n", zh_numeral(m as u32 + 1)));
                        } else {
                            s.push_str(&format!("{p}。\n\n"));
                        }
                    }
                }
                s.push_str(
                    "本条约于二〇〇七年八月十六日在比什凯克签订，正本一份，用中文和俄文写成，两种文本同等作准。\n\n",
                );
                for g in sigs {
                    s.push_str(&format!("{g}代表\n\n"));
                }
                s
            })
    }

    /// A treaty-shaped Russian text.
    fn russian() -> impl Strategy<Value = String> {
        let words = "[а-я]{3,9}( [а-я]{2,9}){2,12}";
        (
            proptest::collection::vec(words, 1..4),
            proptest::collection::vec((proptest::bool::ANY, proptest::collection::vec(words, 1..4)), 1..7),
            proptest::collection::vec("[А-Я][а-я]{4,10}", 1..4),
        )
            .prop_map(|(recitals, articles, sigs)| {
                let mut s = String::from("ДОГОВОР\nо дружбе и сотрудничестве\n\n");
                for r in recitals {
                    s.push_str(&format!("{r};\n\n"));
                }
                s.push_str("договорились о нижеследующем:\n\n");
                for (k, (numbered, paras)) in articles.iter().enumerate() {
                    s.push_str(&format!("Статья {}\n\n", k + 1));
                    for (m, p) in paras.iter().enumerate() {
                        if *numbered {
                            s.push_str(&format!("{}. {p}.\n\n", m + 1));
                        } else {
                            s.push_str(&format!("{p}.\n\n"));
                        }
                    }
                }
                s.push_str("Совершено в городе Бишкеке 16 августа 2007 года в одном подлинном экземпляре.\n\n");
                for g in sigs {
                    s.push_str(&format!("За {g}\n\n"));
                }
                s
            })
    }

    fn units(doc: &bitext::Document) -> Vec<(String, bitext::UnitKind, Option<String>, String)> {
        doc.units
            .iter()
            .map(|u| (u.r#ref.to_string(), u.kind, u.label.as_ref().map(ToString::to_string), u.text.clone()))
            .collect()
    }

    fn load(text: &str) -> bitext::Document {
        load_bytes(text.as_bytes(), "p.txt", &LoadOptions::default()).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// A parsed document written back from its units parses to the same units.
        #[test]
        fn parse_write_parse_is_stable(zh in chinese(), ru in russian()) {
            for text in [zh, ru] {
                let first = load(&text);
                let again = String::from_utf8(write::to_vec(|w| write::text::plain(w, &first)).unwrap()).unwrap();
                let again = load(&again);
                prop_assert_eq!(units(&first), units(&again));
            }
        }

        /// A text against itself has no change.
        #[test]
        fn diff_with_itself_is_empty(zh in chinese()) {
            let d = load(&zh);
            let changes = diff(&d, &d, DiffOptions { strict: true }).changes.len();
            prop_assert_eq!(changes, 0);
        }

        /// Swapping the files swaps nothing: the same findings, sides named by language.
        #[test]
        fn check_is_symmetric(zh in chinese(), ru in russian()) {
            let (a, b) = (load(&zh), load(&ru));
            let note = bitext::check::Severity::Note;
            let (one, two) = (check(&align(&a, &b, &AlignOptions::default())), check(&align(&b, &a, &AlignOptions::default())));
            let one = write::to_vec(|w| write::check::json(w, &one, [&a, &b], note)).unwrap();
            let two = write::to_vec(|w| write::check::json(w, &two, [&b, &a], note)).unwrap();
            let findings = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).unwrap()["findings"].clone();
            prop_assert_eq!(findings(&one), findings(&two));
        }
    }
}
