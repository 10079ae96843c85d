//! Snapshots of what the program writes, in every format, on a small fixture
//! (`tests/fixtures/small.*.txt`). Review a snapshot diff; never accept blindly.

use bitext::align::{AlignOptions, Level, align};
use bitext::check::check;
use bitext::write;
use bitext::write::tmx::{SrcLang, TmxOptions};

use crate::util::path;

/// The small pair, named by paths relative to the repository so that snapshots do
/// not depend on where it is checked out.
fn pair() -> (bitext::Document, bitext::Document) {
    let load = |rel: &str| {
        let bytes = std::fs::read(path(rel)).unwrap();
        bitext::load::load_bytes(&bytes, rel, &Default::default()).unwrap()
    };
    (load("tests/fixtures/small.zh.txt"), load("tests/fixtures/small.ru.txt"))
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn parse_outputs() {
    let (zh, ru) = pair();
    insta::assert_snapshot!("parse_text_zh", text(write::text::document(&zh)));
    insta::assert_snapshot!("parse_json_ru", text(write::json::document(&ru)));
}

#[test]
fn align_outputs() {
    let (zh, ru) = pair();
    let a = align(&zh, &ru, &AlignOptions::default());
    insta::assert_snapshot!("align_csv", text(write::csv::write(&a, Default::default())));
    insta::assert_snapshot!("align_json", text(write::json::alignment(&a, [&zh, &ru])));
    let tmx = write::tmx::write(
        &a,
        &TmxOptions {
            srclang: SrcLang::All,
            tags: ["zh-CN".into(), "ru-RU".into()],
            keep_unpaired: false,
            level: Level::Paragraph,
        },
    );
    assert_eq!(tmx.left_out, 1);
    let tmx = text(tmx.bytes);
    assert!(!tmx.contains('\u{b}'), "a control character XML forbids");
    insta::assert_snapshot!("align_tmx", tmx);
    let report = check(&a);
    let html = text(write::html::write(&a, Some(&report)));
    assert!(html.contains("&lt;&amp;&gt;") && !html.contains("<&>"));
    assert!(!html.contains("http"), "a self-contained page loads nothing");
    insta::assert_snapshot!("align_html", html);
    let sentences = align(&zh, &ru, &AlignOptions { level: Level::Sentence });
    insta::assert_snapshot!("align_sentences_csv", text(write::csv::write(&sentences, Default::default())));
}

#[test]
fn check_outputs() {
    let (zh, ru) = pair();
    let report = check(&align(&zh, &ru, &AlignOptions::default()));
    insta::assert_snapshot!("check_text", text(write::check::text(&report)));
    insta::assert_snapshot!("check_json", text(write::check::json(&report, [&zh, &ru])));
}

#[test]
fn xlsx_is_a_deterministic_zip() {
    let (zh, ru) = pair();
    let a = align(&zh, &ru, &AlignOptions::default());
    let x = write::xlsx::write(&a, None).unwrap();
    let y = write::xlsx::write(&a, None).unwrap();
    assert!(x.starts_with(b"PK"), "a zip container");
    assert_eq!(x, y, "same input, same bytes");
}
