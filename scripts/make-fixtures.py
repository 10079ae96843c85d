#!/usr/bin/env python3
"""Makes the encoded and damaged fixtures in tests/fixtures/ from texts/.

Run from the repository root: python3 scripts/make-fixtures.py
The fixtures are committed; this script documents how they were made and remakes
them byte for byte. Python's codecs do the encoding, so the decoding tests check
bitext against an independent encoder. The traditional-Chinese text was converted
once with OpenCC (s2t, opencc-python-reimplemented 0.1.7) and is committed as
tests/fixtures/encodings/sco-treaty-2007.zh-hant.txt; this script does not need OpenCC.
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "encodings")


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    zh = read("texts/sco-treaty-2007.zh.txt")
    ru = read("texts/sco-treaty-2007.ru.txt")
    hant = read("tests/fixtures/encodings/sco-treaty-2007.zh-hant.txt")
    write("sco-treaty-2007.zh.gbk.txt", zh.encode("gbk"))
    write("sco-treaty-2007.zh.gb18030.txt", zh.encode("gb18030"))
    write("sco-treaty-2007.zh.utf8-bom.txt", zh.encode("utf-8-sig"))
    write("sco-treaty-2007.zh.utf16le.txt", zh.encode("utf-16-le"))
    write("sco-treaty-2007.zh.utf16be-bom.txt", b"\xfe\xff" + zh.encode("utf-16-be"))
    write("sco-treaty-2007.zh.crlf.txt", zh.replace("\n", "\r\n").encode("utf-8"))
    write("sco-treaty-2007.zh-hant.big5.txt", hant.encode("big5"))
    write("sco-treaty-2007.ru.cp1251.txt", ru.encode("cp1251"))
    # KOI8-R has no dashes or guillemets; its users typed '-' and '"'. The UTF-8
    # reference holds the same text.
    koi = ru.replace("\u2013", "-").replace("\u00ab", '"').replace("\u00bb", '"')
    write("sco-treaty-2007.ru.koi8r.ref.txt", koi.encode("utf-8"))
    write("sco-treaty-2007.ru.koi8r.txt", koi.encode("koi8_r"))
    write("sco-treaty-2007.ru.utf16le-bom.txt", b"\xff\xfe" + ru.encode("utf-16-le"))
    write("sco-treaty-2007.ru.utf16be.txt", ru.encode("utf-16-be"))
    write("sco-treaty-2007.ru.cr.txt", ru.replace("\n", "\r").encode("utf-8"))
    write("sco-treaty-2007.ru.pdf-damaged.txt", damage(ru).encode("utf-8"))
    # A text GBK cannot hold: U+20000 needs GB18030's four-byte form.
    write("gb18030-four-byte.zh.txt", "第一条\n\n缔约各方确认𠀀字的写法。\n".encode("gb18030"))


VOWELS = "аеёиоуыэюяАЕЁИОУЫЭЮЯ"


def hyphenate(word, room):
    """Splits a long word after a vowel so that the head (with '-') fits in room."""
    if len(word) < 8 or room < 4:
        return None
    for cut in range(min(room - 1, len(word) - 3), 2, -1):
        if word[cut - 1] in VOWELS and word[cut] not in VOWELS and word[:cut].isalpha():
            return word[:cut] + "-", word[cut:]
    return None


def wrap(paragraph, width=68):
    lines, line = [], ""
    for word in paragraph.split(" "):
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            split = hyphenate(word, width - len(line) - 1)
            if split:
                lines.append(line + " " + split[0])
                line = split[1]
            else:
                lines.append(line)
                line = word
    if line:
        lines.append(line)
    return lines


def damage(text):
    """What PDF extraction does: hard wraps with hyphenation, a page number and a
    running header at every page end, CRLF line ends."""
    out = []
    for block in text.split("\n\n"):
        for para in block.split("\n") if block.startswith("ДОГОВОР") else [block]:
            out.extend(wrap(para))
        out.append("")
    pages, page, count = [], [], 0
    for line in out:
        page.append(line)
        count += 1
        if count >= 40 and line != "":
            pages.append(page)
            page, count = [], 0
    pages.append(page)
    result = []
    for n, p in enumerate(pages, 1):
        if n > 1:
            result.append("Договор о долгосрочном добрососедстве ШОС")
            result.append("")
        result.extend(p)
        if n < len(pages):
            result.append("")
            result.append(f"- {n} -")
            result.append("")
    return "\r\n".join(result).rstrip() + "\r\n"


if __name__ == "__main__":
    main()
