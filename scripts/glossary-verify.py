#!/usr/bin/env python3
"""Verify the shipped zh–ru glossary (src/lexicon/data/glossary.tsv) against the
equally authentic texts in the repository, and attest new entries.

The three pairs are aligned with bitext itself (`bitext align … -o CSV`):
  the SCO treaty       texts/sco-treaty-2007.{zh,ru}.txt
  the UN Charter       tests/fixtures/un-charter-1945.{zh,ru}.txt
  the SDG goals/targets tests/fixtures/sdg/sdg-2030-goals-targets.{zh,ru}.txt (--segments lines)
Then, in every paired unit, the glossary's terms are found as bitext finds them:
Chinese forms as strings, leftmost-longest over all forms (traditional characters are
not mapped: the texts are simplified); Russian forms as sequences of Snowball stems
(snowballstemmer, the same algorithm as rust-stemmers), a word and a form's stem being
one word when equal or one a prefix of the other by at most two letters (the form's of
at least 4 letters, the word's of at least 6), acronyms (ООН) matched as written.

For each entry it counts the units where its Chinese form occurs and how many of them
hold its Russian form, and the other way round. An entry may be checked (reported as
`term_mismatch`) only if every such unit holds both; otherwise it must be `evidence`.

Usage:
  scripts/glossary-verify.py [--bin target/release/bitext]
      checks the glossary: prints each entry's counts; exit 1 if a checked entry has
      a unit with one form and not the other, or is attested nowhere in the texts
      and is not a UNTERM name (an `evidence` entry may name the article where its
      Chinese form stands rendered otherwise).
  scripts/glossary-verify.py --candidates FILE.tsv
      FILE has lines `zh<TAB>ru[<TAB>evidence]` (forms separated by |); prints, for every candidate
      whose two forms stand together in at least one paired unit, a glossary line with
      the places (up to three per text) as its source and `evidence` where some unit
      has one form without the other (or the line asks for it: a word that other
      texts may well render otherwise). Candidates attested nowhere are listed on stderr.

Needs: pip install snowballstemmer.
"""

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile

import snowballstemmer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GLOSSARY = os.path.join(ROOT, "src/lexicon/data/glossary.tsv")
PAIRS = [
    ("SCO treaty", "texts/sco-treaty-2007.zh.txt", "texts/sco-treaty-2007.ru.txt", []),
    ("UN Charter", "tests/fixtures/un-charter-1945.zh.txt", "tests/fixtures/un-charter-1945.ru.txt", []),
    (
        "SDG",
        "tests/fixtures/sdg/sdg-2030-goals-targets.zh.txt",
        "tests/fixtures/sdg/sdg-2030-goals-targets.ru.txt",
        ["--segments", "lines"],
    ),
]

STEMMER = snowballstemmer.stemmer("russian")


def sdg_names():
    """Line i of the SDG text → 'goal N' or 'target N.M', from the official numbering:
    a goal's title, then its targets in order (1.1 … 1.5, 1.a, 1.b)."""
    names = []
    path = os.path.join(ROOT, PAIRS[2][1])
    goal = 0
    target = 0
    letters = "abcdefghij"
    # The goal titles are the lines that have no "到2030年" prefix and start a run:
    # count targets per goal from the official numbering (A/RES/70/1).
    per_goal = [7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19]
    numbered = [5, 5, 9, 7, 6, 6, 3, 10, 5, 7, 7, 8, 3, 7, 9, 10, 19]
    lines = open(path, encoding="utf-8").read().splitlines()
    lines = [l for l in lines if l.strip()]
    i = 0
    for g in range(17):
        goal = g + 1
        names.append(f"SDG goal {goal}")
        i += 1
        for t in range(per_goal[g]):
            target = str(t + 1) if t < numbered[g] else letters[t - numbered[g]]
            names.append(f"SDG target {goal}.{target}")
            i += 1
    assert len(names) == len(lines), (len(names), len(lines))
    return names


