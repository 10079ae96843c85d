#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/footnotes/: the treaty in Word with two footnotes
# (scripts/realdocs/footnotes.py), printed to PDF by LibreOffice, and the text
# pdftotext takes from that PDF, plain and with -layout. In the PDF each note stands
# at the foot of its page and its mark is a superscript the extractors glue to the
# word before it (Наций1,).
#
# Usage: scripts/make-footnotes.sh  (see scripts/make-printed.sh)
exec "$(dirname "${BASH_SOURCE[0]}")/make-printed.sh" footnotes --text
