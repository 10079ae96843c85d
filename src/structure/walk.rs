//! The walk over paragraphs: a small state machine — title, front matter, preamble,
//! parts and chapters, articles with their paragraphs and sub-items, closing formula,
//! signatures, annexes — that gives every unit its reference as `INTERFACE.md`
//! defines them.

use std::collections::BTreeMap;

use compact_str::{CompactString, format_compact};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::layout::{Para, is_group_heading};
use crate::lang::{HeadingLevel, HeadingMatch, LabelMatch, Profile};
use crate::model::{Repair, RepairKind, Unit, UnitInfo, UnitKind};

/// The most characters a line among the signatures has that is read as the rest of
/// the signature before it.
const SIGNATURE_REST: usize = 40;

/// A line among the signatures cut where it holds several, at the spaces between
/// them: each piece a signature by the language profile, and more than a bare title
/// (`全权代表` after `中华人民共和国政府` is one signature, not two). The line
/// whole if it holds one.
fn signature_pieces<'t>(profile: &Profile, text: &'t str) -> Vec<&'t str> {
    let is_one = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count() >= 5 && (profile.is_signature)(s);
    let mut pieces = Vec::new();
    let mut rest = text.trim();
    'cut: loop {
        // The first space after which a signature starts that leaves one before it.
        for (at, _) in rest.match_indices(' ') {
            let (head, tail) = (rest[..at].trim(), rest[at..].trim());
            if is_one(head) && is_one(tail) {
                pieces.push(head);
                rest = tail;
                continue 'cut;
            }
        }
        pieces.push(rest);
        return pieces;
    }
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

/// Where the walk is inside the body: the containers that the next paragraph belongs to.
#[derive(Debug, Default)]
struct Place {
    /// The current container: its ref prefix (`art.8`, `annex.1`, `annex.1.art.2`).
    container: Option<CompactString>,
    /// The current annex, if any.
    annex: Option<CompactString>,
    /// The current part, chapter or section heading, if any.
    chapter: Option<CompactString>,
    /// The label style of the container's paragraphs (items have another).
    para_style: Option<&'static str>,
    /// The number of paragraphs in the container so far.
    para_k: usize,
    /// The number of items in the current paragraph so far.
    item_m: usize,
    /// The number of unnumbered group headings in the chapter so far.
    sub_headings: usize,
}

/// Gives paragraphs their kinds and references, in document order.
pub(super) struct Builder {
    profile: &'static Profile,
    /// The units made so far.
    pub(super) units: Vec<Unit>,
    /// How often each reference was given: looked up once per unit, never listed.
    used: FxHashMap<CompactString, usize>,
    zone: Zone,
    place: Place,
    counters: BTreeMap<&'static str, usize>,
    /// How many protocols after the signatures came so far.
    protocols: u32,
}

/// What the walk knows of the whole text before it starts.
struct Outline {
    headings: Vec<Option<HeadingMatch>>,
    first_annex: usize,
    last_article: Option<usize>,
}

impl Outline {
    fn of(profile: &Profile, paras: &[Para]) -> Self {
        let headings: Vec<Option<HeadingMatch>> = paras.par_iter().map(|p| (profile.heading)(&p.text)).collect();
        let level_at = |h: &Option<HeadingMatch>, level| h.as_ref().is_some_and(|h| h.level == level);
        let first_annex = headings.iter().position(|h| level_at(h, HeadingLevel::Annex)).unwrap_or(paras.len());
        let last_article = headings[..first_annex].iter().rposition(|h| level_at(h, HeadingLevel::Article));
        Outline { headings, first_annex, last_article }
    }

    /// Whether paragraph `i` stands after the last article and before any annex, where
    /// the closing formula and the signatures are.
    fn after_last_article(&self, i: usize) -> bool {
        self.last_article.is_some_and(|a| i > a) && i < self.first_annex
    }

    /// Whether paragraph `i` comes right before an article or section heading.
    fn before_article(&self, i: usize) -> bool {
        self.headings.get(i + 1).is_some_and(|h| {
            h.as_ref().is_some_and(|h| matches!(h.level, HeadingLevel::Article | HeadingLevel::Section))
        })
    }
}

impl Builder {
    pub(super) fn new(profile: &'static Profile) -> Self {
        Builder {
            profile,
            units: Vec::new(),
            used: FxHashMap::default(),
            zone: Zone::Preamble,
            place: Place::default(),
            counters: BTreeMap::new(),
            protocols: 0,
        }
    }

