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

/// The rows of an alignment CSV: refs, link and score.
fn align_rows(extra: &[&str]) -> Vec<(String, String, String, f64)> {
    let out = bitext().args(["align", ZH, RU]).args(extra).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[1].to_string(), r[4].to_string(), r[5].parse().unwrap())
        })
        .collect()
}

#[test]
fn a_glossary_given_to_align_is_evidence_for_the_pairs_that_hold_its_terms() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("terms.tsv");
    std::fs::write(&glossary, "zh\tru\n睦邻\tдобрососедство\n恐怖主义\tтерроризм\n主权\tсуверенитет\n").unwrap();
    let plain = align_rows(&[]);
    let with = align_rows(&["--glossary", glossary.to_str().unwrap()]);
    // The treaty's alignment is right without the glossary: it stays as it is.
    let pairs = |rows: &[(String, String, String, f64)]| -> Vec<(String, String, String)> {
        rows.iter().map(|r| (r.0.clone(), r.1.clone(), r.2.clone())).collect()
    };
    assert_eq!(pairs(&plain), pairs(&with));
    // Pairs that hold a glossary term on both sides are surer with it.
    let docs = [ZH, RU].map(|f| bitext::load::load(&path(f), &Default::default()).unwrap());
    let terms = [["睦邻", "恐怖主义", "主权"], ["добрососед", "терроризм", "суверенитет"]];
    // Both units hold the same term (the Russian one in some case).
    let holds = |refs: [&str; 2]| {
        (0..3)
            .any(|k| (0..2).all(|s| docs[s].unit(refs[s]).is_some_and(|u| u.text.to_lowercase().contains(terms[s][k]))))
    };
    let mut risen = 0;
    for (p, w) in plain.iter().zip(&with) {
        if holds([&p.0, &p.1]) {
            assert!(w.3 >= p.3, "{}: {} with the glossary, {} without", p.0, w.3, p.3);
            risen += usize::from(w.3 > p.3);
        }
    }
    assert!(risen >= 3, "only {risen} pairs are surer with the glossary");
    // A glossary that cannot be read is trouble, as for check.
    bitext().args(["align", ZH, RU, "--glossary", "no-such-glossary.tsv"]).assert().code(2);
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

/// Without `--format`, the extension of `-o` chooses the format; a `--format` it
/// contradicts is exit 2, and so is an extension naming a format the command lacks.
#[test]
fn the_extension_of_the_output_chooses_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("treaty.xlsx");
    bitext().args(["align", ZH, RU, "-o"]).arg(&xlsx).assert().code(0);
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "a workbook, not CSV");
    let json = dir.path().join("findings.json");
    bitext().args(["check", ZH, RU, "-o"]).arg(&json).assert().code(0);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert!(v["findings"].is_array());
    bitext()
        .args(["align", ZH, RU, "--format", "csv", "-o"])
        .arg(dir.path().join("treaty.tmx"))
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("bitext: bad arguments: --format csv contradicts the extension .tmx"));
    bitext().args(["check", ZH, RU, "-o"]).arg(dir.path().join("x.xlsx")).assert().code(2);
    assert!(!dir.path().join("x.xlsx").exists() && !dir.path().join("treaty.tmx").exists());
    // An extension that names no format leaves the default.
    let out = dir.path().join("pairs.out");
    bitext().args(["align", ZH, RU, "-o"]).arg(&out).assert().code(0);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("zh_ref,ru_ref"));
}

/// Two files in one language are trouble, unless `--lang-a/-b` say otherwise.
#[test]
fn two_files_in_one_language_are_refused() {
    for cmd in ["align", "check"] {
        bitext()
            .args([cmd, ZH, ZH])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("both files are Chinese"));
    }
    bitext().args(["align", RU, RU]).assert().code(2).stderr(predicate::str::contains("both files are Russian"));
}

/// A write failure says "cannot write" and the output's name, never a temporary file's.
#[test]
fn write_failures_name_the_output() {
    bitext()
        .args(["align", ZH, RU, "-o", "/no-such-dir/out.csv"])
        .assert()
        .code(2)
        .stderr("bitext: cannot write: /no-such-dir/out.csv: no folder /no-such-dir to write it in\n");
    let dir = tempfile::tempdir().unwrap();
    bitext().args(["align", ZH, RU, "-o"]).arg(dir.path()).assert().code(2).stderr(
        predicate::str::starts_with("bitext: cannot write: ").and(predicate::str::ends_with("it is a directory\n")),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
        let probe = locked.join("probe");
        // Root may write anywhere: the test means something only where permissions hold.
        if std::fs::write(&probe, "").is_err() {
            bitext().args(["align", ZH, RU, "-o"]).arg(locked.join("out.csv")).assert().code(2).stderr(
                predicate::str::ends_with("out.csv: permission denied\n").and(predicate::str::contains(".tmp").not()),
            );
        }
    }
}

/// An alignment of another document scored against a gold is trouble, not a score.
#[test]
fn eval_refuses_an_alignment_of_another_document() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("treaty.csv");
    bitext().args(["align", ZH, RU, "-o"]).arg(&out).assert().code(0);
    bitext()
        .args(["eval", "tests/fixtures/gold/un-charter-1945.ch1-5-7.tsv"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("is it an alignment of another document?"));
}

