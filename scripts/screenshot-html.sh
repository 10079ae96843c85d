#!/usr/bin/env bash
# Renders one of bitext's HTML pages in headless Chromium and saves a screenshot, so
# that a person can look at it as a reviewer sees it; then checks, from the DOM that
# Chromium built, that the page shows both columns.
#
#   scripts/screenshot-html.sh align [ZH RU [OUT.png]]       the side-by-side alignment
#   scripts/screenshot-html.sh diff OLD NEW OTHER [OUT.png]   a revision and its impact
#
# Needs Debian's chromium (apt-get install chromium; fonts-noto-cjk for Chinese
# glyphs); the page itself loads nothing from the network.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-align}
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 2; }
cargo build --release --locked --quiet
page=$(mktemp --suffix=.html)
profile=$(mktemp -d)
trap 'rm -rf "$page" "$profile"' EXIT
case "$mode" in
  align)
    zh=${2:-texts/sco-treaty-2007.zh.txt}; ru=${3:-texts/sco-treaty-2007.ru.txt}; out=${4:-target/report.png}
    target/release/bitext align "$zh" "$ru" --format html --with-findings -o "$page"
    left='<td lang="zh-CN">'; right='<td lang="ru-RU">' ;;
  diff)
    out=${5:-target/diff.png}
    target/release/bitext diff "$2" "$3" --counterpart "$4" --format html -o "$page" || [ $? -eq 1 ]
    left='<td class="old"'; right='<td class="new"' ;;
  *) echo "usage: $0 align [ZH RU [OUT]] | diff OLD NEW OTHER [OUT]" >&2; exit 2 ;;
esac
mkdir -p "$(dirname "$out")"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile")
chromium "${flags[@]}" --window-size=1400,1000 --screenshot="$out" "file://$page" 2>/dev/null
dom=$(chromium "${flags[@]}" --dump-dom "file://$page" 2>/dev/null)
l=$(grep -o "$left" <<<"$dom" | wc -l)
r=$(grep -o "$right" <<<"$dom" | wc -l)
echo "screenshot: $out; rendered rows with a left cell: $l, with a right cell: $r"
[ "$l" -gt 0 ] && [ "$l" -eq "$r" ]
