//! The structure parser: from repaired lines to units with references.
//!
//! Two steps. `paragraphs` rebuilds paragraphs from lines, joining lines that a
//! page end or a hard wrap broke apart (each join is a reported repair). Then
//! [`parse`] walks the paragraphs with a small state machine — title, front matter,
//! preamble, parts and chapters, articles with their paragraphs and sub-items,
//! closing formula, signatures, annexes — and gives every unit its reference as
//! `INTERFACE.md` defines them.

use std::collections::BTreeMap;

use crate::lang::{HeadingLevel, HeadingMatch, LabelMatch, Lang, Profile};
use crate::load::clean::{Line, shorten};
use crate::model::{Repair, RepairKind, Unit, UnitInfo, UnitKind};

/// A paragraph rebuilt from one or more lines.
#[derive(Debug, Clone)]
struct Para {
    text: String,
    first: usize,
    last: usize,
    /// The length of its last line, in characters.
    last_len: usize,
    /// Whether lines were joined into it.
    joined: bool,
}

/// Parses repaired lines into units (`--segments structure`).
pub fn parse(lang: Lang, lines: &[Line], repairs: &mut Vec<Repair>) -> Vec<Unit> {
    let profile = lang.profile();
    let (title, rest) = split_title(profile, lines);
    let paras = paragraphs(profile, rest, repairs);
    let mut b = Builder::new(profile);
    if let Some(t) = title {
        b.push(
            "title".into(),
            UnitKind::Title,
            None,
            t.text,
            [t.first, t.last],
            UnitInfo { container: "title".into(), ..Default::default() },
        );
    }
    b.walk(&paras);
    b.units
}

/// One unit per non-empty line (`--segments lines`), for text already segmented.
pub fn parse_lines(lines: &[Line]) -> Vec<Unit> {
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .enumerate()
        .map(|(k, l)| Unit {
            r#ref: format!("line.{}", k + 1),
            kind: UnitKind::Line,
            label: None,
            text: l.text.clone(),
            lines: [l.first, l.last],
            info: UnitInfo { container: "lines".into(), ..Default::default() },
        })
        .collect()
}

/// Whether a line starts a unit of its own, so that nothing joins onto it.
fn starts_unit(profile: &Profile, text: &str) -> bool {
    (profile.heading)(text).is_some()
        || (profile.label)(text).is_some()
        || (profile.is_signature)(text)
        || (profile.is_closing)(text)
        || is_caps_line(profile, text)
}

/// A line in capitals (`И В ЭТИХ ЦЕЛЯХ`, `ГОЛОСОВАНИЕ`) stands alone in scripts with case.
fn is_caps_line(profile: &Profile, text: &str) -> bool {
    if !profile.has_case {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 3 && upper * 10 >= letters.len() * 8
}

/// The first block is the title when it looks like one: at most four short lines,
/// none ending in punctuation, none a heading or a label.
fn split_title<'a>(profile: &Profile, lines: &'a [Line]) -> (Option<Para>, &'a [Line]) {
    let start = lines.iter().position(|l| !l.is_blank()).unwrap_or(lines.len());
    let end = lines[start..].iter().position(|l| l.is_blank()).map_or(lines.len(), |i| start + i);
    let block = &lines[start..end];
    let total: usize = block.iter().map(|l| l.text.chars().count()).sum();
    let is_title = !block.is_empty()
        && block.len() <= 4
        && end < lines.len()
        && total <= 250
        && block.iter().all(|l| {
            l.text.chars().count() <= 120
                && !l.text.ends_with(profile.clause_enders)
                && (profile.heading)(&l.text).is_none()
                && (profile.label)(&l.text).is_none()
                && !(profile.is_signature)(&l.text)
                && (profile.ends_open)(&l.text)
        })
        && block.iter().skip(1).all(|l| !l.indented);
    if !is_title {
        return (None, lines);
    }
    let text = block.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(profile.line_joiner);
    (
        Some(Para { text, first: block[0].first, last: block[block.len() - 1].last, last_len: 0, joined: false }),
        &lines[end..],
    )
}

