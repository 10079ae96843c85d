#!/usr/bin/env bash
# Remakes tests/fixtures/realdocs/: the treaty and the UN Charter as Word, OpenDocument,
# PDF and HTML files made by real tools, the text those tools extract from them, and a
# set of damaged and hostile documents (bad/). tests/fixtures/realdocs/README.md says
# what each file is and which tool made it.
#
# Usage (from anywhere; paths are taken from the repository root):
#   scripts/make-realdocs.sh --install   install the tools (Debian 12, as root), then stop
#   scripts/make-realdocs.sh             remake every file
#
# The tools, as --install sets them up:
#   apt-get update
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk \
#       fonts-liberation hyphen-ru pandoc poppler-utils lynx w3m html2text qpdf python3-venv chromium
#   python3 -m venv target/realdocs-venv
#   target/realdocs-venv/bin/pip install python-docx==1.2.0 pdfminer.six==20260107 pypdf==7.1.1
#
# Environment:
#   BITEXT         the bitext binary (default target/release/bitext; `cargo build --release`)
#   REALDOCS_VENV  the Python venv with python-docx, pdfminer.six, pypdf
#                  (default target/realdocs-venv)
#
# Structure comes from `bitext parse --format json` of the clean texts: each unit is
# written back as one paragraph, its printed number (label) in front. The docx files and
# everything made by pandoc, poppler, pdfminer, pypdf, python-docx, lynx, w3m and
# html2text come out the same byte for byte on each run; LibreOffice's .odt and .pdf carry
# their creation time (and the PDF a random /ID), and qpdf's encryption is made
# repeatable with --static-id/--static-aes-iv.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VENV=${REALDOCS_VENV:-target/realdocs-venv}

if [[ "${1:-}" == "--install" ]]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libreoffice-writer-nogui fonts-noto-cjk fonts-liberation hyphen-ru pandoc \
        poppler-utils lynx w3m html2text qpdf python3-venv chromium
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install python-docx==1.2.0 pdfminer.six==20260107 pypdf==7.1.1
    exit 0
fi

BITEXT=${BITEXT:-target/release/bitext}
PY="$VENV/bin/python"
HELP="scripts/realdocs"
OUT="tests/fixtures/realdocs"

for tool in "$BITEXT" "$PY" soffice pandoc pdftotext pdftoppm lynx w3m html2text qpdf chromium; do
    command -v "$tool" >/dev/null || { echo "make-realdocs: $tool not found (see --install)" >&2; exit 2; }
