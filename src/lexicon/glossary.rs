//! Glossaries: terms that must correspond across the languages.
//!
//! One is shipped (`data/glossary.tsv`: terms of treaty and UN language and names of
//! international organisations, each with its source); the user may give another with
//! `--glossary`, as TSV with a header naming the language columns (`zh<TAB>ru`, in
//! either order, further columns ignored, `#` comment lines) or as TBX (ISO 30042,
//! 2008 `martif` or 2019 `tbx`: `termEntry`/`conceptEntry` → `langSet`/`langSec` →
//! `tig`/`ntig`/`termSec` → `term`).
//!
//! An entry is a concept: one or more forms in each language. Chinese forms are found
//! as strings, longest first, after traditional characters are read as simplified
//! (`data/zh-hant.tsv`); Russian forms as sequences of Snowball stems, so that every
//! case and number matches (`ратификационной грамоты` is `ратификационная грамота`).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

use crate::error::{Error, ErrorKind, Result};
use crate::lang::{Lang, chars, ru};

const SHIPPED: &str = include_str!("data/glossary.tsv");
const EVERYDAY: &str = include_str!("data/words.tsv");
const HANT: &str = include_str!("data/zh-hant.tsv");

/// The largest glossary file read, in bytes (64 MiB): a term base of a million
/// entries fits well within it.
pub const MAX_GLOSSARY_BYTES: u64 = 64 * 1024 * 1024;

/// One concept: its forms in each language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Chinese forms (simplified or traditional).
    pub zh: Vec<String>,
    /// Russian forms, in any case.
    pub ru: Vec<String>,
    /// Where the pair comes from (the file and line of a user's glossary).
    pub source: String,
    /// Whether a missing counterpart is a `term_mismatch` (true), or the entry is only
    /// evidence for omissions and negations (false: a word that authentic texts often
    /// render in other words).
    pub checked: bool,
    /// Whether the entry is the crate's own (`glossary.tsv`), not the user's: its
    /// terms were verified on a few texts only, and another text may render them in
    /// other words (a bilateral agreement's `Стороны` for `缔约一方`), so a missing
    /// counterpart is a note, not a warning.
    pub shipped: bool,
}

impl Entry {
    /// The forms of one language.
    pub fn forms(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Zh => &self.zh,
            Lang::Ru => &self.ru,
        }
    }
}

/// A term found in a text: the entries it belongs to and its byte span.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The entries (indices into [`Glossary::entries`]) with this form, sorted.
    pub entries: Vec<u32>,
    /// Whether the form is only accepted as a counterpart (written `~form`): it
    /// satisfies the other text's term but is never reported as missing its own.
    pub weak: bool,
}

/// A form's key: Chinese as simplified, Russian as stems; whether it is weak (`~`).
fn weak_form(f: &str) -> (&str, bool) {
    match f.trim().strip_prefix('~') {
        Some(rest) => (rest.trim(), true),
        None => (f.trim(), false),
    }
}

/// The first four characters of a stem: Russian forms are indexed by them.
fn head(stem: &str) -> String {
    head_of(stem).to_string()
}

/// [`head`] as a slice of the stem.
fn head_of(stem: &str) -> &str {
    stem.char_indices().nth(4).map_or(stem, |(at, _)| &stem[..at])
}

/// Whether a text word's stem and a form word's stem are one word: equal, or one a
/// prefix of the other by at most two letters — the form's of at least four letters,
/// the word's of at least six (Snowball stems `Устав` as `уста` and `Устава` as
/// `устав`, `Ассамблея` as `ассамбле` and `Ассамблеи` as `ассамбл`; `Статья`, `стат`,
/// is no `Статут`).
fn same_word(word: &str, form: &str) -> bool {
    // A prefix of a longer string ends where a character does, so its characters are
    // fewer: the letters are counted only for a prefix.
    if word.len() > form.len() && word.starts_with(form) {
        let (nw, nf) = (word.chars().count(), form.chars().count());
        nf >= 4 && nw - nf <= 2
    } else if form.len() > word.len() && form.starts_with(word) {
        let (nw, nf) = (word.chars().count(), form.chars().count());
        nw >= 6 && nf - nw <= 2
    } else {
        word == form
    }
}

