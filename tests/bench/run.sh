#!/bin/sh
# run.sh (make bench): the performance benchmark, in one run. On generated
# Annex A extracts of two shapes (as generated: 75% of lines quoted; and
# "few quoted": the same with most quoted values swapped for unquoted ones,
# about 5% of lines quoted) it times, interleaved (each round runs every
# command once in turn, so a change in the machine's load hits all alike):
# a bare libcsv parse with empty callbacks (csvparse.c, the parser's
# ceiling) of each shape, `wc -l` and `cat` (the machine's read ceiling),
# check-annexA and sample-cases national on each shape from the file and on
# the first shape through a pipe, and the peers Miller, csvkit and Python's
# csv module (pycsv.py), or says they are not installed (sh scripts/deps.sh
# --bench installs them). Every command runs pinned to one core (taskset,
# BENCH_CORE): the figures judged are CPU seconds (user + system), beside
# wall time. Then check-annexA on an Excel workbook (.xlsx, shaped as Excel
# saves one: shared strings, dates as serial numbers; build/gen/gen-xlsx) of
# the largest extract Excel can hold (at most 1,048,575 rows), against the
# same rows as CSV, interleaved. Then build-sea with redaction on a
# generated evidence set, and the demo pipeline end to end. It prints the median seconds, rows per
# second, the ratio to the bare parse and the peak memory of each, judges the
# targets (report.sh says which and why), and writes it all with the
# machine's description to tests/bench/RESULTS.md.
#
# Knobs (environment):
#   BENCH_SIZES    Annex A rows, one extract each (default "10000 100000 1000000 4000000")
#   BENCH_CORE     the core every command is pinned to (default the last online one)
#   BENCH_RUNS     runs of each command, median taken (default 7; the targets
#                  are judged only with 5 or more, fewer give indicative figures)
#   BENCH_RECORDS  evidence records for build-sea (default 100000)
#   BENCH_PEERS    0 leaves the peers (Miller, csvkit, Python) out (default 1)
#   BENCH_SLOW     seconds: a peer whose run takes longer is not run again at
#                  that size nor at any larger one, and RESULTS.md says so
#                  (default 60)
#   BENCH_OUT      where the results go (default tests/bench/RESULTS.md)
#   CC             compiles csvparse.c with -O2 (default cc; make passes its own)
#   BENCH_BUILD    how the tools were built, for the record (make passes CFLAGS)
# Smoke test: BENCH_SIZES=1000 BENCH_RUNS=1 BENCH_RECORDS=1000 BENCH_PEERS=0
# BENCH_OUT=FILE sh tests/bench/run.sh.
# Exit status: 0 every judged target met, 1 a target failed, 2 trouble (a
# tool missing, a command failing). RESULTS.md is replaced only by a whole run.
set -eu
OUT=${BENCH_OUT:-tests/bench/RESULTS.md}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SIZES=${BENCH_SIZES:-"10000 100000 1000000 4000000"}
RUNS=${BENCH_RUNS:-7}
RECORDS=${BENCH_RECORDS:-100000}
PEERS=${BENCH_PEERS:-1}
SLOW=${BENCH_SLOW:-60}
BUILD=${BENCH_BUILD:-"not recorded (run outside make)"}
CC=${CC:-cc}
TIMER=/usr/bin/time
GEN=build/gen/gen-examples
GENX=build/gen/gen-xlsx
COMMANDS="bare wc cat check sample check_pipe sample_pipe bare_p check_p sample_p mlr csvclean pycsv"
PIN=""
PINNED="not pinned (no taskset)"
if command -v taskset >/dev/null 2>&1; then
	CORE=${BENCH_CORE:-$(($(nproc) - 1))}
	PIN="taskset -c $CORE"
	PINNED="pinned to core $CORE (taskset)"
fi
AS_OF=2027-01-15
export CAFCASS_INSPECT_DATA="$ROOT/share"

W=$(mktemp -d)
WALL=$W/wall-clock
TMPOUT="$OUT.tmp.$$"
trap 'rm -rf "$W" "$TMPOUT"' EXIT
trap 'exit 2' INT TERM HUP

