# A workbook is binary: with standard output a terminal (script(1) gives one)
# it is refused, exit 2, nothing but the message reaching the terminal;
# redirected, it is written.
set -eu
rc=0
script -qec "$TOOL --plan ../data/plan.json --opportunities ../data/opps.csv --format xlsx" \
	/dev/null >"$TMP/tty" 2>&1 || rc=$?
[ $rc = 2 ]
grep -q 'plan-observations: a workbook is binary: not written to a terminal' "$TMP/tty"
if grep -q 'PK' "$TMP/tty"; then exit 1; fi
[ "$(wc -l <"$TMP/tty")" = 1 ]
[ "$(head -c 2 "$OUT")" = PK ]
