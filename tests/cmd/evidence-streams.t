#!/bin/sh
# evidence-streams.t: build-sea reads an evidence file as a stream, so the
# same records give the same SEA whichever way they come: a CSV file, the
# CSV through a pipe, the rows as an Excel workbook (build/gen/csv-to-xlsx),
# the workbook through a pipe, and duplicates across files merged alike.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
bad() { echo "evidence-streams: FAIL $*"; fails=$((fails + 1)); }
cat >"$T/ev.csv" <<'CSV'
inspector,date,time,source,case_ref,service_area,judgement,criteria,finding,summary,team,response,response_date,view
HMI Ahmed,2027-01-26,10:30,case-file,CA27004512,North East,private-law,1;7,strength,"The plan was clear, and the child's views were recorded.",,,,
HMI Ahmed,26/01/2027,9:05,Case File,CA27004513; CA27004514,North East,public-law,15,concern,Risk was not assessed before the hearing.,Team 2,A safety plan is now in place.,2027-01-28,
HMI Brook,2027-01-27,,meeting,,,leadership,,strength,Leaders know their teams well.,,,,
CSV
# sea OUT ARGS...: build-sea --format csv (file names are not in it) into OUT
sea() {
	out=$1
	shift
	"$ROOT/bin/build-sea" --format csv "$@" >"$out" 2>"$out.err"
	rc=$?
	[ $rc = 0 ] || bad "build-sea $* exited $rc: $(head -2 "$out.err")"
}
sea "$T/file" "$T/ev.csv"
[ "$(wc -l <"$T/file")" = 4 ] || bad "the CSV gave $(wc -l <"$T/file") lines, not a header and 3 entries"
sea "$T/pipe" - <"$T/ev.csv"
cmp -s "$T/file" "$T/pipe" || bad "the CSV through a pipe gives another SEA"
if "$ROOT/build/gen/csv-to-xlsx" "$T/ev.csv" "$T/ev.xlsx" 2>"$T/x.err"; then
	sea "$T/xlsx" "$T/ev.xlsx"
	cmp -s "$T/file" "$T/xlsx" || bad "the rows as .xlsx give another SEA: $(head -3 "$T/xlsx.err")"
	sea "$T/xpipe" - <"$T/ev.xlsx"
	cmp -s "$T/file" "$T/xpipe" || bad "the .xlsx through a pipe gives another SEA"
else
	bad "csv-to-xlsx failed: $(head -2 "$T/x.err")"
fi
cp "$T/ev.csv" "$T/again.csv"
sea "$T/twice" "$T/ev.csv" "$T/again.csv"
cmp -s "$T/file" "$T/twice" || bad "the same records in two files were not merged"
echo "evidence-streams: $fails failed"
[ "$fails" = 0 ]
