#!/bin/sh
# Garbage after a valid header (random bytes, quotes, commas, CR, LF, NUL,
# from a fixed seed): the tool never crashes, reports findings (exit 1), and
# its CSV output stays well formed with the five columns.
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
	python3 -c '
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0] == ["line", "column", "rule", "severity", "message"], rows[0]
assert len(rows) > 1 and all(len(r) == 5 for r in rows), "ragged output"
doc = json.load(open(sys.argv[2]))
assert doc["summary"]["findings"] == len(rows) - 1
' "$TMP/o.csv" "$TMP/o.json"
done
