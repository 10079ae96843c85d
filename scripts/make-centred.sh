#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/centred/: the treaty in Word with its title,
# preamble and article headings centred (scripts/realdocs/centred.py), printed to PDF
# by LibreOffice, and the text `pdftotext -layout` takes from the PDF. (Plain
# pdftotext's text is not kept: where a justified line is set very loose, it gives
# the line's words out of order.)
#
# Usage: scripts/make-centred.sh  (see scripts/make-printed.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/make-printed.sh centred
for lang in zh ru; do
    pdftotext -enc UTF-8 -layout "tests/fixtures/realdocs/centred/sco-treaty-2007.$lang.pdf" \
        "tests/fixtures/realdocs/centred/sco-treaty-2007.$lang.layout.txt"
done
