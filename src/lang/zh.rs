//! The Chinese profile: Han script, GB18030/GBK/Big5, `第一条`, `一、`, Chinese numerals.

use compact_str::{CompactString, format_compact};

use super::anchor::{Anchor, AnchorKind, push_digit_numbers};
use super::{Date, HeadingLevel, HeadingMatch, LabelMatch, Marks, Profile, Review, is_digit, parse_digits};

pub(super) static PROFILE: Profile = Profile {
    code: "zh",
    name: "Chinese",
    script: "Han",
    tmx_tag: "zh-CN",
    css: "font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"SimSun\",\"Microsoft YaHei\",\"Songti SC\",\"PingFang SC\",\"WenQuanYi Micro Hei\",\"Droid Sans Fallback\",serif,sans-serif",
    is_script_char: is_han,
    tld_hint: b"cn",
    legacy_encodings: &["gb18030", "big5"],
    encoding_labels: &["gb18030", "gbk", "cp936", "big5"],
    line_joiner: "",
    sentence_enders: &['。', '！', '？', '!', '?'],
    sentence_cuts: &['。', '！', '？', '；', '!', '?'],
    clause_enders: &[
        '，', '；', '：', '、', ',', ';', ':', '。', '！', '？', '!', '?', '」', '』', '”', '）', ')', '.',
    ],
    marks: Marks {
        semicolons: &['；', ';'],
        colons: &['：', ':'],
        commas: &['，', ','],
        enumeration: &['、'],
        stops: &['。', '.'],
        exclamations: &['！', '？', '!', '?'],
    },
    has_case: false,
    decimal_comma: false,
    max_wrap_width: 60,
    recital_openers: &[
        "鉴于",
        "认识到",
        "注意到",
        "决心",
        "重申",
        "确认",
        "考虑到",
        "忆及",
        "回顾",
        "强调",
        "深信",
        "坚信",
        "认为",
        "希望",
        "愿",
        "致力于",
        "遵循",
        // 系于…历史纽带 ("bound by the historic ties of …")
        "系于",
        "係於",
        "基于",
        "本着",
        "承认",
        "意识到",
        "欢迎",
        "铭记",
        "为了",
        "兹",
        // The formula that closes a classical preamble (`爰由我各本国政府……议定本宪章`).
        "爰",
        "申明",
        "議定",
        "鑒於",
        "認識到",
        "注意到",
        "決心",
        "重申",
        "確認",
        "考慮到",
        "強調",
        "深信",
        "堅信",
        "認為",
    ],
    title_words: &[
        "条约",
        "公约",
        "宪章",
        "协定",
        "议定书",
        "宣言",
        "决议",
        "章程",
        "备忘录",
        "声明",
        "协议",
        "规约",
        "条例",
        "法",
        "规则",
        "纲要",
        "议程",
        "公报",
        "换文",
        // A plan, a strategy, a concept, minutes.
        "计划",
        "战略",
        "构想",
        "纪要",
        "條約",
        "憲章",
        "協定",
        "議定書",
        "宣言",
        "決議",
        "聲明",
        "協議",
    ],
    page_number_words: (&["第", "page"], &["页", "頁"]),
    page_total_words: &["共"],
    stamps: &["草案", "征求意见稿", "送审稿", "draft"],
    numeral_chars: "〇零一二两三四五六七八九十百千万",
    folds: &[],
    bullet_before_text_is_markup: true,
    hyphen_keep: (&[], &[]),
    compound_first_endings: &[],
    heading,
    label,
    is_closing,
    is_signature,
    protocols: &["议定书", "附加议定书", "补充议定书", "議定書", "附加議定書", "補充議定書"],
    signature_rests: &["（签字）", "(签字)", "（签名）", "(签名)", "代表", "全权代表", "全權代表"],
    ends_open: |_| true,
    abbreviations: &[],
    anchors,
    names: &[
        ("china", &["中华", "中国"]),
        ("russia", &["俄罗斯", "苏维埃社会主义共和国联邦", "苏联"]),
        ("kazakhstan", &["哈萨克斯坦"]),
        ("kyrgyzstan", &["吉尔吉斯"]),
        ("tajikistan", &["塔吉克斯坦"]),
        ("uzbekistan", &["乌兹别克斯坦"]),
        ("turkmenistan", &["土库曼斯坦"]),
        ("mongolia", &["蒙古"]),
        ("india", &["印度"]),
        ("pakistan", &["巴基斯坦"]),
        ("iran", &["伊朗"]),
        ("afghanistan", &["阿富汗"]),
        ("usa", &["美利坚合众国", "美国"]),
        ("uk", &["大不列颠", "英国"]),
        ("france", &["法兰西", "法国"]),
    ],
    review: REVIEW,
};

