#!/bin/sh
# Standard input, "-" and a named file give the same findings and summary.
set -eu
for fmt in csv json; do
	"$TOOL" --as-of 2027-01-15 --format $fmt input.csv >"$TMP/a" || [ $? = 1 ]
	"$TOOL" --as-of 2027-01-15 --format $fmt <input.csv >"$TMP/b" || [ $? = 1 ]
	"$TOOL" --as-of 2027-01-15 --format $fmt - <input.csv >"$TMP/c" || [ $? = 1 ]
	sed 's/"file": "input.csv"/"file": "<stdin>"/' "$TMP/a" >"$TMP/a2"
	cmp "$TMP/a2" "$TMP/b"
	cmp "$TMP/b" "$TMP/c"
done
grep -q '"enum": 3' "$TMP/a"
