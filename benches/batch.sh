#!/usr/bin/env bash
# Measures `bitext batch` on 1,000 pairs built from the corpus in tests/fixtures/: the
# 61 NTREX-128 news documents (Chinese and Russian, one file per document), with the
# treaty pair every 10th row and the UN Charter pair every 50th. Runs with 1 and 2
# threads; prints seconds, pairs per second and peak memory.
# Usage: benches/batch.sh [PAIRS]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
bin=$(pwd)/target/release/bitext
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pairs=${1:-1000}
python3 - "$root" "$work" "$pairs" <<'PY'
import os, sys
root, work, pairs = sys.argv[1], sys.argv[2], int(sys.argv[3])
fx = os.path.join(root, "tests", "fixtures")
ids = [l.split("\t")[0] for l in open(os.path.join(fx, "ntrex", "ntrex128-dev.docids.tsv"), encoding="utf-8").read().splitlines()]
zh = open(os.path.join(fx, "ntrex", "ntrex128-dev.zh.txt"), encoding="utf-8").read().splitlines()
ru = open(os.path.join(fx, "ntrex", "ntrex128-dev.ru.txt"), encoding="utf-8").read().splitlines()
docs = {}
for i, z, r in zip(ids, zh, ru):
    docs.setdefault(i, ([], []))
    docs[i][0].append(z.strip())
    docs[i][1].append(r.strip())
names = []
for n, (i, (z, r)) in enumerate(sorted(docs.items())):
    for lang, lines in (("zh", z), ("ru", r)):
        with open(os.path.join(work, f"news{n}.{lang}.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(lines) + "\n")
    names.append(f"news{n}")
with open(os.path.join(work, "manifest.csv"), "w", encoding="utf-8") as f:
    f.write("id,a,b\n")
    for k in range(pairs):
        if k % 50 == 49:
            a, b = os.path.join(fx, "un-charter-1945.zh.txt"), os.path.join(fx, "un-charter-1945.ru.txt")
        elif k % 10 == 9:
            a, b = os.path.join(root, "texts", "sco-treaty-2007.zh.txt"), os.path.join(root, "texts", "sco-treaty-2007.ru.txt")
        else:
            n = names[k % len(names)]
            a, b = os.path.join(work, f"{n}.zh.txt"), os.path.join(work, f"{n}.ru.txt")
        f.write(f"p{k},{a},{b}\n")
PY
printf '%-8s %8s %10s %12s %12s\n' threads pairs seconds pairs/s peak-MiB
for threads in 1 2; do
  rm -rf "$work/out"
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" batch "$work/manifest.csv" --out-dir "$work/out" --jobs "$threads" --summary "$work/summary.csv"
  read -r secs kib < "$work/time"
  ok=$(grep -c ',ok,' "$work/summary.csv" || true)
  awk -v t="$threads" -v p="$ok" -v s="$secs" -v k="$kib" 'BEGIN { printf "%-8s %8d %10.2f %12.1f %12.1f\n", t, p, s, (s > 0 ? p / s : 0), k / 1024 }'
done
