//! The command line, run as a user runs it, in a clean environment.

use std::io::Read;
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

use crate::util::path;

const ZH: &str = "texts/sco-treaty-2007.zh.txt";
const RU: &str = "texts/sco-treaty-2007.ru.txt";

fn bitext() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("bitext");
    cmd.env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default()).current_dir(crate::util::root());
    cmd
}

#[test]
fn parse_text_and_json() {
    bitext()
        .args(["parse", ZH])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(format!("{ZH}: zh text, UTF-8, layout blank\n85 units, 19 repairs\n")))
        .stdout(predicate::str::contains("paragraph    71-74  [一、] 缔约各方根据本国法律"));
    let out = bitext().args(["parse", "--format", "json", RU]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lang"], "ru");
    assert_eq!(v["encoding"], "UTF-8");
    assert_eq!(v["bom"], false);
    let u = &v["units"][13];
    assert_eq!(
        (u["ref"].as_str(), u["kind"].as_str(), u["label"].as_str()),
        (Some("art.1"), Some("heading"), Some("Статья 1"))
    );
    assert_eq!(u["lines"], serde_json::json!([29, 29]));
    assert!(v["repairs"].as_array().unwrap().is_empty());
}

#[test]
fn parse_reads_standard_input_with_an_encoding() {
    let bytes = std::fs::read(path("tests/fixtures/encodings/sco-treaty-2007.ru.cp1251.txt")).unwrap();
    bitext()
        .args(["parse", "-", "--encoding", "cp1251", "--lang", "ru"])
        .write_stdin(bytes)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("-: ru text, windows-1251, layout blank\n84 units"));
}

#[test]
fn align_writes_the_csv_columns_in_either_order() {
    let a = bitext().args(["align", RU, ZH]).output().unwrap();
    let b = bitext().args(["align", ZH, RU]).output().unwrap();
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8(a.stdout).unwrap();
    assert!(text.starts_with("zh_ref,ru_ref,zh,ru,link,score\r\n"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 84);
    assert_eq!(&rows[5][0], "preamble.5+preamble.6");
    assert_eq!(
        &rows[5][2],
        "认为全球化进程加深了国家间的相互依赖，使各国的安全与繁荣紧密相连，\n认为新的安全挑战与威胁具有全球性质，只有共同努力，遵循协商一致的合作原则与机制才能有效应对，"
    );
    assert_eq!(&rows[5][4], "2-1");
    for r in &rows {
        assert_eq!(r[5].len(), 5, "three decimals: {:?}", &r[5]);
    }
}

#[test]
fn align_bom_delimiter_tsv_and_json() {
    let out = bitext().args(["align", ZH, RU, "--bom", "--delimiter", ";"]).output().unwrap();
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBFzh_ref;ru_ref;zh;ru;link;score\r\n"));
    let out = bitext().args(["align", ZH, RU, "--format", "tsv"]).output().unwrap();
    assert!(out.stdout.starts_with(b"zh_ref\tru_ref\tzh\tru\tlink\tscore\r\n"));
    let out = bitext().args(["align", RU, ZH, "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["a"]["lang"], "ru");
    assert_eq!(v["b"]["path"], ZH);
    let p = &v["pairs"][5];
    assert_eq!(p["zh_ref"], serde_json::json!(["preamble.5", "preamble.6"]));
    assert_eq!(p["ru_ref"], serde_json::json!(["preamble.5"]));
    assert_eq!(p["link"], "2-1");
    assert!(p["score"].as_f64().unwrap() > 0.0);
}

#[test]
fn the_shipped_alignment_is_current() {
    let out = bitext().args(["align", ZH, RU]).output().unwrap();
    let shipped = std::fs::read(path("alignments/sco-treaty-2007.csv")).unwrap();
    assert!(out.stdout == shipped, "alignments/sco-treaty-2007.csv is stale: run the README's main command");
}

#[test]
fn output_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.csv");
    std::fs::write(&target, "old").unwrap();
    // A failing run leaves the old file.
    bitext().args(["align", ZH, "no-such.txt", "-o"]).arg(&target).assert().code(2);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    bitext().args(["align", ZH, RU, "-o"]).arg(&target).assert().code(0).stdout("");
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("zh_ref,"));
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["out.csv"]);
}

