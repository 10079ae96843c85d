//! `diff` on revisions made from the real texts, each with the report we expect, the
//! units of the other-language text to review, and the unified output applied by
//! `patch`.

use bitext::diff::{ChangeKind, DiffOptions, Impact, Revision, diff, impact};
use bitext::load::{LoadOptions, load_bytes};

use crate::util::{doc, path, zh_numeral};

const ZH: &str = "texts/sco-treaty-2007.zh.txt";
const RU: &str = "texts/sco-treaty-2007.ru.txt";

fn read(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).unwrap()
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "revision target not found: {from}");
    text.replacen(from, to, 1)
}

/// The revisions of the Chinese treaty.
fn revision(name: &str) -> Vec<u8> {
    let zh = read(ZH);
    let text = match name {
        "dropped-character" => replace_once(&zh, "使成员国民的友谊", "使成员国人民的友谊"),
        "article-inserted" => {
            let mut s = zh.clone();
            for n in (24..=26).rev() {
                s = replace_once(&s, &format!("第{}条\n", zh_numeral(n)), &format!("第{}条\n", zh_numeral(n + 1)));
            }
            replace_once(
                &s,
                "第二十五条\n\n经所有缔约方",
                "第二十四条\n\n缔约各方应定期审议本条约的执行情况。\n\n第二十五条\n\n经所有缔约方",
            )
        }
        "article-deleted" => {
            let mut s = replace_once(&zh, "第十条\n\n缔约各方国防部门间开展各种形式的合作。\n\n", "");
            for n in 11..=26 {
                s = replace_once(&s, &format!("第{}条\n", zh_numeral(n)), &format!("第{}条\n", zh_numeral(n - 1)));
            }
            s
        }
        "paragraph-added" => replace_once(
            &zh,
            "三、缔约各方为学习和研究其他缔约方语言、文化积极提供便利条件。\n",
            "三、缔约各方为学习和研究其他缔约方语言、文化积极提供便利条件。\n\n四、缔约各方鼓励青年交流。\n",
        ),
        "date-changed" => replace_once(
            &zh,
            "2002年6月7日签署的《上海合作组织宪章》，\n\n坚信",
            "2002年6月8日签署的《上海合作组织宪章》，\n\n坚信",
        ),
        "paragraphs-swapped" => {
            let a = "二、缔约各方根据本国法律，在遵守所参加的国际条约的基础上，加强在通缉、羁押、引渡和移交从事恐怖主义、分裂主义和极端主义活动，以及其他犯罪活动的嫌疑人、被告人或罪犯方面的协作。";
            let b = "三、缔约各方在国界保护、海关监督、劳务移民管理及金融、信息安全保障方面开展合作。";
            let swapped = format!("二、{}\n\n三、{}", &b["三、".len()..], &a["二、".len()..]);
            replace_once(&zh, &format!("{a}\n\n{b}"), &swapped)
        }
        "paragraph-split" => replace_once(
            &zh,
            "四、本条约生效后对任何被吸收为本组织新成员的国家开放。对新加入的国家，",
            "四、本条约生效后对任何被吸收为本组织新成员的国家开放。\n\n五、对新加入的国家，",
        ),
        "gb18030-page-break-moved" => {
            let s = replace_once(&zh, "在打\n\n击恐怖主义", "在打击恐怖主义");
            let s = replace_once(&s, "艺术、教育、科学", "艺术、教\n\n育、科学");
            return encoding_rs::GB18030.encode(&s).0.into_owned();
        }
        other => panic!("no revision {other}"),
    };
    text.into_bytes()
}

fn load(bytes: &[u8], name: &str) -> bitext::Document {
    load_bytes(bytes, name, &LoadOptions::default()).unwrap()
}

/// (kind, old_ref, new_ref) of each change.
fn summary<'a>(rev: &'a Revision) -> Vec<(ChangeKind, Option<&'a str>, Option<&'a str>)> {
    rev.changes.iter().map(|c| (c.kind, c.old_ref.as_deref(), c.new_ref.as_deref())).collect()
}

