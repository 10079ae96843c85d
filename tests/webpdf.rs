//! The HTML and PDF readers on the real documents of `tests/fixtures/realdocs/` (the
//! treaty and the UN Charter, made from the clean texts by pandoc and LibreOffice):
//! they must read as the clean texts do.

use std::collections::BTreeSet;
use std::path::Path;

use bitext::Document;
use bitext::align::{AlignOptions, align};
use bitext::eval::{read_links, score};
use bitext::load::{LoadOptions, load, load_bytes};
use bitext::model::RepairKind;

use crate::util::{doc, links_of, path};

const REAL: &str = "tests/fixtures/realdocs";

/// The clean text a real document was made from.
fn clean(d: &str, lang: &str) -> &'static str {
    match (d, lang) {
        ("sco-treaty-2007", "zh") => "texts/sco-treaty-2007.zh.txt",
        ("sco-treaty-2007", "ru") => "texts/sco-treaty-2007.ru.txt",
        ("un-charter-1945", "zh") => "tests/fixtures/un-charter-1945.zh.txt",
        ("un-charter-1945", "ru") => "tests/fixtures/un-charter-1945.ru.txt",
        _ => unreachable!(),
    }
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What `check` finds worse than a note in two texts.
fn alarms(zh: &Document, ru: &Document) -> Vec<String> {
    let report = bitext::check::check(&align(zh, ru, &AlignOptions::default()));
    report.findings.into_iter().filter(|f| f.severity != bitext::check::Severity::Note).map(|f| f.message).collect()
}

/// The units of a document as (ref, text without whitespace).
fn units(doc: &Document) -> Vec<(String, String)> {
    doc.units.iter().map(|u| (u.r#ref.to_string(), squeeze(&u.text))).collect()
}

/// Units that differ between a document and its clean text because the document
/// itself differs: the Charter's Chinese PDF lacks the commas and stops that
/// LibreOffice hung past the right margin (no extractor finds them, and they are not
/// drawn); the Russian one was made with one numbering pattern for every chapter, so
/// `ГЛАВА IX` prints as `Глава IX`.
fn known_differences(file: &str) -> &'static [&'static str] {
    match file.rsplit('/').next().unwrap_or(file) {
        "un-charter-1945.zh.pdf" => &[
            "art.11.2",
            "art.14.1",
            "art.26.1",
            "art.47.4",
            "art.57.1",
            "art.63.1",
            "art.83.1",
            "art.98.1",
            "art.109.3",
        ],
        "un-charter-1945.ru.pdf" => &["chapter.9"],
        _ => &[],
    }
}

/// The document gives the units of its clean text (whitespace aside), but for the
/// known differences of the plain-text paragraph rebuilding.
fn assert_same_units(file: &str, d: &str, lang: &str) -> Document {
    let got_doc = doc(file);
    let want_doc = doc(clean(d, lang));
    let known: BTreeSet<&str> = known_differences(file).iter().copied().collect();
    let keep = |units: Vec<(String, String)>| -> Vec<(String, String)> {
        units.into_iter().filter(|(r, _)| !known.contains(r.as_str())).collect()
    };
    let (got, want) = (keep(units(&got_doc)), keep(units(&want_doc)));
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "{file}: first differing unit");
    }
    assert_eq!(got.len(), want.len(), "{file}: number of units");
    got_doc
}

/// The reader's whole text is the clean text's, whitespace aside.
fn assert_same_text(file: &str, d: &str, lang: &str) {
    let got = extracted_text(file);
    let want = std::fs::read_to_string(path(clean(d, lang))).unwrap();
    let (got, want) = (squeeze(&got), squeeze(&want));
    if got != want {
        let at = got.chars().zip(want.chars()).take_while(|(a, b)| a == b).count();
        let ctx = |s: &str| s.chars().skip(at.saturating_sub(20)).take(60).collect::<String>();
        panic!("{file}: text differs at character {at}:\n got: {}\nwant: {}", ctx(&got), ctx(&want));
    }
}

fn extracted_text(file: &str) -> String {
    let bytes = std::fs::read(path(file)).unwrap();
    bitext::load::html::read(&bytes, Path::new(file), &LoadOptions::default()).unwrap().text
}