/// A Russian form: its stems, its entries, and whether it is weak.
type RuForm = (Vec<String>, (Vec<u32>, bool));

/// A glossary, ready to find its terms in either language.
#[derive(Debug, Clone)]
pub struct Glossary {
    entries: Vec<Entry>,
    zh: Option<AhoCorasick>,
    /// The entries of each Chinese form, and whether the form is weak.
    zh_entries: Vec<(Vec<u32>, bool)>,
    /// Russian forms as stem sequences, by the head of their first stem, longest first.
    ru: FxHashMap<String, Vec<RuForm>>,
}

/// The entries of the shipped glossary (`data/glossary.tsv`), read once.
fn shipped_entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let read = entries_of_tsv(SHIPPED, "glossary.tsv").expect("the shipped glossary reads");
        read.into_iter().map(|e| Entry { shipped: true, ..e }).collect()
    })
}

/// The entries of the everyday words (`data/words.tsv`), read once.
fn everyday_entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| entries_of_tsv(EVERYDAY, "words.tsv").expect("the everyday words read"))
}

impl Glossary {
    /// A glossary of these entries.
    pub fn new(entries: Vec<Entry>) -> Glossary {
        let mut zh_forms: BTreeMap<String, (Vec<u32>, bool)> = BTreeMap::new();
        let mut ru_forms: BTreeMap<Vec<String>, (Vec<u32>, bool)> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            for f in &e.zh {
                let (f, weak) = weak_form(f);
                let f = simplified(f).into_owned();
                if !f.is_empty() {
                    let slot = zh_forms.entry(f).or_insert((Vec::new(), true));
                    slot.0.push(i as u32);
                    slot.1 &= weak;
                }
            }
            for f in &e.ru {
                let (f, weak) = weak_form(f);
                // An acronym (ООН, ИМО) is itself, not a stem: ИМО is not ими.
                let mut stems: Vec<String> = stems(f)
                    .into_iter()
                    .map(|w| if is_acronym(&f[w.0..w.1]) { format!("={}", &f[w.0..w.1]) } else { w.2 })
                    .collect();
                // A word of the shipped glossary written with a capital is the name it
                // is only so written (`Сторона`, `Устав`, `Организация`): `третьей
                // стороне` is a third party, not a Party.
                if e.shipped && stems.len() == 1 && !stems[0].starts_with('=') && f.starts_with(char::is_uppercase) {
                    stems[0].insert(0, '^');
                }
                if !stems.is_empty() {
                    let slot = ru_forms.entry(stems).or_insert((Vec::new(), true));
                    slot.0.push(i as u32);
                    slot.1 &= weak;
                }
            }
        }
        let zh = (!zh_forms.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(zh_forms.keys())
                .expect("glossary forms build an automaton")
        });
        let mut ru: FxHashMap<String, Vec<RuForm>> = FxHashMap::default();
        for (stems, ids) in ru_forms {
            ru.entry(head(stems[0].trim_start_matches('^'))).or_default().push((stems, ids));
        }
        for list in ru.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        }
        let zh_entries = zh_forms.into_values().map(|(mut v, weak)| {
            v.dedup();
            (v, weak)
        });
        Glossary { entries, zh, zh_entries: zh_entries.collect(), ru }
    }

    /// The glossary shipped with the crate.
    pub fn shipped() -> &'static Glossary {
        static SHIPPED_GLOSSARY: OnceLock<Glossary> = OnceLock::new();
        SHIPPED_GLOSSARY.get_or_init(|| Glossary::of_lists(&[shipped_entries()]))
    }

    /// How many entries the shipped glossary has: told without building it.
    pub(crate) fn shipped_len() -> usize {
        shipped_entries().len()
    }

    /// Everyday words of news and official texts (`data/words.tsv`): links for the
    /// aligner, never terms `check` holds a text to.
    pub fn everyday() -> &'static Glossary {
        static EVERYDAY_WORDS: OnceLock<Glossary> = OnceLock::new();
        EVERYDAY_WORDS.get_or_init(|| Glossary::of_lists(&[everyday_entries()]))
    }

    /// The shipped glossary with the everyday words after its entries: what the
    /// aligner links when the user gives no glossary, built once.
    pub fn shipped_and_everyday() -> &'static Glossary {
        Glossary::shipped_and_everyday_shared()
    }

    /// [`Glossary::shipped_and_everyday`], to be shared: every alignment holds it, and
    /// a copy of it each was a deep one, made and freed on one thread.
    pub(crate) fn shipped_and_everyday_shared() -> &'static Arc<Glossary> {
        static SHIPPED_AND_EVERYDAY: OnceLock<Arc<Glossary>> = OnceLock::new();
        // Made of the entries alone: the two glossaries apart are not built for it.
        SHIPPED_AND_EVERYDAY.get_or_init(|| Arc::new(Glossary::of_lists(&[shipped_entries(), everyday_entries()])))
    }

    /// This glossary with the everyday words ([`Glossary::everyday`]) after its
    /// entries: made of the entries alone, the everyday words' glossary not built.
    pub(crate) fn and_everyday(&self) -> Glossary {
        Glossary::of_lists(&[&self.entries, everyday_entries()])
    }

    /// This glossary with the entries of `other` after its own.
    pub fn and(&self, other: &Glossary) -> Glossary {
        Glossary::of_lists(&[&self.entries, &other.entries])
    }

    /// The shipped glossary with the entries of `user` added.
    pub fn shipped_and(user: &Glossary) -> Glossary {
        Glossary::of_lists(&[shipped_entries(), &user.entries])
    }

    /// A glossary of the entries of some lists, one list after the other: each
    /// glossary made of others is made of their entries, not of them built.
    fn of_lists(lists: &[&[Entry]]) -> Glossary {
        Glossary::new(lists.concat())
    }

    /// The entries, in the order read.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Reads a glossary file: TBX when it starts with `<`, TSV otherwise.
    pub fn read(path: &Path) -> Result<Glossary> {
        let bad = |why: String| Error::new(ErrorKind::Format(why), path);
        let meta = std::fs::metadata(path).map_err(|e| Error::new(ErrorKind::Io(e.to_string()), path))?;
        if meta.len() > MAX_GLOSSARY_BYTES {
            return Err(Error::new(
                ErrorKind::Limit(format!("a glossary may have at most {MAX_GLOSSARY_BYTES} bytes")),
                path,
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| Error::new(ErrorKind::Io(e.to_string()), path))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            bad("a glossary must be UTF-8".to_string()).at_line(line)
        })?;
        let name = path.display().to_string();
        let body = text.trim_start_matches('\u{feff}');
        let result = if body.trim_start().starts_with('<') {
            Glossary::from_tbx(body, &name)
        } else {
            Glossary::from_tsv(body, &name)
        };
        result.map_err(|(line, why)| {
            let e = bad(why);
            if line > 0 { e.at_line(line) } else { e }
        })
    }

    /// Reads TSV: a header naming the `zh` and `ru` columns (in either order; other
    /// columns are ignored, a `source` column is kept), then one entry per line,
    /// forms of one language separated by `|`. Lines starting with `#` and empty lines
    /// are skipped. On error: the 1-based line and why.
    pub fn from_tsv(text: &str, name: &str) -> std::result::Result<Glossary, (usize, String)> {
        entries_of_tsv(text, name).map(Glossary::new)
    }

    /// Reads TBX (2008 or 2019, any dialect): the terms of each concept entry by the
    /// language of their language section. A DOCTYPE or an entity declaration is
    /// refused (no external or expanding entities are ever read).
    pub fn from_tbx(text: &str, name: &str) -> std::result::Result<Glossary, (usize, String)> {
        use quick_xml::Reader;
        use quick_xml::events::Event;
        let line_at =
            |pos: u64| 1 + text.as_bytes()[..(pos as usize).min(text.len())].iter().filter(|&&b| b == b'\n').count();
        let mut reader = Reader::from_str(text);
        let mut tbx = TbxReader { name, ..TbxReader::default() };
        loop {
            let pos = reader.buffer_position();
            let event = reader
                .read_event()
                .map_err(|e| (line_at(reader.buffer_position()), format!("not well-formed TBX: {e}")))?;
            match event {
                Event::DocType(_) => {
                    return Err((line_at(pos), "a DOCTYPE is not read in a glossary: remove it".to_string()));
                }
                Event::Start(e) => tbx.start(&e, line_at(pos)),
                Event::Text(t) => tbx.text(&t.xml10_content()),
                Event::CData(t) => tbx.text(&t.xml10_content()),
                Event::GeneralRef(r) if tbx.term.is_some() => {
                    let c = crate::load::xml::reference(&r)
                        .ok_or_else(|| (line_at(pos), format!("unknown entity &{}; in a term", r.xml10_content())))?;
                    tbx.text(&c);
                }
                Event::End(e) => tbx.end(e.local_name().as_ref()),
                Event::Eof => break,
                _ => {}
            }
        }
        if tbx.roots == 0 {
            return Err((1, "not TBX: no <tbx> or <martif> root element".to_string()));
        }
        if tbx.entries.is_empty() {
            return Err((0, "the TBX file has no entry with both a zh and a ru term".to_string()));
        }
        Ok(Glossary::new(tbx.entries))
    }

    /// The glossary's terms in a text, in text order, longest first where they overlap.
    pub fn find(&self, lang: Lang, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        self.each_hit(lang, text, |start, end, entries, weak| {
            out.push(Hit { start, end, entries: entries.to_vec(), weak });
        });
        out
    }

    /// The entries of the terms [`Glossary::find`] finds in a text, each term's in
    /// turn, pushed to `out`: what the aligner counts, without a [`Hit`] made for each.
    pub fn entries_into(&self, lang: Lang, text: &str, out: &mut Vec<u32>) {
        self.each_hit(lang, text, |_, _, entries, _| out.extend_from_slice(entries));
    }

    /// Calls `f` with each term [`Glossary::find`] finds: its span, its entries and
    /// whether it is weak.
    fn each_hit(&self, lang: Lang, text: &str, mut f: impl FnMut(usize, usize, &[u32], bool)) {
        match lang {
            Lang::Zh => {
                let Some(ac) = &self.zh else { return };
                let simple = simplified(text);
                for m in ac.find_iter(simple.as_ref()) {
                    let (entries, weak) = &self.zh_entries[m.pattern().as_usize()];
                    f(m.start(), m.end(), entries, *weak);
                }
            }
            Lang::Ru => {
                thread_local! {
                    // A unit's stems and word spans, kept for the next unit read on this
                    // thread: the glossary reads every unit of a long text.
                    static SCRATCH: RefCell<(String, Vec<WordSpan>)> = RefCell::default();
                }
                SCRATCH.with_borrow_mut(|(spelled, words)| {
                    spelled.clear();
                    words.clear();
                    stem_spans_into(text, spelled, words);
                    self.find_ru(text, spelled, words, f)
                })
            }
        }
    }

    /// The Russian forms among `words`, the spans of `text`'s words with their stems in
    /// `spelled`, each given to `f`; a word in capitals (`ООН`) also matches a form `=ООН`.
    fn find_ru(&self, text: &str, spelled: &str, words: &[WordSpan], mut f: impl FnMut(usize, usize, &[u32], bool)) {
        let stem = |k: usize| &spelled[words[k].2.clone()];
        // Acronyms are rare: a word's capitals are read only where a form asks for them.
        let acronym = |k: usize| {
            let word = &text[words[k].0..words[k].1];
            is_acronym(word).then_some(word)
        };
        let matches = |k: usize, form: &str| {
            k < words.len()
                && match form.strip_prefix('^') {
                    Some(name) => same_word(stem(k), name) && text[words[k].0..].starts_with(char::is_uppercase),
                    None => {
                        same_word(stem(k), form) || form.strip_prefix('=').is_some_and(|caps| acronym(k) == Some(caps))
                    }
                }
        };
        let mut capitals = String::new();
        let mut i = 0;
        while i < words.len() {
            let caps_head = acronym(i).map(|w| {
                capitals.clear();
                capitals.push('=');
                capitals.push_str(w);
                head_of(&capitals)
            });
            let found = [Some(head_of(stem(i))), caps_head]
                .into_iter()
                .flatten()
                .filter_map(|h| self.ru.get(h))
                // A head's forms are sorted as the choice below ranks them (longest
                // first, then in order): the first that matches is the head's best.
                .filter_map(|forms| {
                    forms.iter().find(|(stems, _)| stems.iter().enumerate().all(|(k, s)| matches(i + k, s)))
                })
                .max_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| b.cmp(a)));
            match found {
                Some((stems, (ids, weak))) => {
                    let end = words[i + stems.len() - 1].1;
                    f(words[i].0, end, ids, *weak);
                    i += stems.len();
                }
                None => i += 1,
            }
        }
    }
}

