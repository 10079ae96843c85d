#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/sigcells/: the road-transport agreement of
# tests/fixtures/agreements/ in Word with its two signatures set side by side in a
# table, each cell's name wrapped over two lines (`За Правительство Российской` /
# `Федерации`), printed to PDF by LibreOffice, and the text pdftotext takes from it.
# In the PDF the two cells are pieces of the same printed lines.
#
# Usage: scripts/make-sigcells.sh  (see scripts/make-printed.sh)
SOURCE=tests/fixtures/agreements/road-transport SCRIPT=sigcells \
    exec "$(dirname "${BASH_SOURCE[0]}")/make-printed.sh" sigcells --text
