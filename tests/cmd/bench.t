#!/bin/sh
# bench.t: a small run of the benchmark harness (tests/bench/run.sh), so that
# `make bench` cannot rot between real runs: 1,000 rows, one run, no peers.
# It checks the table has a row for every command (the workbook's too), that the peers left out
# say so, that build-sea read every generated record, that nothing is judged
# on one run, and that tests/bench/RESULTS.md is left alone.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
bad() { echo "bench: $*"; fails=$((fails + 1)); }
before=$(cksum <"$ROOT/tests/bench/RESULTS.md")
rc=0
BENCH_SIZES=1000 BENCH_RUNS=1 BENCH_RECORDS=1000 BENCH_PEERS=0 BENCH_OUT=$T/r.md \
	sh "$ROOT/tests/bench/run.sh" >"$T/out" 2>"$T/err" || rc=$?
[ $rc = 0 ] || { bad "run.sh exited $rc"; cat "$T/err"; }
[ -s "$T/r.md" ] || { bad "no results written"; exit 1; }
for row in 'bare libcsv parse' '`wc -l`' '`cat >/dev/null`' 'check-annexA' \
	'sample-cases national' 'build-sea, redaction on' 'demo pipeline'; do
	grep -F "$row" "$T/r.md" | grep -q '| 1 |' || bad "no timed row for $row"
done
for peer in Miller csvkit Python; do
	grep "^| $peer" "$T/r.md" | grep -q 'left out (BENCH_PEERS=0)' || bad "$peer not said to be left out"
done
grep -F 'the same rows as .xlsx' "$T/r.md" | grep -q '| 1 |' || bad "no timed row for the workbook"
grep -q '^## 1,000 rows as an Excel workbook' "$T/r.md" || bad "no workbook section"
grep -q '^## Targets' "$T/r.md" || bad "no targets section"
grep -q '1,000 records read, 0 rejected' "$T/r.md" || bad "build-sea did not read the 1,000 records"
grep -q 'PASS\*\*\|FAIL\*\*' "$T/r.md" && bad "a target judged on one run"
[ "$(cksum <"$ROOT/tests/bench/RESULTS.md")" = "$before" ] || bad "RESULTS.md changed"
# the harness refuses a bad knob with status 2
rc=0
BENCH_RUNS=x BENCH_OUT=$T/r2.md sh "$ROOT/tests/bench/run.sh" >/dev/null 2>&1 || rc=$?
[ $rc = 2 ] || bad "BENCH_RUNS=x exited $rc, not 2"
[ ! -e "$T/r2.md" ] || bad "a refused run wrote results"
[ $fails = 0 ] && echo "bench: harness smoke run ok"
exit $((fails > 0))
