#!/usr/bin/env bash
# Measures `bitext align` on document pairs of about 1, 4 and 16 MB (both files
# together), built by repeating corpus texts from tests/fixtures/:
#   lines      NTREX-128 news, one sentence per line (--segments lines)
#   structure  the UN Charter, Chinese and Russian, parsed as documents
# Prints bytes per second and peak memory (GNU time's maximum resident set size).
# Usage: benches/align.sh [sizes in MB...]   (default: 1 4 16)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=target/release/bitext
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 4 16)

make_pair() { # kind zh-source ru-source MB
  local kind=$1 zh=$2 ru=$3 mb=$4
  local unit=$(( $(stat -c %s "$zh") + $(stat -c %s "$ru") ))
  local times=$(( (mb * 1024 * 1024 + unit - 1) / unit ))
  : > "$work/$kind.$mb.zh"; : > "$work/$kind.$mb.ru"
  for _ in $(seq "$times"); do
    cat "$zh" >> "$work/$kind.$mb.zh"; printf '\n\n' >> "$work/$kind.$mb.zh"
    cat "$ru" >> "$work/$kind.$mb.ru"; printf '\n\n' >> "$work/$kind.$mb.ru"
  done
}

printf '%-10s %8s %10s %10s %12s\n' mode MB seconds MB/s peak-MiB
for mode in lines structure; do
  for mb in "${sizes[@]}"; do
    if [ "$mode" = lines ]; then
      make_pair lines tests/fixtures/ntrex/ntrex128-dev.zh.txt tests/fixtures/ntrex/ntrex128-dev.ru.txt "$mb"
      extra=(--segments lines)
    else
      make_pair structure tests/fixtures/un-charter-1945.zh.txt tests/fixtures/un-charter-1945.ru.txt "$mb"
      extra=()
    fi
    bytes=$(( $(stat -c %s "$work/$mode.$mb.zh") + $(stat -c %s "$work/$mode.$mb.ru") ))
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" align "$work/$mode.$mb.zh" "$work/$mode.$mb.ru" "${extra[@]}" -o "$work/out.csv"
    read -r secs kib < "$work/time"
    awk -v m="$mode" -v b="$bytes" -v s="$secs" -v k="$kib" 'BEGIN { printf "%-10s %8.1f %10.2f %10.2f %12.1f\n", m, b/1048576, s, (s > 0 ? b/1048576/s : 0), k/1024 }'
  done
done
