#!/bin/sh
# install.t: `make install DESTDIR=...` puts the binaries, the man pages and
# share/ in place, and an installed binary finds its data without help.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
bad() { echo "install: $*"; fails=$((fails + 1)); }
make -s -C "$ROOT" install DESTDIR="$T/stage" PREFIX=/opt/ci >"$T/log" 2>&1 || { cat "$T/log"; bad "make install failed"; exit 1; }
for t in check-annexA sample-cases plan-weeks plan-observations build-sea render-report \
	plan-cycle check-action-plan; do
	[ -x "$T/stage/opt/ci/bin/$t" ] || bad "bin/$t not installed"
	[ -f "$T/stage/opt/ci/share/man/man1/$t.1" ] || bad "man page $t.1 not installed"
done
[ -f "$T/stage/opt/ci/share/cafcass-inspect/VERSION" ] || bad "share/ not installed"
[ -f "$T/stage/opt/ci/share/cafcass-inspect/holidays/bank-holidays.json" ] || bad "holidays not installed"
# The installed binary, run from elsewhere with no CAFCASS_INSPECT_DATA, reads
# the installed share/ (the example extract is installed with it).
cd "$T" || exit 2
env -u CAFCASS_INSPECT_DATA "$T/stage/opt/ci/bin/check-annexA" --as-of 2027-01-15 --format csv \
	"$T/stage/opt/ci/share/cafcass-inspect/examples/annexa-national.csv" >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 0 ] || { bad "installed check-annexA on the installed example: exit $rc"; head -3 "$T/err"; }
[ "$(head -1 "$T/out")" = "line,column,rule,severity,message" ] || bad "installed check-annexA: no CSV header"
[ $fails = 0 ]
