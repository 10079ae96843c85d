"""Writes the treaty as a Word file set in two columns on Letter paper, with a
running header, as gazettes and collections of treaties print it: python-docx,
from the units that `bitext parse --format json` reads from the clean text (stdin).
Usage:
    bitext parse --format json texts/sco-treaty-2007.ru.txt | python twocol.py LANG OUT.docx
"""

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches

import treaty_docx

lang, out, units, d = treaty_docx.start()
section = d.sections[0]
section.page_width, section.page_height = Inches(8.5), Inches(11)
section.header.paragraphs[0].text = {
    "zh": "上海合作组织成员国长期睦邻友好合作条约",
    "ru": "Договор о долгосрочном добрососедстве",
}[lang]
section._sectPr.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="567"/>'))
for u in units:
    # A heading's text holds its label (`Статья 1`); a paragraph's does not (`1.`).
    text = f'{u["label"]} {u["text"]}' if u["label"] and u["kind"] != "heading" else u["text"]
    style = "Title" if u["kind"] == "title" else "Heading 2" if u["kind"] == "heading" else None
    d.add_paragraph(text, style=style)
d.save(out)