. tests/bench/measure.sh
. tests/bench/report.sh

# number NAME VALUE: VALUE must be a positive whole number.
number() {
	case $2 in '' | *[!0-9]*) trouble "$1 must be a positive whole number, not '$2'" ;; esac
	[ "$2" -gt 0 ] || trouble "$1 must be a positive whole number, not '$2'"
}

# preflight: check the knobs and the tools; build the bare parse.
preflight() {
	for n in $SIZES; do number BENCH_SIZES "$n"; done
	[ -n "$SIZES" ] || trouble "BENCH_SIZES is empty"
	number BENCH_RUNS "$RUNS"
	number BENCH_RECORDS "$RECORDS"
	number BENCH_SLOW "$SLOW"
	case $PEERS in 0 | 1) ;; *) trouble "BENCH_PEERS must be 0 or 1" ;; esac
	touch "$TMPOUT" 2>/dev/null || trouble "cannot write beside $OUT"
	[ -x "$TIMER" ] || trouble "$TIMER (GNU time) is missing: sh scripts/deps.sh --bench"
	for t in check-annexA sample-cases build-sea; do
		[ -x "bin/$t" ] || trouble "bin/$t is not built (make first)"
	done
	[ -x "$GEN" ] || trouble "$GEN is not built (make first)"
	[ -x "$GENX" ] || trouble "$GENX is not built (make first)"
	"$CC" -O2 -o "$W/csvparse" tests/bench/csvparse.c -lcsv ||
		trouble "cannot build tests/bench/csvparse.c with $CC and libcsv"
	"$CC" -O2 -o "$WALL" tests/bench/wall.c || trouble "cannot build tests/bench/wall.c with $CC"
	# The exec floor beside the one-row run: a C program that does nothing (libc only).
	printf 'int main(void) { return 0; }\n' >"$W/nothing.c"
	"$CC" -O2 -o "$W/nothing" "$W/nothing.c" || trouble "cannot build an empty program with $CC"
	PY=""
	if command -v python3 >/dev/null 2>&1; then
		# The interpreter itself, not a version manager's shim in front of it.
		PY=$(python3 -c 'import sys; print(sys.executable)')
	fi
	for k in $COMMANDS; do why "$k" >"$W/why.$k"; done
}

# why KEY: nothing when the command KEY runs, else why it does not.
why() {
	case $1 in
	mlr) w_tool=mlr ;;
	csvclean) w_tool=csvclean ;;
	pycsv) w_tool=$PY ;;
	*) return 0 ;;
	esac
	if [ "$PEERS" = 0 ]; then
		echo "left out (BENCH_PEERS=0)"
	elif [ -z "$w_tool" ] || ! command -v "$w_tool" >/dev/null 2>&1; then
		echo "not installed (sh scripts/deps.sh --bench installs it)"
	fi
}

# runnable KEY ROWS: true when KEY runs at this size (installed, not too slow
# here, nor at a smaller size: a peer over BENCH_SLOW a run is not run larger).
runnable() {
	[ ! -s "$W/why.$1" ] && [ ! -e "$W/slow.$2.$1" ] &&
		{ [ ! -s "$W/slowfrom.$1" ] || [ "$(cat "$W/slowfrom.$1")" -ge "$2" ]; }
}

# run_one KEY FILE: time command KEY once on FILE.
run_one() {
	r_res="$W/t.$n.$1"
	case $1 in
	bare) measure "$r_res" "$W/csvparse" "$2" ;;
	wc) measure "$r_res" wc -l "$2" ;;
	cat) measure "$r_res" cat "$2" ;;
	check) measure "$r_res" bin/check-annexA --as-of $AS_OF --format csv "$2" ;;
	sample) measure "$r_res" bin/sample-cases national --seed 1 "$2" ;;
	check_pipe) cat "$2" | measure "$r_res" bin/check-annexA --as-of $AS_OF --format csv - ;;
	sample_pipe) cat "$2" | measure "$r_res" bin/sample-cases national --seed 1 - ;;
	bare_p) measure "$r_res" "$W/csvparse" "$FP" ;;
	check_p) measure "$r_res" bin/check-annexA --as-of $AS_OF --format csv "$FP" ;;
	sample_p) measure "$r_res" bin/sample-cases national --seed 1 "$FP" ;;
	mlr) measure "$r_res" mlr --icsv --ojson cat "$2" ;;
	csvclean) measure "$r_res" csvclean -n "$2" ;;
	pycsv) measure "$r_res" "$PY" tests/bench/pycsv.py "$2" ;;
	esac
}

