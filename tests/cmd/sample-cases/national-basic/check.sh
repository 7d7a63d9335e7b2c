#!/bin/sh
# The national sample from an 800-case extract: 150 cases, exact quotas,
# 20 audit flags per stratum, input rows kept verbatim, sorted, spread fairly.
set -eu
export LC_ALL=C
fail() { echo "$*"; exit 1; }

want_header="$(head -1 annexa.csv),stratum,quota,audit,supervision,seed"
[ "$(head -1 "$OUT")" = "$want_header" ] || fail "header differs"
[ "$(tail -n +2 "$OUT" | wc -l)" -eq 150 ] || fail "not 150 rows"

count() { tail -n +2 "$OUT" | awk -F, -v c="$1" -v v="$2" '$c == v' | wc -l; }
for s in safeguarding-letter private-law public-law; do
	[ "$(count 16 $s)" -eq 50 ] || fail "stratum $s: $(count 16 $s) rows"
	n=$(tail -n +2 "$OUT" | awk -F, -v s=$s '$16 == s && $18 == "Y"' | wc -l)
	[ "$n" -eq 20 ] || fail "stratum $s: $n audit flags"
done
[ "$(count 17 r16.4)" -eq 10 ] || fail "r16.4 quota not 10"
[ "$(count 17 s25)" -eq 5 ] || fail "s25 quota not 5"
[ "$(count 20 7)" -eq 150 ] || fail "seed column not 7 everywhere"
[ "$(tail -n +2 "$OUT" | awk -F, '$19 != ""' | wc -l)" -eq 0 ] || fail "supervision set"

# every row is an input row, unchanged, once
tail -n +2 "$OUT" | cut -d, -f1-15 >"$TMP/rows"
[ "$(grep -cvxFf annexa.csv "$TMP/rows" || true)" -eq 0 ] || fail "a row is not an input row"
[ "$(cut -d, -f1 "$TMP/rows" | sort -u | wc -l)" -eq 150 ] || fail "a Case ID twice"

# sorted by stratum, then Case ID
tail -n +2 "$OUT" | awk -F, '{ print $16 "," $1 }' >"$TMP/keys"
sort -c "$TMP/keys" || fail "not sorted by stratum then Case ID"

# the safeguarding letters: every area within one case of its share
awk -F, 'NR == FNR { if ($9 == "safeguarding letter only") { e[$12]++; E++ } next }
	FNR > 1 && $16 == "safeguarding-letter" { d[$12]++ }
	END { for (a in e) { x = d[a] - 50 * e[a] / E; if (x >= 1 || x <= -1) { print a; bad = 1 } }
	      exit bad }' annexa.csv "$OUT" || fail "an area is more than one case off its share"