/// Whether `c` is a Han ideograph (CJK Unified Ideographs, extensions, compatibility) or 〇.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Whether `c` writes a Chinese numeral: a digit, or a unit of ten and its powers
/// (matched, not searched for in a string: every character of a text is asked).
fn is_numeral_char(c: char) -> bool {
    digit_value(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '廿' | '拾' | '佰' | '仟')
}

fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Parses a Chinese numeral (`二十六`, `一百零二`, `两千`, `廿六`, `二〇〇七`), or ASCII or
/// full-width digits. Strict: a malformed numeral (`一百零二十`) is rejected.
///
/// Written by hand: the one crate that parses Chinese numerals accepts malformed
/// ones and does not know 〇-style years, and the domain is small.
pub fn parse_numeral(s: &str) -> Option<u32> {
    if let Some(n) = parse_digits(s) {
        return Some(n);
    }
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || chars.len() > 12 {
        return None;
    }
    if let Some(n) = digit_by_digit(&chars) {
        return Some(n);
    }
    if s == "零" || s == "〇" {
        return Some(0);
    }
    let mut reading = Positional::default();
    for (i, &c) in chars.iter().enumerate() {
        match digit_value(c) {
            Some(d) => reading.digit(d)?,
            None => reading.unit(c, i == 0)?,
        }
    }
    reading.finish()
}

/// A numeral written digit by digit, as years are (二〇〇七): two digits or more with a
/// zero among them, or three or more.
fn digit_by_digit(chars: &[char]) -> Option<u32> {
    if chars.len() < 2 || !chars.iter().all(|&c| digit_value(c).is_some()) {
        return None;
    }
    let has_zero = chars.iter().any(|&c| matches!(c, '〇' | '○' | '零'));
    if !(has_zero || chars.len() >= 3) {
        return None;
    }
    chars.iter().try_fold(0u32, |n, &c| n.checked_mul(10)?.checked_add(digit_value(c)?))
}

/// A numeral with units (二十六, 一百零二, 一万二千) read character by character.
struct Positional {
    /// The group of 万, once closed.
    total: u32,
    /// What stands below 万 so far.
    section: u32,
    /// A digit waiting for its unit.
    pending: Option<u32>,
    /// The unit most recently applied in this section.
    last_unit: u32,
    /// Whether a 零 was written, so a place is skipped.
    after_zero: bool,
}

impl Default for Positional {
    fn default() -> Self {
        Positional { total: 0, section: 0, pending: None, last_unit: u32::MAX, after_zero: false }
    }
}

impl Positional {
    /// A digit: waits for its unit; a zero marks a skipped place.
    fn digit(&mut self, d: u32) -> Option<()> {
        if self.pending.is_some() {
            return None; // 二三
        }
        if d == 0 {
            if self.last_unit == u32::MAX || self.after_zero {
                return None; // a leading or doubled zero
            }
            self.after_zero = true;
        } else {
            self.pending = Some(d);
        }
        Some(())
    }

    /// A unit character (十 百 千 万, their financial forms, 廿 at the start).
    fn unit(&mut self, c: char, first: bool) -> Option<()> {
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            '廿' if first => {
                self.section = 20;
                self.last_unit = 10;
                return Some(());
            }
            '万' => return self.ten_thousands(),
            _ => return None,
        };
        if unit >= self.last_unit {
            return None; // 十百, 一百二百
        }
        // After 零 at least one place must have been skipped: 一千零二十, not 一百零二十.
        if self.after_zero && (self.last_unit == u32::MAX || unit * 10 >= self.last_unit) {
            return None;
        }
        let d = match self.pending.take() {
            Some(d) => d,
            None if unit == 10 && self.section == 0 => 1, // 十五
            None => return None,
        };
        self.section += d * unit;
        self.last_unit = unit;
        self.after_zero = false;
        Some(())
    }

    /// 万 closes the group below it; what follows counts below it (一万零一, 一万二千).
    fn ten_thousands(&mut self) -> Option<()> {
        let value = self.section + self.pending.take().unwrap_or(0);
        if value == 0 || self.total != 0 {
            return None;
        }
        self.total = value * 10_000;
        self.section = 0;
        self.last_unit = 10_000;
        self.after_zero = false;
        Some(())
    }

    /// The value, once the last character is read.
    fn finish(mut self) -> Option<u32> {
        match self.pending {
            Some(d) => {
                // 一百零二: after 零 the digit is ones, and a place was skipped.
                // 二十六: right after 十 the digit is ones. 一百二 (colloquial 120) is rejected.
                if self.after_zero {
                    if self.last_unit < 100 {
                        return None;
                    }
                } else if self.last_unit != u32::MAX && self.last_unit > 10 {
                    return None;
                }
                self.section += d;
            }
            None if self.after_zero => return None, // 一百零
            None => {}
        }
        let value = self.total + self.section;
        (value > 0).then_some(value)
    }
}

