#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/footnotes/: the treaty in Word with two footnotes
# (scripts/realdocs/footnotes.py), printed to PDF by LibreOffice, and the text
# pdftotext takes from that PDF, plain and with -layout. In the PDF each note stands
# at the foot of its page and its mark is a superscript the extractors glue to the
# word before it (`Наций1,`).
#
# Usage: scripts/make-footnotes.sh  (tools as scripts/make-realdocs.sh --install sets
# them up: LibreOffice, poppler-utils, python-docx in target/realdocs-venv)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VENV=${REALDOCS_VENV:-target/realdocs-venv}
BITEXT=${BITEXT:-target/release/bitext}
OUT=tests/fixtures/realdocs/footnotes
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
for lang in zh ru; do
    "$BITEXT" parse --format json "texts/sco-treaty-2007.$lang.txt" |
        "$VENV/bin/python" scripts/realdocs/footnotes.py "$lang" "$OUT/sco-treaty-2007.$lang.docx"
    soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless --convert-to pdf \
        --outdir "$OUT" "$OUT/sco-treaty-2007.$lang.docx" >/dev/null
    pdftotext -enc UTF-8 "$OUT/sco-treaty-2007.$lang.pdf" "$OUT/sco-treaty-2007.$lang.pdftotext.txt"
    pdftotext -enc UTF-8 -layout "$OUT/sco-treaty-2007.$lang.pdf" "$OUT/sco-treaty-2007.$lang.layout.txt"
done
