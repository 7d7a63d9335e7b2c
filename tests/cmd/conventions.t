#!/bin/sh
# conventions.t: what every binary shares (contract section 1): --help on
# stdout with exit 0, --version, an unknown flag is a usage error (exit 2),
# -o is atomic (a failing run leaves the target and its mode untouched and no
# temporary file; a successful run creates 0600 files, keeps an existing
# file's mode when not wider than 0600 and narrows it, saying so, when it
# is), and a man page with the required sections.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARE=$ROOT/share
TOOLS="check-annexA sample-cases plan-weeks plan-observations build-sea render-report plan-cycle check-action-plan"
VERSION=$(cat "$ROOT/share/VERSION")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
bad() { echo "conventions: $*"; fails=$((fails + 1)); }

# A run of each tool that fails on its input (a file that does not exist).
failing_args() {
	case $1 in
	check-annexA) echo "$T/missing.csv" ;;
	sample-cases) echo "national --seed 1 $T/missing.csv" ;;
	plan-weeks) echo "--start 2027-01-15 --areas $T/missing.csv" ;;
	plan-observations) echo "--plan $T/missing.json --opportunities $T/missing.csv" ;;
	build-sea) echo "$T/missing.csv" ;;
	render-report) echo "--judgements $T/missing.json" ;;
	plan-cycle) echo "--last 2024-02-16 --grade private-law=good --grade public-law=good --grade leadership=good --holidays $T/missing.json" ;;
	check-action-plan) echo "--recommendations $T/missing.csv --plan $T/missing.md" ;;
	esac
}

# A run of each tool that succeeds on the examples (exit 0 or 1), where built.
passing_args() {
	case $1 in
	check-annexA) echo "--as-of 2027-01-15 $SHARE/examples/annexa-national.csv" ;;
	sample-cases) echo "national --seed 1 $SHARE/examples/annexa-national.csv" ;;
	plan-weeks) echo "--start 2027-01-15 --areas $SHARE/examples/areas.csv" ;;
	plan-observations) d=$ROOT/tests/cmd/plan-observations/data
		echo "--plan $d/plan.json --opportunities $d/opps.csv" ;;
	build-sea) echo "$SHARE/examples/evidence/*.csv" ;;
	render-report) echo "--letter ce-email --details $SHARE/examples/details.json" ;;
	plan-cycle) echo "--last 2024-02-16 --grade private-law=good --grade public-law=good --grade leadership=good --as-of 2025-06-01" ;;
	check-action-plan) echo "--monitoring --inspection 2027-02-16" ;;
	esac
}

for t in $TOOLS; do
	bin=$ROOT/bin/$t
	[ -x "$bin" ] || { bad "$t: not built"; continue; }
	"$bin" --help >"$T/out" 2>"$T/err"; rc=$?
	[ $rc = 0 ] || bad "$t --help: exit $rc"
	grep -q '^usage:' "$T/out" || bad "$t --help: no usage on stdout"
	[ -s "$T/err" ] && bad "$t --help: wrote to stderr"
	"$bin" -h >"$T/out2" 2>/dev/null && cmp -s "$T/out" "$T/out2" || bad "$t -h differs from --help"
	"$bin" --version >"$T/out" 2>"$T/err"; rc=$?
	[ $rc = 0 ] || bad "$t --version: exit $rc"
	[ "$(cat "$T/out")" = "$t (cafcass-inspect) $VERSION" ] || bad "$t --version: got '$(cat "$T/out")'"
	"$bin" --no-such-flag >"$T/out" 2>"$T/err"; rc=$?
	[ $rc = 2 ] || bad "$t --no-such-flag: exit $rc, want 2"
	grep -q 'usage:' "$T/err" || bad "$t --no-such-flag: no usage on stderr"
	[ -s "$T/out" ] && bad "$t --no-such-flag: wrote to stdout"

	# -o on failure: the existing target is untouched, mode kept, no temp file.
	mkdir -p "$T/o" && printf 'precious\n' >"$T/o/target" && chmod 640 "$T/o/target"
	# shellcheck disable=SC2046
	"$bin" $(failing_args "$t") -o "$T/o/target" >"$T/out" 2>"$T/err"; rc=$?
	[ $rc = 2 ] || bad "$t failing run: exit $rc, want 2"
	[ "$(cat "$T/o/target")" = precious ] || bad "$t failing run changed the -o target"
	[ "$(stat -c %a "$T/o/target")" = 640 ] || bad "$t failing run changed the target's mode"
	[ "$(ls -A "$T/o" | wc -l)" = 1 ] || bad "$t failing run left files: $(ls -A "$T/o")"
	[ -s "$T/out" ] && bad "$t failing run wrote to stdout"
	grep -q "^$t: " "$T/err" || bad "$t failing run: no '$t: ' diagnostic"
	rm -rf "$T/o"

	# -o on success: new files 0600, existing files keep their mode.
	args=$(passing_args "$t")
	[ -n "$args" ] || bad "$t: no passing run to test -o with"
	if [ -n "$args" ]; then
		mkdir -p "$T/o"
		(umask 022 && "$bin" $args -o "$T/o/new" >/dev/null 2>&1); rc=$?
		[ $rc -le 1 ] || bad "$t passing run: exit $rc"
		[ "$(stat -c %a "$T/o/new" 2>/dev/null)" = 600 ] || bad "$t: new -o file not 0600"
		[ -s "$T/o/new" ] || bad "$t: new -o file empty"
		printf 'old\n' >"$T/o/old" && chmod 600 "$T/o/old"
		"$bin" $args -o "$T/o/old" >/dev/null 2>&1
		[ "$(stat -c %a "$T/o/old")" = 600 ] || bad "$t: -o changed an existing 0600 file's mode"
		[ "$(cat "$T/o/old")" != old ] || bad "$t: -o did not replace the existing file"
		# Wider than 0600: narrowed to 0600, and said so on stderr.
		printf 'old\n' >"$T/o/wide" && chmod 644 "$T/o/wide"
		"$bin" $args -o "$T/o/wide" >/dev/null 2>"$T/err"
		[ "$(stat -c %a "$T/o/wide")" = 600 ] || bad "$t: -o kept an existing file's mode 0644"
		grep -q "^$t: $T/o/wide: warning: its mode 0644 was narrowed to 0600" "$T/err" ||
			bad "$t: -o narrowed the mode without saying so"
		[ "$(ls -A "$T/o" | wc -l)" = 3 ] || bad "$t: -o left files: $(ls -A "$T/o")"
		rm -rf "$T/o"
	fi

	# The man page: mdoc with the required sections, formats without warnings.
	man=$ROOT/cmd/$t/$t.1
	if [ -f "$man" ]; then
		for s in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" EXAMPLES; do
			grep -q "^\.Sh $s\$" "$man" || bad "$t.1: no '.Sh $s'"
		done
		w=$(groff -mandoc -ww -z "$man" 2>&1)
		[ -z "$w" ] || bad "$t.1: groff warnings: $w"
	else
		bad "$t: no man page cmd/$t/$t.1"
	fi
done
[ "$(sed -n 's/^AC_INIT(\[cafcass-inspect\], \[\([^]]*\)\].*/\1/p' "$ROOT/configure.ac")" = "$VERSION" ] ||
	bad "share/VERSION and configure.ac disagree"
[ $fails = 0 ]
