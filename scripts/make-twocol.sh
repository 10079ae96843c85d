#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/twocol/: the treaty in Word set in two columns on
# Letter paper with a running header (scripts/realdocs/twocol.py), printed to PDF by
# LibreOffice. Lines of the two columns share baselines; pdftotext gives the Chinese
# columns' lines out of order.
#
# Usage: scripts/make-twocol.sh  (see scripts/make-printed.sh)
exec "$(dirname "${BASH_SOURCE[0]}")/make-printed.sh" twocol
