#!/bin/sh
# The national sample reads the September 2025 form (a row per child, Child
# ID, case dates, the Y/N fields). On a generated extract of its own (not the
# examples: another seed, 5,000 child rows) with its new headers spelt as
# exports do, the draw is the draw of the same cases in the 15-field form:
# the same cases, strata, quotas and audit flags; every child row of a drawn
# case is written, verbatim, under the input's header (its own Audit (Y/N)
# kept beside the sample's audit column); nothing is left out.
set -eu
export LC_ALL=C
fail() { echo "$*"; exit 1; }
GEN=$ROOT/build/gen/gen-examples
# the examples run (args): 150 cases, more rows than cases, both audit columns
head -1 "$OUT" | grep -q '^Case ID,Child ID,.*,Audit (Y/N),stratum,quota,audit,supervision,seed$' || fail "example: header"
[ "$(tail -n +2 "$OUT" | cut -d, -f1 | sort -u | wc -l)" -eq 150 ] || fail "example: not 150 cases"
[ "$(tail -n +2 "$OUT" | wc -l)" -gt 160 ] || fail "example: the children of the drawn cases are not all written"
# an extract of our own, its new headers respelt
"$GEN" --seed 31337 --rows 5000 annexa-2025 |
	sed '1s/Child ID/Child ref/; 1s/Case end date/Date case closed/; 1s/Child seen in person (Y\/N)/Seen face to face/; 1s/Section 7 report filed (Y\/N)/S7 filed/; 1s/Audit (Y\/N)/Audited/' >"$TMP/a25.csv"
head -1 "$TMP/a25.csv" | grep -q 'Child ref,.*,Date case closed,Seen face to face,S7 filed,Audited$' || fail "respelt header"
ncases=$(tail -n +2 "$TMP/a25.csv" | cut -d, -f1 | sort -u | wc -l)
[ "$ncases" -lt 4700 ] || fail "too few children in the generated extract ($ncases cases)"
"$GEN" --seed 31337 --rows "$ncases" annexa >"$TMP/a14.csv"
"$TOOL" national --seed 77 "$TMP/a25.csv" >"$TMP/s25.csv" 2>"$TMP/e25" || fail "2025 form: exit $?"
"$TOOL" national --seed 77 "$TMP/a14.csv" >"$TMP/s14.csv" 2>"$TMP/e14" || fail "15 fields: exit $?"
if grep -q 'left out\|not eligible' "$TMP/e25"; then fail "2025 form: rows left out"; fi
# the same cases, strata, quotas and audit flags
key() { tail -n +2 "$1" | awk -F, '{ print $1, $(NF-4), $(NF-3), $(NF-2) }' | sort -u; }
key "$TMP/s25.csv" >"$TMP/k25"
key "$TMP/s14.csv" >"$TMP/k14"
[ "$(wc -l <"$TMP/k14")" -eq 150 ] || fail "15 fields: not 150 cases"
cmp -s "$TMP/k25" "$TMP/k14" || { diff "$TMP/k14" "$TMP/k25" | head -5; fail "the 2025 form draws other cases"; }
# every child row of a drawn case, verbatim, and nothing else
[ "$(head -1 "$TMP/s25.csv")" = "$(head -1 "$TMP/a25.csv"),stratum,quota,audit,supervision,seed" ] || fail "header"
tail -n +2 "$TMP/s25.csv" | sed 's/,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*$//' | sort >"$TMP/rows"
cut -d' ' -f1 "$TMP/k25" | sort -u >"$TMP/ids"
awk -F, 'NR == FNR { want[$1] = 1; next } FNR > 1 && ($1 in want)' "$TMP/ids" "$TMP/a25.csv" | sort >"$TMP/want"
cmp -s "$TMP/rows" "$TMP/want" || fail "the drawn cases' child rows differ from the input's"
[ "$(wc -l <"$TMP/rows")" -gt 160 ] || fail "no siblings drawn"
