#!/bin/sh
# Child-level rows (issue 15): siblings are one case, counted not flagged; an
# exact repeat is duplicate-id; rows of one Case ID that disagree on a
# case-level field are case-conflict. check-annexA's feasibility and
# sample-cases' frame count the same cases (one shared module, cases.h and
# strata_eligible()), and the national sample writes every child row of each
# case drawn, and no other.
set -eu
BIN=$ROOT/bin
"$BIN/check-annexA" --as-of 2027-01-15 input.csv >"$TMP/c.txt" || true
grep -q '^sibling rows: 175 ' "$TMP/c.txt"
grep -q '^case ids: 241$' "$TMP/c.txt"
"$BIN/sample-cases" national --seed 3 --explain input.csv >"$TMP/s.csv" 2>"$TMP/s.err" && exit 1
# available (check-annexA) = eligible (sample-cases), stratum by stratum, quota by quota
for st in safeguarding-letter private-law public-law; do
	a=$(sed -n "s/^national sample: $st: \([0-9]*\) available.*/\1/p" "$TMP/c.txt")
	e=$(sed -n "s/^explain: stratum $st: eligible \([0-9]*\).*/\1/p" "$TMP/s.err")
	[ -n "$a" ] && [ "$a" = "$e" ] || { echo "$st: check-annexA $a, sample-cases $e"; exit 1; }
done
for q in "private-law r16.4" "public-law s25"; do
	a=$(sed -n "s/^national sample: $q: \([0-9]*\) available.*/\1/p" "$TMP/c.txt")
	e=$(sed -n "s/^explain: stratum ${q% *}: eligible [0-9]* (${q#* } \([0-9]*\),.*/\1/p" "$TMP/s.err")
	[ -n "$a" ] && [ "$a" = "$e" ] || { echo "$q: check-annexA $a, sample-cases $e"; exit 1; }
done
# every child row of each drawn case, each once, and only those
tail -n +2 "$TMP/s.csv" | cut -d, -f1 | sort -u >"$TMP/drawn"
[ "$(wc -l <"$TMP/drawn")" -eq 139 ]
for id in $(cat "$TMP/drawn"); do
	want=$(grep "^$id," input.csv | sort -u | wc -l)
	got=$(grep -c "^$id," "$TMP/s.csv")
	[ "$want" = "$got" ] || { echo "$id: $got rows written, $want in the input"; exit 1; }
done
# the conflicting cases and the case with an unclassifiable row are not drawn
for l in 124 269 39; do
	id=$(sed -n "${l}p" input.csv | cut -d, -f1)
	if grep -q "^$id," "$TMP/s.csv"; then echo "child-rows: failed: line 36" >&2; exit 1; fi
done
# the same sample whatever the order of the rows
{ head -1 input.csv; tail -n +2 input.csv | sort -r; } >"$TMP/rev.csv"
"$BIN/sample-cases" national --seed 3 "$TMP/rev.csv" >"$TMP/r.csv" 2>/dev/null || true
cmp "$TMP/s.csv" "$TMP/r.csv"
