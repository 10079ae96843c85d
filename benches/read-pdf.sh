#!/usr/bin/env bash
# Measures `bitext parse` on a PDF of 100 pages and on an HTML page of about as many,
# for each language, made from the UN Charter in tests/fixtures/realdocs/:
#   pdf   the Charter's PDF (LibreOffice's print of its .docx: 33 pages in Russian, 29
#         in Chinese) repeated page after page by qpdf and cut at 100 pages;
#   html  the Charter's web page with its body repeated as many times as needed for
#         100 pages of that PDF, rounded up; LibreOffice prints it, to count its pages.
# Prints seconds and peak memory (GNU time's maximum resident set size). The inputs
# are made under target/bench-read-pdf/ and kept (remade when this script changes).
# Needs: qpdf, pdfinfo and pdftotext (poppler-utils), soffice (LibreOffice), python3,
# GNU time (/usr/bin/time).
# Usage: benches/read-pdf.sh [PAGES]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in qpdf pdfinfo pdftotext soffice python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "read-pdf: $tool is needed" >&2; exit 2; }
done
cargo build --release --locked --quiet
bin=$(pwd)/target/release/bitext
pages=${1:-100}
work=target/bench-read-pdf
mkdir -p "$work"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

pages_of() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

printf '%-6s %-5s %6s %10s %10s %12s\n' input lang pages MB seconds peak-MiB
for lang in ru zh; do
  src=tests/fixtures/realdocs/un-charter-1945.$lang
  pdf=$work/charter-$pages.$lang.pdf
  html=$work/charter-$pages.$lang.html
  one=$(pages_of "$src.pdf")
  times=$(( (pages + one - 1) / one ))
  if [ ! -s "$pdf" ] || [ ! -s "$html" ] || [ "$pdf" -ot "$0" ]; then
    copies=()
    for _ in $(seq "$times"); do copies+=("$src.pdf" 1-z); done
    qpdf --empty --pages "${copies[@]}" -- "$work/long.$lang.pdf"
    qpdf --empty --pages "$work/long.$lang.pdf" "1-$pages" -- "$pdf"
    python3 - "$src.html" "$times" "$html" <<'PY'
import re, sys
src, times, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
m = re.search(r"(?s)(.*<body[^>]*>)(.*)(</body>.*)", open(src, encoding="utf-8").read())
open(out, "w", encoding="utf-8").write(m.group(1) + m.group(2) * times + m.group(3))
PY
    soffice "-env:UserInstallation=file://$profile/lo" --headless --convert-to pdf \
      --outdir "$work/printed" "$html" >/dev/null 2>&1
  fi
  for f in "$pdf" "$html"; do
    kind=${f##*.}
    if [ "$kind" = pdf ]; then n=$(pages_of "$f"); else n=$(pages_of "$work/printed/$(basename "$f" .html).pdf"); fi
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" parse "$f" > "$work/out.$lang.$kind.txt"
    read -r secs kib < "$work/time"
    awk -v i="$kind" -v l="$lang" -v n="$n" -v b="$(stat -c %s "$f")" -v s="$secs" -v k="$kib" \
      'BEGIN { printf "%-6s %-5s %6s %10.2f %10.2f %12.1f\n", i, l, n, b/1048576, s, k/1024 }'
  done
done
