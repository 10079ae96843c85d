#!/usr/bin/env bash
# Measures what the aligner's lexicon costs: `bitext align --segments lines` on NTREX-128
# news repeated to about 1, 4 and 16 MB (both sides the same number of times, so that the
# text stays parallel and the lexicon learns what it would from real input), with this
# commit's binary and with the binary of a commit before the lexicon (BEFORE, default
# 754cab0), built in a worktree under target/.
# Prints seconds (wall), seconds of CPU and peak memory (GNU time) of each, and the
# ratios of the times: on a shared machine the CPU time varies less than the wall time.
# Usage: benches/lexicon.sh [BEFORE]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-754cab0}
cargo build --release --locked --quiet
bin=$(pwd)/target/release/bitext
old=target/bench-before
if [ ! -d "$old" ]; then
  git worktree add --detach "$old" "$before" > /dev/null
fi
(cd "$old" && git checkout --quiet --detach "$before" && CARGO_TARGET_DIR=$(pwd)/../bench-before-target cargo build --release --locked --quiet)
old_bin=$(pwd)/target/bench-before-target/release/bitext
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ntrex=tests/fixtures/ntrex/ntrex128-dev

repeat() { # MB-of-both: both sides repeated the same number of times (a parallel text)
  local both=$(( $(stat -c %s "$ntrex.zh.txt") + $(stat -c %s "$ntrex.ru.txt") ))
  local times=$(( ($1 * 1024 * 1024 + both - 1) / both ))
  : > "$work/l.zh"
  : > "$work/l.ru"
  for _ in $(seq "$times"); do
    tr -d '\r' < "$ntrex.zh.txt" >> "$work/l.zh"
    tr -d '\r' < "$ntrex.ru.txt" >> "$work/l.ru"
  done
}

run() { # binary zh ru: seconds (wall), seconds of CPU (user and system) and peak MiB
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$1" align --segments lines "$2" "$3" -o "$work/out.csv" 2> /dev/null
  awk '{ printf "%.2f %.2f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$work/time"
}

printf '%-6s %8s %10s %10s %7s %10s %10s %7s %11s %11s\n' \
  MB bytes before-s with-s ratio before-cpu with-cpu ratio before-MiB with-MiB
for mb in 1 4 16; do
  repeat "$mb"
  bytes=$(( $(stat -c %s "$work/l.zh") + $(stat -c %s "$work/l.ru") ))
  read -r b bc bm < <(run "$old_bin" "$work/l.zh" "$work/l.ru")
  read -r w wc wm < <(run "$bin" "$work/l.zh" "$work/l.ru")
  awk -v mb="$mb" -v by="$bytes" -v b="$b" -v w="$w" -v bc="$bc" -v wc="$wc" -v bm="$bm" -v wm="$wm" 'BEGIN {
    printf "%-6s %8d %10.2f %10.2f %7.2f %10.2f %10.2f %7.2f %11.1f %11.1f\n", mb, by, b, w, (b > 0 ? w / b : 0),
      bc, wc, (bc > 0 ? wc / bc : 0), bm, wm }'
done
