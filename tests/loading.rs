//! Loading: encodings, repairs and structure on the real texts, and bad input.

use bitext::load::{LoadOptions, load, load_bytes};
use bitext::model::{RepairKind, UnitKind};
use bitext::{ErrorKind, Lang};

use crate::util::{doc, path, refs, units};

const ZH: &str = "texts/sco-treaty-2007.zh.txt";
const RU: &str = "texts/sco-treaty-2007.ru.txt";
const ENC: &str = "tests/fixtures/encodings";

/// Paragraph counts of the treaty's articles 1–26 (the Chinese and the Russian agree).
const TREATY_PARAGRAPHS: [usize; 26] = [1, 1, 1, 2, 1, 1, 1, 3, 1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 3, 1, 1, 1, 4, 1, 2, 1];

fn check_treaty_structure(d: &bitext::Document, preamble_units: usize) {
    let count = |prefix: &str| d.units.iter().filter(|u| u.r#ref.starts_with(prefix)).count();
    assert_eq!(d.units[0].r#ref, "title");
    assert_eq!(d.units.iter().filter(|u| u.kind == UnitKind::Preamble).count(), preamble_units);
    for (n, &k) in TREATY_PARAGRAPHS.iter().enumerate() {
        let art = format!("art.{}", n + 1);
        assert!(d.unit(&art).is_some(), "{art} missing");
        assert_eq!(count(&format!("{art}.")), k, "paragraphs of {art}");
    }
    assert!(d.unit("art.27").is_none());
    assert_eq!(d.unit("closing.1").map(|u| u.kind), Some(UnitKind::Closing));
    assert!(d.unit("closing.2").is_none());
    let sigs: Vec<&str> = refs(d).into_iter().filter(|r| r.starts_with("sig.")).collect();
    assert_eq!(sigs, ["sig.1", "sig.2", "sig.3", "sig.4", "sig.5", "sig.6"]);
}

#[test]
fn chinese_treaty_structure() {
    let d = doc(ZH);
    assert_eq!((d.lang, d.encoding.as_str(), d.bom), (Lang::Zh, "UTF-8", false));
    check_treaty_structure(&d, 13);
    assert_eq!(d.unit("preamble.13").unwrap().text, "兹达成协议如下：");
    assert_eq!(d.unit("art.8.1").unwrap().label.as_deref(), Some("一、"));
}

#[test]
fn russian_treaty_structure() {
    let d = doc(RU);
    assert_eq!(d.lang, Lang::Ru);
    check_treaty_structure(&d, 12);
    assert_eq!(
        d.unit("title").unwrap().text,
        "ДОГОВОР о долгосрочном добрососедстве, дружбе и сотрудничестве государств-членов Шанхайской организации сотрудничества"
    );
    assert_eq!(d.unit("art.4.2").unwrap().label.as_deref(), Some("2."));
    assert_eq!(d.unit("art.4").unwrap().label.as_deref(), Some("Статья 4"));
}

#[test]
fn chinese_treaty_repairs_leave_no_fragments() {
    let d = doc(ZH);
    // The five page-end breaks and the hard-wrapped lines of Articles 6, 7 and 8 are joined.
    assert_eq!(d.unit("art.8.1").unwrap().text.matches("打击恐怖主义").count(), 1);
    assert!(d.unit("art.5.1").unwrap().text.contains("积极致力于加强边境地区"));
    assert!(d.unit("art.13.2").unwrap().text.contains("创造法律条件"));
    assert!(d.unit("art.23.3").unwrap().text.contains("本条约即对其有效"));
    assert!(d.unit("art.26.1").unwrap().text.contains("在联合国秘书处登记"));
    assert_eq!(d.unit("art.6.1").unwrap().lines, [57, 59]);
    assert_eq!(d.unit("art.7.1").unwrap().lines, [63, 67]);
    for u in &d.units {
        assert!(
            !u.text.contains("**") && !u.text.starts_with("- ") && !u.text.contains('\n'),
            "{}: {}",
            u.r#ref,
            u.text
        );
    }
    let joins: Vec<usize> = d.repairs.iter().filter(|r| r.kind == RepairKind::Join).map(|r| r.line).collect();
    // Page-end breaks at lines 53, 74, 102, 152, 170; wraps in Articles 6, 7, 8.
    for line in [53, 74, 102, 152, 170, 58, 59, 64, 65, 66, 67, 72] {
        assert!(joins.contains(&line), "no join reported at line {line}: {joins:?}");
    }
    let markup = d.repairs.iter().filter(|r| r.kind == RepairKind::Markup).count();
    assert_eq!(markup, 7);
}

#[test]
fn un_charter_structure_in_both_languages() {
    for lang in ["zh", "ru"] {
        let d = doc(&format!("tests/fixtures/un-charter-1945.{lang}.txt"));
        let chapters =
            d.units.iter().filter(|u| u.r#ref.starts_with("chapter.") && u.r#ref.matches('.').count() == 1).count();
        assert_eq!(chapters, 19, "{lang}");
        for n in 1..=111 {
            assert!(d.unit(&format!("art.{n}")).is_some(), "{lang}: art.{n}");
        }
        assert!(d.unit("art.112").is_none());
        // Article 1: a lead-in and four paragraphs, although the Russian has no numbers
        // and no blank lines between them.
        let art1: Vec<&str> = refs(&d).into_iter().filter(|r| r.starts_with("art.1.")).collect();
        assert_eq!(art1, ["art.1.1", "art.1.2", "art.1.3", "art.1.4", "art.1.5"], "{lang}");
        assert_eq!(d.units.iter().filter(|u| u.kind == UnitKind::Preamble).count(), 12, "{lang}");
        assert_eq!(d.units.iter().filter(|u| u.kind == UnitKind::Closing).count(), 2, "{lang}");
    }
    let zh = doc("tests/fixtures/un-charter-1945.zh.txt");
    assert_eq!(zh.unit("art.1.2").unwrap().label.as_deref(), Some("一、"));
    assert_eq!(zh.unit("art.13.1.1").unwrap().label.as_deref(), Some("(子)"));
    assert_eq!(zh.unit("chapter.4.h1").unwrap().text, "组织");
    let ru = doc("tests/fixtures/un-charter-1945.ru.txt");
    assert_eq!(ru.unit("chapter.4.h1").unwrap().text, "СОСТАВ");
    assert_eq!(ru.unit("chapter.9").unwrap().text, "ГЛАВА IX: Международное экономическое и социальное сотрудничество");
}

/// Every encoding of the same text yields the same units.
#[test]
fn every_encoding_yields_the_same_units() {
    let cases = [
        ("sco-treaty-2007.zh.gbk.txt", ZH, "GBK", false),
        ("sco-treaty-2007.zh.gb18030.txt", ZH, "GBK", false),
        ("sco-treaty-2007.zh.utf8-bom.txt", ZH, "UTF-8", true),
        ("sco-treaty-2007.zh.utf16le.txt", ZH, "UTF-16LE", false),
        ("sco-treaty-2007.zh.utf16be-bom.txt", ZH, "UTF-16BE", true),
        ("sco-treaty-2007.zh.crlf.txt", ZH, "UTF-8", false),
        ("sco-treaty-2007.zh-hant.big5.txt", "tests/fixtures/encodings/sco-treaty-2007.zh-hant.txt", "Big5", false),
        ("sco-treaty-2007.ru.cp1251.txt", RU, "windows-1251", false),
        ("sco-treaty-2007.ru.koi8r.txt", "tests/fixtures/encodings/sco-treaty-2007.ru.koi8r.ref.txt", "KOI8-R", false),
        ("sco-treaty-2007.ru.utf16le-bom.txt", RU, "UTF-16LE", true),
        ("sco-treaty-2007.ru.utf16be.txt", RU, "UTF-16BE", false),
        ("sco-treaty-2007.ru.cr.txt", RU, "UTF-8", false),
    ];
    for (file, reference, encoding, bom) in cases {
        let d = doc(&format!("{ENC}/{file}"));
        let r = doc(reference);
        assert_eq!((d.encoding.as_str(), d.bom), (encoding, bom), "{file}");
        assert_eq!(units(&d), units(&r), "{file}");
    }
    // The traditional text parses to the same structure as the simplified one.
    assert_eq!(refs(&doc(&format!("{ENC}/sco-treaty-2007.zh-hant.big5.txt"))), refs(&doc(ZH)));
}

/// The decoding goldens: bytes made by Python's codecs decode to the reference text.
#[test]
fn decoding_goldens() {
    let reference = include_str!("../texts/sco-treaty-2007.zh.txt");
    let gbk = include_bytes!("fixtures/encodings/sco-treaty-2007.zh.gbk.txt");
    let d = bitext::load::decode::decode(gbk, std::path::Path::new("gbk"), Some(Lang::Zh), None).unwrap();
    assert_eq!(d.text, reference);
    let four = include_bytes!("fixtures/encodings/gb18030-four-byte.zh.txt");
    let d = bitext::load::decode::decode(four, std::path::Path::new("gb"), None, None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding.as_str()), ("第一条\n\n缔约各方确认𠀀字的写法。\n", "GB18030"));
    let cp1251 = include_bytes!("fixtures/encodings/sco-treaty-2007.ru.cp1251.txt");
    let d = bitext::load::decode::decode(cp1251, std::path::Path::new("w"), None, Some("cp1251")).unwrap();
    assert_eq!(d.text, include_str!("../texts/sco-treaty-2007.ru.txt"));
}

/// The Russian text as PDF extraction leaves it — hard wraps, hyphenation, page
/// numbers, a running header, CRLF — reads as the clean one.
#[test]
fn pdf_damaged_russian_reads_as_the_clean_text() {
    let damaged = doc(&format!("{ENC}/sco-treaty-2007.ru.pdf-damaged.txt"));
    assert_eq!(units(&damaged), units(&doc(RU)));
    let count = |k: RepairKind| damaged.repairs.iter().filter(|r| r.kind == k).count();
    assert_eq!(count(RepairKind::PageNumber), 7);
    assert_eq!(count(RepairKind::RunningHeader), 7);
    assert!(count(RepairKind::Hyphenation) > 20);
    assert!(count(RepairKind::Join) > 50);
    // A real hyphen at a line end is kept.
    assert!(damaged.units.iter().any(|u| u.text.contains("государств-членов")));
}

fn error_of(bytes: &[u8]) -> bitext::Error {
    load_bytes(bytes, "input.txt", &LoadOptions::default()).unwrap_err()
}

#[test]
fn bad_input_gets_a_clear_error() {
    let missing = load(&path("no/such/file.txt"), &LoadOptions::default()).unwrap_err();
    assert!(matches!(missing.kind, ErrorKind::Io(_)));
    assert!(missing.to_string().contains("no such file"), "{missing}");
    let dir = load(&path("texts"), &LoadOptions::default()).unwrap_err();
    assert!(dir.to_string().contains("is a directory"), "{dir}");
    assert_eq!(error_of(b"").kind, ErrorKind::Empty);
    assert_eq!(error_of(b"\n \n").kind, ErrorKind::Empty);
    assert_eq!(error_of(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x03\x00>\x00").kind, ErrorKind::Binary);
    // Bytes valid in no candidate encoding for Chinese: a lone lead byte and C1 junk.
    let e = load_bytes(b"\x81\x81\x81\xff\xff", "x.txt", &LoadOptions { lang: Some(Lang::Zh), ..Default::default() })
        .unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Undecodable(_)), "{e}");
    assert!(e.to_string().contains("--encoding"), "{e}");
    // English is neither Chinese nor Russian.
    assert_eq!(
        error_of(b"Article 1\n\nThe Parties agree.\n").kind,
        ErrorKind::Undecodable(
            "read as UTF-8, the text is not mostly Han or Cyrillic; pass --encoding or --lang".into()
        )
    );
    let e = load_bytes(
        "第一条".as_bytes(),
        "x.txt",
        &LoadOptions { encoding: Some("klingon".into()), ..Default::default() },
    )
    .unwrap_err();
    assert!(matches!(e.kind, ErrorKind::UnknownEncoding(_)));
}

#[test]
fn a_50_megabyte_line_is_refused() {
    let mut bytes = "第一条".repeat(50 * 1024 * 1024 / 9).into_bytes();
    bytes.push(b'\n');
    let e = error_of(&bytes);
    assert!(matches!(e.kind, ErrorKind::Limit(_)), "{e}");
    assert_eq!(e.line, Some(1));
    assert!(e.to_string().contains("input.txt:1"), "{e}");
}

#[test]
fn lines_segmentation_takes_every_non_empty_line() {
    let options = LoadOptions { segments: bitext::load::Segments::Lines, ..Default::default() };
    let d = load_bytes("一、甲。\n\n- 3 -\n乙\n".as_bytes(), "l.txt", &options).unwrap();
    assert_eq!(
        units(&d),
        [("line.1".into(), "一、甲。".into()), ("line.2".into(), "- 3 -".into()), ("line.3".into(), "乙".into())]
    );
    assert_eq!(d.units[2].lines, [4, 4]);
}

#[test]
fn rarer_structure_front_matter_parts_items_annexes_duplicates() {
    let ru = "\
СОГЛАШЕНИЕ
о сотрудничестве

(Принято резолюцией 1/2)

Преамбула

Стороны,

договорились о нижеследующем:

Раздел 1. Общие положения

Статья 1. Цели

1. Стороны сотрудничают в целях:
а) развития торговли;
б) поощрения инвестиций.
2. Стороны консультируются.

Статья 2

(a) first;
(b) second.

Статья 2

Текст повторенной статьи.

Совершено в Москве 1 июня 2020 года в двух экземплярах.

За Российскую Федерацию

Приложение 1

Перечень товаров.
";
    let d = load_bytes(ru.as_bytes(), "x.ru.txt", &LoadOptions::default()).unwrap();
    let kinds: Vec<String> = d.units.iter().map(|u| bitext::model::wire_name(&u.kind)).collect();
    let got: Vec<(&str, &str)> = d.units.iter().zip(&kinds).map(|(u, k)| (u.r#ref.as_str(), k.as_str())).collect();
    assert_eq!(
        got,
        [
            ("title", "title"),
            ("front.1", "front"),
            ("preamble", "preamble"),
            ("preamble.1", "preamble"),
            ("preamble.2", "preamble"),
            ("section.1", "heading"),
            ("art.1", "heading"),
            ("art.1.1", "paragraph"),
            ("art.1.1.1", "item"),
            ("art.1.1.2", "item"),
            ("art.1.2", "paragraph"),
            ("art.2", "heading"),
            ("art.2.1", "paragraph"),
            ("art.2.2", "paragraph"),
            ("art.2~2", "heading"),
            ("art.2~2.1", "paragraph"),
            ("closing.1", "closing"),
            ("sig.1", "signature"),
            ("annex.1", "heading"),
            ("annex.1.1", "paragraph"),
        ]
    );
    assert_eq!(d.unit("art.1").unwrap().text, "Статья 1. Цели");
    assert_eq!(d.unit("art.1.1.2").unwrap().label.as_deref(), Some("б)"));
    assert_eq!(d.unit("art.2.2").unwrap().label.as_deref(), Some("(b)"));

    let zh = "第一编 总则\n\n第一节\n\n第七条 本议定书自签署之日起生效，有效期五年。\n\n第八条\n\n（一）甲；\n\n（二）乙。\n";
    let d = load_bytes(zh.as_bytes(), "x.zh.txt", &LoadOptions::default()).unwrap();
    let got: Vec<&str> = d.units.iter().map(|u| u.r#ref.as_str()).collect();
    assert_eq!(got, ["part.1", "section.1", "art.7", "art.7.1", "art.8", "art.8.1", "art.8.2"]);
    assert_eq!(d.unit("art.7.1").unwrap().text, "本议定书自签署之日起生效，有效期五年。");
}

/// The Rust port of the damage generator makes the committed fixture byte for byte.
#[test]
fn damage_generator_matches_the_fixture() {
    let ru = std::fs::read_to_string(path(RU)).unwrap();
    let fixture = std::fs::read_to_string(path(&format!("{ENC}/sco-treaty-2007.ru.pdf-damaged.txt"))).unwrap();
    assert_eq!(crate::synth::damage(&ru), fixture);
}

/// Chinese set with letter spacing, as a PDF extractor gives it (`上 海 合 作`,
/// `第 十 一 条`, `2 0 0 2 年`): the spaces between characters are taken out, line
/// by line and said so, and the text reads as the clean one.
#[test]
fn letter_spaced_chinese_reads_as_the_clean_text() {
    // The clean text's paragraphs, a blank line between them, every character set apart.
    let clean = doc("texts/sco-treaty-2007.zh.txt");
    let paragraphs: Vec<String> = clean
        .units
        .iter()
        .map(|u| match (&u.label, u.kind) {
            (Some(l), k) if k != UnitKind::Heading => format!("{l}{}", u.text),
            _ => u.text.clone(),
        })
        .collect();
    let spaced: Vec<String> =
        paragraphs.iter().map(|p| p.chars().map(|c| c.to_string()).collect::<Vec<_>>().join(" ")).collect();
    let d = load_bytes(spaced.join("\n\n").as_bytes(), "spaced.zh.txt", &LoadOptions::default()).unwrap();
    // The same units, but for the spaces the clean text itself sets around digits
    // (`第 30 天`), which letter spacing leaves no trace of.
    let squeezed = |d: &bitext::Document| -> Vec<(String, String)> {
        units(d).into_iter().map(|(r, t)| (r, t.chars().filter(|c| !c.is_whitespace()).collect())).collect()
    };
    assert_eq!(squeezed(&d), squeezed(&clean));
    let taken = d.repairs.iter().filter(|r| r.kind == RepairKind::Whitespace && r.message.contains("letter spacing"));
    assert_eq!(taken.count(), paragraphs.len());
}