/// Splits `s` at the end of a leading run of numeral characters or digits.
fn take_number(s: &str) -> (&str, &str) {
    let end = s.char_indices().find(|&(_, c)| !(is_numeral_char(c) || is_digit(c))).map_or(s.len(), |(i, _)| i);
    s.split_at(end)
}

fn trim_sep(s: &str) -> &str {
    s.trim_start_matches([' ', '\u{3000}', '\t', '：', ':', '、', '.', '．', '—', '-'])
}

fn heading(line: &str) -> Option<HeadingMatch> {
    let line = line.trim();
    preamble_heading(line).or_else(|| annex_heading(line)).or_else(|| numbered_heading(line))
}

/// 序言 / 前言, alone on the line.
fn preamble_heading(line: &str) -> Option<HeadingMatch> {
    ["序言", "前言"].iter().find(|&&w| line == w).map(|w| HeadingMatch {
        level: HeadingLevel::Preamble,
        number: None,
        label: CompactString::from(*w),
        rest: String::new(),
        rest_is_body: false,
    })
}

/// 附件 / 附录 / 附表, with a number or a title but not a sentence ("附件所列…").
fn annex_heading(line: &str) -> Option<HeadingMatch> {
    let word = ["附件", "附录", "附表"].into_iter().find(|w| line.starts_with(w))?;
    let after = &line[word.len()..];
    let (num, rest) = take_number(after.trim_start());
    let number = if num.is_empty() { None } else { Some(parse_numeral(num)?) };
    let rest = trim_sep(rest);
    if rest.chars().count() > 40 || rest.ends_with(['。', '；', '，']) {
        return None;
    }
    if num.is_empty() && !rest.is_empty() && !after.starts_with([' ', '\u{3000}', '：', ':']) {
        return None;
    }
    Some(HeadingMatch {
        level: HeadingLevel::Annex,
        number: number.or(Some(1)),
        label: format_compact!("{word}{num}"),
        rest: rest.to_string(),
        rest_is_body: false,
    })
}

/// 第…条 / 章 / 节 / 编 / 部分, with an inserted article's 之一, and a title or the
/// article's first paragraph after it.
fn numbered_heading(line: &str) -> Option<HeadingMatch> {
    let after = line.strip_prefix('第')?;
    let (num, rest) = take_number(after.trim_start());
    if num.is_empty() {
        return None;
    }
    let number = parse_numeral(num)?;
    let rest = rest.trim_start();
    let unit = rest.chars().next()?;
    let level = match unit {
        '条' | '條' => HeadingLevel::Article,
        '章' => HeadingLevel::Chapter,
        '节' | '節' => HeadingLevel::Section,
        '编' | '編' => HeadingLevel::Part,
        '部' if rest.starts_with("部分") => HeadingLevel::Part,
        _ => return None,
    };
    let unit_len = if rest.starts_with("部分") { "部分".len() } else { unit.len_utf8() };
    let mut after_unit = &rest[unit_len..];
    let mut label = format_compact!("第{num}{}", &rest[..unit_len]);
    // An inserted article: 第二十六条之一.
    if level == HeadingLevel::Article
        && let Some(tail) = after_unit.strip_prefix('之')
    {
        let (sub, tail) = take_number(tail);
        if !sub.is_empty() {
            label.push('之');
            label.push_str(sub);
            after_unit = tail;
        }
    }
    heading_rest(level, number, label, after_unit)
}

/// What follows a numbered heading's label: nothing, a title, or (for an article) its
/// first paragraph run in. `第102条规定…` at the start of a line is a reference, not a
/// heading.
fn heading_rest(level: HeadingLevel, number: u32, label: CompactString, after_unit: &str) -> Option<HeadingMatch> {
    if after_unit.is_empty() {
        return Some(HeadingMatch { level, number: Some(number), label, rest: String::new(), rest_is_body: false });
    }
    let separated = after_unit.starts_with([' ', '\u{3000}', '\t', '：', ':', '　', '.', '．', '—']);
    if !separated {
        // An editor's note in brackets that ends the line (`第十七条（2015年5月12日修订）`)
        // is the heading's title; `第五条（一）项规定…` runs on, and is a reference.
        return bracketed_note(after_unit).map(|note| HeadingMatch {
            level,
            number: Some(number),
            label,
            rest: note.to_string(),
            rest_is_body: false,
        });
    }
    let rest = trim_sep(after_unit).trim().to_string();
    if level == HeadingLevel::Article {
        // `第七条 本议定书自签署之日起生效。` runs the article in; `第五条 目的` is a title.
        let body = rest.chars().count() > 20 || rest.ends_with(['。', '；', '：']);
        return Some(HeadingMatch { level, number: Some(number), label, rest, rest_is_body: body });
    }
    if rest.ends_with(['。', '；', '，']) {
        return None;
    }
    Some(HeadingMatch { level, number: Some(number), label, rest, rest_is_body: false })
}

