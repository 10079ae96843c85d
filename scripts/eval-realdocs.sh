#!/usr/bin/env bash
# Scores bitext on the files of tests/fixtures/realdocs/: how well it aligns a text that
# went through a real tool (Word, LibreOffice, pandoc, a PDF extractor, a text browser).
#
# Usage: scripts/eval-realdocs.sh [BITEXT]     (or BITEXT=...; default target/release/bitext)
#
# For each document D, language L and form F (an extracted .txt, or a .docx/.odt/.pdf/
# .html file as it is), it runs
#     bitext align D.L.F  CLEAN-TEXT-OF-THE-OTHER-LANGUAGE -o tmp.csv
#     bitext eval GOLD tmp.csv
# and, as "both", the two languages damaged by the same tool: bitext align D.zh.F D.ru.F.
# GOLD for the UN Charter is tests/fixtures/gold/un-charter-1945.ch1-5-7.tsv (Chapters I,
# V and VII); for the treaty it is made from the committed, reviewed alignment
# alignments/sco-treaty-2007.csv (every row that pairs units of both texts; n-m refs joined
# by `+`). A form bitext cannot read (exit 2) is shown with its exit status; its messages
# are listed after the table.
#
# Columns: document, language, form, units (as `bitext parse` reads the form; "zh/ru" for
# both), F1 and exact (share of gold beads reproduced exactly) from `bitext eval`.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BITEXT=${1:-${BITEXT:-target/release/bitext}}
[[ -x "$BITEXT" ]] || { echo "eval-realdocs: no binary at $BITEXT (cargo build --release)" >&2; exit 2; }
R=tests/fixtures/realdocs
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - alignments/sco-treaty-2007.csv > "$TMP/sco-treaty-2007.gold.tsv" <<'EOF'
import csv, sys
rows = csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))
print("zh_ref\tru_ref")
for row in rows:
    if row["zh_ref"] and row["ru_ref"]:
        print(f"{row['zh_ref']}\t{row['ru_ref']}")
EOF

declare -A CLEAN=(
    [sco-treaty-2007.zh]=texts/sco-treaty-2007.zh.txt
    [sco-treaty-2007.ru]=texts/sco-treaty-2007.ru.txt
    [un-charter-1945.zh]=tests/fixtures/un-charter-1945.zh.txt
    [un-charter-1945.ru]=tests/fixtures/un-charter-1945.ru.txt
)
declare -A GOLD=(
    [sco-treaty-2007]="$TMP/sco-treaty-2007.gold.tsv"
    [un-charter-1945]=tests/fixtures/gold/un-charter-1945.ch1-5-7.tsv
)
FORMS=(clean lo.txt autonum.lo.txt pandoc.txt python-docx.txt pdftotext.txt pdftotext-layout.txt
       pdfminer.txt pypdf.txt lynx.txt w3m.txt html2text.txt
       docx autonum.docx odt pdf browser.pdf html saved.html)

units() {  # units FILE -> number of units bitext parses, or "-"
    "$BITEXT" parse "$1" --format json 2>/dev/null |
        python3 -c 'import json,sys; print(len(json.load(sys.stdin)["units"]))' 2>/dev/null || echo "-"
}

score() {  # score A B GOLD -> "F1 exact", or "exitN -" (the message goes to $TMP/messages)
    local out="$TMP/align.csv" err="$TMP/err"
    rm -f "$out"
    local rc=0
    "$BITEXT" align "$1" "$2" -o "$out" 2>"$err" || rc=$?
    if ((rc)); then
        head -n 1 "$err" >> "$TMP/messages"
        echo "exit$rc -"
        return
    fi
    "$BITEXT" eval "$3" "$out" --format json >"$TMP/eval.json" 2>"$err" || rc=$?
    if ((rc)); then
        { printf 'eval: '; head -n 1 "$err"; } >> "$TMP/messages"
        echo "eval-exit$rc -"
        return
    fi
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.3f %.3f" % (d["f1"], d["exact"]))' "$TMP/eval.json"
}

printf '%-16s %-4s %-22s %9s %8s %7s\n' document lang form units F1 exact
printf '%-16s %-4s %-22s %9s %8s %7s\n' ---------------- ---- ---------------------- --------- -------- -------
for doc in sco-treaty-2007 un-charter-1945; do
    for form in "${FORMS[@]}"; do
        for lang in zh ru both; do
            if [[ $form == clean ]]; then
                [[ $lang == both ]] && continue
                a=${CLEAN[$doc.$lang]}
            else
                a="$R/$doc.$lang.$form"
                [[ $lang == both ]] && a="$R/$doc.zh.$form"
            fi
            [[ -e "$a" ]] || continue
            if [[ $lang == both ]]; then
                b="$R/$doc.ru.$form"
                n="$(units "$a")/$(units "$b")"
            else
                other=$([[ $lang == zh ]] && echo ru || echo zh)
                b=${CLEAN[$doc.$other]}
                n=$(units "$a")
            fi
            read -r f1 exact <<<"$(score "$a" "$b" "${GOLD[$doc]}")"
            printf '%-16s %-4s %-22s %9s %8s %7s\n' "$doc" "$lang" "$form" "$n" "$f1" "$exact"
        done
    done
done

if [[ -s "$TMP/messages" ]]; then
    echo
    echo "messages (how many runs gave each; FILE stands for the form):"
    sed 's|: [^ :]*\.[a-z]*: |: FILE: |' "$TMP/messages" | sort | uniq -c | sed 's/^ */  /'
fi