/// The width of a hard-wrapped text, if it is one: most lines that run on to the next
/// line are about as long as the longest of them.
fn wrap_width(profile: &Profile, lines: &[Line]) -> Option<usize> {
    let mut lengths: Vec<usize> = lines
        .windows(2)
        .filter(|w| !w[0].is_blank() && !w[1].is_blank() && !w[1].indented)
        .filter(|w| !starts_unit(profile, &w[1].text) && (profile.heading)(&w[0].text).is_none())
        .map(|w| w[0].physical[0])
        .collect();
    if lengths.len() < 3 {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 9 / 10];
    let near = lengths.iter().filter(|&&n| n * 4 >= width * 3).count();
    (width <= profile.max_wrap_width && near * 2 >= lengths.len()).then_some(width)
}

/// Why two lines were joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    Wrap,
    PageBreak,
}

/// Where two lines meet: directly, across blank lines, or across a page end whose
/// furniture was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Blank,
    Page,
}

/// Whether `next` continues the paragraph `prev`, whose last line was `prev_len` characters long.
fn join_kind(
    profile: &Profile,
    prev: &str,
    prev_len: usize,
    single: bool,
    next: &Line,
    gap: Gap,
    width: Option<usize>,
) -> Option<Join> {
    if starts_unit(profile, &next.text) || next.indented {
        return None;
    }
    // A heading, a signature or a line in capitals stands alone; once a paragraph has
    // two lines it is none of them, and looking at all of it for each line would make
    // a long paragraph cost the square of its length.
    if single {
        if is_caps_line(profile, prev) || (profile.is_signature)(prev) {
            return None;
        }
        if let Some(h) = (profile.heading)(prev)
            && !h.rest_is_body
        {
            return None;
        }
    }
    let last = prev.chars().last()?;
    let next_first = next.text.chars().next()?;
    let next_lower = next_first.is_lowercase() || next_first.is_ascii_digit();
    if gap == Gap::None {
        if let Some(w) = width
            && prev_len * 4 >= w * 3
        {
            return Some(Join::Wrap);
        }
        if profile.sentence_enders.contains(&last) {
            return None;
        }
        if !profile.has_case {
            return (!profile.clause_enders.contains(&last) || last == '，' || last == ',' || last == '、')
                .then_some(Join::Wrap);
        }
        if profile.clause_enders.contains(&last) && !matches!(last, ',') {
            return None;
        }
        let short = prev_len <= profile.max_wrap_width;
        return ((next_lower || short) && (profile.ends_open)(prev)).then_some(Join::Wrap);
    }
    if gap == Gap::Page {
        // A page ended here: a sentence runs on unless the line ended one.
        let ends = profile.sentence_enders.contains(&last) || matches!(last, ';' | ':' | '；' | '：');
        return (!ends && (!profile.has_case || next_lower)).then_some(Join::PageBreak);
    }
    if profile.clause_enders.contains(&last) || !(profile.ends_open)(prev) {
        return None;
    }
    if !profile.has_case || next_lower || last.is_lowercase() {
        return Some(Join::PageBreak);
    }
    None
}

/// Rebuilds paragraphs, joining broken lines.
fn paragraphs(profile: &Profile, lines: &[Line], repairs: &mut Vec<Repair>) -> Vec<Para> {
    let width = wrap_width(profile, lines);
    let mut paras: Vec<Para> = Vec::new();
    let mut gap = Gap::None;
    for line in lines {
        if line.is_blank() {
            gap = if line.page_break || gap == Gap::Page { Gap::Page } else { Gap::Blank };
            continue;
        }
        let joined = paras.last().and_then(|p| join_kind(profile, &p.text, p.last_len, !p.joined, line, gap, width));
        match (joined, paras.last_mut()) {
            (Some(kind), Some(p)) => {
                let why = match kind {
                    Join::Wrap => "hard-wrapped line",
                    Join::PageBreak => "paragraph broken at a page end",
                };
                repairs.push(Repair {
                    kind: RepairKind::Join,
                    line: line.first,
                    message: format!("joined line {} to line {} ({why}): …{}", line.first, p.last, shorten(&line.text)),
                });
                p.text.push_str(profile.line_joiner);
                p.text.push_str(&line.text);
                p.last = line.last;
                p.last_len = line.physical[1];
                p.joined = true;
            }
            _ => paras.push(Para {
                text: line.text.clone(),
                first: line.first,
                last: line.last,
                last_len: line.physical[1],
                joined: false,
            }),
        }
        gap = Gap::None;
    }
    paras
}

