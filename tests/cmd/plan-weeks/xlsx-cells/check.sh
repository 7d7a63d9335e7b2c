# Areas and team given as workbooks (written here by the suite's own writer,
# build/gen/csv-to-xlsx): each message about a row names its cell,
# FILE:Sheet!A<row>, as the other readers do, and another row the same way;
# never a value. The same workbooks, well formed, plan as the CSVs do.
set -eu
X=$ROOT/build/gen/csv-to-xlsx
T="$TOOL --start 2027-01-15"
msg() { # expected-message tool-args...
	want=$1
	shift
	rc=0
	$T "$@" >/dev/null 2>"$TMP/e" || rc=$?
	[ $rc = 2 ] || { echo "exit $rc: $*"; exit 1; }
	grep -qF "$want" "$TMP/e" || { echo "want: $want"; cat "$TMP/e"; exit 1; }
	if grep -q 'Zed\|Nowhere' "$TMP/e"; then exit 1; fi
}
# the good workbooks give the same plan as the CSVs
"$X" ../data/areas.csv "$TMP/areas.xlsx" Areas
"$X" ../data/team.csv "$TMP/team.xlsx"
$T --areas ../data/areas.csv --team ../data/team.csv --format json -o "$TMP/a.json"
$T --areas "$TMP/areas.xlsx" --team "$TMP/team.xlsx" --format json -o "$TMP/b.json"
cmp "$TMP/a.json" "$TMP/b.json"
# areas: a value that is not a number, a repeated area
sed '3s/,64,/,Zed,/' ../data/areas.csv >"$TMP/bad.csv"
"$X" "$TMP/bad.csv" "$TMP/bad.xlsx" Areas
msg "$TMP/bad.xlsx:Areas!A3: performance: not a number" --areas "$TMP/bad.xlsx"
{ sed -n 1,4p ../data/areas.csv; sed -n 2p ../data/areas.csv; } >"$TMP/dup.csv"
"$X" "$TMP/dup.csv" "$TMP/dup.xlsx" 'Area list'
msg "$TMP/dup.xlsx:'Area list'!A5: service_area: the same area as 'Area list'!A2" \
	--areas "$TMP/dup.xlsx"
# a ragged row (the table reader's own message)
{ cat ../data/areas.csv; echo 'Zed,1,2,2020-01-01,0,Nowhere'; } >"$TMP/rag.csv"
"$X" "$TMP/rag.csv" "$TMP/rag.xlsx"
msg "$TMP/rag.xlsx:Data!A19: ragged row: 6 fields, header has 5" --areas "$TMP/rag.xlsx"
# team: a bad role, a repeated person, a conflict naming no area
sed '3s/,deputy,/,Zed,/' ../data/team.csv >"$TMP/t1.csv"
"$X" "$TMP/t1.csv" "$TMP/t1.xlsx"
msg "$TMP/t1.xlsx:Data!A3: role: not lead, deputy or inspector" --team "$TMP/t1.xlsx" --view deployment
{ sed -n 1,11p ../data/team.csv; sed -n 3p ../data/team.csv; } >"$TMP/t2.csv"
"$X" "$TMP/t2.csv" "$TMP/t2.xlsx"
msg "$TMP/t2.xlsx:Data!A12: name: the same person as Data!A3" --team "$TMP/t2.xlsx" --view deployment
sed '4s/,$/,Atlantis/' ../data/team.csv >"$TMP/t3.csv"
"$X" "$TMP/t3.csv" "$TMP/t3.xlsx"
msg "$TMP/t3.xlsx:Data!A4: conflicts: 'Atlantis' is not a service area" \
	--areas ../data/areas.csv --team "$TMP/t3.xlsx" --view deployment
# the same team as CSV still names lines
msg "$TMP/t2.csv:12: name: the same person as line 3" --team "$TMP/t2.csv" --view deployment