#[test]
fn eval_scores_an_alignment() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("un.csv");
    bitext()
        .args(["align", "tests/fixtures/un-charter-1945.zh.txt", "tests/fixtures/un-charter-1945.ru.txt", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let res = bitext()
        .args(["eval", "tests/fixtures/gold/un-charter-1945.ch1-5-7.tsv", "--format", "json"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&res.stdout).unwrap();
    assert!(v["f1"].as_f64().unwrap() >= 0.98, "{v}");
    assert_eq!(v["gold_links"], 82);
    bitext()
        .args(["eval", "tests/fixtures/gold/un-charter-1945.ch1-5-7.tsv"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("precision "));
}

#[test]
fn trouble_exits_2_with_file_and_reason() {
    bitext()
        .args(["parse", "no-such-file.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("bitext: cannot read: no-such-file.txt: no such file\n");
    bitext()
        .args(["parse", "texts"])
        .assert()
        .code(2)
        .stderr("bitext: cannot read: texts: is a directory, not a file\n");
    bitext()
        .args(["parse", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr("bitext: empty input: -: the file has no text\n");
    bitext()
        .args(["parse", "-"])
        .write_stdin(vec![0u8, 1, 2, 3, 0, 0, 9, 0])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("bitext: not a text file: -:"));
    bitext()
        .args(["parse", "-", "--encoding", "nope"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("bitext: unknown encoding: -: "));
    bitext().args(["align", "-", "-"]).assert().code(2).stderr(predicate::str::contains("only one input"));
    bitext().args(["parse"]).assert().code(2);
    bitext().args(["align", ZH, RU, "--format", "docx"]).assert().code(2);
}

#[test]
fn a_closed_standard_output_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bitext"))
        .args(["parse", "tests/fixtures/un-charter-1945.ru.txt"])
        .current_dir(crate::util::root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed now, as `| head` closes it.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn help_matches_the_golden_file_and_the_readme() {
    let out = bitext().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let golden = std::fs::read_to_string(path("tests/fixtures/help.txt")).unwrap();
    assert_eq!(help, golden, "update tests/fixtures/help.txt and the README");
    let readme = std::fs::read_to_string(path("README.md")).unwrap();
    assert!(readme.contains(&golden), "the README's --help is stale");
}

#[test]
fn check_exit_codes_and_json() {
    bitext()
        .args(["check", ZH, RU])
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with("0 errors, 0 warnings, 20 notes\n"));
    let dir = tempfile::tempdir().unwrap();
    let faulty = dir.path().join("ru.txt");
    let ru = std::fs::read_to_string(path(RU)).unwrap().replace("в течение 15 дней", "в течение 16 дней");
    std::fs::write(&faulty, ru).unwrap();
    bitext().args(["check", ZH]).arg(&faulty).assert().code(1);
    bitext().args(["check", ZH, "--fail-on", "error"]).arg(&faulty).assert().code(0);
    let out = bitext().args(["check", "--format", "json"]).arg(&faulty).arg(ZH).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["a"]["lang"], "ru");
    assert_eq!(v["summary"], serde_json::json!({"errors": 0, "warnings": 1, "notes": 20}));
    let f = &v["findings"][0];
    assert_eq!(f["kind"], "number_mismatch");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["side"], "both");
    assert_eq!((f["zh_ref"].as_str(), f["ru_ref"].as_str()), (Some("art.25.2"), Some("art.25.2")));
    let note = v["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "repair").unwrap();
    assert_eq!((note["side"].as_str(), note["ru_ref"].is_null()), (Some("zh"), true));
    // Swapping the files swaps nothing but a and b.
    let swapped = bitext().args(["check", "--format", "json", ZH]).arg(&faulty).output().unwrap();
    let w: serde_json::Value = serde_json::from_slice(&swapped.stdout).unwrap();
    assert_eq!(v["findings"], w["findings"]);
    assert_eq!(v["a"], w["b"]);
}

#[test]
fn diff_exit_codes_formats_and_no_colour_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let revised = dir.path().join("revised.zh.txt");
    let zh = std::fs::read_to_string(path(ZH)).unwrap().replace("使成员国民的友谊", "使成员国人民的友谊");
    std::fs::write(&revised, zh).unwrap();
    bitext().args(["diff", ZH, ZH]).assert().code(0).stdout(predicate::str::contains("no changes"));
    let out = bitext().args(["diff", ZH, "--counterpart", RU]).arg(&revised).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("使成员国{+人+}民的友谊"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when the output is not a terminal");
    assert!(text.contains("preamble.11    modified      because of preamble.12"), "{text}");
    let out = bitext().args(["diff", "--format", "json", ZH]).arg(&revised).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["modified"], 1);
    assert_eq!(v["changes"][0]["inline"][1], serde_json::json!({"op": "insert", "text": "人"}));
    bitext()
        .args(["diff", "--format", "unified", ZH])
        .arg(&revised)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("@@ -12,3 +12,3 @@ preamble.12\n"));
    bitext()
        .args(["diff", ZH, RU])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("diff compares two versions of one text"));
}

/// The same inputs give byte-identical outputs, in every format.
#[test]
fn outputs_are_byte_identical_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let revised = dir.path().join("revised.zh.txt");
    std::fs::write(&revised, std::fs::read_to_string(path(ZH)).unwrap().replace("15 日内", "16 日内")).unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["parse", "--format", "json", ZH],
        vec!["align", ZH, RU],
        vec!["align", ZH, RU, "--format", "json"],
        vec!["align", ZH, RU, "--format", "tmx"],
        vec!["align", ZH, RU, "--format", "html", "--with-findings"],
        vec!["align", ZH, RU, "--level", "sentence"],
        vec!["check", ZH, RU, "--format", "json"],
    ];
    for args in runs {
        let once = bitext().args(&args).output().unwrap().stdout;
        let twice = bitext().args(&args).output().unwrap().stdout;
        assert!(!once.is_empty() && once == twice, "{args:?}");
    }
    let xlsx = |name: &str| {
        let p = dir.path().join(name);
        bitext().args(["align", ZH, RU, "--format", "xlsx", "--with-findings", "-o"]).arg(&p).assert().code(0);
        std::fs::read(p).unwrap()
    };
    assert_eq!(xlsx("a.xlsx"), xlsx("b.xlsx"));
    let diff =
        || bitext().args(["diff", "--format", "json", "--counterpart", RU, ZH]).arg(&revised).output().unwrap().stdout;
    assert_eq!(diff(), diff());
}