/// The entries of a TSV glossary ([`Glossary::from_tsv`]), not yet made searchable.
fn entries_of_tsv(text: &str, name: &str) -> std::result::Result<Vec<Entry>, (usize, String)> {
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((h, header)) = lines.next() else { return Err((0, "the glossary has no header line".to_string())) };
    let cols: Vec<String> = header.split('\t').map(|c| c.trim().to_lowercase()).collect();
    let find = |want: &str| cols.iter().position(|c| c == want || c.split(['-', '_']).next() == Some(want));
    let (Some(zh), Some(ru)) = (find("zh"), find("ru")) else {
        return Err((h + 1, format!("the header must name a zh and a ru column, tab-separated (found {header:?})")));
    };
    let source = cols.iter().position(|c| c == "source");
    let check = cols.iter().position(|c| c == "check");
    let mut entries = Vec::new();
    for (i, line) in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let forms = |c: usize| -> Vec<String> {
            fields.get(c).map_or(Vec::new(), |f| {
                f.split('|').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
            })
        };
        let (zh_forms, ru_forms) = (forms(zh), forms(ru));
        if zh_forms.is_empty() || ru_forms.is_empty() {
            return Err((i + 1, "each line needs a zh and a ru term, tab-separated".to_string()));
        }
        let src = source.and_then(|c| fields.get(c)).map_or_else(|| format!("{name}:{}", i + 1), |s| s.to_string());
        let checked = check.and_then(|c| fields.get(c)).is_none_or(|v| v.trim() != "evidence");
        entries.push(Entry { zh: zh_forms, ru: ru_forms, source: src, checked, shipped: false });
    }
    if entries.is_empty() {
        return Err((h + 1, "the glossary has a header but no entries".to_string()));
    }
    Ok(entries)
}

