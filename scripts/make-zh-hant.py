#!/usr/bin/env python3
"""Remake src/lexicon/data/zh-hant.tsv: the traditional characters that the Chinese forms
of the shipped glossary (src/lexicon/data/glossary.tsv) may be written with, and the
simplified characters they are read as. Each simplified character of the glossary's
Chinese forms goes, one at a time, through OpenCC's s2t, s2tw and s2hk tables
(Apache-2.0) in opencc-python-reimplemented 0.1.7, and so does each whole form (OpenCC
converts by phrase); a traditional character that differs
and has the same UTF-8 length is kept (byte offsets must not move). The lines so made
are merged with those already in the file, in code point order.

Usage: pip install opencc-python-reimplemented==0.1.7; scripts/make-zh-hant.py
"""

import os

from opencc import OpenCC

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GLOSSARY = os.path.join(ROOT, "src/lexicon/data/glossary.tsv")
HANT = os.path.join(ROOT, "src/lexicon/data/zh-hant.tsv")

chars, forms = set(), set()
header = None
for line in open(GLOSSARY, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    fields = line.rstrip("\n").split("\t")
    if header is None:
        header = fields
        continue
    zh = fields[header.index("zh")]
    chars.update(c for c in zh if c >= "\u3400")
    forms.update(f.strip().lstrip("~") for f in zh.split("|"))

comments, pairs = [], {}
for line in open(HANT, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("#"):
        comments.append(line)
    elif line:
        t, s = line.split("\t")
        pairs[t] = s
for conf in ("s2t", "s2tw", "s2hk"):
    cc = OpenCC(conf)
    for s in sorted(chars):
        for t in cc.convert(s):
            if t != s and len(t.encode()) == len(s.encode()):
                pairs.setdefault(t, s)
    # Whole forms too, as OpenCC converts by phrase: 关系 is 關係, though 系 alone is 系.
    for form in sorted(forms):
        t_form = cc.convert(form)
        if len(t_form) == len(form):
            for t, s in zip(t_form, form):
                if t != s and len(t.encode()) == len(s.encode()):
                    pairs.setdefault(t, s)
with open(HANT, "w", encoding="utf-8") as f:
    for c in comments:
        f.write(c + "\n")
    for t in sorted(pairs):
        f.write(f"{t}\t{pairs[t]}\n")
