#!/bin/sh
# A local list with no date column: the draw is made (10 cases) but its
# recency is unchecked, said, exit 1; --allow-old accepts that (exit 0, a note).
set -eu
fail() { echo "$*"; exit 1; }
[ "$(tail -n +2 "$OUT" | wc -l)" -eq 10 ] || fail "not 10 drawn"
"$TOOL" local --area Wessex --seed 5 --as-of 2027-01-25 --allow-old filed.csv >"$TMP/o.csv" 2>"$TMP/e" || fail "--allow-old: exit $?"
cmp -s "$TMP/o.csv" "$OUT" || fail "--allow-old: another draw"
grep -qx 'sample-cases: filed.csv: no Date filed column: the cases.* recency is not checked (--allow-old)' "$TMP/e" || fail "--allow-old: no note"
