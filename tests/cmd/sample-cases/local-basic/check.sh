#!/bin/sh
# The local samples of one area: 10 filed (5 supervision), 5 closed for the
# local audit (3 private, 2 public), only that area, never an excluded case.
set -eu
export LC_ALL=C
fail() { echo "$*"; exit 1; }
[ "$(head -1 "$OUT")" = "$(head -1 filed.csv),Date closed,stratum,quota,audit,supervision,seed" ] || fail header
rows() { tail -n +2 "$OUT" | awk -F, "$1" | wc -l; }
[ "$(rows '$18 == "local-filed"')" -eq 10 ] || fail "filed count"
[ "$(rows '$18 == "local-filed" && $21 == "Y"')" -eq 5 ] || fail "supervision count"
[ "$(rows '$18 == "local-filed" && $20 == "" && $16 != "" && $17 == "" && $19 == ""')" -eq 10 ] || fail "filed columns"
[ "$(rows '$18 == "local-audit" && $20 == "Y" && $19 == "private" && $8 == "Private"')" -eq 3 ] || fail "private audit"
[ "$(rows '$18 == "local-audit" && $20 == "Y" && $19 == "public" && $8 == "Public"')" -eq 2 ] || fail "public audit"
[ "$(rows '$18 == "local-audit" && $16 == "" && $17 != ""')" -eq 5 ] || fail "audit columns"
[ "$(rows '$12 != "West Yorkshire"')" -eq 0 ] || fail "another area"
[ "$(rows '$22 != "3"')" -eq 0 ] || fail "seed column"
tail -n +2 "$OUT" | cut -d, -f1 >"$TMP/ids"
tail -n +2 exclude.csv | cut -d, -f1 >"$TMP/excl"
! grep -qxFf "$TMP/excl" "$TMP/ids" || fail "an excluded case was drawn"
[ "$(sort -u "$TMP/ids" | wc -l)" -eq 15 ] || fail "a case twice"
tail -n +2 "$OUT" | awk -F, '{ print $18 "," $1 }' | sort -c || fail "order"
# without the exclusion some excluded case would have been drawn
"$TOOL" local --area "West Yorkshire" --seed 3 --as-of 2027-01-15 filed.csv | tail -n +2 | cut -d, -f1 | grep -qxFf "$TMP/excl" ||
	fail "the exclusion was not tested"
