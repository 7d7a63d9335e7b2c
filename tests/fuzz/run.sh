#!/bin/sh
# run.sh HARNESS...: run each libFuzzer harness (a path, or a name in build/fuzz)
# for $FUZZ_SECONDS (default 60)
# on a corpus seeded from the tests' own inputs, and print the executions
# per harness. A crash, leak or hang fails the run; the input that caused
# it is kept as build/fuzz/<harness>-crash-* (or -timeout-*) for a
# regression test. A hang: one input running longer than $FUZZ_TIMEOUT
# seconds (default 10; libFuzzer's -timeout, which exits with status 70),
# or a harness still running $FUZZ_GRACE seconds (default 120) after its
# time is up (killed by timeout(1): status 124 or 137). Any status but 0
# fails the run; a timeout is reported as such. The harnesses run side by
# side, $FUZZ_JOBS at a time (default: the CPUs online).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
S=${FUZZ_SECONDS:-60}
PER_INPUT=${FUZZ_TIMEOUT:-10}
GRACE=${FUZZ_GRACE:-120}
export CAFCASS_INSPECT_DATA="$ROOT/share"
fail=0

# sample-cases: each small input of its cases and examples in five settings
# (national with --explain, local with an area of the file, local with
# --closed, --exclude and --explain, complaints, national in cp1252: the
# first byte of part 1, as fuzz_main_sample_cases.c reads it; the second
# names the data row whose area is taken), a case's exclude.csv and
# closed.csv as parts 2 and 3; the large examples by their first 40 lines.
seed_sample_cases() { # corpus-dir
	tmp=$(mktemp -d) || return
	for f in annexa-national recent-filed recent-closed; do
		head -n 40 "share/examples/$f.csv" >"$tmp/$f.csv"
	done
	{
		find tests/cmd/sample-cases \( -name '*.csv' -o -name stdin \) -size -64k
		echo share/examples/complaints.csv
		find "$tmp" -name '*.csv'
	} | while read -r f; do
		d=$(dirname "$f")
		for b in 044 025 266 003 104; do
			{
				cat "$f"
				printf '\n~~~~\n%b\002\n~~~~\n' "\\0$b"
				[ -f "$d/exclude.csv" ] && cat "$d/exclude.csv"
				printf '\n~~~~\n'
				if [ -f "$d/closed.csv" ]; then cat "$d/closed.csv"; else cat "$f"; fi
			} >"$1/$(echo "${f#"$tmp"/}" | tr '/' '_')-$b"
		done
	done
	rm -rf "$tmp"
}

seed() { # harness corpus-dir
	case $1 in
	fuzz_csvio) find tests share/examples -name '*.csv' -size -64k ;;
	fuzz_json) find tests share -name '*.json' -size -64k ;;
	fuzz_dates) printf '%s\n' 2027-01-15 15/01/2027 1/2/2015 29/02/2024 31/02/2015 \
		'2027-01-15 00:00:00' 12:30 >"$2/seed-dates"; return ;;
	fuzz_header) find share/fields share/vocab -name '*.json' ;;
	fuzz_evidence) find tests/cmd/build-sea share/examples/evidence -name '*.csv' -size -64k
		find tests/cmd/build-sea -name stdin ;;
	fuzz_redact) find tests/redact tests/cmd/render-report/data share/templates -type f -size -64k ;;
	fuzz_report) find tests/cmd/render-report share/examples share/templates -type f \
		\( -name '*.json' -o -name '*.md' -o -name '*.txt' \) -size -64k ;;
	fuzz_schedule) find share/schedule tests/cmd/build-sea tests/cmd/render-report \
		-name '*.json' -size -64k ;;
	fuzz_annexa) find tests/cmd/check-annexA -name '*.csv' -size -64k ;;
	fuzz_timetable) find share/profiles -name '*.json' ;;
	fuzz_areas) find tests/cmd/plan-weeks share/examples -name '*.csv' -size -64k ;;
	fuzz_main_sample_cases) seed_sample_cases "$2"; return ;;
	*) find "tests/fuzz/seeds/$1" -type f 2>/dev/null ;;
	esac | while read -r f; do cp "$f" "$2/$(echo "$f" | tr '/' '_')"; done
}

# fuzz_one HARNESS: seed its corpus, run it, and write its result line to
# build/fuzz/<harness>.result; its status is the harness's.
fuzz_one() {
	bin=$1
	name=$(basename "$bin")
	# a bare name is a harness of build/fuzz (make fuzz builds them)
	case $bin in */*) ;; *) bin=build/fuzz/$bin ;; esac
	mkdir -p build/fuzz
	if [ ! -x "$bin" ]; then
		printf '%-28s %12s %8s  %s\n' "$name" '?' "$S" "FAILED: no harness $bin (make fuzz builds them)" \
			>"build/fuzz/$name.result"
		return 2
	fi
	corpus=build/fuzz/corpus/$name
	mkdir -p "$corpus"
	seed "$name" "$corpus"
	log=build/fuzz/$name.log
	# exit() in render-report returns by longjmp, so its early stops leak
	# by design: leaks there are left to the valgrind pass.
	case $name in
	fuzz_main_render_report) leaks=0 ;;
	*) leaks=1 ;;
	esac
	export ASAN_OPTIONS=detect_leaks=$leaks
	timeout -k 10 $((S + GRACE)) "$bin" -max_total_time="$S" -timeout="$PER_INPUT" \
		-timeout_exitcode=70 -rss_limit_mb=2048 -max_len=100000 \
		-print_final_stats=1 -close_fd_mask=3 -detect_leaks=$leaks \
		-artifact_prefix="build/fuzz/$name-" "$corpus" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	case $rc in
	0) result=ok ;;
	70) result="FAILED: an input ran over ${PER_INPUT}s (a hang; see $log)" ;;
	124 | 137) result="FAILED: still running ${GRACE}s after its time (a hang; see $log)" ;;
	*) result="FAILED (exit $rc, see $log)" ;;
	esac
	printf '%-28s %12s %8s  %s\n' "$name" "${execs:-?}" "$S" "$result" >"build/fuzz/$name.result"
	return $rc
}

if [ "${1:-}" = --one ]; then
	fuzz_one "$2"
	exit
fi

# The harnesses run $FUZZ_JOBS at a time (default: the CPUs online), each
# for its own $FUZZ_SECONDS; their lines are printed in the order given.
JOBS=${FUZZ_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
for bin in "$@"; do
	rm -f "build/fuzz/$(basename "$bin").result"
done
printf '%s\n' "$@" | xargs -P "$JOBS" -I{} sh "$ROOT/tests/fuzz/run.sh" --one {} || fail=1
printf '%-28s %12s %8s  %s\n' harness executions seconds result
for bin in "$@"; do
	name=$(basename "$bin")
	if [ -f "build/fuzz/$name.result" ]; then
		cat "build/fuzz/$name.result"
		grep -q ' ok$' "build/fuzz/$name.result" || fail=1
	else
		printf '%-28s %12s %8s  %s\n' "$name" '?' "$S" "FAILED: no result (see build/fuzz/$name.log)"
		fail=1
	fi
done
exit $fail