# counts ROWS CMD...: CMD must count every row of the extract, the header too.
counts() {
	c_n=$1
	shift
	c_got=$("$@") || trouble "$* failed"
	[ "$c_got" = $((c_n + 1)) ] || trouble "$* counted $c_got rows, not $((c_n + 1))"
}

# bench_size ROWS: generate the extract, then time every command on it in
# RUNS interleaved rounds; leaves "wall cpu peak runs" in $W/s.ROWS.KEY.
bench_size() {
	n=$1
	f="$W/annexa-$n.csv"
	echo "bench: generating $n rows" >&2
	"$GEN" --rows "$n" annexa -o "$f" || trouble "$GEN --rows $n annexa failed"
	awk -v b="$(wc -c <"$f")" 'BEGIN { printf "%.1f\n", b / 1048576 }' >"$W/mb.$n"
	# the few-quoted shape: most quoted values swapped for unquoted ones
	FP="$W/annexa-$n-few.csv"
	awk 'BEGIN { srand(7) }
	    /"/ && rand() < 0.97 {
	        sub(/"White: English, Welsh, Scottish, Northern Irish or British"/, "White: Irish")
	        sub(/"Black, Black British, Caribbean or African: [^"]*"/, "White: Irish") }
	    { print }' "$f" >"$FP"
	# the share of lines with a quote in each shape
	for s_f in "$f" "$FP"; do
		grep -c '"' "$s_f" | awk -v n="$n" '{ printf "%.0f%%\n", 100 * $1 / (n + 1) }'
	done | paste -sd' ' >"$W/quoted"
	counts "$n" "$W/csvparse" "$f"
	counts "$n" "$W/csvparse" "$FP"
	if runnable pycsv "$n"; then counts "$n" "$PY" tests/bench/pycsv.py "$f"; fi
	r=1
	while [ "$r" -le "$RUNS" ]; do
		echo "bench: $n rows, round $r of $RUNS" >&2
		for k in $COMMANDS; do
			runnable "$k" "$n" || continue
			run_one "$k" "$f"
			case $k in mlr | csvclean | pycsv)
				if tail -n 1 "$W/t.$n.$k" | awk -v s="$SLOW" '{ exit !($1 > s * 1e6) }'; then
					: >"$W/slow.$n.$k"
					[ -s "$W/slowfrom.$k" ] || echo "$n" >"$W/slowfrom.$k"
				fi
				;;
			esac
		done
		r=$((r + 1))
	done
	for k in $COMMANDS; do
		[ -s "$W/t.$n.$k" ] && summarise "$W/t.$n.$k" >"$W/s.$n.$k"
	done
	rm -f "$f" "$FP"
}

