#!/usr/bin/env bash
# Measures `bitext align` in one run:
#   lines      --segments lines on NTREX-128 news (one sentence per line), 1, 4, 16 MB
#   structure  the UN Charter parsed as documents, 1, 4, 16 MB
#   5,000 and 20,000 lines a side with --segments lines, against two Gale-Church
#   aligners from PyPI, installed into a virtual environment under target/:
#   `galechurch` (its command line) and NLTK's nltk.translate.gale_church.
# Prints seconds (wall), MB/s, peak memory (GNU time's maximum resident set size) and
# that peak as a multiple of the input.
# Each bitext row is the median of RUNS runs (default 3; the highest peak of them):
# this machine's speed drifts by a tenth from minute to minute.
# Other aligners get at most TIMEOUT seconds each (default 300), one run.
# Usage: benches/speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=$(pwd)/target/release/bitext
timeout=${TIMEOUT:-300}
runs=${RUNS:-3}
venv=target/bench-venv
if [ ! -x "$venv/bin/galechurch" ] || ! "$venv/bin/python" -c 'import nltk' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q galechurch==0.1.0 nltk
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ntrex=tests/fixtures/ntrex/ntrex128-dev
charter=tests/fixtures/un-charter-1945

repeat() { # zh ru MB out-zh out-ru: the pair repeated, both the same number of times, to about MB together
  local unit times
  unit=$(( $(stat -c %s "$1") + $(stat -c %s "$2") ))
  times=$(( ($3 * 1024 * 1024 + unit - 1) / unit ))
  : > "$4"; : > "$5"
  for _ in $(seq "$times"); do
    tr -d '\r' < "$1" >> "$4"; printf '\n\n' >> "$4"
    tr -d '\r' < "$2" >> "$5"; printf '\n\n' >> "$5"
  done
}

lines() { # file N out: the first N non-empty lines of the file repeated
  local times=$(( $2 / $(grep -c . "$1") + 1 ))
  # head closes the pipe early: the loop's broken pipe is expected.
  { for _ in $(seq "$times"); do tr -d '\r' < "$1" | grep .; done || true; } | head -n "$2" > "$3"
}

measure() { # label bytes command...: runs the command under GNU time, prints a row
  local label=$1 bytes=$2 status=0
  shift 2
  timeout "$timeout" /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2>&1 || status=$?
  if [ "$status" = 124 ]; then
    printf '%-34s %8.1f %10s %10s %12s %8s\n' "$label" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" ">$timeout" - - -
    return
  fi
  read -r secs kib < <(tail -n 1 "$work/time")
  awk -v l="$label" -v b="$bytes" -v s="$secs" -v k="$kib" -v st="$status" 'BEGIN {
    printf "%-34s %8.1f %10.2f %10.2f %12.1f %8.1f%s\n", l, b / 1048576, s, (s > 0 ? b / 1048576 / s : 0), k / 1024, k * 1024 / b, (st != 0 ? "  (failed)" : "") }'
}

measure_runs() { # label bytes command...: the median of $runs runs of the command, the highest peak
  local label=$1 bytes=$2 k failed=0
  shift 2
  : > "$work/runs"
  for k in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2>&1 || failed=1
    tail -n 1 "$work/time" >> "$work/runs"
  done
  sort -n "$work/runs" | awk -v l="$label" -v b="$bytes" -v st="$failed" '{ s[NR] = $1; if ($2 > k) k = $2 } END {
    m = s[int((NR + 1) / 2)]
    printf "%-34s %8.1f %10.2f %10.2f %12.1f %8.1f%s\n", l, b / 1048576, m, (m > 0 ? b / 1048576 / m : 0), k / 1024, k * 1024 / b, (st != 0 ? "  (failed)" : "") }'
}

size() { echo $(( $(stat -c %s "$1") + $(stat -c %s "$2") )); }

printf '%-34s %8s %10s %10s %12s %8s\n' run MB seconds MB/s peak-MiB x-input
for mb in 1 4 16; do
  repeat "$ntrex.zh.txt" "$ntrex.ru.txt" "$mb" "$work/l.zh" "$work/l.ru"
  measure_runs "bitext lines $mb MB" "$(size "$work/l.zh" "$work/l.ru")" \
    "$bin" align --segments lines "$work/l.zh" "$work/l.ru" -o "$work/out.csv"
done
for mb in 1 4 16; do
  repeat "$charter.zh.txt" "$charter.ru.txt" "$mb" "$work/s.zh" "$work/s.ru"
  measure_runs "bitext structure $mb MB" "$(size "$work/s.zh" "$work/s.ru")" \
    "$bin" align "$work/s.zh" "$work/s.ru" -o "$work/out.csv"
done

cat > "$work/nltk_align.py" <<'PY'
import sys
import nltk.translate.gale_church as gc
from nltk.translate.gale_church import align_blocks
# NLTK refuses more than 4,000 sentences a side unless told otherwise.
gc.MAX_ALIGN_BLOCKS = 10**6
zh, ru = (open(p, encoding="utf-8").read().split("\n")[:-1] for p in sys.argv[1:3])
# Lengths in characters without spaces, as bitext counts them.
length = lambda s: sum(1 for c in s if not c.isspace())
pairs = align_blocks([length(s) for s in zh], [length(s) for s in ru])
print(len(pairs))
PY
for n in 5000 20000; do
  mkdir -p "$work/gc/zh" "$work/gc/ru" "$work/gc/out"
  lines "$ntrex.zh.txt" "$n" "$work/gc/zh/doc.txt"
  lines "$ntrex.ru.txt" "$n" "$work/gc/ru/doc.txt"
  bytes=$(size "$work/gc/zh/doc.txt" "$work/gc/ru/doc.txt")
  measure_runs "bitext lines, $n a side" "$bytes" \
    "$bin" align --segments lines "$work/gc/zh/doc.txt" "$work/gc/ru/doc.txt" -o "$work/out.csv"
  measure "galechurch, $n a side" "$bytes" \
    "$venv/bin/galechurch" -src "$work/gc/zh" -trg "$work/gc/ru" -out "$work/gc/out" \
    --max-block-size $(( (n + 1) * (n + 1) ))
  measure "nltk gale_church, $n a side" "$bytes" \
    "$venv/bin/python" "$work/nltk_align.py" "$work/gc/zh/doc.txt" "$work/gc/ru/doc.txt"
done
