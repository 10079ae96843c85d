#!/usr/bin/env bash
# Remakes tests/fixtures/typeset/: the treaty and the UN Charter typeset by LibreOffice
# as users' PDFs are (body size, page size, justified or ragged right, a Chinese
# first-line indent, Russian hyphenation), and the text pdftotext, pdftotext -layout
# and pypdf take back from each PDF. tests/typeset.rs scores them.
#
# Usage (from anywhere): scripts/typeset/make.sh
#
# Needs the tools of scripts/make-realdocs.sh --install (LibreOffice, fonts-noto-cjk,
# fonts-liberation, hyphen-ru, poppler-utils, the venv with python-docx and pypdf).
#
# Environment:
#   BITEXT         the bitext binary (default target/release/bitext)
#   REALDOCS_VENV  the Python venv (default target/realdocs-venv)
#
# A typesetting is PAGE-SIZE-ALIGN-VARIANT: A4 or A5 with 2 cm margins, the body size in
# points, J (justified) or L (ragged right), std or alt (scripts/typeset/gen_docx.py:
# Chinese std indents first lines by two characters, alt does not; Russian std
# hyphenates, alt does not; Russian first lines are always indented). Every page has a
# centred page number in its footer. Only the extracted texts are kept: LibreOffice's
# PDFs carry their creation time.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BITEXT=${BITEXT:-target/release/bitext}
PY=${REALDOCS_VENV:-target/realdocs-venv}/bin/python
OUT=tests/fixtures/typeset
# TYPESET_CONFIGS picks others (A4-10-J-std A4-14-L-alt …), into the same directory.
read -r -a CONFIGS <<<"${TYPESET_CONFIGS:-A4-12-J-std A5-11-L-std}"

for tool in "$BITEXT" "$PY" soffice pdftotext; do
    command -v "$tool" >/dev/null || { echo "typeset: $tool not found (see scripts/make-realdocs.sh --install)" >&2; exit 2; }
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
declare -A SRC=(
    [sco-treaty-2007.zh]=texts/sco-treaty-2007.zh.txt
    [sco-treaty-2007.ru]=texts/sco-treaty-2007.ru.txt
    [un-charter-1945.zh]=tests/fixtures/un-charter-1945.zh.txt
    [un-charter-1945.ru]=tests/fixtures/un-charter-1945.ru.txt
)
mkdir -p "$TMP/docx" "$TMP/pdf" "$OUT"
for n in "${!SRC[@]}"; do
    "$BITEXT" parse "${SRC[$n]}" --format json -o "$TMP/$n.json"
    for c in "${CONFIGS[@]}"; do
        IFS=- read -r page size align variant <<<"$c"
        "$PY" scripts/typeset/gen_docx.py "$TMP/$n.json" "${SRC[$n]}" "${n##*.}" "$TMP/docx/$n.$c.docx" \
            "$page" "$size" "$align" "$variant"
    done
done
# One LibreOffice process with a private profile; the files one after the other.
soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless --convert-to pdf \
    --outdir "$TMP/pdf" "$TMP"/docx/*.docx >"$TMP/soffice.log" 2>&1
for f in "$TMP"/pdf/*.pdf; do
    s=$(basename "$f" .pdf)
    pdftotext "$f" "$OUT/$s.pdftotext.txt"
    pdftotext -layout "$f" "$OUT/$s.layout.txt"
    "$PY" scripts/realdocs/extract.py pypdf "$f" "$OUT/$s.pypdf.txt"
done
echo "typeset: $(ls "$OUT" | wc -l) files in $OUT"