/// The treaty's documents align as its clean texts do: the pairs of the shipped
/// alignment, but for the units of the known differences.
fn assert_treaty_aligns(zh: &Document, ru: &Document) {
    let a = align(zh, ru, &AlignOptions::default());
    let shipped =
        read_links(&std::fs::read(path("alignments/sco-treaty-2007.csv")).unwrap(), Path::new("csv")).unwrap();
    let known: BTreeSet<&str> = BTreeSet::new();
    let touches = |g: &(BTreeSet<String>, BTreeSet<String>)| g.1.iter().any(|r| known.contains(r.as_str()));
    let got: BTreeSet<_> = links_of(&a).groups().into_iter().filter(|g| !touches(g)).collect();
    let want: BTreeSet<_> = shipped.groups().into_iter().filter(|g| !touches(g)).collect();
    assert_eq!(got, want);
    assert!(want.len() > 80, "{}", want.len());
}

/// The Charter's documents align with at least `min_f1` against the gold chapters.
fn assert_charter_aligns(zh: &Document, ru: &Document, min_f1: f64) {
    let a = align(zh, ru, &AlignOptions::default());
    let gold =
        read_links(&std::fs::read(path("tests/fixtures/gold/un-charter-1945.ch1-5-7.tsv")).unwrap(), Path::new("gold"))
            .unwrap();
    let s = score(&gold, &links_of(&a));
    assert!(s.f1 >= min_f1, "{s:?}");
}

#[test]
fn html_pages_read_as_the_clean_texts() {
    for d in ["sco-treaty-2007", "un-charter-1945"] {
        for lang in ["zh", "ru"] {
            for kind in ["html", "saved.html"] {
                let file = format!("{REAL}/{d}.{lang}.{kind}");
                assert_same_units(&file, d, lang);
            }
        }
    }
}

#[test]
fn html_text_is_the_clean_text() {
    // Every character of the Charter's clean texts, in order, and nothing else (the
    // treaty's clean texts hold list markup and page damage that the pages do not).
    for (d, lang) in [("un-charter-1945", "zh"), ("un-charter-1945", "ru")] {
        assert_same_text(&format!("{REAL}/{d}.{lang}.html"), d, lang);
        assert_same_text(&format!("{REAL}/{d}.{lang}.saved.html"), d, lang);
    }
}

#[test]
fn saved_pages_in_legacy_charsets() {
    let cases = [
        ("sco-treaty-2007.zh.saved.html", "GBK"),
        ("un-charter-1945.zh.saved.html", "gb18030"),
        ("sco-treaty-2007.ru.saved.html", "windows-1251"),
    ];
    for (file, encoding) in cases {
        let d = doc(&format!("{REAL}/{file}"));
        assert_eq!(d.encoding, encoding, "{file}");
        assert!(d.reader.iter().any(|n| n.contains("outside the page's <main>")), "{file}: {:?}", d.reader);
        // Nothing of the site around the text: menus, cookie notice, footer, script.
        let all: String = d.units.iter().map(|u| u.text.as_str()).collect();
        for junk in ["Главная", "cookie", "Карта сайта", "条约数据库", "网站地图", "pageTitle", "Версия для печати"]
        {
            assert!(!all.contains(junk), "{file}: {junk}");
        }
    }
}

#[test]
fn html_pages_align_as_the_clean_texts() {
    for kind in ["html", "saved.html"] {
        let zh = doc(&format!("{REAL}/sco-treaty-2007.zh.{kind}"));
        let ru = doc(&format!("{REAL}/sco-treaty-2007.ru.{kind}"));
        assert_treaty_aligns(&zh, &ru);
        let zh = doc(&format!("{REAL}/un-charter-1945.zh.{kind}"));
        let ru = doc(&format!("{REAL}/un-charter-1945.ru.{kind}"));
        assert_charter_aligns(&zh, &ru, 1.0);
    }
}

