#!/bin/sh
# flood.t: hash flooding (issue #21, item 4). 600,000 valid Case IDs chosen to
# collide in the Case ID set as it was before it was seeded
# (build/gen/collide-ids; under that hash check-annexA took 163 s on them,
# against 0.4 s for random IDs). The tables of input keys now probe from
# SipHash under a key drawn each run, so these IDs are as good as random:
# check-annexA and sample-cases must end well inside the hostile suite's
# hang limit (a bound for a hang, not a performance figure: `make bench`
# measures) and read every record.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export CAFCASS_INSPECT_DATA="$ROOT/share"
LIMIT=${FLOOD_TIMEOUT:-60}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
bad() { echo "flood: FAIL $*"; fails=$((fails + 1)); }
"$ROOT/build/gen/collide-ids" 600000 >"$T/ids" || { echo "flood: collide-ids failed"; exit 1; }
[ "$(sort -u "$T/ids" | wc -l)" = 600000 ] || bad "collide-ids did not give 600,000 distinct IDs"
ex=$ROOT/share/examples/annexa-national.csv
head -n 1 "$ex" >"$T/a.csv"
# each ID with the rest of an example row, the rows in turn
awk 'NR == FNR { if (FNR > 1) { sub(/^[^,]*,/, ""); r[n++] = $0 }; next }
     { print $0 "," r[FNR % n] }' "$ex" "$T/ids" >>"$T/a.csv"
rc=0
timeout "$LIMIT" "$ROOT/bin/check-annexA" --as-of 2027-01-15 "$T/a.csv" >"$T/out" 2>"$T/err" || rc=$?
case $rc in 0 | 1) ;; *) bad "check-annexA exited $rc on colliding IDs (124: over ${LIMIT}s)" ;; esac
grep -qx 'records: 600000' "$T/out" || bad "check-annexA did not read the 600,000 records"
grep -q 'duplicate-id' "$T/out" && bad "check-annexA found a duplicate among distinct IDs"
rc=0
timeout "$LIMIT" "$ROOT/bin/sample-cases" national --seed 1 "$T/a.csv" >"$T/s.csv" 2>"$T/err" || rc=$?
case $rc in 0 | 1) ;; *) bad "sample-cases exited $rc on colliding IDs (124: over ${LIMIT}s)" ;; esac
[ "$(wc -l <"$T/s.csv")" = 151 ] || bad "sample-cases did not draw the 150 national cases"
echo "flood: 5 checks, $fails failed"
[ "$fails" = 0 ]
