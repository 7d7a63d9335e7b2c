#!/bin/sh
# Garbage after a valid header (random bytes, quotes, commas, CR, LF, NUL,
# from a fixed seed): the tool never crashes, reports findings (exit 1), and
# its CSV output stays well formed with the five columns, its JSON output
# valid against its schema with as many findings.
set -eu
H='Case ID,Case name,Gender,Ethnicity,Disability (Y/N),Date of birth,Lead application,Law type,Case type,Practitioner,Team,Service area,Local authority (Public law),Court,File location'
for seed in 1 2 3 4 5; do
	{
		echo "$H"
		awk -v seed=$seed 'BEGIN {
			srand(seed)
			alphabet = "ab,,\"\"\r\n  CA0123456789/-"
			for (i = 0; i < 4000; i++) {
				r = rand()
				if (r < 0.05) printf "%c", 128 + int(rand() * 128)
				else printf "%s", substr(alphabet, 1 + int(rand() * length(alphabet)), 1)
			}
			printf "\n"
		}'
	} >"$TMP/g.csv"
	for fmt in text json csv; do
		rc=0
		"$TOOL" --as-of 2027-01-15 --format $fmt "$TMP/g.csv" >"$TMP/o.$fmt" 2>"$TMP/e" || rc=$?
		[ $rc = 1 ] || { echo "seed $seed $fmt: exit $rc"; cat "$TMP/e"; exit 1; }
	done
	[ "$(head -n 1 "$TMP/o.csv")" = "line,column,rule,severity,message" ]
	set -- $("$ROOT/build/gen/csv-field" -n "$TMP/o.csv")
	[ "$1" -gt 0 ] && [ "$2" = 5 ] && [ "$3" = 0 ] || { echo "seed $seed: csv $*"; exit 1; }
	[ "$(jq .summary.findings "$TMP/o.json")" = "$1" ] || { echo "seed $seed: counts differ"; exit 1; }
	"$ROOT/build/gen/schema-check" "$SHARE/schemas/check-annexA.schema.json" "$TMP/o.json"
done
