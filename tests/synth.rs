//! A generator of sentence-alignment test data from NTREX-128 (sentence-aligned
//! news, `tests/fixtures/ntrex/`): lines grouped into documents by their document
//! id, then damaged on one side or the other — neighbouring lines merged (2-1, 1-2),
//! lines dropped (1-0, 0-1), a line split in two (1-2, 2-1) — with the true
//! alignment kept as gold. The seed is fixed, so the data is the same on every run.

use std::fmt::Write;

/// A fixed-seed xorshift generator: enough randomness for test data, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() % 1_000_000) as f64 / 1_000_000.0 < p
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One generated document pair with its gold alignment.
pub struct SynthDoc {
    pub zh: Vec<String>,
    pub ru: Vec<String>,
    /// Gold rows: (zh line numbers, ru line numbers), 1-based.
    pub gold: Vec<(Vec<usize>, Vec<usize>)>,
}

impl SynthDoc {
    pub fn text(lines: &[String]) -> String {
        let mut s = lines.join("\n");
        s.push('\n');
        s
    }

    /// The gold as TSV with `line.K` refs.
    pub fn gold_tsv(&self) -> String {
        let mut s = String::from("zh_ref\tru_ref\n");
        let refs = |v: &[usize]| v.iter().map(|k| format!("line.{k}")).collect::<Vec<_>>().join("+");
        for (a, b) in &self.gold {
            let _ = writeln!(s, "{}\t{}", refs(a), refs(b));
        }
        s
    }
}

/// Reads the NTREX fixture: (docid, zh, ru) per line.
pub fn ntrex() -> Vec<(String, String, String)> {
    let read = |f: &str| std::fs::read_to_string(crate::util::path(&format!("tests/fixtures/ntrex/{f}"))).unwrap();
    let zh = read("ntrex128-dev.zh.txt");
    let ru = read("ntrex128-dev.ru.txt");
    let ids = read("ntrex128-dev.docids.tsv");
    let lines = |s: &str| s.lines().map(|l| l.trim_end_matches('\r').to_string()).collect::<Vec<_>>();
    let (zh, ru, ids) = (lines(&zh), lines(&ru), lines(&ids));
    assert_eq!(zh.len(), ru.len());
    ids.into_iter().zip(zh).zip(ru).map(|((i, z), r)| (i.split('\t').next().unwrap_or("").to_string(), z, r)).collect()
}

/// Splits a line near its middle at a comma (or a space), if it has one.
fn split(line: &str, zh: bool) -> Option<(String, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mid = chars.len() / 2;
    let marks: &[char] = if zh { &['，', ','] } else { &[','] };
    let at = (0..chars.len())
        .filter(|&i| marks.contains(&chars[i]) && i > 3 && i + 4 < chars.len())
        .min_by_key(|&i| i.abs_diff(mid))?;
    let a: String = chars[..=at].iter().collect();
    let b: String = chars[at + 1..].iter().collect();
    Some((a.trim().to_string(), b.trim().to_string()))
}

