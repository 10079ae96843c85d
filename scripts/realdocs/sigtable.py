"""Writes the treaty as a Word file whose signatures are set in a table of two
columns and three rows, as treaties are printed: python-docx, from the units that
`bitext parse --format json` reads from the clean text (stdin). Usage:
    bitext parse --format json texts/sco-treaty-2007.ru.txt | python sigtable.py LANG OUT.docx
"""
import datetime
import json
import sys

import docx

units = json.load(sys.stdin)["units"]
d = docx.Document()
core = d.core_properties
core.author = "bitext fixtures"
# A fixed date, so that the file is the same on every run.
core.created = core.modified = datetime.datetime(2026, 1, 1)
signatures = [u for u in units if u["kind"] == "signature"]
for u in units:
    if u["kind"] == "signature":
        continue
    text = f'{u["label"]} {u["text"]}' if u["label"] else u["text"]
    style = "Title" if u["kind"] == "title" else "Heading 2" if u["kind"] == "heading" else None
    d.add_paragraph(text, style=style)
table = d.add_table(rows=(len(signatures) + 1) // 2, cols=2)
for k, u in enumerate(signatures):
    cell = table.cell(k // 2, k % 2)
    cell.paragraphs[0].text = u["text"]
    cell.add_paragraph("")
    cell.add_paragraph("______________________")
d.save(sys.argv[2])
