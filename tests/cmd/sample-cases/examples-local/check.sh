#!/bin/sh
# The local samples of West Yorkshire from the examples, with and without
# the national sample excluded.
set -eu
export LC_ALL=C
fail() { echo "$*"; exit 1; }
ex=$SHARE/examples
tail -n +2 "$OUT" >"$TMP/rows"
n() { awk -F, "$1" "$TMP/rows" | wc -l; }
[ "$(n '$(NF-4) == "local-filed"')" -eq 10 ] || fail "filed"
[ "$(n '$(NF-4) == "local-filed" && $(NF-1) == "Y" && $(NF-2) == ""')" -eq 5 ] || fail "supervision"
[ "$(n '$(NF-4) == "local-audit" && $(NF-3) == "private" && $(NF-2) == "Y"')" -eq 3 ] || fail "private audit"
[ "$(n '$(NF-4) == "local-audit" && $(NF-3) == "public" && $(NF-2) == "Y"')" -eq 2 ] || fail "public audit"
[ "$(n '$(NF-10) != "West Yorkshire"')" -eq 0 ] || fail "another area"
head -1 "$OUT" | grep -q ',Date filed,Date closed,stratum,quota,audit,supervision,seed$' || fail header
# with the national sample and this draw excluded, none of them comes back
"$TOOL" national --seed 1 "$ex/annexa-national.csv" >"$TMP/national.csv"
"$TOOL" local --area "West Yorkshire" --seed 20270115 --as-of 2027-01-25 --closed "$ex/recent-closed.csv" \
	--exclude "$TMP/national.csv" --exclude "$OUT" "$ex/recent-filed.csv" >"$TMP/again.csv" 2>"$TMP/err" || true
cut -d, -f1 "$TMP/again.csv" | tail -n +2 >"$TMP/ids2"
cut -d, -f1 "$TMP/rows" >"$TMP/ids1"
cut -d, -f1 "$TMP/national.csv" >"$TMP/ids0"
! grep -qxFf "$TMP/ids1" "$TMP/ids2" || fail "an excluded case came back"
! grep -qxFf "$TMP/ids0" "$TMP/ids2" || fail "a national case came back"
[ "$(wc -l <"$TMP/ids2")" -ge 1 ] || fail "nothing drawn the second time"