/// A note in brackets, `（…）` or `(…)`, that is all of `s`, with its brackets: at
/// most forty characters, and no sentence.
fn bracketed_note(s: &str) -> Option<&str> {
    let s = s.trim_end();
    let inner = s.strip_prefix(['（', '('])?.strip_suffix(['）', ')'])?;
    let fits = !inner.is_empty() && inner.chars().count() <= 40;
    (fits && !inner.contains(['（', '(', '）', ')', '。', '；'])).then_some(s)
}

const EARTHLY_BRANCHES: &str = "子丑寅卯辰巳午未申酉戌亥";
const HEAVENLY_STEMS: &str = "甲乙丙丁戊己庚辛壬癸";

fn cyclic_ordinal(c: char) -> Option<(&'static str, u32)> {
    if let Some(i) = EARTHLY_BRANCHES.chars().position(|b| b == c) {
        return Some(("branch", i as u32 + 1));
    }
    HEAVENLY_STEMS.chars().position(|b| b == c).map(|i| ("stem", i as u32 + 1))
}

fn label(line: &str) -> Option<LabelMatch> {
    let line = line.trim_start();
    // （一） (一) （子） (子)
    if let Some(open) = line.strip_prefix(['（', '(']) {
        let close = open.find(['）', ')'])?;
        let inner = &open[..close];
        let rest = open[close..].trim_start_matches(['）', ')']);
        let printed = &line[..line.len() - rest.len()];
        let rest = rest.trim_start().to_string();
        let mut chars = inner.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && let Some((style, ordinal)) = cyclic_ordinal(c)
        {
            let style = if style == "branch" { "paren-branch" } else { "paren-stem" };
            return Some(LabelMatch { style, ordinal, printed: printed.into(), rest });
        }
        // (a) （ａ）: the lettered sub-paragraphs of texts drawn up at the United
        // Nations, whose Russian has `a)` or `(a)`.
        if let (Some(c), None) = (inner.chars().next().map(latin_lower), inner.chars().nth(1))
            && c.is_ascii_lowercase()
        {
            let ordinal = c as u32 - 'a' as u32 + 1;
            return Some(LabelMatch { style: "paren-latin", ordinal, printed: printed.into(), rest });
        }
        if inner.chars().all(is_digit) {
            return Some(LabelMatch {
                style: "paren-digit",
                ordinal: parse_digits(inner)?,
                printed: printed.into(),
                rest,
            });
        }
        if inner.chars().count() <= 4 && inner.chars().all(is_numeral_char) {
            return Some(LabelMatch {
                style: "paren-han",
                ordinal: parse_numeral(inner)?,
                printed: printed.into(),
                rest,
            });
        }
        return None;
    }
    // 一、  十二、
    let (num, rest) = take_number(line);
    if num.is_empty() {
        return None;
    }
    if num.chars().all(is_numeral_char) {
        let rest_after = rest.strip_prefix('、')?;
        let ordinal = parse_numeral(num)?;
        let printed = format_compact!("{num}、");
        return Some(LabelMatch { style: "han", ordinal, printed, rest: rest_after.trim_start().to_string() });
    }
    // 1.  1．  1、
    if num.chars().all(is_digit) {
        let sep = rest.chars().next()?;
        if !matches!(sep, '.' | '．' | '、') {
            return None;
        }
        let after = &rest[sep.len_utf8()..];
        // 1.5 is a number, not a label, and 1.a (a target of goal 1) the number of an
        // item, as the Russian text has it.
        let mut next = after.chars();
        let lettered = next.next().is_some_and(|c| c.is_ascii_lowercase())
            && !next.next().is_some_and(|c| c.is_ascii_alphabetic());
        if after.starts_with(|c: char| c.is_ascii_digit()) || lettered {
            return None;
        }
        return Some(LabelMatch {
            style: "digit",
            ordinal: parse_digits(num)?,
            printed: format_compact!("{num}{sep}"),
            rest: after.trim_start().to_string(),
        });
    }
    None
}

/// A full-width Latin small letter (`ａ`) as its ASCII form; any other character as it is.
fn latin_lower(c: char) -> char {
    match c {
        'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'a' as u32).unwrap_or(c),
        _ => c,
    }
}

