#!/bin/sh
# readme.sh: the README's examples are tests, so the README never lies.
# A fenced block preceded by the line "<!-- test -->" is run as a script
# (sh -e) from the top of the tree with bin/ first on PATH; one preceded by
# "<!-- test: exit N -->" must end with status N. A block preceded by
# "<!-- transcript -->" is a shell session: each "$ command" line is run and
# the lines after it, up to the next "$ " line, must be its exact output.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
PATH=$ROOT/bin:$PATH
export PATH
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

# Split README.md into $T/block.N.{sh,kind,line}.
awk -v dir="$T" '
	/^<!-- test -->$/ { kind = "run 0"; next }
	/^<!-- test: exit [0-9]+ -->$/ { kind = "run " $4; next }
	/^<!-- transcript -->$/ { kind = "transcript"; next }
	/^```/ {
		if (inblock) { inblock = 0; close(f); next }
		if (kind != "") {
			n++; inblock = 1; f = dir "/block." n ".sh"
			print kind > (dir "/block." n ".kind"); close(dir "/block." n ".kind")
			print NR + 1 > (dir "/block." n ".line"); close(dir "/block." n ".line")
			printf "" > f
			kind = ""; next
		}
	}
	inblock { print > f; next }
	{ kind = "" }
' README.md

run_transcript() { # file
	awk -v dir="$T/tr" '
		/^\$ / { n++; print substr($0, 3) > (dir "." n ".cmd"); printf "" > (dir "." n ".want"); next }
		n { print > (dir "." n ".want") }
	' "$1"
	for c in "$T"/tr.*.cmd; do
		[ -f "$c" ] || continue
		w=${c%.cmd}.want
		sh -c "$(cat "$c")" >"$T/got" 2>&1
		if ! cmp -s "$w" "$T/got"; then
			echo "  \$ $(cat "$c")"
			diff -u "$w" "$T/got" | sed 's/^/    /' | head -20
			rm -f "$T"/tr.*
			return 1
		fi
	done
	rm -f "$T"/tr.*
	return 0
}

for b in "$T"/block.*.sh; do
	[ -f "$b" ] || continue
	base=${b%.sh}
	kind=$(cat "$base.kind")
	line=$(cat "$base.line")
	case $kind in
	transcript)
		if run_transcript "$b"; then ok=1; else ok=0; fi
		;;
	run*)
		want=${kind#run }
		sh -e "$b" >"$T/out" 2>&1
		rc=$?
		if [ "$rc" = "$want" ]; then ok=1; else ok=0; sed 's/^/    /' "$T/out" | tail -10; fi
		;;
	esac
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL README.md:$line: $kind"
	fi
done
[ $((pass + fail)) -gt 0 ] || { echo "readme: no tested examples found"; exit 1; }
echo "readme: $pass passed, $fail failed"
[ $fail = 0 ]
