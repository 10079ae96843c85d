#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/twocol/: the treaty in Word set in two columns on
# Letter paper with a running header (scripts/realdocs/twocol.py), printed to PDF by
# LibreOffice. Lines of the two columns share baselines; pdftotext gives the Chinese
# columns' lines out of order.
#
# Usage: scripts/make-twocol.sh  (tools as scripts/make-realdocs.sh --install sets
# them up: LibreOffice, poppler-utils, python-docx in target/realdocs-venv)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VENV=${REALDOCS_VENV:-target/realdocs-venv}
BITEXT=${BITEXT:-target/release/bitext}
OUT=tests/fixtures/realdocs/twocol
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
for lang in zh ru; do
    "$BITEXT" parse --format json "texts/sco-treaty-2007.$lang.txt" |
        "$VENV/bin/python" scripts/realdocs/twocol.py "$lang" "$OUT/sco-treaty-2007.$lang.docx"
    soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless --convert-to pdf \
        --outdir "$OUT" "$OUT/sco-treaty-2007.$lang.docx" >/dev/null 2>&1
done