fn is_closing(p: &str) -> bool {
    let p = p.trim();
    // 为此…谨签字于 closes a treaty; 为此目的 ("to this end") goes on inside an article.
    if (p.starts_with("为此") && !p.starts_with("为此目的"))
        || p.contains("以昭信守")
        || p.contains("签订于")
        || p.contains("签字于")
    {
        return true;
    }
    // 本条约于二〇〇七年八月十六日在比什凯克签订，… / 二〇〇二年六月七日订于…
    let signed = ["签订", "签署", "订于", "签字", "缔结", "簽訂", "簽署"].iter().any(|w| p.contains(w));
    let dated = p.contains('年') && p.contains('月') && p.contains('日');
    let copies = p.contains("一式") || p.contains("正本") || p.contains("作准") || p.contains("同等效力");
    signed && dated && (copies || p.starts_with('本') || p.starts_with("公历"))
}

fn is_signature(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 40
        && !line.ends_with(['。', '；', '，', '：'])
        && (line.ends_with("代表")
            || line.ends_with("全权代表")
            || line.ends_with("政府")
            || line.ends_with("（签字）")
            || line.ends_with("(签字)")
            || line.starts_with("代表"))
}

/// Characters after a Chinese numeral that make it a quantity (年, 日, 个, 条 …).
const CLASSIFIERS: &str = "年月日天个份项款条章节次名人周岁倍届种国方级类批部位目段点时小分秒期年度轮";

fn anchors(text: &str) -> Vec<Anchor> {
    let mut out = Vec::new();
    push_digit_numbers(text, false, &mut out);
    // Read by byte offsets, one character after another: `prev` is the one before
    // `start`.
    let mut prev: Option<char> = None;
    let mut start = 0;
    while let Some(c) = text[start..].chars().next() {
        let starts_numeral = digit_value(c).is_some() || c == '十' || c == '廿';
        if !starts_numeral {
            if matches!(c, '《' | '“' | '「') {
                out.push(Anchor { kind: AnchorKind::Quote, value: String::new(), text: "《".into() });
            }
            prev = Some(c);
            start += c.len_utf8();
            continue;
        }
        // The numeral's characters (the first among them), how many, and the last.
        let (mut end, mut count, mut last) = (start, 0, c);
        for d in text[start..].chars().take_while(|&d| is_numeral_char(d)) {
            end += d.len_utf8();
            count += 1;
            last = d;
        }
        let numeral = &text[start..end];
        // A decimal fraction (二点五, 百分之零点五): the digits after 点, one by one.
        let mut decimals = String::new();
        let mut after = end;
        if let Some(point @ ('点' | '點')) = text[end..].chars().next() {
            let from = end + point.len_utf8();
            for (i, c) in text[from..].char_indices() {
                let Some(d) = digit_value(c) else { break };
                decimals.push(char::from_digit(d, 10).expect("a digit"));
                after = from + i + c.len_utf8();
            }
        }
        // 亿 after a numeral scales it (三百亿, 两亿, 二点五亿); 万 is read with it.
        let hundred_millions = matches!(text[after..].chars().next(), Some('亿' | '億'));
        if hundred_millions {
            after += '亿'.len_utf8();
        }
        let next = text[after..].chars().next();
        let quantity = next.is_some_and(|n| CLASSIFIERS.contains(n));
        let ordinal = prev == Some('第');
        let fraction = text[end..].starts_with("分之");
        let percent = text[..start].ends_with("分之");
        // Classical legal Chinese puts a numeral straight before its noun (九理事国,
        // 十五会员国); a lone 一 is as often "one of" or part of a word (统一, 一致).
        // 两 alone is "both" (兼向两者) as often as "two".
        let bare = count == 1 && "二三四五六七八九十".contains(c) && next.is_some_and(is_han);
        // A banking numeral alone is a word: 陆军 is the army, not six.
        let banking = count == 1 && "壹贰叁肆伍陆柒捌玖拾佰仟".contains(c);
        let scaled = !decimals.is_empty() || hundred_millions;
        if !banking && (count >= 2 || quantity || ordinal || fraction || percent || bare || scaled) {
            // 万 after a numeral scales it; the parser does 万 inside one itself.
            let value = parse_numeral(numeral.trim_end_matches('万')).and_then(|value| {
                let ten_thousands = numeral.ends_with('万') && !numeral[..numeral.len() - 3].is_empty();
                let value = u64::from(value) * if ten_thousands { 10_000 } else { 1 };
                decimal_value(value, &decimals, if hundred_millions { 100_000_000 } else { 1 })
            });
            if let Some(value) = value {
                let kind = if ordinal && matches!(next, Some('条' | '章' | '款' | '项' | '节')) {
                    AnchorKind::Reference
                } else {
                    AnchorKind::Number
                };
                out.push(Anchor { kind, value, text: text[start..after].to_string() });
            }
        }
        prev = Some(text[..after].chars().next_back().unwrap_or(last));
        start = after;
    }
    out
}

