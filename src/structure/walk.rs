//! The walk over paragraphs: a small state machine — title, front matter, preamble,
//! parts and chapters, articles with their paragraphs and sub-items, closing formula,
//! signatures, annexes — that gives every unit its reference as `INTERFACE.md`
//! defines them.

use std::collections::BTreeMap;

use super::layout::Para;
use crate::lang::{HeadingLevel, HeadingMatch, LabelMatch, Profile};
use crate::model::{Unit, UnitInfo, UnitKind};

/// Where the walk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Front,
    Preamble,
    Body,
    Closing,
    Signatures,
}

pub(super) struct Builder {
    profile: &'static Profile,
    pub(super) units: Vec<Unit>,
    used: BTreeMap<String, usize>,
}

impl Builder {
    pub(super) fn new(profile: &'static Profile) -> Self {
        Builder { profile, units: Vec::new(), used: BTreeMap::new() }
    }

    /// A reference not used yet: the first `art.11`, the next `art.11~2`.
    fn unique(&mut self, r: String) -> String {
        let n = self.used.entry(r.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { r } else { format!("{r}~{n}") }
    }

    pub(super) fn push(
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

    pub(super) fn walk(&mut self, paras: &[Para]) {
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