/// Groups the corpus into documents and damages a share `rate` of the lines.
pub fn documents(rate: f64, seed: u64) -> Vec<SynthDoc> {
    let mut rng = Rng::new(seed);
    let rows = ntrex();
    let mut docs: Vec<Vec<(String, String)>> = Vec::new();
    let mut last = String::new();
    for (id, z, r) in rows {
        if id != last || docs.is_empty() {
            docs.push(Vec::new());
            last = id;
        }
        docs.last_mut().unwrap().push((z, r));
    }
    docs.into_iter()
        .map(|pairs| {
            let mut d = SynthDoc { zh: Vec::new(), ru: Vec::new(), gold: Vec::new() };
            let mut i = 0;
            while i < pairs.len() {
                let (z, r) = &pairs[i];
                let zhn = |d: &SynthDoc| d.zh.len() + 1;
                let run = |d: &SynthDoc| d.ru.len() + 1;
                if rng.chance(rate) {
                    let side_zh = rng.below(2) == 0;
                    match rng.below(3) {
                        // Merge with the next line on one side.
                        0 if i + 1 < pairs.len() => {
                            let (z2, r2) = &pairs[i + 1];
                            if side_zh {
                                let (a, b1, b2) = (zhn(&d), run(&d), run(&d) + 1);
                                d.zh.push(format!("{z}{z2}"));
                                d.ru.push(r.clone());
                                d.ru.push(r2.clone());
                                d.gold.push((vec![a], vec![b1, b2]));
                            } else {
                                let (a1, a2, b) = (zhn(&d), zhn(&d) + 1, run(&d));
                                d.zh.push(z.clone());
                                d.zh.push(z2.clone());
                                d.ru.push(format!("{r} {r2}"));
                                d.gold.push((vec![a1, a2], vec![b]));
                            }
                            i += 2;
                            continue;
                        }
                        // Drop the line on one side.
                        1 => {
                            if side_zh {
                                d.gold.push((vec![], vec![run(&d)]));
                                d.ru.push(r.clone());
                            } else {
                                d.gold.push((vec![zhn(&d)], vec![]));
                                d.zh.push(z.clone());
                            }
                            i += 1;
                            continue;
                        }
                        // Split the line in two on one side.
                        2 => {
                            let s = if side_zh { split(z, true) } else { split(r, false) };
                            if let Some((x, y)) = s {
                                if side_zh {
                                    let (a1, a2, b) = (zhn(&d), zhn(&d) + 1, run(&d));
                                    d.zh.push(x);
                                    d.zh.push(y);
                                    d.ru.push(r.clone());
                                    d.gold.push((vec![a1, a2], vec![b]));
                                } else {
                                    let (a, b1, b2) = (zhn(&d), run(&d), run(&d) + 1);
                                    d.zh.push(z.clone());
                                    d.ru.push(x);
                                    d.ru.push(y);
                                    d.gold.push((vec![a], vec![b1, b2]));
                                }
                                i += 1;
                                continue;
                            }
                        }
                        _ => {}
                    }
                }
                d.gold.push((vec![zhn(&d)], vec![run(&d)]));
                d.zh.push(z.clone());
                d.ru.push(r.clone());
                i += 1;
            }
            d
        })
        .collect()
}

/// What PDF extraction does to a Russian text, as `scripts/make-fixtures.py` does it:
/// lines wrapped at 68 columns with hyphenation after a vowel, a page number and a
/// running header at every page end, CRLF line ends.
pub fn damage(text: &str) -> String {
    const VOWELS: &str = "аеёиоуыэюяАЕЁИОУЫЭЮЯ";
    let hyphenate = |word: &str, room: usize| -> Option<(String, String)> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < 8 || room < 4 {
            return None;
        }
        let top = (room - 1).min(chars.len() - 3);
        (3..=top).rev().find_map(|cut| {
            let head: String = chars[..cut].iter().collect();
            (VOWELS.contains(chars[cut - 1]) && !VOWELS.contains(chars[cut]) && head.chars().all(char::is_alphabetic))
                .then(|| (format!("{head}-"), chars[cut..].iter().collect()))
        })
    };
    let wrap = |para: &str| -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in para.split(' ') {
            let (ll, wl) = (line.chars().count(), word.chars().count());
            if line.is_empty() {
                line = word.to_string();
            } else if ll + 1 + wl <= 68 {
                line.push(' ');
                line.push_str(word);
            } else if let Some((head, tail)) = hyphenate(word, 68usize.saturating_sub(ll + 1)) {
                lines.push(format!("{line} {head}"));
                line = tail;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    };
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        if block.starts_with("ДОГОВОР") {
            for para in block.split('\n') {
                out.extend(wrap(para));
            }
        } else {
            out.extend(wrap(block));
        }
        out.push(String::new());
    }
    let mut pages: Vec<Vec<String>> = vec![Vec::new()];
    let mut count = 0;
    for line in out {
        let blank = line.is_empty();
        pages.last_mut().unwrap().push(line);
        count += 1;
        if count >= 40 && !blank {
            pages.push(Vec::new());
            count = 0;
        }
    }
    let n_pages = pages.len();
    let mut result: Vec<String> = Vec::new();
    for (n, page) in pages.into_iter().enumerate() {
        if n > 0 {
            result.push("Договор о долгосрочном добрососедстве ШОС".into());
            result.push(String::new());
        }
        result.extend(page);
        if n + 1 < n_pages {
            result.push(String::new());
            result.push(format!("- {} -", n + 1));
            result.push(String::new());
        }
    }
    format!("{}\r\n", result.join("\r\n").trim_end())
}
