#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/sigtable/: the treaty in Word with its signatures
# set in a table (two columns, three rows), printed to PDF by LibreOffice, and the
# text pdftotext takes from that PDF, plain and with -layout. In the PDF a row of
# cells shares a baseline, so readers put two signatures on one line.
#
# Usage: scripts/make-sigtable.sh  (see scripts/make-printed.sh)
exec "$(dirname "${BASH_SOURCE[0]}")/make-printed.sh" sigtable --text
