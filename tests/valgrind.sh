#!/bin/sh
# valgrind.sh [TOOL...]: run the data-driven shell cases of tests/cmd/<tool>/
# with every tool invocation under valgrind memcheck (no invalid access, no
# definite leak), through tests/cmd/run.sh's TOOL_WRAPPER and CASES (one
# run.sh per tool, $JOBS at a time, default 2, to stay within about 3
# minutes on 2 cores). Valgrind's reports go to log files, so the cases'
# exact stderr still holds: a case fails when valgrind exits 99 and any
# non-empty log fails the run. Tools a
# case's check.sh runs itself ($TOOL) are not wrapped.
set -u
# PCRE2's JIT code is opaque to valgrind (false reports in frames named ???):
# the interpreter gives the same answers (tests/unit/test_rx.c) and is checked.
CAFCASS_INSPECT_NO_JIT=1
export CAFCASS_INSPECT_NO_JIT
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOBS=${JOBS:-2}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind.sh: valgrind not installed" >&2; exit 2; }
[ -x "$ROOT/bin/build-sea" ] || { echo "valgrind.sh: run make first" >&2; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/valgrind.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

if [ $# = 0 ]; then
	for d in "$ROOT"/tests/cmd/*/; do set -- "$@" "$(basename "$d")"; done
fi
for tool in "$@"; do
	[ -x "$ROOT/bin/$tool" ] && [ -d "$ROOT/tests/cmd/$tool" ] && mkdir "$T/$tool" &&
		echo "$tool" >>"$T/tools"
done
start=$(date +%s)
# shellcheck disable=SC2016
xargs -P "$JOBS" -I{} sh -c '
	JOBS=1 TOOL_WRAPPER="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
		--show-leak-kinds=definite -q
		--log-file=$1/{}/vg.%p" CASES=/tests/cmd/{}/ sh "$2/tests/cmd/run.sh" >"$1/{}.out" 2>&1
	echo $? >"$1/{}.rc"' sh "$T" "$ROOT" <"$T/tools"
rc=0
runs=0
while read -r tool; do
	sed "s/^shell:/$tool:/" "$T/$tool.out"
	[ "$(cat "$T/$tool.rc")" = 0 ] || rc=1
	for log in "$T/$tool"/vg.*; do
		[ -e "$log" ] || continue
		runs=$((runs + 1))
		[ -s "$log" ] || continue
		echo "valgrind: $tool $(basename "$log"):"
		sed 's/^/    /' "$log" | head -40
		rc=1
	done
done <"$T/tools"
echo "valgrind: $runs tool runs in $(($(date +%s) - start)) s: $([ $rc = 0 ] && echo clean || echo FAILED)"
exit $rc
