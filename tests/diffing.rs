//! `diff` on revisions made from the real texts, each with the report we expect, the
//! units of the other-language text to review, and the unified output applied by
//! `patch`.

use bitext::diff::{ChangeKind, DiffOptions, Impact, ImpactKind, InlineTag, Revision, diff, impact};
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
    rev.changes.iter().map(|c| (c.kind, c.old_ref(), c.new_ref())).collect()
}

fn impacts(list: &[Impact]) -> Vec<(&str, String, Vec<&str>)> {
    list.iter()
        .map(|i| (i.r#ref.as_str(), bitext::write::name(&i.kind), i.because.iter().map(String::as_str).collect()))
        .collect()
}

fn text(bytes: std::io::Result<Vec<u8>>) -> String {
    String::from_utf8(bytes.unwrap()).unwrap()
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
        let review: Vec<(&str, String, Vec<&str>)> =
            review.into_iter().map(|(r, k, b)| (r, k.to_string(), b)).collect();
        assert_eq!(impacts(&list), review, "{name}");
    }
}

#[test]
fn inline_changes_are_as_small_as_they_are() {
    let old = doc(ZH);
    let new = load(&revision("dropped-character"), "new");
    let rev = diff(&old, &new, DiffOptions::default());
    let ops: Vec<(InlineTag, &str)> = rev.changes[0].inline.iter().map(|o| (o.op, o.text.as_str())).collect();
    assert_eq!(
        ops,
        [
            (InlineTag::Equal, "决心巩固本组织成员国的友好关系，使成员国"),
            (InlineTag::Insert, "人"),
            (InlineTag::Equal, "民的友谊世代相传，")
        ]
    );
    let new = load(&revision("date-changed"), "new");
    let rev = diff(&old, &new, DiffOptions::default());
    let changed: Vec<(InlineTag, &str)> =
        rev.changes[0].inline.iter().filter(|o| o.op != InlineTag::Equal).map(|o| (o.op, o.text.as_str())).collect();
    assert_eq!(changed, [(InlineTag::Delete, "7"), (InlineTag::Insert, "8")]);
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
    let changed: Vec<(InlineTag, &str)> =
        rev.changes[0].inline.iter().filter(|o| o.op != InlineTag::Equal).map(|o| (o.op, o.text.as_str())).collect();
    use InlineTag::{Delete, Insert};
    assert_eq!(
        changed,
        [(Delete, "взаимодействие"), (Insert, "сотрудничество"), (Delete, "задержании"), (Insert, "аресте")]
    );
    assert_eq!(impacts(&impact(&rev, &doc(ZH))), [("art.8.2", "modified".to_string(), vec!["art.8.2"])]);
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
    use bitext::write::{diff::Review, to_vec};
    let review = Some(Review { other: &ru, impact: &list });
    let json = text(to_vec(|w| bitext::write::diff::json(w, &rev, Some(&list))));
    // The keys in the contract's order.
    let at = |k: &str| json.find(&format!("\n  \"{k}\"")).unwrap();
    assert!(
        at("old") < at("new")
            && at("new") < at("changes")
            && at("changes") < at("impact")
            && at("impact") < at("summary")
    );
    insta::assert_snapshot!("diff_json", json);
    insta::assert_snapshot!("diff_text", text(to_vec(|w| bitext::write::diff::text(w, &rev, review, false))));
    insta::assert_snapshot!("diff_unified", text(to_vec(|w| bitext::write::diff::unified(w, &rev))));
    let html = text(to_vec(|w| bitext::write::diff::html(w, &rev, review)));
    assert!(html.contains("<ins>") || html.contains("class=\"added\""));
    insta::assert_snapshot!("diff_html", html);
}

/// The unified output is a patch: applied to OLD's units as `parse --format units`
/// writes them, it gives NEW's.
#[test]
fn unified_output_applies_with_patch() {
    let dir = tempfile::tempdir().unwrap();
    for (old, new) in [
        (doc(ZH), load(&revision("article-inserted"), "new.zh.txt")),
        (doc(ZH), load(&revision("paragraphs-swapped"), "new.zh.txt")),
        (doc(RU), load(replace_once(&read(RU), "в течение 15 дней", "в течение 16 дней").as_bytes(), "new.ru.txt")),
    ] {
        let lines = |d: &bitext::Document| text(bitext::write::to_vec(|w| bitext::write::text::units(w, d)));
        let target = dir.path().join("units.txt");
        std::fs::write(&target, lines(&old)).unwrap();
        let rev = diff(&old, &new, DiffOptions::default());
        let patch = bitext::write::to_vec(|w| bitext::write::diff::unified(w, &rev)).unwrap();
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

/// A Chinese text of articles with numbered paragraphs, each paragraph's text its own.
fn articles(arts: &[(u32, &[&str])]) -> String {
    let mut s = String::from("测试条约\n\n");
    for (n, paras) in arts {
        s.push_str(&format!("第{}条\n\n", zh_numeral(*n)));
        for (k, p) in paras.iter().enumerate() {
            s.push_str(&format!("{}、{p}\n\n", zh_numeral(k as u32 + 1)));
        }
    }
    s
}

/// Article 1 loses paragraphs 2 and 4 and its paragraph 3 moves into Article 2: the
/// removed paragraphs are named (both, and only them), and the moved one is moved.
#[test]
fn removed_paragraphs_around_a_moved_one_are_each_named() {
    let p = [
        "缔约各方发展长期睦邻友好关系。",
        "缔约各方相互尊重国家主权和领土完整。",
        "缔约各方加强边境地区军事领域信任。",
        "缔约各方不参加任何损害他方的联盟。",
    ];
    let q = ["缔约各方在国际组织中开展合作。"];
    let old = load(articles(&[(1, &p), (2, &q)]).as_bytes(), "old.zh.txt");
    let new = load(articles(&[(1, &[p[0]]), (2, &[q[0], p[2]])]).as_bytes(), "new.zh.txt");
    let rev = diff(&old, &new, DiffOptions::default());
    use ChangeKind::*;
    let removed: Vec<&[String]> =
        rev.changes.iter().filter(|c| c.kind == Removed).map(|c| c.old_refs.as_slice()).collect();
    assert_eq!(removed, [["art.1.2".to_string()], ["art.1.4".to_string()]], "{:?}", rev.changes);
    assert!(
        rev.changes.iter().any(|c| c.kind == Moved && c.old_ref() == Some("art.1.3") && c.new_ref() == Some("art.2.2"))
    );
    // The other text: the same articles in Russian.
    let r = [
        "Стороны развивают отношения.",
        "Стороны уважают суверенитет.",
        "Стороны укрепляют доверие.",
        "Стороны не участвуют в союзах.",
    ];
    let mut ru = String::from("ДОГОВОР\n\nСтатья 1\n\n");
    for (k, t) in r.iter().enumerate() {
        ru.push_str(&format!("{}. {t}\n\n", k + 1));
    }
    ru.push_str("Статья 2\n\n1. Стороны сотрудничают в международных организациях.\n\n");
    let ru = load(ru.as_bytes(), "ru.txt");
    let list = impact(&rev, &ru);
    let of = |kind: ImpactKind| list.iter().filter(|i| i.kind == kind).map(|i| i.r#ref.as_str()).collect::<Vec<_>>();
    assert_eq!(of(ImpactKind::Removed), ["art.1.2", "art.1.4"], "{list:?}");
    assert_eq!(of(ImpactKind::Moved), ["art.1.3"], "{list:?}");
    // JSON names every unit of a group, joined with `+` as everywhere.
    let json: serde_json::Value =
        serde_json::from_str(&text(bitext::write::to_vec(|w| bitext::write::diff::json(w, &rev, Some(&list)))))
            .unwrap();
    let removed_refs: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "removed")
        .map(|c| c["old_ref"].as_str().unwrap())
        .collect();
    assert_eq!(removed_refs, ["art.1.2", "art.1.4"]);
}

/// Paragraphs 1 and 3 of an article swapped, with their numbers: two moves, the
/// paragraph between them unchanged, and only the two swapped units to review.
#[test]
fn a_swap_of_two_paragraphs_is_two_moves() {
    let zh = read(ZH);
    let a = "一、缔约各方促进彼此间在文化、艺术、教育、科学、技术、卫生、旅游、体育及其他社会和人文领域的交流与合作。";
    let c = "三、缔约各方为学习和研究其他缔约方语言、文化积极提供便利条件。";
    let swapped = replace_once(&replace_once(&zh, a, "@A@"), c, &format!("三、{}", &a["一、".len()..]));
    let swapped = replace_once(&swapped, "@A@", &format!("一、{}", &c["三、".len()..]));
    let new = load(swapped.as_bytes(), "new.zh.txt");
    let old = doc(ZH);
    let rev = diff(&old, &new, DiffOptions::default());
    use ChangeKind::*;
    assert_eq!(
        summary(&rev),
        [(Moved, Some("art.19.3"), Some("art.19.1")), (Moved, Some("art.19.1"), Some("art.19.3"))]
    );
    let list = impact(&rev, &doc(RU));
    let review: Vec<(&str, String, Vec<&str>)> =
        vec![("art.19.1", "moved".into(), vec!["art.19.3"]), ("art.19.3", "moved".into(), vec!["art.19.1"])];
    assert_eq!(impacts(&list), review);
}

/// A whitespace-only revision is no change in every format, the unified one included;
/// with `--strict` it is a change in every format, and a doubled space (which the
/// loader folds) counts too.
#[test]
fn every_format_compares_whitespace_alike() {
    let old = doc(ZH);
    let unified = |rev: &Revision| text(bitext::write::to_vec(|w| bitext::write::diff::unified(w, rev)));
    let spaces = load(replace_once(&read(ZH), "第 30 天", "第30天").as_bytes(), "new");
    let rev = diff(&old, &spaces, DiffOptions::default());
    assert!(rev.changes.is_empty());
    assert_eq!(unified(&rev), "");
    let strict = diff(&old, &spaces, DiffOptions { strict: true });
    assert_eq!(summary(&strict), [(ChangeKind::Modified, Some("art.23.4"), Some("art.23.4"))]);
    assert!(
        unified(&strict).contains("@@ art.23.4\n") || unified(&strict).contains(" @@ art.23.4\n"),
        "{}",
        unified(&strict)
    );
    let doubled = load(replace_once(&read(RU), "в течение 15 дней", "в течение  15 дней").as_bytes(), "new");
    let ru = doc(RU);
    assert!(diff(&ru, &doubled, DiffOptions::default()).changes.is_empty());
    let strict = diff(&ru, &doubled, DiffOptions { strict: true });
    assert_eq!(strict.changes.len(), 1, "{:?}", strict.changes);
    let shown = text(bitext::write::to_vec(|w| bitext::write::diff::text(w, &strict, None, false)));
    assert!(shown.contains(": 1 change: 1 modified\n") && shown.contains("(whitespace only)"), "{shown}");
    assert!(!unified(&strict).is_empty());
}

/// The review list quotes the other-language text of each unit to review.
#[test]
fn the_review_list_shows_the_other_text() {
    let old = doc(ZH);
    let new = load(&revision("date-changed"), "new");
    let ru = doc(RU);
    let rev = diff(&old, &new, DiffOptions::default());
    let list = impact(&rev, &ru);
    let review = Some(bitext::write::diff::Review { other: &ru, impact: &list });
    let shown = text(bitext::write::to_vec(|w| bitext::write::diff::text(w, &rev, review, false)));
    let quoted = bitext::text::shorten(&ru.unit("preamble.3").unwrap().text, 60);
    assert!(shown.contains(&format!("\n      ru: {quoted}\n")), "{shown}");
}
