#!/usr/bin/env bash
# The worst inputs we know of, each at two sizes, to show that cost grows linearly:
#   paragraph  one paragraph of N MB (hard-wrapped lines, no punctuation to end it)
#   articles   N thousand articles of one short paragraph each
#   numbers    N MB of lines holding nothing but numbers (after one heading)
# Each is parsed and checked against itself (`check A A`: parse, align, check).
# Usage: benches/adversarial.sh   (sizes are set below)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=$(pwd)/target/release/bitext
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gen() { # kind size file
  python3 - "$@" <<'PY'
import sys
kind, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
line = "缔约各方根据公认的国际法原则和规则在其感兴趣的领域发展长期睦邻友好和合作关系\n"
with open(path, "w", encoding="utf-8") as f:
    if kind == "paragraph":
        n = size * 1024 * 1024 // len(line.encode())
        f.write("第一条\n\n")
        f.write(line * n)
    elif kind == "articles":
        def zh(n):
            d = "零一二三四五六七八九"
            units = [(10000, "万"), (1000, "千"), (100, "百"), (10, "十")]
            out, zero = "", False
            for value, name in units:
                q = n // value % 10
                if q:
                    if zero and out:
                        out += "零"
                    out += d[q] + name
                    zero = False
                elif out:
                    zero = True
            if n % 10:
                if zero and out:
                    out += "零"
                out += d[n % 10]
            return out
        f.write("兹达成协议如下：\n\n")
        for k in range(1, size * 1000 + 1):
            f.write(f"第{zh(k)}条\n\n缔约各方开展第{k}项合作。\n\n")
    elif kind == "numbers":
        n = size * 1024 * 1024 // 12
        f.write("第一条\n\n")
        for k in range(n):
            f.write(f"{k * 7919 % 100000} {k % 97}\n")
PY
}

printf '%-10s %8s %10s %12s\n' input MB seconds peak-MiB
for spec in "paragraph 25" "paragraph 100" "articles 25" "articles 100" "numbers 10" "numbers 40"; do
  set -- $spec
  file="$work/$1.$2.txt"
  gen "$1" "$2" "$file"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" check --lang-a zh --lang-b zh "$file" "$file" --format json -o "$work/out.json" || true
  # GNU time says "Command exited with non-zero status 1" first when check finds something.
  read -r secs kib < <(tail -n 1 "$work/time")
  printf '%-10s %8s %10s %12.1f\n' "$1 $2" "$mb" "$secs" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
done
