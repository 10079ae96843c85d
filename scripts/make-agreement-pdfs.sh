#!/usr/bin/env bash
# Makes tests/fixtures/agreements/agriculture.{zh,ru}.pdf from the texts beside them, as a
# user's PDF is made: each paragraph of the text a paragraph of a Markdown file (typed
# numbers kept as text), pandoc to Word, LibreOffice's PDF export of that. Lines come out
# evenly spaced, so that paragraphs are told apart by their line ends alone.
#
# Tools (Debian 12): apt-get install -y --no-install-recommends pandoc \
#     libreoffice-writer-nogui fonts-noto-cjk fonts-liberation
# The PDFs carry their creation time: each run gives other bytes, the same text.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR="$ROOT/tests/fixtures/agreements"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for lang in zh ru; do
    # A paragraph a line; `1.` and `1)` escaped, or pandoc makes a list of them.
    grep -v '^[[:space:]]*$' "$DIR/agriculture.$lang.txt" | sed -E 's/^([0-9]+)([.)])/\1\\\2/' |
        awk 'NR > 1 { print "" } { print }' > "$WORK/agriculture.$lang.md"
    pandoc "$WORK/agriculture.$lang.md" -o "$WORK/agriculture.$lang.docx"
    soffice --headless --convert-to pdf --outdir "$WORK" "$WORK/agriculture.$lang.docx" > /dev/null
    cp "$WORK/agriculture.$lang.pdf" "$DIR/agriculture.$lang.pdf"
done
