#!/usr/bin/env python3
"""Checks LibreOffice's text export of an auto-numbered docx against the parsed units.

    check_lo.py PARSE.json SOURCE.txt LANG EXPORT.txt

Every unit must come out as one line (the title as its source lines), with the number
LibreOffice computed in front. LibreOffice indents list paragraphs and writes a space
(or the tab) after every computed label; these are folded before comparing, and the
chapter headings of the Russian Charter come out as `Глава` where the text has `ГЛАВА`.
Exit 1 with the differing lines if a number came out wrong.
"""
import json
import re
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from build_docx import glue  # noqa: E402


def expected(units, source_lines, lang):
    out = []
    for u in units:
        if u["kind"] == "title":
            first, last = u["lines"]
            out += [l.strip() for l in source_lines[first - 1:last] if l.strip()]
        elif u["kind"] == "heading":
            label, text = u.get("label") or "", u["text"]
            out.append(text if not label or text.startswith(label) else glue(label, text, lang))
        else:
            out.append(glue(u.get("label") or "", u["text"], lang))
    return out


def fold(line):
    line = line.lstrip("\ufeff").strip()
    line = re.sub(r"^(第[一二三四五六七八九十百零]+[章条]|[一二三四五六七八九十]+、|Глава [IVXLC]+|Статья \d+|\d+\.)[ \t]+",
                  r"\1", line)
    line = re.sub(r"^(\d+\.)(?=\S)", r"\1 ", line)
    return line.replace("ГЛАВА", "Глава")


def main():
    parse_json, source, lang, export = sys.argv[1:5]
    units = json.load(open(parse_json, encoding="utf-8"))["units"]
    source_lines = open(source, encoding="utf-8").read().split("\n")
    want = [fold(l) for l in expected(units, source_lines, lang)]
    got = [fold(l) for l in open(export, encoding="utf-8").read().split("\n") if l.strip()]
    bad = [(i, w, g) for i, (w, g) in enumerate(zip(want, got)) if w != g]
    if len(want) != len(got):
        bad.append((-1, f"{len(want)} lines", f"{len(got)} lines"))
    for i, w, g in bad[:10]:
        print(f"{export}: line {i + 1}:\n  want {w[:80]}\n  got  {g[:80]}", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
