#!/bin/sh
# Order independence: the same rows shuffled, with CRLF line ends and a BOM,
# or with a repeated row, give byte-identical output.
set -eu
in=../national-basic/annexa.csv
head -1 $in >"$TMP/shuf.csv"
tail -n +2 $in | awk 'BEGIN { srand(3) } { print rand() "\t" $0 }' | sort | cut -f2- >>"$TMP/shuf.csv"
cmp -s $in "$TMP/shuf.csv" && { echo "shuffle did nothing"; exit 1; }
"$TOOL" national --seed 99 "$TMP/shuf.csv" | cmp - "$OUT"
{ printf '\357\273\277'; sed 's/$/\r/' "$TMP/shuf.csv"; } >"$TMP/crlf.csv"
"$TOOL" national --seed 99 "$TMP/crlf.csv" | cmp - "$OUT"
{ cat $in; sed -n 2p $in; } >"$TMP/rep.csv"
"$TOOL" national --seed 99 "$TMP/rep.csv" 2>/dev/null | cmp - "$OUT"
# and a different seed gives a different sample
if "$TOOL" national --seed 100 $in | cmp -s - "$OUT"; then echo "national-shuffled: failed: line 15" >&2; exit 1; fi
