#!/bin/sh
# fuzz-run.t: tests/fuzz/run.sh fails the run on a hang (issue #21), checked
# with stand-in harnesses (no compiler needed): one that passes, one that
# stops as libFuzzer does when an input runs over -timeout (status 70; it
# must be given a per-input -timeout), one that never ends (killed after
# FUZZ_SECONDS + FUZZ_GRACE), one that crashes. Exit 0 when each is judged right.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T" "$ROOT"/build/fuzz/corpus/fuzz_standin_* "$ROOT"/build/fuzz/fuzz_standin_*.log' EXIT
fails=0
bad() { echo "fuzz-run: $*"; fails=$((fails + 1)); }

standin() { # name body
	printf '#!/bin/sh\n%s\n' "$2" >"$T/$1"
	chmod +x "$T/$1"
}
standin fuzz_standin_ok 'echo "stat::number_of_executed_units: 7"; exit 0'
# Like libFuzzer: with -timeout=N an input running longer ends the run, status 70.
standin fuzz_standin_slow 'for a in "$@"; do case $a in -timeout=[0-9]*) echo "ALARM: working on the last Unit for ${a#-timeout=} seconds"; exit 70 ;; esac; done; sleep 600'
standin fuzz_standin_hang 'exec sleep 600'
standin fuzz_standin_crash 'echo "==1==ERROR: AddressSanitizer: heap-buffer-overflow"; exit 1'

run() { # harness
	FUZZ_SECONDS=1 FUZZ_GRACE=2 FUZZ_TIMEOUT=5 sh "$ROOT/tests/fuzz/run.sh" "$T/$1" >"$T/out" 2>&1
}
run fuzz_standin_ok
rc=$?
[ $rc = 0 ] || bad "a passing harness failed the run (exit $rc)"
grep -q 'fuzz_standin_ok .* 7 .* ok' "$T/out" || bad "a passing harness: $(cat "$T/out")"
run fuzz_standin_slow
rc=$?
[ $rc = 1 ] || bad "an input over the time limit did not fail the run (exit $rc)"
grep -q 'ran over 5s (a hang' "$T/out" || bad "an input over the time limit: $(cat "$T/out")"
start=$(date +%s)
run fuzz_standin_hang
rc=$?
[ $rc = 1 ] || bad "a harness that never ends did not fail the run (exit $rc)"
grep -q 'still running 2s after its time (a hang' "$T/out" || bad "a hang: $(cat "$T/out")"
[ $(($(date +%s) - start)) -lt 60 ] || bad "a hang held the run for a minute or more"
run fuzz_standin_crash
rc=$?
[ $rc = 1 ] || bad "a crash did not fail the run (exit $rc)"
[ $fails = 0 ]