/// A number as the digit readers write it: `whole` and the decimal `digits` after it,
/// times `scale` (a power of ten): `2.5`, and `250000000` for 二点五亿. `None` past
/// what 64 bits hold.
fn decimal_value(whole: u64, digits: &str, scale: u64) -> Option<String> {
    // The digits that the scale makes whole, and those left after the point.
    let shift = (scale.ilog10() as usize).min(digits.len());
    let (made_whole, left) = digits.split_at(shift);
    let whole = whole.checked_mul(scale)?;
    let part = if made_whole.is_empty() {
        0
    } else {
        made_whole.parse::<u64>().ok()?.checked_mul(scale / 10u64.pow(shift as u32))?
    };
    let whole = whole.checked_add(part)?;
    Some(if left.is_empty() { whole.to_string() } else { format!("{whole}.{left}") })
}

// --- The checker's language data: dates, negation, words that are not counts. ---

const REVIEW: Review = Review {
    dates,
    // Single characters match inside words, so every word that holds one without
    // negating is listed in `not_negations`.
    negations: &["不", "未", "非", "无", "無", "勿", "毋", "弗", "禁止", "严禁", "嚴禁", "没有", "沒有"],
    not_negations: &[
        // bounds: 不迟于 ↔ не позднее, …
        "不迟于",
        "不遲於",
        "不晚于",
        "不晚於",
        "不少于",
        "不少於",
        "不超过",
        "不超過",
        "不低于",
        "不低於",
        "不多于",
        "不早于",
        "不得少于",
        "不得超过",
        "不得迟于",
        "不应少于",
        "不应超过",
        // not … but also; whether or not (除非, "unless", is a negation: если … не)
        "不仅",
        "不僅",
        "不但",
        "不论",
        "不論",
        "无论",
        "無論",
        "不管",
        // double negation = must (非…不可, 不得不)
        "不得不",
        "不可不",
        // lexical: the other language has one word, negated or not
        "非法",
        "无效",
        "無效",
        "互不侵犯",
        "不扩散",
        "不擴散",
        "不干涉",
        "不结盟",
        "不結盟",
        "不可侵犯",
        "不可分割",
        "不可剥夺",
        "不可剝奪",
        "不可或缺",
        "不断",
        "不斷",
        "不同",
        "不利",
        "不平等",
        "不稳定",
        "不穩定",
        "不安全",
        "不履行",
        "不足",
        "不便",
        "不良",
        "不当",
        "不當",
        "不正当",
        "不确定",
        "非常",
        "非洲",
        "非政府",
        "非传染",
        "非傳染",
        "非自治",
        "非会员",
        "非會員",
        "非正式",
        "非常任",
        "非军事",
        "非軍事",
        "未来",
        "未來",
        "未成年",
        "无误",
        "無誤",
        "无核",
        "無核",
        "无条件",
        "無條件",
        "无偿",
        "無償",
        "无害",
        "無害",
        "无限",
        "無限",
        "无线",
        "無線",
        "无辜",
        "无国籍",
        "無國籍",
        "毫无",
        "毫無",
        "莫斯科",
        "并非",
        "無不",
        "无不",
        "不久",
        "不时",
        "不時",
        "不日",
        // --- tied negations (polarity_mismatch): lexical or "subject to", not a
        // negation of the word after them ---
        "不发达",
        "不發達",
        "不违背",
        "不違背",
        "未经",
        "未經",
        "未生效",
        // names: Great Britain; 弗 in names (Virginia, Frank, Harvard …), not classical 弗
        "不列颠",
        "不列顛",
        "弗吉尼亚",
        "弗吉尼亞",
        "弗兰",
        "弗蘭",
        "弗朗",
        "弗雷",
        "弗莱",
        "弗萊",
        "弗里",
        "弗洛",
        "弗拉",
        "弗罗",
        "弗羅",
        "弗利",
        "弗尔",
        "弗爾",
        "弗林",
        "杰弗",
        "傑弗",
        "哈弗",
        "克利弗",
    ],
    concord: &[],
    // 不得转让, 不应当, 不可以, 不予, 不受: the verb comes after the modal.
    modals: &[
        "得", "应当", "應當", "应该", "應該", "应", "應", "能够", "能夠", "能", "可以", "可", "予以", "予", "会", "會",
        "再", "必", "准", "準", "宜", "须", "須", "需", "受", "被",
    ],
    // 俾免危及 ↔ чтобы не подвергать угрозе; 仅 ↔ не … иначе как.
    prohibitions: &["禁", "免", "拒绝", "拒絕", "仅", "僅", "只", "唯", "惟"],
    negative_prefixes: &[],
    dual_words: &["两", "兩", "双方", "雙方", "双边", "雙邊", "二者", "两者", "兩者"],
    not_names: &["发展中国家", "發展中國家"],
    terms,
    scales: &[("万", 10_000), ("萬", 10_000), ("亿", 100_000_000), ("億", 100_000_000)],
};

