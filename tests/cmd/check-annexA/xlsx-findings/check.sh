# --format xlsx: the findings as a workbook (0600, nothing on stdout) whose
# one sheet, Findings, read back with the tools' own reader, holds exactly
# the records of --format csv (--raw: no formula quote, as a workbook's text
# is never a formula); and a terminal on standard output is refused (exit 2)
# with nothing but the message written to it.
set -eu
D=$ROOT/build/gen/table-dump
[ "$(stat -c %a "$TMP/findings.xlsx")" = 600 ]
[ ! -s "$OUT" ]
rc=0
"$TOOL" --as-of 2027-01-15 --format csv --raw ../privacy/input.csv >"$TMP/csv" || rc=$?
[ $rc = 1 ]
[ "$(wc -l <"$TMP/csv")" -gt 10 ]
"$D" "$TMP/findings.xlsx" Findings | cmp - "$TMP/csv"
rc=0
script -qec "$TOOL --as-of 2027-01-15 --format xlsx ../privacy/input.csv" /dev/null >"$TMP/tty" 2>&1 || rc=$?
[ $rc = 2 ]
grep -q 'check-annexA: a workbook is binary: not written to a terminal' "$TMP/tty"
[ "$(wc -l <"$TMP/tty")" = 1 ]
