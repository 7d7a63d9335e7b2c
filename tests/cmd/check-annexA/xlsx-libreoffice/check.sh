#!/bin/sh
# A workbook LibreOffice saved from the CSV (dates typed as dates, strings
# shared) gives the same findings as the CSV, from a file and from a pipe.
set -eu
for fmt in text csv json; do
	"$TOOL" --as-of 2027-01-15 --format $fmt input.csv >"$TMP/a" || [ $? = 1 ]
	"$TOOL" --as-of 2027-01-15 --format $fmt input.xlsx >"$TMP/b" || [ $? = 1 ]
	cat input.xlsx | "$TOOL" --as-of 2027-01-15 --format $fmt >"$TMP/c" || [ $? = 1 ]
	sed 's/input\.csv/input.xlsx/' "$TMP/a" >"$TMP/a2"
	cmp "$TMP/a2" "$TMP/b"
	sed 's/input\.xlsx/<stdin>/' "$TMP/b" >"$TMP/b2"
	cmp "$TMP/b2" "$TMP/c"
done
grep -q 'input.xlsx' "$TMP/b"