/// `--tag` takes BCP 47 tags only.
#[test]
fn tmx_tags_are_bcp47() {
    bitext()
        .args(["align", ZH, RU, "--format", "tmx", "--tag", "zh=xx_yy!"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a BCP 47 language tag"));
    let out = bitext().args(["align", ZH, RU, "--format", "tmx", "--tag", "zh=zh-Hant-TW"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("xml:lang=\"zh-Hant-TW\""));
}

/// `--min-severity` leaves out the findings below it; the summary counts them all.
#[test]
fn check_min_severity_leaves_out_notes() {
    let out = bitext().args(["check", ZH, RU, "--min-severity", "warning"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "0 errors, 0 warnings, 20 notes\n");
    let out = bitext().args(["check", ZH, RU, "--format", "json", "--min-severity", "error"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(v["summary"]["notes"], 20);
}

#[test]
fn a_users_glossary_finds_a_term_rendered_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("terms.tsv");
    std::fs::write(&glossary, "zh\tru\n睦邻\tдобрососедств\n").unwrap();
    let ru = std::fs::read_to_string(path(RU)).unwrap().replacen("отношения добрососедства", "отношения соседства", 1);
    let faulty = dir.path().join("ru.txt");
    std::fs::write(&faulty, ru).unwrap();
    let args = |g: Option<&std::path::Path>| {
        let mut v =
            vec!["check".into(), ZH.into(), faulty.display().to_string(), "--min-severity".into(), "warning".into()];
        if let Some(g) = g {
            v.extend(["--glossary".into(), g.display().to_string()]);
        }
        v
    };
    // The shipped glossary holds 睦邻 as evidence only; the user's makes it a term.
    bitext().args(args(None)).assert().code(0);
    bitext()
        .args(args(Some(&glossary)))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("term_mismatch        zh art.1.1 ↔ ru art.1.1"));
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "oops\n").unwrap();
    bitext().args(args(Some(&bad))).assert().code(2).stderr(predicate::str::contains("bad.tsv:1: the header"));
}

/// The options the contract names are accepted; usage errors are `bitext: …`, exit 2.
#[test]
fn options_of_the_contract_and_usage_errors() {
    bitext().args(["check", ZH, RU, "--level", "sentence", "--min-severity", "error"]).assert().code(0);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.json");
    bitext().args(["align", ZH, RU, "--level", "sentence", "-o"]).arg(&out).assert().code(0);
    let sentences =
        bitext().args(["eval", "--level", "sentence", "--format", "json"]).arg(&out).arg(&out).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&sentences.stdout).unwrap();
    assert_eq!((v["f1"].as_f64(), v["exact"].as_f64()), (Some(1.0), Some(1.0)), "{v}");
    bitext().args(["diff", ZH, ZH, "--segments", "lines"]).assert().code(0);
    bitext()
        .args(["align", ZH, RU, "--no-such-option"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("bitext: bad arguments: unexpected argument '--no-such-option'"));
}

/// Completions and the manual page come from the command-line definition.
#[test]
fn completions_and_manual_page() {
    let out = bitext().args(["completions", "bash"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let bash = String::from_utf8(out.stdout).unwrap();
    assert!(bash.contains("_bitext()") && bash.contains("--counterpart") && bash.contains("completions"), "{bash}");
    let zsh = bitext().args(["completions", "zsh"]).output().unwrap();
    assert!(String::from_utf8(zsh.stdout).unwrap().starts_with("#compdef bitext"));
    bitext().args(["completions", "tcsh"]).assert().code(2);
    let man = bitext().arg("man").output().unwrap();
    assert_eq!(man.status.code(), Some(0));
    let man = String::from_utf8(man.stdout).unwrap();
    assert!(man.starts_with(".ie \\n(.g .ds Aq") || man.contains(".TH bitext"), "{man}");
    assert!(man.contains(".TH bitext") && man.contains("completions") && man.contains("Exit status"), "{man}");
    // Every subcommand's help ends in examples.
    for cmd in ["parse", "align", "check", "diff", "eval", "batch", "completions"] {
        let help = bitext().args([cmd, "--help"]).output().unwrap();
        let help = String::from_utf8(help.stdout).unwrap();
        assert!(help.contains("\nExamples:\n  bitext "), "{cmd}: {help}");
    }
}

/// A unified diff applies to what `parse --format units` writes, end to end.
#[test]
fn unified_diff_applies_to_the_units_file() {
    let dir = tempfile::tempdir().unwrap();
    let revised = dir.path().join("revised.zh.txt");
    std::fs::write(&revised, std::fs::read_to_string(path(ZH)).unwrap().replace("15 日内", "16 日内")).unwrap();
    let units = dir.path().join("old.units");
    bitext().args(["parse", ZH, "--format", "units", "-o"]).arg(&units).assert().code(0);
    let patch = bitext().args(["diff", ZH, "--format", "unified"]).arg(&revised).output().unwrap();
    assert_eq!(patch.status.code(), Some(1));
    let applied = Command::new("patch")
        .arg("--quiet")
        .arg(&units)
        .stdin(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&patch.stdout)?;
            child.wait()
        })
        .unwrap();
    assert!(applied.success());
    let new_units = bitext().args(["parse", "--format", "units"]).arg(&revised).output().unwrap().stdout;
    assert_eq!(std::fs::read(&units).unwrap(), new_units);
}

/// The command's main thread is one of rayon's: `align` and `check` on the Charter give
/// the same bytes on one thread (the main thread alone, which must run what it hands
/// out while it waits), two and three.
#[test]
fn align_and_check_give_the_same_bytes_on_one_two_and_three_threads() {
    let (zh, ru) = ("tests/fixtures/un-charter-1945.zh.txt", "tests/fixtures/un-charter-1945.ru.txt");
    let run = |threads: &str, args: &[&str]| {
        let out = bitext().env("RAYON_NUM_THREADS", threads).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{threads} threads: {}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    for args in [vec!["align", zh, ru], vec!["check", zh, ru]] {
        let one = run("1", &args);
        assert!(one.len() > 10_000);
        assert_eq!(run("2", &args), one, "{args:?}");
        assert_eq!(run("3", &args), one, "{args:?}");
    }
}
