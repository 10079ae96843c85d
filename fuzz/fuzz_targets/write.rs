//! Writing: CSV and TMX of an alignment read back give the same texts (TMX after the
//! cleaning XML 1.0 needs); the HTML page is well-formed enough to have no raw `<`
//! from the text.
#![no_main]

use bitext::align::{AlignOptions, Level, align};
use bitext::load::{LoadOptions, Segments, load_bytes};
use bitext::write::tmx::{SrcLang, TmxOptions};
use bitext::write::{self, xml::sanitize};
use bitext::Lang;
use libfuzzer_sys::fuzz_target;
use quick_xml::events::Event;

fuzz_target!(|data: &[u8]| {
    let Some(cut) = data.iter().position(|&b| b == 0) else { return };
    let options = |lang| LoadOptions { lang: Some(lang), segments: Segments::Lines, ..Default::default() };
    let (Ok(zh), Ok(ru)) = (load_bytes(&data[..cut], "a", &options(Lang::Zh)), load_bytes(&data[cut + 1..], "b", &options(Lang::Ru))) else {
        return;
    };
    let al = align(&zh, &ru, &AlignOptions::default());
    // CSV round trip.
    let bytes = write::to_vec(|w| write::csv::write(w, &al, Default::default())).expect("writing to memory");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), al.pairs.len());
    for (row, p) in rows.iter().zip(&al.pairs) {
        assert_eq!(&row[2], p.text(0));
        assert_eq!(&row[3], p.text(1));
    }
    // TMX round trip: every seg reads back as the pair's cleaned text.
    let options = TmxOptions { srclang: SrcLang::All, tags: ["zh-CN".into(), "ru-RU".into()], keep_unpaired: true, level: Level::Paragraph };
    let tmx = write::to_vec(|w| write::tmx::write(w, &al, &options).map(|_| ())).expect("writing to memory");
    let mut reader = quick_xml::Reader::from_reader(tmx.as_slice());
    let mut segs = Vec::new();
    let mut in_seg = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed TMX") {
            Event::Start(e) if e.name().as_ref() == "seg" => {
                in_seg = true;
                segs.push(String::new());
            }
            Event::End(e) if e.name().as_ref() == "seg" => in_seg = false,
            Event::Text(t) if in_seg => segs.last_mut().unwrap().push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_seg => {
                let name = r.xml10_content();
                let c = match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                };
                segs.last_mut().unwrap().push_str(c);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let want: Vec<String> = al
        .pairs
        .iter()
        .flat_map(|p| {
            (0..2).filter(|&s| !p.sides[s].is_empty()).map(move |s| {
                let joiner = al.docs[s].lang.profile().line_joiner;
                sanitize(&p.sides[s].iter().map(|x| x.text.as_ref()).collect::<Vec<_>>().join(joiner)).trim().to_string()
            })
        })
        .collect();
    assert_eq!(segs, want);
    let html = String::from_utf8(write::to_vec(|w| write::html::write(w, &al, None)).unwrap()).unwrap();
    assert!(!html.contains("<script"));
});
