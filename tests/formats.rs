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

fn text(bytes: std::io::Result<Vec<u8>>) -> String {
    String::from_utf8(bytes.unwrap()).unwrap()
}

use bitext::check::Severity;
use bitext::write::to_vec;

#[test]
fn parse_outputs() {
    let (zh, ru) = pair();
    insta::assert_snapshot!("parse_text_zh", text(to_vec(|w| write::text::document(w, &zh))));
    insta::assert_snapshot!("parse_json_ru", text(to_vec(|w| write::json::document(w, &ru))));
}

#[test]
fn align_outputs() {
    let (zh, ru) = pair();
    let a = align(&zh, &ru, &AlignOptions::default());
    insta::assert_snapshot!("align_csv", text(to_vec(|w| write::csv::write(w, &a, Default::default()))));
    insta::assert_snapshot!("align_json", text(to_vec(|w| write::json::alignment(w, &a, [&zh, &ru]))));
    let options = TmxOptions {
        srclang: SrcLang::All,
        tags: ["zh-CN".into(), "ru-RU".into()],
        keep_unpaired: false,
        level: Level::Paragraph,
    };
    let mut left_out = 0;
    let tmx = text(to_vec(|w| {
        left_out = write::tmx::write(w, &a, &options)?;
        Ok(())
    }));
    assert_eq!(left_out, 1);
    assert!(!tmx.contains('\u{b}'), "a control character XML forbids");
    insta::assert_snapshot!("align_tmx", tmx);
    let report = check(&a);
    let html = text(to_vec(|w| write::html::write(w, &a, Some(&report))));
    assert!(html.contains("&lt;&amp;&gt;") && !html.contains("<&>"));
    assert!(!html.contains("http"), "a self-contained page loads nothing");
    insta::assert_snapshot!("align_html", html);
    let sentences = align(&zh, &ru, &AlignOptions { level: Level::Sentence, ..Default::default() });
    insta::assert_snapshot!(
        "align_sentences_csv",
        text(to_vec(|w| write::csv::write(w, &sentences, Default::default())))
    );
}

#[test]
fn check_outputs() {
    let (zh, ru) = pair();
    let report = check(&align(&zh, &ru, &AlignOptions::default()));
    insta::assert_snapshot!("check_text", text(to_vec(|w| write::check::text(w, &report, Severity::Note))));
    insta::assert_snapshot!("check_json", text(to_vec(|w| write::check::json(w, &report, [&zh, &ru], Severity::Note))));
}

/// One member of a zip archive, as text.
fn member(zip: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut s).unwrap();
    s
}

/// The workbook read back as a spreadsheet program reads it: the shared strings hold
/// both texts of every pair, each row's cells point at them in the CSV's order, and a
/// row is as tall as its longest text.
#[test]
fn xlsx_holds_the_pairs_and_rows_as_tall_as_their_text() {
    let (zh, ru) = pair();
    let a = align(&zh, &ru, &AlignOptions::default());
    let x = write::xlsx::write(&a, None).unwrap();
    assert!(x.starts_with(b"PK"), "a zip container");
    let strings = member(&x, "xl/sharedStrings.xml");
    let sheet = member(&x, "xl/worksheets/sheet1.xml");
    let shared: Vec<String> = strings
        .split("<si><t")
        .skip(1)
        .map(|t| t.split_once('>').unwrap().1.split("</t>").next().unwrap().to_string())
        .collect();
    let cell = |row: usize, col: char| -> Option<String> {
        let at = sheet.find(&format!("<c r=\"{col}{row}\""))?;
        let v = &sheet[at..];
        // This cell only: an empty one has no value.
        let v = &v[..v.find("</c>").unwrap_or(v.len()).min(v.find("/>").unwrap_or(v.len()))];
        let v = &v[v.find("<v>")? + 3..];
        let index: usize = v[..v.find("</v>")?].parse().ok()?;
        shared.get(index).cloned()
    };
    let unescape =
        |s: String| s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    for (i, p) in a.pairs.iter().enumerate() {
        let row = i + 2;
        assert_eq!(cell(row, 'A').map(unescape).unwrap_or_default(), p.refs(0), "row {row}");
        assert_eq!(cell(row, 'C').map(unescape).unwrap_or_default(), p.text(0), "row {row}");
        assert_eq!(cell(row, 'D').map(unescape).unwrap_or_default(), p.text(1), "row {row}");
        let lines = [write::xlsx::wrapped_lines(&p.text(0), 60.0), write::xlsx::wrapped_lines(&p.text(1), 60.0)];
        let at = sheet.find(&format!("<row r=\"{row}\" ")).unwrap();
        let tag = &sheet[at..at + sheet[at..].find('>').unwrap()];
        let want = (lines[0].max(lines[1]) as f64 * 15.0).min(409.0);
        // A row of one line keeps the default height, which the file does not state.
        let stated = tag.contains(&format!("ht=\"{want}\"")) && tag.contains("customHeight=\"1\"");
        assert!(stated || (want == 15.0 && !tag.contains("ht=")), "{tag} ≠ {want}");
    }
    assert_eq!(x, write::xlsx::write(&a, None).unwrap(), "same input, same bytes");
}
