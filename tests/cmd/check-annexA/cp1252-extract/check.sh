#!/bin/sh
# A Windows-1252 extract (--encoding cp1252), made by the sample-cases case's
# make-extract.sh from a generated extract of our own (3,000 rows): the
# findings and the summary are those of the same extract in UTF-8 (service
# areas, teams and courts with accents and dashes counted the same); without
# --encoding every record with such bytes is an encoding error suggesting the
# option, and the header too, exit 1.
set -eu
fail() { echo "$*"; exit 1; }
grep -q ',encoding,' "$OUT" && fail "args run: an encoding finding with --encoding cp1252"
sh ../../sample-cases/cp1252-extract/make-extract.sh 7 3000 "$TMP"
"$TOOL" --as-of 2027-01-15 "$TMP/utf8.csv" | sed 1d >"$TMP/u.txt" || fail "utf-8: exit $?"
"$TOOL" --as-of 2027-01-15 --encoding cp1252 "$TMP/cp1252.csv" | sed 1d >"$TMP/w.txt" || fail "cp1252: exit $?"
cmp -s "$TMP/u.txt" "$TMP/w.txt" || { diff "$TMP/u.txt" "$TMP/w.txt" | head -5; fail "the cp1252 report differs"; }
grep -q '^service area: .*Wessex' "$TMP/w.txt" || fail "no service areas counted"
st=0
"$TOOL" --as-of 2027-01-15 --format csv "$TMP/cp1252.csv" >"$TMP/bad.csv" || st=$?
[ "$st" -eq 1 ] || fail "no --encoding: exit $st, want 1"
[ "$(grep -c ',encoding,error,' "$TMP/bad.csv")" -eq 3001 ] || fail "no --encoding: not one encoding error a record and the header"
grep -q '^1,,encoding,error,.*try --encoding cp1252' "$TMP/bad.csv" || fail "no --encoding: the header finding"
