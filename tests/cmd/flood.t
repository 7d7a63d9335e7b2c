#!/bin/sh
# flood.t: hash flooding (issue #21, item 4). 600,000 valid Case IDs chosen to
# collide in the Case ID set as it was before it was seeded
# (build/gen/collide-ids; under that hash check-annexA took 163 s on them,
# against 0.4 s for random IDs). The tables of input keys now probe from
# hashes drawn each run (the Case ID set: simple tabulation for packed IDs,
# SipHash for others), so these IDs are as good as random:
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

# Service areas chosen to collide in the column memos as they were before
# they were keyed (the same length and the same first and last 8 bytes):
# 200,000 distinct ones. check-annexA counts them within the limit;
# sample-cases refuses more than 1,000 areas (exit 2, naming the limit)
# instead of comparing each new one with all before it.
head -n 1 "$ex" >"$T/areas.csv"
awk 'BEGIN { for (i = 0; i < 200000; i++)
	printf "CA%08d,Re A (A Child),Female,White: Irish,N,01/02/2015,C100,Private,s7,P Q,Team 1,Mid ABCD%06dWXYZ Area,,Family Court at Leeds,\n", i + 1, i }' >>"$T/areas.csv"
rc=0
timeout "$LIMIT" "$ROOT/bin/check-annexA" --as-of 2027-01-15 "$T/areas.csv" >"$T/out" 2>"$T/err" || rc=$?
case $rc in 0 | 1) ;; *) bad "check-annexA exited $rc on colliding service areas (124: over ${LIMIT}s)" ;; esac
grep -qx 'records: 200000' "$T/out" || bad "check-annexA did not read the 200,000 records"
rc=0
timeout "$LIMIT" "$ROOT/bin/sample-cases" national --seed 1 "$T/areas.csv" >"$T/s.csv" 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || bad "sample-cases exited $rc on 200,000 service areas, not 2 (124: over ${LIMIT}s)"
grep -q 'more than 1000 distinct service areas' "$T/err" || bad "sample-cases did not name the limit of service areas"
[ -s "$T/s.csv" ] && bad "sample-cases wrote a sample from a file it refused"
echo "flood: 10 checks, $fails failed"
[ "$fails" = 0 ]
