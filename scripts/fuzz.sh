#!/usr/bin/env bash
# Runs one fuzz target for a while, seeded from the repository's texts and fixtures.
#   scripts/fuzz.sh TARGET [SECONDS]      (targets: decode load numerals align write)
# Uses cargo-fuzz (cargo install cargo-fuzz) and a nightly compiler, or the stable one
# with RUSTC_BOOTSTRAP=1 as here. Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
seconds=${2:-600}
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
case "$target" in
  align|write)
    # Two texts separated by a NUL byte.
    for pair in "tests/fixtures/small" "texts/sco-treaty-2007"; do
      { cat "$pair.zh.txt"; printf '\0'; cat "$pair.ru.txt"; } > "$corpus/seed-$(basename "$pair")"
    done ;;
  *)
    cp tests/fixtures/small.*.txt tests/fixtures/encodings/*.txt texts/*.txt "$corpus/" ;;
esac
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 2>&1 | tee "fuzz/$target.log" | grep -E "^#[0-9]+.*DONE|ERROR|panicked|SUMMARY" || true
