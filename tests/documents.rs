//! The Word and OpenDocument readers: the real documents of both texts read into the
//! units of the clean texts and align the same way; bad and hostile documents are
//! refused with exit 2 and a message.

use std::io::{Cursor, Write};

use assert_cmd::cargo::cargo_bin_cmd;
use bitext::align::{AlignOptions, align};
use bitext::error::ErrorKind;
use bitext::eval::{read_links, score};
use bitext::load::{LoadOptions, load_bytes};
use bitext::model::InputFormat;
use predicates::prelude::*;

use crate::util::{doc, links_of, path};

/// The document forms read natively, as named in `tests/fixtures/realdocs/`.
const FORMS: [&str; 3] = ["docx", "autonum.docx", "odt"];

/// Each document and its clean texts (`{}` is the language).
const TEXTS: [(&str, &str); 2] =
    [("sco-treaty-2007", "texts/sco-treaty-2007.{}.txt"), ("un-charter-1945", "tests/fixtures/un-charter-1945.{}.txt")];

fn realdoc(d: &str, lang: &str, form: &str) -> String {
    format!("tests/fixtures/realdocs/{d}.{lang}.{form}")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn bitext() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("bitext");
    cmd.env_remove("NO_COLOR").current_dir(path(""));
    cmd
}

#[test]
fn documents_read_into_the_units_of_the_clean_text() {
    for (d, clean) in TEXTS {
        for lang in ["zh", "ru"] {
            let clean = doc(&clean.replace("{}", lang));
            for form in FORMS {
                let rel = realdoc(d, lang, form);
                let got = doc(&rel);
                assert_eq!(got.format, if form == "odt" { InputFormat::Odt } else { InputFormat::Docx }, "{rel}");
                let want: Vec<(&str, String)> =
                    clean.units.iter().map(|u| (u.r#ref.as_str(), squeeze(&u.text))).collect();
                let have: Vec<(&str, String)> =
                    got.units.iter().map(|u| (u.r#ref.as_str(), squeeze(&u.text))).collect();
                assert_eq!(want.len(), have.len(), "{rel}");
                for (w, h) in want.iter().zip(&have) {
                    // The one difference in the documents themselves: the automatic
                    // numbering of the Russian Charter prints every chapter as `Глава`,
                    // where the clean text has `ГЛАВА IX`.
                    let known = d == "un-charter-1945" && lang == "ru" && form != "docx" && w.0 == "chapter.9";
                    if known {
                        assert_eq!((w.0, w.1.to_lowercase()), (h.0, h.1.to_lowercase()), "{rel}");
                    } else {
                        assert_eq!(w, h, "{rel}");
                    }
                }
                // What the reader did.
                assert!(got.reader.contains(&"left out: 1 header, 1 footer".to_string()), "{rel}: {:?}", got.reader);
                let numbered = got.reader.iter().any(|n| n.starts_with("automatic numbering applied to "));
                assert_eq!(numbered, form != "docx", "{rel}: {:?}", got.reader);
            }
        }
    }
}

fn pair_refs(a: &bitext::align::Alignment) -> Vec<(String, String)> {
    a.pairs.iter().map(|p| (p.refs(0), p.refs(1))).collect()
}

#[test]
fn treaty_documents_align_as_the_shipped_alignment() {
    let mut shipped = csv::Reader::from_path(path("alignments/sco-treaty-2007.csv")).unwrap();
    let want: Vec<(String, String)> =
        shipped.records().map(|r| r.unwrap()).map(|r| (r[0].to_string(), r[1].to_string())).collect();
    let zh = doc("texts/sco-treaty-2007.zh.txt");
    let ru = doc("texts/sco-treaty-2007.ru.txt");
    for form in FORMS {
        let zh_doc = doc(&realdoc("sco-treaty-2007", "zh", form));
        let ru_doc = doc(&realdoc("sco-treaty-2007", "ru", form));
        assert_eq!(pair_refs(&align(&zh_doc, &ru, &AlignOptions::default())), want, "zh {form}");
        assert_eq!(pair_refs(&align(&zh, &ru_doc, &AlignOptions::default())), want, "ru {form}");
    }
}

#[test]
fn charter_documents_align_as_the_clean_texts() {
    let gold = read_links(
        &std::fs::read(path("tests/fixtures/gold/un-charter-1945.ch1-5-7.tsv")).unwrap(),
        std::path::Path::new("gold"),
    )
    .unwrap();
    let zh = doc("tests/fixtures/un-charter-1945.zh.txt");
    let ru = doc("tests/fixtures/un-charter-1945.ru.txt");
    let clean = align(&zh, &ru, &AlignOptions::default());
    let clean_f1 = score(&gold, &links_of(&clean)).f1;
    // Documents with automatic numbering, the hardest case; both languages.
    for form in ["autonum.docx", "odt"] {
        let zh_doc = doc(&realdoc("un-charter-1945", "zh", form));
        let ru_doc = doc(&realdoc("un-charter-1945", "ru", form));
        for (a, side) in [
            (align(&zh_doc, &ru, &AlignOptions::default()), "zh"),
            (align(&zh, &ru_doc, &AlignOptions::default()), "ru"),
        ] {
            assert_eq!(pair_refs(&a), pair_refs(&clean), "{side} {form}");
            let f1 = score(&gold, &links_of(&a)).f1;
            assert_eq!(f1, clean_f1, "{side} {form}");
            assert!(f1 >= 0.98, "{side} {form}: {f1}");
        }
    }
}

#[test]
fn parse_reports_the_format_and_what_the_reader_did() {
    bitext()
        .args(["parse", "tests/fixtures/realdocs/sco-treaty-2007.zh.autonum.docx"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("zh docx"))
        .stdout(predicate::str::contains("automatic numbering applied to 46 paragraphs"))
        .stdout(predicate::str::contains("left out: 1 header, 1 footer"));
}

#[test]
fn bad_documents_exit_2_with_a_clear_message_and_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    for (file, what, why) in [
        ("damaged.docx", "cannot read document", "the file is damaged: not a complete zip archive"),
        ("no-document.docx", "cannot read document", "a zip archive, but neither a Word nor an OpenDocument text"),
        ("zip-bomb.docx", "input too large", "word/document.xml inflates beyond"),
        ("entity-bomb.docx", "cannot read document", "declares a DTD"),
        ("word97.doc", "cannot read document", "a Word 97-2003 .doc file cannot be read; convert it"),
        ("treaty.rtf", "cannot read document", "an RTF file cannot be read; convert it"),
    ] {
        let rel = format!("tests/fixtures/realdocs/bad/{file}");
        bitext()
            .args(["align", &rel, "texts/sco-treaty-2007.ru.txt", "-o"])
            .arg(&out)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with(format!("bitext: {what}: {rel}: ")))
            .stderr(predicate::str::contains(why));
        assert!(!out.exists(), "{file}: output written");
    }
}

/// A zip archive with one member, `word/document.xml`, whose deflated data `deflated`
/// claims to inflate to `size` bytes. Written by hand so that a 2 GiB member need
/// not be compressed in the test: the CRC is left 0, as a reader that stops at its cap
/// never reaches the end to check it.
fn one_member_zip(deflated: &[u8], size: u64) -> Vec<u8> {
    let name = b"word/document.xml";
    let (csize, usize_) = (u32::try_from(deflated.len()).unwrap(), u32::try_from(size).unwrap_or(u32::MAX));
    let mut z = Vec::new();
    z.extend(b"PK\x03\x04");
    z.extend(20u16.to_le_bytes()); // version needed
    z.extend(0u16.to_le_bytes()); // flags
    z.extend(8u16.to_le_bytes()); // deflate
    z.extend([0u8; 4]); // time, date
    z.extend(0u32.to_le_bytes()); // crc
    z.extend(csize.to_le_bytes());
    z.extend(usize_.to_le_bytes());
    z.extend((name.len() as u16).to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z.extend(name);
    z.extend(deflated);
    let cd_start = z.len() as u32;
    z.extend(b"PK\x01\x02");
    z.extend(20u16.to_le_bytes()); // made by
    z.extend(20u16.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z.extend(8u16.to_le_bytes());
    z.extend([0u8; 4]);
    z.extend(0u32.to_le_bytes());
    z.extend(csize.to_le_bytes());
    z.extend(usize_.to_le_bytes());
    z.extend((name.len() as u16).to_le_bytes());
    z.extend([0u8; 2 + 2 + 2 + 2 + 4]); // extra, comment, disk, attrs
    z.extend(0u32.to_le_bytes()); // local header offset
    z.extend(name);
    let cd_len = z.len() as u32 - cd_start;
    z.extend(b"PK\x05\x06");
    z.extend([0u8; 4]);
    z.extend(1u16.to_le_bytes());
    z.extend(1u16.to_le_bytes());
    z.extend(cd_len.to_le_bytes());
    z.extend(cd_start.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z
}

#[test]
fn a_zip_bomb_of_2_gib_is_refused() {
    // One MiB of `<w:p/>` deflated with a full flush: the block does not refer back, so
    // repeating it 2,048 times is a valid deflate stream of 2 GiB.
    let mib: Vec<u8> = b"<w:p/>".iter().copied().cycle().take(1 << 20).collect();
    let mut c = flate2::Compress::new(flate2::Compression::best(), false);
    let mut block = Vec::with_capacity(1 << 20);
    c.compress_vec(&mib, &mut block, flate2::FlushCompress::Full).unwrap();
    let mut end = Vec::with_capacity(64);
    c.compress_vec(&[], &mut end, flate2::FlushCompress::Finish).unwrap();
    let mut deflated = Vec::new();
    for _ in 0..2048 {
        deflated.extend(&block);
    }
    deflated.extend(&end);
    let bytes = one_member_zip(&deflated, 2 << 30);
    assert!(bytes.len() < 8 << 20, "{} bytes", bytes.len());
    let e = load_bytes(&bytes, "bomb.docx", &LoadOptions::default()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Limit(_)), "{e}");
    assert!(e.to_string().contains("word/document.xml inflates"), "{e}");
}

/// A Word file with this `word/document.xml`, found through `_rels/.rels`.
fn docx_with(document: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        (
            "[Content_Types].xml",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        ("word/document.xml", document),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

#[test]
fn deep_xml_is_refused() {
    let deep = format!(
        "<w:document {W}><w:body>{}{}</w:body></w:document>",
        "<w:sdt>".repeat(100_000),
        "</w:sdt>".repeat(100_000)
    );
    let e = load_bytes(&docx_with(&deep), "deep.docx", &LoadOptions::default()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Limit(_)), "{e}");
    assert!(e.to_string().contains("nests XML elements more than 256 deep"), "{e}");
}

#[test]
fn article_101_in_both_renderings_of_chinese_counting() {
    // Word's automatic 第%1条 in chineseCounting, started at 101.
    let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="101"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
    let body = |first: &str| {
        format!(
            r#"<w:document {W}><w:body>{first}<w:p><w:r><w:t>缔约各方根据公认的国际法原则和规则，发展合作关系。</w:t></w:r></w:p>
            <w:p><w:r><w:t>第一百零二条</w:t></w:r></w:p><w:p><w:r><w:t>本条约自签署之日起生效。</w:t></w:r></w:p></w:body></w:document>"#
        )
    };
    let auto = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>"#;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, data) in [
        ("word/document.xml", body(auto)),
        ("word/numbering.xml", format!("<w:numbering {W}>{numbering}</w:numbering>")),
        (
            "word/_rels/document.xml.rels",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="n" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#.to_string(),
        ),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    let generated = zip.finish().unwrap().into_inner();
    // The same article written out as Word prints it from 100 on, digit by digit.
    let literal = docx_with(&body(r#"<w:p><w:r><w:t>第一○一条</w:t></w:r></w:p>"#));
    for (bytes, heading) in [(generated, "第一百零一条"), (literal, "第一○一条")] {
        let d = load_bytes(&bytes, "t.docx", &LoadOptions::default()).unwrap();
        let units: Vec<(&str, &str)> = d.units.iter().map(|u| (u.r#ref.as_str(), u.text.as_str())).collect();
        assert_eq!(
            units,
            [
                ("art.101", heading),
                ("art.101.1", "缔约各方根据公认的国际法原则和规则，发展合作关系。"),
                ("art.102", "第一百零二条"),
                ("art.102.1", "本条约自签署之日起生效。")
            ]
        );
    }
}

#[test]
fn an_encrypted_word_file_is_told_from_a_doc() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let e = load_bytes(&ole, "secret.docx", &LoadOptions::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot read document: secret.docx: the document is password-protected: save it without a password first"
    );
}
