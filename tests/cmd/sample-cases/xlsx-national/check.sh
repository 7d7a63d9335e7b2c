#!/bin/sh
# The sample drawn from a workbook LibreOffice saved from the CSV is the same
# cases as from the CSV, with the same columns; dates come out ISO.
set -eu
"$TOOL" national --seed 7 input.csv >"$TMP/a" || [ $? = 1 ]
cut -d, -f1 "$TMP/a" >"$TMP/a1"
cut -d, -f1 "$OUT" >"$TMP/b1"
cmp "$TMP/a1" "$TMP/b1"
[ "$(wc -l <"$OUT")" -gt 10 ]
head -n 1 "$TMP/a" >"$TMP/ha"
head -n 1 "$OUT" >"$TMP/hb"
cmp "$TMP/ha" "$TMP/hb"
