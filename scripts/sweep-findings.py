#!/usr/bin/env python3
"""Measure how much of a deletion the wording findings of `bitext check` see: every
clause of the treaty deleted in turn (omission), and every negation of the treaty and
of the Charter dropped in turn (polarity_mismatch), in either text.

Clauses: each line of the text (texts/sco-treaty-2007.{zh,ru}.txt) cut after `，；、。：`
(Chinese) or `,;.:` (Russian), on lines of at least two clauses (a line of one clause
deleted is an unpaired unit, not an omission); the clause is deleted with its mark.
Negations: the words of the language profile's negation list (src/lang/{zh,ru}.rs,
`negations`) where no fixed expression of `not_negations` covers them — Chinese as
strings, Russian as whole words — each deleted alone.

For each, `bitext check --format json` is run on the damaged text and the other text;
it prints, per text: how many deletions, how many gave the finding sought, how many
gave any error or warning.

With `--only omission` or `--only polarity`, only that sweep runs; with `--missed`,
each deletion that did not give the finding sought is printed with its context, and
each finding of another kind that a deletion gave.

Usage: scripts/sweep-findings.py [--bin target/release/bitext] [--only KIND] [--missed]
"""

import argparse
import json
import os
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TREATY = ("texts/sco-treaty-2007.zh.txt", "texts/sco-treaty-2007.ru.txt")
CHARTER = ("tests/fixtures/un-charter-1945.zh.txt", "tests/fixtures/un-charter-1945.ru.txt")
MARKS = {"zh": "，；、。：", "ru": ",;.:"}


def profile_list(lang, name):
    src = open(os.path.join(ROOT, f"src/lang/{lang}.rs"), encoding="utf-8").read()
    m = re.search(rf"\n\s*{name}: &\[(.*?)\]", src, re.S)
    return re.findall(r'"([^"]*)"', m.group(1))


def check(binary, zh, ru):
    r = subprocess.run([binary, "check", zh, ru, "--format", "json"], capture_output=True, text=True)
    return json.loads(r.stdout)["findings"]


def clauses(lang, text):
    out = []
    pos = 0
    for line in text.split("\n"):
        cut = [0] + [m.end() for m in re.finditer("[" + MARKS[lang] + "]", line)]
        if cut[-1] != len(line):
            cut.append(len(line))
        parts = [(a, b) for a, b in zip(cut, cut[1:]) if line[a:b].strip(" \u3000" + MARKS[lang])]
        if len(parts) >= 2:
            out += [(pos + a, pos + b) for a, b in parts]
        pos += len(line) + 1
    return out


def negations(lang, text):
    neg = sorted(profile_list(lang, "negations"), key=len, reverse=True)
    fixed = profile_list(lang, "not_negations")
    covered = set()
    low = text.lower()
    for f in fixed:
        for m in re.finditer(re.escape(f.lower()), low):
            covered.update(range(m.start(), m.end()))
    out = []
    taken = set()
    for n in neg:
        pat = re.escape(n) if lang == "zh" else r"(?<![\w-])" + re.escape(n) + r"(?![\w-])"
        for m in re.finditer(pat, low):
            span = set(range(m.start(), m.end()))
            if span & covered or span & taken:
                continue
            taken |= span
            end = m.end()
            if lang == "ru" and end < len(text) and text[end] == " ":
                end += 1
            out.append((m.start(), end))
    return sorted(out)


def sweep(binary, pair, side, spans_of, kind, missed=False):
    paths = [os.path.join(ROOT, p) for p in pair]
    lang = ("zh", "ru")[side]
    text = open(paths[side], encoding="utf-8").read()
    spans = spans_of(lang, text)
    found = seen = 0
    with tempfile.TemporaryDirectory() as d:
        damaged = os.path.join(d, os.path.basename(paths[side]))
        for a, b in spans:
            open(damaged, "w", encoding="utf-8").write(text[:a] + text[b:])
            args = [damaged, paths[1]] if side == 0 else [paths[0], damaged]
            fs = check(binary, *args)
            hit = any(f["kind"] == kind for f in fs)
            found += hit
            seen += any(f["severity"] in ("error", "warning") for f in fs)
            if missed:
                where = text[max(0, a - 12):a] + "[" + text[a:b] + "]" + text[b:b + 12]
                if not hit:
                    print("  missed:", where.replace("\n", " "))
                for f in fs:
                    if f["kind"] != kind and f["severity"] in ("error", "warning"):
                        print("  other:", f["kind"], f.get("zh_ref"), f.get("ru_ref"), where.replace("\n", " "))
    return len(spans), found, seen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/bitext"))
    ap.add_argument("--only", choices=("omission", "polarity"))
    ap.add_argument("--missed", action="store_true")
    args = ap.parse_args()
    for side in (0, 1) if args.only != "polarity" else ():
        n, found, seen = sweep(args.bin, TREATY, side, clauses, "omission", args.missed)
        print(f"treaty {('zh', 'ru')[side]}: clauses deleted {n}, omission {found}, any error or warning {seen}")
    for name, pair in (("treaty", TREATY), ("Charter", CHARTER)) if args.only != "omission" else ():
        for side in (0, 1):
            n, found, seen = sweep(args.bin, pair, side, negations, "polarity_mismatch", args.missed)
            print(f"{name} {('zh', 'ru')[side]}: negations dropped {n}, polarity_mismatch {found}, any error or warning {seen}")


if __name__ == "__main__":
    main()
