#!/bin/sh
# The national sample from the example extract (share/examples): the
# handbook's 150 cases, exact quotas and audit flags, rows kept verbatim,
# sorted, and the same from the rows shuffled. The appended columns are read
# from the end of each line (the input has quoted commas, no newlines).
set -eu
export LC_ALL=C
fail() { echo "$*"; exit 1; }
in=$SHARE/examples/annexa-national.csv
[ "$(tail -n +2 "$OUT" | wc -l)" -eq 150 ] || fail "not 150 rows"
tail -n +2 "$OUT" >"$TMP/rows"
n() { awk -F, "$1" "$TMP/rows" | wc -l; }
for s in safeguarding-letter private-law public-law; do
	[ "$(n "\$(NF-4) == \"$s\"")" -eq 50 ] || fail "stratum $s"
	[ "$(n "\$(NF-4) == \"$s\" && \$(NF-2) == \"Y\"")" -eq 20 ] || fail "audit $s"
done
[ "$(n '$(NF-3) == "r16.4" && $(NF-4) == "private-law"')" -eq 10 ] || fail "r16.4"
[ "$(n '$(NF-3) == "s25" && $(NF-4) == "public-law"')" -eq 5 ] || fail "s25"
[ "$(n '$NF == "20270115" && $(NF-1) == ""')" -eq 150 ] || fail "seed or supervision column"
sed 's/,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*$//' "$TMP/rows" >"$TMP/orig"
[ "$(grep -cvxFf "$in" "$TMP/orig" || true)" -eq 0 ] || fail "a row is not an input row"
[ "$(cut -d, -f1 "$TMP/rows" | sort -u | wc -l)" -eq 150 ] || fail "a Case ID twice"
awk -F, '{ print $(NF-4) "," $1 }' "$TMP/rows" | sort -c || fail "order"
# service areas: at least 12 of the 17 in each stratum of 50
for s in safeguarding-letter private-law public-law; do
	a=$(awk -F, -v s=$s '$(NF-4) == s { print $(NF-8) }' "$TMP/rows" | sort -u | wc -l)
	[ "$a" -ge 12 ] || fail "stratum $s spread over $a areas only"
done
{ head -1 "$in"; tail -n +2 "$in" | awk 'BEGIN { srand(11) } { print rand() "\t" $0 }' | sort | cut -f2-; } >"$TMP/shuf.csv"
"$TOOL" national --seed 20270115 "$TMP/shuf.csv" | cmp - "$OUT" || fail "shuffled input, different sample"
