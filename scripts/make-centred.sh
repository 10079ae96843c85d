#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/centred/: the treaty in Word with its title,
# preamble and article headings centred (scripts/realdocs/centred.py), printed to PDF
# by LibreOffice. (pdftotext's own text of it is not kept: where a justified line
# is set very loose, pdftotext gives its words out of order.)
#
# Usage: scripts/make-centred.sh  (see scripts/make-printed.sh)
exec "$(dirname "${BASH_SOURCE[0]}")/make-printed.sh" centred
