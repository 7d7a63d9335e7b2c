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

for dir in "$ROOT"/tests/cmd/*/*/; do
	[ -d "$dir" ] || continue
	case $dir in */data/) continue ;; esac # shared fixtures, not a case
	case $dir in *${CASES:-}*) ;; *) continue ;; esac
	run_case "${dir%/}"
done
[ -n "${CASES:-}" ] && { echo "shell: $pass passed, $fail failed ($schemas JSON outputs valid against their schema)"; [ $fail = 0 ]; exit; }
for t in "$ROOT"/tests/cmd/*.t; do
	[ -f "$t" ] || continue
	if sh "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed ${t#$ROOT/}"; echo "FAIL ${t#$ROOT/}"; fi
done
echo "shell: $pass passed, $fail failed ($schemas JSON outputs valid against their schema)"
[ $fail = 0 ]
