#!/usr/bin/env python3
"""DOCX from `bitext parse --format json` units, in one typesetting.

    gen_docx.py PARSE.json SOURCE.txt LANG OUT.docx PAGE SIZE ALIGN VARIANT

PAGE A4|A5 (2 cm margins), SIZE body pt, ALIGN J|L, VARIANT std|alt:
  zh std = first-line indent 2 characters, zh alt = no indent;
  ru std = automatic hyphenation on, ru alt = off (ru always 1.25 cm first-line indent).
Each unit is one paragraph, label in front (as scripts/realdocs/build_docx.py without
--autonum); title lines are Title paragraphs; headings centred bold; a centred page
number in the footer.
"""
import json
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

SERIF = "Liberation Serif"
CJK = "Noto Serif CJK SC"


def glue(label, text):
    if not label:
        return text
    if label.endswith("、"):
        return label + text
    return label + " " + text


def fonts_xml():
    return parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{SERIF}" w:hAnsi="{SERIF}" '
                     f'w:eastAsia="{CJK}" w:cs="{SERIF}"/>')


def main():
    pj, src, lang, out, page, size, align, variant = sys.argv[1:9]
    size = float(size)
    units = json.load(open(pj, encoding="utf-8"))["units"]
    lines = open(src, encoding="utf-8").read().split("\n")
    doc = Document()
    # defaults
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for el in list(rpr):
        rpr.remove(el)
    rpr.append(fonts_xml())
    hs = int(round(size * 2))
    rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="{hs}"/>'))
    rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="{hs}"/>'))
    main_lang = "zh-CN" if lang == "zh" else "ru-RU"
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{main_lang}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'))
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for el in list(ppr):
        ppr.remove(el)
    ppr.append(parse_xml(f'<w:spacing {nsdecls("w")} w:after="120" w:line="276" w:lineRule="auto"/>'))
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Footer"):
        st = doc.styles[name]
        el = st.element
        r = el.get_or_add_rPr()
        for tag in ("w:rFonts", "w:color", "w:sz", "w:szCs", "w:kern", "w:spacing", "w:i", "w:iCs"):
            for old in r.findall(qn(tag)):
                r.remove(old)
        r.insert(0, fonts_xml())
        st.font.color.rgb = RGBColor(0, 0, 0)
        p = el.get_or_add_pPr()
        for tag in ("w:pBdr", "w:spacing"):
            for old in p.findall(qn(tag)):
                p.remove(old)
    for name, sz in (("Title", size + 4), ("Heading 1", size + 1), ("Heading 2", size),
                     ("Heading 3", size), ("Footer", max(size - 2, 8))):
        doc.styles[name].font.size = Pt(sz)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        st = doc.styles[name]
        st.font.bold = True
        st.paragraph_format.space_before = Pt(12)
        st.paragraph_format.space_after = Pt(6)
    # section
    sec = doc.sections[0]
    if page == "A4":
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    else:
        sec.page_width, sec.page_height = Mm(148), Mm(210)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(sec, side, Mm(20))
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for xml in (f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
                f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>',
                f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
                f'<w:t {nsdecls("w")}>1</w:t>',
                f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'):
        fp.add_run()._r.append(parse_xml(xml))
    hyph = lang == "ru" and variant == "std"
    settings = doc.settings.element
    if hyph:
        tab = settings.find(qn("w:defaultTabStop"))
        hy = parse_xml(f'<w:autoHyphenation {nsdecls("w")}/>')
        if tab is not None:
            tab.addnext(hy)
        else:
            settings.insert(0, hy)
    else:
        # Normal style: suppressAutoHyphens, so no hyphenation whatever the defaults
        doc.styles["Normal"].element.get_or_add_pPr().append(
            parse_xml(f'<w:suppressAutoHyphens {nsdecls("w")}/>'))
    body_align = WD_ALIGN_PARAGRAPH.JUSTIFY if align == "J" else WD_ALIGN_PARAGRAPH.LEFT

    def para(text, style=None, al=None):
        p = doc.add_paragraph(style=style)
        if text:
            p.add_run(text)
        if al is not None:
            p.alignment = al
        return p

    for u in units:
        kind, ref, label, text = u["kind"], u["ref"], u.get("label") or "", u["text"]
        if kind == "title":
            a, b = u["lines"]
            for line in [l.strip() for l in lines[a - 1:b] if l.strip()]:
                para(line, "Title", WD_ALIGN_PARAGRAPH.CENTER)
            continue
        if kind == "heading":
            head = ref.split(".")[0]
            is_group = ".h" in ref
            style = "Heading 1" if head == "chapter" and not is_group else (
                "Heading 3" if is_group else "Heading 2")
            full = glue(label, text) if label and not text.startswith(label) else text
            para(full, style, WD_ALIGN_PARAGRAPH.CENTER)
            continue
        if kind == "signature":
            para(glue(label, text), None, WD_ALIGN_PARAGRAPH.LEFT)
            continue
        p = para(glue(label, text), None, body_align)
        if kind == "item":
            p.paragraph_format.left_indent = Mm(10)
            continue
        if lang == "zh":
            if variant == "std":
                ppr = p._p.get_or_add_pPr()
                ppr.append(parse_xml(f'<w:ind {nsdecls("w")} w:firstLineChars="200" '
                                     f'w:firstLine="{int(size * 40)}"/>'))
        else:
            p.paragraph_format.first_line_indent = Mm(12.5)
    doc.save(out)


if __name__ == "__main__":
    main()
