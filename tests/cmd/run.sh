#!/bin/sh
# run.sh: the data-driven tests of the binaries. Each case is a folder
# tests/cmd/<tool>/<case>/ holding:
#   args          the arguments, as shell words ($SHARE, $CASE, $TMP are set)
#   stdin         optional: fed to standard input (else /dev/null)
#   expected      optional: standard output must equal it exactly
#   exit          optional: the expected exit status (default 0)
#   stderr        optional: standard error must equal it exactly
#   stdout.grep, stderr.grep       optional: each line must occur (fixed string)
#   stdout.notgrep, stderr.notgrep optional: no line may occur (fixed string)
#   check.sh      optional: run after the tool with $OUT, $ERR, $TMP set; must exit 0
# Whatever the case asserts, a JSON document on standard output or written
# with -o into $TMP/NAME.json (exit 0 or 1) must be valid against its tool's schema in share/schemas (build/gen/
# schema-check); a tool with JSON output and no schema is a failure.
# A folder named data/ holds fixtures shared by a tool's cases. The tool runs in its case folder. Every case must assert something:
# a case with none of expected/stderr/*.grep/check.sh is itself a failure.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARE=$ROOT/share
export ROOT SHARE
pass=0
fail=0
schemas=0
failed=""

grep_each() { # file-of-patterns haystack want(1=present,0=absent)
	while IFS= read -r pat || [ -n "$pat" ]; do
		[ -z "$pat" ] && continue
		if grep -qF -- "$pat" "$2"; then found=1; else found=0; fi
		if [ "$found" != "$3" ]; then
			if [ "$3" = 1 ]; then echo "    missing: $pat"; else echo "    present: $pat"; fi
			return 1
		fi
	done <"$1"
	return 0
}

# The schema of a tool's JSON output (share/schemas/NAME.schema.json).
schema_for() {
	case $1 in
	check-annexA) echo check-annexA ;;
	plan-weeks) echo plan ;;
	plan-observations) echo observations ;;
	build-sea) echo sea ;;
	plan-cycle) echo plan-cycle ;;
	check-action-plan) echo check-action-plan ;;
	esac
}