# bench_xlsx: the largest size a sheet holds, as CSV and as a workbook:
# check-annexA on each, in RUNS interleaved rounds; leaves $W/s.xlsx.KEY
# (check_csv, check_xlsx) and the size in $W/xlsx.rows (none: no size fits).
bench_xlsx() {
	x_n=0
	for n in $SIZES; do
		[ "$n" -le 1048575 ] && [ "$n" -gt "$x_n" ] && x_n=$n
	done
	[ "$x_n" -gt 0 ] || return 0
	echo "$x_n" >"$W/xlsx.rows"
	echo "bench: generating $x_n rows as CSV and as a workbook" >&2
	"$GEN" --rows "$x_n" annexa -o "$W/x.csv" || trouble "$GEN --rows $x_n annexa failed"
	"$GENX" "$W/x.csv" "$W/x.xlsx" || trouble "$GENX failed"
	awk -v b="$(wc -c <"$W/x.xlsx")" 'BEGIN { printf "%.1f\n", b / 1048576 }' >"$W/mb.xlsx"
	# the same findings from both
	bin/check-annexA --as-of $AS_OF --format csv "$W/x.csv" >"$W/x.a" || [ $? = 1 ] ||
		trouble "check-annexA failed on the CSV"
	bin/check-annexA --as-of $AS_OF --format csv "$W/x.xlsx" >"$W/x.b" || [ $? = 1 ] ||
		trouble "check-annexA failed on the workbook"
	cmp -s "$W/x.a" "$W/x.b" || trouble "check-annexA's findings differ between CSV and workbook"
	r=1
	while [ "$r" -le "$RUNS" ]; do
		echo "bench: $x_n rows as a workbook, round $r of $RUNS" >&2
		measure "$W/t.xlsx.check_csv" bin/check-annexA --as-of $AS_OF --format csv "$W/x.csv"
		measure "$W/t.xlsx.check_xlsx" bin/check-annexA --as-of $AS_OF --format csv "$W/x.xlsx"
		r=$((r + 1))
	done
	summarise "$W/t.xlsx.check_csv" >"$W/s.xlsx.check_csv"
	summarise "$W/t.xlsx.check_xlsx" >"$W/s.xlsx.check_xlsx"
	rm -f "$W/x.csv" "$W/x.xlsx"
}

# bench_pipeline: build-sea with redaction on RECORDS generated evidence
# records, and the demo end to end, interleaved; leaves $W/s.sea, $W/s.demo.
bench_pipeline() {
	echo "bench: generating $RECORDS evidence records" >&2
	"$GEN" --records "$RECORDS" evidence -o "$W/evidence" || trouble "$GEN evidence failed"
	"$GEN" annexa -o "$W/identifiers.csv" || trouble "$GEN annexa failed"
	head -n 2 "$W/identifiers.csv" >"$W/one.csv"
	r=1
	while [ "$r" -le "$RUNS" ]; do
		echo "bench: build-sea and the demo, round $r of $RUNS" >&2
		measure "$W/t.sea" bin/build-sea --identifiers "$W/identifiers.csv" \
			-o "$W/sea.json" "$W"/evidence/*.csv
		rm -rf "$W/demo"
		measure "$W/t.demo" sh share/examples/demo.sh "$W/demo"
		measure "$W/t.one" bin/check-annexA --as-of $AS_OF "$W/one.csv"
		measure "$W/t.exec" "$W/nothing"
		r=$((r + 1))
	done
	summarise "$W/t.sea" >"$W/s.sea"
	summarise "$W/t.demo" >"$W/s.demo"
	summarise "$W/t.one" >"$W/s.one"
	summarise "$W/t.exec" >"$W/s.exec"
	# What build-sea did, from its summary: records read, rejected, redacted.
	awk -F'[:,] *' '/"records_read"|"records_rejected"|"redactions"/ && !seen[$1]++ {
	    gsub(/[^0-9]/, "", $2); printf "%s ", $2 } END { print "" }' "$W/sea.json" >"$W/sea.summary"
	read -r p_read _ <"$W/sea.summary"
	[ "$p_read" = "$RECORDS" ] || trouble "build-sea read ${p_read:-no} records, not $RECORDS"
	set -- "$W"/evidence/*.csv
	echo $# >"$W/sea.files"
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
preflight
echo "bench: timing an empty command" >&2
i=0
while [ "$i" -lt "$RUNS" ]; do
	measure "$W/t.empty" true
	i=$((i + 1))
done
for n in $SIZES; do bench_size "$n"; done
bench_xlsx
bench_pipeline
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
FAILED=0
report >"$TMPOUT"
mv "$TMPOUT" "$OUT"
cat "$OUT"
[ "$FAILED" = 0 ] || exit 1
exit 0
