#!/usr/bin/env bash
# Makes PDFs of texts under tests/fixtures, beside them, as a user's PDF is made: each
# paragraph of the text a paragraph of a Markdown file (typed numbers kept as text),
# pandoc to Word, LibreOffice's PDF export of that. Lines come out evenly spaced, so that
# paragraphs are told apart by their line ends alone, and pages end anywhere:
#   agreements/agriculture.{zh,ru}.pdf
#   sdg/sdg-2030-goals-targets.{zh,ru}.pdf (one goal or target a paragraph, no full stops)
#
# Tools (Debian 12): apt-get install -y --no-install-recommends pandoc \
#     libreoffice-writer-nogui fonts-noto-cjk fonts-liberation
# BASES=… remakes only those. The PDFs carry their creation time: each run gives other bytes, the same text.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for base in ${BASES:-agreements/agriculture sdg/sdg-2030-goals-targets}; do
    for lang in zh ru; do
        name=$(basename "$base").$lang
        # A paragraph a line; `1.` and `1)` escaped, or pandoc makes a list of them,
        # and `<`, or it takes `<…>` for markup.
        grep -v '^[[:space:]]*$' "$ROOT/tests/fixtures/$base.$lang.txt" | sed -E 's/^([0-9]+)([.)])/\1\\\2/; s/</\\</g' |
            awk 'NR > 1 { print "" } { print }' > "$WORK/$name.md"
        pandoc "$WORK/$name.md" -o "$WORK/$name.docx"
        soffice --headless --convert-to pdf --outdir "$WORK" "$WORK/$name.docx" > /dev/null
        cp "$WORK/$name.pdf" "$ROOT/tests/fixtures/$base.$lang.pdf"
    done
done
