//! Alignment on the real texts.

use bitext::align::{AlignOptions, Level, align, align_all};
use bitext::eval::{Links, read_links, score};
use bitext::load::{LoadOptions, Segments, load_bytes};

use crate::synth;
use crate::util::{doc, links_of, path};

/// Every unit of both texts appears exactly once, in document order.
fn assert_covers(alignment: &bitext::align::Alignment) {
    for side in 0..2 {
        let got: Vec<&str> =
            alignment.pairs.iter().flat_map(|p| p.sides[side].iter().map(|s| s.r#ref.as_str())).collect();
        let want: Vec<&str> = alignment.docs[side].units.iter().map(|u| u.r#ref.as_str()).collect();
        assert_eq!(got, want, "side {side}");
    }
}

#[test]
fn treaty_pairs_every_article_and_paragraph() {
    let zh = doc("texts/sco-treaty-2007.zh.txt");
    let ru = doc("texts/sco-treaty-2007.ru.txt");
    // Either order gives the same alignment, Chinese first.
    let a = align(&ru, &zh, &AlignOptions::default());
    let b = align(&zh, &ru, &AlignOptions::default());
    assert_eq!(a.pairs, b.pairs);
    assert_covers(&a);
    let odd: Vec<(String, String, String)> =
        a.pairs.iter().filter(|p| p.link() != "1-1").map(|p| (p.refs(0), p.refs(1), p.link())).collect();
    // The two Chinese recitals that the Russian renders as one are one 2-1 pair; all
    // other pairs are 1-1.
    assert_eq!(odd, [("preamble.5+preamble.6".to_string(), "preamble.5".to_string(), "2-1".to_string())]);
    for p in &a.pairs {
        let (z, r) = (p.refs(0), p.refs(1));
        if z.starts_with("art.") || z.starts_with("sig.") || z.starts_with("closing") || z == "title" {
            assert_eq!(z, r, "articles, paragraphs, closing and signatures pair with their counterparts");
        }
        assert!((0.0..=1.0).contains(&p.score));
    }
    // Pairs after the merged recitals keep their counterparts.
    assert!(a.pairs.iter().any(|p| p.refs(0) == "preamble.13" && p.refs(1) == "preamble.12"));
}

#[test]
fn treaty_sentence_level() {
    let zh = doc("texts/sco-treaty-2007.zh.txt");
    let ru = doc("texts/sco-treaty-2007.ru.txt");
    let a = align(&zh, &ru, &AlignOptions { level: Level::Sentence, ..Default::default() });
    // Article 23 paragraph 3 has two sentences on each side.
    let s: Vec<(String, String)> =
        a.pairs.iter().filter(|p| p.refs(0).starts_with("art.23.3.")).map(|p| (p.refs(0), p.refs(1))).collect();
    assert_eq!(s, [("art.23.3.s1".into(), "art.23.3.s1".into()), ("art.23.3.s2".into(), "art.23.3.s2".into())]);
    // Every sentence of a unit is somewhere, once.
    let zh_sentences: usize =
        zh.units
            .iter()
            .map(|u| {
                if u.kind == bitext::UnitKind::Heading { 1 } else { bitext::segment::sentences(zh.lang, &u.text).len() }
            })
            .sum();
    assert_eq!(a.pairs.iter().map(|p| p.sides[0].len()).sum::<usize>(), zh_sentences);
}

#[test]
fn un_charter_all_articles_paired_and_gold_chapters() {
    let zh = doc("tests/fixtures/un-charter-1945.zh.txt");
    let ru = doc("tests/fixtures/un-charter-1945.ru.txt");
    let a = align(&zh, &ru, &AlignOptions::default());
    assert_covers(&a);
    for n in 1..=111 {
        let r = format!("art.{n}");
        assert!(a.pairs.iter().any(|p| p.refs(0) == r && p.refs(1) == r), "{r} not paired");
    }
    let gold = read_links(
        &std::fs::read(path("tests/fixtures/gold/un-charter-1945.ch1-5-7.tsv")).unwrap(),
        std::path::Path::new("gold"),
    )
    .unwrap();
    let s = score(&gold, &links_of(&a));
    // The README's figures, to the three decimals it prints.
    assert!(s.f1 >= 0.9995 && s.exact >= 0.9995, "README: F1 1.000, exact 1.000; measured {s:?}");
}

/// How far a measured figure may be from the one the README prints: half a unit of
/// its last decimal, and as much again for rounding on another platform.
const README_TOLERANCE: f64 = 0.001;

/// The NTREX documents with a share `rate` of lines damaged, each aligned alone:
/// the scores against the gold, how many gold rows are not 1-1, and the confidence
/// of the pairs that are right and of those that are wrong.
fn synth_f1(rate: f64) -> (bitext::eval::Scores, usize, Confidences) {
    synth_f1_of(rate, 20_261_129, false)
}

/// [`synth_f1`] of the documents the generator makes with `seed`; with `shared`, all
/// aligned together with one lexicon ([`align_all`]), each still a pair of its own.
fn synth_f1_of(rate: f64, seed: u64, shared: bool) -> (bitext::eval::Scores, usize, Confidences) {
    let options = LoadOptions { segments: Segments::Lines, ..Default::default() };
    let docs = synth::documents(rate, seed);
    let loaded: Vec<_> = docs
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let zh = load_bytes(synth::SynthDoc::text(&d.zh).as_bytes(), format!("d{k}.zh"), &options).unwrap();
            let ru = load_bytes(synth::SynthDoc::text(&d.ru).as_bytes(), format!("d{k}.ru"), &options).unwrap();
            (zh, ru)
        })
        .collect();
    let alignments = if shared {
        align_all(&loaded.iter().map(|(zh, ru)| (zh, ru)).collect::<Vec<_>>(), &AlignOptions::default())
    } else {
        loaded.iter().map(|(zh, ru)| align(zh, ru, &AlignOptions::default())).collect()
    };
    let (mut gold, mut pred) = (Links::default(), Links::default());
    let mut touched = 0;
    let mut scores = Confidences::default();
    for (k, (d, a)) in docs.iter().zip(&alignments).enumerate() {
        assert_covers(a);
        // Prefix refs with the document so that links of all documents can be pooled.
        let g = read_links(d.gold_tsv().as_bytes(), std::path::Path::new("gold")).unwrap();
        touched += g.rows.iter().filter(|r| r[0].len() != 1 || r[1].len() != 1).count();
        scores.add(a, &g);
        let tag = |rows: Vec<[Vec<String>; 2]>| {
            rows.into_iter()
                .map(|[x, y]| {
                    [
                        x.into_iter().map(|r| format!("{k}:{r}")).collect(),
                        y.into_iter().map(|r| format!("{k}:{r}")).collect(),
                    ]
                })
                .collect::<Vec<_>>()
        };
        gold.rows.extend(tag(g.rows));
        pred.rows.extend(tag(links_of(a).rows));
    }
    gold.columns = ["zh_ref".into(), "ru_ref".into()];
    pred.columns = gold.columns.clone();
    (score(&gold, &pred), touched, scores)
}

/// The confidence of the pairs (both sides non-empty) of alignments, split by whether
/// the gold has the pair.
#[derive(Default)]
struct Confidences {
    right: Vec<f64>,
    wrong: Vec<f64>,
}

impl Confidences {
    fn add(&mut self, a: &bitext::align::Alignment, gold: &Links) {
        let gold = gold.groups();
        for p in a.pairs.iter().filter(|p| !p.sides[0].is_empty() && !p.sides[1].is_empty()) {
            let group = (
                p.sides[0].iter().map(|s| s.r#ref.to_string()).collect(),
                p.sides[1].iter().map(|s| s.r#ref.to_string()).collect(),
            );
            if gold.contains(&group) { self.right.push(p.score) } else { self.wrong.push(p.score) }
        }
    }

    fn mean(v: &[f64]) -> f64 {
        v.iter().sum::<f64>() / v.len() as f64
    }

    /// The share of `v` below 0.5, where a reviewer looks.
    fn below(v: &[f64]) -> f64 {
        v.iter().filter(|&&s| s < 0.5).count() as f64 / v.len() as f64
    }

    /// The area under the ROC curve: the chance that a right pair scores higher than
    /// a wrong one (ties count half).
    fn auc(&self) -> f64 {
        let mut wrong = self.wrong.clone();
        wrong.sort_by(f64::total_cmp);
        let mut sum = 0.0;
        for &r in &self.right {
            let below = wrong.partition_point(|&w| w < r);
            let equal = wrong[below..].partition_point(|&w| w <= r);
            sum += below as f64 + equal as f64 / 2.0;
        }
        sum / (self.right.len() * self.wrong.len()) as f64
    }
}

#[test]
fn sentence_alignment_of_ntrex_documents() {
    let near = |x: f64, readme: f64| (x - readme).abs() <= README_TOLERANCE;
    let (clean, touched, _) = synth_f1(0.0);
    assert_eq!(touched, 0);
    eprintln!("clean: {clean:?}");
    assert!(near(clean.f1, 0.996) && near(clean.exact, 0.993), "README: 0.996 / 0.993; measured {clean:?}");
    let (damaged, touched, _) = synth_f1(0.1);
    eprintln!("one in ten: {damaged:?}");
    assert!(touched >= 60, "the generator touched only {touched} lines");
    assert!(near(damaged.f1, 0.990) && near(damaged.exact, 0.985), "README: 0.990 / 0.985; measured {damaged:?}");
    let (damaged, touched, _) = synth_f1(0.2);
    eprintln!("one in five: {damaged:?}");
    assert!(touched >= 120, "the generator touched only {touched} lines");
    assert!(near(damaged.f1, 0.973) && near(damaged.exact, 0.959), "README: 0.973 / 0.959; measured {damaged:?}");
}

/// Drops Article `n` from a text and, if `renumber`, numbers the later ones down.
fn without_article(text: &str, n: u32, renumber: bool) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        if let Some(num) = line.trim().strip_prefix("Статья ").and_then(|x| x.parse::<u32>().ok()) {
            skipping = num == n;
            if !skipping && renumber && num > n {
                out.push_str(&format!("Статья {}\n", num - 1));
                continue;
            }
        }
        if line.starts_with("Совершено") {
            skipping = false;
        }
        if !skipping {
            out.push_str(line);
        }
    }
    out
}

#[test]
fn a_missing_or_renumbered_article_does_not_shift_the_rest() {
    let zh = doc("texts/sco-treaty-2007.zh.txt");
    let ru_text = std::fs::read_to_string(path("texts/sco-treaty-2007.ru.txt")).unwrap();
    for renumber in [false, true] {
        let ru = load_bytes(without_article(&ru_text, 10, renumber).as_bytes(), "ru", &LoadOptions::default()).unwrap();
        let a = align(&zh, &ru, &AlignOptions::default());
        assert_covers(&a);
        let unpaired: Vec<(String, String)> = a
            .pairs
            .iter()
            .filter(|p| p.sides[0].is_empty() || p.sides[1].is_empty())
            .map(|p| (p.refs(0), p.refs(1)))
            .collect();
        assert_eq!(
            unpaired,
            [("art.10".to_string(), String::new()), ("art.10.1".to_string(), String::new())],
            "renumber: {renumber}"
        );
        // Article 11 of the Chinese pairs with the Russian text of Article 11, whatever its number.
        let p = a.pairs.iter().find(|p| p.refs(0) == "art.11.2").unwrap();
        assert!(p.text(1).contains("проживающих на их территории"), "renumber {renumber}: {}", p.text(1));
    }
}

#[test]
fn ntrex_documents_through_the_command_line() {
    // All documents in one pair of files, aligned and scored by the commands a user runs.
    let dir = tempfile::tempdir().unwrap();
    for (rate, floor) in [(0.0, 0.99), (0.1, 0.975), (0.2, 0.955)] {
        let docs = synth::documents(rate, 20_261_129);
        let (zh, ru, gold) = one_text(&docs);
        let (zp, rp, gp, ap) =
            (dir.path().join("n.zh"), dir.path().join("n.ru"), dir.path().join("gold.tsv"), dir.path().join("a.csv"));
        std::fs::write(&zp, synth::SynthDoc::text(&zh)).unwrap();
        std::fs::write(&rp, synth::SynthDoc::text(&ru)).unwrap();
        std::fs::write(&gp, gold).unwrap();
        let bin = env!("CARGO_BIN_EXE_bitext");
        let st = std::process::Command::new(bin)
            .args(["align", "--segments", "lines"])
            .arg(&zp)
            .arg(&rp)
            .arg("-o")
            .arg(&ap)
            .status()
            .unwrap();
        assert!(st.success());
        let out =
            std::process::Command::new(bin).args(["eval", "--format", "json"]).arg(&gp).arg(&ap).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let f1 = v["f1"].as_f64().unwrap();
        eprintln!("ntrex rate {rate}: {v}");
        assert!(f1 >= floor, "rate {rate}: {v}");
    }
}

/// The confidence means something: on generated documents with one line in ten or
/// in five touched, pairs that are wrong score clearly lower than pairs that are
/// right, and fall below 0.5, where a reviewer looks, several times as often.
#[test]
fn low_scores_mark_the_pairs_to_review() {
    // (rate, README: AUC, mean wrong, mean right, share of wrong below 0.5, of right)
    let readme = [(0.1, [0.833, 0.56, 0.76, 0.33, 0.07]), (0.2, [0.800, 0.52, 0.71, 0.36, 0.10])];
    for (rate, [auc, mean_wrong, mean_right, below_wrong, below_right]) in readme {
        let (_, _, c) = synth_f1(rate);
        let (mean, below) = (Confidences::mean, Confidences::below);
        let measured = [c.auc(), mean(&c.wrong), mean(&c.right), below(&c.wrong), below(&c.right)];
        eprintln!(
            "rate {rate}: {} right, {} wrong; AUC, means, below 0.5: {measured:.3?}",
            c.right.len(),
            c.wrong.len()
        );
        assert!(c.wrong.len() >= 10);
        assert!(c.auc() > 0.75, "rate {rate}: AUC {}", c.auc());
        assert!(mean(&c.wrong) + 0.1 < mean(&c.right));
        assert!(below(&c.wrong) > 3.0 * below(&c.right));
        // The README's figures: the AUC to three decimals, the rest to two (whole
        // percents).
        assert!((c.auc() - auc).abs() <= README_TOLERANCE, "README: AUC {auc} at rate {rate}");
        let near = |x: f64, readme: f64| (x - readme).abs() <= 0.005 + README_TOLERANCE;
        assert!(near(mean(&c.wrong), mean_wrong) && near(mean(&c.right), mean_right), "README: means at rate {rate}");
        assert!(
            near(below(&c.wrong), below_wrong) && near(below(&c.right), below_right),
            "README: below 0.5 at rate {rate}"
        );
    }
}

/// Generated documents one after another in one pair of texts: the lines of each
/// side, and the gold as TSV with `line.N` refs.
fn one_text(docs: &[synth::SynthDoc]) -> (Vec<String>, Vec<String>, String) {
    let (mut zh, mut ru, mut gold) = (Vec::new(), Vec::new(), String::from("zh_ref\tru_ref\n"));
    for d in docs {
        let (oz, or) = (zh.len(), ru.len());
        let refs =
            |v: &[usize], off: usize| v.iter().map(|k| format!("line.{}", k + off)).collect::<Vec<_>>().join("+");
        for (a, b) in &d.gold {
            gold.push_str(&format!("{}\t{}\n", refs(a, oz), refs(b, or)));
        }
        zh.extend(d.zh.iter().cloned());
        ru.extend(d.ru.iter().cloned());
    }
    (zh, ru, gold)
}

/// The NTREX documents all in one pair of texts: the scores against the gold.
fn synth_whole(rate: f64, seed: u64) -> bitext::eval::Scores {
    let options = LoadOptions { segments: Segments::Lines, ..Default::default() };
    let docs = synth::documents(rate, seed);
    let (zh, ru, gold) = one_text(&docs);
    let z = load_bytes(synth::SynthDoc::text(&zh).as_bytes(), "n.zh", &options).unwrap();
    let r = load_bytes(synth::SynthDoc::text(&ru).as_bytes(), "n.ru", &options).unwrap();
    let a = align(&z, &r, &AlignOptions::default());
    score(&read_links(gold.as_bytes(), std::path::Path::new("gold")).unwrap(), &links_of(&a))
}

/// Not tuned to one seed: the generator's documents with two more seeds, each
/// document alone, all aligned together with one lexicon, and all in one pair of
/// texts, as the README reports them.
#[test]
fn ntrex_documents_of_other_seeds() {
    let near = |x: f64, readme: f64| (x - readme).abs() <= README_TOLERANCE;
    // (seed, rate, README: F1 and exact each alone, with a shared lexicon, as one text)
    let readme = [
        (20_261_129, 0.1, [0.990, 0.985, 0.992, 0.988, 0.992, 0.988]),
        (20_261_129, 0.2, [0.973, 0.959, 0.977, 0.966, 0.973, 0.961]),
        (7, 0.1, [0.983, 0.971, 0.985, 0.977, 0.982, 0.970]),
        (7, 0.2, [0.974, 0.963, 0.980, 0.973, 0.971, 0.956]),
        (99, 0.1, [0.984, 0.974, 0.987, 0.980, 0.988, 0.982]),
        (99, 0.2, [0.966, 0.947, 0.973, 0.956, 0.979, 0.965]),
    ];
    for (seed, rate, [f1, exact, shared_f1, shared_exact, whole_f1, whole_exact]) in readme {
        let (alone, _, _) = synth_f1_of(rate, seed, false);
        let (shared, _, _) = synth_f1_of(rate, seed, true);
        let whole = synth_whole(rate, seed);
        eprintln!("seed {seed}, rate {rate}: alone {alone:?}; shared {shared:?}; one text {whole:?}");
        assert!(near(alone.f1, f1) && near(alone.exact, exact), "README: seed {seed}, rate {rate}, alone");
        assert!(
            near(shared.f1, shared_f1) && near(shared.exact, shared_exact),
            "README: seed {seed}, rate {rate}, shared lexicon"
        );
        assert!(
            near(whole.f1, whole_f1) && near(whole.exact, whole_exact),
            "README: seed {seed}, rate {rate}, one text"
        );
    }
}

/// `align_all` of one pair is `align`; of many, the same on one thread or two.
#[test]
fn aligning_together_is_deterministic() {
    let zh = doc("texts/sco-treaty-2007.zh.txt");
    let ru = doc("texts/sco-treaty-2007.ru.txt");
    let alone = align(&ru, &zh, &AlignOptions::default());
    let together = align_all(&[(&ru, &zh)], &AlignOptions::default());
    assert_eq!(together.len(), 1);
    assert_eq!(together[0].pairs, alone.pairs);
    let options = LoadOptions { segments: Segments::Lines, ..Default::default() };
    let docs = synth::documents(0.2, 7);
    let loaded: Vec<_> = docs
        .iter()
        .map(|d| {
            let zh = load_bytes(synth::SynthDoc::text(&d.zh).as_bytes(), "zh", &options).unwrap();
            let ru = load_bytes(synth::SynthDoc::text(&d.ru).as_bytes(), "ru", &options).unwrap();
            (zh, ru)
        })
        .collect();
    let pairs: Vec<_> = loaded.iter().map(|(zh, ru)| (zh, ru)).collect();
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| align_all(&pairs, &AlignOptions::default()).into_iter().map(|a| a.pairs).collect::<Vec<_>>())
    };
    assert_eq!(on(1), on(2));
}
