# Opportunities given as a workbook (written by the suite's own writer,
# build/gen/csv-to-xlsx): messages about a row name its cell,
# FILE:Sheet!A<row>, and another row the same way; the good workbook gives
# the same assignments as the CSV.
set -eu
X=$ROOT/build/gen/csv-to-xlsx
T="$TOOL --plan ../data/plan.json"
"$X" ../data/opps.csv "$TMP/o.xlsx" Opportunities
rc=0; $T --opportunities ../data/opps.csv >"$TMP/a" 2>"$TMP/ea" || rc=$?
rb=0; $T --opportunities "$TMP/o.xlsx" >"$TMP/b" 2>"$TMP/eb" || rb=$?
[ $rc = $rb ] && [ $rc -le 1 ]
cmp "$TMP/a" "$TMP/b"
[ "$(wc -l <"$TMP/a")" -gt 3 ]
# a repeated id
{ sed -n 1,5p ../data/opps.csv; sed -n 3p ../data/opps.csv; } >"$TMP/dup.csv"
"$X" "$TMP/dup.csv" "$TMP/dup.xlsx" Opportunities
rc=0; $T --opportunities "$TMP/dup.xlsx" >/dev/null 2>"$TMP/e" || rc=$?
[ $rc = 2 ]
grep -qF "$TMP/dup.xlsx:Opportunities!A6: id: the same id as Opportunities!A3" "$TMP/e" ||
	grep -qF "$TMP/dup.xlsx:Opportunities!A3: id: the same id as Opportunities!A6" "$TMP/e" ||
	{ cat "$TMP/e"; exit 1; }
# a ragged row
{ cat ../data/opps.csv; echo 'X1,North East,2027-01-26,10:00,12:00,meeting,Office,0,Y,extra'; } >"$TMP/rag.csv"
"$X" "$TMP/rag.csv" "$TMP/rag.xlsx"
rc=0; $T --opportunities "$TMP/rag.xlsx" >/dev/null 2>"$TMP/e" || rc=$?
[ $rc = 2 ]
n=$(wc -l <../data/opps.csv)
grep -qF "$TMP/rag.xlsx:Data!A$((n + 1)): ragged row: 10 fields, header has 9" "$TMP/e" ||
	{ cat "$TMP/e"; exit 1; }
