#!/bin/sh
# Issue 15: the handbook never gives the form of a Case ID, so every tool
# must work on an extract whose IDs have any consistent shape exactly as on
# the examples (IDs CA + 8 digits). The examples are rewritten with three
# other shapes (CAF-2028551827, 28551827, LS28P551827), the evidence's
# references with them, and each tool's verdict and counts compared.
set -eu
BIN=$ROOT/bin
EX=$SHARE/examples
W=$TMP/w
mkdir -p "$W"
# summary of a run: exit status and the counts that must not change
check_sum() { # dir
	"$BIN/check-annexA" --as-of 2027-01-15 "$1/annexa-national.csv" >"$1/check.txt" && echo "exit 0" || echo "exit $?"
	grep -E '^(records|errors|warnings|case ids|national sample|case type|law type|service area):' "$1/check.txt"
}
sample_sum() { # dir
	"$BIN/sample-cases" national --seed 7 "$1/annexa-national.csv" >"$1/nat.csv" 2>"$1/nat.err" && echo "exit 0" || echo "exit $?"
	# strata and quotas, and the audit flags by stratum (which cases, by rank, may differ)
	tail -n +2 "$1/nat.csv" | awk -F, '{print $(NF-4), $(NF-3)}' | sort | uniq -c
	tail -n +2 "$1/nat.csv" | awk -F, '{print $(NF-4), $(NF-2)}' | sort | uniq -c
	"$BIN/sample-cases" local --area "West Yorkshire" --seed 7 --as-of 2027-01-25 --closed "$1/recent-closed.csv" \
		--exclude "$1/nat.csv" "$1/recent-filed.csv" >"$1/loc.csv" 2>"$1/loc.err" && echo "exit 0" || echo "exit $?"
	tail -n +2 "$1/loc.csv" | awk -F, '{print $(NF-4), $(NF-2), $(NF-1)}' | sort | uniq -c
}
sea_sum() { # dir
	"$BIN/build-sea" --identifiers "$1/annexa-national.csv" -o "$1/sea.json" "$1"/evidence/*.csv 2>"$1/sea.err" && echo "exit 0" || echo "exit $?"
	# entries, rejected and redactions by type: the same counts
	tr ',{}' '\n\n\n' <"$1/sea.json" | grep -E '"(name|email|phone|postcode|ni_number|nhs_number|date_of_birth)": [0-9]' | sort
	grep -c '"summary"' "$1/sea.json"
}
prepare() { # dir sed-expression
	mkdir -p "$1/evidence"
	for f in annexa-national.csv recent-filed.csv recent-closed.csv; do
		sed -E "$2" "$EX/$f" >"$1/$f"
	done
	for f in "$EX"/evidence/*.csv; do
		sed -E "$2" "$f" >"$1/evidence/$(basename "$f")"
	done
}
prepare "$W/ca" 's/x/x/'
check_sum "$W/ca" >"$W/ca.check"
sample_sum "$W/ca" >"$W/ca.sample"
sea_sum "$W/ca" >"$W/ca.sea"
grep -q 'exit 0' "$W/ca.check"
n=0
for expr in 's/\bCA([0-9]{8})\b/CAF-20\1/g' 's/\bCA([0-9]{8})\b/\1/g' 's/\bCA([0-9]{2})([0-9]{6})\b/LS\1P\2/g'; do
	n=$((n + 1))
	d=$W/f$n
	prepare "$d" "$expr"
	if grep -q 'CA[0-9]\{8\}' "$d/annexa-national.csv"; then echo "any-id-form: failed: line 51" >&2; exit 1; fi
	check_sum "$d" >"$d.check"
	diff "$W/ca.check" "$d.check"
	sample_sum "$d" >"$d.sample"
	diff "$W/ca.sample" "$d.sample"
	sea_sum "$d" >"$d.sea"
	diff "$W/ca.sea" "$d.sea"
	# nothing dropped or rejected for its shape
	if grep -q 'not eligible\|left out\|rejected\|not in the extract' "$d/nat.err" "$d/loc.err" "$d/sea.err"; then echo "any-id-form: failed: line 59" >&2; exit 1; fi
	# the case references survive redaction in the SEA, whatever their form
	ref=$(sed -n 2p "$d/evidence/catherine-ashdown.csv" | cut -d, -f5)
	[ "$(grep -c "Case file $ref " "$d/sea.json")" -ge 1 ]
done
[ "$n" = 3 ]
