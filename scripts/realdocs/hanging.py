"""Writes the treaty as a Word file whose numbered paragraphs hang from their
numbers, as Word's automatic numbering sets them: the number (`一、`, `1.`) at the
left, the paragraph's text and its following lines indented to a tab stop. From the
units that `bitext parse --format json` reads from the clean text (stdin), with
python-docx. The articles take turns at three settings, so that every kind of
hanging indent is printed:
- automatic numbering, number at the margin, text at 0.25" (a Chinese number is
  wider than that: its text goes on to the next tab stop, right of its next lines);
- automatic numbering one level deep: number at 0.39", text and lines at 0.79";
- the number typed, a tab after it, the paragraph given a hanging indent of 0.39"
  by hand (no numbering).
Usage:
    bitext parse --format json texts/sco-treaty-2007.zh.txt | python hanging.py LANG OUT.docx
"""

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

import treaty_docx

lang, out, units, d = treaty_docx.start()

# The numbering part exists once a numbered style has been used.
probe = d.add_paragraph("x", style="List Number")
probe._p.getparent().remove(probe._p)
numbering = d.part.numbering_part.element
FORMAT = {"zh": ("chineseCounting", "%{}、"), "ru": ("decimal", "%{}.")}[lang]
# (left, hanging) of each setting, in twips.
SETTINGS = [(360, 360), (1134, 567), (567, 567)]

def element(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), str(v))
    return e

def indent(left, hanging):
    return element("w:ind", left=left, hanging=hanging)

# One list definition: level 0 as setting 0, level 1 as setting 1.
abstract = element("w:abstractNum", abstractNumId=90)
abstract.append(element("w:multiLevelType", val="multilevel"))
for level in (0, 1):
    lvl = element("w:lvl", ilvl=level)
    for tag, val in (("start", 1), ("numFmt", FORMAT[0]), ("lvlText", FORMAT[1].format(level + 1)), ("lvlJc", "left")):
        lvl.append(element(f"w:{tag}", val=val))
    ppr = OxmlElement("w:pPr")
    ppr.append(indent(*SETTINGS[level]))
    lvl.append(ppr)
    abstract.append(lvl)
first = numbering.find(qn("w:num"))
if first is not None:
    first.addprevious(abstract)
else:
    numbering.append(abstract)
next_num = [90]

def new_list():
    """A list that counts from 1: one for each article."""
    n = element("w:num", numId=next_num[0])
    n.append(element("w:abstractNumId", val=90))
    for level in (0, 1):
        o = element("w:lvlOverride", ilvl=level)
        o.append(element("w:startOverride", val=1))
        n.append(o)
    numbering.append(n)
    next_num[0] += 1
    return next_num[0] - 1

article = 0
num = None
for u in units:
    kind, label = u["kind"], u["label"]
    if kind == "heading":
        article += 1
        num = None
        d.add_paragraph(u["text"], style="Heading 2")
        continue
    if not label:
        d.add_paragraph(u["text"], style="Title" if kind == "title" else None)
        continue
    setting = article % 3
    if setting == 2:
        p = d.add_paragraph(f"{label}\t{u['text']}")
        p._p.get_or_add_pPr().append(indent(*SETTINGS[2]))
        continue
    if num is None:
        num = new_list()
    p = d.add_paragraph(u["text"])
    numpr = OxmlElement("w:numPr")
    numpr.append(element("w:ilvl", val=setting))
    numpr.append(element("w:numId", val=num))
    p._p.get_or_add_pPr().append(numpr)
d.save(out)
