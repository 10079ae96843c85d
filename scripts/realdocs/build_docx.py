#!/usr/bin/env python3
"""Writes a Word document from the units `bitext parse --format json` read in a text.

    build_docx.py PARSE.json SOURCE.txt LANG OUT.docx --short-title TEXT [--autonum]

Without --autonum every number is written in the text, as a typist types it: `第一条`,
`一、`, `Статья 1`, `1.`. With --autonum the numbers of chapters, articles and the
numbered paragraphs of an article are Word automatic numbering (numbering.xml):
the paragraph holds only what follows the number, and the number exists only as
`w:lvlText` (`第%1条`, `Статья %1`, `%1、`, `%1.`) with its `w:numFmt`.
Paragraph numbering restarts in every article: one `w:num` per article, each with
`w:lvlOverride/w:startOverride`, all on one `w:abstractNum`. Sub-items stay literal.

The section is A4 with a running header (the short title) and a page-number field in
the footer; settings.xml turns automatic hyphenation on. The zip is written with fixed
timestamps so that the same input gives the same bytes.
"""
import argparse
import copy
import io
import json
import re
import sys
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def zh_number(s):
    """Value of a Chinese numeral up to 999 (一, 十一, 二十三, 一百零一)."""
    total, cur = 0, 0
    for ch in s:
        if ch in ZH_DIGITS:
            cur = ZH_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            raise ValueError(s)
    return total + cur


def roman(s):
    vals = [ROMAN[c] for c in s.upper()]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


ZH_NUM = "[一二三四五六七八九十百零〇两]+"
# Heading patterns: (regex with the number in group 1, value function, what follows in group 2)
HEADINGS = {
    ("zh", "art"): (re.compile(rf"^第({ZH_NUM})条(.*)$"), zh_number),
    ("zh", "chapter"): (re.compile(rf"^第({ZH_NUM})章(.*)$"), zh_number),
    ("ru", "art"): (re.compile(r"^Статья\s+(\d+)(.*)$"), int),
    ("ru", "chapter"): (re.compile(r"^(?:Глава|ГЛАВА)\s+([IVXLC]+)(.*)$"), roman),
}
PARA_LABEL = {
    "zh": (re.compile(rf"^({ZH_NUM})、$"), zh_number),
    "ru": (re.compile(r"^(\d+)\.$"), int),
}
# The automatic-numbering levels: (numFmt, lvlText, suffix after the number)
LEVELS = {
    ("zh", "art"): ("chineseCounting", "第%1条", "nothing"),
    ("zh", "chapter"): ("chineseCounting", "第%1章", "nothing"),
    ("zh", "para"): ("chineseCounting", "%1、", "nothing"),
    ("ru", "art"): ("decimal", "Статья %1", "nothing"),
    ("ru", "chapter"): ("upperRoman", "Глава %1", "nothing"),
    ("ru", "para"): ("decimal", "%1.", "tab"),
}

SERIF = "Liberation Serif"
CJK_SERIF = "Noto Serif CJK SC"
FIXED_DATE = (2007, 8, 16, 0, 0, 0)


def set_fonts(rpr_parent, size=None, bold=None):
    """Explicit fonts (no theme fonts) on a style or run, black."""
    rpr = rpr_parent.get_or_add_rPr()
    for tag in ("w:rFonts", "w:color"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    fonts = parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{SERIF}" w:hAnsi="{SERIF}" '
                      f'w:eastAsia="{CJK_SERIF}" w:cs="{SERIF}"/>')
    rpr.insert(0, fonts)
    rpr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="000000"/>'))


