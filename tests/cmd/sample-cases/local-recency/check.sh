#!/bin/sh
# Recency of a local list (issue 15): as of 2027-01-25 a recent case is
# dated 2027-01-11 to 2027-01-25, both days in, ISO or UK dates. Only the
# six recent cases are drawn: none more than two weeks old (2027-01-10 is
# out by a day), in the future, undated or of a case with an old child row.
# With --allow-old every case of the area is eligible: 10 drawn, some old,
# each flagged on stderr, exit 0; another area's old case is never counted.
set -eu
fail() { echo "$*"; exit 1; }
tail -n +2 "$OUT" | cut -d, -f1 | sort >"$TMP/ids"
printf 'LS27P0000%s\n' 1 2 3 4 5 6 | cmp -s - "$TMP/ids" || fail "not the six recent cases"
"$TOOL" local --area Wessex --seed 3 --as-of 2027-01-25 --allow-old filed.csv >"$TMP/old.csv" 2>"$TMP/old.err" || fail "--allow-old: exit $?"
[ "$(tail -n +2 "$TMP/old.csv" | cut -d, -f1 | sort -u | wc -l)" -eq 10 ] || fail "--allow-old: not 10 cases"
tail -n +2 "$TMP/old.csv" | cut -d, -f1 | grep -q 'LS27P0001' || fail "--allow-old: no old case drawn"
grep -q 'warning: 4 rows drawn although not recent: dated more than two weeks before 2027-01-25' "$TMP/old.err" || fail "--allow-old: old rows not flagged"
grep -q 'warning: 2 rows drawn although not recent: whose date is blank or not a date' "$TMP/old.err" || fail "--allow-old: undated rows not flagged"
if grep -q 'left out\|line 16\|shortfall' "$TMP/old.err"; then fail "--allow-old: rows left out or another area counted"; fi
# the day before the window, the window's first day
"$TOOL" local --area Wessex --seed 3 --as-of 2027-01-24 filed.csv >"$TMP/d24.csv" 2>"$TMP/d24.err" || true
grep -q '(--as-of; recent is 2027-01-10 to 2027-01-24) (lines 10, 15)' "$TMP/d24.err" || fail "as of 2027-01-24: the old rows"
grep -q 'dated after 2027-01-24 .* (lines 2, 11)' "$TMP/d24.err" || fail "as of 2027-01-24: the future rows"
