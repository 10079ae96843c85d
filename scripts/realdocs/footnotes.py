"""Writes the treaty as a Word file with two footnotes, as an editor annotates a
treaty: one on the Charter of the United Nations in the preamble, one on the
Charter of the Shanghai Cooperation Organisation in Article 2. Notes are set in
9 points, their marks as superscripts. python-docx has no footnote API: the notes
part is written by hand. From the units that `bitext parse --format json` reads
from the clean text (stdin). Usage:
    bitext parse --format json texts/sco-treaty-2007.ru.txt | python footnotes.py LANG OUT.docx
"""
import datetime
import json
import sys

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn

lang, out = sys.argv[1], sys.argv[2]
units = json.load(sys.stdin)["units"]
NOTES = {
    "zh": [
        ("preamble", "《联合国宪章》", "《联合国宪章》于1945年6月26日在旧金山签署。"),
        ("art.2", "《上海合作组织宪章》", "《上海合作组织宪章》于2002年6月7日在圣彼得堡签署。"),
    ],
    "ru": [
        ("preamble", "Устава Организации Объединенных Наций", "Устав ООН подписан 26 июня 1945 года в Сан-Франциско."),
        ("art.2", "Хартией Шанхайской организации сотрудничества", "Хартия ШОС подписана 7 июня 2002 года в Санкт-Петербурге."),
    ],
}[lang]


def el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    return e


def run(text):
    r = el("w:r")
    t = el("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    r.append(t)
    return r


def mark(note_id):
    r = el("w:r")
    pr = el("w:rPr")
    pr.append(el("w:vertAlign", **{"w:val": "superscript"}))
    r.append(pr)
    r.append(el("w:footnoteReference", **{"w:id": str(note_id)}))
    return r


d = docx.Document()
core = d.core_properties
core.author = "bitext fixtures"
# A fixed date, so that the file is the same on every run.
core.created = core.modified = datetime.datetime(2026, 1, 1)
pending = list(enumerate(NOTES, start=1))
for u in units:
    text = f'{u["label"]} {u["text"]}' if u["label"] else u["text"]
    style = "Title" if u["kind"] == "title" else "Heading 2" if u["kind"] == "heading" else None
    para = d.add_paragraph(style=style)
    if pending and u["ref"].startswith(pending[0][1][0]) and pending[0][1][1] in text:
        note_id, (_, key, _) = pending.pop(0)
        head, tail = text.split(key, 1)
        para._p.append(run(head + key))
        para._p.append(mark(note_id))
        para._p.append(run(tail))
    else:
        para._p.append(run(text))
assert not pending, f"no place for notes {pending}"
notes = "".join(
    f'<w:footnote w:id="{k}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr>'
    f'<w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {note}</w:t></w:r></w:p></w:footnote>'
    for k, (_, _, note) in enumerate(NOTES, start=1)
)
xml = (
    f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    f"{notes}</w:footnotes>"
)
part = Part(
    PackURI("/word/footnotes.xml"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    xml.encode(),
    d.part.package,
)
d.part.relate_to(part, RT.FOOTNOTES)
d.save(out)
