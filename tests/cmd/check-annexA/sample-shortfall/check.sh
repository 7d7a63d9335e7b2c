#!/bin/sh
# Only 9 r16.4 cases: the r16.4 quota and the private-law stratum fall short,
# nothing else does; shortfalls are warnings, so the exit status is 0.
set -eu
sh ./gen.sh 9 > "$TMP/in.csv"
"$TOOL" --as-of 2027-01-15 --format csv "$TMP/in.csv" > "$TMP/out.csv"
cat > "$TMP/want" <<'W'
line,column,rule,severity,message
,,sample-shortfall,warning,"national sample stratum private-law: 49 cases available, 50 required"
,,sample-shortfall,warning,"national sample stratum private-law quota r16.4: 9 cases available, 10 required"
W
cmp "$TMP/want" "$TMP/out.csv"
