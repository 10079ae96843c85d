#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/hanging/: the treaty in Word, its numbered
# paragraphs hanging from their numbers (Word's automatic numbering at two depths,
# and numbers typed before a tab), printed to PDF by LibreOffice
# (scripts/realdocs/hanging.py).
#
# Usage: scripts/make-hanging.sh  (see scripts/make-printed.sh)
exec "$(dirname "${BASH_SOURCE[0]}")/make-printed.sh" hanging