done
[[ -x "$VENV/bin/pdf2txt.py" ]] || { echo "make-realdocs: pdfminer.six not in $VENV" >&2; exit 2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# A private LibreOffice profile: no clash with a running office, no user settings.
SOFFICE=(soffice "-env:UserInstallation=file://$TMP/lo-profile" --headless)

find "$OUT" -type f ! -path "$OUT/README.md" -delete 2>/dev/null || true
mkdir -p "$OUT/bad"

declare -A SRC=(
    [sco-treaty-2007.zh]=texts/sco-treaty-2007.zh.txt
    [sco-treaty-2007.ru]=texts/sco-treaty-2007.ru.txt
    [un-charter-1945.zh]=tests/fixtures/un-charter-1945.zh.txt
    [un-charter-1945.ru]=tests/fixtures/un-charter-1945.ru.txt
)
declare -A SHORT=(
    [sco-treaty-2007.zh]="上海合作组织成员国长期睦邻友好合作条约"
    [sco-treaty-2007.ru]="Договор о долгосрочном добрососедстве, дружбе и сотрудничестве государств-членов ШОС"
    [un-charter-1945.zh]="联合国宪章"
    [un-charter-1945.ru]="Устав Организации Объединенных Наций"
)
declare -A CHARSET=(
    [sco-treaty-2007.zh]=gbk
    [sco-treaty-2007.ru]=windows-1251
    [un-charter-1945.zh]=gb18030
    [un-charter-1945.ru]=windows-1251
)
NAMES=(sco-treaty-2007.zh sco-treaty-2007.ru un-charter-1945.zh un-charter-1945.ru)

echo "== Word documents (python-docx)"
for n in "${NAMES[@]}"; do
    lang=${n##*.}
    "$BITEXT" parse "${SRC[$n]}" --format json -o "$TMP/$n.json"
    "$PY" "$HELP/build_docx.py" "$TMP/$n.json" "${SRC[$n]}" "$lang" "$OUT/$n.docx" \
        --short-title "${SHORT[$n]}"
    "$PY" "$HELP/build_docx.py" "$TMP/$n.json" "${SRC[$n]}" "$lang" "$OUT/$n.autonum.docx" \
        --short-title "${SHORT[$n]}" --autonum
done

echo "== LibreOffice: text, ODT, PDF"
mkdir -p "$TMP/lo-auto" "$TMP/lo-lit"
autonum=() literal=()
for n in "${NAMES[@]}"; do autonum+=("$OUT/$n.autonum.docx"); literal+=("$OUT/$n.docx"); done
"${SOFFICE[@]}" --convert-to "txt:Text (encoded):UTF8" --outdir "$TMP/lo-auto" "${autonum[@]}" >/dev/null 2>&1
"${SOFFICE[@]}" --convert-to odt --outdir "$TMP/lo-auto" "${autonum[@]}" >/dev/null 2>&1
"${SOFFICE[@]}" --convert-to pdf --outdir "$TMP/lo-auto" "${autonum[@]}" >/dev/null 2>&1
"${SOFFICE[@]}" --convert-to "txt:Text (encoded):UTF8" --outdir "$TMP/lo-lit" "${literal[@]}" >/dev/null 2>&1
for n in "${NAMES[@]}"; do
    mv "$TMP/lo-auto/$n.autonum.txt" "$OUT/$n.autonum.lo.txt"
    mv "$TMP/lo-auto/$n.autonum.odt" "$OUT/$n.odt"
    mv "$TMP/lo-auto/$n.autonum.pdf" "$OUT/$n.pdf"
    mv "$TMP/lo-lit/$n.txt" "$OUT/$n.lo.txt"
    # The automatic numbers must come out as the text has them.
    "$PY" "$HELP/check_lo.py" "$TMP/$n.json" "${SRC[$n]}" "${n##*.}" "$OUT/$n.autonum.lo.txt"
done

echo "== pandoc: HTML and plain text; the saved web page"
for n in "${NAMES[@]}"; do
    pandoc -s -t html5 --metadata pagetitle="${SHORT[$n]}" "$OUT/$n.docx" -o "$OUT/$n.html"
    pandoc -t plain "$OUT/$n.docx" -o "$OUT/$n.pandoc.txt"
    "$PY" "$HELP/saved_html.py" "$OUT/$n.html" "${n##*.}" "${CHARSET[$n]}" "$OUT/$n.saved.html"
done

echo "== the web page printed to PDF by a browser (ragged right, its own header and footer)"
# Served over HTTP on the loopback, as a page on the web is: the address in the footer
# names no local folder.
python3 -m http.server 8765 --bind 127.0.0.1 --directory "$OUT" >/dev/null 2>&1 &
server=$!
sleep 1
for n in "${NAMES[@]}"; do
    # Print → Save as PDF with the defaults: date and title at the top of each page,
    # the address and `page/pages` at the bottom; the body as the page sets it.
    chromium --headless --no-sandbox --disable-gpu --user-data-dir="$TMP/chromium" \
        --print-to-pdf="$OUT/$n.browser.pdf" "http://127.0.0.1:8765/$n.html" >/dev/null 2>&1
done
kill "$server"

echo "== text extracted from the PDF, the docx and the HTML"
for n in "${NAMES[@]}"; do
    pdftotext "$OUT/$n.pdf" "$OUT/$n.pdftotext.txt"
    pdftotext -layout "$OUT/$n.pdf" "$OUT/$n.pdftotext-layout.txt"
    "$VENV/bin/pdf2txt.py" -o "$OUT/$n.pdfminer.txt" "$OUT/$n.pdf"
    "$PY" "$HELP/extract.py" pypdf "$OUT/$n.pdf" "$OUT/$n.pypdf.txt"
    "$PY" "$HELP/extract.py" python-docx "$OUT/$n.autonum.docx" "$OUT/$n.python-docx.txt"
    lynx -dump -nolist -display_charset=utf-8 "$OUT/$n.html" > "$OUT/$n.lynx.txt"
    w3m -dump -O UTF-8 "$OUT/$n.html" > "$OUT/$n.w3m.txt"
    html2text -utf8 -nobs "$OUT/$n.html" > "$OUT/$n.html2text.txt"
done

echo "== bad and hostile documents"
B="$OUT/bad"
qpdf --static-id --static-aes-iv --encrypt treaty-user treaty-owner 256 -- \
    --pages "$OUT/sco-treaty-2007.ru.pdf" 1 -- "$OUT/sco-treaty-2007.ru.pdf" "$B/encrypted.pdf" 2>/dev/null
qpdf --static-id --static-aes-iv --encrypt "" treaty-owner 256 --extract=n --modify=none -- \
    --pages "$OUT/sco-treaty-2007.ru.pdf" 1 -- "$OUT/sco-treaty-2007.ru.pdf" "$B/owner-password-only.pdf" 2>/dev/null
pdftoppm -f 1 -l 1 -r 100 -gray "$OUT/sco-treaty-2007.zh.pdf" "$TMP/scan"
"$PY" "$HELP/bad.py" scanned "$TMP"/scan-*1.pgm "$B/scanned.pdf"
mkdir -p "$TMP/old"
"${SOFFICE[@]}" --convert-to "doc:MS Word 97" --outdir "$TMP/old" "$OUT/sco-treaty-2007.zh.autonum.docx" >/dev/null 2>&1
"${SOFFICE[@]}" --convert-to rtf --outdir "$TMP/old" "$OUT/sco-treaty-2007.zh.autonum.docx" >/dev/null 2>&1
mv "$TMP/old/sco-treaty-2007.zh.autonum.doc" "$B/word97.doc"
mv "$TMP/old/sco-treaty-2007.zh.autonum.rtf" "$B/treaty.rtf"
"$PY" "$HELP/bad.py" damaged "$OUT/sco-treaty-2007.zh.docx" "$B/damaged.docx"
"$PY" "$HELP/bad.py" no-document "$OUT/sco-treaty-2007.zh.docx" "$B/no-document.docx"
"$PY" "$HELP/bad.py" zip-bomb "$B/zip-bomb.docx"
"$PY" "$HELP/bad.py" entity-bomb "$B/entity-bomb.docx"
"$PY" "$HELP/bad.py" ref-loop "$B/ref-loop.pdf"
"$PY" "$HELP/bad.py" deep "$B/deep.html"

echo "== done"
du -sh "$OUT"