/// A word's start and end in a text, and where its stem is in a string of stems.
type WordSpan = (usize, usize, Range<usize>);

/// Words of a Russian text with their byte spans and Snowball stems (lowercased, ё as е).
pub(crate) fn stems(text: &str) -> Vec<(usize, usize, String)> {
    let (mut spelled, mut words) = (String::new(), Vec::new());
    stem_spans_into(text, &mut spelled, &mut words);
    words.into_iter().map(|(s, e, stem)| (s, e, spelled[stem].to_string())).collect()
}

/// [`stems`], each stem as where it stands in `spelled`: one string for the stems of
/// all the words, as [`Glossary::find`] reads every unit of a text.
fn stem_spans_into(text: &str, spelled: &mut String, out: &mut Vec<WordSpan>) {
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (ru::is_letter_or_digit(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let from = spelled.len();
                ru::word_stem(&text[s..i], |t, _| spelled.push_str(t));
                out.push((s, i, from..spelled.len()));
                start = None;
            }
            _ => {}
        }
    }
}

/// Whether a word is written in capitals, as an acronym is (`ООН`, `ШОС`).
fn is_acronym(word: &str) -> bool {
    // Most words fail at their first letter: they are counted only if they pass.
    word.chars().all(|c| chars::is_uppercase(c) || c.is_ascii_digit()) && word.chars().count() >= 2
}

