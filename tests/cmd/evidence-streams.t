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
# The --identifiers extract: its names redacted, a case reference it lacks
# reported. It is read more than once, so stdin ("-") and a pipe are refused
# (a second reading of a pipe found it empty and reported nothing).
cat >"$T/ids.csv" <<'CSV'
Case ID,Child first name,Child surname
CA27004512,Ottilie,Quennell
CA27004513,Bartholomew,Featherstonehaugh
CSV
printf '%s\n' "$(head -1 "$T/ev.csv")" \
	'HMI Ahmed,2027-01-26,10:30,case-file,CA27004512,North East,private-law,1,strength,Ottilie Quennell was seen alone.,,,,' \
	'HMI Ahmed,2027-01-27,10:30,case-file,CA27004599,North East,private-law,1,concern,Bartholomew was not seen.,,,,' >"$T/named.csv"
ids() { # OUT, then how the extract comes
	out=$1
	shift
	"$ROOT/bin/build-sea" --format csv "$@" >"$out" 2>"$out.err"
	echo $? >>"$out.err"
}
ids "$T/ids-file" --identifiers "$T/ids.csv" "$T/named.csv"
ids "$T/ids-stdin" --identifiers - "$T/named.csv" <"$T/ids.csv"
cat "$T/ids.csv" | ids "$T/ids-pipe" --identifiers /dev/stdin "$T/named.csv"
grep -q 'CA27004599 is not in the extract' "$T/ids-file.err" ||
	bad "a case reference the extract lacks was not reported: $(head -2 "$T/ids-file.err")"
[ "$(tail -1 "$T/ids-file.err")" = 1 ] || bad "an unknown case reference did not exit 1"
grep -Eq 'Ottilie|Quennell|Bartholomew' "$T/ids-file" && bad "a child's name from --identifiers was not redacted"
for how in stdin pipe; do
	[ "$(tail -1 "$T/ids-$how.err")" = 2 ] || bad "--identifiers by $how did not exit 2"
	grep -q 'give a file, not standard input or a pipe' "$T/ids-$how.err" ||
		bad "--identifiers by $how: $(head -2 "$T/ids-$how.err")"
	[ -s "$T/ids-$how" ] && bad "--identifiers by $how wrote a SEA"
done
echo "evidence-streams: $fails failed"
[ "$fails" = 0 ]