fn impacts(list: &[Impact]) -> Vec<(&str, &str, Vec<&str>)> {
    list.iter().map(|i| (i.r#ref.as_str(), i.kind, i.because.iter().map(String::as_str).collect())).collect()
}

#[test]
fn chinese_revisions_and_the_russian_units_to_review() {
    use ChangeKind::*;
    let old = doc(ZH);
    let ru = doc(RU);
    type Expected<'a> =
        (&'a str, Vec<(ChangeKind, Option<&'a str>, Option<&'a str>)>, Vec<(&'a str, &'a str, Vec<&'a str>)>);
    let cases: Vec<Expected> = vec![
        (
            "dropped-character",
            vec![(Modified, Some("preamble.12"), Some("preamble.12"))],
            vec![("preamble.11", "modified", vec!["preamble.12"])],
        ),
        (
            "article-inserted",
            vec![(Added, None, Some("art.24")), (Renumbered, Some("art.24"), Some("art.25"))],
            vec![("art.23.4", "insert_after", vec!["art.24"]), ("art.24", "renumbered", vec!["art.25"])],
        ),
        (
            "article-deleted",
            vec![(Removed, Some("art.10"), None), (Renumbered, Some("art.11"), Some("art.10"))],
            vec![
                ("art.10", "removed", vec!["art.10"]),
                ("art.10.1", "removed", vec!["art.10.1"]),
                ("art.11", "renumbered", vec!["art.10"]),
            ],
        ),
        (
            "paragraph-added",
            vec![(Added, None, Some("art.19.4"))],
            vec![("art.19.3", "insert_after", vec!["art.19.4"])],
        ),
        (
            "date-changed",
            vec![(Modified, Some("preamble.3"), Some("preamble.3"))],
            vec![("preamble.3", "modified", vec!["preamble.3"])],
        ),
        (
            "paragraphs-swapped",
            vec![(Moved, Some("art.8.3"), Some("art.8.2")), (Moved, Some("art.8.2"), Some("art.8.3"))],
            vec![("art.8.2", "moved", vec!["art.8.3"]), ("art.8.3", "moved", vec!["art.8.2"])],
        ),
        (
            "paragraph-split",
            vec![(Modified, Some("art.23.4"), Some("art.23.4")), (Added, None, Some("art.23.5"))],
            vec![("art.23.4", "insert_after", vec!["art.23.5"]), ("art.23.4", "modified", vec!["art.23.4"])],
        ),
        ("gb18030-page-break-moved", vec![], vec![]),
    ];
    for (name, changes, review) in cases {
        let new = load(&revision(name), name);
        let rev = diff(&old, &new, DiffOptions::default());
        assert_eq!(summary(&rev), changes, "{name}");
        let list = impact(&rev, &ru);
        assert_eq!(impacts(&list), review, "{name}");
    }
}

#[test]
fn inline_changes_are_as_small_as_they_are() {
    let old = doc(ZH);
    let new = load(&revision("dropped-character"), "new");
    let rev = diff(&old, &new, DiffOptions::default());
    let ops: Vec<(&str, &str)> = rev.changes[0].inline.iter().map(|o| (o.op, o.text.as_str())).collect();
    assert_eq!(
        ops,
        [("equal", "决心巩固本组织成员国的友好关系，使成员国"), ("insert", "人"), ("equal", "民的友谊世代相传，")]
    );
    let new = load(&revision("date-changed"), "new");
    let rev = diff(&old, &new, DiffOptions::default());
    let changed: Vec<(&str, &str)> =
        rev.changes[0].inline.iter().filter(|o| o.op != "equal").map(|o| (o.op, o.text.as_str())).collect();
    assert_eq!(changed, [("delete", "7"), ("insert", "8")]);
}

#[test]
fn russian_revision_words_changed_inside_a_long_paragraph() {
    let old = doc(RU);
    let text = replace_once(
        &read(RU),
        "усиливают взаимодействие в розыске, задержании, выдаче",
        "усиливают сотрудничество в розыске, аресте, выдаче",
    );
    let new = load(text.as_bytes(), "new");
    let rev = diff(&old, &new, DiffOptions::default());
    assert_eq!(summary(&rev), [(ChangeKind::Modified, Some("art.8.2"), Some("art.8.2"))]);
    let changed: Vec<(&str, &str)> =
        rev.changes[0].inline.iter().filter(|o| o.op != "equal").map(|o| (o.op, o.text.as_str())).collect();
    assert_eq!(
        changed,
        [("delete", "взаимодействие"), ("insert", "сотрудничество"), ("delete", "задержании"), ("insert", "аресте")]
    );
    assert_eq!(impacts(&impact(&rev, &doc(ZH))), [("art.8.2", "modified", vec!["art.8.2"])]);
}

#[test]
fn whitespace_is_a_change_only_when_strict() {
    let old = doc(ZH);
    let new = load(replace_once(&read(ZH), "第 30 天", "第30天").as_bytes(), "new");
    assert!(diff(&old, &new, DiffOptions::default()).changes.is_empty());
    let strict = diff(&old, &new, DiffOptions { strict: true });
    assert_eq!(summary(&strict), [(ChangeKind::Modified, Some("art.23.4"), Some("art.23.4"))]);
}

#[test]
fn a_text_against_itself_has_no_change() {
    for f in [ZH, RU, "tests/fixtures/un-charter-1945.zh.txt", "tests/fixtures/un-charter-1945.ru.txt"] {
        let d = doc(f);
        let rev = diff(&d, &d, DiffOptions { strict: true });
        assert!(rev.changes.is_empty(), "{f}");
        assert_eq!(rev.unchanged, d.units.len());
    }
}

#[test]
fn reports_in_every_format() {
    let old = load(read(ZH).as_bytes(), ZH);
    let new = load(&revision("article-inserted"), "revised.zh.txt");
    let ru = load(read(RU).as_bytes(), RU);
    let rev = diff(&old, &new, DiffOptions::default());
    let list = impact(&rev, &ru);
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    insta::assert_snapshot!("diff_json", text(bitext::write::diff::json(&rev, Some(&list))));
    insta::assert_snapshot!("diff_text", text(bitext::write::diff::text(&rev, Some((RU, &list)), false)));
    insta::assert_snapshot!("diff_unified", text(bitext::write::diff::unified(&rev)));
    let html = text(bitext::write::diff::html(&rev, Some((RU, &list))));
    assert!(html.contains("<ins>") || html.contains("class=\"added\""));
    insta::assert_snapshot!("diff_html", html);
}

/// The unified output is a patch: applied to OLD's units, one per line, it gives NEW's.
#[test]
fn unified_output_applies_with_patch() {
    let dir = tempfile::tempdir().unwrap();
    for (old, new) in [
        (doc(ZH), load(&revision("article-inserted"), "new.zh.txt")),
        (doc(ZH), load(&revision("paragraphs-swapped"), "new.zh.txt")),
        (doc(RU), load(replace_once(&read(RU), "в течение 15 дней", "в течение 16 дней").as_bytes(), "new.ru.txt")),
    ] {
        let lines = |d: &bitext::Document| d.units.iter().map(|u| format!("{}\n", u.text)).collect::<String>();
        let target = dir.path().join("units.txt");
        std::fs::write(&target, lines(&old)).unwrap();
        let patch = bitext::write::diff::unified(&diff(&old, &new, DiffOptions::default()));
        let out = std::process::Command::new("patch")
            .arg("--quiet")
            .arg(&target)
            .stdin(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(&patch)?;
                child.wait_with_output()
            })
            .expect("patch(1) runs");
        assert!(out.status.success());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), lines(&new));
    }
}