/// Traditional characters read as simplified, for the characters of the glossaries'
/// terms (`data/zh-hant.tsv`, made with OpenCC's tables). Every character it maps is
/// three bytes in UTF-8 on both sides, so byte offsets do not move; a text with none
/// of them is returned as it is.
pub fn simplified(text: &str) -> Cow<'_, str> {
    // The table's traditional characters, sorted, with their simplified ones; and a
    // bit for each character of the Basic Multilingual Plane from U+3400 (where they
    // all are) telling whether it is one: most Han characters are read with one bit,
    // where a map took a hash and a probe.
    const FIRST: u32 = 0x3400;
    type Table = (Vec<(char, char)>, Vec<u64>);
    static TABLE: OnceLock<Table> = OnceLock::new();
    let (pairs, bits) = TABLE.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = HANT
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut c = l.chars();
                let (t, tab, s) = (c.next()?, c.next()?, c.next()?);
                (tab == '\t' && t.len_utf8() == s.len_utf8() && (FIRST..0x1_0000).contains(&u32::from(t)))
                    .then_some((t, s))
            })
            .collect();
        // As a map of them would, the last line of a character is the one kept.
        pairs.reverse();
        pairs.sort_by_key(|p| p.0);
        pairs.dedup_by_key(|p| p.0);
        let mut bits = vec![0u64; ((0x1_0000 - FIRST) / 64) as usize];
        for &(t, _) in &pairs {
            let i = (u32::from(t) - FIRST) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        (pairs, bits)
    });
    let simple = |c: char| {
        let i = u32::from(c).wrapping_sub(FIRST) as usize;
        match bits.get(i / 64) {
            Some(b) if b & (1 << (i % 64)) != 0 => pairs.binary_search_by_key(&c, |p| p.0).map_or(c, |k| pairs[k].1),
            _ => c,
        }
    };
    if text.chars().all(|c| simple(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(simple).collect())
    }
}

