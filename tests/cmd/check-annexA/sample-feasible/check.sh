#!/bin/sh
# 50/40+10/45+5 cases: every stratum and quota can be drawn, no finding at all.
set -eu
sh ./gen.sh 10 > "$TMP/in.csv"
"$TOOL" --as-of 2027-01-15 --format csv "$TMP/in.csv" > "$TMP/out.csv"
test "$(cat "$TMP/out.csv")" = "line,column,rule,severity,message"
"$TOOL" --as-of 2027-01-15 "$TMP/in.csv" > "$TMP/out.txt"
grep -qx 'national sample: private-law r16.4: 10 available, 10 required' "$TMP/out.txt"
grep -qx 'national sample: safeguarding-letter: 50 available, 50 required (20 to audit)' "$TMP/out.txt"
grep -qx 'national sample: public-law s25: 5 available, 5 required' "$TMP/out.txt"
grep -qx 'records: 150' "$TMP/out.txt"