run_case() { # dir
	dir=$1
	tool=$(basename "$(dirname "$dir")")
	TMP=$(mktemp -d)
	CASE=$dir
	export TMP CASE
	OUT=$TMP/.out
	ERR=$TMP/.err
	want_exit=0
	[ -f "$dir/exit" ] && want_exit=$(cat "$dir/exit")
	args=""
	[ -f "$dir/args" ] && args=$(cat "$dir/args")
	input=/dev/null
	[ -f "$dir/stdin" ] && input=$dir/stdin
	# shellcheck disable=SC2086
	(cd "$dir" && eval "set -- $args" && exec ${TOOL_WRAPPER:-} "$ROOT/bin/$tool" "$@") <"$input" >"$OUT" 2>"$ERR"
	got_exit=$?
	ok=1
	asserted=0
	why=""
	if [ -n "${TOOL_WRAPPER:-}" ] && [ "$got_exit" = 99 ]; then
		ok=0
		why="the wrapper reported errors"
		grep -m5 '==[0-9]*==' "$ERR" | sed 's/^/    /'
	fi
	if [ "$got_exit" != "$want_exit" ]; then ok=0; why="exit $got_exit, want $want_exit"; fi
	if [ -f "$dir/expected" ]; then
		asserted=1
		if ! cmp -s "$dir/expected" "$OUT"; then ok=0; why="$why; stdout differs"; diff -u "$dir/expected" "$OUT" | head -20 | sed 's/^/    /'; fi
	fi
	if [ -f "$dir/stderr" ]; then
		asserted=1
		if ! cmp -s "$dir/stderr" "$ERR"; then ok=0; why="$why; stderr differs"; diff -u "$dir/stderr" "$ERR" | head -20 | sed 's/^/    /'; fi
	fi
	for s in stdout stderr; do
		f=$OUT; [ $s = stderr ] && f=$ERR
		if [ -f "$dir/$s.grep" ]; then asserted=1; grep_each "$dir/$s.grep" "$f" 1 || { ok=0; why="$why; $s.grep"; }; fi
		if [ -f "$dir/$s.notgrep" ]; then asserted=1; grep_each "$dir/$s.notgrep" "$f" 0 || { ok=0; why="$why; $s.notgrep"; }; fi
	done
	# The JSON documents written: on stdout, and with -o into $TMP/*.json.
	for j in "$OUT" "$TMP"/*.json; do
		[ -f "$j" ] && [ "$got_exit" -le 1 ] && [ "$(head -c 1 "$j")" = "{" ] || continue
		schema=$(schema_for "$tool")
		if [ -z "$schema" ]; then
			ok=0; why="$why; JSON output but $tool has no schema in share/schemas"
		elif ! "$ROOT/build/gen/schema-check" "$SHARE/schemas/$schema.schema.json" "$j" >"$TMP/.schema" 2>&1; then
			ok=0; why="$why; $(basename "$j") is not valid against $schema.schema.json"
			head -5 "$TMP/.schema" | sed 's/^/    /'
		fi
		schemas=$((schemas + 1))
	done
	if [ -f "$dir/check.sh" ]; then
		asserted=1
		if ! (cd "$dir" && OUT=$OUT ERR=$ERR TOOL=$ROOT/bin/$tool sh ./check.sh) >"$TMP/.check" 2>&1; then
			ok=0; why="$why; check.sh failed"; sed 's/^/    /' "$TMP/.check" | head -20
		fi
	fi
	[ $asserted = 1 ] || { ok=0; why="$why; the case asserts nothing"; }
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed="$failed ${dir#$ROOT/}"
		echo "FAIL ${dir#$ROOT/}:$why"
		sed 's/^/    stderr: /' "$ERR" | head -5
	fi
	rm -rf "$TMP"
}

# One case (a folder) or one suite (a .t script), for the pool below: its
# report lines, then "result pass|fail SCHEMAS".
if [ "${1:-}" = --one ]; then
	case $2 in
	*.t)
		if sh "$2"; then pass=1; else fail=1; echo "FAIL ${2#$ROOT/}"; fi ;;
	*) run_case "$2" ;;
	esac
	[ "$fail" = 0 ] && echo "result pass $schemas" || echo "result fail $schemas"
	exit 0
fi

# Without CASES, every suite (tests/cmd/*.t, the longest first, so that the
# pool ends evenly); then every case folder matching $CASES (a folder named
# data/ holds shared fixtures, not a case).
items() {
	if [ -z "${CASES:-}" ]; then
		for t in hostile privacy output; do echo "$ROOT/tests/cmd/$t.t"; done
		for t in "$ROOT"/tests/cmd/*.t; do
			case $t in */hostile.t | */privacy.t | */output.t) ;; *) [ -f "$t" ] && echo "$t" ;; esac
		done
	fi
	for dir in "$ROOT"/tests/cmd/*/*/; do
		[ -d "$dir" ] || continue
		case $dir in */data/) continue ;; esac
		case $dir in *${CASES:-}*) ;; *) continue ;; esac
		echo "${dir%/}"
	done
}

# Run them $JOBS at a time (default: the CPUs online), each one's report kept
# in its own file and printed in the order above.
JOBS=${JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
R=$(mktemp -d "${TMPDIR:-/tmp}/cmd-run.XXXXXX") || exit 2
trap 'rm -rf "$R"' EXIT INT TERM
export R
items | awk '{ print NR " " $0 }' >"$R/items"
# shellcheck disable=SC2016
xargs -P "$JOBS" -I{} sh -c 'sh "$0" --one "${1#* }" >"$R/${1%% *}.out" 2>&1' \
	"$ROOT/tests/cmd/run.sh" {} <"$R/items"
while read -r n item; do
	grep -v '^result ' "$R/$n.out"
	res=$(sed -n 's/^result //p' "$R/$n.out" | tail -n 1)
	case $res in
	"pass "*) pass=$((pass + 1)) ;;
	*)
		fail=$((fail + 1))
		failed="$failed ${item#$ROOT/}"
		[ -n "$res" ] || echo "FAIL ${item#$ROOT/}: it ended without a result"
		;;
	esac
	n=${res#* }
	case $n in '' | *[!0-9]*) n=0 ;; esac
	schemas=$((schemas + n))
done <"$R/items"
echo "shell: $pass passed, $fail failed ($schemas JSON outputs valid against their schema)"
[ $fail = 0 ] || { echo "shell: failed:$failed"; exit 1; }
