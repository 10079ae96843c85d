#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/nested-lists/: a short treaty-like text whose articles
# have numbered paragraphs with numbered sub-items, as a Word file with automatic
# numbering on two levels (scripts/realdocs/nested_lists.py), and the HTML that pandoc
# and LibreOffice make of it (nested <ol> lists, the numbers' formats lost), and the
# OpenDocument file LibreOffice makes of it. The plain texts road-transport.{zh,ru}.txt
# are the sources, kept here (see tests/fixtures/realdocs/README.md).
#
# Usage: scripts/make-nested-lists.sh
# Environment: REALDOCS_VENV, the Python venv with python-docx (default target/realdocs-venv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=${REALDOCS_VENV:-target/realdocs-venv}
OUT=tests/fixtures/realdocs/nested-lists
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SOFFICE=(soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless)
for lang in zh ru; do
    base="$OUT/road-transport.$lang"
    "$VENV/bin/python" scripts/realdocs/nested_lists.py "$base.txt" "$base.docx"
    pandoc -s -t html5 --metadata pagetitle=road-transport "$base.docx" -o "$base.pandoc.html"
    "${SOFFICE[@]}" --convert-to html --outdir "$TMP" "$base.docx" >/dev/null
    mv "$TMP/road-transport.$lang.html" "$base.lo.html"
    "${SOFFICE[@]}" --convert-to odt --outdir "$OUT" "$base.docx" >/dev/null
done