    /// A reference not used yet: the first `art.11`, the next `art.11~2`.
    fn unique(&mut self, r: CompactString) -> CompactString {
        if let Some(n) = self.used.get_mut(&r) {
            *n += 1;
            return format_compact!("{r}~{n}");
        }
        self.used.insert(r.clone(), 1);
        r
    }

    /// Adds a unit.
    pub(super) fn push(
        &mut self,
        r: CompactString,
        kind: UnitKind,
        label: Option<CompactString>,
        text: String,
        lines: [usize; 2],
        info: UnitInfo,
    ) {
        self.units.push(Unit { r#ref: r, kind, label, text, lines, info });
    }

    /// Walks the paragraphs: each heading opens what it names; every other paragraph
    /// belongs to the zone and the container the walk is in.
    /// A paragraph's text goes to its unit, taken, not copied: a paragraph is read
    /// before it is walked, and after only by the paragraphs before it.
    pub(super) fn walk(&mut self, paras: &mut [Para], repairs: &mut Vec<Repair>) {
        let outline = Outline::of(self.profile, paras);
        // About a unit a paragraph: the units are not moved as they grow.
        self.units.reserve(paras.len());
        let has_preamble_heading =
            outline.headings.iter().any(|h| h.as_ref().is_some_and(|h| h.level == HeadingLevel::Preamble));
        self.zone = if has_preamble_heading { Zone::Front } else { Zone::Preamble };
        // A text with no heading at all (a communiqué of numbered points, a list of
        // goals) has neither preamble nor articles: its paragraphs are the body's,
        // numbered as an article's are (`body.3`, the label kept apart).
        if outline.headings.iter().all(Option::is_none) {
            self.zone = Zone::Body;
            self.place.container = Some("body".into());
        }
        // How many lines after a heading without a title may still be its title, and
        // the heading's level.
        let mut titles: Option<(usize, HeadingLevel)> = None;
        // Titles under the headings of articles, chapters and sections are read only
        // where the text sets them so: four in five of its headings without a title on
        // their line, two at least, have a line under them that may be one. A heading
        // or two followed by a lead-in without its colon (`Статья 4` /
        // `Договаривающиеся Стороны обязуются` / `1. …`) are no titles.
        let untitled: Vec<(usize, HeadingLevel)> = outline
            .headings
            .iter()
            .enumerate()
            .filter_map(|(k, h)| h.as_ref().map(|h| (k, h)))
            .filter(|(_, h)| h.rest.is_empty() && !matches!(h.level, HeadingLevel::Preamble | HeadingLevel::Annex))
            .map(|(k, h)| (k, h.level))
            .collect();
        let titled = untitled
            .par_iter()
            .filter(|&&(k, level)| is_heading_title(self.profile, paras, &outline, k + 1, level))
            .count();
        let titled_articles = titled >= 2 && titled * 5 >= untitled.len() * 4;
        for i in 0..paras.len() {
            let p = &paras[i];
            if let Some(h) = &outline.headings[i]
                && self.heading(h, p)
            {
                let untitled = h.rest.is_empty() && h.level != HeadingLevel::Preamble;
                // An annex is titled twice (`к Соглашению …` / `Форма и содержание …`).
                let lines = if h.level == HeadingLevel::Annex { 2 } else { 1 };
                titles = untitled.then_some((lines, h.level));
                continue;
            }
            if let Some((left, level)) = titles.take()
                && (level == HeadingLevel::Annex || titled_articles)
                && is_heading_title(self.profile, paras, &outline, i, level)
                && self.heading_title(p)
            {
                repairs.push(Repair {
                    kind: RepairKind::Join,
                    line: p.first,
                    message: format!(
                        "joined line {} to the heading before it (its title, on a line of its own)",
                        p.first
                    ),
                });
                titles = (left > 1).then_some((left - 1, level));
                continue;
            }
            // A protocol set after the signatures (`ПРОТОКОЛ` / `При подписании …`):
            // an annex of its own, not more signatures.
            if self.zone == Zone::Signatures && self.profile.protocols.contains(&p.text.trim().to_lowercase().as_str())
            {
                self.protocols += 1;
                let h = HeadingMatch {
                    level: HeadingLevel::Annex,
                    number: Some(self.protocols),
                    label: p.text.trim().into(),
                    rest: String::new(),
                    rest_is_body: false,
                };
                self.heading(&h, p);
                continue;
            }
            self.enter_closing_zones(&outline, i, p);
            let p = &mut paras[i];
            match self.zone {
                Zone::Body => self.body(&outline, i, p),
                Zone::Signatures => self.signatures(p, repairs),
                zone => self.counted(zone, p),
            }
        }
    }

    /// A heading: the preamble's, or one that opens a part, chapter, section, article
    /// or annex (not among the signatures, except an annex). Returns whether it was
    /// taken as a heading.
    fn heading(&mut self, h: &HeadingMatch, p: &Para) -> bool {
        let span = [p.first, p.last];
        if h.level == HeadingLevel::Preamble {
            self.zone = Zone::Preamble;
            let r = self.unique("preamble".into());
            let info = UnitInfo { container: "preamble".into(), ..Default::default() };
            self.push(r, UnitKind::Preamble, Some(h.label.clone()), p.text.clone(), span, info);
            return true;
        }
        if self.zone == Zone::Signatures && h.level != HeadingLevel::Annex {
            return false;
        }
        self.zone = Zone::Body;
        let (word, prefix) = match h.level {
            HeadingLevel::Part => ("part", None),
            HeadingLevel::Chapter => ("chapter", None),
            HeadingLevel::Section => ("section", None),
            HeadingLevel::Article => ("art", self.place.annex.clone()),
            HeadingLevel::Annex => ("annex", None),
            HeadingLevel::Preamble => unreachable!("handled above"),
        };
        let number = h.number.unwrap_or(1);
        let base = match &prefix {
            Some(a) => format_compact!("{a}.{word}.{number}"),
            None => format_compact!("{word}.{number}"),
        };
        let r = self.unique(base);
        let (text, body) =
            if h.rest_is_body { (h.label.to_string(), Some(h.rest.clone())) } else { (p.text.clone(), None) };
        let info =
            UnitInfo { number: Some((h.level, number)), container: r.clone(), ordinal: None, ..Default::default() };
        self.push(r.clone(), UnitKind::Heading, Some(h.label.clone()), text, span, info);
        self.open(h.level, r);
        if let Some(body) = body {
            // An article that runs in: its first paragraph on the heading's line.
            let c = self.place.container.clone().unwrap_or_default();
            self.place.para_k += 1;
            let info = UnitInfo { container: c.clone(), ..Default::default() };
            self.push(child(&c, self.place.para_k), UnitKind::Paragraph, None, body, span, info);
        }
        true
    }

    /// Takes `p` into the heading just pushed as its title, where [`is_heading_title`]
    /// says it is one.
    fn heading_title(&mut self, p: &Para) -> bool {
        let profile = self.profile;
        let Some(heading) = self.units.last_mut().filter(|u| u.kind == UnitKind::Heading) else {
            return false;
        };
        heading.text.push_str(if profile.has_case { " " } else { "　" });
        heading.text.push_str(p.text.trim());
        heading.lines[1] = p.last;
        true
    }

    /// What a heading of `level` with ref `r` opens.
    fn open(&mut self, level: HeadingLevel, r: CompactString) {
        let place = &mut self.place;
        match level {
            HeadingLevel::Annex => {
                place.annex = Some(r.clone());
                place.container = Some(r);
                place.chapter = None;
                place.sub_headings = 0;
            }
            HeadingLevel::Article => place.container = Some(r),
            _ => {
                place.chapter = Some(r);
                place.container = None;
                place.sub_headings = 0;
            }
        }
        place.para_style = None;
        place.para_k = 0;
        place.item_m = 0;
    }

    /// After the last article: the closing formula, then the signatures.
    fn enter_closing_zones(&mut self, outline: &Outline, i: usize, p: &Para) {
        if !outline.after_last_article(i) {
            return;
        }
        if self.zone == Zone::Body && (self.profile.is_closing)(&p.text) {
            self.zone = Zone::Closing;
        }
        if matches!(self.zone, Zone::Body | Zone::Closing) && (self.profile.is_signature)(&p.text) {
            self.zone = Zone::Signatures;
        }
    }

    /// A paragraph among the signatures. Signatures set in a table come out of a PDF
    /// side by side, one row of cells as one line (`За Республику Казахстан За
    /// Китайскую Народную`), and a cell's wrapped line on a line of its own
    /// (`Республику`): a line that holds two signatures or more is cut into them, and
    /// a line that is no signature, after one, is the rest of it (or the name of
    /// whoever signed it). Both are reported.
    fn signatures(&mut self, p: &mut Para, repairs: &mut Vec<Repair>) {
        let profile = self.profile;
        let rest = !(profile.is_signature)(&p.text) || profile.signature_rests.contains(&p.text.trim());
        if rest
            && p.text.chars().count() <= SIGNATURE_REST
            && !p.text.trim_end().ends_with(|c: char| profile.marks.stops.contains(&c))
            && let Some(last) = self.units.last_mut().filter(|u| u.kind == UnitKind::Signature)
        {
            repairs.push(Repair {
                kind: RepairKind::Join,
                line: p.first,
                message: format!(
                    "joined line {} to the signature on line {} (the rest of a signature, or who signed it)",
                    p.first, last.lines[0]
                ),
            });
            last.text.push(' ');
            last.text.push_str(&p.text);
            last.lines[1] = p.last;
            return;
        }
        let pieces = signature_pieces(profile, &p.text);
        if pieces.len() > 1 {
            repairs.push(Repair {
                kind: RepairKind::Split,
                line: p.first,
                message: format!(
                    "cut line {} into {} signatures (the cells of a row of a table, read as one line)",
                    p.first,
                    pieces.len()
                ),
            });
        }
        if let [_] = pieces[..] {
            return self.counted(Zone::Signatures, p);
        }
        for piece in pieces {
            let mut cell = p.clone();
            cell.text = piece.to_string();
            self.counted(Zone::Signatures, &mut cell);
        }
    }

    /// A paragraph of the front matter, the preamble, the closing or the signatures:
    /// counted in its zone (`preamble.3`, `sig.2`).
    fn counted(&mut self, zone: Zone, p: &mut Para) {
        let (word, kind) = match zone {
            Zone::Front => ("front", UnitKind::Front),
            Zone::Preamble => ("preamble", UnitKind::Preamble),
            Zone::Closing => ("closing", UnitKind::Closing),
            _ => ("sig", UnitKind::Signature),
        };
        let k = self.counters.entry(word).or_insert(0);
        *k += 1;
        let r = format_compact!("{word}.{k}");
        let info = UnitInfo { container: word.into(), ..Default::default() };
        self.push(r, kind, None, std::mem::take(&mut p.text), [p.first, p.last], info);
    }

    /// A paragraph of the body: a heading of a group of articles, a paragraph of a
    /// chapter before its first article, or a paragraph or item of an article.
    fn body(&mut self, outline: &Outline, i: usize, p: &mut Para) {
        let profile = self.profile;
        let span = [p.first, p.last];
        // A short unnumbered line right before an article is a heading of a group of
        // articles (组织 / СОСТАВ).
        if outline.before_article(i) && is_group_heading(profile, &p.text) {
            self.place.sub_headings += 1;
            let base = self.place.chapter.clone().or(self.place.annex.clone()).unwrap_or_else(|| "body".into());
            let r = self.unique(format_compact!("{base}.h{}", self.place.sub_headings));
            let info = UnitInfo { container: r.clone(), ..Default::default() };
            self.push(r, UnitKind::Heading, None, std::mem::take(&mut p.text), span, info);
            return;
        }
        let Some(c) = self.place.container.clone() else {
            // Text between a chapter heading and its first article: a paragraph of the
            // chapter.
            let base = self.place.chapter.clone().unwrap_or_else(|| "body".into());
            self.place.para_k += 1;
            let r = self.unique(child(&base, self.place.para_k));
            let info = UnitInfo { container: base, ..Default::default() };
            self.push(r, UnitKind::Paragraph, None, std::mem::take(&mut p.text), span, info);
            return;
        };
        let label = (profile.label)(&p.text);
        self.in_article(c, p, label);
    }

    /// A paragraph of article (or annex) `c`: numbered by its position; a label of
    /// another style than the article's paragraphs makes it an item of the paragraph
    /// before.
    fn in_article(&mut self, c: CompactString, p: &mut Para, label: Option<LabelMatch>) {
        let span = [p.first, p.last];
        // A bulleted line under a lead-in or in a list (`а) … в том числе:` /
        // `- мониторинг …;`): an item of the paragraph, not numbered.
        let listed = self.place.para_k > 0 && self.units.last().is_some_and(opens_list);
        let bulleted = label.is_none().then(|| bullet(&p.text)).flatten().filter(|_| listed);
        let place = &mut self.place;
        match label {
            Some(l) if place.para_style.is_some() && place.para_style != Some(l.style) && place.para_k > 0 => {
                place.item_m += 1;
                let r = child(&child(&c, place.para_k), place.item_m);
                let info = UnitInfo { container: c, ordinal: Some((l.style, l.ordinal)), ..Default::default() };
                self.push(r, UnitKind::Item, Some(l.printed), l.rest, span, info);
            }
            Some(l) => {
                place.para_style = Some(l.style);
                place.para_k += 1;
                place.item_m = 0;
                let r = child(&c, place.para_k);
                let info = UnitInfo { container: c, ordinal: Some((l.style, l.ordinal)), ..Default::default() };
                self.push(r, UnitKind::Paragraph, Some(l.printed), l.rest, span, info);
            }
            None if let Some((mark, rest)) = bulleted => {
                let (mark, rest) = (CompactString::from(mark), rest.to_string());
                place.item_m += 1;
                let r = child(&child(&c, place.para_k), place.item_m);
                let info = UnitInfo { container: c, ..Default::default() };
                self.push(r, UnitKind::Item, Some(mark), rest, span, info);
            }
            None => {
                place.para_k += 1;
                place.item_m = 0;
                let r = child(&c, place.para_k);
                let info = UnitInfo { container: c, undecided: std::mem::take(&mut p.undecided), ..Default::default() };
                self.push(r, UnitKind::Paragraph, None, std::mem::take(&mut p.text), span, info);
            }
        }
    }
}

/// The bullet a line starts with (`- `, `– `, `— `, `• `, `· `, `* `) and the text after it.
fn bullet(text: &str) -> Option<(&str, &str)> {
    ["- ", "– ", "— ", "‒ ", "• ", "· ", "* "].iter().find_map(|b| {
        let rest = text.strip_prefix(b)?.trim_start();
        (!rest.is_empty()).then(|| (b.trim_end(), rest))
    })
}

/// Whether a unit opens a list or is in one: a lead-in ending with a colon, or an item.
fn opens_list(u: &Unit) -> bool {
    u.kind == UnitKind::Item || u.text.trim_end().ends_with([':', '：'])
}

/// The reference of the `n`th unit under `parent` (`art.5` and 2: `art.5.2`), made
/// for most units of a text: its number written by `itoa`, as `format!` costs more.
fn child(parent: &str, n: usize) -> CompactString {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n);
    let mut r = CompactString::with_capacity(parent.len() + 1 + digits.len());
    r.push_str(parent);
    r.push('.');
    r.push_str(digits);
    r
}

/// Whether paragraph `i` may be the title of the heading of `level` above it: a line
/// set under the heading (`Статья 1` / `Сфера применения`, `附件` /
/// `许可证的格式和内容`), short, ending in no mark of a clause, neither numbered nor a
/// heading, a signature or a closing, and followed by a line that starts anew (not in
/// lower case, as the rest of a sentence cut at a line end does: `Стороны
/// сотрудничают в области` / `культуры и науки.`). Under an article, more of the
/// article follows it; under an annex, a numbered paragraph or a heading follows it
/// or the line after (an annex's body of unnumbered lines has no title line to tell).
fn is_heading_title(profile: &Profile, paras: &[Para], outline: &Outline, i: usize, level: HeadingLevel) -> bool {
    /// The most characters of a title on a line of its own.
    const MOST: usize = 200;
    let Some(p) = paras.get(i) else { return false };
    let text = p.text.trim();
    let heading_at = |k: usize| outline.headings.get(k).is_some_and(Option::is_some);
    let numbered_at = |k: usize| heading_at(k) || paras.get(k).is_some_and(|n| (profile.label)(&n.text).is_some());
    let next = paras.get(i + 1);
    let ends_article =
        next.is_none_or(|n| heading_at(i + 1) || (profile.is_closing)(&n.text) || (profile.is_signature)(&n.text));
    let goes_on = next.is_some_and(|n| n.text.chars().next().is_some_and(char::is_lowercase));
    !text.is_empty()
        && !goes_on
        && !heading_at(i)
        && text.chars().count() <= MOST
        && !text.ends_with(profile.clause_enders)
        && (profile.label)(text).is_none()
        && !(profile.is_signature)(text)
        && !(profile.is_closing)(text)
        && !(level == HeadingLevel::Article && ends_article)
        && (level != HeadingLevel::Annex || numbered_at(i + 1) || numbered_at(i + 2))
}

#[cfg(test)]
mod tests {
    use super::child;

    #[test]
    fn a_child_reference_is_its_parent_dot_its_number() {
        for n in (0..2000).chain([9_999, 10_000, 123_456_789, usize::MAX]) {
            assert_eq!(child("art.5", n), format!("art.5.{n}"));
        }
        assert_eq!(child("", 7), ".7");
    }
}
