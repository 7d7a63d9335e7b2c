#!/bin/sh
# demo.sh [OUTDIR]: the whole pipeline on the synthetic examples in
# share/examples, as a lead inspector would run it, writing every artefact
# to OUTDIR (default demo-out). Run from the top of the source tree
# (`make demo`), or anywhere with the tools on PATH.
# A step that finds problems in the data (exit 1) is reported and the demo
# goes on; a step that fails (exit 2) stops it.
set -eu
OUT=${1:-demo-out}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EX=$ROOT/share/examples
[ -x "$ROOT/bin/check-annexA" ] && PATH=$ROOT/bin:$PATH
export PATH
mkdir -p "$OUT"

step() { # description, then the command
	what=$1
	shift
	rc=0
	"$@" 2>"$OUT/.stderr" || rc=$?
	case $rc in
	0) echo "ok      $what" ;;
	1) echo "finding $what (exit 1: $(grep -c . "$OUT/.stderr") lines on stderr)" ;;
	*) echo "FAILED  $what (exit $rc)"; cat "$OUT/.stderr" >&2; exit "$rc" ;;
	esac
	cat "$OUT/.stderr" >>"$OUT/demo.log"
	rm -f "$OUT/.stderr"
}

: >"$OUT/demo.log"
# Day 1, by 14:00: is the Annex A extract complete and usable?
step "check-annexA: Annex A extract checked" \
	check-annexA --as-of 2027-01-15 --format json -o "$OUT/annexa-check.json" \
	"$EX/annexa-national.csv"
# The observations (fixture plan until plan-weeks lands).
step "plan-observations: observations assigned" \
	plan-observations --plan "$ROOT/tests/cmd/plan-observations/data/plan.json" \
	--opportunities "$ROOT/tests/cmd/plan-observations/data/opps.csv" \
	-o "$OUT/observations.csv"
echo "demo: results in $OUT/"