/// Bigrams of Han characters: as good as words for linking terms at this scale, and
/// with no dictionary to ship (a run of one character is its own term). Each with its
/// byte offset, in order; a bigram is a slice of the text.
fn terms(text: &str, visit: &mut super::TermVisitor) {
    let mut prev_han = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let han = is_han(c);
        let was_han = std::mem::replace(&mut prev_han, han);
        if !han || is_numeral_char(c) {
            continue;
        }
        match chars.peek() {
            Some(&(next, d)) if is_han(d) && !is_numeral_char(d) => visit(at, &text[at..next + d.len_utf8()]),
            _ if !was_han => visit(at, &text[at..at + c.len_utf8()]),
            _ => {}
        }
    }
}

/// Reads `二〇〇二年六月七日`, `2002年6月7日`, `２００２年６月７日`, `2002年6月` and
/// `6月7日`: a month, with the year and day where they stand.
fn dates(text: &str) -> Vec<Date> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_num = |c: char| is_numeral_char(c) || is_digit(c);
    // PDF extraction sets digits apart from the characters around them
    // (`2026 年 12 月 1 日`): spaces between a numeral and 年, 月 or 日 are skipped.
    let space = |k: usize| chars.get(k).is_some_and(|x| x.1 == ' ' || x.1 == '\u{3000}');
    // The numeral that ends just before char index `end` (spaces between), and where it starts.
    let numeral_before = |mut end: usize| {
        while end > 0 && space(end - 1) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && is_num(chars[start - 1].1) {
            start -= 1;
        }
        (start < end).then(|| (start, chars[start..end].iter().map(|x| x.1).collect::<String>()))
    };
    // The numeral after char index `from` (spaces before), and the index after it and
    // the spaces that follow.
    let numeral_after = |mut from: usize| {
        while space(from) {
            from += 1;
        }
        let mut end = from;
        while end < chars.len() && is_num(chars[end].1) {
            end += 1;
        }
        let numeral = chars[from..end].iter().map(|x| x.1).collect::<String>();
        while end > from && space(end) {
            end += 1;
        }
        (!numeral.is_empty()).then_some((end, numeral))
    };
    // The index of the character before `k`, spaces skipped.
    let before = |mut k: usize| {
        while k > 0 && space(k - 1) {
            k -= 1;
        }
        k.checked_sub(1)
    };
    let mut out = Vec::new();
    for (i, &(_, c)) in chars.iter().enumerate() {
        if c != '月' {
            continue;
        }
        let Some((m_start, m)) = numeral_before(i) else { continue };
        let Some(month) = parse_numeral(&m).filter(|m| (1..=12).contains(m)) else { continue };
        let year = before(m_start)
            .filter(|&k| chars[k].1 == '年')
            .and_then(numeral_before)
            .and_then(|(start, y)| Some((start, parse_numeral(&y).filter(|&y| y >= 100)?)));
        let day = numeral_after(i + 1)
            .filter(|&(end, _)| chars.get(end).is_some_and(|x| matches!(x.1, '日' | '号' | '號')))
            .and_then(|(end, d)| Some((end, parse_numeral(&d).filter(|d| (1..=31).contains(d))?)));
        if year.is_none() && day.is_none() {
            continue;
        }
        let start = year.map_or(m_start, |y| y.0);
        let end = day.map_or(i + 1, |d| d.0 + 1);
        let byte = |k: usize| chars.get(k).map_or(text.len(), |x| x.0);
        out.push(Date {
            year: year.map(|y| y.1),
            month,
            day: day.map(|d| d.1),
            text: text[byte(start)..byte(end)].to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        let d = |s: &str| dates(s).into_iter().map(|d| (d.year, d.month, d.day)).collect::<Vec<_>>();
        assert_eq!(d("本条约于二〇〇七年八月十六日在比什凯克签订"), [(Some(2007), 8, Some(16))]);
        assert_eq!(d("本协定于 2026 年 12 月 1 日在莫斯科签订"), [(Some(2026), 12, Some(1))]);
        assert_eq!(d("以及2002年6月7日签署的"), [(Some(2002), 6, Some(7))]);
        assert_eq!(d("於二零零七年八月十六日"), [(Some(2007), 8, Some(16))]);
        assert_eq!(d("一千九百四十五年六月二十六日"), [(Some(1945), 6, Some(26))]);
        assert_eq!(d("２００２年６月７日"), [(Some(2002), 6, Some(7))]);
        assert_eq!(d("2015年9月"), [(Some(2015), 9, None)]);
        assert_eq!(d("六个月内"), []);
    }

    #[test]
    fn numerals() {
        for (s, n) in [
            ("一", 1),
            ("十", 10),
            ("十五", 15),
            ("二十六", 26),
            ("一百", 100),
            ("一百零二", 102),
            ("一百一十一", 111),
            ("一百一十", 110),
            ("两千零二", 2002),
            ("二〇〇七", 2007),
            ("一九四五", 1945),
            ("一千九百四十五", 1945),
            ("廿六", 26),
            ("２６", 26),
            ("十一万", 110_000),
            ("一万零一", 10_001),
            ("一万零五十", 10_050),
            ("两万五千", 25_000),
            ("一万一千", 11_000),
            ("壹佰零贰", 102),
        ] {
            assert_eq!(parse_numeral(s), Some(n), "{s}");
        }
        for bad in ["", "一百零二十", "二三", "十百", "百", "第一", "一万二", "一万万"] {
            assert_eq!(parse_numeral(bad), None, "{bad}");
        }
    }

    #[test]
    fn headings() {
        let h = heading("第一百一十一条").unwrap();
        assert_eq!((h.level, h.number), (HeadingLevel::Article, Some(111)));
        let h = heading("第一章：宗旨及原则").unwrap();
        assert_eq!((h.level, h.number, h.rest.as_str()), (HeadingLevel::Chapter, Some(1), "宗旨及原则"));
        assert_eq!(heading("第５条").unwrap().number, Some(5));
        assert_eq!(heading("第 5 条").unwrap().number, Some(5));
        let h = heading("第七条 本议定书自签署之日起生效，有效期五年。").unwrap();
        assert!(h.rest_is_body);
        assert!(heading("第102条规定在联合国秘书处登记。").is_none());
        let h = heading("第十七条（2015年5月12日修订）").unwrap();
        assert_eq!((h.number, h.rest.as_str(), h.rest_is_body), (Some(17), "（2015年5月12日修订）", false));
        assert!(heading("第五条（一）项规定的措施不适用于本协定。").is_none());
        assert_eq!(heading("第二十六条之一").unwrap().label, "第二十六条之一");
        // Regression: a zero after 万 was taken for a leading zero, so Article 10001 of a
        // long text was not a heading.
        assert_eq!(heading("第一万零一条").unwrap().number, Some(10_001));
    }

    #[test]
    fn labels() {
        let l = label("一、缔约各方").unwrap();
        assert_eq!((l.style, l.ordinal, l.rest.as_str()), ("han", 1, "缔约各方"));
        let l = label("（子）以促进").unwrap();
        assert_eq!((l.style, l.ordinal), ("paren-branch", 1));
        assert_eq!(label("(丑) 以促进").unwrap().ordinal, 2);
        assert_eq!(label("（三）措施").unwrap().ordinal, 3);
        assert_eq!(label("2. 目").unwrap().ordinal, 2);
        let l = label("(b) 执行请求；").unwrap();
        assert_eq!((l.style, l.ordinal, l.printed.as_str(), l.rest.as_str()), ("paren-latin", 2, "(b)", "执行请求；"));
        assert_eq!(label("（ｃ）培训").unwrap().ordinal, 3);
        assert!(label("(WTO)").is_none());
        assert!(label("2.5公里").is_none());
        assert!(label("1.a 确保从各种来源").is_none());
        assert_eq!(label("1.WTO成员").unwrap().rest, "WTO成员");
        assert!(label("一切").is_none());
    }

    #[test]
    fn anchors_read_values() {
        let values = |s: &str| {
            anchors(s).into_iter().filter(|a| a.kind != AnchorKind::Quote).map(|a| a.value).collect::<Vec<_>>()
        };
        assert_eq!(values("本条约于二〇〇七年八月十六日在比什凯克签订"), ["2007", "8", "16"]);
        assert_eq!(values("以及2002年6月7日签署的"), ["2002", "6", "7"]);
        assert_eq!(values("签署后 15 日内"), ["15"]);
        assert_eq!(values("缔约各方协商一致，统一"), Vec::<String>::new());
        assert_eq!(values("三分之二多数"), ["3", "2"]);
        assert_eq!(values("《联合国宪章》第 102 条"), ["102"]);
        // 亿 scales the numeral before it; 点 writes decimals, digit by digit.
        assert_eq!(values("提高到每年三百亿美元"), ["30000000000"]);
        assert_eq!(values("资金为十亿卢布，两亿美元"), ["1000000000", "200000000"]);
        assert_eq!(values("一万亿"), ["1000000000000"]);
        assert_eq!(values("税率为百分之零点五，百分之二点五〇"), ["0.5", "2.50"]);
        assert_eq!(values("二点五亿，零点零五亿，一百二十点七五"), ["250000000", "5000000", "120.75"]);
        // 点 without digits after it: a point in time, three o'clock.
        assert_eq!(values("三点钟"), ["3"]);
    }
}
