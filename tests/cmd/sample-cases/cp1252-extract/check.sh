#!/bin/sh
# A Windows-1252 extract (--encoding cp1252): the national draw from it is
# byte for byte the draw from the same extract in UTF-8 (output UTF-8, the
# accents, dash, quotes and pound sign transcoded), on a generated extract of
# our own (3,000 rows); without --encoding it is refused (exit 2) naming the
# line and the option, nothing written.
set -eu
fail() { echo "$*"; exit 1; }
iconv -f CP1252 -t UTF-8 input.csv | cut -d, -f1 >"$TMP/ids"
tail -n +2 "$OUT" | cut -d, -f1 | grep -qxFf - "$TMP/ids" || fail "args run: drew no input case"
grep -q '–' "$OUT" || fail "args run: the en dash not transcoded"
sh ./make-extract.sh 7 3000 "$TMP"
cmp -s "$TMP/utf8.csv" "$TMP/cp1252.csv" && fail "the extract is ASCII"
"$TOOL" national --seed 9 "$TMP/utf8.csv" >"$TMP/u.csv" || fail "utf-8: exit $?"
"$TOOL" national --seed 9 --encoding cp1252 "$TMP/cp1252.csv" >"$TMP/w.csv" || fail "cp1252: exit $?"
cmp -s "$TMP/u.csv" "$TMP/w.csv" || fail "the cp1252 draw differs from the UTF-8 one"
grep -q 'Téam' "$TMP/w.csv" && grep -q '‘fee’ £' "$TMP/w.csv" || fail "not transcoded"
head -1 "$TMP/w.csv" | grep -q '^Case ID,.*,Notes (£),stratum,quota,audit,supervision,seed$' || fail "header"
st=0
"$TOOL" national --seed 9 -o "$TMP/none.csv" "$TMP/cp1252.csv" 2>"$TMP/err" || st=$?
[ "$st" -eq 2 ] || fail "no --encoding: exit $st, want 2"
[ ! -e "$TMP/none.csv" ] || fail "no --encoding: a file written"
grep -q 'cp1252.csv:1: header: bytes that are not UTF-8 (try --encoding cp1252)' "$TMP/err" || fail "no --encoding: the message"