/// What [`Glossary::from_tbx`] has read so far: TBX 2 (`martif`, `termEntry`,
/// `langSet`) and TBX 3 (`tbx`, `conceptEntry`, `langSec`), terms in `<term>`.
#[derive(Default)]
struct TbxReader<'a> {
    /// The file's name, for each entry's source.
    name: &'a str,
    entries: Vec<Entry>,
    /// The entry being read: its line and its terms per language (in `Lang::ALL` order).
    entry: Option<(usize, [Vec<String>; 2])>,
    /// The language of the `langSet` being read, if it is one of ours.
    lang: Option<usize>,
    /// The text of the `<term>` being read.
    term: Option<String>,
    roots: usize,
}

impl TbxReader<'_> {
    fn start(&mut self, e: &quick_xml::events::BytesStart<'_>, line: usize) {
        match e.local_name().as_ref() {
            "martif" | "tbx" => self.roots += 1,
            "termEntry" | "conceptEntry" => self.entry = Some((line, [Vec::new(), Vec::new()])),
            "langSet" | "langSec" => {
                let code = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == "xml:lang" || a.key.local_name().as_ref() == "lang")
                    .map(|a| a.value.to_lowercase());
                self.lang = code.and_then(|c| {
                    let primary = c.split(['-', '_']).next().unwrap_or("").to_string();
                    Lang::ALL.iter().position(|l| l.code() == primary)
                });
            }
            "term" => self.term = Some(String::new()),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(t) = self.term.as_mut() {
            t.push_str(text);
        }
    }

    fn end(&mut self, local: &str) {
        match local {
            "term" => {
                if let (Some(t), Some(l), Some((_, forms))) = (self.term.take(), self.lang, self.entry.as_mut()) {
                    let t = t.trim().to_string();
                    if !t.is_empty() {
                        forms[l].push(t);
                    }
                }
            }
            "langSet" | "langSec" => self.lang = None,
            "termEntry" | "conceptEntry" => {
                if let Some((line, [a, b])) = self.entry.take() {
                    let (zh, ru) = if Lang::ALL[0] == Lang::Zh { (a, b) } else { (b, a) };
                    if !zh.is_empty() && !ru.is_empty() {
                        let source = format!("{}:{line}", self.name);
                        self.entries.push(Entry { zh, ru, source, checked: true, shipped: false });
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_read_as_simplified_in_place() {
        let t = "《聯合國憲章》第一條：與會各國";
        let s = simplified(t);
        assert_eq!(s, "《联合国宪章》第一条：与会各国");
        assert!(matches!(s, Cow::Owned(_)));
        assert_eq!(s.len(), t.len(), "byte offsets do not move");
        // Every line of the table, and nothing else, is read as its simplified form.
        for l in HANT.lines().filter(|l| !l.starts_with('#')) {
            let (t, s) = l.split_once('\t').unwrap();
            assert_eq!(simplified(t), s.trim(), "{l}");
        }
        let simple = "联合国宪章 Статья 1 𠀀";
        assert!(matches!(simplified(simple), Cow::Borrowed(x) if x == simple));
    }

    fn entries_of(g: &Glossary, lang: Lang, text: &str) -> Vec<Vec<String>> {
        g.find(lang, text)
            .into_iter()
            .map(|h| h.entries.iter().map(|&i| g.entries()[i as usize].ru[0].clone()).collect())
            .collect()
    }

    #[test]
    fn the_glossaries_made_of_entries_are_those_made_of_glossaries() {
        let joined = Glossary::shipped().and(Glossary::everyday());
        assert!(joined.entries().len() > Glossary::shipped().entries().len());
        assert_eq!(Glossary::shipped_and_everyday().entries(), joined.entries());
        assert_eq!(Glossary::shipped().and_everyday().entries(), joined.entries());
        assert_eq!(Glossary::shipped_len(), Glossary::shipped().entries().len());
        let user = Glossary::from_tsv("zh\tru\n条约\tдоговор\n", "user.tsv").unwrap();
        assert_eq!(user.and_everyday().entries(), user.and(Glossary::everyday()).entries());
    }

    #[test]
    fn everyday_words_are_found_and_repeat_no_glossary_term() {
        let words = Glossary::everyday();
        assert!(words.entries().len() >= 300);
        let shipped: Vec<&String> = Glossary::shipped().entries().iter().flat_map(|e| &e.zh).collect();
        for e in words.entries() {
            assert!(e.zh.iter().all(|z| !shipped.contains(&z)), "{:?} is in the glossary", e.zh);
        }
        assert_eq!(
            entries_of(words, Lang::Ru, "Полиция задержала подозреваемого в среду"),
            [vec!["полиция".to_string()], vec!["арестован".to_string()], vec!["среда".to_string()]]
        );
        assert_eq!(entries_of(words, Lang::Zh, "警方周三逮捕了嫌疑人").len(), 3);
    }

    #[test]
    fn acronyms_are_found_in_capitals_only() {
        let g = Glossary::shipped();
        let first = |text: &str| entries_of(g, Lang::Ru, text).first().map(|e| e[0].clone());
        assert_eq!(first("согласно Уставу ООН и"), Some("Устав Организации Объединенных Наций".to_string()));
        assert_eq!(
            first("органы РАТС ШОС"),
            Some("Региональная антитеррористическая структура Шанхайской организации сотрудничества".to_string())
        );
        assert_eq!(first("страны СНГ"), Some("Содружество Независимых Государств".to_string()));
        assert_eq!(first("страны снг"), None);
    }

    #[test]
    fn finds_terms_in_every_case_and_in_traditional_characters() {
        let g = Glossary::from_tsv("ru\tzh\tnote\nратификационная грамота\t批准书\tx\nдепозитарий\t保存机关\t\n", "t")
            .unwrap();
        assert_eq!(entries_of(&g, Lang::Ru, "получения депозитарием последней ратификационной грамоты").len(), 2);
        assert_eq!(
            entries_of(&g, Lang::Zh, "自保存機關收到最後一份批准書之日起"),
            [["депозитарий"], ["ратификационная грамота"]]
        );
        assert!(g.find(Lang::Zh, "批准").is_empty());
    }

    #[test]
    fn bad_tsv_names_the_line() {
        assert_eq!(Glossary::from_tsv("zh\tfr\n", "t").unwrap_err().0, 1);
        assert_eq!(Glossary::from_tsv("# c\nzh\tru\n批准书\t\n", "t").unwrap_err().0, 3);
    }

    #[test]
    fn tbx_refuses_a_doctype() {
        let tbx = "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY x \"xx\">]>\n<martif type=\"TBX\"></martif>";
        let err = Glossary::from_tbx(tbx, "t").unwrap_err();
        assert_eq!(err.0, 2, "{err:?}");
    }
}
