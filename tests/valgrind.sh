#!/bin/sh
# valgrind.sh [TOOL...]: run the data-driven shell cases of tests/cmd/<tool>/
# with every tool invocation under valgrind memcheck (no invalid access, no
# definite leak). tests/cmd/run.sh calls $ROOT/bin/<tool> directly, so each
# tool's cases run on a temporary copy of the tree whose bin/<tool> is a
# wrapper that execs valgrind on the real binary (kept in real-bin/; share/
# and build/ are links to the real ones). Valgrind's reports go to log
# files, so the cases' exact stderr still holds; a case fails when its exit
# status changes (valgrind exits 99 on an error) and any non-empty log fails
# the run. tests/valgrind.supp holds the one known false report (PCRE2's
# JIT reading past a subject in aligned words). Tools run $JOBS at a time (default 2) to stay within about 3
# minutes on 2 cores.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOBS=${JOBS:-2}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind.sh: valgrind not installed" >&2; exit 2; }
[ -x "$ROOT/bin/build-sea" ] || { echo "valgrind.sh: run make first" >&2; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/valgrind.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

# tree TOOL: the copy of the tree for TOOL's cases under $T/TOOL, every
# binary wrapped (a case's check.sh may run another tool).
tree() {
	d=$T/$1
	mkdir -p "$d/bin" "$d/real-bin" "$d/tests/cmd" "$d/vg"
	cp "$ROOT"/bin/* "$d/real-bin/"
	ln -s "$ROOT/share" "$d/share"
	ln -s "$ROOT/build" "$d/build"
	cp "$ROOT/tests/cmd/run.sh" "$d/tests/cmd/"
	cp -r "$ROOT/tests/cmd/$1" "$d/tests/cmd/"
	for b in "$ROOT"/bin/*; do
		b=$(basename "$b")
		cat >"$d/bin/$b" <<EOW
#!/bin/sh
exec valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
	--show-leak-kinds=definite -q --suppressions="$ROOT/tests/valgrind.supp" \\
	--log-file="$d/vg/$b.%p" "$d/real-bin/$b" "\$@"
EOW
		chmod +x "$d/bin/$b"
	done
}

tools=${*:-$(ls "$ROOT/tests/cmd" | grep -v '\.')}
for tool in $tools; do
	[ -x "$ROOT/bin/$tool" ] && [ -d "$ROOT/tests/cmd/$tool" ] && tree "$tool"
done
start=$(date +%s)
ls "$T" | xargs -P "$JOBS" -I{} sh -c 'sh "$1/{}/tests/cmd/run.sh" >"$1/{}.out" 2>&1; echo $? >"$1/{}.rc"' sh "$T"
rc=0
runs=0
for tool in $(ls "$T" | grep -v '\.'); do
	sed "s/^shell:/$tool:/" "$T/$tool.out"
	[ "$(cat "$T/$tool.rc")" = 0 ] || rc=1
	for log in "$T/$tool"/vg/*; do
		[ -e "$log" ] || continue
		runs=$((runs + 1))
		[ -s "$log" ] || continue
		echo "valgrind: $(basename "$log"):"
		sed 's/^/    /' "$log" | head -40
		rc=1
	done
done
echo "valgrind: $runs tool runs in $(($(date +%s) - start)) s: $([ $rc = 0 ] && echo clean || echo FAILED)"
exit $rc
