#!/bin/sh
# An extract full of sentinel names, dates and free text, with every kind
# of defect: no sentinel, nor any date of birth, appears in stdout or stderr,
# in any format, from a file or from standard input.
set -u
fail=0
for fmt in text json csv; do
	for how in file stdin; do
		if [ $how = file ]; then
			"$TOOL" --as-of 2027-01-15 --format $fmt input.csv >"$TMP/o" 2>"$TMP/e"
		else
			"$TOOL" --as-of 2027-01-15 --format $fmt <input.csv >"$TMP/o" 2>"$TMP/e"
		fi
		rc=$?
		[ $rc = 1 ] || { echo "$fmt $how: exit $rc"; fail=1; }
		[ -s "$TMP/o" ] || { echo "$fmt $how: no output"; fail=1; }
		for f in "$TMP/o" "$TMP/e"; do
			if grep -a -e Zzsentinel -e zzsentinel -e Qqsurname -e 1999 -e 2031 -e 2001 -e 31/02 -e 07/07 -e Amelia -e Sarah -e "Ren" "$f"; then
				echo "$fmt $how: personal value printed"
				fail=1
			fi
		done
	done
done
# The defects were found (so the test is not vacuous).
"$TOOL" --as-of 2027-01-15 --format csv input.csv >"$TMP/o"
for rule in bad-date dob-future enum duplicate-id case-conflict required identifying-case-name \
    ragged-row blank-row encoding malformed-csv law-type-mismatch public-law-needs-la; do
	grep -q ",$rule," "$TMP/o" || { echo "rule $rule not raised"; fail=1; }
done
exit $fail
