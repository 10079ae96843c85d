//! `bitext batch`: bad manifests, failures that do not stop the rest, resuming after a
//! kill, shards that cover every pair once, the same outputs on one thread or two.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::util::path;

/// The binary in a clean environment (only `PATH`), so that nothing the user set
/// (`NO_COLOR`, `RAYON_NUM_THREADS`, a terminal's variables) changes what it writes.
fn bitext(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bitext"));
    c.env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default()).current_dir(dir);
    c
}

fn manifest(dir: &Path, rows: &[(&str, String, String)]) -> std::path::PathBuf {
    let mut s = String::from("id,a,b\n");
    for (id, a, b) in rows {
        s.push_str(&format!("{id},{a},{b}\n"));
    }
    let p = dir.join("manifest.csv");
    std::fs::write(&p, s).unwrap();
    p
}

fn treaty() -> (String, String) {
    (
        path("texts/sco-treaty-2007.zh.txt").display().to_string(),
        path("texts/sco-treaty-2007.ru.txt").display().to_string(),
    )
}

fn summary_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::Reader::from_reader(bytes).records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
}

#[test]
fn a_failing_pair_is_reported_and_the_rest_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, ru) = treaty();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let text = format!(
        "id,a,b,out\nok,{zh},{ru},\nmissing,{zh},no-such.txt,\nbad,{zh},,\ndup1,{ru},{zh},same.csv\ndup2,{zh},{ru},same.csv\nunwritable,{zh},{ru},{}\n",
        blocker.join("x.csv").display()
    );
    let m = dir.path().join("m.csv");
    std::fs::write(&m, text).unwrap();
    let out = bitext(dir.path()).args(["batch", "m.csv", "--out-dir", "out"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rows = summary_rows(&out.stdout);
    let status: Vec<(&str, &str)> = rows.iter().map(|r| (r[0].as_str(), r[4].as_str())).collect();
    assert_eq!(
        status,
        [
            ("ok", "ok"),
            ("missing", "failed"),
            ("bad", "failed"),
            ("dup1", "ok"),
            ("dup2", "failed"),
            ("unwritable", "failed")
        ]
    );
    assert!(rows[1][10].contains("no such file"), "{:?}", rows[1]);
    assert!(rows[2][10].contains("needs both a and b"));
    assert!(rows[4][10].contains("also row 4's"), "{:?}", rows[4]);
    assert!(!rows[5][10].is_empty());
    assert_eq!(
        (rows[0][5].as_str(), rows[0][6].as_str(), rows[0][7].as_str(), rows[0][9].as_str()),
        ("85", "84", "84", "0")
    );
    assert!(dir.path().join("out/ok.csv").exists());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("pair missing failed"), "{stderr}");
    // A manifest without the a and b columns is trouble.
    std::fs::write(dir.path().join("wrong.csv"), "x,y\n1,2\n").unwrap();
    let out = bitext(dir.path()).args(["batch", "wrong.csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_lines_manifest_and_check_mode() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, ru) = treaty();
    let line = serde_json::json!({"a": zh, "b": ru, "id": "t"});
    std::fs::write(dir.path().join("m.jsonl"), format!("{line}\n")).unwrap();
    let out = bitext(dir.path())
        .args(["batch", "m.jsonl", "--mode", "check", "--format", "json", "--out-dir", "o", "--summary", "s.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let summary = std::fs::read_to_string(dir.path().join("s.jsonl")).unwrap();
    let v: serde_json::Value = serde_json::from_str(summary.lines().next().unwrap()).unwrap();
    assert_eq!((v["id"].as_str(), v["status"].as_str(), v["findings"].as_u64()), (Some("t"), Some("ok"), Some(0)));
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("o/t.json")).unwrap()).unwrap();
    assert_eq!(report["summary"]["errors"], 0);
}

#[test]
fn shards_cover_every_pair_once() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, ru) = treaty();
    let rows: Vec<(&str, String, String)> = (0..10).map(|_| ("", zh.clone(), ru.clone())).collect();
    manifest(dir.path(), &rows);
    let mut seen = Vec::new();
    for k in 0..3 {
        let out = bitext(dir.path())
            .args(["batch", "manifest.csv", "--out-dir", "out", "--shard", &format!("{k}/3")])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        seen.extend(summary_rows(&out.stdout).into_iter().map(|r| r[0].clone()));
    }
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(seen.len(), 10);
    assert_eq!(unique.len(), 10);
    for bad in ["3/3", "1", "a/b", "0/0"] {
        let out = bitext(dir.path()).args(["batch", "manifest.csv", "--shard", bad]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
}

#[test]
fn one_thread_or_two_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, ru) = treaty();
    let un = (
        path("tests/fixtures/un-charter-1945.zh.txt").display().to_string(),
        path("tests/fixtures/un-charter-1945.ru.txt").display().to_string(),
    );
    let rows: Vec<(&str, String, String)> = (0..6)
        .map(|i| if i % 2 == 0 { ("", zh.clone(), ru.clone()) } else { ("", un.0.clone(), un.1.clone()) })
        .collect();
    manifest(dir.path(), &rows);
    let mut runs = Vec::new();
    for jobs in ["1", "2"] {
        let out_dir = format!("out{jobs}");
        let out =
            bitext(dir.path()).args(["batch", "manifest.csv", "--out-dir", &out_dir, "--jobs", jobs]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let outputs: Vec<Vec<u8>> =
            (1..=6).map(|i| std::fs::read(dir.path().join(format!("{out_dir}/row{i}.csv"))).unwrap()).collect();
        let summary = String::from_utf8(out.stdout).unwrap().replace(&out_dir, "OUT");
        runs.push((summary, outputs));
    }
    assert_eq!(runs[0], runs[1]);
}

#[test]
fn a_killed_run_resumes_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, ru) = treaty();
    let rows: Vec<(&str, String, String)> = (0..40).map(|_| ("", zh.clone(), ru.clone())).collect();
    manifest(dir.path(), &rows);
    let expected = {
        let out = bitext(dir.path()).args(["align"]).arg(&zh).arg(&ru).output().unwrap();
        out.stdout
    };
    let mut child =
        bitext(dir.path()).args(["batch", "manifest.csv", "--out-dir", "out", "--jobs", "1"]).spawn().unwrap();
    // Wait until some outputs are written, then interrupt it as Ctrl-C would.
    let out_dir = dir.path().join("out");
    let count = || std::fs::read_dir(&out_dir).map(|d| d.count()).unwrap_or(0);
    while count() < 3 {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
    let _ = child.wait();
    let written: Vec<_> = std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().path()).collect();
    // Whatever was written is whole; no temporary file is mistaken for an output.
    for p in &written {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".csv") {
            assert_eq!(std::fs::read(p).unwrap(), expected, "{name} is not a whole output");
        }
    }
    let done_before = written.iter().filter(|p| p.extension().is_some_and(|e| e == "csv")).count();
    let out = bitext(dir.path()).args(["batch", "manifest.csv", "--out-dir", "out"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rows = summary_rows(&out.stdout);
    let skipped = rows.iter().filter(|r| r[4] == "skipped").count();
    assert_eq!(skipped, done_before, "the outputs written before the kill are not made again");
    assert_eq!(rows.iter().filter(|r| r[4] == "ok").count(), 40 - done_before);
    for i in 1..=40 {
        assert_eq!(std::fs::read(out_dir.join(format!("row{i}.csv"))).unwrap(), expected);
    }
    // --force runs them all again.
    let out = bitext(dir.path()).args(["batch", "manifest.csv", "--out-dir", "out", "--force"]).output().unwrap();
    assert!(summary_rows(&out.stdout).iter().all(|r| r[4] == "ok"));
}

/// Every format `align` writes, `batch` writes too, byte for byte the same.
#[test]
fn batch_writes_every_format_align_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, ru) = treaty();
    let m = manifest(dir.path(), &[("treaty", zh.clone(), ru.clone())]);
    for format in ["csv", "tsv", "json", "tmx", "xlsx", "html"] {
        let out_dir = dir.path().join(format);
        let run = bitext(dir.path())
            .arg("batch")
            .arg(&m)
            .args(["--format", format, "--out-dir"])
            .arg(&out_dir)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{format}: {}", String::from_utf8_lossy(&run.stderr));
        let batch = std::fs::read(out_dir.join(format!("treaty.{format}"))).unwrap();
        let single = dir.path().join(format!("single.{format}"));
        let align = bitext(dir.path()).args(["align", &zh, &ru, "-o"]).arg(&single).output().unwrap();
        assert_eq!(align.status.code(), Some(0), "{format}");
        // The TMX of a single run says on standard error what it left out.
        assert!(batch == std::fs::read(&single).unwrap(), "{format}: batch and align differ");
    }
    let bad = bitext(dir.path()).arg("batch").arg(&m).args(["--mode", "check", "--format", "xlsx"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .starts_with("bitext: bad arguments: --mode check does not write --format xlsx")
    );
}

