#!/usr/bin/env python3
"""Text as two Python libraries extract it.

    extract.py pypdf FILE.pdf OUT.txt        pypdf: extract_text() of each page, pages joined by "\\n"
    extract.py python-docx FILE.docx OUT.txt python-docx: Paragraph.text of each body paragraph, one a line
"""
import sys


def main():
    tool, src, out = sys.argv[1:4]
    if tool == "pypdf":
        from pypdf import PdfReader
        text = "\n".join(page.extract_text() for page in PdfReader(src).pages)
    elif tool == "python-docx":
        from docx import Document
        text = "".join(p.text + "\n" for p in Document(src).paragraphs)
    else:
        sys.exit(f"unknown tool {tool}")
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(text)


if __name__ == "__main__":
    main()
