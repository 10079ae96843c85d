"""Builds a Word file with automatic numbering on two levels from a plain treaty text.

Usage: nested_lists.py SOURCE.txt OUT.docx

The text is read a paragraph a line, blocks separated by blank lines (the form of
tests/fixtures/realdocs/nested-lists/road-transport.*.txt). The first block is the title:
its lines centred and bold. Chapter and annex headings (第一章 …, Глава I. …, 附件,
Приложение) are centred and bold, article headings (第一条 …, Статья 1. …) bold, each
typed in full in one run. The block after a closing line (本协定于…, Совершено…) holds the
signatures: a table of one row, a cell each.

Numbered paragraphs get Word's automatic numbering instead of their typed numbers: one
w:num for each article (its numbers restart), on an abstract list of two levels. Level 0
holds the article's paragraphs (`%1、` chineseCounting, `%1.` decimal), level 1 the
sub-items of a paragraph (`（%2）` chineseCounting, `%2)` decimal, `%2)` russianLower),
the formats read from the typed labels of the article. An article whose list starts on
level 1 (a definition article: a lead-in paragraph, then `а)`, `б)`) has only level-1
items, as Word files do when the items are indented one level.
"""

import re
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HEADING = re.compile(r"^(第[一二三四五六七八九十]+章|Глава |附件|Приложение)")
ARTICLE = re.compile(r"^(第[一二三四五六七八九十]+条|Статья \d+)")
CLOSING = re.compile(r"^(本协定于|Совершено)")
# (typed label, level, w:numFmt, w:lvlText)
LABELS = [
    (re.compile(r"^[一二三四五六七八九十]+、"), 0, "chineseCounting", "%1、"),
    (re.compile(r"^\d+\. "), 0, "decimal", "%1."),
    (re.compile(r"^（[一二三四五六七八九十]+）"), 1, "chineseCounting", "（%2）"),
    (re.compile(r"^[абвгдежз]\) "), 1, "russianLower", "%2)"),
    (re.compile(r"^\d+\) "), 1, "decimal", "%2)"),
]


def typed_label(line):
    for rx, level, fmt, text in LABELS:
        m = rx.match(line)
        if m:
            return m, level, fmt, text
    return None


def el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn("w:" + k), v)
    return e


class Numbering:
    def __init__(self, doc):
        # python-docx's default template has a numbering part; make sure it is there.
        probe = doc.add_paragraph("", style="List Number")
        probe._p.getparent().remove(probe._p)
        self.root = doc.part.numbering_part.element
        self.abstract = {}
        self.next_id = 100

    def new_list(self, level0, level1):
        key = (level0, level1)
        if key not in self.abstract:
            a = el("w:abstractNum", abstractNumId=str(self.next_id))
            a.append(el("w:multiLevelType", val="multilevel"))
            for i, (fmt, text) in enumerate(key):
                lvl = el("w:lvl", ilvl=str(i))
                for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
                    lvl.append(el(tag, val=val))
                ppr = el("w:pPr")
                ppr.append(el("w:ind", left=str(360 + 360 * i), hanging="360"))
                lvl.append(ppr)
                a.append(lvl)
            first = self.root.find(qn("w:num"))
            if first is not None:
                first.addprevious(a)
            else:
                self.root.append(a)
            self.abstract[key] = self.next_id
            self.next_id += 1
        num = el("w:num", numId=str(self.next_id))
        num.append(el("w:abstractNumId", val=str(self.abstract[key])))
        for i in (0, 1):
            o = el("w:lvlOverride", ilvl=str(i))
            o.append(el("w:startOverride", val="1"))
            num.append(o)
        self.root.append(num)
        self.next_id += 1
        return self.next_id - 1


def numbered(p, num_id, level):
    ppr = p._p.get_or_add_pPr()
    numpr = el("w:numPr")
    numpr.append(el("w:ilvl", val=str(level)))
    numpr.append(el("w:numId", val=str(num_id)))
    ppr.append(numpr)


def bold(doc, text, centred):
    p = doc.add_paragraph()
    if centred:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = True


def build(src, out):
    blocks = [b.split("\n") for b in open(src, encoding="utf-8").read().strip().split("\n\n")]
    doc = Document()
    numbering = Numbering(doc)
    for line in blocks[0]:
        bold(doc, line, True)
    signatures = None
    for block in blocks[1:]:
        if signatures is not None:
            table = doc.add_table(rows=1, cols=len(block))
            for cell, name in zip(table.rows[0].cells, block):
                cell.paragraphs[0].text = name
            signatures = None
            continue
        # The formats of an article's two levels, from its typed labels.
        formats = [("decimal", "%1."), ("decimal", "%2)")]
        for line in block:
            t = typed_label(line)
            if t:
                formats[t[1]] = (t[2], t[3])
        num_id = None
        for line in block:
            if HEADING.match(line):
                bold(doc, line, True)
            elif ARTICLE.match(line):
                bold(doc, line, False)
            elif CLOSING.match(line):
                doc.add_paragraph(line)
                signatures = []
            elif (t := typed_label(line)) is not None:
                m, level = t[0], t[1]
                if num_id is None:
                    num_id = numbering.new_list(*formats)
                numbered(doc.add_paragraph(line[m.end() :].strip()), num_id, level)
            else:
                doc.add_paragraph(line)
    doc.save(out)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
