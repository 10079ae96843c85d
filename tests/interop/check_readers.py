#!/usr/bin/env python3
"""Reads bitext's TMX with the Python translate-toolkit and its XLSX with openpyxl,
as translators' and reviewers' tools would, and checks that the number of pairs and
the exact texts of both languages survive; validates the TMX against the TMX 1.4b
DTD with lxml. Run by .ci/run in a virtual environment:

    python check_readers.py path/to/bitext

Ends with the line 'N passed, N failed'; exits 1 if anything failed.
"""
import json
import os
import subprocess
import sys
import tempfile

import openpyxl
from lxml import etree
from translate.storage import tmx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAIRS = [
    ("texts/sco-treaty-2007.zh.txt", "texts/sco-treaty-2007.ru.txt"),
    ("tests/fixtures/un-charter-1945.zh.txt", "tests/fixtures/un-charter-1945.ru.txt"),
]
JOINER = {"zh": "", "ru": " "}

passed = failed = 0


def expect(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAILED:", what)


def run(bitext, *args):
    return subprocess.run([bitext, *args], cwd=ROOT, check=True, capture_output=True).stdout


def main():
    bitext = os.path.abspath(sys.argv[1])
    dtd = etree.DTD(os.path.join(ROOT, "tests", "interop", "tmx14.dtd"))
    with tempfile.TemporaryDirectory() as tmp:
        for zh, ru in PAIRS:
            name = os.path.basename(zh).split(".")[0]
            pairs = json.loads(run(bitext, "align", zh, ru, "--format", "json"))["pairs"]
            paired = [p for p in pairs if p["zh_ref"] and p["ru_ref"]]

            # TMX through translate-toolkit.
            tmx_path = os.path.join(tmp, name + ".tmx")
            run(bitext, "align", zh, ru, "--format", "tmx", "-o", tmx_path)
            with open(tmx_path, "rb") as f:
                store = tmx.tmxfile(f, sourcelanguage="zh-CN", targetlanguage="ru-RU")
            units = [u for u in store.units if not u.isheader()]
            expect(len(units) == len(paired), f"{name}: {len(units)} TMX units, {len(paired)} pairs")
            for u, p in zip(units, paired):
                zh_text = JOINER["zh"].join(p["zh"].split("\n"))
                ru_text = JOINER["ru"].join(p["ru"].split("\n"))
                expect(u.source == zh_text, f"{name}: TMX source of {p['zh_ref']}: {u.source!r}")
                expect(u.target == ru_text, f"{name}: TMX target of {p['ru_ref']}: {u.target!r}")
            doc = etree.parse(tmx_path)
            expect(dtd.validate(doc), f"{name}: TMX not valid against TMX 1.4b: {dtd.error_log.filter_from_errors()}")
            header = doc.getroot().find("header")
            for attr in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"]:
                expect(header.get(attr), f"{name}: header lacks {attr}")

            # XLSX through openpyxl.
            xlsx_path = os.path.join(tmp, name + ".xlsx")
            run(bitext, "align", zh, ru, "--format", "xlsx", "--with-findings", "-o", xlsx_path)
            book = openpyxl.load_workbook(xlsx_path, read_only=True)
            expect(book.sheetnames == ["alignment", "findings", "files"], f"{name}: sheets {book.sheetnames}")
            rows = list(book["alignment"].iter_rows(values_only=True))
            expect(list(rows[0]) == ["zh_ref", "ru_ref", "zh", "ru", "link", "score"], f"{name}: header {rows[0]}")
            expect(len(rows) - 1 == len(pairs), f"{name}: {len(rows) - 1} rows, {len(pairs)} pairs")
            for row, p in zip(rows[1:], pairs):
                expect((row[0] or "") == "+".join(p["zh_ref"]), f"{name}: zh_ref {row[0]!r}")
                expect((row[1] or "") == "+".join(p["ru_ref"]), f"{name}: ru_ref {row[1]!r}")
                expect((row[2] or "") == p["zh"], f"{name}: zh text of {p['zh_ref']}")
                expect((row[3] or "") == p["ru"], f"{name}: ru text of {p['ru_ref']}")
                expect(row[4] == p["link"] and abs(row[5] - p["score"]) < 1e-9, f"{name}: link/score {row[4:]}")
            # Rows as tall as their wrapped text (15 points a line), so that programs that
            # keep a row's stored height (LibreOffice Calc) show all of it: a long
            # paragraph's row must be taller than one line, a one-line pair's row not.
            sheet = openpyxl.load_workbook(xlsx_path)["alignment"]
            heights = [sheet.row_dimensions[i + 2].height or 15.0 for i in range(len(pairs))]
            longest = max(range(len(pairs)), key=lambda i: len(pairs[i]["zh"]) + len(pairs[i]["ru"]))
            expect(heights[longest] >= 45.0, f"{name}: the longest pair's row is {heights[longest]} points high")
            for i, p in enumerate(pairs):
                wide = sum(2 if "\u2e80" <= c <= "\uffe6" else 1 for c in p["zh"])
                expect(wide <= 60 or heights[i] > 15.0, f"{name}: row of {p['zh_ref']} is one line high")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
