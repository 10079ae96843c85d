//! One test per fixed bug, named after what broke.

use bitext::lang::{parse_chinese_numeral, parse_roman};
use bitext::load::{LoadOptions, load_bytes};

fn refs(text: &str) -> Vec<String> {
    load_bytes(text.as_bytes(), "r.txt", &LoadOptions::default())
        .unwrap()
        .units
        .into_iter()
        .map(|u| u.r#ref.into_string())
        .collect()
}

/// The first `n` words (`n + 1` characters, in Chinese) of each unit of a text.
fn unit_starts(text: &str, n: usize) -> Vec<String> {
    let doc = load_bytes(text.as_bytes(), "r.txt", &LoadOptions::default()).unwrap();
    let start = |t: &str| {
        if t.contains(' ') {
            t.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
        } else {
            t.chars().take(n + 1).collect()
        }
    };
    doc.units.iter().map(|u| start(&u.text)).collect()
}

/// `IV` was not a Roman numeral: the subtraction started from zero and underflowed,
/// so `Глава IV` was read as a paragraph of Chapter III.
#[test]
fn roman_numeral_starting_with_a_subtraction() {
    assert_eq!(parse_roman("IV"), Some(4));
    assert_eq!(parse_roman("XIV"), Some(14));
    assert_eq!(refs("Глава IV: Генеральная Ассамблея\n\nСтатья 9\n\nТекст статьи.\n")[0], "chapter.4");
}

/// `MMMM` was read as 4000, past the 3999 that Roman numerals are documented to go up
/// to (found by the `numerals` fuzz target).
#[test]
fn roman_numeral_past_3999() {
    let crash = std::str::from_utf8(include_bytes!("fixtures/fuzz/numerals-mmmm.bin")).unwrap();
    assert_eq!(parse_roman(crash), None);
    assert_eq!(parse_roman("MMMCMXCIX"), Some(3999));
}

/// A string of ten Chinese digits overflowed while read digit by digit (proptest).
#[test]
fn chinese_digits_longer_than_a_u32() {
    assert_eq!(parse_chinese_numeral("七八六三二三一三七七"), None);
}

/// A zero after 万 was taken for a leading zero: Article 10001 was not a heading.
#[test]
fn chinese_numeral_with_a_zero_after_wan() {
    assert_eq!(parse_chinese_numeral("一万零一"), Some(10_001));
    assert_eq!(refs("第一万零一条\n\n缔约各方开展合作。\n")[0], "art.10001");
}

/// `участни-` + `ками` kept its hyphen: `ка` is a particle only as a whole word.
#[test]
fn hyphenation_before_a_word_starting_like_a_particle() {
    let d = load_bytes(
        "Статья 1\n\nДоговор не затрагивает прав Сторон, участни-\nками которых они являются.\n".as_bytes(),
        "r.txt",
        &LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(d.units[1].text, "Договор не затрагивает прав Сторон, участниками которых они являются.");
}

/// A paragraph ending without punctuation swallowed the closing formula after it.
#[test]
fn closing_formula_is_never_joined_to_the_paragraph_before() {
    let zh = "第一条\n\n缔约各方开展合作<&>\n\n本条约于二〇〇七年八月十六日在比什凯克签订，正本一份，用中文和俄文写成，两种文本同等作准。\n";
    assert_eq!(refs(zh), ["art.1", "art.1.1", "closing.1"]);
}

/// A hyphenated word joined across a page end left the rest of the paragraph behind
/// the blank lines of the page break, so it was not joined.
#[test]
fn hyphenation_across_a_page_end_keeps_the_paragraph_whole() {
    let ru = "Статья 1\n\nДоговаривающиеся Стороны содействуют развитию об-\n\n- 3 -\n\nменов в области культуры, искусства, образования,\nнауки и техники.\n";
    let d = load_bytes(ru.as_bytes(), "r.txt", &LoadOptions::default()).unwrap();
    assert_eq!(d.units.len(), 2, "{:?}", d.units);
    assert!(d.units[1].text.contains("развитию обменов в области") && d.units[1].text.ends_with("науки и техники."));
}

/// `陆军` (the army) was read as the number six, a banking numeral.
#[test]
fn banking_numeral_alone_is_a_word() {
    let values = bitext::anchors::numeric_values(bitext::Lang::Zh, "得采取必要之空海陆军行动");
    assert!(values.is_empty(), "{values:?}");
}

/// A title followed directly by a page break (a form feed on the next line) made the
/// search for the title's further lines take the page break as an empty title block,
/// again and again: the load never ended (found by the property test of loading).
#[test]
fn title_before_a_page_break() {
    assert_eq!(refs("ДОГОВОР\n\x0c\nСтатья 1\n\nТекст статьи.\n"), ["title", "art.1", "art.1.1"]);
    assert_eq!(refs("ДОГОВОР\n\n\x0c\nСтатья 1\n\nТекст статьи.\n"), ["title", "art.1", "art.1.1"]);
}

/// A text of numbered points with no heading was all preamble, its numbers in its
/// text: it is a body numbered as an article is.
#[test]
fn numbered_points_without_headings_are_the_body() {
    let zh = "会议公报\n\n一、会议在友好气氛中举行。\n二、元首审议了发展问题：\n（一）经济合作；\n（二）人文合作。\n三、下次会议将于2025年举行。\n";
    assert_eq!(refs(zh), ["title", "body.1", "body.2", "body.2.1", "body.2.2", "body.3"]);
}

/// `Приложение № 1` was no heading: its annex went into the signatures.
#[test]
fn an_annex_numbered_with_the_sign() {
    let ru =
        "Статья 1\n\nСтороны сотрудничают.\n\nЗа Российскую Федерацию\n\nПриложение № 1\n\n1. Контактные органы.\n";
    assert_eq!(refs(ru), ["art.1", "art.1.1", "sig.1", "annex.1", "annex.1.1"]);
}

/// Chinese lettered sub-paragraphs `(a)` were paragraphs, their letters in the text.
#[test]
fn lettered_items_in_chinese() {
    let zh = "第三条\n\n1. 各方通过下列形式开展合作：\n(a) 交换信息；\n（ｂ）培训人员。\n2. 各方可商定其他形式。\n";
    assert_eq!(refs(zh), ["art.3", "art.3.1", "art.3.1.1", "art.3.1.2", "art.3.2"]);
}

/// Signatures set side by side, as `pdftotext -layout` gives a signature table, were
/// read line by line: their words interleaved (`За Правительство Российской За
/// Правительство Китайской Федерации Народной Республики`).
#[test]
fn signatures_side_by_side_are_read_a_column_at_a_time() {
    let texts = |text: &str| -> Vec<(String, String)> {
        let d = load_bytes(text.as_bytes(), "s.txt", &LoadOptions::default()).unwrap();
        d.units.into_iter().filter(|u| u.r#ref.starts_with("sig")).map(|u| (u.r#ref.into_string(), u.text)).collect()
    };
    let s = |r: &str, t: &str| (r.to_string(), t.to_string());
    let closing = "Статья 1\n\nСтороны сотрудничают.\n\nСовершено в г. Пекине 8 июня 2018 г. в двух экземплярах.\n\n";
    for cells in [
        "За Правительство Российской       За Правительство Китайской\nФедерации                         Народной Республики\n",
        "За Правительство                  За Правительство\n\nРоссийской Федерации              Китайской Народной Республики\n",
    ] {
        assert_eq!(
            texts(&format!("{closing}{cells}")),
            [
                s("sig.1", "За Правительство Российской Федерации"),
                s("sig.2", "За Правительство Китайской Народной Республики")
            ],
            "{cells}"
        );
    }
    let zh = "第一条\n\n双方开展合作。\n\n本协定于2018年6月8日在北京签订，一式两份。\n\n中华人民共和国政府　　　　　　　　俄罗斯联邦政府\n代　表　　　　　　　　　　　　　　代　表\n";
    assert_eq!(texts(zh), [s("sig.1", "中华人民共和国政府代表"), s("sig.2", "俄罗斯联邦政府代表")]);
}

/// A lead-in without its colon under one heading was taken for the article's title:
/// titles under headings are read only where the text sets them so.
#[test]
fn a_lead_in_without_its_colon_is_no_title() {
    let ru = "Статья 3\n\nСтороны сотрудничают.\n\nСтатья 4\n\nДоговаривающиеся Стороны обязуются\n\n1. развивать связи;\n\n2. обмениваться опытом.\n\nСтатья 5\n\nСтороны консультируются.\n";
    assert_eq!(refs(ru), ["art.3", "art.3.1", "art.4", "art.4.1", "art.4.2", "art.4.3", "art.5", "art.5.1"]);
}

/// Signatures set three rows by two, side by side, keep their order row by row.
#[test]
fn a_grid_of_signatures_keeps_its_rows() {
    let ru = "Статья 1\n\nСтороны сотрудничают.\n\nСовершено в г. Бишкеке 16 августа 2007 года.\n\nЗа Республику Казахстан          За Китайскую Народную Республику\nЗа Кыргызскую Республику         За Российскую Федерацию\nЗа Республику Таджикистан        За Республику Узбекистан\n";
    let d = load_bytes(ru.as_bytes(), "g.txt", &LoadOptions::default()).unwrap();
    let sigs: Vec<&str> = d.units.iter().filter(|u| u.r#ref.starts_with("sig")).map(|u| u.text.as_str()).collect();
    assert_eq!(
        sigs,
        [
            "За Республику Казахстан",
            "За Китайскую Народную Республику",
            "За Кыргызскую Республику",
            "За Российскую Федерацию",
            "За Республику Таджикистан",
            "За Республику Узбекистан"
        ]
    );
}

/// Text wrapped as `pdftotext -layout` keeps a justified page: a paragraph's first
/// line indented twelve columns, after a paragraph that ends in no stop, was taken for
/// a centred line going on with it. Its spaces were counted as folded, so the line
/// measured short of the width it fills.
#[test]
fn a_justified_first_line_is_no_centred_line() {
    let ru = r"в  уязвимом  положении,  и  уменьшить  их  незащищенность  и  уязвимость перед
вызванными    изменением    климата   экстремальными   явлениями   и   другими
экономическими, социальными и экологическими потрясениями и бедствиями
            Обеспечить  мобилизацию  значительных  ресурсов  из  самых  разных
источников, в том числе на основе активизации сотрудничества в целях развития,
с  тем  чтобы  предоставить  развивающимся странам, особенно наименее развитым
странам,  достаточные  и  предсказуемые  средства для осуществления программ и
стратегий по ликвидации нищеты во всех ее формах
            Создать  на  национальном,  региональном  и  международном уровнях
";
    assert_eq!(unit_starts(ru, 2), ["в уязвимом", "Обеспечить мобилизацию", "Создать на"]);
}

/// A Chinese paragraph that ends in no stop ends in an ideograph, as a line cut
/// anywhere does: the next paragraph's first line, indented by two ideographs and
/// then full, was taken for a centred line going on with it.
#[test]
fn a_chinese_first_line_indent_is_no_centred_line() {
    let zh = r"商定原则获取及公正、公平地分享利用遗传资源和相关传统知识产生的惠益
    通过加强国际合作等方式,增加对农村基础设施、农业研究和推广服务、技术开发
、植物和牲畜基因库的投资,以增强发展中国家,特别是最不发达国家的农业生产能力
    根据多哈发展回合授权,纠正和防止世界农业市场上的贸易限制和扭曲,包括同时取
消一切形式的农业出口补贴和具有相同作用的所有出口措施
    采取措施,确保粮食商品市场及其衍生工具正常发挥作用,确保及时获取包括粮食储
备量在内的市场信息,限制粮价剧烈波动
";
    assert_eq!(unit_starts(zh, 4), ["商定原则获", "通过加强国", "根据多哈发", "采取措施,"]);
}

/// The name of a bilateral agreement set large in a narrow column took six lines
/// (pdftotext of a PDF printed from Word), one more than a title could have: only its
/// first line was the title, and the other five were recitals. A title may take
/// eight lines; past five, it ends before a line that a sentence going on in lower
/// case follows.
#[test]
fn a_title_of_six_lines() {
    let path = "tests/fixtures/realdocs/sigcells/road-transport.ru.pdftotext.txt";
    let doc = bitext::load::load(std::path::Path::new(path), &LoadOptions::default()).unwrap();
    assert_eq!(doc.units[0].r#ref, "title");
    assert!(doc.units[0].text.ends_with("о международном автомобильном сообщении"), "{}", doc.units[0].text);
    assert!(doc.units[1].text.starts_with("Правительство Российской Федерации"), "{}", doc.units[1].text);
}

/// `Информационное сообщение по итогам …` names no kind of document the profile
/// knew, so it was a paragraph, while its Chinese counterpart `…新闻公报` was a title:
/// the pair had an unpaired title.
#[test]
fn an_information_message_has_a_title() {
    let ru = "Информационное сообщение по итогам заседания Совета глав правительств\n\n1. Заседание прошло в дружественной атмосфере.\n\n2. Следующее заседание состоится в 2025 году.\n";
    assert_eq!(refs(ru), ["title", "body.1", "body.2"]);
}

/// A short text read as wrapped took its width from a few lines, and joined two
/// signatures set one under the other as one wrapped line.
#[test]
fn two_signatures_one_under_the_other_in_a_short_wrapped_text() {
    let ru = "СОГЛАШЕНИЕ\nмежду Правительством Российской Федерации\nи Правительством Китайской Народной Республики\nо взаимном учреждении культурных центров\n\nПравительство Российской Федерации и Правительство Китайской Народной Республики, именуемые в дальнейшем Сторонами,\nсогласились о нижеследующем:\n\nСтатья 1\nНастоящее Соглашение вступает в силу с даты его подписания.\n\nСовершено в г. Москве 5 июня 2019 г. в двух экземплярах, каждый на русском и китайском языках, причем оба текста имеют одинаковую силу.\n\nЗа Правительство Российской Федерации\nЗа Правительство Китайской Народной Республики\n";
    assert_eq!(refs(ru), ["title", "preamble.1", "preamble.2", "art.1", "art.1.1", "closing.1", "sig.1", "sig.2"]);
}

/// A Chinese title with no blank line after it (pdftotext's text of a PDF), in a
/// text whose paragraphs blank lines separate, was joined to the first recital.
#[test]
fn a_chinese_title_with_no_blank_line_after_it() {
    let zh = "中华人民共和国政府和俄罗斯联邦政府关于国际道路运输的协定\n中华人民共和国政府和俄罗斯联邦政府（以下简称“双方”），\n兹达成协议如下：\n\n第一条\n\n本协定适用于两国之间的旅客运输。\n\n第二条\n\n本协定自签字之日起生效。\n\n本协定于二〇一八年六月八日在北京签订。\n";
    assert_eq!(refs(zh), ["title", "preamble.1", "preamble.2", "art.1", "art.1.1", "art.2", "art.2.1", "closing.1"]);
}

/// Messages about numbered paragraphs read `paragraph 2 of art.8`, not
/// `paragraph of art.8 2`.
#[test]
fn a_paragraph_number_is_named_in_its_article() {
    let ru = std::fs::read_to_string(crate::util::path("texts/sco-treaty-2007.ru.txt")).unwrap();
    let ru =
        ru.replacen("\n2. Договаривающиеся Стороны в соответствии", "\n3. Договаривающиеся Стороны в соответствии", 1);
    let ru = load_bytes(ru.as_bytes(), "ru.txt", &LoadOptions::default()).unwrap();
    let zh = crate::util::doc("texts/sco-treaty-2007.zh.txt");
    let report = bitext::check::check(&bitext::align::align(&zh, &ru, &bitext::align::AlignOptions::default()));
    let messages: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| matches!(f.kind, bitext::check::Kind::NumberingGap | bitext::check::Kind::NumberingDuplicate))
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "paragraph 2 of art.8 missing in the Russian text: paragraph 3 of art.8 follows paragraph 1 of art.8 (line 63)",
            "paragraph 3 of art.8 occurs twice in the Russian text (line 65)",
        ]
    );
}
