# Every list sample-cases writes as a workbook (national, local, complaints,
# from the examples), read back with the tools' own reader, holds the CSV's
# records (dates as real dates, read back ISO), then the columns Cafcass
# fills in, empty; each file 0600; a terminal on standard output is refused.
set -eu
D=$ROOT/build/gen/table-dump
ex=$SHARE/examples
for mode in national local complaints; do
	case $mode in
	national) set -- national --seed 7 "$ex/annexa-national.csv"; extra=file_sent,audit_grade ;;
	local) set -- local --as-of 2027-01-15 --area "London South" --closed "$ex/recent-closed.csv" --seed 7 \
		"$ex/recent-filed.csv"; extra=file_sent,audit_grade ;;
	complaints) set -- complaints --as-of 2027-01-15 "$ex/complaints.csv"; extra=file_sent ;;
	esac
	"$TOOL" "$@" --raw >"$TMP/$mode.csv" 2>/dev/null || [ $? = 1 ]
	"$TOOL" "$@" --format xlsx -o "$TMP/$mode.xlsx" 2>/dev/null || [ $? = 1 ]
	[ "$(stat -c %a "$TMP/$mode.xlsx")" = 600 ]
	n=$(head -n 1 "$TMP/$mode.csv" | tr ',' '\n' | wc -l)
	[ "$(wc -l <"$TMP/$mode.csv")" -gt 5 ]
	"$D" -i "$TMP/$mode.csv" >"$TMP/a"
	"$D" -i -f "$n" "$TMP/$mode.xlsx" >"$TMP/b"
	cmp "$TMP/a" "$TMP/b" || { echo "$mode differs"; exit 1; }
	[ "$("$D" "$TMP/$mode.xlsx" | head -n 1)" = "$(head -n 1 "$TMP/$mode.csv"),$extra" ]
	# the workbook's dates come back ISO: none is DD/MM/YYYY
	if "$D" "$TMP/$mode.xlsx" | grep -q '[0-9][0-9]/[0-9][0-9]/[0-9]\{4\}'; then exit 1; fi
done
rc=0
script -qec "$TOOL complaints --as-of 2027-01-15 --format xlsx $ex/complaints.csv" /dev/null >"$TMP/tty" 2>&1 || rc=$?
[ $rc = 2 ]
grep -q 'sample-cases: a workbook is binary: not written to a terminal' "$TMP/tty"
[ "$(wc -l <"$TMP/tty")" = 1 ]
