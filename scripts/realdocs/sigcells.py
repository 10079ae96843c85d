"""Writes a text as a Word file whose signatures are set side by side in a table of
two columns, each run of signatures where it stands (an annex may follow): python-docx,
from the units that `bitext parse --format json` reads from the clean text (stdin).
Usage:
    bitext parse --format json BASE.ru.txt | python sigcells.py LANG OUT.docx
"""
import treaty_docx

lang, out, units, d = treaty_docx.start()
k = 0
while k < len(units):
    u = units[k]
    if u["kind"] == "signature":
        run = []
        while k < len(units) and units[k]["kind"] == "signature":
            run.append(units[k]["text"])
            k += 1
        table = d.add_table(rows=(len(run) + 1) // 2, cols=2)
        for n, text in enumerate(run):
            table.cell(n // 2, n % 2).paragraphs[0].text = text
        continue
    if u["kind"] in ("title", "heading") or not u["label"]:
        text = u["text"]
    else:
        text = u["label"] + (" " if lang == "ru" else "") + u["text"]
    style = "Title" if u["kind"] == "title" else "Heading 2" if u["kind"] == "heading" else None
    d.add_paragraph(text, style=style)
    k += 1
d.save(out)