#[test]
fn deep_html_fixture_is_refused() {
    let e = load(&path(&format!("{REAL}/bad/deep.html")), &LoadOptions::default()).unwrap_err();
    assert!(matches!(e.kind, bitext::error::ErrorKind::Limit(_)), "{e}");
    assert!(e.to_string().contains("nested more than 512 deep"), "{e}");
}

#[test]
fn html_nested_a_million_deep_is_refused_quickly() {
    let page = format!("<html><body>{}第一条</body></html>", "<div>".repeat(1_000_000));
    // The guard stops the parser at the limit, before html5ever's cost of depth grows
    // (benches/ times it).
    let e = load_bytes(page.as_bytes(), "deep.html", &LoadOptions::default()).unwrap_err();
    assert!(e.to_string().contains("nested more than 512 deep"), "{e}");
}

fn pdf_doc(file: &str) -> Document {
    doc(&format!("{REAL}/{file}"))
}

#[test]
fn pdfs_read_as_the_clean_texts() {
    // The treaty's Chinese PDF gives exactly the units of the clean text.
    assert_same_units(&format!("{REAL}/sco-treaty-2007.zh.pdf"), "sco-treaty-2007", "zh");
    assert_same_units(&format!("{REAL}/sco-treaty-2007.ru.pdf"), "sco-treaty-2007", "ru");
    let d = pdf_doc("sco-treaty-2007.ru.pdf");
    assert_eq!(d.reader[0], "7 pages; removed by position: 7 running header lines, 7 page numbers");
    assert_eq!(d.layout, bitext::model::Layout::Blank);
    let zh = pdf_doc("sco-treaty-2007.zh.pdf");
    assert_eq!(zh.reader[0], "6 pages; removed by position: 6 running header lines, 6 page numbers");
    assert_treaty_aligns(&zh, &d);
}

