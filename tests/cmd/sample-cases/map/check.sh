#!/bin/sh
# --map FILE (issue 15): from an extract whose case types and law type are
# local labels (check-annexA/map/relabel.sed on a generated extract of our own), the national
# draw unmapped leaves the rows out, names each label once and exits 1;
# mapped (labels spelt otherwise), it is the original extract's draw: the
# same cases, strata, quotas and audit flags, exit 0.
set -eu
fail() { echo "$*"; exit 1; }
tail -n +2 "$OUT" | awk -F, '$(NF-3) == "r16.4"' | grep -q . || fail "args run: no r16.4 case drawn"
"$ROOT/build/gen/gen-examples" --seed 8181 --rows 5000 annexa >"$TMP/orig.csv"
sed -f ../../check-annexA/map/relabel.sed "$TMP/orig.csv" >"$TMP/local.csv"
st=0
"$TOOL" national --seed 4 "$TMP/local.csv" >"$TMP/u.csv" 2>"$TMP/u.err" || st=$?
[ "$st" -eq 1 ] || fail "unmapped: exit $st, want 1"
for l in 'Report to court (7)' 'FHDRA letter only' 'Guardian for child party' 'LA application (31)' 'Locked placement application' 'Private Children Act'; do
	[ "$(grep -cF "\"$l\":" "$TMP/u.err")" -eq 1 ] || fail "unmapped: $l not named once"
done
grep -q 'rows left out: with an unknown Law type' "$TMP/u.err" || fail "unmapped: rows left out not counted"
"$TOOL" national --seed 4 "$TMP/orig.csv" >"$TMP/o.csv" || fail "original: exit $?"
"$TOOL" national --seed 4 --map ../../check-annexA/map/map.csv "$TMP/local.csv" >"$TMP/m.csv" 2>"$TMP/m.err" || fail "mapped: exit $?"
key() { tail -n +2 "$1" | awk -F, '{ print $1, $(NF-4), $(NF-3), $(NF-2) }'; }
key "$TMP/o.csv" >"$TMP/ko"
key "$TMP/m.csv" >"$TMP/km"
[ "$(wc -l <"$TMP/ko")" -eq 150 ] || fail "original: not 150"
cmp -s "$TMP/ko" "$TMP/km" || { diff "$TMP/ko" "$TMP/km" | head -5; fail "mapped: another draw"; }
