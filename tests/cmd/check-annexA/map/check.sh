#!/bin/sh
# --map FILE (issue 15): an extract whose case types and law type are local
# labels (relabel.sed on a generated extract of our own, 4,000 rows) is,
# unmapped, refused loudly: one unknown-case-type a label, one enum finding
# naming the Law type label, exit 1, nothing feasible; mapped with labels
# spelt otherwise (case, spacing, punctuation), every finding, count and
# feasibility line is the original extract's.
set -eu
fail() { echo "$*"; exit 1; }
"$ROOT/build/gen/gen-examples" --seed 8080 --rows 4000 annexa >"$TMP/orig.csv"
sed -f relabel.sed "$TMP/orig.csv" >"$TMP/local.csv"
cmp -s "$TMP/orig.csv" "$TMP/local.csv" && fail "relabel.sed changed nothing"
st=0
"$TOOL" --as-of 2027-01-15 --format csv "$TMP/local.csv" >"$TMP/unmapped" || st=$?
[ "$st" -eq 1 ] || fail "unmapped: exit $st, want 1"
[ "$(grep -c ',unknown-case-type,error,' "$TMP/unmapped")" -eq 5 ] || fail "unmapped: not 5 unknown case types"
for l in 'Report to court (7)' 'FHDRA letter only' 'Guardian for child party' 'LA application (31)' 'Locked placement application'; do
	grep -qF "\"\"$l\"\":" "$TMP/unmapped" || fail "unmapped: $l not named"
done
grep -q ',Law type,enum,error,"[0-9]* rows with a value not one of: Private, Public; 1 distinct (not quoted): value 1: ' "$TMP/unmapped" || fail "unmapped: the law type label"
if grep -q 'Private Children Act' "$TMP/unmapped"; then fail "unmapped: the law type value quoted"; fi
[ "$(grep -c ',enum,' "$TMP/unmapped")" -eq 1 ] || fail "unmapped: more than one enum finding"
"$TOOL" --as-of 2027-01-15 "$TMP/orig.csv" | sed 1d >"$TMP/want"
"$TOOL" --as-of 2027-01-15 --map map.csv "$TMP/local.csv" | sed 1d >"$TMP/got" || fail "mapped: exit $?"
cmp -s "$TMP/want" "$TMP/got" || { diff "$TMP/want" "$TMP/got" | head -5; fail "mapped: not the original's report"; }
grep -q '^national sample: public-law s25: [1-9]' "$TMP/got" || fail "mapped: no s25 case feasible"
