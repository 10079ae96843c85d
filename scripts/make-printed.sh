#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/NAME/: the treaty as a Word file written by
# scripts/realdocs/NAME.py (python-docx, from the units `bitext parse --format json`
# reads from the clean text), printed to PDF by LibreOffice, and with --text the text
# pdftotext takes from that PDF, plain and with -layout.
#
# Usage: scripts/make-printed.sh NAME [--text]  (tools as scripts/make-realdocs.sh
# --install sets them up: LibreOffice, poppler-utils, python-docx in
# target/realdocs-venv)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
NAME=$1
TEXT=${2:-}
VENV=${REALDOCS_VENV:-target/realdocs-venv}
BITEXT=${BITEXT:-target/release/bitext}
OUT=tests/fixtures/realdocs/$NAME
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
for lang in zh ru; do
    "$BITEXT" parse --format json "texts/sco-treaty-2007.$lang.txt" |
        "$VENV/bin/python" "scripts/realdocs/$NAME.py" "$lang" "$OUT/sco-treaty-2007.$lang.docx"
    soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless --convert-to pdf \
        --outdir "$OUT" "$OUT/sco-treaty-2007.$lang.docx" >/dev/null 2>&1
    if [ "$TEXT" = --text ]; then
        pdftotext -enc UTF-8 "$OUT/sco-treaty-2007.$lang.pdf" "$OUT/sco-treaty-2007.$lang.pdftotext.txt"
        pdftotext -enc UTF-8 -layout "$OUT/sco-treaty-2007.$lang.pdf" "$OUT/sco-treaty-2007.$lang.layout.txt"
    fi
done
