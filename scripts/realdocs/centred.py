"""Writes the treaty as a Word file with its title, preamble and article headings
centred and its articles justified, as some gazettes set a treaty's opening: the
long centred recitals wrap over several lines, each centred on its own. python-docx,
from the units that `bitext parse --format json` reads from the clean text (stdin).
Usage:
    bitext parse --format json texts/sco-treaty-2007.ru.txt | python centred.py LANG OUT.docx
"""

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

import treaty_docx

lang, out, units, d = treaty_docx.start()
for u in units:
    # A heading's text holds its label (`Статья 1`); a paragraph's does not (`1.`).
    text = f'{u["label"]} {u["text"]}' if u["label"] and u["kind"] != "heading" else u["text"]
    p = d.add_paragraph(text)
    centred = u["kind"] in ("title", "preamble", "heading")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY
d.save(out)