def align(binary, zh, ru, extra):
    with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as f:
        out = f.name
    subprocess.run([binary, "align", *extra, os.path.join(ROOT, zh), os.path.join(ROOT, ru), "-o", out], check=True)
    with open(out, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    os.unlink(out)
    return [r for r in rows if r["zh"].strip() and r["ru"].strip()]


def read_glossary(path):
    entries = []
    header = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            continue
        row = dict(zip(header, fields))
        entries.append(
            {
                "zh": [f.strip() for f in row["zh"].split("|") if f.strip()],
                "ru": [f.strip() for f in row["ru"].split("|") if f.strip()],
                "source": row.get("source", ""),
                "checked": row.get("check", "").strip() != "evidence",
                "line": line,
            }
        )
    return entries


def is_letter_or_digit(c):
    return c.isalpha() or c.isnumeric()


def words(text):
    out = []
    start = None
    for i, c in enumerate(text + " "):
        if is_letter_or_digit(c):
            if start is None:
                start = i
        elif start is not None:
            w = text[start:i]
            out.append((w, STEMMER.stemWord(w.lower().replace("ё", "е"))))
            start = None
    return out


def is_acronym(w):
    return len(w) >= 2 and all(c.isupper() or c.isdigit() for c in w)


def same_word(word, form):
    if word == form:
        return True
    nw, nf = len(word), len(form)
    return (nf >= 4 and nw > nf and nw - nf <= 2 and word.startswith(form)) or (
        nw >= 6 and nf > nw and nf - nw <= 2 and form.startswith(word)
    )


class Finder:
    def __init__(self, entries):
        self.zh = {}  # form -> (entries, weak)
        self.ru = {}  # stems tuple -> (entries, weak)
        for i, e in enumerate(entries):
            for f in e["zh"]:
                weak = f.startswith("~")
                f = f.lstrip("~").strip()
                ids, w = self.zh.get(f, ([], True))
                self.zh[f] = (ids + [i], w and weak)
            for f in e["ru"]:
                weak = f.startswith("~")
                f = f.lstrip("~").strip()
                key = tuple("=" + w if is_acronym(w) else s for w, s in words(f))
                ids, w = self.ru.get(key, ([], True))
                self.ru[key] = (ids + [i], w and weak)
        self.zh_max = max(len(f) for f in self.zh)
        self.by_head = {}
        for key in self.ru:
            self.by_head.setdefault(key[0][:4], []).append(key)

    def find_zh(self, text):
        hits = []
        i = 0
        while i < len(text):
            for n in range(min(self.zh_max, len(text) - i), 0, -1):
                if text[i : i + n] in self.zh:
                    hits.append(self.zh[text[i : i + n]])
                    i += n
                    break
            else:
                i += 1
        return hits

    def find_ru(self, text):
        ws = words(text)
        caps = ["=" + w if is_acronym(w) else None for w, _ in ws]

        def matches(k, form):
            return (k < len(ws) and same_word(ws[k][1], form)) or (k < len(ws) and caps[k] == form)

        hits = []
        i = 0
        while i < len(ws):
            cands = []
            for h in (ws[i][1][:4], caps[i][:4] if caps[i] else None):
                if h is not None:
                    cands += self.by_head.get(h, [])
            found = [k for k in cands if all(matches(i + j, s) for j, s in enumerate(k))]
            if found:
                best = sorted(found, key=lambda k: (-len(k), k))[0]
                hits.append(self.ru[best])
                i += len(best)
            else:
                i += 1
        return hits


def measure(entries, units):
    """Per entry: zh units, of them with ru; ru units, of them with zh; refs with both;
    refs where a checked entry would be reported."""
    finder = Finder(entries)
    stats = [{"zh": 0, "zh_ok": 0, "ru": 0, "ru_ok": 0, "both": [], "bad": []} for _ in entries]
    for name, ref, zh, ru in units:
        hits = [finder.find_zh(zh), finder.find_ru(ru)]
        present = [set(), set()]
        for s in (0, 1):
            for ids, _ in hits[s]:
                present[s].update(ids)
        for s, (n, ok) in ((0, ("zh", "zh_ok")), (1, ("ru", "ru_ok"))):
            seen = set()
            for ids, weak in hits[s]:
                if weak:
                    continue
                found = any(e in present[1 - s] for e in ids)
                for e in ids:
                    if e in seen:
                        continue
                    seen.add(e)
                    stats[e][n] += 1
                    if found:
                        stats[e][ok] += 1
                    else:
                        stats[e]["bad"].append(f"{place(name, ref)} ({'zh' if s == 0 else 'ru'} only)")
        for e in present[0] & present[1]:
            stats[e]["both"].append((name, ref))
    return stats


def roman(n):
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def place(name, ref):
    if name == "SDG":
        return ref
    if ref.startswith("preamble"):
        return f"{name} preamble"
    if ref.startswith("title"):
        return f"{name} title"
    m = re.fullmatch(r"chapter\.(\d+)(\..*)?", ref)
    if m:
        return f"{name} chapter {roman(int(m.group(1)))}"
    return f"{name} {ref}"


def units_of(binary):
    sdg = sdg_names()
    units = []
    for name, zh, ru, extra in PAIRS:
        for r in align(binary, zh, ru, extra):
            ref = r["zh_ref"]
            if name == "SDG":
                ref = sdg[int(ref.split("-")[0].split(".")[1]) - 1]
            units.append((name, ref, r["zh"], r["ru"]))
    return units


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/bitext"))
    ap.add_argument("--candidates")
    args = ap.parse_args()
    entries = read_glossary(GLOSSARY)
    units = units_of(args.bin)
    if args.candidates:
        cands = []
        for line in open(args.candidates, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            zh, ru = fields[:2]
            forced = len(fields) > 2 and fields[2].strip() == "evidence"
            cands.append({"zh": zh.split("|"), "ru": ru.split("|"), "forced": forced, "line": line})
        stats = measure(entries + cands, units)
        for c, st in zip(cands, stats[len(entries) :]):
            if not st["both"]:
                print(f"unattested: {c['line']}  zh {st['zh']} ru {st['ru']}", file=sys.stderr)
                continue
            places = []
            for name, _, _, _ in PAIRS:
                refs = [place(n, r) for n, r in st["both"] if n == name]
                refs = list(dict.fromkeys(refs))
                if refs:
                    first = refs[0]
                    rest = [r[len(name) + 1 :] if r.startswith(name + " ") else r.replace("SDG ", "") for r in refs[1:3]]
                    places.append(", ".join([first] + rest))
            check = "evidence" if st["bad"] or c["forced"] else ""
            zh, ru = c["line"].split("\t")[:2]
            print(f"{zh}\t{ru}\t{'; '.join(places)}\t{check}".rstrip("\t"))
            print(
                f"#  zh {st['zh_ok']}/{st['zh']} ru {st['ru_ok']}/{st['ru']}" + (f"  {st['bad'][:4]}" if st["bad"] else ""),
                file=sys.stderr,
            )
        return 0
    stats = measure(entries, units)
    failures = 0
    for e, st in zip(entries, stats):
        verdict = "ok"
        if e["checked"] and st["bad"]:
            verdict = "MUST BE evidence: " + "; ".join(st["bad"][:5])
            failures += 1
        elif e["checked"] and not st["both"] and not e["source"].startswith("UNTERM"):
            verdict = "NOT ATTESTED in the texts"
            failures += 1
        zh = "|".join(e["zh"])
        kind = "checked " if e["checked"] else "evidence"
        print(f"{kind}  zh {st['zh_ok']}/{st['zh']}  ru {st['ru_ok']}/{st['ru']}  {zh}  {verdict}")
    n_ev = sum(not e["checked"] for e in entries)
    print(f"{len(entries)} entries ({n_ev} evidence); {failures} failures", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
