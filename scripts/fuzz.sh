#!/usr/bin/env bash
# Runs one fuzz target for a while, seeded from the repository's texts and fixtures.
#   scripts/fuzz.sh TARGET [SECONDS]      (targets: decode load numerals align write docx odt html pdf)
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
  docx|odt)
    # The real documents, and their main parts as the target reads plain input:
    # document.xml NUL numbering.xml (docx), content.xml NUL styles.xml (odt).
    if [ "$target" = docx ]; then ext=docx; parts="word/document.xml word/numbering.xml"; else ext=odt; parts="content.xml styles.xml"; fi
    cp tests/fixtures/realdocs/*."$ext" "$corpus/"
    for f in tests/fixtures/realdocs/*."$ext"; do
      python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.stdout.buffer.write(b"\0".join(z.read(p) for p in sys.argv[2:]))' "$f" $parts > "$corpus/parts-$(basename "$f")"
    done ;;
  html)
    # The real pages and the deep one (cut at the input size).
    cp tests/fixtures/realdocs/*.html tests/fixtures/realdocs/bad/*.html "$corpus/" ;;
  pdf)
    # The real PDFs, the encrypted, scanned and looping ones.
    cp tests/fixtures/realdocs/*.pdf tests/fixtures/realdocs/bad/*.pdf "$corpus/" ;;
  *)
    cp tests/fixtures/small.*.txt tests/fixtures/encodings/*.txt texts/*.txt "$corpus/" ;;
esac
# Inputs up to 64 KiB; a PDF up to 512 KiB, so that the real ones fit whole, and 90 s
# per input, past the reader's own 60 s limit on pdftotext.
args=(-max_len=65536 -timeout=20)
[ "$target" = pdf ] && args=(-max_len=524288 -timeout=90)
[ -f "fuzz/$target.dict" ] && args+=(-dict="fuzz/$target.dict")
RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" "${args[@]}" -rss_limit_mb=4096 2>&1 | tee "fuzz/$target.log" | grep -E "^#[0-9]+.*DONE|ERROR|panicked|SUMMARY" || true
