#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/sigtable/: the treaty in Word with its signatures
# set in a table (two columns, three rows), printed to PDF by LibreOffice, and the
# text pdftotext takes from that PDF, plain and with -layout. In the PDF a row of
# cells shares a baseline, so readers put two signatures on one line.
#
# Usage: scripts/make-sigtable.sh  (tools as scripts/make-realdocs.sh --install sets
# them up: LibreOffice, poppler-utils, python-docx in target/realdocs-venv)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VENV=${REALDOCS_VENV:-target/realdocs-venv}
BITEXT=${BITEXT:-target/release/bitext}
OUT=tests/fixtures/realdocs/sigtable
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
for lang in zh ru; do
    "$BITEXT" parse --format json "texts/sco-treaty-2007.$lang.txt" |
        "$VENV/bin/python" scripts/realdocs/sigtable.py "$OUT/sco-treaty-2007.$lang.docx"
    soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless --convert-to pdf \
        --outdir "$OUT" "$OUT/sco-treaty-2007.$lang.docx" >/dev/null
    pdftotext -enc UTF-8 "$OUT/sco-treaty-2007.$lang.pdf" "$OUT/sco-treaty-2007.$lang.pdftotext.txt"
    pdftotext -enc UTF-8 -layout "$OUT/sco-treaty-2007.$lang.pdf" "$OUT/sco-treaty-2007.$lang.layout.txt"
done
