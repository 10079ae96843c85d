#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/NAME/: the treaty as a Word file written by
# scripts/realdocs/NAME.py (python-docx, from the units `bitext parse --format json`
# reads from the clean text), printed to PDF by LibreOffice, and with --text the text
# pdftotext takes from that PDF, plain and with -layout.
#
# SOURCE=path/to/base (default texts/sco-treaty-2007) takes another text pair,
# base.zh.txt and base.ru.txt; SCRIPT=name (default NAME) another script.
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
SOURCE=${SOURCE:-texts/sco-treaty-2007}
SCRIPT=${SCRIPT:-$NAME}
BASE=$(basename "$SOURCE")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
for lang in zh ru; do
    "$BITEXT" parse --format json "$SOURCE.$lang.txt" |
        "$VENV/bin/python" "scripts/realdocs/$SCRIPT.py" "$lang" "$OUT/$BASE.$lang.docx"
    soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless --convert-to pdf \
        --outdir "$OUT" "$OUT/$BASE.$lang.docx" >/dev/null 2>&1
    if [ "$TEXT" = --text ]; then
        pdftotext -enc UTF-8 "$OUT/$BASE.$lang.pdf" "$OUT/$BASE.$lang.pdftotext.txt"
        pdftotext -enc UTF-8 -layout "$OUT/$BASE.$lang.pdf" "$OUT/$BASE.$lang.layout.txt"
    fi
done