/// Where the walk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Front,
    Preamble,
    Body,
    Closing,
    Signatures,
}

struct Builder {
    profile: &'static Profile,
    units: Vec<Unit>,
    used: BTreeMap<String, usize>,
}

impl Builder {
    fn new(profile: &'static Profile) -> Self {
        Builder { profile, units: Vec::new(), used: BTreeMap::new() }
    }

    /// A reference not used yet: the first `art.11`, the next `art.11~2`.
    fn unique(&mut self, r: String) -> String {
        let n = self.used.entry(r.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { r } else { format!("{r}~{n}") }
    }

    fn push(
        &mut self,
        r: String,
        kind: UnitKind,
        label: Option<String>,
        text: String,
        lines: [usize; 2],
        info: UnitInfo,
    ) {
        self.units.push(Unit { r#ref: r, kind, label, text, lines, info });
    }

    fn walk(&mut self, paras: &[Para]) {
        let profile = self.profile;
        let headings: Vec<Option<HeadingMatch>> = paras.iter().map(|p| (profile.heading)(&p.text)).collect();
        let first_annex = headings
            .iter()
            .position(|h| h.as_ref().is_some_and(|h| h.level == HeadingLevel::Annex))
            .unwrap_or(paras.len());
        let last_article =
            headings[..first_annex].iter().rposition(|h| h.as_ref().is_some_and(|h| h.level == HeadingLevel::Article));
        let has_preamble_heading =
            headings.iter().any(|h| h.as_ref().is_some_and(|h| h.level == HeadingLevel::Preamble));

        let mut zone = if has_preamble_heading { Zone::Front } else { Zone::Preamble };
        let mut counters: BTreeMap<&'static str, usize> = BTreeMap::new();
        // The current container: its ref prefix (`art.8`, `annex.1`, `annex.1.art.2`).
        let mut container: Option<String> = None;
        let mut annex: Option<String> = None;
        let mut chapter: Option<String> = None;
        let mut para_style: Option<&'static str> = None;
        let mut para_k = 0usize;
        let mut item_m = 0usize;
        let mut sub_headings = 0usize;

        for (i, p) in paras.iter().enumerate() {
            let span = [p.first, p.last];
            if let Some(h) = &headings[i] {
                if h.level == HeadingLevel::Preamble {
                    zone = Zone::Preamble;
                    let r = self.unique("preamble".into());
                    self.push(
                        r,
                        UnitKind::Preamble,
                        Some(h.label.clone()),
                        p.text.clone(),
                        span,
                        UnitInfo { container: "preamble".into(), ..Default::default() },
                    );
                    continue;
                }
                if zone != Zone::Signatures || h.level == HeadingLevel::Annex {
                    zone = Zone::Body;
                    let (word, prefix) = match h.level {
                        HeadingLevel::Part => ("part", None),
                        HeadingLevel::Chapter => ("chapter", None),
                        HeadingLevel::Section => ("section", None),
                        HeadingLevel::Article => ("art", annex.clone()),
                        HeadingLevel::Annex => ("annex", None),
                        HeadingLevel::Preamble => unreachable!(),
                    };
                    let number = h.number.unwrap_or(1);
                    let base = match &prefix {
                        Some(a) => format!("{a}.{word}.{number}"),
                        None => format!("{word}.{number}"),
                    };
                    let r = self.unique(base);
                    let (text, body) =
                        if h.rest_is_body { (h.label.clone(), Some(h.rest.clone())) } else { (p.text.clone(), None) };
                    let info = UnitInfo { number: Some((word, number)), container: r.clone(), ordinal: None };
                    self.push(r.clone(), UnitKind::Heading, Some(h.label.clone()), text, span, info);
                    match h.level {
                        HeadingLevel::Annex => {
                            annex = Some(r.clone());
                            container = Some(r);
                            chapter = None;
                            sub_headings = 0;
                        }
                        HeadingLevel::Article => container = Some(r),
                        _ => {
                            chapter = Some(r);
                            container = None;
                            sub_headings = 0;
                        }
                    }
                    para_style = None;
                    para_k = 0;
                    item_m = 0;
                    if let Some(body) = body {
                        let c = container.clone().unwrap_or_default();
                        para_k += 1;
                        self.push(
                            format!("{c}.{para_k}"),
                            UnitKind::Paragraph,
                            None,
                            body,
                            span,
                            UnitInfo { container: c, ..Default::default() },
                        );
                    }
                    continue;
                }
            }
            let after_last_article = last_article.is_some_and(|a| i > a) && i < first_annex;
            if after_last_article && matches!(zone, Zone::Body) && (profile.is_closing)(&p.text) {
                zone = Zone::Closing;
            }
            if after_last_article && matches!(zone, Zone::Body | Zone::Closing) && (profile.is_signature)(&p.text) {
                zone = Zone::Signatures;
            }
            match zone {
                Zone::Front | Zone::Preamble | Zone::Closing | Zone::Signatures => {
                    let (word, kind) = match zone {
                        Zone::Front => ("front", UnitKind::Front),
                        Zone::Preamble => ("preamble", UnitKind::Preamble),
                        Zone::Closing => ("closing", UnitKind::Closing),
                        _ => ("sig", UnitKind::Signature),
                    };
                    let k = counters.entry(word).or_insert(0);
                    *k += 1;
                    let r = format!("{word}.{k}");
                    self.push(
                        r,
                        kind,
                        None,
                        p.text.clone(),
                        span,
                        UnitInfo { container: word.into(), ..Default::default() },
                    );
                }
                Zone::Body => {
                    // A short unnumbered line right before an article is a heading of a
                    // group of articles (组织 / СОСТАВ).
                    let next_is_article = headings.get(i + 1).is_some_and(|h| {
                        h.as_ref().is_some_and(|h| matches!(h.level, HeadingLevel::Article | HeadingLevel::Section))
                    });
                    let short = p.text.chars().count() <= if profile.has_case { 60 } else { 20 };
                    if next_is_article
                        && short
                        && !p.text.ends_with(profile.clause_enders)
                        && (profile.label)(&p.text).is_none()
                    {
                        sub_headings += 1;
                        let base = chapter.clone().or(annex.clone()).unwrap_or_else(|| "body".into());
                        let r = self.unique(format!("{base}.h{sub_headings}"));
                        self.push(
                            r.clone(),
                            UnitKind::Heading,
                            None,
                            p.text.clone(),
                            span,
                            UnitInfo { container: r, ..Default::default() },
                        );
                        continue;
                    }
                    let Some(c) = container.clone() else {
                        // Text between a chapter heading and its first article: a
                        // paragraph of the chapter.
                        let base = chapter.clone().unwrap_or_else(|| "body".into());
                        para_k += 1;
                        let r = self.unique(format!("{base}.{para_k}"));
                        self.push(
                            r,
                            UnitKind::Paragraph,
                            None,
                            p.text.clone(),
                            span,
                            UnitInfo { container: base, ..Default::default() },
                        );
                        continue;
                    };
                    let label: Option<LabelMatch> = (profile.label)(&p.text);
                    match label {
                        Some(l) if para_style.is_some() && para_style != Some(l.style) && para_k > 0 => {
                            item_m += 1;
                            let info = UnitInfo {
                                container: c.clone(),
                                ordinal: Some((l.style, l.ordinal)),
                                ..Default::default()
                            };
                            self.push(
                                format!("{c}.{para_k}.{item_m}"),
                                UnitKind::Item,
                                Some(l.printed),
                                l.rest,
                                span,
                                info,
                            );
                        }
                        Some(l) => {
                            para_style = Some(l.style);
                            para_k += 1;
                            item_m = 0;
                            let info = UnitInfo {
                                container: c.clone(),
                                ordinal: Some((l.style, l.ordinal)),
                                ..Default::default()
                            };
                            self.push(
                                format!("{c}.{para_k}"),
                                UnitKind::Paragraph,
                                Some(l.printed),
                                l.rest,
                                span,
                                info,
                            );
                        }
                        None => {
                            para_k += 1;
                            item_m = 0;
                            self.push(
                                format!("{c}.{para_k}"),
                                UnitKind::Paragraph,
                                None,
                                p.text.clone(),
                                span,
                                UnitInfo { container: c.clone(), ..Default::default() },
                            );
                        }
                    }
                }
            }
        }
    }
}
