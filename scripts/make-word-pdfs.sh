#!/usr/bin/env bash
# Makes PDFs of texts under tests/fixtures, beside them, as a user's PDF is made: each
# paragraph of the text a paragraph of a Markdown file (typed numbers kept as text),
# pandoc to Word, LibreOffice's PDF export of that. Lines come out evenly spaced, so that
# paragraphs are told apart by their line ends alone, and pages end anywhere:
#   agreements/agriculture.{zh,ru}.pdf
#   sdg/sdg-2030-goals-targets.{zh,ru}.pdf (one goal or target a paragraph, no full stops)
# and agreements/agriculture.ru.justified.pdf: each paragraph justified, 14 points Noto Serif, in a
# Word file written by python-docx (`pdftotext` gives a justified line in pieces, one
# of them drawn out of order).
#
# Tools (Debian 12): apt-get install -y --no-install-recommends pandoc \
#     libreoffice-writer-nogui fonts-noto-cjk fonts-liberation
# and python-docx in the venv that scripts/make-realdocs.sh --install makes
# (REALDOCS_VENV, default target/realdocs-venv).
# BASES=… remakes only those. The PDFs carry their creation time: each run gives other bytes, the same text.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for base in ${BASES:-agreements/agriculture sdg/sdg-2030-goals-targets}; do
    for lang in zh ru; do
        name=$(basename "$base").$lang
        # A paragraph a line; `1.` and `1)` escaped, or pandoc makes a list of them,
        # and `<`, or it takes `<…>` for markup.
        grep -v '^[[:space:]]*$' "$ROOT/tests/fixtures/$base.$lang.txt" | sed -E 's/^([0-9]+)([.)])/\1\\\2/; s/</\\</g' |
            awk 'NR > 1 { print "" } { print }' > "$WORK/$name.md"
        pandoc "$WORK/$name.md" -o "$WORK/$name.docx"
        soffice --headless --convert-to pdf --outdir "$WORK" "$WORK/$name.docx" > /dev/null
        cp "$WORK/$name.pdf" "$ROOT/tests/fixtures/$base.$lang.pdf"
    done
done
if [[ -z "${BASES:-}" ]]; then
    "${REALDOCS_VENV:-$ROOT/target/realdocs-venv}/bin/python" - "$ROOT/tests/fixtures/agreements/agriculture.ru.txt" \
        "$WORK/agriculture.ru.justified.docx" <<'PY'
import sys
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
src, dst = sys.argv[1], sys.argv[2]
from docx.oxml.ns import qn
d = Document()
normal = d.styles['Normal']
normal.font.size = Pt(14)
normal.font.name = 'Noto Serif CJK SC'
normal.element.rPr.rFonts.set(qn('w:eastAsia'), 'Noto Serif CJK SC')
for line in open(src, encoding='utf-8'):
    if line.strip():
        d.add_paragraph(line.strip()).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
d.save(dst)
PY
    soffice --headless --convert-to pdf --outdir "$WORK" "$WORK/agriculture.ru.justified.docx" > /dev/null
    cp "$WORK/agriculture.ru.justified.pdf" "$ROOT/tests/fixtures/agreements/"
fi