def setup_styles(doc, lang):
    styles = doc.styles
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for el in list(rpr):
        rpr.remove(el)
    rpr.append(parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{SERIF}" w:hAnsi="{SERIF}" '
                         f'w:eastAsia="{CJK_SERIF}" w:cs="{SERIF}"/>'))
    size = 28 if lang == "zh" else 26  # half-points: 14 pt / 13 pt
    rpr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="{size}"/>'))
    rpr.append(parse_xml(f'<w:szCs {nsdecls("w")} w:val="{size}"/>'))
    main = "zh-CN" if lang == "zh" else "ru-RU"
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{main}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'))
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for el in list(ppr):
        ppr.remove(el)
    ppr.append(parse_xml(f'<w:spacing {nsdecls("w")} w:after="120" w:line="300" w:lineRule="auto"/>'))

    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Header", "Footer"):
        st = styles[name]
        el = st.element
        set_fonts(el)
        rp = el.get_or_add_rPr()
        for tag in ("w:sz", "w:szCs", "w:kern", "w:spacing", "w:i", "w:iCs"):
            for old in rp.findall(qn(tag)):
                rp.remove(old)
        pp = el.get_or_add_pPr()
        for tag in ("w:pBdr", "w:spacing"):
            for old in pp.findall(qn(tag)):
                pp.remove(old)
    for name, sz in (("Title", 36 if lang == "zh" else 30), ("Heading 1", size + 2),
                     ("Heading 2", size), ("Heading 3", size), ("Header", 20), ("Footer", 20)):
        st = styles[name]
        st.font.size = Pt(sz / 2)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.bold = True
        styles[name].paragraph_format.space_before = Pt(12)
        styles[name].paragraph_format.space_after = Pt(6)


def page_field_runs(paragraph, before, after):
    """Footer text with a PAGE field as Word writes it (fldChar begin/separate/end)."""
    if before:
        paragraph.add_run(before)
    for xml in (f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
                f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>',
                f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
                f'<w:t {nsdecls("w")}>1</w:t>',
                f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'):
        run = paragraph.add_run()
        run._r.append(parse_xml(xml))
    if after:
        paragraph.add_run(after)


def setup_section(doc, lang, short_title):
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(25), Mm(25)
    sec.left_margin, sec.right_margin = Mm(30), Mm(20)
    sec.header_distance, sec.footer_distance = Mm(12), Mm(12)
    hp = sec.header.paragraphs[0]
    hp.text = short_title
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if lang == "zh":
        page_field_runs(fp, "- ", " -")
    else:
        page_field_runs(fp, "", "")


def setup_settings(doc):
    settings = doc.settings.element
    tab = settings.find(qn("w:defaultTabStop"))
    hy = parse_xml(f'<w:autoHyphenation {nsdecls("w")}/>')
    if tab is not None:
        tab.addnext(hy)
    else:
        settings.insert(0, hy)


class Numbering:
    """Adds abstractNum/num definitions to numbering.xml."""

    def __init__(self, doc, lang):
        self.root = doc.part.numbering_part.element
        self.lang = lang
        self.next_abstract = 20
        self.next_num = 20
        self.abstract = {}

    def abstract_for(self, kind, centred):
        if kind in self.abstract:
            return self.abstract[kind]
        fmt, text, suff = LEVELS[(self.lang, kind)]
        aid = self.next_abstract
        self.next_abstract += 1
        if kind == "para":
            ind = '<w:ind w:left="0" w:firstLine="567"/>' if self.lang == "ru" else '<w:ind w:left="0" w:firstLineChars="200" w:firstLine="560"/>'
        else:
            ind = '<w:ind w:left="0" w:firstLine="0"/>'
        tabs = '<w:tabs><w:tab w:val="num" w:pos="1134"/></w:tabs>' if suff == "tab" else ""
        el = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
            f'<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="{"center" if centred else "left"}"/>'
            f'<w:pPr>{tabs}{ind}</w:pPr></w:lvl></w:abstractNum>')
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(el)
        else:
            self.root.append(el)
        self.abstract[kind] = aid
        return aid

    def new_num(self, kind, start=None, centred=False):
        aid = self.abstract_for(kind, centred)
        nid = self.next_num
        self.next_num += 1
        override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                    if start is not None else "")
        self.root.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'))
        return nid


def number_paragraph(paragraph, num_id):
    ppr = paragraph._p.get_or_add_pPr()
    numpr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    # numPr comes after pStyle/keepNext/keepLines/pageBreakBefore/framePr/widowControl
    anchor = None
    for tag in ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl"):
        found = ppr.find(qn(tag))
        if found is not None:
            anchor = found
    if anchor is not None:
        anchor.addnext(numpr)
    else:
        ppr.insert(0, numpr)


def glue(label, text, lang):
    if not label:
        return text
    if label.endswith("、"):
        return label + text
    return label + " " + text


