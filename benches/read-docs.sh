#!/usr/bin/env bash
# Times reading a 100-page Word file: the Russian UN Charter with automatic numbering
# (tests/fixtures/realdocs/un-charter-1945.ru.autonum.docx, 33 A4 pages as its PDF
# shows) with its body written three times, so 99 pages; and, for comparison, the
# Charter itself as .docx, .odt and clean text. Prints the median of 5 runs of `bitext parse` (seconds)
# and the peak memory (max RSS).
# Usage: benches/read-docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=$(pwd)/target/release/bitext
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - tests/fixtures/realdocs/un-charter-1945.ru.autonum.docx "$work/charter-x3.ru.docx" <<'PY'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for info in z.infolist():
        data = z.read(info.filename)
        if info.filename == "word/document.xml":
            text = data.decode("utf-8")
            start = text.index("<w:body>") + len("<w:body>")
            end = text.rindex("<w:sectPr")
            text = text[:start] + text[start:end] * 3 + text[end:]
            data = text.encode("utf-8")
        out.writestr(info, data)
PY
measure() {
  local file=$1 times=() rss=0
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$bin" parse "$file" > /dev/null
    read -r s kb < "$work/t"
    times+=("$s")
    (( kb > rss )) && rss=$kb
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  printf '%-48s %8s bytes  %6s s  %6s MB\n' "$(basename "$file")" "$(stat -c %s "$file")" "$median" "$((rss / 1024))"
}
"$bin" parse "$work/charter-x3.ru.docx" | head -4
measure "$work/charter-x3.ru.docx"
measure tests/fixtures/realdocs/un-charter-1945.ru.autonum.docx
measure tests/fixtures/realdocs/un-charter-1945.ru.odt
measure tests/fixtures/un-charter-1945.ru.txt