/// Two texts in one language are refused in a batch as in `align`.
#[test]
fn batch_reads_with_the_options_given_and_refuses_one_language_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, _) = treaty();
    let m = manifest(dir.path(), &[("twice", zh.clone(), zh.clone())]);
    let run = bitext(dir.path()).arg("batch").arg(&m).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("both files are Chinese"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // --segments lines, as `align` has it: every non-empty line is a unit.
    let (zh, ru) = treaty();
    let m = manifest(dir.path(), &[("lines", zh, ru)]);
    let run =
        bitext(dir.path()).arg("batch").arg(&m).args(["--segments", "lines", "--out-dir", "lines"]).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let csv = std::fs::read_to_string(dir.path().join("lines/lines.csv")).unwrap();
    assert!(csv.contains("\r\nline.1,line.1"), "{}", &csv[..200]);
}

/// `--one-lexicon`: the NTREX documents as pairs of files, aligned with one lexicon
/// learned from all of them, as `align_all` aligns them; a pair that fails is reported
/// and the rest go on; the same bytes on one thread or two.
#[test]
fn one_lexicon_for_all_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let docs = crate::synth::documents(0.2, 7);
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for (k, d) in docs.iter().enumerate().take(20) {
        let (a, b) = (format!("d{k}.zh"), format!("d{k}.ru"));
        std::fs::write(dir.path().join(&a), crate::synth::SynthDoc::text(&d.zh)).unwrap();
        std::fs::write(dir.path().join(&b), crate::synth::SynthDoc::text(&d.ru)).unwrap();
        rows.push((format!("d{k}"), a, b));
    }
    rows.push(("missing".into(), "nowhere.zh".into(), "d0.ru".into()));
    let rows: Vec<(&str, String, String)> = rows.iter().map(|(i, a, b)| (i.as_str(), a.clone(), b.clone())).collect();
    manifest(dir.path(), &rows);
    let mut runs = Vec::new();
    for jobs in ["1", "2"] {
        let out_dir = format!("out{jobs}");
        let out = bitext(dir.path())
            .args(["batch", "manifest.csv", "--segments", "lines", "--one-lexicon", "--out-dir", &out_dir])
            .args(["--jobs", jobs])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
        let summary = summary_rows(&out.stdout);
        assert_eq!(summary.len(), 21);
        assert!(summary[..20].iter().all(|r| r.contains(&"ok".to_string())), "{summary:?}");
        assert!(summary[20].contains(&"failed".to_string()));
        let outputs: Vec<Vec<u8>> =
            (0..20).map(|k| std::fs::read(dir.path().join(format!("{out_dir}/d{k}.csv"))).unwrap()).collect();
        runs.push((String::from_utf8(out.stdout).unwrap().replace(&out_dir, "OUT"), outputs));
    }
    assert_eq!(runs[0], runs[1]);
}
