#!/usr/bin/env bash
# Renders bitext's HTML report in headless Chromium and saves a screenshot, so that a
# person can look at the page as a reviewer sees it; then checks, from the DOM that
# Chromium built, that the page shows both columns.
#
#   scripts/screenshot-html.sh [ZH] [RU] [OUT.png]
#
# Needs Debian's chromium (apt-get install chromium); the page itself needs no network.
set -euo pipefail
cd "$(dirname "$0")/.."
zh=${1:-texts/sco-treaty-2007.zh.txt}
ru=${2:-texts/sco-treaty-2007.ru.txt}
out=${3:-target/report.png}
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 2; }
cargo build --release --locked --quiet
mkdir -p "$(dirname "$out")"
page=$(mktemp --suffix=.html)
profile=$(mktemp -d)
trap 'rm -rf "$page" "$profile"' EXIT
target/release/bitext align "$zh" "$ru" --format html --with-findings -o "$page"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile")
chromium "${flags[@]}" --window-size=1400,1000 --screenshot="$out" "file://$page" 2>/dev/null
dom=$(chromium "${flags[@]}" --dump-dom "file://$page" 2>/dev/null)
cols=$(grep -o '<td lang="zh-CN">' <<<"$dom" | wc -l)
rows=$(grep -o '<td lang="ru-RU">' <<<"$dom" | wc -l)
echo "screenshot: $out; rendered rows with a Chinese cell: $cols, with a Russian cell: $rows"
[ "$cols" -gt 0 ] && [ "$cols" -eq "$rows" ]