def build(units, source_lines, lang, out, short_title, autonum):
    doc = Document()
    setup_styles(doc, lang)
    setup_section(doc, lang, short_title)
    setup_settings(doc)
    cp = doc.core_properties
    cp.title = short_title
    cp.author = ""
    cp.last_modified_by = ""
    cp.comments = ""
    cp.revision = 1
    import datetime
    cp.created = cp.modified = datetime.datetime(*FIXED_DATE)
    cp.last_printed = datetime.datetime(*FIXED_DATE)
    body = doc.element.body
    # python-docx's template starts with no paragraphs except sectPr; fine.

    numbering = Numbering(doc, lang) if autonum else None
    art_num = chap_num = None
    expect_art = expect_chap = None
    para_num = None
    expect_para = None

    def paragraph(text, style=None, align=None):
        p = doc.add_paragraph(style=style)
        if text:
            p.add_run(text)
        if align is not None:
            p.alignment = align
        return p

    for u in units:
        kind, ref, label, text = u["kind"], u["ref"], u.get("label") or "", u["text"]
        if kind == "title":
            first, last = u["lines"]
            lines = [l.strip() for l in source_lines[first - 1:last] if l.strip()]
            for line in lines:
                paragraph(line, "Title", WD_ALIGN_PARAGRAPH.CENTER)
            continue
        if kind == "heading":
            head = ref.split(".")[0]
            is_group = re.search(r"\.h\d+$", ref) is not None
            style = "Heading 1" if head == "chapter" and not is_group else (
                "Heading 3" if is_group else "Heading 2")
            key = "art" if head == "art" else ("chapter" if head == "chapter" and not is_group else None)
            full = glue(label, text, lang) if label and not text.startswith(label) else text
            if autonum and key is not None:
                rx, value = HEADINGS[(lang, key)]
                m = rx.match(full)
                if m:
                    n = value(m.group(1))
                    rest = m.group(2)
                    if key == "art":
                        if art_num is None or n != expect_art:
                            art_num = numbering.new_num("art", start=None if art_num is None and n == 1 else n, centred=True)
                        expect_art = n + 1
                        nid = art_num
                        para_num = None
                        expect_para = None
                    else:
                        if chap_num is None or n != expect_chap:
                            chap_num = numbering.new_num("chapter", start=None if chap_num is None and n == 1 else n, centred=True)
                        expect_chap = n + 1
                        nid = chap_num
                    p = paragraph(rest, style, WD_ALIGN_PARAGRAPH.CENTER)
                    number_paragraph(p, nid)
                    continue
                print(f"build_docx: {ref}: heading {full!r} left literal", file=sys.stderr)
            paragraph(full, style, WD_ALIGN_PARAGRAPH.CENTER)
            continue
        align = WD_ALIGN_PARAGRAPH.JUSTIFY
        if kind == "signature":
            p = paragraph(glue(label, text, lang), None, WD_ALIGN_PARAGRAPH.LEFT)
            continue
        if kind == "item":
            p = paragraph(glue(label, text, lang), None, align)
            p.paragraph_format.left_indent = Mm(10)
            continue
        m = PARA_LABEL[lang][0].match(label) if label else None
        if autonum and m and ref.startswith("art.") and ref.count(".") == 2:
            n = PARA_LABEL[lang][1](m.group(1))
            if para_num is None or n != expect_para:
                para_num = numbering.new_num("para", start=n)
            expect_para = n + 1
            p = paragraph(text, None, align)
            number_paragraph(p, para_num)
            continue
        p = paragraph(glue(label, text, lang), None, align)
        if lang == "zh":
            p.paragraph_format.first_line_indent = Pt(28)
        else:
            p.paragraph_format.first_line_indent = Mm(10)

    buf = io.BytesIO()
    doc.save(buf)
    write_fixed_zip(buf.getvalue(), out)


def write_fixed_zip(data, out):
    """Rewrites a zip with fixed timestamps and no thumbnail, members in the same order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
            if info.filename == "_rels/.rels":
                blob = re.sub(rb'<Relationship [^>]*thumbnail[^>]*/>', b"", blob)
            zi = zipfile.ZipInfo(info.filename, FIXED_DATE[:3] + (0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, blob)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("parse_json")
    ap.add_argument("source")
    ap.add_argument("lang", choices=("zh", "ru"))
    ap.add_argument("out")
    ap.add_argument("--short-title", required=True)
    ap.add_argument("--autonum", action="store_true")
    a = ap.parse_args()
    with open(a.parse_json, encoding="utf-8") as f:
        units = json.load(f)["units"]
    with open(a.source, encoding="utf-8") as f:
        source_lines = f.read().split("\n")
    build(units, source_lines, a.lang, a.out, a.short_title, a.autonum)


if __name__ == "__main__":
    main()