#[test]
fn charter_pdfs_align_with_the_gold() {
    let zh = pdf_doc("un-charter-1945.zh.pdf");
    let ru = pdf_doc("un-charter-1945.ru.pdf");
    for n in 1..=111 {
        let r = format!("art.{n}");
        assert!(zh.units.iter().any(|u| u.r#ref == r) && ru.units.iter().any(|u| u.r#ref == r), "{r}");
    }
    assert_same_units(&format!("{REAL}/un-charter-1945.zh.pdf"), "un-charter-1945", "zh");
    assert_same_units(&format!("{REAL}/un-charter-1945.ru.pdf"), "un-charter-1945", "ru");
    assert_charter_aligns(&zh, &ru, 1.0);
}

#[test]
fn web_pages_printed_to_pdf_read_as_the_clean_texts() {
    // A browser's Print → Save as PDF: a ragged right margin, headings set larger,
    // the browser's date, title, address and page count around every page, a
    // paragraph going on over a page end after a full stop, brackets in another
    // font, compounds broken at their hyphen.
    for (d, pages) in [("sco-treaty-2007", [6, 9]), ("un-charter-1945", [27, 37])] {
        for (lang, pages) in ["zh", "ru"].into_iter().zip(pages) {
            let file = format!("{REAL}/{d}.{lang}.browser.pdf");
            let got = assert_same_units(&file, d, lang);
            let header =
                format!("{pages} pages; removed by position: {} running header lines, 0 page numbers", 2 * pages);
            assert_eq!(got.reader[0], header, "{file}");
        }
    }
    let (zh, ru) = (pdf_doc("sco-treaty-2007.zh.browser.pdf"), pdf_doc("sco-treaty-2007.ru.browser.pdf"));
    assert_treaty_aligns(&zh, &ru);
    let (zh, ru) = (pdf_doc("un-charter-1945.zh.browser.pdf"), pdf_doc("un-charter-1945.ru.browser.pdf"));
    assert_charter_aligns(&zh, &ru, 1.0);
}

#[test]
fn bad_pdfs_are_refused_with_what_to_do() {
    let err = |file: &str| load(&path(&format!("{REAL}/bad/{file}")), &LoadOptions::default()).unwrap_err().to_string();
    assert!(
        err("encrypted.pdf").contains("the PDF is encrypted: remove its password first"),
        "{}",
        err("encrypted.pdf")
    );
    assert!(err("scanned.pdf").contains("no text layer: this PDF needs OCR first"), "{}", err("scanned.pdf"));
    // A loop in the page tree: read (pdftotext prints the one page) or refused; the
    // reader kills pdftotext after a stated time, so it never hangs.
    let _ = load(&path(&format!("{REAL}/bad/ref-loop.pdf")), &LoadOptions::default());
    // Only an owner password: it opens without one, and reads.
    let d = pdf_doc("bad/owner-password-only.pdf");
    assert!(d.units.iter().any(|u| u.text.contains("Государства-члены")), "{:?}", d.units);
}

/// Signatures set in a table (two columns, three rows), as treaties print them: in
/// the PDF a row of cells shares a baseline, in pdftotext's text it is one line, and a cell's wrapped
/// line (`Республику`) a line of its own. Each signature is one unit, as in the
/// clean text, and the texts align as the clean texts do, with nothing to report:
/// not even where pdftotext dropped the hyphen of `государств-членов`.
#[test]
fn signatures_in_a_table_are_one_unit_each() {
    let dir = format!("{REAL}/sigtable");
    for form in ["pdf", "layout.txt", "pdftotext.txt"] {
        let [zh, ru] = ["zh", "ru"].map(|lang| doc(&format!("{dir}/sco-treaty-2007.{lang}.{form}")));
        for (d, lang) in [(&zh, "zh"), (&ru, "ru")] {
            let signatures = |d: &Document| -> Vec<String> {
                d.units.iter().filter(|u| u.r#ref.starts_with("sig.")).map(|u| squeeze(&u.text)).collect()
            };
            let want = doc(clean("sco-treaty-2007", lang));
            assert_eq!(signatures(d), signatures(&want), "{form} {lang}");
        }
        let alarms = alarms(&zh, &ru);
        assert!(alarms.is_empty(), "{form}: {alarms:?}");
        if form == "pdf" {
            assert_treaty_aligns(&zh, &ru);
            // The PDF reader reads the row whose cell wraps a cell at a time; the
            // rows of one line each are cut into their two signatures.
            assert!(ru.reader.iter().any(|n| n.contains("read a cell at a time: 1")), "{:?}", ru.reader);
            let cut = ru.repairs.iter().filter(|r| r.message.contains("into 2 signatures")).count();
            assert_eq!(cut, 2, "{:?}", ru.repairs);
        }
        if form == "pdftotext.txt" {
            // pdftotext dropped the hyphen of two compounds where a line wrapped at it.
            let restored: Vec<_> = ru.repairs.iter().filter(|r| r.message.starts_with("restored the hyphen")).collect();
            assert_eq!(restored.len(), 2, "{restored:?}");
            assert!(ru.units[0].text.contains("государств-членов"), "{}", ru.units[0].text);
        }
    }
}

/// A page that sets the whole treaty in one block, a paragraph a line ended by
/// `<br>`, as older web pages do: each line is read as a paragraph (and said so),
/// and the two pages give the clean texts' units, with nothing to report.
#[test]
fn a_page_of_lines_ended_by_br() {
    let page = |lang: &str| {
        let clean = doc(clean("sco-treaty-2007", lang));
        let lines: Vec<String> = clean
            .units
            .iter()
            .map(|u| match &u.label {
                Some(l) if u.kind != bitext::UnitKind::Heading => {
                    format!("{l}{}{}", if lang == "ru" { " " } else { "" }, u.text)
                }
                _ => u.text.clone(),
            })
            .collect();
        let html = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><nav>Главная 首页</nav><main><p>{}</p></main></body></html>",
            lines.join("<br>\n")
        );
        let d = load_bytes(html.as_bytes(), format!("page.{lang}.html"), &LoadOptions::default()).unwrap();
        assert!(d.reader.iter().any(|n| n.contains("each line read as a paragraph")), "{:?}", d.reader);
        assert_eq!(units(&d), units(&clean), "{lang}");
        d
    };
    let (zh, ru) = (page("zh"), page("ru"));
    let report = bitext::check::check(&align(&zh, &ru, &AlignOptions::default()));
    assert!(report.findings.iter().all(|f| f.severity == bitext::check::Severity::Note));
}

/// Footnotes of a printed treaty (Word, then PDF by LibreOffice: a note at the foot
/// of its page, or of the next where the mark ends a page; the mark a superscript
/// glued to its word): left out with their marks, reported, by the PDF reader and
/// from pdftotext's text, plain and `-layout`, which then read as the Word file
/// does, with nothing to report.
#[test]
fn footnotes_of_printed_pages_are_left_out_with_their_marks() {
    let dir = format!("{REAL}/footnotes");
    let docx = ["zh", "ru"].map(|lang| doc(&format!("{dir}/sco-treaty-2007.{lang}.docx")));
    for form in ["pdf", "layout.txt", "pdftotext.txt"] {
        let [zh, ru] = ["zh", "ru"].map(|lang| doc(&format!("{dir}/sco-treaty-2007.{lang}.{form}")));
        for (d, word) in [(&zh, &docx[0]), (&ru, &docx[1])] {
            // pdftotext drops the hyphen of `международно-правовых` where a line
            // wrapped at it, a compound the treaty writes nowhere else: hyphens aside.
            let unhyphenated = |d: &Document| -> Vec<(String, String)> {
                units(d).into_iter().map(|(r, t)| (r, t.replace('-', ""))).collect()
            };
            assert_eq!(unhyphenated(d), unhyphenated(word), "{form} {}", d.lang);
            let notes: Vec<&str> =
                d.repairs.iter().filter(|r| r.kind == RepairKind::Footnote).map(|r| r.message.as_str()).collect();
            assert_eq!(notes.len(), 4, "{form}: {notes:?}");
        }
        let alarms = alarms(&zh, &ru);
        assert!(alarms.is_empty(), "{form}: {alarms:?}");
    }
}

/// The treaty set in two columns (Word, then PDF by LibreOffice): the PDF reader
/// reads a column at a time, as a page of its own, each column top to bottom
/// (`pdftotext` gives the Chinese columns' lines out of order), and gets the clean
/// texts' units, with nothing to report.
/// A preamble set centred, each of its wrapped lines centred on its own, is read as
/// its paragraphs, from the PDF and from `pdftotext -layout`'s text of it: a centred
/// line runs on while the line above had no room left for its first word.
#[test]
fn centred_paragraphs_run_on_over_their_lines() {
    let dir = format!("{REAL}/centred");
    for form in ["pdf", "layout.txt"] {
        let [zh, ru] = ["zh", "ru"].map(|lang| doc(&format!("{dir}/sco-treaty-2007.{lang}.{form}")));
        for (d, lang) in [(&zh, "zh"), (&ru, "ru")] {
            assert_eq!(units(d), units(&doc(clean("sco-treaty-2007", lang))), "{lang} {form}");
        }
        let alarms = alarms(&zh, &ru);
        assert!(alarms.is_empty(), "{form}: {alarms:?}");
        assert_treaty_aligns(&zh, &ru);
    }
}

#[test]
fn two_columns_are_read_a_column_at_a_time() {
    let dir = format!("{REAL}/twocol");
    let [zh, ru] = ["zh", "ru"].map(|lang| doc(&format!("{dir}/sco-treaty-2007.{lang}.pdf")));
    for (d, lang) in [(&zh, "zh"), (&ru, "ru")] {
        assert_eq!(units(d), units(&doc(clean("sco-treaty-2007", lang))), "{lang}");
        assert!(d.reader.iter().any(|n| n.contains("pages in two columns")), "{:?}", d.reader);
    }
    let alarms = alarms(&zh, &ru);
    assert!(alarms.is_empty(), "{alarms:?}");
    assert_treaty_aligns(&zh, &ru);
}

/// The treaty with its numbered paragraphs hanging from their numbers (Word, then
/// PDF by LibreOffice: automatic numbering at the margin and one level deep, and
/// numbers typed before a tab): a paragraph's lines, right of its number and no
/// further right than its text, are its own, over a page end too. The PDF gives the
/// units of the clean texts and of the Word files, with nothing to report.
#[test]
fn hanging_paragraphs_keep_their_lines() {
    let dir = format!("{REAL}/hanging");
    let [zh, ru] = ["zh", "ru"].map(|lang| doc(&format!("{dir}/sco-treaty-2007.{lang}.pdf")));
    for (d, lang) in [(&zh, "zh"), (&ru, "ru")] {
        let want = units(&doc(clean("sco-treaty-2007", lang)));
        assert_eq!(units(&doc(&format!("{dir}/sco-treaty-2007.{lang}.docx"))), want, "{lang} docx");
        assert_eq!(units(d), want, "{lang}");
    }
    let alarms = alarms(&zh, &ru);
    assert!(alarms.is_empty(), "{alarms:?}");
    assert_treaty_aligns(&zh, &ru);
}

/// A Word file with automatic numbering on two levels (an article's paragraphs, their
/// sub-items) made into HTML by pandoc and by LibreOffice: the sub-items are lists
/// nested in the paragraphs' list, their number formats lost, and LibreOffice breaks
/// its source lines after a Chinese heading's label (`<b>第一章\n总则</b>`). Every form
/// gives the units of the plain text, and nothing to report.
#[test]
fn nested_lists_are_sub_items() {
    let dir = format!("{REAL}/nested-lists");
    let [zh_txt, ru_txt] = ["zh", "ru"].map(|lang| doc(&format!("{dir}/road-transport.{lang}.txt")));
    assert!(zh_txt.units.iter().any(|u| u.r#ref == "art.3.2.3"), "{:?}", units(&zh_txt));
    let plain = alarms(&zh_txt, &ru_txt);
    assert!(plain.is_empty(), "{plain:?}");
    for form in ["pandoc.html", "lo.html", "docx", "odt"] {
        let [zh, ru] = ["zh", "ru"].map(|lang| doc(&format!("{dir}/road-transport.{lang}.{form}")));
        for (d, txt) in [(&zh, &zh_txt), (&ru, &ru_txt)] {
            assert_eq!(units(d), units(txt), "{:?} {form}", d.lang);
        }
        assert_eq!(alarms(&zh, &ru), plain, "{form}");
    }
    let zh = doc(&format!("{dir}/road-transport.zh.lo.html"));
    assert!(zh.reader.iter().any(|n| n.contains("kept as a space")), "{:?}", zh.reader);
    assert!(zh.reader.iter().any(|n| n.contains("numbered in parentheses as sub-items")), "{:?}", zh.reader);
}

/// Two signatures set side by side in a table, each name wrapped in its cell
/// (`За Правительство Российской` / `Федерации`), and an annex after them: in the
/// PDF the cells are pieces of the same printed lines, which interleaved the names
/// (`За Правительство Российской За Правительство Китайской`). The PDF and the Word
/// file read each cell as one signature, as the clean text has them, the annex
/// (`Приложение к Соглашению …`) as an annex, and nothing is to report.
#[test]
fn signatures_side_by_side_in_cells_are_read_a_cell_at_a_time() {
    let dir = format!("{REAL}/sigcells");
    let signatures = |d: &Document| -> Vec<String> {
        d.units.iter().filter(|u| u.r#ref.starts_with("sig.")).map(|u| squeeze(&u.text)).collect()
    };
    for form in ["pdf", "docx"] {
        let [zh, ru] = ["zh", "ru"].map(|lang| doc(&format!("{dir}/road-transport.{lang}.{form}")));
        for (d, lang) in [(&zh, "zh"), (&ru, "ru")] {
            let want = doc(&format!("tests/fixtures/agreements/road-transport.{lang}.txt"));
            assert_eq!(signatures(d), signatures(&want), "{form} {lang}");
            let annex = |d: &Document| d.units.iter().filter(|u| u.r#ref.starts_with("annex.")).count();
            assert_eq!(annex(d), annex(&want), "{form} {lang}");
        }
        if form == "pdf" {
            assert!(ru.reader.iter().any(|n| n.contains("read a cell at a time: 1")), "{:?}", ru.reader);
        }
        let alarms = alarms(&zh, &ru);
        assert!(alarms.is_empty(), "{form}: {alarms:?}");
    }
}
